/**
 * The page the email-change link opens (issue 15, point 3). Loading it changes nothing (a mail
 * scanner or preview that fetches the link leaves it working): the button's POST confirms the
 * new address (POST /api/v1/auth/email/confirm). No session needed: the token is the credential.
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async ({ params, fetch }) => {
		const res = await apiJson<{ email: string }>(fetch, '/auth/email/confirm', 'POST', { token: params.token });
		if (!res.ok) return fail(res.status, formProblem(res.problem));
		return { email: res.data.email };
	}
};
