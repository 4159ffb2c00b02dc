/**
 * Payouts (issue 13): the schedule from the signed terms, falling due with the deliverables,
 * mark-paid → confirm, dispute → resolve, every refusal, idempotency, the ledger, the hold of a
 * flagged publication and a crisis withdrawal's payment effect.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { type Terms, count } from './agreements-scene';
import { deliverableTerms, listDeliverables, signedScene } from './deliverables-scene';
import { PNG_BYTES, publishedDeliverable, submitDraft } from './deliverable-fixtures';
import { MARK, adminClient, ledgerOf, listPayouts, moneyState, ok, problem, step, total } from './payouts-scene';

const DAY = 86_400_000;
/** The end of the Algiers calendar day `days` after the one of `at`. */
const algiersDeadline = (at: number, days: number) => {
	const day = new Date(at + 3_600_000).toISOString().slice(0, 10);
	return new Date(Date.parse(`${day}T00:00:00Z`) + (days + 1) * DAY - 3_600_000).toISOString();
};

describe('the schedule from the signed terms', () => {
	it('50/50: the signature half is due at signing with its deadline and obligation; the approval half is scheduled; both sides see the same', async () => {
		const s = await signedScene();
		const signedAt = (await env.DB.prepare('SELECT completed_at FROM agreements WHERE id = ?1').bind(s.agreementId).first<{ completed_at: number }>())!.completed_at;
		const brandView = await listPayouts(s.brand.client, s.agreementId);
		const creatorView = await listPayouts(s.creator.client, s.agreementId);
		expect(brandView.payouts).toEqual(creatorView.payouts);
		expect(brandView).toMatchObject({ party: 'brand', held: false, feeDzd: 25_000 });
		const [first, second] = brandView.payouts;
		expect(brandView.payouts).toHaveLength(2);
		expect(first).toMatchObject({ seq: 1, milestone: 'signature', amountDzd: 12_500, status: 'due', held: false, overdue: false, fallsDueAt: new Date(signedAt).toISOString() });
		expect(first.deadlineAt).toBe(algiersDeadline(signedAt, 7));
		expect(second).toMatchObject({ seq: 2, milestone: 'approval', amountDzd: 12_500, status: 'scheduled', fallsDueAt: null, deadlineAt: null });

		const ledger = await ledgerOf(s.creator.client, s.agreementId);
		expect(ledger.transactions).toHaveLength(1);
		expect(ledger.transactions[0]).toMatchObject({ kind: 'obligation', payoutId: first.id });
		expect(ledger.transactions[0].entries).toEqual([
			{ account: `creator:${s.creator.creatorId}:receivable`, amountDzd: 12_500 },
			{ account: `brand:${s.brand.brandId}:payable`, amountDzd: -12_500 }
		]);

		const audit = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { events: { action: string }[]; chainValid: boolean };
		expect(audit.chainValid).toBe(true);
		expect(audit.events.map((e) => e.action)).toContain('payouts_planned');
	});

	it('the last approval makes the approval instalment due, with its deadline, its obligation and its event', async () => {
		const s = await signedScene();
		const list = await listDeliverables(s.brand.client, s.agreementId);
		for (const d of list) await submitDraft(d.id);
		const approveDraft = (id: string) => s.brand.client.call(`/deliverables/${id}/review`, { json: { decision: 'approve', comment: '' } });
		expect((await approveDraft(list[0].id)).status).toBe(200);
		expect((await approveDraft(list[1].id)).status).toBe(200);
		expect((await listPayouts(s.brand.client, s.agreementId)).payouts[1].status).toBe('scheduled');
		const before = Date.now();
		expect((await approveDraft(list[2].id)).status).toBe(200);
		const [, second] = (await listPayouts(s.creator.client, s.agreementId)).payouts;
		expect(second.status).toBe('due');
		const fellDue = Date.parse(second.fallsDueAt!);
		expect(fellDue).toBeGreaterThanOrEqual(before);
		expect(second.deadlineAt).toBe(algiersDeadline(fellDue, 7));
		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		expect(ledger.transactions.filter((t) => t.kind === 'obligation').map((t) => t.payoutId)).toEqual([(await listPayouts(s.brand.client, s.agreementId)).payouts[0].id, second.id]);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'payout_due'", s.agreementId)).toBe(1);
	});
});

