/** Step-up for sensitive changes (issue 15, point 3): the session must have proved its user within 5 minutes. */
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { stepUpFresh } from '../domain/two-factor';

/** 403 `reauth_required` unless the session proved its user (login, or POST /auth/reauth) within the last 5 minutes. */
export function requireStepUp(ctx: Pick<RequestContext, 'reauthAt' | 'now'>): void {
	if (!stepUpFresh(ctx.reauthAt, ctx.now)) throw new AppError('reauth_required');
}
