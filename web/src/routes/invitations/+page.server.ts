import { fail } from '@sveltejs/kit';
import { apiJson, formProblem, loadMe } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { loadMyInvitations, type BrandRef } from '$lib/server/team';
import type { Actions, PageServerLoad } from './$types';

/** The invitations addressed to the signed-in brand user, with the brands they already belong to. */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') return { brandAccount: false as const, mine: null };
	return { brandAccount: true as const, mine: await loadMyInvitations(fetch) };
};

interface Answer {
	invitation: { id: string; status: 'accepted' | 'declined'; brandName: string };
	brand: BrandRef | null;
}

function answer(kind: 'accept' | 'decline'): Actions[string] {
	return async ({ request, fetch, locals }) => {
		const id = formString(await request.formData(), 'id', 100);
		const res = await apiJson<Answer>(fetch, `/invitations/${encodeURIComponent(id)}/${kind}`, 'POST');
		if (!res.ok) {
			return fail(res.status, { answer: { id, ...formProblem(res.problem) } });
		}
		// The page rendered after this action (without JavaScript, in this same request) shows the new current brand.
		locals.me = await loadMe(fetch);
		return { answer: { done: res.data.invitation.status, brandName: res.data.invitation.brandName } };
	};
}

export const actions: Actions = { accept: answer('accept'), decline: answer('decline') };
