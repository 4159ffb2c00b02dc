/**
 * The application life cycle as data: which statuses each status may move to. The Record
 * type makes the compiler reject a status without a row; services check `canMove` before
 * any write and repeat the allowed "from" list in their UPDATE ... WHERE guard, so a race
 * between two requests cannot skip the table.
 */
import { APPLICATION_STATUSES, type ApplicationStatus } from './taxonomy';

export type { ApplicationStatus };
export { APPLICATION_STATUSES };

/** The actions a brand or creator takes on an application, and the status each leads to. */
export type ApplicationAction = 'shortlist' | 'accept' | 'decline' | 'withdraw';

export const ACTION_TARGET: Readonly<Record<ApplicationAction, ApplicationStatus>> = {
	shortlist: 'shortlisted',
	accept: 'accepted',
	decline: 'declined',
	withdraw: 'withdrawn'
};

/** Allowed transitions. Accepted, declined and withdrawn are final. */
export const APPLICATION_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
	pending: ['shortlisted', 'accepted', 'declined', 'withdrawn'],
	shortlisted: ['accepted', 'declined', 'withdrawn'],
	accepted: [],
	declined: [],
	withdrawn: []
};

/** Whether an application in `from` may move to `to`. */
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
	return APPLICATION_TRANSITIONS[from].includes(to);
}

/** The statuses from which `action` is allowed (used in the UPDATE ... WHERE status IN (...) guard). */
export function sourcesOf(action: ApplicationAction): ApplicationStatus[] {
	const target = ACTION_TARGET[action];
	return APPLICATION_STATUSES.filter((s) => canMove(s, target));
}

export type TransitionCheck = { ok: true } | { ok: false; code: 'already_done' | 'invalid_state' };

/**
 * Decides whether `action` may run on an application in `from`. Repeating the action that
 * produced the current status is reported as `already_done`, so a client can treat a
 * retried accept as success instead of an error it must show.
 */
export function checkTransition(from: ApplicationStatus, action: ApplicationAction): TransitionCheck {
	const to = ACTION_TARGET[action];
	if (canMove(from, to)) return { ok: true };
	return { ok: false, code: from === to ? 'already_done' : 'invalid_state' };
}

/** Whether the brand may still act on the application (shortlist, accept or decline). */
export function isOpenForDecision(status: ApplicationStatus): boolean {
	return canMove(status, 'accepted') || canMove(status, 'declined');
}
