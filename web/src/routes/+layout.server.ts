import { messagesFor } from '$lib/server/route-messages';
import type { LayoutServerLoad } from './$types';

/**
 * The reader's language and the messages of this page in it (route.id: a 404 has none), and
 * the unread count for the header, which GET /me already answered (hooks.server.ts) — read
 * again on every navigation (url.pathname), as the hook asks /me on each one.
 */
export const load: LayoutServerLoad = async ({ locals, url, route }) => ({
	locale: locals.locale,
	messages: messagesFor(locals.locale, route.id),
	me: locals.me,
	unread: locals.me && url.pathname !== '/notifications' ? locals.me.unread : 0
});
