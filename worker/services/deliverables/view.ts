/** Deliverables as the API answers them: a list item, and the whole record for its page. */
import { iso, isoOrNull } from '../../domain/dates';
import { type DeliverableStatus, isLate, nextStep } from '../../domain/deliverables';
import { statsOpensAt } from '../../domain/deliverable-stats';
import { highlightShort } from '../../domain/publication';
import { jsonObjectOrNull } from '../../domain/json';
import type { DeliverableRow, MessageRow, SubmissionRow } from './rows';

/** What the deliverable waits for next, from the row. */
export function nextOf(d: DeliverableRow, now: number) {
	const step = nextStep({
		status: d.status as DeliverableStatus,
		draftDueAt: d.draft_due_at,
		publishDueAt: d.publish_due_at,
		lastSubmittedAt: d.last_submitted_at,
		reviewDays: d.review_days,
		publishedAt: d.published_at
	});
	if (!step) return null;
	// A change request beyond the included rounds waits for the creator's consent, not for the brand.
	if (d.status === 'draft_submitted' && d.extra_round_asked_at !== null) return { party: 'creator' as const, step: 'answer_extra_round' as const, dueAt: null, late: false };
	return { party: step.party, step: step.step, dueAt: isoOrNull(step.dueAt), late: isLate(step, now) };
}

/** One deliverable in a list (GET /agreements/:id/deliverables, the timelines). */
export function deliverableItem(d: DeliverableRow, now: number) {
	const disclosure = jsonObjectOrNull<{ label: boolean; hashtags: string[] }>(d.disclosure);
	return {
		id: d.id,
		agreementId: d.agreement_id,
		seq: d.seq,
		platform: d.platform,
		format: d.format,
		ordinal: d.ordinal,
		status: d.status as DeliverableStatus,
		/** The publication deadline: the end of `publishOn` in Algiers. */
		dueAt: iso(d.publish_due_at),
		publishOn: d.publish_on,
		draftDueAt: iso(d.draft_due_at),
		reviewDueAt: iso(d.review_due_at),
		publishDueAt: iso(d.publish_due_at),
		next: nextOf(d, now),
		draftVersion: d.draft_version,
		roundsUsed: d.rounds_used,
		correctionRounds: d.correction_rounds,
		extraRoundPending: d.extra_round_asked_at !== null,
		storyHighlightHours: d.story_highlight_hours,
		postUrl: d.post_url,
		publishedAt: isoOrNull(d.published_at),
		disclosure,
		publicationReview: d.publication_review as 'pending' | 'confirmed' | 'flagged' | null,
		publicationFlag: d.publication_flag,
		/** A flagged post (missing disclosure, or flagged by the brand) holds the payout tied to it until fixed. */
		payoutHeld: d.publication_review === 'flagged',
		highlightHours: d.highlight_hours,
		/** Stories: true when highlighted fewer hours than the terms require (null: nothing recorded). */
		highlightShort: highlightShort(d.story_highlight_hours, d.highlight_hours),
		/** When each stats window opens for reporting (null before publication). */
		statsOpenAt: { D1: d.published_at === null ? null : iso(statsOpensAt(d.published_at, 'D1')), D7: d.published_at === null ? null : iso(statsOpensAt(d.published_at, 'D7')) },
		withdrawnAt: isoOrNull(d.withdrawn_at),
		updatedAt: iso(d.updated_at)
	};
}

/** One version of a draft (its file's name is the uploader's, for display; the download names it safely). */
export function submissionItem(s: SubmissionRow) {
	return {
		id: s.id,
		version: s.version,
		note: s.note,
		file: s.file_key ? { type: s.file_type ?? '', size: s.file_size ?? 0, name: s.file_name ?? '', sha256: s.file_sha256 ?? '' } : null,
		createdAt: iso(s.created_at)
	};
}

/** One message of the deliverable's thread. */
export function messageItem(m: MessageRow) {
	return {
		id: m.id,
		party: m.author_party,
		authorName: m.author_name,
		kind: m.kind,
		body: m.body,
		draftVersion: m.draft_version,
		statsWindow: m.stats_window,
		createdAt: iso(m.created_at)
	};
}
