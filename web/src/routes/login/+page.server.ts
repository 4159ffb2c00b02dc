import { fail, redirect } from '@sveltejs/kit';
import { LANG_COOKIE } from '$worker/middleware';
import type { Me } from '$lib/server/api';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.me) redirect(303, safeNext(url.searchParams.get('next'), '/dashboard'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, fetch, url, cookies }) => {
		const data = await request.formData();
		const values = { email: formString(data, 'email', 320) };
		const res = await apiJson<{ user: Me['user'] }>(fetch, '/auth/login', 'POST', { email: values.email, password: formString(data, 'password', 1000) });
		// The password is right and the account has a second factor: the API set the pending-login cookie; the code is asked next.
		if (!res.ok && res.problem.code === 'mfa_required') redirect(303, `/login/verify${url.search.startsWith('?next=') ? url.search : ''}`);
		if (!res.ok) return fail(res.status, { values, ...formProblem(res.problem) });
		// A browser that never chose a language gets the one saved on the account.
		if (!cookies.get(LANG_COOKIE)) {
			cookies.set(LANG_COOKIE, res.data.user.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
		}
		redirect(303, safeNext(url.searchParams.get('next'), '/dashboard'));
	}
};
