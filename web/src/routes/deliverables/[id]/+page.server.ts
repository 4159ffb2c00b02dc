import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { DeliverableDetail } from '$lib/deliverables';
import { draftsActions } from '$lib/server/deliverables/drafts';
import { publicationActions } from '$lib/server/deliverables/publication';
import { statsActions } from '$lib/server/deliverables/stats';
import { crisisActions } from '$lib/server/deliverables/crisis';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<DeliverableDetail>(fetch, `/deliverables/${encodeURIComponent(params.id)}`, 'GET');
	if (!res.ok) error(res.status === 409 ? 409 : 404, res.problem.detail);
	return res.data;
};

export const actions: Actions = { ...draftsActions, ...publicationActions, ...statsActions, ...crisisActions };
