/** Cron task (issue 12, point 1): codes and tracked links of campaigns that ended stop counting; the rows stay, never reused. */
import type { ServiceContext } from '../context';
import { deactivateEnded } from '../services/attribution/codes';

export function deactivateCodes(ctx: ServiceContext): Promise<{ codes: number; links: number }> {
	return deactivateEnded(ctx);
}
