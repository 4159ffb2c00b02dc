import { fail } from '@sveltejs/kit';
import { apiJson, formProblem, loadMe } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { createBrandAction, loadMyInvitations, type BrandRef } from '$lib/server/team';
import type { Preference } from '$lib/notifications';
import type { Actions, PageServerLoad } from './$types';

/** The brand's WhatsApp Business number (E.164), where tracked links open a chat; only the owner changes it. */
interface BrandContact {
	whatsappPhone: string | null;
	canEdit: boolean;
}

/** The account, how they hear about each kind of message, and for a brand user the brands they belong to and how many invitations wait. */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	const [mine, prefs, contact, mfa] = await Promise.all([
		me.user.role === 'brand' ? loadMyInvitations(fetch) : null,
		apiJson<{ preferences: Preference[] }>(fetch, '/me/notification-preferences', 'GET'),
		me.user.role === 'brand' && me.brand ? apiJson<{ contact: BrandContact }>(fetch, '/brands/me/contact', 'GET') : null,
		apiJson<{ twoFactor: { enabled: boolean; passkeys: number } }>(fetch, '/me/mfa', 'GET')
	]);
	return {
		me,
		brands: mine?.memberships ?? null,
		pendingInvitations: mine?.invitations.length ?? 0,
		preferences: prefs.ok ? prefs.data.preferences : [],
		contact: contact?.ok ? contact.data.contact : null,
		// A passkey is a second factor too: signing in asks for it.
		twoFactor: mfa.ok && (mfa.data.twoFactor.enabled || mfa.data.twoFactor.passkeys > 0)
	};
};

/** Switch or leave: both answer with the brand the user now works in. */
async function brandChange(event: Parameters<Actions[string]>[0], kind: 'switch' | 'leave') {
	const { request, fetch, locals } = event;
	const data = await request.formData();
	const brandId = formString(data, 'brandId', 100);
	// The name for the confirmation, read before leaving (the answer names the brand the user lands in).
	const before = kind === 'leave' ? await apiJson<{ brands: BrandRef[] }>(fetch, '/me/brands', 'GET') : null;
	const leaving = before?.ok ? before.data.brands.find((b) => b.id === brandId)?.name : undefined;
	const res =
		kind === 'switch'
			? await apiJson<{ brand: BrandRef | null }>(fetch, '/me/brand', 'PUT', { brandId })
			: await apiJson<{ brand: BrandRef | null }>(fetch, `/brands/${encodeURIComponent(brandId)}/membership`, 'DELETE');
	if (!res.ok) {
		return fail(res.status, { brands: { brandId, ...formProblem(res.problem) } });
	}
	// What the page shows next (also without JavaScript, in this same request) is the new current brand.
	locals.me = await loadMe(fetch);
	return { brands: { done: kind, brand: (kind === 'switch' ? res.data.brand?.name : leaving) ?? '' } };
}

export const actions: Actions = {
	password: async ({ request, fetch }) => {
		const data = await request.formData();
		const res = await apiJson(fetch, '/auth/password', 'POST', {
			currentPassword: formString(data, 'currentPassword', 1000),
			newPassword: formString(data, 'newPassword', 1000)
		});
		if (!res.ok) {
			return fail(res.status, { password: formProblem(res.problem) });
		}
		return { password: { done: true as const } };
	},
	/** One category's channel (a form per category); the API refuses account and signing (422) and unknown values (400). */
	preferences: async ({ request, fetch }) => {
		const data = await request.formData();
		const category = formString(data, 'category', 40);
		const channel = formString(data, 'channel', 40);
		// Whatever was posted goes to the API, which answers unknown categories and channels with its translated 400.
		const res = await apiJson<{ preferences: Preference[] }>(fetch, '/me/notification-preferences', 'PUT', { [category]: channel });
		if (!res.ok) {
			return fail(res.status, { preferences: { category, ...formProblem(res.problem) } });
		}
		return { preferences: { category, done: res.data.preferences.find((p) => p.category === category)?.channel ?? 'email' } };
	},
	/** The brand's WhatsApp Business number: as typed, checked and stored E.164 by the API; empty removes it. */
	whatsapp: async ({ request, fetch }) => {
		const data = await request.formData();
		const phone = formString(data, 'whatsappPhone', 40);
		const res = await apiJson<{ contact: BrandContact; warnings?: { message: string }[] }>(fetch, '/brands/me/contact', 'PUT', { whatsappPhone: phone.trim() === '' ? null : phone });
		if (!res.ok) {
			return fail(res.status, { whatsapp: { value: phone, ...formProblem(res.problem) } });
		}
		return { whatsapp: { done: res.data.contact.whatsappPhone, warning: res.data.warnings?.[0]?.message ?? '' } };
	},
	switch: (event) => brandChange(event, 'switch'),
	leave: (event) => brandChange(event, 'leave'),
	createBrand: (event) => createBrandAction(event)
};