describe('mark paid, confirm', () => {
	it('the brand marks paid, the creator is told and confirms; the ledger and both balances follow; both see the same history', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const paid = await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		expect(paid.payout).toMatchObject({ status: 'paid', method: 'baridimob', reference: 'BM-2027-000184' });
		const notes = (await (await s.creator.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { payoutId?: string; event?: string } }[] };
		expect(notes.notifications.find((n) => n.kind === 'payout_update')?.payload).toMatchObject({ payoutId: first.id, event: 'payout_marked_paid' });

		const confirmed = await ok(await step(s.creator.client, first.id, 'confirm'));
		expect(confirmed.payout.status).toBe('confirmed');

		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		expect(ledger.transactions.map((t) => t.kind)).toEqual(['obligation', 'payment', 'confirmation']);
		for (const t of ledger.transactions) expect(total(t)).toBe(0);
		const creatorBalance = (await (await s.creator.client.call('/ledger/balance')).json()) as { side: string; accounts: { account: string; balanceDzd: number }[] };
		expect(creatorBalance.side).toBe('creator');
		expect(creatorBalance.accounts).toEqual([
			{ account: `creator:${s.creator.creatorId}:cash`, balanceDzd: 12_500 },
			{ account: `creator:${s.creator.creatorId}:in_transit`, balanceDzd: 0 },
			{ account: `creator:${s.creator.creatorId}:receivable`, balanceDzd: 0 }
		]);
		const brandBalance = (await (await s.brand.client.call('/ledger/balance')).json()) as { side: string; accounts: { account: string; balanceDzd: number }[] };
		expect(brandBalance.accounts).toEqual([
			{ account: `brand:${s.brand.brandId}:cash`, balanceDzd: -12_500 },
			{ account: `brand:${s.brand.brandId}:payable`, balanceDzd: 0 }
		]);

		const a = await ok(await s.brand.client.call(`/payouts/${first.id}`));
		const b = await ok(await s.creator.client.call(`/payouts/${first.id}`));
		expect(a.history).toEqual(b.history);
		expect(a.history.map((h) => h.action)).toEqual(['payouts_planned', 'payout_marked_paid', 'payout_confirmed']);
		expect([a.party, b.party]).toEqual(['brand', 'creator']);
	});

	it('a scheduled payout may be paid early: its obligation is recognised first', async () => {
		const s = await signedScene();
		const [, second] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const paid = await ok(await step(s.brand.client, second.id, 'mark-paid', { ...MARK, method: 'ccp' }));
		expect(paid.payout.status).toBe('paid');
		expect(paid.history.at(-1)?.data).toMatchObject({ early: true, amountDzd: 12_500 });
		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		expect(ledger.transactions.filter((t) => t.payoutId === second.id).map((t) => t.kind)).toEqual(['obligation', 'payment']);
	});
});

describe('refusals change nothing', () => {
	it('a creator cannot mark paid (403), a brand cannot confirm (403), another tenant gets 404, the wrong step 409, a missing key 400', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const other = await brandAccount('Autre Marque');
		const otherCreator = await creatorAccount(env, 'Sara Style');
		const before = await moneyState(s.agreementId);

		await problem(await step(s.creator.client, first.id, 'mark-paid', MARK), 403, 'forbidden');
		await problem(await step(s.brand.client, first.id, 'confirm'), 403, 'forbidden');
		await problem(await step(other.client, first.id, 'mark-paid', MARK), 404, 'not_found');
		await problem(await other.client.call(`/payouts/${first.id}`), 404, 'not_found');
		await problem(await otherCreator.client.call(`/agreements/${s.agreementId}/payouts`), 404, 'not_found');
		await problem(await otherCreator.client.call(`/agreements/${s.agreementId}/ledger`), 404, 'not_found');
		await problem(await step(otherCreator.client, first.id, 'confirm'), 404, 'not_found');
		await problem(await step(s.creator.client, first.id, 'confirm'), 409, 'invalid_state');
		await problem(await step(s.creator.client, first.id, 'dispute', { reason: 'Rien reçu sur mon CCP.' }), 409, 'invalid_state');
		const missing = await problem(await step(s.brand.client, first.id, 'mark-paid', MARK, null), 400, 'invalid_request');
		expect(missing.errors?.map((e) => e.path)).toEqual(['Idempotency-Key']);
		await problem(await step(s.brand.client, first.id, 'mark-paid', { method: 'paypal', reference: 'x' }), 400, 'invalid_request');
		await problem(await step(s.brand.client, first.id, 'mark-paid', { ...MARK, reference: 'BM\u202E123' }), 400, 'invalid_request');
		await problem(await step(s.brand.client, first.id, 'mark-paid', { ...MARK, at: new Date(Date.now() + DAY).toISOString() }), 400, 'invalid_request');
		expect(await moneyState(s.agreementId)).toEqual(before);

		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		const paid = await moneyState(s.agreementId);
		await problem(await step(s.brand.client, first.id, 'mark-paid', MARK), 409, 'invalid_state');
		await problem(await step(s.brand.client, first.id, 'resolve', { outcome: 'proof', note: 'Voici le reçu.' }), 409, 'invalid_state');
		expect(await moneyState(s.agreementId)).toEqual(paid);
	});
});

