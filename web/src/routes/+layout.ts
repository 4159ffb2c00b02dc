import { translator } from '$lib/i18n';
import { messagesOf } from '$lib/i18n/page-messages';
import type { LayoutLoad } from './$types';

/**
 * The page's translator, from the messages the server chose for this route and language
 * (+layout.server.ts; $lib/i18n/page-messages.ts says how they travel). Built here, in a universal load, so the same function serves the
 * server render and the browser. A missing message is a defect: it is logged where it shows.
 */
export const load: LayoutLoad = ({ data, route }) => {
	const messages = messagesOf(data.messages);
	return {
		...data,
		messages,
		t: translator(data.locale, messages, (key) => console.error(JSON.stringify({ level: 'error', event: 'i18n.missing_key', key, route: route.id })))
	};
};
