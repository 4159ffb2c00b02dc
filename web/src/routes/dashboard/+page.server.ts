import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { createBrandAction, type MyInvitations, type TeamInvitation } from '$lib/server/team';
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

/** GET /me/dashboard: every card in one request; a card the caller has none of is null. */
interface Dashboard {
	invitations: MyInvitations | null;
	team: Team | null;
	campaigns: { campaigns: Campaign[]; total: number } | null;
	applications: MyApplications | null;
	due: DueList | null;
	checklist: Checklist | null;
}

/** The latest items a card lists; the rest of the API's page is not sent to the browser. */
const LISTED = { campaigns: 4, applications: 4, due: 3 };

/**
 * What the cards show and nothing more: the page's data is serialised into its HTML (and read
 * again by the browser), so full campaigns, a whole page of applications and deliverables, and
 * the due list's unused `next` would only cost CPU and bytes (issue 15, point 4).
 */
function shown(d: Dashboard | null) {
	if (!d) return null;
	return {
		invitations: d.invitations,
		team: d.team,
		campaigns: d.campaigns && { total: d.campaigns.total, campaigns: d.campaigns.campaigns.slice(0, LISTED.campaigns).map(({ id, title, status }) => ({ id, title, status })) },
		applications: d.applications && {
			total: d.applications.total,
			applications: d.applications.applications.slice(0, LISTED.applications).map(({ id, status, campaign }) => ({ id, status, campaign: { title: campaign.title } }))
		},
		due: d.due && { side: d.due.side, open: d.due.open, late: d.due.late, deliverables: d.due.deliverables.slice(0, LISTED.due) },
		checklist: d.checklist
	};
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	// One API request for the whole page (it used to be one per card: over the Free plan's 10 ms of CPU).
	const res = me.user.role === 'admin' ? null : await apiJson<Dashboard>(fetch, '/me/dashboard', 'GET');
	const d = shown(res?.ok ? res.data : null);
	if (me.user.role !== 'brand') {
		// The creator's cards: the latest applications, what is due, the first steps' checklist.
		return { me, team: null, teamFailed: false, campaigns: null, applications: d?.applications ?? null, invitations: null, due: d?.due ?? null, checklist: d?.checklist ?? null };
	}
	// Pending invitations (a short mention with a link) and the brands the user belongs to.
	const invitations = d?.invitations ?? null;
	// A brand account without a brand (after leaving a team) is offered to create one.
	if (!me.brand) return { me, team: null, teamFailed: false, campaigns: null, applications: null, invitations, due: null, checklist: null };
	return { me, team: d?.team ?? null, teamFailed: !d?.team, campaigns: d?.campaigns ?? null, applications: null, invitations, due: d?.due ?? null, checklist: null };
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
