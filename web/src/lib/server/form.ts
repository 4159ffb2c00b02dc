/** Reading submitted forms and guarding pages, for load functions and form actions. */
import { redirect } from '@sveltejs/kit';
import type { Me } from './api';

/** A text field as submitted (never null), capped so a huge post cannot blow up a page. */
export function formString(data: FormData, name: string, max = 1000): string {
	const value = data.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The login page that brings the user back to `path` afterwards: /login?next=/dashboard. */
export function loginUrl(path: string): string {
	return `/login?next=${encodeURIComponent(path).replace(/%2F/gi, '/')}`;
}

/** The signed-in user, or a 303 to the login page that returns to `path`. */
export function requireMe(locals: App.Locals, path: string): Me {
	if (!locals.me) redirect(303, loginUrl(path));
	return locals.me;
}
