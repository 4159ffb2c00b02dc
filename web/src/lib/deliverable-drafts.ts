/**
 * The drafts part of a deliverable page (issue 11, point 2): which forms a party sees, the
 * rounds, sizes and thread labels. Plain TypeScript with relative imports so unit tests load
 * it inside workerd; the limits are the API's own (worker/domain/deliverable-drafts.ts).
 */
import { DRAFT_TEXT, MAX_DRAFT_BYTES, extraRoundsUsed } from '../../../worker/domain/deliverable-drafts';
import type { DeliverableDetail } from './deliverables';
import { formatNumber } from './format';
import type { Locale, Translate } from './i18n';

export { DRAFT_TEXT, MAX_DRAFT_BYTES };

/** What the file input accepts; the API checks the bytes (PNG, JPEG, WebP, MP4, QuickTime, WebM). */
export const DRAFT_ACCEPT = 'image/*,video/*';

type View = Pick<DeliverableDetail, 'party' | 'deliverable'>;

/** The creator sends a draft while the deliverable is planned or back for changes. */
export const canSubmitDraft = (v: View) => v.party === 'creator' && (v.deliverable.status === 'planned' || v.deliverable.status === 'changes_requested');

/** The brand reviews a submitted draft; while an extra round is asked it may only approve. */
export const canReviewDraft = (v: View) => v.party === 'brand' && v.deliverable.status === 'draft_submitted';

/** The creator's consent is asked: a change request beyond the included rounds waits for their answer. */
export const awaitsExtraRoundAnswer = (v: View) => v.deliverable.status === 'draft_submitted' && v.deliverable.extraRoundPending;

/** Whether the brand's next change request needs the creator's consent (the included rounds are used up). */
export const roundsUsedUp = (v: View) => v.deliverable.roundsUsed >= v.deliverable.correctionRounds;

/** "Correction rounds used: 2 of 1, including 1 extra agreed by the creator". */
export function roundsLabel(t: Translate, v: View): string {
	const { roundsUsed: used, correctionRounds: included } = v.deliverable;
	const text = t('drafts.rounds', { used, included });
	const extra = extraRoundsUsed({ roundsUsed: used, correctionRounds: included });
	return extra > 0 ? `${text} ${t('drafts.rounds.extra', { n: extra })}` : text;
}

/** A file size for people: "850 Ko", "12,4 Mo" (decimal units, as the 95 MB limit). */
export function fileSizeLabel(t: Translate, locale: Locale, bytes: number): string {
	if (bytes < 1_000_000) return t('drafts.size.kb', { n: formatNumber(Math.max(1, Math.round(bytes / 1000)), locale) });
	return t('drafts.size.mb', { n: formatNumber(Math.round(bytes / 100_000) / 10, locale) });
}

/** A file type for people: "PNG", "MP4", "MOV". */
export function fileTypeLabel(type: string): string {
	const known: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/quicktime': 'MOV', 'video/webm': 'WebM' };
	return known[type] ?? type;
}

/** Where a version's file downloads from (same origin: the session cookie goes with it). */
export const draftFileHref = (deliverableId: string, submissionId: string) => `/api/v1/deliverables/${encodeURIComponent(deliverableId)}/submissions/${encodeURIComponent(submissionId)}/file`;

/** Where the enhanced form sends a draft straight to the API. */
export const submissionsUrl = (deliverableId: string) => `/api/v1/deliverables/${encodeURIComponent(deliverableId)}/submissions`;

/** What a thread message records, for people; null for a plain comment (its body says it all). */
export function messageKindLabel(t: Translate, m: { kind: string; draftVersion: number | null; statsWindow: string | null }): string | null {
	if (m.kind === 'comment') return null;
	const key = `drafts.kind.${m.kind}`;
	if (!t.has(key)) return m.kind;
	return t(key, { n: m.draftVersion ?? '', window: m.statsWindow ?? '' });
}

/** The brand's latest extra-round ask, shown to the creator asked to consent. */
export function latestAsk(messages: DeliverableDetail['messages']) {
	return messages.findLast((m) => m.kind === 'extra_round_asked') ?? null;
}

/** A problem as the API answers it (the part a form shows). */
export interface DraftProblem {
	detail: string;
	errors?: { path: string; message: string }[];
}

/**
 * What a refused submission shows, by field (`note`, `file`) plus the detail: field errors
 * where the API put them, type and size refusals (415, 413) on the file input, and the
 * detail only when no field already says it.
 */
export function placeSubmissionProblem(status: number, problem: DraftProblem): { errors: Record<string, string>; detail: string } {
	const errors = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
	if (Object.keys(errors).length === 0 && (status === 413 || status === 415)) return { errors: { file: problem.detail }, detail: '' };
	return { errors, detail: Object.values(errors).includes(problem.detail) ? '' : problem.detail };
}
