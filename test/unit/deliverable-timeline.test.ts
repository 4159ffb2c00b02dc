/** Orders, late, next and days of the timelines (worker/domain/deliverable-timeline.ts), and the contacts rule (agreement-contacts.ts). */
import { describe, expect, it } from 'vitest';
import { type TimedDeliverable, compareDue, compareTimeline, matchesFilter, timelineAt, timelineDay, upcoming } from '../../worker/domain/deliverable-timeline';
import { endOfAlgiersDay } from '../../worker/domain/deliverables';
import { contactsFor, reachableEmail } from '../../worker/domain/agreement-contacts';

const jan = (day: number) => endOfAlgiersDay(`2027-01-${String(day).padStart(2, '0')}`);

function d(id: string, over: Partial<TimedDeliverable>): TimedDeliverable & { id: string } {
	return { id, status: 'planned', nextDueAt: jan(10), hasNext: true, late: false, publishDueAt: jan(12), agreementId: 'a', seq: 1, ...over };
}

describe('timeline moments and days', () => {
	it('uses the next deadline, else the publication deadline', () => {
		expect(timelineAt({ nextDueAt: jan(3), publishDueAt: jan(9) })).toBe(jan(3));
		expect(timelineAt({ nextDueAt: null, publishDueAt: jan(9) })).toBe(jan(9));
	});

	it('files a deadline at the end of an Algiers day under that day, not the next', () => {
		// The end of 7 January in Algiers is 7 January 23:00 UTC, i.e. midnight on the 8th there.
		expect(jan(7)).toBe(Date.parse('2027-01-07T23:00:00Z'));
		expect(timelineDay(jan(7))).toBe('2027-01-07');
		// 23:30 UTC on the 7th is already 00:30 on the 8th in Algiers.
		expect(timelineDay(Date.parse('2027-01-07T23:30:00Z'))).toBe('2027-01-08');
		expect(timelineDay(Date.parse('2027-01-07T22:59:00Z'))).toBe('2027-01-07');
	});
});

describe('the campaign timeline order', () => {
	it('is by moment whatever the status, ties by agreement then place', () => {
		const items = [
			d('done-9', { status: 'done', nextDueAt: null, hasNext: false, publishDueAt: jan(9) }),
			d('draft-12-b', { nextDueAt: jan(12), agreementId: 'b', seq: 1 }),
			d('late-2', { nextDueAt: jan(2), late: true }),
			d('draft-12-a2', { nextDueAt: jan(12), agreementId: 'a', seq: 2 }),
			d('revise', { status: 'changes_requested', nextDueAt: null, publishDueAt: jan(11) })
		];
		expect([...items].sort(compareTimeline).map((x) => x.id)).toEqual(['late-2', 'done-9', 'revise', 'draft-12-a2', 'draft-12-b']);
	});
});

describe('the due list order', () => {
	it('puts late first (longest overdue first), then open by deadline, then what is over, latest first', () => {
		const items = [
			d('open-20', { nextDueAt: jan(20) }),
			d('done-5', { status: 'done', nextDueAt: null, hasNext: false, publishDueAt: jan(5) }),
			d('late-4', { nextDueAt: jan(4), late: true }),
			d('withdrawn-15', { status: 'withdrawn', nextDueAt: null, hasNext: false, publishDueAt: jan(15) }),
			d('open-revise-1', { status: 'changes_requested', nextDueAt: null, publishDueAt: jan(1) }),
			d('late-1', { nextDueAt: jan(1), late: true }),
			d('open-18', { nextDueAt: jan(18) })
		];
		expect([...items].sort(compareDue).map((x) => x.id)).toEqual(['late-1', 'late-4', 'open-revise-1', 'open-18', 'open-20', 'withdrawn-15', 'done-5']);
	});

	it('filters open, done and all', () => {
		expect(matchesFilter('planned', 'open')).toBe(true);
		expect(matchesFilter('stats_d7', 'open')).toBe(true);
		expect(matchesFilter('done', 'open')).toBe(false);
		expect(matchesFilter('withdrawn', 'done')).toBe(true);
		expect(matchesFilter('published', 'done')).toBe(false);
		expect(matchesFilter('withdrawn', 'all')).toBe(true);
	});
});

describe('what comes next', () => {
	it('is the soonest deadlines not yet passed, at most three, never a late one or one without a deadline', () => {
		const items = [
			d('late', { nextDueAt: jan(1), late: true }),
			d('n4', { nextDueAt: jan(4) }),
			d('n2', { nextDueAt: jan(2) }),
			d('no-deadline', { status: 'stats_d7', nextDueAt: null }),
			d('over', { status: 'done', nextDueAt: null, hasNext: false }),
			d('n3', { nextDueAt: jan(3) }),
			d('n9', { nextDueAt: jan(9) })
		];
		expect(upcoming(items).map((x) => x.id)).toEqual(['n2', 'n3', 'n4']);
		expect(upcoming(items, 10).map((x) => x.id)).toEqual(['n2', 'n3', 'n4', 'n9']);
	});
});

describe('contacts on an agreement', () => {
	const facts = {
		creator: { displayName: 'Nour', handle: 'nour.dz', legalName: 'Nour Saidi', phone: '+213661234567', payoutRip: '00799999001234567803', email: 'nour@example.dz' },
		brand: { name: 'Atelier Lina', legalName: 'SARL Atelier Lina', representative: 'Lina Benali', ownerEmail: 'lina@example.dz' }
	};
	const all = ['identity', 'contact', 'payment_details', 'audience_stats'] as const;

	it('are none before signing', () => {
		for (const status of ['draft', 'awaiting_signatures', 'void']) {
			expect(contactsFor('brand', { status, shared: all }, facts)).toBeNull();
			expect(contactsFor('creator', { status, shared: all }, facts)).toBeNull();
		}
	});

	it('show each side the other one', () => {
		expect(contactsFor('brand', { status: 'signed', shared: all }, facts)).toEqual({
			party: 'creator',
			displayName: 'Nour',
			handle: 'nour.dz',
			legalName: 'Nour Saidi',
			phone: '+213661234567',
			payoutRip: '00799999001234567803',
			email: 'nour@example.dz',
			shared: [...all]
		});
		expect(contactsFor('creator', { status: 'signed', shared: all }, facts)).toEqual({
			party: 'brand',
			name: 'Atelier Lina',
			legalName: 'SARL Atelier Lina',
			representative: 'Lina Benali',
			email: 'lina@example.dz',
			shared: [...all]
		});
	});

	it('follow the personal-data clause: contact for phone and emails, payment details for the RIP', () => {
		expect(contactsFor('brand', { status: 'signed', shared: ['identity', 'payment_details'] }, facts)).toMatchObject({ phone: null, email: null, payoutRip: '00799999001234567803' });
		expect(contactsFor('brand', { status: 'signed', shared: ['contact'] }, facts)).toMatchObject({ phone: '+213661234567', email: 'nour@example.dz', payoutRip: null });
		expect(contactsFor('creator', { status: 'signed', shared: ['identity'] }, facts)).toMatchObject({ email: null, representative: 'Lina Benali' });
	});

	it('never give an erased account’s placeholder address', () => {
		expect(reachableEmail('deleted-u1@deleted.invalid')).toBeNull();
		expect(reachableEmail('nour@example.dz')).toBe('nour@example.dz');
		const erased = { ...facts, creator: { ...facts.creator, email: 'deleted-u1@deleted.invalid', phone: null, payoutRip: null } };
		expect(contactsFor('brand', { status: 'signed', shared: all }, erased)).toMatchObject({ email: null, phone: null, payoutRip: null });
	});
});
