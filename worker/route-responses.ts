/**
 * Every status a route can answer, written once: what its spec declares, plus the problems
 * the shared machinery gives every route of its kind (no session, another role, a foreign
 * Origin, a body or query that fails its schema, an id that names nothing). The OpenAPI
 * document (worker/openapi.ts) publishes this list, and the API tests check each response
 * they receive against it (test/api/response-check.ts), so the reference cannot drift from
 * what the routes really answer.
 */
import type * as v from 'valibot';

export interface ResponseSpec {
	description: string;
	/** The JSON body's schema; a problem status without one answers the Problem shape. */
	schema?: v.GenericSchema;
}

/** What this module reads of a route spec (worker/route.ts). */
export interface RouteShape {
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
	path: string;
	auth: 'public' | 'user' | 'brand' | 'creator' | 'admin';
	body?: unknown;
	query?: unknown;
	responses: Record<number, ResponseSpec>;
	idempotent?: boolean;
	stepUp?: boolean;
}

/** The declared responses, completed with the problems every route of this kind may answer. A route's own description wins. */
export function routeResponses(spec: RouteShape): Record<number, ResponseSpec> {
	const shared: Record<number, ResponseSpec> = {};
	if (spec.body !== undefined || spec.query !== undefined) shared[400] = { description: 'The body or query does not match its schema (`errors` lists each field)' };
	if (spec.auth !== 'public') shared[401] = { description: 'No session, or an expired one' };
	const forbidden = [
		...(spec.auth !== 'public' && spec.auth !== 'user' ? [`Signed in, but not as a ${spec.auth}`] : []),
		...(spec.method !== 'get' ? ["The request's Origin is another site"] : []),
		...(spec.stepUp ? ['The session has not confirmed the password (and second factor) in the last 5 minutes (`reauth_required`: POST /auth/reauth, then retry)'] : [])
	];
	if (forbidden.length > 0) shared[403] = { description: forbidden.join('; or ') };
	if (spec.path.includes('/:')) shared[404] = { description: 'Nothing with this id that the caller may see' };
	if (spec.body !== undefined) {
		shared[413] = { description: 'The body is larger than the route accepts' };
		shared[415] = { description: 'The Content-Type is not one the route accepts' };
	}
	if (spec.idempotent) {
		shared[400] = { description: `${shared[400]?.description ?? 'Invalid request'}; or the Idempotency-Key header is missing or malformed` };
		shared[409] = { description: 'A request with this Idempotency-Key is still running (`idempotency_in_progress`, Retry-After)' };
		shared[422] = { description: 'This Idempotency-Key was used for another request (`idempotency_key_reused`); nothing was done' };
	}
	const out = { ...shared, ...spec.responses };
	// A route's own 409 keeps its words and adds the idempotency one.
	if (spec.idempotent && spec.responses[409]) out[409] = { ...spec.responses[409], description: `${spec.responses[409].description}; or ${shared[409].description}` };
	return out;
}
