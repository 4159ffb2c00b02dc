/**
 * A party's payout statement (issue 13, point 5): every payout of the creator, or of the
 * brand, counted once — in the column of its status as it stands and in the Algiers month
 * of the moment it reached that status — with totals by month, by agreement (and its
 * counterparty) and overall, and the CSV that lists the lines. Pure; the service reads the
 * rows (worker/services/payouts/statement.ts).
 *
 * | status | column | month of |
 * | --- | --- | --- |
 * | scheduled | scheduled | the signature (the payout's creation) |
 * | due | due (and overdue, a part of it) | its deadline |
 * | paid | paid (awaiting the creator's confirmation) | the payment |
 * | disputed | disputed | the dispute |
 * | confirmed | confirmed | the confirmation |
 *
 * Cancelled payouts (a crisis left nothing due) owe nothing and are left out; a reduced one
 * counts its reduced amount. So the total of every column is what the agreements owe now.
 */
import { csvCell } from './campaign-report';
import { algiersDayOf } from './deliverables';

export const STATEMENT_COLUMNS = ['scheduled', 'due', 'paid', 'disputed', 'confirmed'] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

export interface StatementPayout {
	id: string;
	agreementId: string;
	campaignTitle: string;
	/** The other side: the creator's name for the brand, the brand's for the creator. */
	counterparty: string;
	seq: number;
	milestone: string;
	amountDzd: number;
	status: string;
	createdAt: number;
	deadlineAt: number | null;
	paidAt: number | null;
	disputedAt: number | null;
	confirmedAt: number | null;
	method: string | null;
	reference: string | null;
	held: boolean;
}

export type Amounts = Record<`${StatementColumn}Dzd`, number> & { overdueDzd: number; totalDzd: number };

export interface StatementLine extends StatementPayout {
	column: StatementColumn;
	/** The Algiers month (YYYY-MM) it counts in. */
	month: string;
	overdue: boolean;
}

export interface Statement {
	months: ({ month: string } & Amounts)[];
	agreements: ({ agreementId: string; campaignTitle: string; counterparty: string } & Amounts)[];
	totals: Amounts;
	lines: StatementLine[];
}

const zero = (): Amounts => ({ scheduledDzd: 0, dueDzd: 0, paidDzd: 0, disputedDzd: 0, confirmedDzd: 0, overdueDzd: 0, totalDzd: 0 });

/** The column and the moment of a payout, or null for a cancelled one (or an unknown status). */
export function statementColumn(p: Pick<StatementPayout, 'status' | 'createdAt' | 'deadlineAt' | 'paidAt' | 'disputedAt' | 'confirmedAt'>): { column: StatementColumn; at: number } | null {
	switch (p.status) {
		case 'scheduled':
			return { column: 'scheduled', at: p.createdAt };
		case 'due':
			return { column: 'due', at: p.deadlineAt ?? p.createdAt };
		case 'paid':
			return { column: 'paid', at: p.paidAt ?? p.createdAt };
		case 'disputed':
			return { column: 'disputed', at: p.disputedAt ?? p.paidAt ?? p.createdAt };
		case 'confirmed':
			return { column: 'confirmed', at: p.confirmedAt ?? p.paidAt ?? p.createdAt };
		default:
			return null;
	}
}

/** The Algiers calendar month (YYYY-MM) of a moment. */
export const algiersMonthOf = (ms: number) => algiersDayOf(ms).slice(0, 7);

function add(a: Amounts, column: StatementColumn, amount: number, overdue: boolean) {
	a[`${column}Dzd`] += amount;
	if (overdue) a.overdueDzd += amount;
	a.totalDzd += amount;
}

/** The statement of `payouts` at `now`: months newest first, agreements by campaign, lines newest first. */
export function buildStatement(payouts: readonly StatementPayout[], now: number): Statement {
	const months = new Map<string, Amounts>();
	const agreements = new Map<string, { agreementId: string; campaignTitle: string; counterparty: string } & Amounts>();
	const totals = zero();
	const lines: StatementLine[] = [];
	for (const p of payouts) {
		const placed = statementColumn(p);
		if (!placed) continue;
		const month = algiersMonthOf(placed.at);
		const overdue = p.status === 'due' && !p.held && p.deadlineAt !== null && now > p.deadlineAt;
		lines.push({ ...p, column: placed.column, month, overdue });
		if (!months.has(month)) months.set(month, zero());
		add(months.get(month)!, placed.column, p.amountDzd, overdue);
		if (!agreements.has(p.agreementId)) agreements.set(p.agreementId, { agreementId: p.agreementId, campaignTitle: p.campaignTitle, counterparty: p.counterparty, ...zero() });
		add(agreements.get(p.agreementId)!, placed.column, p.amountDzd, overdue);
		add(totals, placed.column, p.amountDzd, overdue);
	}
	const atOf = (l: StatementLine) => statementColumn(l)!.at;
	return {
		months: [...months].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([month, amounts]) => ({ month, ...amounts })),
		agreements: [...agreements.values()].sort((a, b) => a.campaignTitle.localeCompare(b.campaignTitle, 'fr') || a.agreementId.localeCompare(b.agreementId)),
		totals,
		lines: lines.sort((a, b) => atOf(b) - atOf(a) || a.agreementId.localeCompare(b.agreementId) || a.seq - b.seq)
	};
}

const isoOrEmpty = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The statement's lines as CSV (header in English, one payout a line, amounts in whole dinars, cells formula-safe). The caller adds the BOM. */
export function statementCsv(s: Statement): string {
	const header = [
		'month',
		'column',
		'status',
		'overdue',
		'agreement_id',
		'campaign',
		'counterparty',
		'payout_id',
		'seq',
		'milestone',
		'amount_dzd',
		'deadline_at',
		'paid_at',
		'method',
		'reference',
		'disputed_at',
		'confirmed_at'
	];
	const rows = s.lines.map((l) => [
		l.month,
		l.column,
		l.status,
		l.overdue,
		l.agreementId,
		l.campaignTitle,
		l.counterparty,
		l.id,
		l.seq,
		l.milestone,
		l.amountDzd,
		isoOrEmpty(l.deadlineAt),
		isoOrEmpty(l.paidAt),
		l.method,
		l.reference,
		isoOrEmpty(l.disputedAt),
		isoOrEmpty(l.confirmedAt)
	]);
	return [header, ...rows].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}
