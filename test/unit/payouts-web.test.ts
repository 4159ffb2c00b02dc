/** The payouts page's plain logic (web/src/lib/payouts.ts): which forms show, the balance in plain words, refusals, the paid date. */
import { describe, expect, it } from 'vitest';
import { balanceRows, formatRip, paidAtOf, payoutForms, payoutProblem } from '../../web/src/lib/payouts';
import { translator } from '../../web/src/lib/server/i18n';
import { type PayoutAction, checkPayoutAction } from '../../worker/domain/payouts';

const base = { held: false, proof: null, disputedAt: null };

describe('payoutForms', () => {
	it('brand: marks a due or scheduled payout paid, unless held', () => {
		expect(payoutForms('brand', { ...base, status: 'due' })).toEqual(['markPaid']);
		expect(payoutForms('brand', { ...base, status: 'scheduled' })).toEqual(['markPaid']);
		expect(payoutForms('brand', { ...base, status: 'due', held: true })).toEqual([]);
	});
	it('brand: a proof once paid; a proof and an answer when disputed; nothing after', () => {
		expect(payoutForms('brand', { ...base, status: 'paid' })).toEqual(['proof']);
		expect(payoutForms('brand', { ...base, status: 'disputed' })).toEqual(['proof', 'resolve']);
		for (const status of ['confirmed', 'cancelled'] as const) expect(payoutForms('brand', { ...base, status })).toEqual([]);
	});
	it('creator: confirms or disputes a paid payout only', () => {
		expect(payoutForms('creator', { ...base, status: 'paid' })).toEqual(['confirm', 'dispute']);
		for (const status of ['scheduled', 'due', 'confirmed', 'disputed', 'cancelled'] as const) expect(payoutForms('creator', { ...base, status })).toEqual([]);
	});
	it('never offers a step the domain refuses to that side from that status', () => {
		const api: Record<string, PayoutAction> = { markPaid: 'mark_paid', confirm: 'confirm', dispute: 'dispute', resolve: 'resolve_proof' };
		let shown = 0;
		for (const party of ['brand', 'creator'] as const) {
			for (const status of ['scheduled', 'due', 'paid', 'confirmed', 'disputed', 'cancelled'] as const) {
				for (const form of payoutForms(party, { ...base, status })) {
					if (form === 'proof') continue; // an upload, guarded by the service (paid or disputed)
					expect(checkPayoutAction(status, api[form], party), `${party} ${form} from ${status}`).toMatchObject({ ok: true });
					shown++;
				}
			}
		}
		expect(shown).toBe(5);
	});
});

describe('balanceRows', () => {
	it('names each account in plain words with a positive amount, zero accounts left out', () => {
		const rows = balanceRows({
			side: 'brand',
			accounts: [
				{ account: 'brand:b1:payable', balanceDzd: -12500 },
				{ account: 'brand:b1:cash', balanceDzd: -24000 },
				{ account: 'brand:b1:refund_receivable', balanceDzd: 0 }
			]
		});
		expect(rows).toEqual([
			{ key: 'pay.balance.brand.payable', amountDzd: 12500 },
			{ key: 'pay.balance.brand.cash', amountDzd: 24000 }
		]);
		const fr = translator('fr');
		for (const r of rows) expect(fr(r.key as Parameters<typeof fr>[0])).not.toBe(r.key);
	});
	it('creator accounts in reading order, unknown accounts ignored', () => {
		const rows = balanceRows({
			side: 'creator',
			accounts: [
				{ account: 'creator:c1:cash', balanceDzd: 10000 },
				{ account: 'creator:c1:receivable', balanceDzd: 14000 },
				{ account: 'creator:c1:something_new', balanceDzd: 5 }
			]
		});
		expect(rows.map((r) => r.key)).toEqual(['pay.balance.creator.receivable', 'pay.balance.creator.cash']);
	});
});

describe('payoutProblem', () => {
	const t = translator('fr');
	it('held, in progress and key reused get the page’s own words; only in progress keeps the key', () => {
		expect(payoutProblem(409, { code: 'payout_held', detail: 'x' }, t)).toEqual({ errors: {}, detail: t('pay.error.held'), keepKey: false });
		expect(payoutProblem(409, { code: 'idempotency_in_progress', detail: 'x' }, t)).toEqual({ errors: {}, detail: t('pay.error.inProgress'), keepKey: true });
		expect(payoutProblem(422, { code: 'idempotency_key_reused', detail: 'x' }, t)).toEqual({ errors: {}, detail: t('pay.error.reused'), keepKey: false });
	});
	it('field errors by input; the method and the date in the page’s words; a detail repeating a field is not shown twice', () => {
		const p = payoutProblem(
			400,
			{
				code: 'invalid_request',
				detail: 'Référence trop longue',
				errors: [
					{ path: 'method', message: 'Mode de paiement inconnu : ccp, baridimob, bank ou cash.' },
					{ path: 'reference', message: 'Référence trop longue' },
					{ path: 'at', message: 'Date ISO' }
				]
			},
			t
		);
		expect(p.errors).toEqual({ method: t('pay.error.method'), reference: 'Référence trop longue', at: t('pay.error.date') });
		expect(p.detail).toBe('');
		expect(payoutProblem(409, { code: 'invalid_state', detail: 'Action impossible' }, t)).toEqual({ errors: {}, detail: 'Action impossible', keepKey: false });
	});
});

describe('paidAtOf', () => {
	const now = Date.parse('2026-03-10T23:30:00Z'); // already 11 March in Algiers
	it('no date, or today in Algiers: the request’s time', () => {
		expect(paidAtOf('', now)).toBeUndefined();
		expect(paidAtOf('2026-03-11', now)).toBeUndefined();
	});
	it('another day: noon in Algiers; anything else goes to the API as typed (it answers on `at`)', () => {
		expect(paidAtOf('2026-03-10', now)).toBe('2026-03-10T12:00:00+01:00');
		expect(paidAtOf('hier', now)).toBe('hier');
	});
});

describe('formatRip', () => {
	it('groups a RIP as a bank statement prints it: bank, agency, account, key', () => {
		expect(formatRip('00799999000123456789')).toBe('007 99999 0001234567 89');
		expect(formatRip('not a rip')).toBe('not a rip');
	});
});
