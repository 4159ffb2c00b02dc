/**
 * Property-based tests of the payouts and their ledger (issue 13, point 6): random schedules,
 * payments, confirmations, disputes and their resolutions, crisis withdrawals and fee rates,
 * run through the state machine and the transaction builders the services use
 * (worker/domain/payouts.ts, worker/domain/ledger.ts). After every step: every transaction
 * sums to zero, no balance goes the way it must not, the ledger says what the statuses say,
 * and what was paid never exceeds the fee (nor, after a crisis, what the rule leaves due).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LedgerTransaction, balanced, balances } from '../../worker/domain/ledger';
import { type PayoutAction, type PayoutActor, type PayoutStatus, PAYOUT_ACTIONS, checkPayoutAction, crisisPlan, crisisTransactions, payoutTransactions } from '../../worker/domain/payouts';

const parties = { brandId: 'b', creatorId: 'c' };

interface Payout {
	id: string;
	seq: number;
	status: PayoutStatus;
	amountDzd: number;
}

/** A schedule of 1–4 instalments (whole dinars, some may be 0) and its fee. */
const schedule = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 4 });

type Step = { kind: 'action'; action: PayoutAction; index: number } | { kind: 'crisis'; shareBps: number };
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('action' as const), action: fc.constantFrom(...(Object.keys(PAYOUT_ACTIONS) as PayoutAction[])), index: fc.nat({ max: 3 }) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('crisis' as const), shareBps: fc.integer({ min: 0, max: 10_000 }) }) }
);

const actorOf = (action: PayoutAction): PayoutActor => PAYOUT_ACTIONS[action].by;
const sumOf = (ps: Payout[], statuses: PayoutStatus[]) => ps.filter((p) => statuses.includes(p.status)).reduce((s, p) => s + p.amountDzd, 0);

describe('ledger properties', () => {
	it('random sequences keep every transaction at zero, balances on their side, and payments within the fee', () => {
		fc.assert(
			fc.property(schedule, fc.array(step, { maxLength: 40 }), fc.integer({ min: 0, max: 3000 }), (amounts, steps, feeBps) => {
				const fee = amounts.reduce((s, a) => s + a, 0);
				// As planPayouts does: the first instalment falls due at signing, 0 DA makes no payout.
				const payouts: Payout[] = amounts.flatMap((a, i) => (a > 0 ? [{ id: `p${i}`, seq: i + 1, status: 'scheduled' as PayoutStatus, amountDzd: a }] : []));
				const txs: LedgerTransaction[] = [];
				let refunded = 0;
				// What admins decided was never paid after all (a refund computed before such a decision stays recorded).
				let reversed = 0;
				let dueCap = fee;
				const first = payouts[0];
				if (first) {
					txs.push(...payoutTransactions('fall_due', 'scheduled', parties, first.amountDzd, feeBps));
					first.status = 'due';
				}
				for (const s of steps) {
					if (s.kind === 'action') {
						const p = payouts[s.index % Math.max(1, payouts.length)];
						if (!p) continue;
						const check = checkPayoutAction(p.status, s.action, actorOf(s.action));
						if (!check.ok) continue;
						txs.push(...payoutTransactions(s.action, p.status, parties, p.amountDzd, feeBps));
						if (s.action === 'resolve_unpaid') reversed += p.amountDzd;
						p.status = check.to;
					} else {
						const amountDueDzd = Math.floor((fee * s.shareBps) / 10_000);
						const plan = crisisPlan(payouts, { amountDueDzd }, refunded);
						for (const t of crisisTransactions(plan, payouts, parties)) txs.push(t.tx);
						for (const c of plan.changes) {
							const p = payouts.find((x) => x.id === c.id)!;
							p.amountDzd = c.to;
							p.status = c.status;
						}
						refunded += plan.refundDzd;
						dueCap = Math.min(dueCap, amountDueDzd);
					}

					for (const t of txs) expect(balanced(t)).toBe(true);
					const b = balances(txs);
					const at = (acc: string) => b.get(acc) ?? 0;
					// The creator's side: never owed less than nothing, never more in transit or received than was marked paid.
					expect(at('creator:c:receivable')).toBe(sumOf(payouts, ['due']));
					expect(at('creator:c:in_transit')).toBe(sumOf(payouts, ['paid']));
					expect(at('creator:c:disputed')).toBe(sumOf(payouts, ['disputed']));
					expect(at('creator:c:cash')).toBe(sumOf(payouts, ['confirmed']));
					for (const acc of ['creator:c:receivable', 'creator:c:in_transit', 'creator:c:disputed', 'creator:c:cash', 'creator:c:fees', 'brand:b:refund_receivable'])
						expect(at(acc)).toBeGreaterThanOrEqual(0);
					// The brand's side: it owes (credit) and pays (credit), never the other way.
					for (const acc of ['brand:b:payable', 'brand:b:cash', 'creator:c:refund_payable', 'platform:fees']) expect(at(acc)).toBeLessThanOrEqual(0);
					expect(0 - at('brand:b:payable')).toBe(sumOf(payouts, ['due']));
					const marked = 0 - at('brand:b:cash');
					expect(marked).toBe(sumOf(payouts, ['paid', 'confirmed', 'disputed']));
					// Paid never exceeds the fee; after a withdrawal, what the creator keeps never exceeds what the rule left due.
					expect(marked).toBeLessThanOrEqual(fee);
					expect(marked - refunded).toBeLessThanOrEqual(dueCap);
					expect(at('creator:c:refund_payable')).toBe(0 - refunded);
					// Never more refunded than was marked paid: a second withdrawal does not refund twice.
					expect(refunded).toBeLessThanOrEqual(marked + reversed);
					// The fee: rounded down, never more than its share of what was received.
					expect(at('creator:c:fees')).toBeLessThanOrEqual(Math.floor((at('creator:c:cash') * feeBps) / 10_000));
				}
			}),
			{ numRuns: 400 }
		);
	});
});
