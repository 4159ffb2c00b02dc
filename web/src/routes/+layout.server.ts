import { messagesFor } from '$lib/server/route-messages';
import type { LayoutServerLoad } from './$types';

/** Unread notifications for the header link; read again on every navigation (url.pathname). */
async function unreadCount(fetch: typeof globalThis.fetch): Promise<number> {
	const res = await fetch('/api/v1/notifications');
	if (!res.ok) return 0;
	return ((await res.json()) as { unread: number }).unread;
}

/** The reader's language and the messages of this page in it (route.id: a 404 has none). */
export const load: LayoutServerLoad = async ({ locals, fetch, url, route }) => ({
	locale: locals.locale,
	messages: messagesFor(locals.locale, route.id),
	me: locals.me,
	unread: locals.me && url.pathname !== '/notifications' ? await unreadCount(fetch) : 0
});
