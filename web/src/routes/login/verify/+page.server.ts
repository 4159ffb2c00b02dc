/**
 * /login/verify: the second step of a login whose account has two-factor authentication. The
 * password was checked on /login, whose API call set the HttpOnly pending-login cookie; here a
 * TOTP or recovery code finishes it (POST /api/v1/auth/login/second-factor), or a passkey: the
 * page's script asks the options (POST /api/v1/auth/login/passkey/options), runs WebAuthn and
 * posts the answer in the `passkey` field, sent on to POST /api/v1/auth/login/passkey.
 */
import { fail, redirect } from '@sveltejs/kit';
import { LANG_COOKIE } from '$worker/middleware';
import type { Me } from '$lib/server/api';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, jsonField } from '$lib/server/form';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.me) redirect(303, safeNext(url.searchParams.get('next'), '/dashboard'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, fetch, url, cookies }) => {
		const data = await request.formData();
		const passkey = formString(data, 'passkey', 40_000);
		const res = passkey
			? await apiJson<{ user: Me['user'] }>(fetch, '/auth/login/passkey', 'POST', { response: jsonField(passkey) })
			: await apiJson<{ user: Me['user'] }>(fetch, '/auth/login/second-factor', 'POST', { code: formString(data, 'code', 40) });
		if (!res.ok) return fail(res.status, formProblem(res.problem));
		if (!cookies.get(LANG_COOKIE)) {
			cookies.set(LANG_COOKIE, res.data.user.locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
		}
		redirect(303, safeNext(url.searchParams.get('next'), '/dashboard'));
	}
};
