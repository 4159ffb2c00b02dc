/** Exact fixed-window counters in D1: one upsert per hit, atomic in SQLite. */
import { AppError } from '../errors';
import { type Limit, retryAfterSeconds, windowStart } from '../domain/rate-limit-rules';

/** Adds one hit to the counter and returns the count in the current window. */
export async function hit(d1: D1Database, limit: Limit, subject: string, now: number): Promise<number> {
	const start = windowStart(now, limit);
	const row = await d1
		.prepare(
			`INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
			 ON CONFLICT(key) DO UPDATE SET
			   count = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.count + 1 ELSE 1 END,
			   window_start = excluded.window_start
			 RETURNING count`
		)
		.bind(`${limit.name}:${subject}`, start)
		.first<{ count: number }>();
	return row?.count ?? 1;
}

/** The count in the current window without adding to it. */
export async function peek(d1: D1Database, limit: Limit, subject: string, now: number): Promise<number> {
	const row = await d1
		.prepare('SELECT count FROM rate_limits WHERE key = ?1 AND window_start = ?2')
		.bind(`${limit.name}:${subject}`, windowStart(now, limit))
		.first<{ count: number }>();
	return row?.count ?? 0;
}

/** Counts a hit and throws 429 (with Retry-After) once the window's budget is spent. */
export async function consume(d1: D1Database, limit: Limit, subject: string, now: number): Promise<void> {
	const count = await hit(d1, limit, subject, now);
	if (count > limit.max) throw new AppError('rate_limited', { retryAfter: retryAfterSeconds(now, limit) });
}

/** Throws 429 when the budget is already spent, without counting this request. */
export async function ensureBelow(d1: D1Database, limit: Limit, subject: string, now: number): Promise<void> {
	if ((await peek(d1, limit, subject, now)) >= limit.max) {
		throw new AppError('rate_limited', { retryAfter: retryAfterSeconds(now, limit) });
	}
}
