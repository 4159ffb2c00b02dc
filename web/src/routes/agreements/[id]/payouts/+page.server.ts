import { redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { loadAgreement } from '$lib/server/agreements';
import { payoutActions } from '$lib/server/payouts';
import type { AgreementPayouts, Balance, PayoutDetail } from '$lib/payouts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The payouts of a signed agreement (issue 13): each payout with its history (the same for
 * both sides), the caller's balance across agreements, and a fresh idempotency key per payout
 * for its money forms (see $lib/server/payouts.ts). A GET changes nothing: the keys are only
 * claimed when a form is sent.
 */
export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const agreement = await loadAgreement(fetch, params.id);
	// Payouts exist once both signed: before, the agreement page says what is missing.
	if (agreement.status !== 'signed') redirect(303, `/agreements/${encodeURIComponent(agreement.id)}`);
	const id = encodeURIComponent(agreement.id);
	const [list, balance] = await Promise.all([apiJson<AgreementPayouts>(fetch, `/agreements/${id}/payouts`, 'GET'), apiJson<Balance>(fetch, '/ledger/balance', 'GET')]);
	const details = list.ok ? await Promise.all(list.data.payouts.map((p) => apiJson<PayoutDetail>(fetch, `/payouts/${encodeURIComponent(p.id)}`, 'GET'))) : [];
	const history = Object.fromEntries(details.flatMap((d) => (d.ok ? [[d.data.payout.id, d.data.history]] : [])));
	return {
		agreement,
		payouts: list.ok ? list.data : null,
		history,
		balance: balance.ok ? balance.data : null,
		keys: Object.fromEntries((list.ok ? list.data.payouts : []).map((p) => [p.id, crypto.randomUUID()]))
	};
};

export const actions: Actions = payoutActions;
