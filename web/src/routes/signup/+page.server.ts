import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

type Role = 'brand' | 'creator' | '';
const asRole = (value: string | null): Role => (value === 'brand' || value === 'creator' ? value : '');

/** `?role=brand&email=…` pre-fills the form: invitation emails link here that way. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.me) redirect(303, '/dashboard');
	const role = asRole(url.searchParams.get('role'));
	const email = (url.searchParams.get('email') ?? '').slice(0, 254);
	return { prefill: { role, email }, invited: role === 'brand' && email !== '' };
};

export const actions: Actions = {
	default: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		const values = { role: formString(data, 'role', 20), name: formString(data, 'name', 200), email: formString(data, 'email', 320) };
		const password = formString(data, 'password', 1000);
		const res = await apiJson(fetch, '/auth/register', 'POST', { ...values, password, locale: locals.locale });
		// The password is never sent back: the page shows it empty again.
		if (!res.ok) return fail(res.status, { values, ...formProblem(res.problem) });
		// event.fetch already applied the API's Set-Cookie (wasla_session) to this response.
		redirect(303, '/dashboard');
	}
};
