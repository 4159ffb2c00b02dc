/**
 * The brand's recommended creators for one campaign (issue 4): the ranked matches with
 * their five criteria, reasons and risk, the weights form (PUT/DELETE match-weights) and the
 * invitation to apply (POST invitations).
 */
import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { loadWilayas } from '$lib/server/campaign-pages';
import type { Campaign } from '$lib/campaigns';
import { CRITERIA, MATCHES_DEPTH, MATCHES_PAGE_SIZE, weightsBody, type MatchesOut } from '$lib/matches';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(403, 'brands only');
	const id = encodeURIComponent(params.id);
	// No deeper than the API browses (a page past it shows the last one).
	const page = Math.max(1, Math.min(MATCHES_DEPTH / MATCHES_PAGE_SIZE, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const [campaign, wilayas] = await Promise.all([apiJson<{ campaign: Campaign }>(fetch, `/campaigns/${id}`, 'GET'), loadWilayas(fetch, locals.locale)]);
	if (!campaign.ok) error(campaign.status === 403 ? 403 : 404, campaign.problem.detail);
	const wilayaNames = Object.fromEntries(wilayas.map((w) => [w.code, w.name])) as Record<string, string>;
	const base = { campaign: campaign.data.campaign, wilayaNames, page };
	if (campaign.data.campaign.status === 'draft') return { ...base, matches: null, loadError: null };
	const res = await apiJson<MatchesOut>(fetch, `/campaigns/${id}/matches?limit=${MATCHES_PAGE_SIZE}&page=${page}&lang=${locals.locale}`, 'GET');
	if (!res.ok) {
		if (res.status === 404) error(404, res.problem.detail);
		return { ...base, matches: null, loadError: res.problem.detail || String(res.status) };
	}
	return { ...base, matches: res.data, loadError: null };
};

export const actions: Actions = {
	/** Invites one creator to apply (POST /campaigns/:id/invitations); the page reloads with "invited on …". */
	invite: async (event) => {
		const data = await event.request.formData();
		const creatorId = formString(data, 'creatorId', 64);
		const name = formString(data, 'name', 200);
		const res = await apiJson<{ invitation: { invitedAt: string } }>(event.fetch, `/campaigns/${encodeURIComponent(event.params.id)}/invitations`, 'POST', { creatorId });
		if (!res.ok) return fail(res.status, { invite: { creatorId, name, detail: res.problem.detail || String(res.status) } });
		return { invite: { creatorId, name, invitedAt: res.data.invitation.invitedAt } };
	},
	/** Saves the five weights; a refusal keeps what was typed and says why, per field. */
	weights: async (event) => {
		const data = await event.request.formData();
		const values = Object.fromEntries(CRITERIA.map((c) => [c, formString(data, c, 12)])) as Record<string, string>;
		const res = await apiJson(event.fetch, `/campaigns/${encodeURIComponent(event.params.id)}/match-weights`, 'PUT', weightsBody(values));
		if (!res.ok) {
			if (res.status === 404) error(404, res.problem.detail);
			return fail(res.status, { weights: { values, ...formProblem(res.problem) } });
		}
		return { weights: { saved: true as const } };
	},
	reset: async (event) => {
		const res = await apiJson(event.fetch, `/campaigns/${encodeURIComponent(event.params.id)}/match-weights`, 'DELETE');
		if (!res.ok) {
			if (res.status === 404) error(404, res.problem.detail);
			return fail(res.status, { weights: { values: null, ...formProblem(res.problem) } });
		}
		return { weights: { reset: true as const } };
	}
};
