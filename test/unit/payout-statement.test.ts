/** The payout statement (issue 13, point 5): each payout once, in its status's column and Algiers month; totals computed by hand. */
import { describe, expect, it } from 'vitest';
import { type StatementPayout, algiersMonthOf, buildStatement, statementCsv } from '../../worker/domain/payout-statement';

const at = (s: string) => Date.parse(s);
const base: Omit<StatementPayout, 'id' | 'status' | 'amountDzd'> = {
	agreementId: 'g-1',
	campaignTitle: 'Sérum éclat',
	counterparty: 'Nour Beauty',
	seq: 1,
	milestone: 'signature',
	createdAt: at('2031-01-10T10:00:00Z'),
	deadlineAt: null,
	paidAt: null,
	disputedAt: null,
	confirmedAt: null,
	method: null,
	reference: null,
	held: false
};
const NOW = at('2031-03-20T12:00:00Z');

const payouts: StatementPayout[] = [
	// Confirmed in March (Algiers): 12 500.
	{ ...base, id: 'p1', status: 'confirmed', amountDzd: 12_500, paidAt: at('2031-02-27T09:00:00Z'), confirmedAt: at('2031-03-01T08:00:00Z'), method: 'ccp', reference: '=1+2' },
	// Scheduled, signed 31 Jan 23:30 UTC = 1 February 00:30 in Algiers: February.
	{ ...base, id: 'p2', seq: 2, milestone: 'approval', status: 'scheduled', amountDzd: 12_500, createdAt: at('2031-01-31T23:30:00Z') },
	// Due, deadline the end of 15 March (Algiers), past at NOW: overdue 8 000 in March.
	{ ...base, id: 'p3', agreementId: 'g-2', campaignTitle: 'Miel, de Chréa', counterparty: 'Ines Déco', status: 'due', amountDzd: 8_000, deadlineAt: at('2031-03-15T23:00:00Z') },
	// Due and held: not overdue; deadline in April.
	{ ...base, id: 'p4', agreementId: 'g-2', campaignTitle: 'Miel, de Chréa', counterparty: 'Ines Déco', seq: 2, status: 'due', amountDzd: 3_000, deadlineAt: at('2031-04-02T22:59:00Z'), held: true },
	// Paid in February, disputed in March.
	{ ...base, id: 'p5', agreementId: 'g-3', campaignTitle: 'Dattes', counterparty: 'Walid Vlog', status: 'paid', amountDzd: 5_000, paidAt: at('2031-02-14T10:00:00Z') },
	{
		...base,
		id: 'p6',
		agreementId: 'g-3',
		campaignTitle: 'Dattes',
		counterparty: 'Walid Vlog',
		seq: 2,
		status: 'disputed',
		amountDzd: 7_000,
		paidAt: at('2031-02-20T10:00:00Z'),
		disputedAt: at('2031-03-02T10:00:00Z')
	},
	// Cancelled: left out.
	{ ...base, id: 'p7', agreementId: 'g-3', seq: 3, status: 'cancelled', amountDzd: 0 }
];

describe('the payout statement', () => {
	it('Algiers months: the last half hour of January in UTC is February there', () => {
		expect(algiersMonthOf(at('2031-01-31T22:59:59Z'))).toBe('2031-01');
		expect(algiersMonthOf(at('2031-01-31T23:00:00Z'))).toBe('2031-02');
	});

	it('totals by month, by agreement and overall, by hand', () => {
		const s = buildStatement(payouts, NOW);
		expect(s.months).toEqual([
			{ month: '2031-04', scheduledDzd: 0, dueDzd: 3_000, paidDzd: 0, disputedDzd: 0, confirmedDzd: 0, overdueDzd: 0, totalDzd: 3_000 },
			{ month: '2031-03', scheduledDzd: 0, dueDzd: 8_000, paidDzd: 0, disputedDzd: 7_000, confirmedDzd: 12_500, overdueDzd: 8_000, totalDzd: 27_500 },
			{ month: '2031-02', scheduledDzd: 12_500, dueDzd: 0, paidDzd: 5_000, disputedDzd: 0, confirmedDzd: 0, overdueDzd: 0, totalDzd: 17_500 }
		]);
		expect(s.totals).toEqual({ scheduledDzd: 12_500, dueDzd: 11_000, paidDzd: 5_000, disputedDzd: 7_000, confirmedDzd: 12_500, overdueDzd: 8_000, totalDzd: 48_000 });
		expect(s.agreements.map((a) => [a.campaignTitle, a.counterparty, a.totalDzd, a.overdueDzd])).toEqual([
			['Dattes', 'Walid Vlog', 12_000, 0],
			['Miel, de Chréa', 'Ines Déco', 11_000, 8_000],
			['Sérum éclat', 'Nour Beauty', 25_000, 0]
		]);
		expect(s.lines.map((l) => l.id)).toEqual(['p4', 'p3', 'p6', 'p1', 'p5', 'p2']);
		expect(s.lines.find((l) => l.id === 'p3')?.overdue).toBe(true);
		expect(s.lines.find((l) => l.id === 'p4')?.overdue).toBe(false);
	});

	it('CSV: a header, one payout a line, formula-safe and quoted cells', () => {
		const csv = statementCsv(buildStatement(payouts, NOW));
		const rows = csv.split('\r\n');
		expect(rows[0]).toBe('month,column,status,overdue,agreement_id,campaign,counterparty,payout_id,seq,milestone,amount_dzd,deadline_at,paid_at,method,reference,disputed_at,confirmed_at');
		expect(rows).toHaveLength(8);
		expect(rows[2]).toBe('2031-03,due,due,true,g-2,"Miel, de Chréa",Ines Déco,p3,1,signature,8000,2031-03-15T23:00:00.000Z,,,,,');
		expect(rows[4]).toBe("2031-03,confirmed,confirmed,false,g-1,Sérum éclat,Nour Beauty,p1,1,signature,12500,,2031-02-27T09:00:00.000Z,ccp,'=1+2,,2031-03-01T08:00:00.000Z");
	});
});
