/**
 * /reauth?next=: confirm the password (and a TOTP or recovery code, or a passkey, when the
 * account has a second factor) before a sensitive change (POST /api/v1/auth/reauth), then back to
 * `next`. The passkey button's script asks POST /api/v1/auth/reauth/passkey/options, runs
 * WebAuthn and posts the answer in the `passkey` field. hooks.server.ts sends a page here when the API answers 403 `reauth_required`.
 */
import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, jsonField, requireMe } from '$lib/server/form';
import { safeNext } from '$lib/safe-next';
import type { Actions, PageServerLoad } from './$types';

interface Status {
	twoFactor: { enabled: boolean; passkeys: number };
}

export const load: PageServerLoad = async ({ locals, url, fetch }) => {
	requireMe({ locals, url });
	const status = await apiJson<Status>(fetch, '/me/mfa', 'GET');
	return {
		twoFactor: status.ok ? status.data.twoFactor.enabled : false,
		passkeys: status.ok ? status.data.twoFactor.passkeys > 0 : false,
		next: safeNext(url.searchParams.get('next'), '/settings')
	};
};

export const actions: Actions = {
	default: async ({ request, fetch, url }) => {
		const data = await request.formData();
		const code = formString(data, 'code', 40).trim();
		const passkey = formString(data, 'passkey', 40_000);
		const second = passkey ? { passkey: jsonField(passkey) } : code ? { code } : {};
		const res = await apiJson(fetch, '/auth/reauth', 'POST', { password: formString(data, 'password', 1000), ...second });
		if (!res.ok) return fail(res.status, formProblem(res.problem));
		redirect(303, safeNext(url.searchParams.get('next'), '/settings'));
	}
};
