/** In-app notifications of the signed-in user, and how they want to hear about each category of message. */
import type { Context } from 'hono';
import { type ServiceContext, jobQueue } from '../context';
import type { AppEnv } from '../env';
import { type Router, route } from '../route';
import { listNotifications, markNotificationsRead } from '../services/notifications';
import { getPreferences, setPreferences } from '../services/notification-preferences';
import { ReadBody } from './applications.types';
import { NotificationsQuery, PreferencesBody, PreferencesOut } from './notifications.types';

/** The service context of this request (the caller's language, this request's clock and origin). */
function serviceContext(c: Context<AppEnv>): ServiceContext {
	return { env: c.env, db: c.env.DB, files: c.env.FILES, jobs: jobQueue(c.env), now: Date.now(), locale: c.get('locale'), origin: new URL(c.req.url).origin };
}

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
		async (c, { query }) => c.json(await listNotifications(c.env.DB, c.get('user')!.id, query.page, query.category))
	);

	route(
		r,
		{
			method: 'post',
			path: '/notifications/read',
			summary: 'Mark notifications read: the listed ids, or all when `ids` is absent',
			tags: ['notifications'],
			auth: 'user',
			body: ReadBody,
			responses: { 200: { description: 'OK; the remaining unread count' }, 400: { description: 'Invalid ids' }, 401: { description: 'No session' } }
		},
		async (c, { body }) => c.json(await markNotificationsRead(c.env.DB, c.get('user')!.id, body.ids, Date.now()))
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
		async (c) => c.json(await getPreferences(serviceContext(c), c.get('user')!.id))
	);

	route(
		r,
		{
			method: 'put',
			path: '/me/notification-preferences',
			summary: 'Change the channel of the listed categories (the others keep theirs)',
			tags: ['notifications'],
			auth: 'user',
			body: PreferencesBody,
			responses: {
				200: { description: 'Changed; every category with its channel', schema: PreferencesOut },
				400: { description: 'Unknown category or channel; nothing changed' },
				401: { description: 'No session' },
				422: { description: 'Account or signing cannot be changed; nothing changed' }
			}
		},
		async (c, { body }) => c.json(await setPreferences(serviceContext(c), c.get('user')!.id, body))
	);
}