describe('dispute and resolution', () => {
	it('the creator disputes with a reason; the brand must add a proof, then answers with it: paid again; the creator confirms', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		const disputed = await ok(await step(s.creator.client, first.id, 'dispute', { reason: 'Rien reçu sur mon compte BaridiMob à ce jour.' }));
		expect(disputed.payout).toMatchObject({ status: 'disputed', disputeReason: 'Rien reçu sur mon compte BaridiMob à ce jour.' });

		await problem(await step(s.brand.client, first.id, 'resolve', { outcome: 'paid', note: 'Nous avons payé.' }), 403, 'forbidden');
		await problem(await step(s.brand.client, first.id, 'resolve', { outcome: 'proof', note: 'Voici le reçu.' }), 409, 'invalid_state');
		await problem(await step(s.creator.client, first.id, 'resolve', { outcome: 'proof', note: 'Je tranche moi-même.' }), 403, 'forbidden');

		const form = new FormData();
		form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), 'recu.png');
		const withProof = await ok(await s.brand.client.call(`/payouts/${first.id}/proof`, { method: 'POST', body: form }));
		expect(withProof.payout.proof?.type).toBe('image/png');
		const html = new FormData();
		html.append('file', new Blob(['<!doctype html><script>alert(1)</script>'.padEnd(600, ' ')], { type: 'image/png' }), 'recu.png');
		await problem(await s.brand.client.call(`/payouts/${first.id}/proof`, { method: 'POST', body: html }), 415, 'unsupported_media_type');
		const file = await s.creator.client.call(`/payouts/${first.id}/proof`);
		expect(file.status).toBe(200);
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES);

		const resolved = await ok(await step(s.brand.client, first.id, 'resolve', { outcome: 'proof', note: 'Voici le reçu du virement du 12.' }));
		expect(resolved.payout).toMatchObject({ status: 'paid', resolution: 'proof', resolutionNote: 'Voici le reçu du virement du 12.' });
		expect((await ok(await step(s.creator.client, first.id, 'confirm'))).payout.status).toBe('confirmed');
		const kinds = (await ledgerOf(s.creator.client, s.agreementId)).transactions.map((t) => t.kind);
		expect(kinds).toEqual(['obligation', 'payment', 'dispute', 'dispute_proof', 'confirmation']);
	});

	it('an admin decides “unpaid”: the marking is reversed, the payout is due again and the balances say so', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		await ok(await step(s.creator.client, first.id, 'dispute', { reason: 'La référence donnée n’existe pas.' }));
		const admin = await adminClient();
		// The admins' queue lists it, with who is who and the creator's reason; the parties cannot read the queue.
		type Queue = { disputes: { payoutId: string; disputeReason: string; brandName: string; creatorName: string; amountDzd: number; hasProof: boolean }[]; total: number };
		const queue = (await (await admin.call('/admin/payouts/disputes')).json()) as Queue;
		expect(queue.disputes.find((d) => d.payoutId === first.id)).toMatchObject({ disputeReason: 'La référence donnée n’existe pas.', amountDzd: 12_500, hasProof: false });
		expect(queue.total).toBeGreaterThanOrEqual(1);
		expect((await s.brand.client.call('/admin/payouts/disputes')).status).toBe(403);
		expect((await s.creator.client.call('/admin/payouts/disputes')).status).toBe(403);
		expect((await admin.call('/admin/payouts/disputes?page=0')).status).toBe(400);
		await problem(await step(admin, first.id, 'resolve', { outcome: 'proof', note: 'Preuve ?' }), 403, 'forbidden');
		const decided = await ok(await step(admin, first.id, 'resolve', { outcome: 'unpaid', note: 'Aucune trace du virement auprès d’Algérie Poste.' }));
		expect(decided.payout).toMatchObject({ status: 'due', resolution: 'unpaid', paidAt: null, method: null });
		expect(decided.party).toBe('admin');
		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		expect(ledger.transactions.map((t) => t.kind)).toEqual(['obligation', 'payment', 'dispute', 'payment_reversed']);
		const balance = Object.fromEntries(ledger.balances.map((b) => [b.account, b.balanceDzd]));
		expect(balance[`creator:${s.creator.creatorId}:receivable`]).toBe(12_500);
		expect(balance[`brand:${s.brand.brandId}:payable`]).toBe(-12_500);
		expect(balance[`brand:${s.brand.brandId}:cash`]).toBe(0);
		const history = (await ok(await s.creator.client.call(`/payouts/${first.id}`))).history;
		expect(history.at(-1)).toMatchObject({ action: 'payout_resolved', actor: 'system', data: { outcome: 'unpaid', by: 'admin' } });
		// Decided: out of the queue.
		expect(((await (await admin.call('/admin/payouts/disputes')).json()) as Queue).disputes.some((d) => d.payoutId === first.id)).toBe(false);
	});
});

