/**
 * The crisis clause in practice (issue 11, point 5): a party the terms allow asks to withdraw
 * online content, with a reason; the other side confirms it is removed. The request, its
 * deadline (the terms' hours), the payment effect the terms name and the outcome go on the
 * agreement's audit chain in the batch that makes them. Asking moves nothing; the confirmation
 * makes the deliverable `withdrawn` (final), and the content library's trigger withdraws its asset.
 */
import { crisisOnWithdrawal } from '../payouts/crisis';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { iso, isoOrNull } from '../../domain/dates';
import { type PaymentEffect, confirmingParty, mayRequestWithdrawal, milestonesReached, paymentEffect, withdrawalDeadline, withdrawalLate } from '../../domain/crisis';
import { ONLINE_STATUSES, type DeliverableStatus } from '../../domain/deliverables';
import { jsonObjectOr } from '../../domain/json';
import { type LoadedDeliverable, changeDeliverable, commit, guardDeliverable, updateDeliverable } from './load';
import type { DeliverableRow, WithdrawalRow } from './rows';
import { messageStatement, notifyOtherSide } from './thread';
import { deliverableItem } from './view';

/** A withdrawal as the API answers it (the same object GET /deliverables/:id carries). */
export function withdrawalOut(w: WithdrawalRow, now: number) {
	return {
		id: w.id,
		requestedBy: w.requested_by_party as 'brand' | 'creator',
		reason: w.reason,
		requestedAt: iso(w.requested_at),
		deadlineAt: iso(w.deadline_at),
		status: w.status as 'requested' | 'removed',
		confirmedAt: isoOrNull(w.confirmed_at),
		late: withdrawalLate({ status: w.status, deadlineAt: w.deadline_at, confirmedAt: w.confirmed_at }, now),
		paymentEffect: jsonObjectOr<PaymentEffect | Record<string, never>>(w.payment_effect, {})
	};
}

const readWithdrawal = (db: D1Database, deliverableId: string) => db.prepare('SELECT * FROM deliverable_withdrawals WHERE deliverable_id = ?1').bind(deliverableId).first<WithdrawalRow>();

const noRequest = () => new AppError('invalid_state', { detailKey: 'detail_withdrawal_none' });

/** The payment effect of a withdrawal asked at `now`, from the terms and the agreement's deliverables as they stand. */
async function effectAt(ctx: CallerContext, loaded: LoadedDeliverable): Promise<PaymentEffect> {
	const counts = await ctx.db
		.prepare(
			`SELECT count(*) AS total,
			        coalesce(sum(approved_at IS NOT NULL), 0) AS approved,
			        coalesce(sum(published_at IS NOT NULL AND published_at <= ?2), 0) AS published
			 FROM deliverables WHERE agreement_id = ?1`
		)
		.bind(loaded.d.agreement_id, ctx.now)
		.first<{ total: number; approved: number; published: number }>();
	const total = counts?.total ?? 0;
	const published = counts?.published ?? 0;
	const { terms } = loaded;
	return paymentEffect({
		rule: terms.crisis.payment,
		feeDzd: terms.fee.amountDzd,
		publishedBefore: published,
		total,
		schedule: terms.paymentSchedule,
		milestonesReached: milestonesReached({ total, approved: counts?.approved ?? 0, published })
	});
}

/**
 * POST /deliverables/:id/withdrawal. Only a party the terms allow (the creator gets 403 when
 * the terms say the brand only), only while the content is online (409 otherwise), once per
 * deliverable (409 for a second request; the unique index settles two at once). Writes the
 * request with its deadline and payment effect, the `withdrawal_requested` event, the thread
 * message and the other side's notification in one batch; the deliverable keeps its status.
 */
