import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { PageServerLoad } from './$types';

/** The amounts of a statement, in whole dinars (worker/domain/payout-statement.ts). */
export interface StatementAmounts {
	scheduledDzd: number;
	dueDzd: number;
	paidDzd: number;
	disputedDzd: number;
	confirmedDzd: number;
	overdueDzd: number;
	totalDzd: number;
}

export interface Statement {
	side: 'brand' | 'creator';
	months: ({ month: string } & StatementAmounts)[];
	agreements: ({ agreementId: string; campaignTitle: string; counterparty: string } & StatementAmounts)[];
	totals: StatementAmounts;
}

/** The caller's payouts statement (issue 13, point 5): totals by month and by agreement; the CSV has every line. */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<Statement>(fetch, '/me/payouts/statement', 'GET');
	return { statement: res.ok ? { side: res.data.side, months: res.data.months, agreements: res.data.agreements, totals: res.data.totals } : null };
};