describe('idempotency', () => {
	it('same key and body: the first answer again, marked replayed, one effect; same key, other body: 422', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const key = crypto.randomUUID();
		const a = await step(s.brand.client, first.id, 'mark-paid', MARK, key);
		const firstBody = await a.text();
		expect(a.status).toBe(200);
		expect(a.headers.get('idempotent-replayed')).toBeNull();
		const b = await step(s.brand.client, first.id, 'mark-paid', MARK, key);
		expect(b.status).toBe(200);
		expect(b.headers.get('idempotent-replayed')).toBe('true');
		expect(await b.text()).toBe(firstBody);
		await problem(await step(s.brand.client, first.id, 'mark-paid', { ...MARK, reference: 'AUTRE-REF' }, key), 422, 'idempotency_key_reused');
		expect(await count("SELECT count(*) AS n FROM ledger_transactions WHERE agreement_id = ?1 AND kind = 'payment'", s.agreementId)).toBe(1);
		// The key is the caller's: another user's same key is another request.
		await problem(await step(s.creator.client, first.id, 'mark-paid', MARK, key), 403, 'forbidden');
	});

	it('a refused request releases its key: after the cause is gone, the same key works', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const [d] = await listDeliverables(s.brand.client, s.agreementId);
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'flagged' WHERE id = ?1").bind(d.id).run();
		const key = crypto.randomUUID();
		await problem(await step(s.brand.client, first.id, 'mark-paid', MARK, key), 409, 'payout_held');
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'pending' WHERE id = ?1").bind(d.id).run();
		expect((await step(s.brand.client, first.id, 'mark-paid', MARK, key)).status).toBe(200);
	});

	it('two concurrent requests with one key make exactly one payment; with two keys, one payment and a 409', async () => {
		const s = await signedScene();
		const [first, second] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const key = crypto.randomUUID();
		const same = await Promise.all([step(s.brand.client, first.id, 'mark-paid', MARK, key), step(s.brand.client, first.id, 'mark-paid', MARK, key)]);
		const statuses = same.map((r) => r.status).sort();
		// One ran; the other either replayed its answer (200) or found it still running (409 idempotency_in_progress).
		expect(statuses[0]).toBe(200);
		for (const r of same) if (r.status === 409) expect(((await r.json()) as { code: string }).code).toBe('idempotency_in_progress');
		expect(await count("SELECT count(*) AS n FROM ledger_transactions WHERE payout_id = ?1 AND kind = 'payment'", first.id)).toBe(1);

		const two = await Promise.all([step(s.brand.client, second.id, 'mark-paid', MARK), step(s.brand.client, second.id, 'mark-paid', MARK)]);
		expect(two.map((r) => r.status).sort()).toEqual([200, 409]);
		expect(await count("SELECT count(*) AS n FROM ledger_transactions WHERE payout_id = ?1 AND kind = 'payment'", second.id)).toBe(1);
		for (const t of (await ledgerOf(s.brand.client, s.agreementId)).transactions) expect(total(t)).toBe(0);
	});
});

