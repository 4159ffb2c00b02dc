/** In-app notifications of the signed-in user. */
import { type Router, route } from '../route';
import { listNotifications, markNotificationsRead } from '../services/notifications';
import { PageQuery, ReadBody } from './applications.types';

export function notificationRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/notifications',
			summary: 'The caller’s notifications, newest first, with the unread count',
			tags: ['notifications'],
			auth: 'user',
			query: PageQuery,
			responses: { 200: { description: 'OK' }, 401: { description: 'No session' } }
		},
		async (c, { ctx, query }) => c.json(await listNotifications(ctx.db, ctx.user.id, query.page))
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
		async (c, { ctx, body }) => c.json(await markNotificationsRead(ctx.db, ctx.user.id, body.ids, ctx.now))
	);
}
