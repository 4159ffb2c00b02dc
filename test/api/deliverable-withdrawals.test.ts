/**
 * The crisis clause in practice (issue 11, point 5): a party the terms allow asks to withdraw
 * online content with a reason; the other side confirms the removal; the request, its
 * deadline, the payment effect and the outcome are on the audit chain. Deliverables are put
 * online with the SQL fixtures of deliverable-fixtures.ts (the publication routes land in
 * parallel).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { type Terms, type Problem, count } from './agreements-scene';
import { deliverableTerms, listDeliverables, signedScene } from './deliverables-scene';
import { DAY, approve, publishedDeliverable, setStatus, submitDraft } from './deliverable-fixtures';
import type { Client } from './helpers';

const HOUR = 3_600_000;

interface WithdrawalOut {
	id: string;
	requestedBy: string;
	reason: string;
	requestedAt: string;
	deadlineAt: string;
	status: string;
	confirmedAt: string | null;
	late: boolean;
	paymentEffect: Record<string, unknown>;
}
interface WithdrawalAnswer {
	withdrawal: WithdrawalOut;
	deliverable: { id: string; status: string; withdrawnAt: string | null };
}

type Crisis = { requestedBy: 'brand' | 'either'; withdrawalWithinHours: number; payment: 'due_in_full' | 'pro_rata' | 'none_if_not_published' };

/** The default deliverables (2 reels + 1 story) with this crisis clause and, optionally, another fee and schedule. */
const withCrisis =
	(crisis: Crisis, fee?: { amountDzd: number; schedule: { milestone: string; amountDzd: number }[] }) =>
	(t: Terms): Terms => ({
		...deliverableTerms(t),
		crisis,
		...(fee ? { fee: { amountDzd: fee.amountDzd, currency: 'DZD' }, paymentSchedule: fee.schedule.map((m) => ({ ...m, dueDays: 7 })) } : {})
	});

const ask = (client: Client, id: string, reason = 'Rappel de lot du sérum : le produit montré est retiré de la vente.') => client.call(`/deliverables/${id}/withdrawal`, { json: { reason } });
const confirm = (client: Client, id: string) => client.call(`/deliverables/${id}/withdrawal/confirm`, { method: 'POST' });

async function audit(client: Client, agreementId: string) {
	const res = await client.call(`/agreements/${agreementId}/audit`);
	expect(res.status).toBe(200);
	return (await res.json()) as { events: { action: string; actor: { party: string }; data: Record<string, unknown> }[]; chainValid: boolean };
}

/** What a refused request must leave as it was. */
async function snapshot(agreementId: string, deliverableId: string) {
	return {
		events: await count('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1', agreementId),
		withdrawals: (await env.DB.prepare('SELECT id, status, confirmed_at FROM deliverable_withdrawals WHERE deliverable_id = ?1').bind(deliverableId).all()).results,
		deliverable: await env.DB.prepare('SELECT status, withdrawn_at, updated_at FROM deliverables WHERE id = ?1').bind(deliverableId).first(),
		messages: await count('SELECT count(*) AS n FROM deliverable_messages WHERE deliverable_id = ?1', deliverableId)
	};
}

