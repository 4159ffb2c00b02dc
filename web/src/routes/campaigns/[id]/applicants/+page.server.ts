import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { ApplicationOut, ApplicationStatus, CampaignSummary } from '$lib/applications';
import { STATUS_TABS } from '$lib/applications';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export interface Applicant extends ApplicationOut {
	creator: {
		id: string;
		displayName: string;
		handle: string;
		wilaya: { code: string; nameFr: string | null; nameAr: string | null } | null;
		followersTotal: number;
		niches: string[];
		accounts: { platform: string; handle: string; followers: number }[];
		engagementByFormat: Record<string, { engagementRate?: number }> | null;
		commentMix: Record<string, number> | null;
		sponsoredShare: number | null;
	};
}

interface Applicants {
	campaign: CampaignSummary;
	applications: Applicant[];
	counts: Record<ApplicationStatus, number>;
	page: number;
	pageSize: number;
	total: number;
}

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(403, 'brands only');
	const raw = url.searchParams.get('status');
	const status = (STATUS_TABS as readonly string[]).includes(raw ?? '') ? (raw as ApplicationStatus) : null;
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const query = new URLSearchParams({ page: String(page) });
	if (status) query.set('status', status);
	const res = await apiJson<Applicants>(fetch, `/campaigns/${encodeURIComponent(params.id)}/applications?${query}`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return { ...res.data, status };
};

async function decide(event: RequestEvent, action: 'shortlist' | 'accept' | 'decline') {
	const data = await event.request.formData();
	const id = formString(data, 'id', 64);
	const name = formString(data, 'name', 120);
	const reason = formString(data, 'reason', 600);
	const res = await apiJson(event.fetch, `/applications/${encodeURIComponent(id)}/${action}`, 'POST', action === 'decline' ? { reason } : undefined);
	if (!res.ok) {
		return fail(res.status, { id, action, reason, ...formProblem(res.problem) });
	}
	return { done: { action, name } };
}

export const actions: Actions = {
	shortlist: (event) => decide(event, 'shortlist'),
	accept: (event) => decide(event, 'accept'),
	decline: (event) => decide(event, 'decline')
};
