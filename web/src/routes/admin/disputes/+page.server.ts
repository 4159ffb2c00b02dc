import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export interface Dispute {
	payoutId: string;
	agreementId: string;
	seq: number;
	milestone: string;
	amountDzd: number;
	method: string | null;
	reference: string | null;
	paidAt: string | null;
	disputedAt: string;
	disputeReason: string;
	hasProof: boolean;
	campaignTitle: string;
	brandName: string;
	creatorName: string;
}

/** Visible ASCII, as worker/idempotency.ts takes it. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The admins' queue of disputed payouts (issue 13, point 3): an admin reads the creator's
 * reason and the brand's proof, then decides "paid" (confirmed) or "unpaid" (due again) with a
 * note. Each form carries a fresh idempotency key, so a double submit decides once.
 */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'admin') error(403, 'Forbidden');
	const page = /^\d{1,6}$/.test(url.searchParams.get('page') ?? '') ? Number(url.searchParams.get('page')) || 1 : 1;
	const res = await apiJson<{ disputes: Dispute[]; total: number; page: number; pageSize: number }>(fetch, `/admin/payouts/disputes?page=${page}`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 400, res.problem.detail);
	return { ...res.data, keys: Object.fromEntries(res.data.disputes.map((d) => [d.payoutId, crypto.randomUUID()])) };
};

export const actions: Actions = {
	decide: async ({ request, fetch }) => {
		const data = await request.formData();
		const payoutId = formString(data, 'payoutId', 100);
		const values = { outcome: formString(data, 'outcome', 16), note: formString(data, 'note', 1100) };
		const key = formString(data, 'key', 255);
		const res = await apiJson(fetch, `/payouts/${encodeURIComponent(payoutId)}/resolve`, 'POST', values, { 'idempotency-key': KEY.test(key) ? key : crypto.randomUUID() });
		if (!res.ok) return fail(res.status, { decide: { payoutId, values, ...formProblem(res.problem) } });
		return { decide: { payoutId, outcome: values.outcome, done: true as const } };
	}
};
