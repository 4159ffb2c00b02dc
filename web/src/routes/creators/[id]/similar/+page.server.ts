/**
 * Creators like this one (issue 16, point 3): GET /api/v1/creators/:id/similar, filtered by
 * the campaign it was opened from (?campaignId=, the brand's own). Brands and admins; a
 * creator gets 403, an unknown creator or another brand's campaign 404.
 */
import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { loadWilayas } from '$lib/server/campaign-pages';
import type { SimilarOut } from '$lib/similar';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role === 'creator') error(403, 'brands only');
	const campaignId = url.searchParams.get('campaignId');
	const query = new URLSearchParams({ lang: locals.locale });
	if (campaignId) query.set('campaignId', campaignId);
	const [res, wilayas] = await Promise.all([apiJson<SimilarOut>(fetch, `/creators/${encodeURIComponent(params.id)}/similar?${query}`, 'GET'), loadWilayas(fetch, locals.locale)]);
	const wilayaNames = Object.fromEntries(wilayas.map((w) => [w.code, w.name])) as Record<string, string>;
	if (!res.ok) {
		// A malformed campaign id names nothing, like an unknown one.
		if (res.status === 404 || res.status === 400) error(404, res.problem.detail);
		if (res.status === 403) error(403, res.problem.detail);
		return { similar: null, loadError: res.problem.detail || String(res.status), campaignId, wilayaNames };
	}
	return { similar: res.data, loadError: null, campaignId, wilayaNames };
};
