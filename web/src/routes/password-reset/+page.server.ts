import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import type { Actions } from './$types';

/**
 * Forgotten password: the address goes to POST /auth/password/forgot, whose answer is the same
 * whether or not an account has it; so is this page's confirmation.
 */
export const actions: Actions = {
	default: async ({ request, fetch }) => {
		const data = await request.formData();
		const values = { email: formString(data, 'email', 320) };
		const res = await apiJson<{ accepted: true; expiresInMinutes: number }>(fetch, '/auth/password/forgot', 'POST', values);
		if (!res.ok) return fail(res.status, { values, ...formProblem(res.problem) });
		return { sent: true as const, email: values.email.trim() };
	}
};
