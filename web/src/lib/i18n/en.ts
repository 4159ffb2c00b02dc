import type { Catalogue } from './index';
export const en: Catalogue = {
	'app.name': 'Wasla',
	'app.tagline': 'Creators who sell, chosen on evidence.'
};
