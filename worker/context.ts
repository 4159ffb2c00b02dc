/**
 * What services and jobs receive instead of long positional parameter lists (issue 10,
 * point 6): one object with the bindings, the clock, the language, the origin and — for a
 * request — the caller and the client. Built once per request (worker/route.ts) or per job
 * run (`jobContext`); nothing here is module state, so concurrent requests never share one.
 */
import type { Env, Locale, SessionUser } from './env';
import type { Job } from './jobs/types';

/** Sends work to the JOBS queue. The truth stays in D1: a job lost here is redone by the cron sweep. */
export interface JobQueue {
	enqueue(job: Job, options?: { delaySeconds?: number }): Promise<void>;
	enqueueAll(jobs: Job[]): Promise<void>;
}

/** What every service call may use. */
export interface ServiceContext {
	env: Env;
	db: D1Database;
	files: R2Bucket;
	jobs: JobQueue;
	/** The time of this request or job run (epoch ms); services never read the clock themselves. */
	now: number;
	/** The language of whoever will read the answer (a request's caller; a job's default). */
	locale: Locale;
	/** The app's origin, for links in emails and PDFs (https://wasla.dz). */
	origin: string;
	/**
	 * Lookups of the caller shared by the services one read-only request calls (the dashboard:
	 * brand memberships, creator id), keyed by what was looked up. Absent everywhere else: a
	 * request that writes must read what it wrote, never a remembered answer.
	 */
	memo?: Map<string, Promise<unknown>>;
}

/**
 * A request's context: the service context plus the caller and the client. Built once per
 * request by worker/route.ts, typed by the route's `auth` (`'brand'` → a brand user,
 * `'public'` → a user or null).
 */
export interface RequestContext<U extends SessionUser | null = SessionUser | null> extends ServiceContext {
	user: U;
	requestId: string;
	/** The client's address (`CF-Connecting-IP`), when known. */
	ip: string | null;
	userAgent: string | null;
	/** SHA-256 of the session cookie's token, when there is a session (logout, login, password change). */
	sessionHash: string | null;
	/** When the session last proved its user (login or /reauth): sensitive changes need it within 5 minutes. */
	reauthAt: number | null;
	/** On an idempotent route (worker/idempotency.ts): `<user id>:<Idempotency-Key>`, written on the effect's ledger transactions. */
	idempotencyKey?: string | null;
}

/** A request with a signed-in caller: what services acting for the caller take. */
export type CallerContext<U extends SessionUser = SessionUser> = RequestContext<U>;

/** The queue of `env`, or a clear failure for the operator when the binding is missing. */
export function jobQueue(env: Env): JobQueue {
	return {
		async enqueue(job, options) {
			await env.JOBS.send(job, { contentType: 'json', delaySeconds: options?.delaySeconds });
		},
		async enqueueAll(jobs) {
			if (jobs.length === 0) return;
			// Queues take at most 100 messages per batch.
			for (let i = 0; i < jobs.length; i += 100) await env.JOBS.sendBatch(jobs.slice(i, i + 100).map((body) => ({ body, contentType: 'json' as const })));
		}
	};
}

/** The context of a cron run or a queue batch: no caller, the platform's default language. */
export function jobContext(env: Env, now: number): ServiceContext {
	return {
		env,
		db: env.DB,
		files: env.FILES,
		jobs: jobQueue(env),
		now,
		locale: 'fr',
		// Read when a job writes a link, so a job without links runs even when APP_URL is missing.
		get origin() {
			return appOrigin(env);
		}
	};
}

/**
 * Where links in emails and PDFs point when there is no request to take the origin from
 * (cron, queue): `APP_URL`. Production must set it; without it a job refuses to write a
 * link rather than send people to a wrong address. Development falls back to the local app.
 */
export function appOrigin(env: Env): string {
	const configured = env.APP_URL?.trim();
	if (configured) return configured.replace(/\/+$/, '');
	if (env.APP_ENV === 'development') return 'http://127.0.0.1:8787';
	throw new Error('APP_URL is not configured: set it in wrangler.toml [vars] to the public origin (https://…)');
}

/** `read()` once per key within a context that carries a memo (see ServiceContext.memo); every time otherwise. */
export function remembered<T>(ctx: Pick<ServiceContext, 'memo'>, key: string, read: () => Promise<T>): Promise<T> {
	if (!ctx.memo) return read();
	let found = ctx.memo.get(key) as Promise<T> | undefined;
	if (!found) {
		found = read();
		ctx.memo.set(key, found);
	}
	return found;
}
