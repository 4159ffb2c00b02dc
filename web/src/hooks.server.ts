/**
 * One Worker: /api/* goes to the Hono app, everything else is SvelteKit. Pages and form
 * actions call the API through event.fetch, which re-enters this hook in-process.
 * Every page answer leaves through withPageHeaders (nosniff, Referrer-Policy, caching; the
 * Content-Security-Policy itself comes from kit.csp in svelte.config.js).
 */
import type { Handle, HandleFetch, HandleServerError } from '@sveltejs/kit';
import { createApp } from '../../worker/app';
import { cleanUserAgent } from '../../worker/domain/signing';
import { pickLocale } from '../../worker/i18n';
import { LANG_COOKIE } from '../../worker/middleware';
import { linkPageCall, PageSession } from '../../worker/page-session';
import { problemBody, problemResponse } from '../../worker/problem';
import { dirOf } from '$lib/i18n';
import { loadMe, reauthRequired, sessionEnded } from '$lib/server/api';
import { messagesJson } from '$lib/server/route-messages';
import { loginRedirect, reauthRedirect } from '$lib/server/form';
import { formBodyProblem, withPageHeaders } from '$lib/server/security';

const api = createApp();
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Where app.html takes the page's messages: the text of its `wasla-messages` script element. */
const MESSAGES_SLOT = '<!--wasla:messages-->';

export const handle: Handle = async ({ event, resolve }) => {
	const { pathname } = event.url;
	if (pathname.startsWith('/api/')) {
		if (!event.platform) return new Response('platform bindings missing', { status: 500 });
		return api.fetch(event.request, event.platform.env, event.platform.ctx);
	}

	const locale = pickLocale(event.url.searchParams.get('lang') ?? undefined, event.cookies.get(LANG_COOKIE), event.request.headers.get('accept-language') ?? undefined);
	event.locals.locale = locale;
	const method = event.request.method;

	if (!SAFE.has(method)) {
		// Same rule as the API for form posts: a foreign Origin never changes anything.
		const origin = event.request.headers.get('origin');
		const allowed = [
			event.url.origin,
			...(event.platform?.env.APP_ORIGINS ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		];
		if (origin !== null && !allowed.includes(origin)) {
			return withPageHeaders(problemResponse(problemBody('cross_origin', locale)), { signedIn: false, method });
		}
		// Every form action (and POST /lang) gets a body that is a form and parses: a broken
		// or truncated multipart body is a 400 here, before any action reads it.
		const problem = await formBodyProblem(event.request);
		if (problem) return withPageHeaders(problemResponse(problemBody(problem, locale)), { signedIn: false, method });
	}

	// This page's API calls share one session lookup (worker/page-session.ts): made here, for this request only.
	event.locals.pageSession = new PageSession();
	event.locals.me = await loadMe(event.fetch);
	const response = await resolve(event, {
		// The page's messages go into the script element app.html keeps for them (nonced like the others; $lib/i18n/page-messages.ts).
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', locale)
				.replace('%dir%', dirOf(locale))
				.replace(MESSAGES_SLOT, event.locals.pageMessages ? messagesJson(event.locals.pageMessages) : '')
	});
	return withPageHeaders(response, { signedIn: event.locals.me !== null, method });
};

/**
 * Internal API calls carry the browser's IP and language, so rate limits and messages stay
 * per user. One whose answer says the session is missing or expired sends the browser to the
 * login page, which brings it back to this page afterwards: loads and form actions alike,
 * so no page handles that 401 itself. One refused for want of a fresh re-authentication
 * (403 `reauth_required`) sends it to /reauth the same way.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
	const url = new URL(request.url);
	if (url.origin !== event.url.origin || !url.pathname.startsWith('/api/')) return fetch(request);
	const headers = new Headers(request.headers);
	const ip = event.request.headers.get('cf-connecting-ip') ?? safeClientAddress(event);
	if (ip) headers.set('cf-connecting-ip', ip);
	// The browser's own User-Agent, not the server's fetch: the API records it as signing
	// evidence (the certificate's "Navigateur" row) and in sessions.
	const userAgent = cleanUserAgent(event.request.headers.get('user-agent'));
	if (userAgent) headers.set('user-agent', userAgent);
	else headers.delete('user-agent');
	headers.set('accept-language', event.locals.locale ?? 'fr');
	headers.delete('origin');
	const call = new Request(request, { headers });
	// A read shares the page's session lookup; a write empties it (so the reads after it see what it changed).
	if (event.locals.pageSession) linkPageCall(call, event.locals.pageSession);
	const res = await fetch(call);
	if (await sessionEnded(request, res)) loginRedirect(event.url);
	// A sensitive change asked from a page: confirm the password (and code) on /reauth, then back here.
	if (await reauthRequired(res)) reauthRedirect(event.url);
	return res;
};

function safeClientAddress(event: { getClientAddress(): string }): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/**
 * Unexpected errors in pages: log them with a request id and show only that id (the error
 * page explains it in the user's language); never the message or stack.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || crypto.randomUUID();
	if (status === 404) return { message };
	console.error(
		JSON.stringify({ level: 'error', requestId, method: event.request.method, path: event.url.pathname, status, error: String(error instanceof Error ? (error.stack ?? error.message) : error) })
	);
	return { message, requestId };
};
