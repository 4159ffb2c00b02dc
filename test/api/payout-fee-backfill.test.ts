/**
 * Payouts (issue 13), the parts the main flow tests do not reach: the optional platform fee
 * (`PLATFORM_FEE_BPS`, rounded down to the dinar) on a confirmed payment, agreements signed
 * before payouts existed (planned once on first read, from the signature's time), and the
 * cron's sweep of idempotency keys past their 24 hours.
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { type Client, ORIGIN } from './helpers';
import { count } from './agreements-scene';
import { deliverableTerms, listDeliverables, signedScene } from './deliverables-scene';
import { submitDraft } from './deliverable-fixtures';
import { MARK, ledgerOf, listPayouts, ok, step } from './payouts-scene';

/** The same request the client would make, to the Worker run with other settings (`PLATFORM_FEE_BPS`). */
async function callWith(settings: Record<string, string>, client: Client, path: string, headers: Record<string, string> = {}) {
	const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const req = new Request(`${ORIGIN}/api/v1${path}`, { method: 'POST', headers: { 'cf-connecting-ip': client.ip, cookie, ...headers } });
	return worker.fetch(req as Parameters<typeof worker.fetch>[0], { ...env, ...settings } as typeof env, createExecutionContext());
}

describe('the platform fee', () => {
	it('at 2.5 %, confirming 12 500 DA charges 312 DA (312.5 rounded down) to the creator, credited to the platform, and the chain records it', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		const res = await callWith({ PLATFORM_FEE_BPS: '250' }, s.creator.client, `/payouts/${first.id}/confirm`, { 'idempotency-key': crypto.randomUUID() });
		expect(res.status, await res.clone().text()).toBe(200);
		expect(((await res.json()) as { payout: { status: string } }).payout.status).toBe('confirmed');

		const ledger = await ledgerOf(s.creator.client, s.agreementId);
		const fee = ledger.transactions.find((t) => t.kind === 'platform_fee');
		expect(fee?.payoutId).toBe(first.id);
		expect(fee?.entries).toEqual([
			{ account: `creator:${s.creator.creatorId}:fees`, amountDzd: 312 },
			{ account: 'platform:fees', amountDzd: -312 }
		]);
		for (const t of ledger.transactions) expect(t.entries.reduce((n, e) => n + e.amountDzd, 0)).toBe(0);
		expect(ledger.balances).toContainEqual({ account: `creator:${s.creator.creatorId}:fees`, balanceDzd: 312 });

		const audit = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { events: { action: string; data: Record<string, unknown> }[]; chainValid: boolean };
		expect(audit.chainValid).toBe(true);
		expect(audit.events.find((e) => e.action === 'payout_confirmed')?.data).toMatchObject({ payoutId: first.id, amountDzd: 12_500, feeDzd: 312 });
	});

	it('not a rate (“abc”, negative): no fee transaction at all', async () => {
		for (const setting of ['abc', '-100']) {
			const s = await signedScene();
			const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
			await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
			const res = await callWith({ PLATFORM_FEE_BPS: setting }, s.creator.client, `/payouts/${first.id}/confirm`, { 'idempotency-key': crypto.randomUUID() });
			expect(res.status, await res.clone().text()).toBe(200);
			const ledger = await ledgerOf(s.creator.client, s.agreementId);
			expect(ledger.transactions.map((t) => t.kind)).not.toContain('platform_fee');
			expect(ledger.transactions.map((t) => t.kind)).toContain('confirmation');
		}
	});
});

describe('agreements signed before payouts existed', () => {
	/** One instalment, all at approval: signing plans one scheduled payout and writes no ledger transaction. */
	const atApproval = (t: Parameters<typeof deliverableTerms>[0]) => {
		const shaped = deliverableTerms(t);
		return { ...shaped, paymentSchedule: [{ milestone: 'approval' as const, amountDzd: shaped.fee.amountDzd, dueDays: 5 }] };
	};

	it('are planned once on first read, from the signature, with milestones already reached due; two first reads at once plan once', async () => {
		const s = await signedScene({ shape: atApproval });
		expect(await count('SELECT count(*) AS n FROM ledger_transactions WHERE agreement_id = ?1', s.agreementId)).toBe(0);
		// As before migration 0019: no payout rows. The deliverables then reach approval.
		await env.DB.prepare('DELETE FROM payouts WHERE agreement_id = ?1').bind(s.agreementId).run();
		for (const d of await listDeliverables(s.brand.client, s.agreementId)) {
			await submitDraft(d.id);
			const approved = await s.brand.client.call(`/deliverables/${d.id}/review`, { json: { decision: 'approve', comment: '' } });
			expect(approved.status).toBe(200);
		}
		expect(await count('SELECT count(*) AS n FROM payouts WHERE agreement_id = ?1', s.agreementId)).toBe(0);
		const planned = "SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'payouts_planned'";
		const plannedAtSigning = await count(planned, s.agreementId);

		const [brandView, creatorView] = await Promise.all([listPayouts(s.brand.client, s.agreementId), listPayouts(s.creator.client, s.agreementId)]);
		expect(brandView.payouts).toEqual(creatorView.payouts);
		const signedAt = (await env.DB.prepare('SELECT completed_at FROM agreements WHERE id = ?1').bind(s.agreementId).first<{ completed_at: number }>())!.completed_at;
		expect(brandView.payouts).toHaveLength(1);
		expect(brandView.payouts[0]).toMatchObject({ seq: 1, milestone: 'approval', status: 'due', amountDzd: 25_000, fallsDueAt: new Date(signedAt).toISOString() });
		expect(await count('SELECT count(*) AS n FROM payouts WHERE agreement_id = ?1', s.agreementId)).toBe(1);
		expect(await count(planned, s.agreementId)).toBe(plannedAtSigning + 1);

		const ledger = await ledgerOf(s.brand.client, s.agreementId);
		expect(ledger.transactions.map((t) => [t.kind, t.payoutId])).toEqual([['obligation', brandView.payouts[0].id]]);
		const audit = (await (await s.creator.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean };
		expect(audit.chainValid).toBe(true);

		// A later read plans nothing more.
		await listPayouts(s.creator.client, s.agreementId);
		expect(await count(planned, s.agreementId)).toBe(plannedAtSigning + 1);
	});
});

describe('idempotency keys', () => {
	it('the cron sweeps keys past their 24 hours and keeps younger ones', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		const key = crypto.randomUUID();
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK, key));
		const row = await env.DB.prepare('SELECT created_at, expires_at FROM idempotency_keys WHERE key = ?1').bind(key).first<{ created_at: number; expires_at: number }>();
		expect(row).not.toBeNull();
		expect(row!.expires_at - row!.created_at).toBe(24 * 3_600_000);

		const sweep = (at: number) => worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, createExecutionContext());
		await sweep(row!.expires_at - 60_000);
		expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE key = ?1', key)).toBe(1);
		await sweep(row!.expires_at + 60_000);
		expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE key = ?1', key)).toBe(0);
		// The payment it recorded stays.
		expect((await listPayouts(s.brand.client, s.agreementId)).payouts[0].status).toBe('paid');
	});
});
