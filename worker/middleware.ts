/** Request-wide middleware: request id and language, Origin check, session lookup, emails pushed to delivery. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { pickLocale } from './i18n';
import { SESSION_COOKIE } from './domain/session-policy';
import { resolveSession } from './services/sessions';
import { pageSessionOf } from './page-session';
import { announceNewEmails } from './services/mail/delivery';
import { jobQueue } from './context';

export const LANG_COOKIE = 'wasla_lang';

/**
 * Development only: a request may say what time it is (ISO 8601), so browser tests and demos
 * can record what happened days ago (a signature before a post, stats a day after it) without
 * waiting. Ignored unless APP_ENV is exactly "development"; the pages never send it.
 */
export const DEV_NOW_HEADER = 'x-wasla-dev-now';

/** The request's clock: the real time, or in development the instant the request names. */
export function requestClock(appEnv: string | undefined, devNow: string | undefined): number {
	if (appEnv !== 'development' || !devNow) return Date.now();
	const at = Date.parse(devNow);
	return Number.isFinite(at) ? at : Date.now();
}

export const context: MiddlewareHandler<AppEnv> = async (c, next) => {
	c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID());
	c.set('now', requestClock(c.env.APP_ENV, c.req.header(DEV_NOW_HEADER)));
	c.set('locale', pickLocale(c.req.query('lang'), getCookie(c, LANG_COOKIE), c.req.header('accept-language')));
	c.set('user', null);
	c.set('sessionHash', null);
	// The primary until worker/d1-session.ts starts the request's D1 session.
	c.set('db', c.env.DB);
	c.set('reauthAt', null);
	await next();
	c.header('x-request-id', c.get('requestId'));
	// Files (screenshots, PDFs) and JSON are read as what their Content-Type says, never sniffed.
	c.header('x-content-type-options', 'nosniff');
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose Origin header names another site (CSRF), for JSON
 * and form posts alike. Requests without Origin (curl, server-to-server) pass: they carry
 * no ambient browser credentials from another site.
 */
export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
	if (!SAFE_METHODS.has(c.req.method)) {
		const origin = c.req.header('origin');
		if (origin !== undefined) {
			const allowed = new Set([
				new URL(c.req.url).origin,
				...(c.env.APP_ORIGINS ?? '')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			]);
			if (!allowed.has(origin)) throw new AppError('cross_origin');
		}
	}
	await next();
};

export const session: MiddlewareHandler<AppEnv> = async (c, next) => {
	const token = getCookie(c, SESSION_COOKIE);
	if (token && token.length <= 128) {
		const ctx = { db: c.get('db'), now: c.get('now') };
		// A page's read shares the page's one lookup (worker/page-session.ts); anything else looks up.
		const page = pageSessionOf(c.req.raw);
		const found = page ? await page.resolve(token, ctx.now, () => resolveSession(ctx, token)) : await resolveSession(ctx, token);
		if (found) {
			c.set('user', found.user);
			c.set('sessionHash', found.hash);
			c.set('reauthAt', found.reauthAt);
		}
	}
	await next();
};

/**
 * Emails leave without waiting for the cron: after any state-changing API request, once its
 * D1 batches have committed (the handler has returned), each outbox row it wrote is pushed
 * to the JOBS queue as a `deliver_email` job — no service has to remember to do it. If the
 * queue or D1 fails here the answer is unchanged: the rows are queued in D1, and the cron
 * delivers every due row within a minute.
 */
export const announceEmails: MiddlewareHandler<AppEnv> = async (c, next) => {
	// The request's clock (set by `context`, before this): its services stamp the rows they write with it.
	const since = c.get('now');
	await next();
	if (SAFE_METHODS.has(c.req.method)) return;
	try {
		await announceNewEmails(c.env, jobQueue(c.env), since, Date.now());
	} catch (err) {
		console.error(
			JSON.stringify({ level: 'error', requestId: c.get('requestId'), msg: 'emails not pushed to the queue (the cron sends them)', error: String(err instanceof Error ? err.message : err) })
		);
	}
};
