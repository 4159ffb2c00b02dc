/**
 * The payouts page (issue 13): the shapes the API answers (worker/routes/payouts.types.ts),
 * who may do what from which status (the UI's reading of PAYOUT_ACTIONS, so a form is shown
 * only when the API would take it), the balance in plain words, and the mapping of the money
 * routes' refusals to the page's own messages. Plain TypeScript with relative imports, so
 * the unit tests import it without SvelteKit.
 */
export const PAYOUT_METHODS = ['ccp', 'baridimob', 'bank', 'cash'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export type PayoutStatus = 'scheduled' | 'due' | 'paid' | 'confirmed' | 'disputed' | 'cancelled';

export interface PayoutItem {
	id: string;
	agreementId: string;
	seq: number;
	milestone: 'signature' | 'approval' | 'publication';
	amountDzd: number;
	scheduledDzd: number;
	dueDays: number;
	status: PayoutStatus;
	held: boolean;
	overdue: boolean;
	fallsDueAt: string | null;
	deadlineAt: string | null;
	paidAt: string | null;
	method: string | null;
	reference: string | null;
	proof: { type: string; sha256: string } | null;
	confirmedAt: string | null;
	disputedAt: string | null;
	disputeReason: string | null;
	resolvedAt: string | null;
	resolution: 'proof' | 'paid' | 'unpaid' | null;
	resolutionNote: string | null;
	cancelledAt: string | null;
	/** The creator's RIP (20 digits): given to the brand only while this payout is due and not held. */
	creatorRip?: string | null;
}

/** A RIP as it is printed on a bank statement: bank (3), agency (5), account (10), key (2). */
export function formatRip(rip: string): string {
	return /^\d{20}$/.test(rip) ? `${rip.slice(0, 3)} ${rip.slice(3, 8)} ${rip.slice(8, 18)} ${rip.slice(18)}` : rip;
}

export interface PayoutHistoryEvent {
	seq: number;
	at: string;
	actor: string;
	action: string;
	data: Record<string, unknown>;
}

export interface AgreementPayouts {
	party: 'brand' | 'creator';
	held: boolean;
	feeDzd: number;
	payouts: PayoutItem[];
}

export interface PayoutDetail {
	party: 'brand' | 'creator' | 'admin';
	payout: PayoutItem;
	history: PayoutHistoryEvent[];
}

export interface Balance {
	side: 'brand' | 'creator';
	accounts: { account: string; balanceDzd: number }[];
}

/** The forms of the page, one per step of the flow. */
export type PayoutForm = 'markPaid' | 'proof' | 'confirm' | 'dispute' | 'resolve';

/** The page's answer to a payout form (values, errors, the key to keep), shown by that payout's card. */
export interface PayoutFormState {
	id: string;
	form: PayoutForm;
	done?: true;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	detail?: string;
	key?: string | null;
}

/** Which forms a party sees for a payout (the API decides in the end; this only hides what it would refuse). */
export function payoutForms(party: 'brand' | 'creator' | 'admin', p: Pick<PayoutItem, 'status' | 'held' | 'proof' | 'disputedAt'>): PayoutForm[] {
	if (party === 'brand') {
		if ((p.status === 'due' || p.status === 'scheduled') && !p.held) return ['markPaid'];
		if (p.status === 'paid') return ['proof'];
		if (p.status === 'disputed') return ['proof', 'resolve'];
		return [];
	}
	if (party === 'creator' && p.status === 'paid') return ['confirm', 'dispute'];
	return [];
}

/** The badge of a status. */
export function payoutBadge(status: PayoutStatus): string {
	switch (status) {
		case 'confirmed':
			return 'badge';
		case 'due':
		case 'paid':
			return 'badge badge-accent';
		case 'disputed':
			return 'badge badge-danger';
		case 'scheduled':
			return 'badge badge-neutral';
		default:
			return 'badge badge-muted';
	}
}

/** The accounts shown for each side, in reading order (account names end with one of these). */
export const BALANCE_ACCOUNTS = {
	brand: ['payable', 'cash', 'refund_receivable'],
	creator: ['receivable', 'in_transit', 'disputed', 'cash', 'refund_payable', 'fees']
} as const;

/**
 * The caller's balance as plain rows: each known account with what it means (a catalogue key)
 * and its amount as a positive number of dinars (the ledger signs credits negative; a reader
 * wants "still to pay: 12 500 DA", not "-12 500"). Accounts at zero are left out; the same
 * suffix over several accounts (never today: one brand or one creator) is summed.
 */
export function balanceRows(balance: Balance): { key: string; amountDzd: number }[] {
	const sums = new Map<string, number>();
	for (const a of balance.accounts) {
		const suffix = a.account.split(':').at(-1) ?? '';
		sums.set(suffix, (sums.get(suffix) ?? 0) + a.balanceDzd);
	}
	const rows: { key: string; amountDzd: number }[] = [];
	for (const suffix of BALANCE_ACCOUNTS[balance.side]) {
		const sum = sums.get(suffix) ?? 0;
		if (sum !== 0) rows.push({ key: `pay.balance.${balance.side}.${suffix}`, amountDzd: Math.abs(sum) });
	}
	return rows;
}

/** What a refused money form shows: a field error by input name, and the message above the form. */
export interface PayoutFormProblem {
	errors: Record<string, string>;
	detail: string;
	/** Whether the form must keep its idempotency key (the first request may still run) or take a fresh one. */
	keepKey: boolean;
}

interface ProblemLike {
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}

/**
 * Maps an API refusal of a payout form to the page's messages. `t` is the page's translator
 * for the keys of parts/payouts.ts. The idempotency refusals are the page's concern, not the
 * user's vocabulary: `idempotency_in_progress` keeps the key (a retry gets the first answer,
 * so nothing is paid twice), `idempotency_key_reused` asks for a fresh one.
 */
export function payoutProblem(
	status: number,
	problem: ProblemLike,
	t: (key: 'pay.error.held' | 'pay.error.inProgress' | 'pay.error.reused' | 'pay.error.method' | 'pay.error.date') => string
): PayoutFormProblem {
	if (status === 409 && problem.code === 'payout_held') return { errors: {}, detail: t('pay.error.held'), keepKey: false };
	if (status === 409 && problem.code === 'idempotency_in_progress') return { errors: {}, detail: t('pay.error.inProgress'), keepKey: true };
	if (status === 422 && problem.code === 'idempotency_key_reused') return { errors: {}, detail: t('pay.error.reused'), keepKey: false };
	const errors: Record<string, string> = {};
	for (const e of problem.errors ?? []) {
		if (e.path === 'method') errors.method = t('pay.error.method');
		else if (e.path === 'at') errors.at = t('pay.error.date');
		else errors[e.path] = e.message;
	}
	const detail = Object.values(errors).includes(problem.detail) || (problem.errors ?? []).some((e) => e.message === problem.detail) ? '' : problem.detail;
	return { errors, detail, keepKey: false };
}

/**
 * The instant sent as `at` for a date picked in the form (an Algiers calendar day): nothing
 * for no date or today (the API takes the request's time), noon in Algiers otherwise.
 */
export function paidAtOf(date: string, now: number): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date === '' ? undefined : date;
	const today = new Date(now + 3_600_000).toISOString().slice(0, 10);
	return date === today ? undefined : `${date}T12:00:00+01:00`;
}
