/**
 * Checks an API response against what its route declares (worker/route-responses.ts): the
 * status must be one the route lists, a JSON body must match the route's schema for that
 * status, and every 4xx/5xx must be a problem+json with its fields. The test client
 * (helpers.ts) runs this on every response, so a route that answers something its OpenAPI
 * document does not say fails the test that saw it.
 */
import * as v from 'valibot';
import { routeSpecs } from '../../worker/app';
import { isPublicCacheControl, PUBLIC_CACHE_PATHS } from '../../worker/cache-lookup';
import { routeResponses } from '../../worker/route-responses';

const routes = routeSpecs().map((spec) => ({
	spec,
	pattern: new RegExp(`^${spec.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`),
	responses: routeResponses(spec)
}));

const Problem = v.strictObject({
	type: v.literal('about:blank'),
	title: v.pipe(v.string(), v.minLength(1)),
	status: v.number(),
	code: v.pipe(v.string(), v.minLength(1)),
	detail: v.pipe(v.string(), v.minLength(1)),
	errors: v.optional(
		v.array(v.strictObject({ path: v.string(), message: v.pipe(v.string(), v.minLength(1)), line: v.optional(v.number()), column: v.optional(v.string()), placeholder: v.optional(v.string()) }))
	),
	requestId: v.pipe(v.string(), v.minLength(1))
});

const describeIssues = (issues: readonly v.BaseIssue<unknown>[]) =>
	issues
		.slice(0, 5)
		.map((i) => `${(i.path ?? []).map((p) => String(p.key)).join('.') || '(root)'}: ${i.message}`)
		.join('; ');

/** What is wrong with `res` for `method` on `path` (under /api/v1, query allowed); empty when it is as declared. Reads a clone. */
export async function responseProblems(method: string, path: string, res: Response): Promise<string[]> {
	const pathname = path.split('?')[0];
	// Hono answers with the first registered route that matches, and so does this lookup.
	const route = routes.find((r) => r.spec.method === method.toLowerCase() && r.pattern.test(pathname));
	const type = res.headers.get('content-type') ?? '';
	const problems: string[] = [];
	if (res.status >= 500) problems.push(`a ${res.status} (no request may yield a 5xx)`);
	// worker/entry.ts lets the adapter look a request up in the Cache API only on these paths.
	if (isPublicCacheControl(res.headers.get('cache-control')) && !PUBLIC_CACHE_PATHS.has(`/api/v1${pathname}`))
		problems.push(`Cache-Control ${res.headers.get('cache-control')} on a path missing from PUBLIC_CACHE_PATHS (worker/cache-lookup.ts)`);
	const declared = route?.responses[res.status];
	if (route && !declared) problems.push(`status ${res.status} is not declared by ${route.spec.method.toUpperCase()} ${route.spec.path} (declares ${Object.keys(route.responses).join(', ')})`);
	if (declared?.schema) {
		if (!type.startsWith('application/json')) return [...problems, `content-type ${type}, declared JSON`];
		const result = v.safeParse(declared.schema, await res.clone().json());
		if (!result.success) problems.push(`body does not match the declared ${res.status} schema: ${describeIssues(result.issues)}`);
	} else if (res.status >= 400) {
		if (!type.startsWith('application/problem+json')) return [...problems, `content-type ${type}, expected application/problem+json`];
		const result = v.safeParse(Problem, await res.clone().json());
		if (!result.success) problems.push(`problem body: ${describeIssues(result.issues)}`);
		else if (result.output.status !== res.status) problems.push(`problem status ${result.output.status} on a ${res.status}`);
	}
	return problems;
}
