/**
 * The creator's own risk signals (issue 4, point 3): what was detected, why, and the
 * explanation brands read next to it (add, edit, remove; works without JavaScript).
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { EXPLANATION_MAX, RISK_CODES, type OwnFlag } from '$lib/matches';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') return { risk: null };
	const res = await apiJson<{ score: number; flags: OwnFlag[] }>(fetch, '/creators/me/risk', 'GET');
	if (!res.ok) {
		throw new Error(`risk load failed: ${res.status}`);
	}
	return { risk: res.data };
};

async function explain(event: RequestEvent, remove: boolean) {
	const data = await event.request.formData();
	const code = formString(data, 'code', 40);
	// One character over the limit is kept so the API (not the page) says it is too long.
	const explanation = remove ? '' : formString(data, 'explanation', EXPLANATION_MAX * 4);
	if (!(RISK_CODES as readonly string[]).includes(code)) return fail(404, { explain: { code, explanation, errors: {} as Record<string, string>, detail: '' } });
	const res = await apiJson(event.fetch, `/creators/me/risk/${encodeURIComponent(code)}/explanation`, 'PUT', { explanation });
	if (!res.ok) {
		return fail(res.status, { explain: { code, explanation, ...formProblem(res.problem) } });
	}
	return { explain: { code, done: remove || explanation.trim() === '' ? ('removed' as const) : ('saved' as const) } };
}

export const actions: Actions = {
	save: (event) => explain(event, false),
	remove: (event) => explain(event, true)
};
