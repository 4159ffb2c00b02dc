/**
 * /settings/privacy: the Law 18-07 rights in the app — download everything Wasla holds
 * (GET /api/v1/me/export) and erase the account (DELETE /api/v1/me), with what is kept and why.
 */
import { fail, redirect } from '@sveltejs/kit';
import { translator } from '$lib/server/i18n';
import { apiJson, formProblem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({ me: requireMe({ locals, url }) });

export const actions: Actions = {
	erase: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		if (data.get('confirm') !== 'on') {
			return fail(400, { erase: { errors: { confirm: translator(locals.locale)('privacy.erase.confirmRequired') }, detail: '' } });
		}
		const res = await apiJson(fetch, '/me', 'DELETE');
		if (!res.ok) {
			return fail(res.status, { erase: formProblem(res.problem) });
		}
		// The API's response cleared the session cookie; this page's response carries it.
		redirect(303, '/account-erased');
	}
};
