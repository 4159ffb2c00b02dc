import type { Catalogue } from './index';
export const ar: Catalogue = {
	'app.name': 'وصلة',
	'app.tagline': 'صنّاع محتوى يحققون المبيعات، تختارهم بالأدلة.'
};
