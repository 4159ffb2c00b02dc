import { fail, redirect } from '@sveltejs/kit';
import { LANG_COOKIE } from '$worker/middleware';
import type { Me } from '$lib/server/api';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page an emailed reset link opens. Loading it only asks whether the link still works
 * (POST /auth/password/reset/check reads, changes nothing): the link is used up by the form's
 * POST alone, so a mail scanner or a preview that fetches the link leaves it working.
 */
export const load: PageServerLoad = async ({ params, fetch }) => {
	const res = await apiJson<{ expiresAt: string }>(fetch, '/auth/password/reset/check', 'POST', { token: params.token });
	return { valid: res.ok };
};

export const actions: Actions = {
	default: async ({ request, params, fetch, cookies, url }) => {
		const data = await request.formData();
		const res = await apiJson<{ user: Me['user'] }>(fetch, '/auth/password/reset', 'POST', { token: params.token, password: formString(data, 'password', 1000) });
		if (!res.ok) {
			if (res.problem.code === 'reset_link_invalid') return fail(400, { linkInvalid: true as const });
			return fail(res.status, formProblem(res.problem));
		}
		// Signed in with a fresh session (the API set the cookie); like the login form, a browser
		// that never chose a language gets the account's.
		if (!cookies.get(LANG_COOKIE)) {
			cookies.set(LANG_COOKIE, res.data.user.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
		}
		redirect(303, '/dashboard');
	}
};
