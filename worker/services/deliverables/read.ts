/** Reading deliverables: an agreement's list and one deliverable's whole record. */
import type { CallerContext } from '../../context';
import { iso, isoOrNull } from '../../domain/dates';
import { load } from '../agreements/load';
import { loadDeliverable } from './load';
import { ensureDeliverables } from './plan';
import type { DeliverableRow, MessageRow, StatsRow, SubmissionRow, WithdrawalRow } from './rows';
import { deliverableItem, messageItem, submissionItem } from './view';
import { withdrawalOut } from './withdrawals';

/** GET /agreements/:id/deliverables: in order; none until the agreement is signed. */
export async function listDeliverables(ctx: CallerContext, input: { agreementId: string }) {
	const { row, party } = await load(ctx, input.agreementId);
	await ensureDeliverables(ctx.db, ctx.now, row);
	const { results } = await ctx.db.prepare('SELECT * FROM deliverables WHERE agreement_id = ?1 ORDER BY seq').bind(row.id).all<DeliverableRow>();
	return { party, deliverables: results.map((d) => deliverableItem(d, ctx.now)) };
}

/** GET /deliverables/:id: the deliverable with its drafts, thread, stats and withdrawal, and what the terms fix for it. */
export async function getDeliverable(ctx: CallerContext, input: { deliverableId: string }) {
	const loaded = await loadDeliverable(ctx, input.deliverableId);
	const { d, agreement, terms } = loaded;
	const [subs, msgs, stats, withdrawal] = await ctx.db.batch([
		ctx.db.prepare('SELECT * FROM deliverable_submissions WHERE deliverable_id = ?1 ORDER BY version DESC').bind(d.id),
		ctx.db.prepare('SELECT m.*, u.name AS author_name FROM deliverable_messages m LEFT JOIN users u ON u.id = m.author_user_id WHERE m.deliverable_id = ?1 ORDER BY m.created_at, m.rowid').bind(d.id),
		ctx.db.prepare('SELECT * FROM deliverable_stats WHERE deliverable_id = ?1').bind(d.id),
		ctx.db.prepare('SELECT * FROM deliverable_withdrawals WHERE deliverable_id = ?1').bind(d.id)
	]);
	const statsOf = (w: 'D1' | 'D7') => {
		const s = (stats.results as StatsRow[]).find((r) => r.window === w);
		return s
			? {
					window: w,
					views: s.views,
					reach: s.reach,
					likes: s.likes,
					comments: s.comments,
					saves: s.saves,
					shares: s.shares,
					replies: s.replies,
					linkClicks: s.link_clicks,
					navigation: s.navigation,
					exits: s.exits,
					screenshotId: s.screenshot_id,
					status: s.status as 'submitted' | 'queried' | 'approved',
					submittedAt: iso(s.submitted_at),
					updatedAt: iso(s.updated_at),
					approvedAt: isoOrNull(s.approved_at)
				}
			: null;
	};
	const w = (withdrawal.results as WithdrawalRow[])[0];
	return {
		party: agreement.party,
		agreement: {
			id: agreement.row.id,
			campaignId: agreement.row.campaign_id,
			campaignTitle: agreement.row.campaign_title,
			brandName: agreement.row.brand_name,
			creatorName: agreement.row.creator_name,
			creatorHandle: agreement.row.creator_handle
		},
		deliverable: deliverableItem(d, ctx.now),
		terms: {
			reviewDays: terms.validation.reviewDays,
			correctionRounds: terms.validation.correctionRounds,
			draftDaysBeforePublication: terms.validation.draftDaysBeforePublication,
			disclosure: { platformLabel: terms.disclosure.platformLabel, hashtags: terms.disclosure.hashtags },
			crisis: terms.crisis,
			reuseRights: terms.reuseRights
		},
		submissions: (subs.results as SubmissionRow[]).map(submissionItem),
		messages: (msgs.results as MessageRow[]).map(messageItem),
		stats: { D1: statsOf('D1'), D7: statsOf('D7') },
		withdrawal: w ? withdrawalOut(w, ctx.now) : null
	};
}
