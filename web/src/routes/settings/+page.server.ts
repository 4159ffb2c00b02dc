import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, loginUrl, requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ me: requireMe(locals, '/settings') });

export const actions: Actions = {
	password: async ({ request, fetch, locals }) => {
		if (!locals.me) redirect(303, loginUrl('/settings'));
		const data = await request.formData();
		const res = await apiJson(fetch, '/auth/password', 'POST', {
			currentPassword: formString(data, 'currentPassword', 1000),
			newPassword: formString(data, 'newPassword', 1000)
		});
		if (!res.ok) {
			if (res.status === 401) redirect(303, loginUrl('/settings'));
			return fail(res.status, { password: formProblem(res.problem) });
		}
		return { password: { done: true as const } };
	}
};
