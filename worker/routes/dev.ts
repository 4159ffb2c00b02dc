/**
 * Development-only routes: the email outbox, and the cron run at a chosen time. Absent
 * (404) unless APP_ENV is exactly "development".
 */
import * as v from 'valibot';
import { AppError } from '../errors';
import { type Router, route } from '../route';
import { json } from '../body';
import { jobContext } from '../context';
import { runScheduled } from '../jobs/scheduled';
import { listOutbox } from '../services/outbox';

const OutboxQuery = v.object({
	limit: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(200)), '50'),
	/** Only the emails sent to this address (the demo seed writes many). */
	to: v.optional(v.pipe(v.string(), v.maxLength(254)))
});

const ScheduledBody = v.strictObject({
	now: v.pipe(v.string('required'), v.isoTimestamp('invalid_type'), v.description('The time the cron run believes it is (ISO 8601 with a time zone, e.g. 2026-12-04T09:00:00Z).'))
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
		async (c, { ctx, query }) => {
			if (ctx.env.APP_ENV !== 'development') throw new AppError('not_found');
			return c.json({ messages: await listOutbox(ctx.db, query.limit, query.to) });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/dev/scheduled',
			summary: 'Runs exactly what the cron runs, as if it were `now`, and answers what it did (development only)',
			tags: ['dev'],
			auth: 'public',
			body: json(ScheduledBody),
			internal: true,
			responses: { 200: { description: 'What the run did, counted by task' } }
		},
		async (c, { ctx, body }) => {
			if (ctx.env.APP_ENV !== 'development') throw new AppError('not_found');
			return c.json(await runScheduled(jobContext(ctx.env, Date.parse(body.now))));
		}
	);
}
