/**
 * Side-by-side comparison of 2–4 recommended creators (issue 4): ?ids=a,b,c (a link) or
 * ?ids=a&ids=b (the matches page's GET form without JavaScript).
 */
import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { loadWilayas } from '$lib/server/campaign-pages';
import type { Campaign } from '$lib/campaigns';
import { compareIds, compareProblem, type MatchesOut } from '$lib/matches';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(403, 'brands only');
	const id = encodeURIComponent(params.id);
	const ids = compareIds(url.searchParams.getAll('ids'));
	const problem = compareProblem(ids);
	const [campaign, wilayas] = await Promise.all([apiJson<{ campaign: Campaign }>(fetch, `/campaigns/${id}`, 'GET'), loadWilayas(fetch, locals.locale)]);
	if (!campaign.ok) error(campaign.status === 403 ? 403 : 404, campaign.problem.detail);
	const base = {
		campaign: { id: campaign.data.campaign.id, title: campaign.data.campaign.title },
		wilayaNames: Object.fromEntries(wilayas.map((w) => [w.code, w.name])) as Record<string, string>,
		requested: ids.length
	};
	if (problem) return { ...base, problem, matches: [], loadError: null };
	const res = await apiJson<MatchesOut>(fetch, `/campaigns/${id}/matches?ids=${ids.map(encodeURIComponent).join(',')}&limit=4&lang=${locals.locale}`, 'GET');
	if (!res.ok) {
		if (res.status === 404) error(404, res.problem.detail);
		return { ...base, problem: null, matches: [], loadError: res.problem.detail || String(res.status) };
	}
	// In the order the brand ticked them.
	const byId = new Map(res.data.matches.map((m) => [m.creatorId, m]));
	const matches = ids.flatMap((i) => byId.get(i) ?? []);
	return { ...base, problem: matches.length < 2 ? ('tooFew' as const) : null, matches, loadError: null };
};
