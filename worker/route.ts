/**
 * Declares an API route once: its schemas validate the request and feed the OpenAPI
 * document (worker/openapi.ts), so the reference never drifts from the code.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { fieldErrors } from './problem';
import { t } from './i18n';

type AnySchema = v.GenericSchema;

export interface RouteSpec<B extends AnySchema | undefined, Q extends AnySchema | undefined> {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	/** Hono path under /api/v1, e.g. `/auth/login` or `/creators/:id`. */
	path: string;
	summary: string;
	tags: string[];
	/** Who may call it; checked before the body is read. */
	auth: 'public' | 'user' | 'brand' | 'creator' | 'admin';
	body?: B;
	query?: Q;
	/** Response schemas by status, for the documentation. */
	responses: Record<number, { description: string; schema?: AnySchema }>;
	/** Largest accepted body in bytes (default 64 KiB). */
	maxBodyBytes?: number;
	/** Hidden from the OpenAPI document (development-only routes). */
	internal?: boolean;
}

export type Input<B, Q> = {
	body: B extends AnySchema ? v.InferOutput<B> : undefined;
	query: Q extends AnySchema ? v.InferOutput<Q> : undefined;
};

/** A Hono app with the specs of the routes registered on it (read by the OpenAPI builder). */
export interface Router {
	app: Hono<AppEnv>;
	specs: RouteSpec<AnySchema | undefined, AnySchema | undefined>[];
}

const DEFAULT_MAX_BODY = 64 * 1024;

/** Reads and validates a JSON body, turning every failure into a 4xx AppError. */
export async function readJsonBody<S extends AnySchema>(c: Context<AppEnv>, schema: S, maxBytes = DEFAULT_MAX_BODY): Promise<v.InferOutput<S>> {
	const type = c.req.header('content-type') ?? '';
	if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError('unsupported_media_type');
	const declared = Number(c.req.header('content-length') ?? '0');
	if (declared > maxBytes) throw new AppError('payload_too_large');
	const buf = await c.req.arrayBuffer();
	if (buf.byteLength > maxBytes) throw new AppError('payload_too_large');
	let raw: unknown;
	try {
		raw = JSON.parse(new TextDecoder().decode(buf));
	} catch {
		throw new AppError('malformed_json');
	}
	// Every JSON body of this API is an object; valibot would otherwise read an array's keys.
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new AppError('invalid_request', { errors: [{ path: '', message: t(c.get('locale'), 'invalid_type') }] });
	}
	return parseInput(c, schema, raw);
}

export function parseInput<S extends AnySchema>(c: Context<AppEnv>, schema: S, raw: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, raw);
	if (!result.success) {
		throw new AppError('invalid_request', { errors: fieldErrors(result.issues, c.get('locale')) });
	}
	return result.output;
}

export function requireRole(c: Context<AppEnv>, auth: RouteSpec<undefined, undefined>['auth']) {
	if (auth === 'public') return;
	const user = c.get('user');
	if (!user) throw new AppError('unauthenticated');
	if (auth !== 'user' && user.role !== auth) throw new AppError('forbidden');
}

/** Registers the route on the Hono app and in the OpenAPI registry. */
export function route<B extends AnySchema | undefined = undefined, Q extends AnySchema | undefined = undefined>(
	router: Router,
	spec: RouteSpec<B, Q>,
	handler: (c: Context<AppEnv>, input: Input<B, Q>) => Response | Promise<Response>
) {
	router.specs.push(spec as RouteSpec<AnySchema | undefined, AnySchema | undefined>);
	router.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
		requireRole(c, spec.auth);
		const body = spec.body ? await readJsonBody(c, spec.body, spec.maxBodyBytes) : undefined;
		const query = spec.query ? parseInput(c, spec.query, c.req.query()) : undefined;
		return handler(c, { body, query } as Input<B, Q>);
	});
}
