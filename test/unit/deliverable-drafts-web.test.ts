/** The drafts part of the deliverable page (web/src/lib/deliverable-drafts.ts): who sees which form, the rounds, sizes, thread labels, where refusals show. */
import { describe, expect, it } from 'vitest';
import {
	awaitsExtraRoundAnswer,
	canReviewDraft,
	canSubmitDraft,
	draftFileHref,
	fileSizeLabel,
	latestAsk,
	messageKindLabel,
	placeSubmissionProblem,
	roundsLabel,
	roundsUsedUp
} from '../../web/src/lib/deliverable-drafts';
import type { DeliverableDetail, DeliverableStatus } from '../../web/src/lib/deliverables';
import { translator } from '../../web/src/lib/server/i18n';

const fr = translator('fr');
const ar = translator('ar');
const en = translator('en');

function view(party: 'brand' | 'creator', status: DeliverableStatus, more: Partial<DeliverableDetail['deliverable']> = {}) {
	return { party, deliverable: { status, roundsUsed: 0, correctionRounds: 1, extraRoundPending: false, ...more } as DeliverableDetail['deliverable'] };
}

describe('which forms a party sees', () => {
	it('the creator sends drafts while planned or back for changes, never the brand', () => {
		expect(canSubmitDraft(view('creator', 'planned'))).toBe(true);
		expect(canSubmitDraft(view('creator', 'changes_requested'))).toBe(true);
		expect(canSubmitDraft(view('creator', 'draft_submitted'))).toBe(false);
		expect(canSubmitDraft(view('creator', 'approved'))).toBe(false);
		expect(canSubmitDraft(view('brand', 'planned'))).toBe(false);
	});

	it('the brand reviews a submitted draft; the consent form appears only with an ask pending', () => {
		expect(canReviewDraft(view('brand', 'draft_submitted'))).toBe(true);
		expect(canReviewDraft(view('creator', 'draft_submitted'))).toBe(false);
		expect(canReviewDraft(view('brand', 'changes_requested'))).toBe(false);
		expect(awaitsExtraRoundAnswer(view('creator', 'draft_submitted', { extraRoundPending: true }))).toBe(true);
		expect(awaitsExtraRoundAnswer(view('creator', 'draft_submitted'))).toBe(false);
	});

	it('says when the next change request needs consent', () => {
		expect(roundsUsedUp(view('brand', 'draft_submitted', { roundsUsed: 0, correctionRounds: 1 }))).toBe(false);
		expect(roundsUsedUp(view('brand', 'draft_submitted', { roundsUsed: 1, correctionRounds: 1 }))).toBe(true);
		expect(roundsUsedUp(view('brand', 'draft_submitted', { roundsUsed: 0, correctionRounds: 0 }))).toBe(true);
	});
});

describe('labels', () => {
	it('rounds used, "1 of 1", with the extra ones the creator agreed to', () => {
		expect(roundsLabel(fr, view('brand', 'draft_submitted', { roundsUsed: 1, correctionRounds: 1 }))).toBe('Tours de corrections utilisés\u00a0: 1 sur 1');
		expect(roundsLabel(en, view('brand', 'draft_submitted', { roundsUsed: 3, correctionRounds: 1 }))).toBe('Correction rounds used: 3 of 1 (including 2 extra, agreed by the creator)');
		expect(roundsLabel(ar, view('brand', 'draft_submitted', { roundsUsed: 0, correctionRounds: 2 }))).toBe('جولات التصحيح المستعملة: 0 من 2');
	});

	it('file sizes in decimal units, as the 95 MB limit', () => {
		expect(fileSizeLabel(fr, 'fr', 850_000)).toBe('850\u00a0Ko');
		expect(fileSizeLabel(fr, 'fr', 12_440_000)).toBe('12,4\u00a0Mo');
		expect(fileSizeLabel(en, 'en', 95_000_000)).toBe('95 MB');
		expect(fileSizeLabel(en, 'en', 120)).toBe('1 kB');
		expect(fileSizeLabel(ar, 'ar', 3_000_000)).toBe('3 ميغابايت');
	});

	it('thread events name the version or the stats window; comments have no label; unknown kinds show as they are', () => {
		expect(messageKindLabel(fr, { kind: 'changes_requested', draftVersion: 2, statsWindow: null })).toBe('Modifications demandées sur la version 2');
		expect(messageKindLabel(en, { kind: 'stats_query', draftVersion: null, statsWindow: 'D7' })).toBe('Question on the D7 stats');
		expect(messageKindLabel(fr, { kind: 'comment', draftVersion: null, statsWindow: null })).toBeNull();
		expect(messageKindLabel(fr, { kind: 'teleported', draftVersion: null, statsWindow: null })).toBe('teleported');
	});

	it('the download link stays on our origin with the ids encoded', () => {
		expect(draftFileHref('d-1', 's-2')).toBe('/api/v1/deliverables/d-1/submissions/s-2/file');
		expect(draftFileHref('a/b', 'c?d')).toBe('/api/v1/deliverables/a%2Fb/submissions/c%3Fd/file');
	});

	it('the brand’s latest ask is the one the creator answers', () => {
		const m = (kind: string, body: string) => ({ id: body, party: 'brand', authorName: null, kind, body, draftVersion: 1, statsWindow: null, createdAt: '' });
		expect(latestAsk([m('extra_round_asked', 'first'), m('comment', 'x'), m('extra_round_asked', 'second'), m('comment', 'y')])?.body).toBe('second');
		expect(latestAsk([m('comment', 'x')])).toBeNull();
	});
});

describe('where a refused submission shows', () => {
	it('type (415) and size (413) refusals without field errors go on the file input', () => {
		expect(placeSubmissionProblem(413, { detail: 'Fichier trop lourd' })).toEqual({ errors: { file: 'Fichier trop lourd' }, detail: '' });
		expect(placeSubmissionProblem(415, { detail: 'Pas une image', errors: [{ path: 'file', message: 'Pas une image' }] })).toEqual({ errors: { file: 'Pas une image' }, detail: '' });
	});

	it('field errors stay on their field; a state refusal is the form’s detail', () => {
		expect(placeSubmissionProblem(400, { detail: 'Requête invalide', errors: [{ path: 'note', message: 'Ajoutez un texte' }] })).toEqual({
			errors: { note: 'Ajoutez un texte' },
			detail: 'Requête invalide'
		});
		expect(placeSubmissionProblem(409, { detail: 'Action impossible' })).toEqual({ errors: {}, detail: 'Action impossible' });
	});
});
