import type { LayoutServerLoad } from './$types';

/** Unread notifications for the header link; read again on every navigation (url.pathname). */
async function unreadCount(fetch: typeof globalThis.fetch): Promise<number> {
	const res = await fetch('/api/v1/notifications');
	if (!res.ok) return 0;
	return ((await res.json()) as { unread: number }).unread;
}

export const load: LayoutServerLoad = async ({ locals, fetch, url }) => ({
	locale: locals.locale,
	me: locals.me,
	unread: locals.me && url.pathname !== '/notifications' ? await unreadCount(fetch) : 0
});
