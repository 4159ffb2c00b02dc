/**
 * Declares an API route once: its path parameters, body kind (worker/body.ts) and query
 * validate the request and feed the OpenAPI document (worker/openapi.ts), so the reference
 * never drifts from the code. The handler gets the request's context (worker/context.ts),
 * built here once per request and typed by the route's `auth`, and the validated input; it
 * calls one service and serialises.
 *
 * Order: role (401/403), the body's header checks (415, declared 413), the route's rate
 * limit (429), the body read and checked, the query, the path parameters.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv, SessionUser } from './env';
import { type RequestContext, jobQueue } from './context';
import { AppError } from './errors';
import { fieldErrors } from './problem';
import type { BodyKind, BodyOf } from './body';
import type { Limit } from './domain/rate-limit-rules';
import { consume } from './services/rate-limit';
import { idempotency } from './idempotency';
import { requireStepUp } from './services/step-up';

type AnySchema = v.GenericSchema;

/** Who may call a route; checked before anything else is read. */
export type Auth = 'public' | 'user' | 'brand' | 'creator' | 'admin';

/** The caller a route's handler sees: anyone (or no one) for `public`, any signed-in user for `user`, else a user of that role. */
export type CallerOf<A extends Auth> = A extends 'public' ? SessionUser | null : A extends 'user' ? SessionUser : SessionUser & { role: A };

/**
 * The message a path parameter's schema gives for a malformed value. Such a request answers
 * 404, exactly as an unknown id would (a malformed id names nothing); any other failing
 * parameter (a version that is not a number) answers 400 with its field error.
 */
export const UNKNOWN_PARAM = 'unknown_param';

/** The schema of a route's path parameters: one string schema per `:name` in its path. */
export type ParamsSchema = v.ObjectSchema<Record<string, v.GenericSchema<string, unknown>>, undefined>;

export interface RouteSpec<A extends Auth, P extends ParamsSchema | undefined, B extends BodyKind | undefined, Q extends AnySchema | undefined> {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	/** Hono path under /api/v1, e.g. `/auth/login` or `/creators/:id`. */
	path: string;
	summary: string;
	tags: string[];
	/** Who may call it; checked before the body is read. */
	auth: A;
	/** The path parameters (required when the path has any), validated after the body and query. */
	params?: P;
	/** The body's kind, content type, size limit and content check: `json(Schema)`, `csv(…)`, `pdf(…)`, `upload(…)`, `streamedUpload(…)`, `either(…)`. */
	body?: B;
	query?: Q;
	/** A rate limit per client address, counted before the body is read (routes whose reading alone is costly). */
	throttle?: Limit;
	/** Response schemas by status, for the documentation. */
	responses: Record<number, { description: string; schema?: AnySchema }>;
	/** Hidden from the OpenAPI document (development-only routes). */
	internal?: boolean;
	/**
	 * Money-moving: requires an `Idempotency-Key` header and goes through the one idempotency
	 * middleware (worker/idempotency.ts): a repeat answers the first result, another request
	 * with the key 422, a concurrent one 409.
	 */
	idempotent?: boolean;
	/**
	 * Read-heavy (feed, matches, media kit, reports): its D1 session may start on a read
	 * replica — at the caller's bookmark, or anywhere without one — instead of on the primary
	 * (worker/d1-session.ts). A write it makes still goes to the primary, and the session
	 * reads it back.
	 */
	replica?: boolean;
	/**
	 * A sensitive change (password, payout details, team, the second factor): the session must
	 * have proved its user within 5 minutes (login or POST /auth/reauth), else 403
	 * `reauth_required` before the body is read.
	 */
	stepUp?: boolean;
}

/** Any route's spec, as the router and the OpenAPI builder keep them. */
export type AnyRouteSpec = RouteSpec<Auth, ParamsSchema | undefined, BodyKind | undefined, AnySchema | undefined>;

export type Input<A extends Auth, P, B, Q> = {
	/** This request's context: bindings, clock, language, origin, the caller (typed by `auth`) and the client. */
	ctx: RequestContext<CallerOf<A>>;
	params: P extends ParamsSchema ? v.InferOutput<P> : Record<string, never>;
	body: BodyOf<B>;
	query: Q extends AnySchema ? v.InferOutput<Q> : undefined;
};

/** A Hono app with the specs of the routes registered on it (read by the OpenAPI builder). */
export interface Router {
	app: Hono<AppEnv>;
	specs: AnyRouteSpec[];
}