describe('asking to withdraw online content', () => {
	it('the brand asks: 201 with the deadline from the terms’ hours and the pro-rata payment effect; the deliverable stays online; the creator is told', async () => {
		const s = await signedScene({ shape: withCrisis({ requestedBy: 'either', withdrawalWithinHours: 24, payment: 'pro_rata' }) });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);

		const before = Date.now();
		const res = await ask(s.brand.client, reel.id);
		const after = Date.now();
		expect(res.status, await res.clone().text()).toBe(201);
		const body = (await res.json()) as WithdrawalAnswer;
		const { withdrawal } = body;
		expect(withdrawal).toMatchObject({ requestedBy: 'brand', status: 'requested', confirmedAt: null, late: false, reason: 'Rappel de lot du sérum : le produit montré est retiré de la vente.' });
		const requestedAt = Date.parse(withdrawal.requestedAt);
		expect(requestedAt).toBeGreaterThanOrEqual(before);
		expect(requestedAt).toBeLessThanOrEqual(after);
		expect(Date.parse(withdrawal.deadlineAt) - requestedAt).toBe(24 * HOUR);
		// Fee 25 000 DZD, 1 of 3 deliverables published: ⌊25 000 / 3⌋ = 8 333 due. The signature
		// instalment (12 500) was reached, not the approval one (not every draft approved): 4 167 to give back if paid.
		expect(withdrawal.paymentEffect).toEqual({
			rule: 'pro_rata',
			feeDzd: 25000,
			publishedBefore: 1,
			total: 3,
			amountDueDzd: 8333,
			withheldDzd: 16667,
			milestonesReached: ['signature'],
			scheduledDzd: 12500,
			refund: true,
			refundDzd: 4167,
			rounding: 'down_to_dinar'
		});
		// Nothing moves the deliverable yet.
		expect(body.deliverable).toMatchObject({ id: reel.id, status: 'published', withdrawnAt: null });

		// Stored, and shown on the deliverable's page to both sides, with the thread message.
		const row = await env.DB.prepare('SELECT payment_effect, deadline_at, requested_by_user_id FROM deliverable_withdrawals WHERE deliverable_id = ?1')
			.bind(reel.id)
			.first<{ payment_effect: string; deadline_at: number; requested_by_user_id: string }>();
		expect(JSON.parse(row!.payment_effect)).toEqual(withdrawal.paymentEffect);
		expect(row!.requested_by_user_id).toBe(s.brand.user.id);
		const detail = (await (await s.creator.client.call(`/deliverables/${reel.id}`)).json()) as {
			withdrawal: WithdrawalOut;
			messages: { kind: string; party: string; body: string }[];
		};
		expect(detail.withdrawal).toEqual(withdrawal);
		expect(detail.messages.at(-1)).toMatchObject({ kind: 'withdrawal_requested', party: 'brand', body: withdrawal.reason });

		// On the chain, with the deadline and the payment effect; the chain stays valid.
		const trail = await audit(s.creator.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		const event = trail.events.at(-1)!;
		expect(event.action).toBe('withdrawal_requested');
		expect(event.actor.party).toBe('brand');
		expect(event.data).toEqual({
			deliverableId: reel.id,
			status: 'published',
			withdrawalId: withdrawal.id,
			reason: withdrawal.reason,
			deadlineAt: withdrawal.deadlineAt,
			paymentEffect: withdrawal.paymentEffect
		});

		// The creator is notified in the app.
		const notes = (await (await s.creator.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { deliverableId?: string; event?: string } }[] };
		expect(notes.notifications.find((n) => n.kind === 'deliverable_update' && n.payload.deliverableId === reel.id)?.payload.event).toBe('withdrawal_requested');
	});

	it('rounds a pro-rata share down to the dinar with an odd fee, and counts every deliverable published before the request', async () => {
		const s = await signedScene({
			shape: withCrisis(
				{ requestedBy: 'brand', withdrawalWithinHours: 6, payment: 'pro_rata' },
				{
					amountDzd: 100001,
					schedule: [
						{ milestone: 'signature', amountDzd: 33334 },
						{ milestone: 'publication', amountDzd: 66667 }
					]
				}
			)
		});
		const [a, b, story] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(a.id);
		await publishedDeliverable(b.id);
		await setStatus(b.id, 'stats_d1');
		// The story is approved, not online: it does not count as published.
		await submitDraft(story.id);
		await approve(story.id);

		const res = await ask(s.brand.client, b.id);
		expect(res.status).toBe(201);
		const { withdrawal } = (await res.json()) as WithdrawalAnswer;
		expect(Date.parse(withdrawal.deadlineAt) - Date.parse(withdrawal.requestedAt)).toBe(6 * HOUR);
		// ⌊100 001 × 2 / 3⌋ = ⌊66 667.33⌋ = 66 667; every draft approved, not every one published.
		expect(withdrawal.paymentEffect).toMatchObject({
			rule: 'pro_rata',
			feeDzd: 100001,
			publishedBefore: 2,
			total: 3,
			amountDueDzd: 66667,
			withheldDzd: 33334,
			milestonesReached: ['signature', 'approval'],
			scheduledDzd: 33334,
			refund: false,
			refundDzd: 0
		});
	});

	it('due in full keeps the whole fee due; none-if-not-published does too once something is online', async () => {
		for (const payment of ['due_in_full', 'none_if_not_published'] as const) {
			const s = await signedScene({ shape: withCrisis({ requestedBy: 'either', withdrawalWithinHours: 48, payment }) });
			const [reel] = await listDeliverables(s.brand.client, s.agreementId);
			await publishedDeliverable(reel.id);
			const res = await ask(s.creator.client, reel.id, 'Je ne souhaite plus être associée à ce produit.');
			expect(res.status).toBe(201);
			const { withdrawal } = (await res.json()) as WithdrawalAnswer;
			expect(withdrawal.requestedBy).toBe('creator');
			expect(withdrawal.paymentEffect).toMatchObject({ rule: payment, feeDzd: 25000, publishedBefore: 1, total: 3, amountDueDzd: 25000, withheldDzd: 0, refund: false, refundDzd: 0 });
		}
	});

	it('may be asked from every online status: published, stats_d1, stats_d7 and done', async () => {
		const s = await signedScene();
		const list = await listDeliverables(s.brand.client, s.agreementId);
		const statuses = ['stats_d1', 'stats_d7', 'done'] as const;
		for (const [i, status] of statuses.entries()) {
			await publishedDeliverable(list[i].id);
			await setStatus(list[i].id, status);
			const res = await ask(s.brand.client, list[i].id);
			expect(res.status, status).toBe(201);
			expect(((await res.json()) as WithdrawalAnswer).deliverable.status).toBe(status);
		}
	});

	it('the creator gets 403 when the terms let only the brand ask, and nothing changes', async () => {
		const s = await signedScene({ shape: withCrisis({ requestedBy: 'brand', withdrawalWithinHours: 24, payment: 'pro_rata' }) });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const before = await snapshot(s.agreementId, reel.id);
		const res = await ask(s.creator.client, reel.id);
		expect(res.status).toBe(403);
		expect(((await res.json()) as Problem).detail).toBe('Selon le contrat, seule la marque peut demander le retrait d’un contenu.');
		expect(await snapshot(s.agreementId, reel.id)).toEqual(before);
		// The brand may.
		expect((await ask(s.brand.client, reel.id)).status).toBe(201);
	});

	it('409 while the content is not online (planned, approved), and nothing changes', async () => {
		const s = await signedScene();
		const [planned, approved] = await listDeliverables(s.brand.client, s.agreementId);
		await submitDraft(approved.id);
		await approve(approved.id);
		for (const d of [planned, approved]) {
			const before = await snapshot(s.agreementId, d.id);
			const res = await ask(s.brand.client, d.id);
			expect(res.status).toBe(409);
			const problem = (await res.json()) as Problem;
			expect(problem.code).toBe('invalid_state');
			expect(problem.detail).toBe('Seul un contenu en ligne peut être retiré\u00a0: celui-ci n’est pas publié, ou il est déjà retiré.');
			expect(await snapshot(s.agreementId, d.id)).toEqual(before);
		}
	});

	it('one request per deliverable: a second one is 409 and changes nothing; two at once make one', async () => {
		const s = await signedScene();
		const [a, b] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(a.id);
		expect((await ask(s.brand.client, a.id)).status).toBe(201);
		const before = await snapshot(s.agreementId, a.id);
		for (const client of [s.brand.client, s.creator.client]) {
			const again = await ask(client, a.id);
			expect(again.status).toBe(409);
			expect(((await again.json()) as Problem).detail).toBe('Un retrait a déjà été demandé pour ce contenu.');
		}
		expect(await snapshot(s.agreementId, a.id)).toEqual(before);

		await publishedDeliverable(b.id);
		const both = await Promise.all([ask(s.brand.client, b.id), ask(s.creator.client, b.id)]);
		expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
		expect(await count('SELECT count(*) AS n FROM deliverable_withdrawals WHERE deliverable_id = ?1', b.id)).toBe(1);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'withdrawal_requested'", s.agreementId)).toBe(2);
		expect((await audit(s.brand.client, s.agreementId)).chainValid).toBe(true);
	});

	it('refuses a missing, short or control-laden reason with a field error, and changes nothing', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const before = await snapshot(s.agreementId, reel.id);
		for (const json of [{}, { reason: '  a ' }, { reason: 'Retrait\u202e urgent' }, { reason: 'x'.repeat(1001) }, { reason: 'Assez long', extra: 1 }]) {
			const res = await s.brand.client.call(`/deliverables/${reel.id}/withdrawal`, { json });
			expect(res.status, JSON.stringify(json)).toBe(400);
			const problem = (await res.json()) as Problem;
			expect(problem.errors!.length).toBeGreaterThan(0);
		}
		const res = await s.brand.client.call(`/deliverables/${reel.id}/withdrawal`, { json: { reason: 'ab' } });
		expect(((await res.json()) as Problem).errors).toEqual([{ path: 'reason', message: 'Expliquez en 3 à 1 000 caractères pourquoi le contenu doit être retiré.' }]);
		expect(await snapshot(s.agreementId, reel.id)).toEqual(before);
	});

	it('another brand, another creator and a stranger get 404 on both routes', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		expect((await ask(s.brand.client, reel.id)).status).toBe(201);
		const otherBrand = await brandAccount('Maison Rivale Oran');
		const otherCreator = await creatorAccount(env, 'Autre Créatrice');
		for (const client of [otherBrand.client, otherCreator.client]) {
			expect((await ask(client, reel.id)).status).toBe(404);
			expect((await confirm(client, reel.id)).status).toBe(404);
		}
		expect((await confirm(otherBrand.client, 'pas-un-id')).status).toBe(404);
		expect(await count('SELECT count(*) AS n FROM deliverable_withdrawals WHERE deliverable_id = ?1', reel.id)).toBe(1);
	});
});

