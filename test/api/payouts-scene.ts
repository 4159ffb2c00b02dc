/** Shared set-up and calls of the payouts tests (issue 13): a signed agreement and small helpers. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { Client } from './helpers';
import { Client as NewClient } from './helpers';
import { adminUpsertSql } from '../../worker/services/admin';
import { hashPassword } from '../../worker/domain/password';

export interface PayoutOut {
	id: string;
	agreementId: string;
	seq: number;
	milestone: string;
	amountDzd: number;
	scheduledDzd: number;
	status: string;
	held: boolean;
	overdue: boolean;
	fallsDueAt: string | null;
	deadlineAt: string | null;
	paidAt: string | null;
	method: string | null;
	reference: string | null;
	proof: { type: string; sha256: string } | null;
	disputeReason: string | null;
	resolution: string | null;
	resolutionNote: string | null;
	cancelledAt: string | null;
}

export interface PayoutDetail {
	party: string;
	payout: PayoutOut;
	history: { seq: number; at: string; actor: string; action: string; data: Record<string, unknown> }[];
}

export interface LedgerOut {
	transactions: { id: string; kind: string; at: string; payoutId: string | null; entries: { account: string; amountDzd: number }[] }[];
	balances: { account: string; balanceDzd: number }[];
}

export async function listPayouts(client: Client, agreementId: string) {
	const res = await client.call(`/agreements/${agreementId}/payouts`);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as { party: string; held: boolean; feeDzd: number; payouts: PayoutOut[] };
}

export async function ledgerOf(client: Client, agreementId: string): Promise<LedgerOut> {
	const res = await client.call(`/agreements/${agreementId}/ledger`);
	expect(res.status).toBe(200);
	return (await res.json()) as LedgerOut;
}

/** A POST to a payout step with an Idempotency-Key (a fresh one unless given). */
export function step(client: Client, payoutId: string, action: string, body?: unknown, key: string | null = crypto.randomUUID()) {
	return client.call(`/payouts/${payoutId}/${action}`, {
		method: 'POST',
		...(body === undefined ? {} : { json: body }),
		headers: key === null ? {} : { 'idempotency-key': key }
	});
}

export async function ok(res: Response): Promise<PayoutDetail> {
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as PayoutDetail;
}

export async function problem(res: Response, status: number, code: string) {
	expect(res.status, await res.clone().text()).toBe(status);
	const body = (await res.json()) as { code: string; detail: string; errors?: { path: string; message: string }[] };
	expect(body.code).toBe(code);
	return body;
}

export const MARK = { method: 'baridimob', reference: 'BM-2027-000184' } as const;

/** Everything a refused step must leave as it was: the payouts, the ledger, the chain, the notices. */
export async function moneyState(agreementId: string) {
	const [payouts, txs, entries, events, notes] = await env.DB.batch([
		env.DB.prepare('SELECT id, status, amount_dzd, paid_at, method, reference, confirmed_at, disputed_at, updated_at FROM payouts WHERE agreement_id = ?1 ORDER BY seq').bind(agreementId),
		env.DB.prepare('SELECT count(*) AS n FROM ledger_transactions WHERE agreement_id = ?1').bind(agreementId),
		env.DB.prepare('SELECT count(*) AS n FROM ledger_entries WHERE transaction_id IN (SELECT id FROM ledger_transactions WHERE agreement_id = ?1)').bind(agreementId),
		env.DB.prepare('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1').bind(agreementId),
		env.DB.prepare("SELECT count(*) AS n FROM notifications WHERE kind = 'payout_update' AND payload LIKE ?1").bind(`%${agreementId}%`)
	]);
	return { payouts: payouts.results, txs: txs.results, entries: entries.results, events: events.results, notes: notes.results };
}

/** An admin account, signed in (admins are only made by `npm run admin:create`, whose SQL this runs). */
export async function adminClient() {
	const email = `admin.${crypto.randomUUID().slice(0, 8)}@wasla.dz`;
	for (const stmt of adminUpsertSql(email, await hashPassword('admin-password-9'), crypto.randomUUID(), Date.now())
		.split(';')
		.filter((s) => s.trim())) {
		await env.DB.prepare(stmt).run();
	}
	const client = new NewClient();
	expect((await client.call('/auth/login', { json: { email, password: 'admin-password-9' } })).status).toBe(200);
	return client;
}

/** Sum of a transaction's entries. */
export const total = (t: { entries: { amountDzd: number }[] }) => t.entries.reduce((s, e) => s + e.amountDzd, 0);
