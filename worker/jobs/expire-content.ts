/**
 * Cron task (issue 11, point 7): marks the content-library assets whose rights window is over
 * at the run's clock (`expired_at` = the run's time), once each; withdrawn assets stay
 * withdrawn and perpetual ones never expire. Reads already treat a passed `rights_until` as
 * expired (worker/domain/content-rights.ts), so a late run changes what is stored, never what
 * is shown or served.
 */
import type { ServiceContext } from '../context';

export async function expireContent(ctx: ServiceContext): Promise<{ expired: number }> {
	const res = await ctx.db
		.prepare('UPDATE content_assets SET expired_at = ?1 WHERE expired_at IS NULL AND withdrawn_at IS NULL AND perpetual = 0 AND rights_until IS NOT NULL AND rights_until <= ?1')
		.bind(ctx.now)
		.run();
	return { expired: res.meta.changes };
}
