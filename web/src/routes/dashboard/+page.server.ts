import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, loginUrl, requireMe } from '$lib/server/form';
import type { Campaign } from '$lib/campaigns';
import type { ApplicationOut } from '$lib/applications';
import type { Actions, PageServerLoad } from './$types';

export interface Team {
	brand: { id: string; name: string; role: 'owner' | 'member' };
	members: { id: string; name: string; email: string; role: 'owner' | 'member'; joinedAt: string }[];
	invitations: { id: string; email: string; createdAt: string; expiresAt: string }[];
}

interface MyApplications {
	applications: (ApplicationOut & { campaign: { id: string; title: string; brandName: string } })[];
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch }) => {
	const me = requireMe(locals, '/dashboard');
	if (me.user.role !== 'brand') {
		// The creator's applications card: the latest few, newest first.
		const mine = me.user.role === 'creator' ? await apiJson<MyApplications>(fetch, '/me/applications', 'GET') : null;
		return { me, team: null, teamFailed: false, campaigns: null, applications: mine?.ok ? mine.data : null };
	}
	const [res, latest] = await Promise.all([
		apiJson<Team>(fetch, '/brands/me/team', 'GET'),
		// The campaigns card: the latest few, newest first.
		apiJson<{ campaigns: Campaign[]; total: number }>(fetch, '/campaigns?limit=4', 'GET')
	]);
	return { me, team: res.ok ? res.data : null, teamFailed: !res.ok, campaigns: latest.ok ? latest.data : null, applications: null };
};

export const actions: Actions = {
	invite: async ({ request, fetch, locals }) => {
		if (!locals.me) redirect(303, loginUrl('/dashboard'));
		const data = await request.formData();
		const values = { email: formString(data, 'email', 320) };
		const res = await apiJson<{ invitation: { email: string } }>(fetch, '/brands/me/invitations', 'POST', values);
		if (!res.ok) {
			if (res.status === 401) redirect(303, loginUrl('/dashboard'));
			return fail(res.status, { invite: { values, ...formProblem(res.problem) } });
		}
		return { invite: { sent: res.data.invitation.email } };
	}
};
