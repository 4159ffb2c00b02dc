import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { createBrandAction, loadMyInvitations, type TeamInvitation } from '$lib/server/team';
import type { Campaign } from '$lib/campaigns';
import type { ApplicationOut } from '$lib/applications';
import type { DueList } from '$lib/workspace';
import type { Checklist } from '$lib/checklist';
import type { Actions, PageServerLoad } from './$types';

export interface Team {
	brand: { id: string; name: string; role: 'owner' | 'member' };
	members: { id: string; name: string; email: string; role: 'owner' | 'member'; joinedAt: string }[];
	invitations: TeamInvitation[];
}

interface MyApplications {
	applications: (ApplicationOut & { campaign: { id: string; title: string; brandName: string } })[];
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') {
		// The creator's applications card: the latest few, newest first.
		// The checklist: the creator's first steps, from what the account really holds.
		const [mine, due, checklist] =
			me.user.role === 'creator'
				? await Promise.all([apiJson<MyApplications>(fetch, '/me/applications', 'GET'), apiJson<DueList>(fetch, '/me/deliverables', 'GET'), apiJson<Checklist>(fetch, '/me/checklist', 'GET')])
				: [null, null, null];
		return {
			me,
			team: null,
			teamFailed: false,
			campaigns: null,
			applications: mine?.ok ? mine.data : null,
			invitations: null,
			due: due?.ok ? due.data : null,
			checklist: checklist?.ok ? checklist.data : null
		};
	}
	// Pending invitations (a short mention with a link) and the brands the user belongs to.
	const invitations = await loadMyInvitations(fetch);
	// A brand account without a brand (after leaving a team) is offered to create one.
	if (!me.brand) return { me, team: null, teamFailed: false, campaigns: null, applications: null, invitations, due: null, checklist: null };
	const [res, latest, due] = await Promise.all([
		apiJson<Team>(fetch, '/brands/me/team', 'GET'),
		// The campaigns card: the latest few, newest first.
		apiJson<{ campaigns: Campaign[]; total: number }>(fetch, '/campaigns?limit=4', 'GET'),
		// The deliverables card: what is late and next across the brand's signed agreements.
		apiJson<DueList>(fetch, '/me/deliverables', 'GET')
	]);
	return { me, team: res.ok ? res.data : null, teamFailed: !res.ok, campaigns: latest.ok ? latest.data : null, applications: null, invitations, due: due.ok ? due.data : null, checklist: null };
};

export const actions: Actions = {
	invite: async ({ request, fetch }) => {
		const data = await request.formData();
		const values = { email: formString(data, 'email', 320) };
		const res = await apiJson<{ invitation: { email: string } }>(fetch, '/brands/me/invitations', 'POST', values);
		if (!res.ok) {
			return fail(res.status, { invite: { values, ...formProblem(res.problem) } });
		}
		return { invite: { sent: res.data.invitation.email } };
	},
	revoke: async ({ request, fetch }) => {
		const data = await request.formData();
		const id = formString(data, 'id', 100);
		const email = formString(data, 'email', 320);
		const res = await apiJson(fetch, `/brands/me/invitations/${encodeURIComponent(id)}`, 'DELETE');
		if (!res.ok) {
			return fail(res.status, { revoke: formProblem(res.problem) });
		}
		return { revoke: { revoked: email } };
	},
	createBrand: (event) => createBrandAction(event)
};
