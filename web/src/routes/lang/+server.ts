/**
 * The language switch, without JavaScript, back to `next` (a path on this site).
 *
 * GET /lang?to=ar&next=/dashboard — a plain link: sets only the wasla_lang display cookie. A
 * GET changes nothing on the account, so a link, an image or a prefetch from another site
 * can at most change what this browser shows.
 *
 * POST /lang (form: to, next) — the signed-in switcher and the settings form: sets the cookie
 * and saves the language on the account (emails follow it). hooks.server.ts has already
 * refused a foreign Origin and a body that does not parse.
 */
import { error, redirect, type Cookies } from '@sveltejs/kit';
import { LANG_COOKIE } from '$worker/middleware';
import { isLocale, type Locale } from '$lib/i18n';
import { translator } from '$lib/server/i18n';
import { apiJson } from '$lib/server/api';
import { safeNext } from '$lib/safe-next';
import type { RequestHandler } from './$types';

const ONE_YEAR_S = 365 * 24 * 3600;

function setDisplayLanguage(cookies: Cookies, url: URL, to: Locale) {
	// Holds only "fr", "ar" or "en": nothing secret, so it need not be HttpOnly.
	cookies.set(LANG_COOKIE, to, { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
}

export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const to = url.searchParams.get('to');
	if (!isLocale(to)) error(400, { message: translator(locals.locale)('lang.invalid') });
	setDisplayLanguage(cookies, url, to);
	redirect(303, safeNext(url.searchParams.get('next'), '/'));
};

export const POST: RequestHandler = async ({ url, cookies, locals, fetch, request }) => {
	const form = await request.formData();
	const to = form.get('to');
	if (!isLocale(to)) error(400, { message: translator(locals.locale)('lang.invalid') });
	const next = form.get('next');
	setDisplayLanguage(cookies, url, to);
	// The cookie is what the UI uses; a failed save on the account must not block the switch.
	if (locals.me) await apiJson(fetch, '/me/locale', 'PUT', { locale: to });
	redirect(303, safeNext(typeof next === 'string' ? next : null, '/'));
};
