import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem, type Problem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export interface OfferPage {
	campaignId: string;
	title: string;
	offer: string;
	deliveryTerms: string;
	maxProducts: number;
	products: { id: string; position: number; name: string; priceDzd: number; photoType: string | null; photoUrl: string | null; createdAt: string }[];
	pages: { path: string; live: boolean; creator: { displayName: string; handle: string }; views: number }[];
}

/** The largest photo the page sends on (the API's own limit, 2 MB). */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<OfferPage>(fetch, `/campaigns/${encodeURIComponent(params.id)}/offer-page`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return res.data;
};

export const actions: Actions = {
	/** The delivery terms shown on the page. */
	terms: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const deliveryTerms = formString(data, 'deliveryTerms', 2000);
		const res = await apiJson(fetch, `/campaigns/${encodeURIComponent(params.id)}/offer-page`, 'PUT', { deliveryTerms });
		if (!res.ok) return fail(res.status, { terms: { deliveryTerms, ...formProblem(res.problem) } });
		return { terms: { done: true as const } };
	},
	/** A product: name, price and an optional photo, sent on as the API's multipart form. */
	add: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const values = { name: formString(data, 'name', 200), priceDzd: formString(data, 'priceDzd', 32) };
		const body = new FormData();
		body.append('name', values.name);
		body.append('priceDzd', values.priceDzd);
		const photo = data.get('photo');
		if (photo instanceof File && photo.size > 0) {
			// Refused here without sending 2 MB on; the API checks the type from the bytes.
			if (photo.size > MAX_PHOTO_BYTES) return fail(413, { add: { values, errors: { file: '' }, detail: '', tooLarge: true } });
			body.append('file', photo, photo.name);
		}
		const res = await fetch(`/api/v1/campaigns/${encodeURIComponent(params.id)}/offer-products`, { method: 'POST', body });
		if (!res.ok) {
			const problem = (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
			return fail(res.status, { add: { values, ...formProblem(problem) } });
		}
		return { add: { done: true as const } };
	},
	/** A new name and/or price for a product; its photo stays. */
	edit: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const productId = formString(data, 'productId', 64);
		const values = { name: formString(data, 'name', 200), priceDzd: formString(data, 'priceDzd', 32) };
		const res = await apiJson(fetch, `/campaigns/${encodeURIComponent(params.id)}/offer-products/${encodeURIComponent(productId)}`, 'PATCH', values);
		if (!res.ok) return fail(res.status, { edit: { productId, values, ...formProblem(res.problem) } });
		return { edit: { productId, done: true as const } };
	},
	/** One place up or down on the page. */
	move: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const productId = formString(data, 'productId', 64);
		const direction = formString(data, 'direction', 8);
		const res = await apiJson(fetch, `/campaigns/${encodeURIComponent(params.id)}/offer-products/${encodeURIComponent(productId)}/move`, 'POST', { direction });
		if (!res.ok) return fail(res.status, { move: { detail: res.problem.detail } });
		return { move: { productId, done: true as const } };
	},
	/** Removes a product and its photo. */
	remove: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const productId = formString(data, 'productId', 64);
		const res = await apiJson(fetch, `/campaigns/${encodeURIComponent(params.id)}/offer-products/${encodeURIComponent(productId)}`, 'DELETE');
		if (!res.ok && res.status !== 404) return fail(res.status, { remove: { detail: res.problem.detail } });
		return { remove: { done: true as const } };
	}
};
