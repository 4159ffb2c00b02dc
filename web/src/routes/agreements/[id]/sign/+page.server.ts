import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { loadAgreement } from '$lib/server/agreements';
import type { AgreementView } from '$lib/agreements';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url, platform }) => {
	const me = requireMe({ locals, url });
	const agreement = await loadAgreement(fetch, params.id);
	return { agreement, email: me.user.email, devOutbox: platform?.env?.APP_ENV === 'development' };
};

export const actions: Actions = {
	code: async ({ fetch, params }) => {
		const res = await apiJson<{ sentTo: string; expiresAt: string }>(fetch, `/agreements/${encodeURIComponent(params.id)}/sign/code`, 'POST', {});
		if (!res.ok) {
			return fail(res.status, { code: formProblem(res.problem) });
		}
		return { code: { sentTo: res.data.sentTo, expiresAt: res.data.expiresAt } };
	},
	sign: async ({ locals, fetch, params, request }) => {
		const data = await request.formData();
		const fullName = formString(data, 'fullName', 200);
		const consent = data.get('consent') === 'on';
		const code = formString(data, 'code', 20);
		const res = await apiJson<{ agreement: AgreementView }>(fetch, `/agreements/${encodeURIComponent(params.id)}/sign`, 'POST', { fullName, consent, code, lang: locals.locale });
		if (!res.ok) {
			// The code is not shown again: a wrong or spent code is retyped (or a new one asked).
			return fail(res.status, { sign: { values: { fullName, consent }, ...formProblem(res.problem) } });
		}
		redirect(303, `/agreements/${encodeURIComponent(params.id)}?done=${res.data.agreement.status === 'signed' ? 'completed' : 'signed'}`);
	}
};
