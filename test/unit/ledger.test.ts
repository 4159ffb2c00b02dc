/** The ledger's builders and rounding (worker/domain/ledger.ts). */
import { describe, expect, it } from 'vitest';
import { accountOwner, balanced, balances, obligationTx, paymentTx, platformFee, platformFeeTx } from '../../worker/domain/ledger';

const p = { brandId: 'b1', creatorId: 'c1' };

describe('transactions', () => {
	it('payment moves the brand’s debt to its cash and the creator’s receivable into transit', () => {
		expect(paymentTx(p, 7000)).toEqual({
			kind: 'payment',
			entries: [
				{ account: 'brand:b1:payable', amountDzd: 7000 },
				{ account: 'brand:b1:cash', amountDzd: -7000 },
				{ account: 'creator:c1:in_transit', amountDzd: 7000 },
				{ account: 'creator:c1:receivable', amountDzd: -7000 }
			]
		});
	});
	it('a zero amount makes no transaction; fractions and negatives are refused', () => {
		expect(obligationTx(p, 0)).toBeNull();
		expect(() => obligationTx(p, 10.5)).toThrow(RangeError);
		expect(() => obligationTx(p, -1)).toThrow(RangeError);
	});
	it('balanced: sums to zero, at least two entries, no zero or fractional entry', () => {
		expect(balanced(obligationTx(p, 5)!)).toBe(true);
		expect(balanced({ entries: [{ amountDzd: 5 }, { amountDzd: -4 }] })).toBe(false);
		expect(balanced({ entries: [] })).toBe(false);
		expect(balanced({ entries: [{ amountDzd: 0.5 }, { amountDzd: -0.5 }] })).toBe(false);
	});
	it('balances are sums of entries', () => {
		const b = balances([obligationTx(p, 5000)!, paymentTx(p, 5000)!]);
		expect(Object.fromEntries(b)).toEqual({ 'creator:c1:receivable': 0, 'brand:b1:payable': 0, 'brand:b1:cash': -5000, 'creator:c1:in_transit': 5000 });
	});
	it('accounts name their side', () => {
		expect(accountOwner('brand:b1:payable')).toEqual({ side: 'brand', id: 'b1' });
		expect(accountOwner('creator:c1:cash')).toEqual({ side: 'creator', id: 'c1' });
		expect(accountOwner('platform:fees')).toEqual({ side: 'platform' });
	});
});

describe('platform fee', () => {
	it('rounded down to the dinar: the creator never loses a fraction', () => {
		expect(platformFee(12_345, 250)).toBe(308); // 308.625
		expect(platformFee(39, 250)).toBe(0); // 0.975
		expect(platformFee(10_000, 0)).toBe(0);
		expect(platformFee(10_000, 10_000)).toBe(10_000);
		expect(platformFee(10_000, 20_000)).toBe(10_000); // capped at 100 %
		expect(platformFeeTx(p, 39, 250)).toBeNull();
	});
});
