/** Brand teams as the pages use them: the API's shapes, and the form actions shared by several pages. */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiJson, formProblem, loadMe } from './api';
import { formString } from './form';

export interface BrandRef {
	id: string;
	name: string;
	role: 'owner' | 'member';
}

export interface Membership extends BrandRef {
	current: boolean;
	joinedAt: string;
}

export interface MyInvitations {
	invitations: { id: string; brandName: string; inviterName: string; createdAt: string; expiresAt: string }[];
	memberships: Membership[];
}

export interface TeamInvitation {
	id: string;
	email: string;
	status: 'pending' | 'declined' | 'expired';
	createdAt: string;
	expiresAt: string;
	declinedAt: string | null;
}

/** The caller's pending invitations and memberships; null for non-brand accounts or when the API fails. */
export async function loadMyInvitations(fetch: typeof globalThis.fetch): Promise<MyInvitations | null> {
	const res = await apiJson<MyInvitations>(fetch, '/me/invitations', 'GET');
	return res.ok ? res.data : null;
}

/** Form action: creates the caller's own brand (POST /brands). */
export async function createBrandAction({ request, fetch, locals }: RequestEvent) {
	const data = await request.formData();
	const values = { name: formString(data, 'name', 200) };
	const res = await apiJson<{ brand: BrandRef }>(fetch, '/brands', 'POST', values);
	if (!res.ok) {
		return fail(res.status, { createBrand: { values, ...formProblem(res.problem) } });
	}
	// The page rendered after this action (without JavaScript, in this same request) shows the new brand.
	locals.me = await loadMe(fetch);
	return { createBrand: { created: res.data.brand.name } };
}
