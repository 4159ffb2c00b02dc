/** In-app notifications of the signed-in user, and how they want to hear about each category of message. */
import { type Router, route } from '../route';
import { json } from '../body';
import { listNotifications, markNotificationsRead } from '../services/notifications';
import { getPreferences, setPreferences } from '../services/notification-preferences';
import { ReadBody } from './applications.types';
import { NotificationsQuery, PreferencesBody, PreferencesOut } from './notifications.types';

export function notificationRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/notifications',
			summary: 'The caller’s notifications, newest first (of one category with `category`), with the unread count in total and per category',
			tags: ['notifications'],
			auth: 'user',
			query: NotificationsQuery,
			responses: { 200: { description: 'OK' }, 400: { description: 'Invalid page or category' }, 401: { description: 'No session' } }
		},
		async (c, { ctx, query }) => c.json(await listNotifications(ctx, { page: query.page, category: query.category }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/notifications/read',
			summary: 'Mark notifications read: the listed ids, or all when `ids` is absent',
			tags: ['notifications'],
			auth: 'user',
			body: json(ReadBody),
			responses: { 200: { description: 'OK; the remaining unread count' }, 400: { description: 'Invalid ids' }, 401: { description: 'No session' } }
		},
		async (c, { ctx, body }) => c.json(await markNotificationsRead(ctx, { ids: body.ids }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/notification-preferences',
			summary: 'How the caller hears about each category of message: email (and in-app), in_app only, or off; account and signing are locked to email',
			tags: ['notifications'],
			auth: 'user',
			responses: { 200: { description: 'Every category with its channel', schema: PreferencesOut }, 401: { description: 'No session' } }
		},
		async (c, { ctx }) => c.json(await getPreferences(ctx))
	);

	route(
		r,
		{
			method: 'put',
			path: '/me/notification-preferences',
			summary: 'Change the channel of the listed categories (the others keep theirs)',
			tags: ['notifications'],
			auth: 'user',
			body: json(PreferencesBody),
			responses: {
				200: { description: 'Changed; every category with its channel', schema: PreferencesOut },
				400: { description: 'Unknown category or channel; nothing changed' },
				401: { description: 'No session' },
				422: { description: 'Account or signing cannot be changed; nothing changed' }
			}
		},
		async (c, { ctx, body }) => c.json(await setPreferences(ctx, { changes: body }))
	);
}