export async function requestWithdrawal(ctx: CallerContext, input: { deliverableId: string; reason: string }) {
	return changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { db, now, user } = ctx;
		const { d, terms, agreement } = loaded;
		if (!mayRequestWithdrawal(terms.crisis.requestedBy, agreement.party)) throw new AppError('forbidden', { detailKey: 'detail_withdrawal_brand_only' });
		if (!ONLINE_STATUSES.includes(d.status as DeliverableStatus)) throw new AppError('invalid_state', { detailKey: 'detail_withdrawal_not_online' });
		if (await readWithdrawal(db, d.id)) throw new AppError('invalid_state', { detailKey: 'detail_withdrawal_exists' });

		const id = crypto.randomUUID();
		const deadlineAt = withdrawalDeadline(now, terms.crisis.withdrawalWithinHours);
		const effect = await effectAt(ctx, loaded);
		await commit(
			ctx,
			loaded,
			[
				{
					action: 'withdrawal_requested',
					data: { deliverableId: d.id, status: d.status as DeliverableStatus, withdrawalId: id, reason: input.reason, deadlineAt: iso(deadlineAt), paymentEffect: effect }
				}
			],
			[
				db
					.prepare(
						`INSERT INTO deliverable_withdrawals (id, deliverable_id, agreement_id, requested_by_party, requested_by_user_id, reason, requested_at, deadline_at, status, payment_effect)
						 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'requested', ?9)`
					)
					.bind(id, d.id, d.agreement_id, agreement.party, user.id, input.reason, now, deadlineAt, JSON.stringify(effect)),
				// Only the clock moves: the status read is the guard (a concurrent transition also took the chain's seq).
				updateDeliverable(db, loaded, now, ''),
				messageStatement(db, loaded, now, { kind: 'withdrawal_requested', body: input.reason }),
				notifyOtherSide(db, loaded, now, 'withdrawal_requested')
			]
		);
		return answer(ctx, d.id);
	});
}

/**
 * POST /deliverables/:id/withdrawal/confirm. The side that did not ask confirms the content
 * is removed (the requester gets 403): the deliverable becomes `withdrawn` (withdrawn_at), the
 * request `removed` with who and when, and `withdrawal_confirmed` records whether it came after
 * the deadline. 409 when nothing is pending (no request, or already confirmed).
 */
export async function confirmWithdrawal(ctx: CallerContext, input: { deliverableId: string }) {
	return changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { db, now, user } = ctx;
		const { d, agreement } = loaded;
		const w = await readWithdrawal(db, d.id);
		if (!w || w.status !== 'requested') throw noRequest();
		if (agreement.party !== confirmingParty(w.requested_by_party as 'brand' | 'creator')) throw new AppError('forbidden', { detailKey: 'detail_withdrawal_other_side' });
		const to = guardDeliverable(loaded, 'withdraw');
		const late = withdrawalLate({ status: 'removed', deadlineAt: w.deadline_at, confirmedAt: now }, now);
		// The payment effect stored with the request applies to the payouts now, in this batch (issue 13).
		const crisis = await crisisOnWithdrawal(
			db,
			{ agreementId: d.agreement_id, withdrawalId: w.id, paymentEffect: w.payment_effect, userId: user.id, brandId: d.brand_id, creatorId: d.creator_id },
			now
		);
		await commit(
			ctx,
			loaded,
			[{ action: 'withdrawal_confirmed', data: { deliverableId: d.id, status: to, withdrawalId: w.id, late } }, ...crisis.events],
			[
				...crisis.statements,
				updateDeliverable(db, loaded, now, 'status = $1, withdrawn_at = $2', [to, now]),
				db.prepare("UPDATE deliverable_withdrawals SET status = 'removed', confirmed_at = ?2, confirmed_by_user_id = ?3 WHERE id = ?1 AND status = 'requested'").bind(w.id, now, user.id),
				messageStatement(db, loaded, now, { kind: 'withdrawal_confirmed' }),
				notifyOtherSide(db, loaded, now, 'withdrawal_confirmed')
			]
		);
		return answer(ctx, d.id);
	});
}

/** The answer of both: the withdrawal and the deliverable as they now are. */
async function answer(ctx: CallerContext, deliverableId: string) {
	const [d, w] = await ctx.db.batch([
		ctx.db.prepare('SELECT * FROM deliverables WHERE id = ?1').bind(deliverableId),
		ctx.db.prepare('SELECT * FROM deliverable_withdrawals WHERE deliverable_id = ?1').bind(deliverableId)
	]);
	const row = (d.results as DeliverableRow[])[0];
	const withdrawal = (w.results as WithdrawalRow[])[0];
	return { withdrawal: withdrawalOut(withdrawal, ctx.now), deliverable: deliverableItem(row, ctx.now) };
}