describe('confirming the removal', () => {
	it('the other side confirms: the deliverable is withdrawn for good, on time, on the chain', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const asked = (await (await ask(s.brand.client, reel.id)).json()) as WithdrawalAnswer;

		// The requester cannot confirm their own request.
		const own = await confirm(s.brand.client, reel.id);
		expect(own.status).toBe(403);
		expect(((await own.json()) as Problem).detail).toBe('C’est l’autre partie qui confirme le retrait que vous avez demandé.');

		const res = await confirm(s.creator.client, reel.id);
		expect(res.status, await res.clone().text()).toBe(200);
		const body = (await res.json()) as WithdrawalAnswer;
		expect(body.withdrawal).toMatchObject({ id: asked.withdrawal.id, status: 'removed', late: false, paymentEffect: asked.withdrawal.paymentEffect });
		expect(body.withdrawal.confirmedAt).not.toBeNull();
		expect(body.deliverable.status).toBe('withdrawn');
		expect(body.deliverable.withdrawnAt).toBe(body.withdrawal.confirmedAt);
		const row = await env.DB.prepare('SELECT confirmed_by_user_id FROM deliverable_withdrawals WHERE id = ?1').bind(asked.withdrawal.id).first<{ confirmed_by_user_id: string }>();
		expect(row!.confirmed_by_user_id).toBe(s.creator.user.id);

		const trail = await audit(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		// The confirmation, then the payment effect applied to the payouts (issue 13) in the same batch.
		expect(trail.events.at(-1)).toMatchObject({ action: 'payouts_adjusted', actor: { party: 'creator' }, data: { withdrawalId: asked.withdrawal.id } });
		expect(trail.events.at(-2)).toMatchObject({
			action: 'withdrawal_confirmed',
			actor: { party: 'creator' },
			data: { deliverableId: reel.id, status: 'withdrawn', withdrawalId: asked.withdrawal.id, late: false }
		});
		const detail = (await (await s.brand.client.call(`/deliverables/${reel.id}`)).json()) as { deliverable: { status: string; next: unknown }; messages: { kind: string; party: string }[] };
		expect(detail.deliverable).toMatchObject({ status: 'withdrawn', next: null });
		expect(detail.messages.at(-1)).toMatchObject({ kind: 'withdrawal_confirmed', party: 'creator' });
		const notes = (await (await s.brand.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { event?: string } }[] };
		expect(notes.notifications.some((n) => n.kind === 'deliverable_update' && n.payload.event === 'withdrawal_confirmed')).toBe(true);

		// Final: confirming again, or asking again, is 409 and changes nothing.
		const before = await snapshot(s.agreementId, reel.id);
		const again = await confirm(s.creator.client, reel.id);
		expect(again.status).toBe(409);
		expect(((await again.json()) as Problem).detail).toBe('Aucune demande de retrait n’attend de confirmation pour ce contenu.');
		expect((await ask(s.brand.client, reel.id)).status).toBe(409);
		expect(await snapshot(s.agreementId, reel.id)).toEqual(before);
	});

	it('a creator’s request is confirmed by the brand', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		expect((await ask(s.creator.client, reel.id, 'Commentaires haineux sous la vidéo.')).status).toBe(201);
		expect((await confirm(s.creator.client, reel.id)).status).toBe(403);
		const res = await confirm(s.brand.client, reel.id);
		expect(res.status).toBe(200);
		expect(((await res.json()) as WithdrawalAnswer).deliverable.status).toBe('withdrawn');
	});

	it('is late past the deadline: shown while pending, recorded on confirmation', async () => {
		const s = await signedScene({ shape: withCrisis({ requestedBy: 'brand', withdrawalWithinHours: 12, payment: 'pro_rata' }) });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const asked = (await (await ask(s.brand.client, reel.id)).json()) as WithdrawalAnswer;
		expect(asked.withdrawal.late).toBe(false);
		// The API's clock is the real one: the fixture moves the request 13 hours into the past instead (past its 12-hour deadline).
		await env.DB.prepare('UPDATE deliverable_withdrawals SET requested_at = requested_at - ?2, deadline_at = deadline_at - ?2 WHERE id = ?1')
			.bind(asked.withdrawal.id, 13 * HOUR)
			.run();
		const pending = (await (await s.creator.client.call(`/deliverables/${reel.id}`)).json()) as { withdrawal: WithdrawalOut };
		expect(pending.withdrawal).toMatchObject({ status: 'requested', late: true });

		const res = await confirm(s.creator.client, reel.id);
		expect(res.status).toBe(200);
		expect(((await res.json()) as WithdrawalAnswer).withdrawal).toMatchObject({ status: 'removed', late: true });
		const trail = await audit(s.brand.client, s.agreementId);
		expect(trail.events.findLast((e) => e.action === 'withdrawal_confirmed')).toMatchObject({ data: { late: true } });
		expect(trail.chainValid).toBe(true);
		// Still late when read later: the confirmation came after the deadline.
		const later = (await (await s.brand.client.call(`/deliverables/${reel.id}`)).json()) as { withdrawal: WithdrawalOut };
		expect(later.withdrawal.late).toBe(true);
	});

	it('409 when no withdrawal was asked, and nothing changes', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id, { publishedAt: Date.now() - DAY });
		const before = await snapshot(s.agreementId, reel.id);
		const res = await confirm(s.creator.client, reel.id);
		expect(res.status).toBe(409);
		expect(await snapshot(s.agreementId, reel.id)).toEqual(before);
	});
});