describe('the ledger cannot be bypassed', () => {
	it('an unbalanced or fractional transaction, an entry without its transaction or added later, an update or a delete are refused by the database', async () => {
		const s = await signedScene();
		const db = env.DB;
		const tx = (id: string, entries: unknown, n = Array.isArray(entries) ? entries.length : 2) =>
			db
				.prepare("INSERT INTO ledger_transactions (id, agreement_id, payout_id, kind, at, entries, entry_count) VALUES (?1, ?2, NULL, 'obligation', 0, ?3, ?4)")
				.bind(id, s.agreementId, JSON.stringify(entries), n);
		const entry = (id: string, seq: number, amount: number) =>
			db.prepare("INSERT INTO ledger_entries (transaction_id, seq, account, amount_dzd) VALUES (?1, ?2, 'platform:fees', ?3)").bind(id, seq, amount);
		const before = await count('SELECT count(*) AS n FROM ledger_entries');
		const t1 = `t1-${crypto.randomUUID()}`;
		await expect(
			tx(t1, [
				['platform:fees', 100],
				['brand:x:cash', -99]
			]).run()
		).rejects.toThrow(/sum to zero/);
		await expect(
			tx(t1, [
				['platform:fees', 0.5],
				['brand:x:cash', -0.5]
			]).run()
		).rejects.toThrow(/sum to zero/);
		await expect(tx(t1, [['platform:fees', 100]]).run()).rejects.toThrow(/sum to zero/);
		await expect(
			tx(
				t1,
				[
					['platform:fees', 100],
					['brand:x:cash', -100]
				],
				3
			).run()
		).rejects.toThrow(/sum to zero/);
		await expect(entry(t1, 1, 100).run()).rejects.toThrow(/with their transaction only/);
		const t2 = `t2-${crypto.randomUUID()}`;
		await tx(t2, [
			['platform:fees', 100],
			['brand:x:cash', -100]
		]).run();
		expect((await db.prepare('SELECT seq, account, amount_dzd FROM ledger_entries WHERE transaction_id = ?1 ORDER BY seq').bind(t2).all()).results).toEqual([
			{ seq: 1, account: 'platform:fees', amount_dzd: 100 },
			{ seq: 2, account: 'brand:x:cash', amount_dzd: -100 }
		]);
		await expect(entry(t2, 3, 5).run()).rejects.toThrow(/with their transaction only/);
		await expect(db.prepare('UPDATE ledger_entries SET amount_dzd = 1 WHERE transaction_id = ?1').bind(t2).run()).rejects.toThrow(/append-only/);
		await expect(db.prepare('DELETE FROM ledger_transactions WHERE id = ?1').bind(t2).run()).rejects.toThrow(/append-only/);
		expect(await count('SELECT count(*) AS n FROM ledger_entries')).toBe(before + 2);
	});
});

describe('held while a publication lacks its disclosure', () => {
	it('a flagged post holds every unpaid payout: shown held and never overdue, and it cannot be marked paid (409 payout_held)', async () => {
		const s = await signedScene();
		const [d] = await listDeliverables(s.brand.client, s.agreementId);
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'flagged', publication_flag = 'disclosure_missing' WHERE id = ?1").bind(d.id).run();
		// Past its deadline, still not overdue while held.
		await env.DB.prepare('UPDATE payouts SET deadline_at = ?2 WHERE id = ?1')
			.bind(first.id, Date.now() - DAY)
			.run();
		const view = await listPayouts(s.creator.client, s.agreementId);
		expect(view.held).toBe(true);
		expect(view.payouts.map((p) => [p.held, p.overdue])).toEqual([
			[true, false],
			[true, false]
		]);
		const before = await moneyState(s.agreementId);
		const refused = await problem(await step(s.brand.client, first.id, 'mark-paid', MARK), 409, 'payout_held');
		expect(refused.detail).toMatch(/suspendu/);
		expect(await moneyState(s.agreementId)).toEqual(before);
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'pending', publication_flag = NULL WHERE id = ?1").bind(d.id).run();
		expect((await listPayouts(s.creator.client, s.agreementId)).payouts[0]).toMatchObject({ held: false, overdue: true });
	});
});

