/**
 * Drafts and reviews of a deliverable (issue 11, point 2): the rules between a draft and its
 * approval, as data and pure functions (no D1, no Hono). The transitions themselves are
 * deliverables.ts's actions (`submit`, `request_changes`, `approve`); this module decides
 * what a review or a consent does with the correction rounds the terms include.
 *
 * - The terms include `correctionRounds` change requests. While `roundsUsed` is below it, a
 *   change request moves the draft to changes_requested and uses one round.
 * - Once they are used up, a change request moves nothing: it asks the creator for an extra
 *   round (`extraRoundAskedAt`), which only their consent turns into a change request
 *   (using one more round, recorded as beyond the included ones). They may refuse: the
 *   draft stays submitted, and the brand approves it or asks again.
 * - Approving clears a pending ask.
 */
import type { DeliverableCheck, DeliverableParty, DeliverableStatus } from './deliverables';
import { DELIVERABLE_ACTIONS } from './deliverables';
import { MEDIA_TYPES, type MediaType } from './file-types';

/**
 * The largest draft file: 95 MB in decimal units (95 000 000 bytes), under the 100 MB a
 * Cloudflare Worker accepts as a request body on the Free and Pro plans, with room for the
 * form's envelope and text fields.
 */
export const MAX_DRAFT_BYTES = 95_000_000;

/** What a draft's file may be, recognised from its bytes: PNG, JPEG, WebP, MP4, QuickTime, WebM. */
export const DRAFT_FILE_TYPES: readonly MediaType[] = MEDIA_TYPES;

/** Lengths of the texts of this part, in characters (multi-line). */
export const DRAFT_TEXT = {
	/** The draft's note: a script, a caption, what changed. Optional when a file is sent. */
	noteMax: 8000,
	/** A change request says what to change. */
	commentMin: 3,
	commentMax: 2000,
	/** A message in the thread. */
	messageMin: 1,
	messageMax: 2000
} as const;

/** A draft needs something to review: its note, its file, or both. */
export function hasDraftContent(note: string, file: object | null): boolean {
	return note.trim().length > 0 || file !== null;
}

/**
 * The R2 key of a draft's file: under its agreement and deliverable, with its version and a
 * fresh id, so a version's key never names another's object (a refused attempt at v2 and the
 * accepted v2 never share a key).
 */
export function draftFileKey(agreementId: string, deliverableId: string, version: number, id: string): string {
	return `deliverables/${agreementId}/${deliverableId}/v${version}-${id}`;
}

/** The facts of a deliverable a review looks at. */
export interface ReviewFacts {
	roundsUsed: number;
	correctionRounds: number;
	/** A change request beyond the included rounds is waiting for the creator's answer. */
	extraRoundPending: boolean;
}

/**
 * What a brand's review does:
 * - `approve`: the draft is approved (and a pending ask is dropped);
 * - `changes`: round `round` of the `included` ones — the draft goes back to the creator;
 * - `ask_extra_round`: the included rounds are used up, the creator is asked to consent;
 * - `already_asked`: an ask is already waiting for the creator's answer (409).
 */
export type ReviewOutcome = { kind: 'approve' } | { kind: 'changes'; round: number; included: number } | { kind: 'ask_extra_round'; included: number } | { kind: 'already_asked' };

export function reviewOutcome(decision: 'approve' | 'changes', f: ReviewFacts): ReviewOutcome {
	if (decision === 'approve') return { kind: 'approve' };
	if (f.extraRoundPending) return { kind: 'already_asked' };
	if (f.roundsUsed < f.correctionRounds) return { kind: 'changes', round: f.roundsUsed + 1, included: f.correctionRounds };
	return { kind: 'ask_extra_round', included: f.correctionRounds };
}

/**
 * Whether `party` may answer an extra-round ask now: only the creator (403), only while the
 * draft is submitted with an ask pending (409). Accepting moves the draft as a change request
 * would (to changes_requested); refusing moves nothing.
 */
export function checkExtraRoundAnswer(f: { status: DeliverableStatus; extraRoundPending: boolean }, party: DeliverableParty): DeliverableCheck {
	if (party !== 'creator') return { ok: false, code: 'forbidden' };
	if (f.status !== 'draft_submitted' || !f.extraRoundPending) return { ok: false, code: 'invalid_state' };
	return { ok: true, to: DELIVERABLE_ACTIONS.request_changes.to };
}

/**
 * What the creator's answer to an extra round does: accepted, it is a change request of the
 * next round (beyond the included ones); refused, nothing moves but the ask is dropped.
 */
export function extraRoundOutcome(accept: boolean, f: Pick<ReviewFacts, 'roundsUsed' | 'correctionRounds'>): { kind: 'accepted'; round: number; included: number } | { kind: 'refused' } {
	return accept ? { kind: 'accepted', round: f.roundsUsed + 1, included: f.correctionRounds } : { kind: 'refused' };
}

/** Rounds beyond the included ones that the creator agreed to (0 while within them). */
export function extraRoundsUsed(f: Pick<ReviewFacts, 'roundsUsed' | 'correctionRounds'>): number {
	return Math.max(0, f.roundsUsed - f.correctionRounds);
}
