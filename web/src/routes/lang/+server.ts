/**
 * GET /lang?to=ar&next=/dashboard — the language switch. A plain link (works without
 * JavaScript): stores the choice in the wasla_lang cookie, saves it on the account when
 * signed in (emails follow it), and goes back to `next`, which must be a path on this site.
 */
import { error, redirect } from '@sveltejs/kit';
import { LANG_COOKIE } from '$worker/middleware';
import { isLocale, translator } from '$lib/i18n';
import { apiJson } from '$lib/server/api';
import { safeNext } from '$lib/safe-next';
import type { RequestHandler } from './$types';

const ONE_YEAR_S = 365 * 24 * 3600;

export const GET: RequestHandler = async ({ url, cookies, locals, fetch }) => {
	const to = url.searchParams.get('to');
	if (!isLocale(to)) error(400, { message: translator(locals.locale)('lang.invalid') });
	const next = safeNext(url.searchParams.get('next'), '/');

	// Holds only "fr", "ar" or "en": nothing secret, so it need not be HttpOnly.
	cookies.set(LANG_COOKIE, to, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
	// The cookie is what the UI uses; a failed save on the account must not block the switch.
	if (locals.me) await apiJson(fetch, '/me/locale', 'PUT', { locale: to });
	redirect(303, next);
};