/** Validates input against a schema: 400 with one translated message per field; the input is never echoed back. */
export function parseInput<S extends AnySchema>(c: Context<AppEnv>, schema: S, raw: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, raw);
	if (!result.success) {
		throw new AppError('invalid_request', { errors: fieldErrors(result.issues, c.get('locale')) });
	}
	return result.output;
}

/** Path parameters checked against the spec: a malformed id is 404 (see UNKNOWN_PARAM), another bad value 400. */
function parseParams(c: Context<AppEnv>, schema: ParamsSchema): Record<string, unknown> {
	const result = v.safeParse(schema, c.req.param());
	if (result.success) return result.output;
	const invalid = result.issues.filter((issue) => issue.message !== UNKNOWN_PARAM);
	if (invalid.length > 0) throw new AppError('invalid_request', { errors: fieldErrors(invalid, c.get('locale')) });
	throw new AppError('not_found');
}

/** The caller, if the route's `auth` admits them: 401 without a session, 403 for another role. */
export function requireRole<A extends Auth>(c: Context<AppEnv>, auth: A): CallerOf<A> {
	const user = c.get('user');
	if (auth === 'public') return user as CallerOf<A>;
	if (!user) throw new AppError('unauthenticated');
	if (auth !== 'user' && user.role !== auth) throw new AppError('forbidden');
	return user as CallerOf<A>;
}

/** The context of this request for `user`: read once here, handed to the handler and on to the services. */
export function requestContext<U extends SessionUser | null>(c: Context<AppEnv>, user: U): RequestContext<U> {
	return {
		env: c.env,
		// The request's D1 session (worker/d1-session.ts): the primary or a replica, at the caller's bookmark.
		db: c.get('db'),
		files: c.env.FILES,
		jobs: jobQueue(c.env),
		now: c.get('now'),
		locale: c.get('locale'),
		origin: new URL(c.req.url).origin,
		user,
		requestId: c.get('requestId'),
		ip: c.req.header('cf-connecting-ip') ?? null,
		userAgent: c.req.header('user-agent') ?? null,
		sessionHash: c.get('sessionHash'),
		reauthAt: c.get('reauthAt') ?? null,
		idempotencyKey: c.get('idempotencyKey') ?? null
	};
}

/** Registers the route on the Hono app and in the OpenAPI registry. */
export function route<A extends Auth, P extends ParamsSchema | undefined = undefined, B extends BodyKind | undefined = undefined, Q extends AnySchema | undefined = undefined>(
	router: Router,
	spec: RouteSpec<A, P, B, Q>,
	handler: (c: Context<AppEnv>, input: Input<A, P, B, Q>) => Response | Promise<Response>
) {
	const names = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
	const declared = Object.keys(spec.params?.entries ?? {});
	if (names.join() !== declared.join()) throw new Error(`route ${spec.method} ${spec.path}: params must declare exactly ${names.join(', ') || 'nothing'}`);
	router.specs.push(spec as AnyRouteSpec);
	// First: which route matched, so a refusal from here on is logged with its pattern (worker/authz-log.ts).
	const matched: MiddlewareHandler<AppEnv> = async (c, next) => {
		c.set('route', { method: spec.method.toUpperCase(), pattern: spec.path, params: c.req.param() as Record<string, string> });
		await next();
	};
	const run = async (c: Context<AppEnv>) => {
		const ctx = requestContext(c, requireRole(c, spec.auth));
		if (spec.stepUp) requireStepUp(ctx);
		spec.body?.precheck(c);
		if (spec.throttle) await consume(ctx, spec.throttle, ctx.ip ?? 'unknown');
		const body = spec.body ? await spec.body.read(c) : undefined;
		const query = spec.query ? parseInput(c, spec.query, c.req.query()) : undefined;
		const params = spec.params ? parseParams(c, spec.params) : {};
		return handler(c, { ctx, params, body, query } as Input<A, P, B, Q>);
	};
	if (!spec.idempotent) {
		router.app.on(spec.method.toUpperCase(), spec.path, matched, run);
		return;
	}
	// Money-moving: the one idempotency middleware runs first (after the role and the body's header checks).
	const guard = idempotency({
		caller: (c) => {
			const user = requireRole(c, spec.auth);
			if (!user) throw new AppError('unauthenticated');
			spec.body?.precheck(c);
			return user;
		},
		maxBytes: spec.body?.maxBytes ?? 0
	});
	router.app.on(spec.method.toUpperCase(), spec.path, matched, guard, run);
}
