/**
 * Team invitations and brand memberships as data. An invitation is only ever answered by
 * the invitee (accept or decline) or withdrawn by the brand owner; nothing joins a brand
 * by itself. Services check `checkAnswer` / `checkRevoke` before any write and repeat the
 * pending condition (`PENDING_SQL`) in their UPDATE ... WHERE guard, so two concurrent
 * answers cannot both win.
 */

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked' | 'expired';
export type InvitationAnswer = 'accept' | 'decline';

/** The timestamps an invitation row carries (milliseconds; null = not happened). */
export interface InvitationTimes {
	expiresAt: number;
	acceptedAt: number | null;
	declinedAt: number | null;
	revokedAt: number | null;
}

/** How long declined and expired invitations stay visible in the team list. */
export const INVITATION_HISTORY_MS = 30 * 24 * 3600 * 1000;

/**
 * SQL condition for "still pending at ?now" on a `brand_invitations` row; `now` is the
 * placeholder to compare `expires_at` with (e.g. `?2`).
 */
export function pendingSql(now: string, alias = ''): string {
	const p = alias ? `${alias}.` : '';
	return `${p}accepted_at IS NULL AND ${p}declined_at IS NULL AND ${p}revoked_at IS NULL AND ${p}expires_at > ${now}`;
}

/** The status of an invitation at `now`: an answer or a withdrawal wins over expiry. */
export function invitationStatus(inv: InvitationTimes, now: number): InvitationStatus {
	if (inv.acceptedAt !== null) return 'accepted';
	if (inv.declinedAt !== null) return 'declined';
	if (inv.revokedAt !== null) return 'revoked';
	return inv.expiresAt > now ? 'pending' : 'expired';
}

/** Why an answer is refused: the error code and the message key the API writes. */
export interface Refusal {
	code: 'already_accepted' | 'already_declined' | 'invalid_state';
	detailKey:
		| 'detail_invitation_accepted_already'
		| 'detail_invitation_declined_already'
		| 'detail_invitation_was_accepted'
		| 'detail_invitation_was_declined'
		| 'detail_invitation_revoked'
		| 'detail_invitation_expired'
		| 'detail_invitation_not_pending';
}

/**
 * What answering an invitation in each status leads to. Repeating the same answer has its
 * own code (`already_accepted`, `already_declined`), so a client may treat a retry as
 * success; the other answer, an expired or a withdrawn invitation are conflicts.
 */
export const ANSWERS: Readonly<Record<InvitationStatus, Readonly<Record<InvitationAnswer, Refusal | null>>>> = {
	pending: { accept: null, decline: null },
	accepted: {
		accept: { code: 'already_accepted', detailKey: 'detail_invitation_accepted_already' },
		decline: { code: 'invalid_state', detailKey: 'detail_invitation_was_accepted' }
	},
	declined: {
		accept: { code: 'invalid_state', detailKey: 'detail_invitation_was_declined' },
		decline: { code: 'already_declined', detailKey: 'detail_invitation_declined_already' }
	},
	revoked: {
		accept: { code: 'invalid_state', detailKey: 'detail_invitation_revoked' },
		decline: { code: 'invalid_state', detailKey: 'detail_invitation_revoked' }
	},
	expired: {
		accept: { code: 'invalid_state', detailKey: 'detail_invitation_expired' },
		decline: { code: 'invalid_state', detailKey: 'detail_invitation_expired' }
	}
};

/** Whether the invitee may give `answer` to an invitation in `status` (null = yes). */
export function checkAnswer(status: InvitationStatus, answer: InvitationAnswer): Refusal | null {
	return ANSWERS[status][answer];
}

/**
 * Whether the brand owner may withdraw an invitation. Withdrawing a pending or expired one
 * is allowed (and withdrawing twice changes nothing); an answered one is history.
 */
export function checkRevoke(status: InvitationStatus): Refusal | null | 'noop' {
	if (status === 'pending' || status === 'expired') return null;
	if (status === 'revoked') return 'noop';
	return { code: 'invalid_state', detailKey: 'detail_invitation_not_pending' };
}

/** Whether an invitation still belongs in the owner's team list at `now`. */
export function shownInTeam(inv: InvitationTimes, now: number): boolean {
	const status = invitationStatus(inv, now);
	if (status === 'pending') return true;
	if (status === 'declined') return inv.declinedAt! > now - INVITATION_HISTORY_MS;
	if (status === 'expired') return inv.expiresAt > now - INVITATION_HISTORY_MS;
	return false;
}

/** A member may leave a brand; its owner may not (the brand would have nobody to run it). */
export function canLeave(role: 'owner' | 'member', ownsBrand: boolean): boolean {
	return role === 'member' && !ownsBrand;
}

/** One of a user's memberships, as `pickCurrentBrand` needs it. */
export interface MembershipChoice {
	id: string;
	/** The user owns this brand (brands.owner_user_id). */
	owns: boolean;
	/** When the user joined (ms). */
	joinedAt: number;
}

/**
 * The brand a user works in: the one they chose, while they still belong to it; else the
 * brand they own; else their oldest membership. Never "the most recently joined": joining
 * a team must not silently move the user's work there.
 */
export function pickCurrentBrand<T extends MembershipChoice>(memberships: readonly T[], chosenId: string | null): T | null {
	const chosen = chosenId === null ? undefined : memberships.find((m) => m.id === chosenId);
	if (chosen) return chosen;
	const byAge = [...memberships].sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return byAge.find((m) => m.owns) ?? byAge[0] ?? null;
}
