import { PageMessages } from '$lib/i18n/page-messages';
import { messagesFor } from '$lib/server/route-messages';
import type { LayoutServerLoad } from './$types';

/**
 * The reader's language and the messages of this page in it (route.id: a 404 has none;
 * $lib/i18n/page-messages.ts: how they travel), and
 * the unread count for the header, which GET /me already answered (hooks.server.ts) — read
 * again on every navigation (url.pathname), as the hook asks /me on each one.
 */
export const load: LayoutServerLoad = async ({ locals, url, route, isDataRequest }) => {
	const messages = messagesFor(locals.locale, route.id);
	// A rendered page carries them once in its HTML (hooks.server.ts writes what locals holds);
	// a client-side navigation's data carries them itself.
	if (!isDataRequest) locals.pageMessages = messages;
	return {
		locale: locals.locale,
		messages: isDataRequest ? messages : new PageMessages(messages),
		me: locals.me,
		unread: locals.me && url.pathname !== '/notifications' ? locals.me.unread : 0
	};
};
