/** Reading submitted forms and guarding pages, for load functions and form actions. */
import { redirect } from '@sveltejs/kit';
import { loginUrl, reauthUrl, returnPath } from '../safe-next';
import type { Me } from './api';

/** A text field as submitted (never null), capped so a huge post cannot blow up a page. */
export function formString(data: FormData, name: string, max = 1000): string {
	const value = data.get(name);
	return typeof value === 'string' ? value.slice(0, max) : '';
}

/** A field holding JSON (a passkey's answer, filled by the page's script), parsed for the API; text that does not parse goes as it is, and the API refuses it with a 400. */
export function jsonField(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * A 303 to the login page that brings the user back to the page of `url` (path and query).
 * Thrown by requireMe for a request without a session, and by hooks.server.ts when a page's
 * API call finds the session gone.
 */
export function loginRedirect(url: URL): never {
	redirect(303, loginUrl(returnPath(url)));
}

/**
 * A 303 to /reauth that brings the user back to the page of `url`: thrown by hooks.server.ts
 * when a form action's API call needs a fresh confirmation of the password (and second factor).
 */
export function reauthRedirect(url: URL): never {
	redirect(303, reauthUrl(returnPath(url)));
}

/** The signed-in user, or a 303 to the login page that returns to this page. */
export function requireMe(event: { locals: App.Locals; url: URL }): Me {
	if (!event.locals.me) loginRedirect(event.url);
	return event.locals.me;
}
