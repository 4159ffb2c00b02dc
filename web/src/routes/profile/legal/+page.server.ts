/**
 * The creator's legal identity kept for agreements (issue 14, point 4): each new draft
 * starts with it. Works without JavaScript (a plain form post).
 */
import { fail } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { legalDetailsBody, legalValuesOf, readLegalDetailsForm } from '$lib/server/legal-details';
import type { Actions, PageServerLoad } from './$types';

type Stored = { legalName: string; rcNumber: string | null; nif: string | null; autoEntrepreneurCard: string | null } | null;

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') return { values: null };
	const res = await apiJson<{ creator: { legalDetails: Stored } }>(fetch, '/creators/me', 'GET');
	if (!res.ok) throw new Error(`profile load failed: ${res.status}`);
	return { values: legalValuesOf(res.data.creator.legalDetails) };
};

export const actions: Actions = {
	default: async ({ request, fetch }) => {
		const { values } = readLegalDetailsForm(await request.formData());
		const res = await apiJson(fetch, '/creators/me/legal-details', 'PUT', legalDetailsBody(values));
		if (!res.ok) return fail(res.status, { values, ...formProblem(res.problem) });
		return { values, saved: true as const };
	}
};
