import { describe, expect, it } from 'vitest';
import { ANSWERS, canLeave, checkAnswer, checkRevoke, INVITATION_HISTORY_MS, type InvitationStatus, invitationStatus, pickCurrentBrand, shownInTeam } from '../../worker/domain/team-invitations';

const now = Date.UTC(2026, 10, 26, 9, 0, 0);
const DAY = 24 * 3600 * 1000;
const pending = { expiresAt: now + DAY, acceptedAt: null, declinedAt: null, revokedAt: null };

describe('invitation status', () => {
	it('is pending until it expires, and an answer or a withdrawal wins over expiry', () => {
		expect(invitationStatus(pending, now)).toBe('pending');
		expect(invitationStatus({ ...pending, expiresAt: now }, now)).toBe('expired');
		expect(invitationStatus({ ...pending, expiresAt: now - DAY, acceptedAt: now - 2 * DAY }, now)).toBe('accepted');
		expect(invitationStatus({ ...pending, expiresAt: now - DAY, declinedAt: now - 2 * DAY }, now)).toBe('declined');
		expect(invitationStatus({ ...pending, revokedAt: now - 1 }, now)).toBe('revoked');
	});

	it('only a pending invitation can be answered; repeating an answer has its own code', () => {
		const table = Object.fromEntries((Object.keys(ANSWERS) as InvitationStatus[]).map((s) => [s, [checkAnswer(s, 'accept')?.code ?? 'ok', checkAnswer(s, 'decline')?.code ?? 'ok']]));
		expect(table).toEqual({
			pending: ['ok', 'ok'],
			accepted: ['already_accepted', 'invalid_state'],
			declined: ['invalid_state', 'already_declined'],
			revoked: ['invalid_state', 'invalid_state'],
			expired: ['invalid_state', 'invalid_state']
		});
		expect(checkAnswer('expired', 'accept')?.detailKey).toBe('detail_invitation_expired');
		expect(checkAnswer('accepted', 'decline')?.detailKey).toBe('detail_invitation_was_accepted');
	});

	it('the owner may withdraw a pending or expired invitation, not an answered one', () => {
		expect(checkRevoke('pending')).toBeNull();
		expect(checkRevoke('expired')).toBeNull();
		expect(checkRevoke('revoked')).toBe('noop');
		expect(checkRevoke('accepted')).toEqual({ code: 'invalid_state', detailKey: 'detail_invitation_not_pending' });
		expect(checkRevoke('declined')).toEqual({ code: 'invalid_state', detailKey: 'detail_invitation_not_pending' });
	});

	it('the team list keeps declined and expired invitations for 30 days, never accepted or withdrawn ones', () => {
		expect(shownInTeam(pending, now)).toBe(true);
		expect(shownInTeam({ ...pending, declinedAt: now - INVITATION_HISTORY_MS + 1 }, now)).toBe(true);
		expect(shownInTeam({ ...pending, declinedAt: now - INVITATION_HISTORY_MS }, now)).toBe(false);
		expect(shownInTeam({ ...pending, expiresAt: now - INVITATION_HISTORY_MS + 1 }, now)).toBe(true);
		expect(shownInTeam({ ...pending, expiresAt: now - INVITATION_HISTORY_MS }, now)).toBe(false);
		expect(shownInTeam({ ...pending, acceptedAt: now }, now)).toBe(false);
		expect(shownInTeam({ ...pending, revokedAt: now }, now)).toBe(false);
	});
});

describe('memberships', () => {
	const own = { id: 'own', owns: true, joinedAt: now - 10 * DAY };
	const older = { id: 'older', owns: false, joinedAt: now - 20 * DAY };
	const newest = { id: 'newest', owns: false, joinedAt: now - DAY };

	it('the current brand is the chosen one while the user belongs to it', () => {
		expect(pickCurrentBrand([own, older, newest], 'newest')).toBe(newest);
		expect(pickCurrentBrand([own, older, newest], 'older')).toBe(older);
	});

	it('without a (valid) choice: the brand they own, then the oldest membership — never the most recently joined', () => {
		expect(pickCurrentBrand([newest, older, own], null)).toBe(own);
		expect(pickCurrentBrand([newest, older, own], 'a-brand-they-left')).toBe(own);
		expect(pickCurrentBrand([newest, older], null)).toBe(older);
		expect(pickCurrentBrand([newest], null)).toBe(newest);
		expect(pickCurrentBrand([], null)).toBeNull();
		// Same instant: a stable order by id, whatever the input order.
		const a = { id: 'a', owns: false, joinedAt: now };
		const b = { id: 'b', owns: false, joinedAt: now };
		expect(pickCurrentBrand([b, a], null)).toBe(a);
	});

	it('a member may leave; the owner may not', () => {
		expect(canLeave('member', false)).toBe(true);
		expect(canLeave('owner', true)).toBe(false);
		expect(canLeave('member', true)).toBe(false);
	});
});
