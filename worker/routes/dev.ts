/** Development-only routes: the email outbox. Absent unless APP_ENV is "development". */
import * as v from 'valibot';
import { AppError } from '../errors';
import { type Router, route } from '../route';
import { listOutbox } from '../services/outbox';

const OutboxQuery = v.object({
	limit: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(200)), '50')
});

export function devRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/dev/outbox',
			summary: 'Emails written by the app, latest first (development only)',
			tags: ['dev'],
			auth: 'public',
			query: OutboxQuery,
			internal: true,
			responses: { 200: { description: 'OK' } }
		},
		async (c, { query }) => {
			if (c.env.APP_ENV !== 'development') throw new AppError('not_found');
			return c.json({ messages: await listOutbox(c.env.DB, query.limit) });
		}
	);
}
