/**
 * /agreements/application/:applicationId → 303 to the agreement of that application. The
 * applicants list links here: its rows carry no agreement id, and GET /applications/:id
 * does (for either party; anyone else gets the API's 404).
 */
import { error, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ fetch, params }) => {
	const res = await apiJson<{ agreement: { id: string } | null }>(fetch, `/applications/${encodeURIComponent(params.applicationId)}`, 'GET');
	if (!res.ok || !res.data.agreement) error(404, res.ok ? 'Not found' : res.problem.detail);
	redirect(303, `/agreements/${encodeURIComponent(res.data.agreement.id)}`);
};
