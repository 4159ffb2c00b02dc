/** Exact fixed-window counters in D1: one upsert per hit, atomic in SQLite. */
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { type Limit, retryAfterSeconds, windowStart } from '../domain/rate-limit-rules';

/** Adds one hit to the counter and returns the count in the current window. */
export async function hit(ctx: ServiceContext, limit: Limit, subject: string): Promise<number> {
	const start = windowStart(ctx.now, limit);
	const row = await ctx.db
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

/** Counts a hit and throws 429 (with Retry-After) once the window's budget is spent. */
export async function consume(ctx: ServiceContext, limit: Limit, subject: string): Promise<void> {
	const count = await hit(ctx, limit, subject);
	if (count > limit.max) throw new AppError('rate_limited', { retryAfter: retryAfterSeconds(ctx.now, limit) });
}

/**
 * Gives back one hit counted earlier in the same window: for limits that count only
 * failures but must be counted *before* the work (so parallel requests cannot all pass a
 * read-then-write check), the request that turns out to succeed refunds its hit.
 */
export async function refund(ctx: ServiceContext, limit: Limit, subject: string): Promise<void> {
	await ctx.db.prepare('UPDATE rate_limits SET count = count - 1 WHERE key = ?1 AND window_start = ?2 AND count > 0').bind(`${limit.name}:${subject}`, windowStart(ctx.now, limit)).run();
}
