/**
 * /agreements/application/:applicationId → 303 to the agreement of that application. The
 * applicants list links here: its rows carry no agreement id, and GET /applications/:id
 * does (for either party; anyone else gets the API's 404). A page route, not an endpoint:
 * an application without an agreement (or someone else's) gets the site's error page, with
 * the navigation, in the reader's language — never a bare 404 (issue 14, point 2).
 */
import { error, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, locals, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<{ agreement: { id: string } | null }>(fetch, `/applications/${encodeURIComponent(params.applicationId)}`, 'GET');
	if (!res.ok || !res.data.agreement) error(404, res.ok ? 'Not found' : res.problem.detail);
	redirect(303, `/agreements/${encodeURIComponent(res.data.agreement.id)}`);
};