describe('a crisis withdrawal', () => {
	const proRata = (t: Terms): Terms => ({
		...deliverableTerms(t),
		crisis: { requestedBy: 'brand', withdrawalWithinHours: 24, payment: 'pro_rata' },
		fee: { amountDzd: 30_000, currency: 'DZD' },
		paymentSchedule: [
			{ milestone: 'signature', amountDzd: 15_000, dueDays: 7 },
			{ milestone: 'publication', amountDzd: 15_000, dueDays: 7 }
		]
	});

	it('confirmed, it applies its pro-rata effect: the due payout reduced, the scheduled one cancelled, the ledger and the chain say so', async () => {
		const s = await signedScene({ shape: proRata });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		expect((await s.brand.client.call(`/deliverables/${reel.id}/withdrawal`, { json: { reason: 'Rappel de lot du sérum.' } })).status).toBe(201);
		// Asking moves nothing.
		expect((await listPayouts(s.brand.client, s.agreementId)).payouts.map((p) => [p.status, p.amountDzd])).toEqual([
			['due', 15_000],
			['scheduled', 15_000]
		]);
		expect((await s.creator.client.call(`/deliverables/${reel.id}/withdrawal/confirm`, { method: 'POST' })).status).toBe(200);
		// ⌊30 000 × 1 published / 3⌋ = 10 000 due in all.
		const [first, second] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		expect(first).toMatchObject({ status: 'due', amountDzd: 10_000, scheduledDzd: 15_000 });
		expect(second).toMatchObject({ status: 'cancelled', amountDzd: 0 });
		expect(second.cancelledAt).not.toBeNull();
		const ledger = await ledgerOf(s.creator.client, s.agreementId);
		expect(ledger.transactions.map((t) => t.kind)).toEqual(['obligation', 'crisis_reduction']);
		for (const t of ledger.transactions) expect(total(t)).toBe(0);
		expect(ledger.balances).toEqual(
			expect.arrayContaining([
				{ account: `creator:${s.creator.creatorId}:receivable`, balanceDzd: 10_000 },
				{ account: `brand:${s.brand.brandId}:payable`, balanceDzd: -10_000 }
			])
		);
		const detail = await ok(await s.brand.client.call(`/payouts/${second.id}`));
		expect(detail.history.at(-1)).toMatchObject({ action: 'payouts_adjusted', data: { amountDueDzd: 10_000, refundDzd: 0 } });
		await problem(await step(s.brand.client, second.id, 'mark-paid', MARK), 409, 'invalid_state');
	});

	it('what was paid beyond the amount due is recorded as the creator’s refund to the brand', async () => {
		const s = await signedScene({ shape: proRata });
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		await ok(await step(s.creator.client, first.id, 'confirm'));
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		expect((await s.brand.client.call(`/deliverables/${reel.id}/withdrawal`, { json: { reason: 'Rappel de lot du sérum.' } })).status).toBe(201);
		expect((await s.creator.client.call(`/deliverables/${reel.id}/withdrawal/confirm`, { method: 'POST' })).status).toBe(200);
		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		const refund = ledger.transactions.find((t) => t.kind === 'crisis_refund')!;
		expect(refund.entries).toEqual([
			{ account: `brand:${s.brand.brandId}:refund_receivable`, amountDzd: 5000 },
			{ account: `creator:${s.creator.creatorId}:refund_payable`, amountDzd: -5000 }
		]);
		expect((await listPayouts(s.brand.client, s.agreementId)).payouts.map((p) => p.status)).toEqual(['confirmed', 'cancelled']);
	});
});
