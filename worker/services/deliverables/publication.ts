/**
 * The post of a deliverable (issue 11, point 3): the creator records its URL, time and
 * disclosure; the brand confirms or flags it; a story's highlight hours. Rules in
 * worker/domain/publication.ts and post-urls.ts. Each change writes its audit event, the
 * row and the other side's notice in one batch (load.ts `commit`).
 */
import { fallDueOnChange } from '../payouts/due';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { t } from '../../i18n';
import { iso } from '../../domain/dates';
import type { DeliverableStatus } from '../../domain/deliverables';
import type { Platform } from '../../domain/taxonomy';
import { checkPostUrl } from '../../domain/post-urls';
import { VOCABULARY } from '../../../contracts/clauses/labels';
import {
	HIGHLIGHT_STATUSES,
	RECORDED_STATUSES,
	type PublicationReview,
	type ReviewDecision,
	canReviewPublication,
	checkPublishedAt,
	disclosureComplete,
	normaliseDisclosure,
	reviewAfterRecording
} from '../../domain/publication';
import { changeDeliverable, commit, guardDeliverable, requireParty, updateDeliverable } from './load';
import { getDeliverable } from './read';
import { messageStatement, notifyOtherSide } from './thread';

const stateError = (detailKey = 'detail_deliverable_state') => new AppError('invalid_state', { detailKey });

export interface RecordPublicationInput {
	deliverableId: string;
	url: string;
	/** ISO 8601 with an offset (checked by the route's schema). */
	publishedAt: string;
	disclosure: { label: boolean; hashtag?: string; hashtags?: string[] };
}

/**
 * POST /deliverables/:id/publication (creator). From `approved` it publishes (action
 * `publish`); from published, stats_d1 or stats_d7 it records the post again without moving
 * the status (a fixed URL, time or disclosure). Either way the brand's check starts over:
 * `pending` with a complete disclosure, `flagged` (`disclosure_missing`, payout held)
 * without. Audit `published` each time, with the disclosure and whether it is complete.
 */
export async function recordPublication(ctx: CallerContext, input: RecordPublicationInput) {
	await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d, agreement, terms } = loaded;
		const status = d.status as DeliverableStatus;
		// The first record is the `publish` transition; later ones fix it while the post is being measured.
		const again = RECORDED_STATUSES.includes(status);
		if (again) requireParty(loaded, 'creator');
		const to = again ? status : guardDeliverable(loaded, 'publish');

		// Both fields are checked before answering, so a form shows every problem at once.
		const url = checkPostUrl(d.platform as Platform, input.url);
		const publishedAt = Date.parse(input.publishedAt);
		const timing = checkPublishedAt(publishedAt, { now: ctx.now, signedAt: agreement.row.completed_at });
		const errors = [
			...(url.ok ? [] : [{ path: 'url', message: t(ctx.locale, `publication_url_${url.problem}`, { platform: VOCABULARY[ctx.locale].platform[d.platform as Platform] }) }]),
			...(timing ? [{ path: 'publishedAt', message: t(ctx.locale, `publication_date_${timing}`) }] : [])
		];
		if (!url.ok || errors.length > 0) throw new AppError('invalid_request', { errors });

		const disclosure = normaliseDisclosure(input.disclosure);
		const complete = disclosureComplete({ platformLabel: terms.disclosure.platformLabel, hashtags: terms.disclosure.hashtags }, disclosure);
		const review = reviewAfterRecording(complete);
		// The last first publication makes the `publication` instalments due, in this batch (issue 13).
		const due = again ? { events: [], statements: [] } : await fallDueOnChange(ctx.db, d.agreement_id, { deliverableId: d.id, publishes: true }, ctx.now);
		await commit(
			ctx,
			loaded,
			[{ action: 'published', data: { deliverableId: d.id, status: to, url: url.url, publishedAt: iso(publishedAt), disclosure, disclosureComplete: complete } }, ...due.events],
			[
				...due.statements,
				updateDeliverable(ctx.db, loaded, ctx.now, 'status = $1, post_url = $2, published_at = $3, disclosure = $4, publication_review = $5, publication_flag = $6', [
					to,
					url.url,
					publishedAt,
					JSON.stringify(disclosure),
					review.review,
					review.flag
				]),
				notifyOtherSide(ctx.db, loaded, ctx.now, 'published')
			]
		);
	});
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}

/**
 * POST /deliverables/:id/publication/review (brand): confirm a pending post, or flag a
 * pending or confirmed one with a reason (its payout is held until the creator records it
 * again). A post already flagged waits for the creator's fix: 409. Thread message, notice
 * to the creator and audit `publication_reviewed`.
 */
export async function reviewPublication(ctx: CallerContext, input: { deliverableId: string; decision: ReviewDecision; reason: string }) {
	await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		requireParty(loaded, 'brand');
		const status = d.status as DeliverableStatus;
		if (!RECORDED_STATUSES.includes(status)) throw stateError();
		if (!canReviewPublication(d.publication_review as PublicationReview | null, input.decision)) throw stateError('detail_publication_review_state');
		const flag = input.decision === 'flag';
		await commit(
			ctx,
			loaded,
			[{ action: 'publication_reviewed', data: { deliverableId: d.id, status, decision: input.decision, reason: input.reason } }],
			[
				updateDeliverable(ctx.db, loaded, ctx.now, 'publication_review = $1, publication_flag = $2', [flag ? 'flagged' : 'confirmed', flag ? input.reason : null]),
				messageStatement(ctx.db, loaded, ctx.now, { kind: flag ? 'publication_flagged' : 'publication_confirmed', body: input.reason }),
				notifyOtherSide(ctx.db, loaded, ctx.now, 'publication_reviewed')
			]
		);
	});
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}

/**
 * POST /deliverables/:id/highlight (creator, stories only): how long the story stayed
 * highlighted, once it is online (again to correct it). The view compares it with the
 * terms' hours (`highlightShort`). Audit `highlight_recorded` with both numbers.
 */
export async function recordHighlight(ctx: CallerContext, input: { deliverableId: string; hours: number }) {
	await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		requireParty(loaded, 'creator');
		if (d.format !== 'story') throw stateError('detail_highlight_story_only');
		const status = d.status as DeliverableStatus;
		if (!HIGHLIGHT_STATUSES.includes(status)) throw stateError();
		await commit(
			ctx,
			loaded,
			[{ action: 'highlight_recorded', data: { deliverableId: d.id, status, hours: input.hours, required: d.story_highlight_hours ?? 0 } }],
			[updateDeliverable(ctx.db, loaded, ctx.now, 'highlight_hours = $1', [input.hours]), notifyOtherSide(ctx.db, loaded, ctx.now, 'highlight_recorded')]
		);
	});
	return getDeliverable(ctx, { deliverableId: input.deliverableId });
}
