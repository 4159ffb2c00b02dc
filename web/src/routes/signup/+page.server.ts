import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

type Role = 'brand' | 'creator' | '';
const asRole = (value: string | null): Role => (value === 'brand' || value === 'creator' ? value : '');

interface Invitation {
	id: string;
	brandName: string;
	inviterName: string;
	expiresAt: string;
}

/**
 * `?role=brand&email=…` pre-fills the form. An invitation link adds `&invitation=<id>`: the
 * page then shows that invitation and offers, as an explicit choice, to join the team
 * instead of creating a brand. Someone already signed in answers it on /invitations.
 */
export const load: PageServerLoad = async ({ locals, url, fetch }) => {
	const invitationId = (url.searchParams.get('invitation') ?? '').slice(0, 64);
	if (locals.me) redirect(303, invitationId ? '/invitations' : '/dashboard');
	const role = asRole(url.searchParams.get('role'));
	const email = (url.searchParams.get('email') ?? '').slice(0, 254);
	let invitation: Invitation | null = null;
	if (invitationId && email) {
		const res = await apiJson<{ invitation: Invitation }>(fetch, `/invitations/${encodeURIComponent(invitationId)}?email=${encodeURIComponent(email)}`, 'GET');
		if (res.ok) invitation = res.data.invitation;
	}
	return { prefill: { role: invitation ? 'brand' : role, email }, invitation, invited: !invitation && role === 'brand' && email !== '' };
};

export const actions: Actions = {
	default: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		const values = {
			role: formString(data, 'role', 20),
			name: formString(data, 'name', 200),
			email: formString(data, 'email', 320),
			acceptInvitation: formString(data, 'acceptInvitation', 100),
			// The required box: unticked, the API refuses the sign-up (422) and nothing is created.
			acceptTerms: formString(data, 'acceptTerms', 10) === 'yes'
		};
		const password = formString(data, 'password', 1000);
		// Joining a team is only ever the ticked box, and only for a brand account.
		const join = values.role === 'brand' && values.acceptInvitation !== '' ? { acceptInvitation: values.acceptInvitation } : {};
		const res = await apiJson(fetch, '/auth/register', 'POST', {
			role: values.role,
			name: values.name,
			email: values.email,
			password,
			locale: locals.locale,
			acceptTerms: values.acceptTerms,
			...join
		});
		// The password is never sent back: the page shows it empty again.
		if (!res.ok) return fail(res.status, { values, ...formProblem(res.problem) });
		// event.fetch already applied the API's Set-Cookie (wasla_session) to this response.
		redirect(303, '/dashboard');
	}
};
