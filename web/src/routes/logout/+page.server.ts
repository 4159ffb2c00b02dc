import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$worker/domain/session-policy';
import { apiJson } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** GET /logout shows a small confirmation form; the header's logout button posts here. */
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.me !== null });

export const actions: Actions = {
	default: async ({ fetch, cookies, url }) => {
		// The API ends the session and clears the cookie; clearing it here as well means a
		// failed API call still leaves this browser signed out.
		await apiJson(fetch, '/auth/logout', 'POST');
		cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
		redirect(303, '/');
	}
};
