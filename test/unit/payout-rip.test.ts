/** The creator's RIP on a payout (issue 13, point 5): the brand sees it only while the payout is due and not held, and only with a valid key. */
import { describe, expect, it } from 'vitest';
import { ripShown } from '../../worker/domain/payouts';

const RIP = '00799999001234567803';

describe('ripShown', () => {
	it('the brand, a due payout, not held: the 20 digits, spaces removed', () => {
		expect(ripShown({ status: 'due' }, false, 'brand', '007 99999 0012345678 03')).toBe(RIP);
	});

	it('nobody else, no other status, never while held, never a RIP whose key fails', () => {
		for (const viewer of ['creator', 'admin', 'system'] as const) expect(ripShown({ status: 'due' }, false, viewer, RIP)).toBeNull();
		for (const status of ['scheduled', 'paid', 'confirmed', 'disputed', 'cancelled']) expect(ripShown({ status }, false, 'brand', RIP)).toBeNull();
		expect(ripShown({ status: 'due' }, true, 'brand', RIP)).toBeNull();
		expect(ripShown({ status: 'due' }, false, 'brand', '00799999001234567804')).toBeNull();
		expect(ripShown({ status: 'due' }, false, 'brand', null)).toBeNull();
	});
});
