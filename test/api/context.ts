/** A service context for tests that call a service directly (worker/context.ts), on the test run's real bindings. */
import { env } from 'cloudflare:workers';
import { type RequestContext, jobQueue } from '../../worker/context';
import type { Locale, SessionUser } from '../../worker/env';
import { ORIGIN } from './helpers';

/** The context a request would carry: no caller unless one is given, the clock of now, French. */
export function testContext<U extends SessionUser | null = null>(opts: { user?: U; now?: number; locale?: Locale } = {}): RequestContext<U> {
	return {
		env,
		db: env.DB,
		files: env.FILES,
		jobs: jobQueue(env),
		now: opts.now ?? Date.now(),
		locale: opts.locale ?? 'fr',
		origin: ORIGIN,
		user: (opts.user ?? null) as U,
		requestId: 'test',
		ip: null,
		userAgent: null,
		sessionHash: null,
		reauthAt: null
	};
}
