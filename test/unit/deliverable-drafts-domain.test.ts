/** The rules between a draft and its approval (worker/domain/deliverable-drafts.ts): rounds, the extra round and its consent, what a draft needs. */
import { describe, expect, it } from 'vitest';
import { DRAFT_FILE_TYPES, MAX_DRAFT_BYTES, checkExtraRoundAnswer, draftFileKey, extraRoundOutcome, extraRoundsUsed, hasDraftContent, reviewOutcome } from '../../worker/domain/deliverable-drafts';
import { DELIVERABLE_STATUSES } from '../../worker/domain/deliverables';

describe('reviewing a draft', () => {
	it('a change request uses the next included round while there is one', () => {
		expect(reviewOutcome('changes', { roundsUsed: 0, correctionRounds: 2, extraRoundPending: false })).toEqual({ kind: 'changes', round: 1, included: 2 });
		expect(reviewOutcome('changes', { roundsUsed: 1, correctionRounds: 2, extraRoundPending: false })).toEqual({ kind: 'changes', round: 2, included: 2 });
	});

	it('once the included rounds are used up (or there are none) it asks the creator for an extra round', () => {
		expect(reviewOutcome('changes', { roundsUsed: 2, correctionRounds: 2, extraRoundPending: false })).toEqual({ kind: 'ask_extra_round', included: 2 });
		expect(reviewOutcome('changes', { roundsUsed: 0, correctionRounds: 0, extraRoundPending: false })).toEqual({ kind: 'ask_extra_round', included: 0 });
		// After an accepted extra round, the next one needs consent again.
		expect(reviewOutcome('changes', { roundsUsed: 3, correctionRounds: 2, extraRoundPending: false })).toEqual({ kind: 'ask_extra_round', included: 2 });
	});

	it('asking again while an ask waits is refused; approving is always possible and drops the ask', () => {
		expect(reviewOutcome('changes', { roundsUsed: 1, correctionRounds: 1, extraRoundPending: true })).toEqual({ kind: 'already_asked' });
		expect(reviewOutcome('approve', { roundsUsed: 1, correctionRounds: 1, extraRoundPending: true })).toEqual({ kind: 'approve' });
		expect(reviewOutcome('approve', { roundsUsed: 0, correctionRounds: 1, extraRoundPending: false })).toEqual({ kind: 'approve' });
	});
});

describe('the extra round', () => {
	it('only the creator answers, only while the draft is submitted with an ask pending; accepting sends it back for changes', () => {
		expect(checkExtraRoundAnswer({ status: 'draft_submitted', extraRoundPending: true }, 'creator')).toEqual({ ok: true, to: 'changes_requested' });
		expect(checkExtraRoundAnswer({ status: 'draft_submitted', extraRoundPending: true }, 'brand')).toEqual({ ok: false, code: 'forbidden' });
		expect(checkExtraRoundAnswer({ status: 'draft_submitted', extraRoundPending: false }, 'creator')).toEqual({ ok: false, code: 'invalid_state' });
		for (const status of DELIVERABLE_STATUSES.filter((s) => s !== 'draft_submitted')) {
			expect(checkExtraRoundAnswer({ status, extraRoundPending: true }, 'creator'), status).toEqual({ ok: false, code: 'invalid_state' });
		}
	});

	it('accepted, it is the next round beyond the included ones; refused, nothing moves', () => {
		expect(extraRoundOutcome(true, { roundsUsed: 1, correctionRounds: 1 })).toEqual({ kind: 'accepted', round: 2, included: 1 });
		expect(extraRoundOutcome(false, { roundsUsed: 1, correctionRounds: 1 })).toEqual({ kind: 'refused' });
		expect(extraRoundsUsed({ roundsUsed: 1, correctionRounds: 1 })).toBe(0);
		expect(extraRoundsUsed({ roundsUsed: 3, correctionRounds: 1 })).toBe(2);
		expect(extraRoundsUsed({ roundsUsed: 0, correctionRounds: 2 })).toBe(0);
	});
});

describe('what a draft is', () => {
	it('needs a note (not just spaces) or a file', () => {
		expect(hasDraftContent('', null)).toBe(false);
		expect(hasDraftContent(' \n\t ', null)).toBe(false);
		expect(hasDraftContent('Script', null)).toBe(true);
		expect(hasDraftContent('', { key: 'k' })).toBe(true);
	});

	it('its file goes under the agreement and deliverable, named by version and a fresh id', () => {
		expect(draftFileKey('agr-1', 'dlv-2', 3, 'abc')).toBe('deliverables/agr-1/dlv-2/v3-abc');
	});

	it('is an image or a video of at most 95 MB (decimal)', () => {
		expect(MAX_DRAFT_BYTES).toBe(95_000_000);
		expect([...DRAFT_FILE_TYPES].sort()).toEqual(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/quicktime', 'video/webm']);
	});
});
