/**
 * Every API route, from the router itself (worker/app.ts `routeSpecs`, the specs that build
 * the OpenAPI document): what the fuzzing and the isolation matrix enumerate, so a new route
 * is covered the day it lands. Each operation carries its OpenAPI shape (JSON body schema,
 * content types, query names) and who may call it.
 */
import { routeSpecs } from '../../worker/app';
import type { Auth } from '../../worker/route';
import { openApiDocument } from '../../worker/openapi';
import { ORIGIN } from './helpers';

export interface Schema {
	type?: string | string[];
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
	enum?: unknown[];
	anyOf?: Schema[];
	oneOf?: Schema[];
}

export interface Operation {
	/** `GET /campaigns/{id}`: method and OpenAPI path, the key of a route in the tables. */
	key: string;
	method: string;
	/** The OpenAPI path (`/campaigns/{id}`), under /api/v1. */
	path: string;
	/** The router's pattern (`/campaigns/:id`), as the `authz.denied` log names it. */
	pattern: string;
	/** The path parameters' names, in order. */
	params: string[];
	auth: Auth;
	/** Development-only, left out of the OpenAPI document. */
	internal: boolean;
	idempotent: boolean;
	jsonSchema?: Schema;
	contentTypes: string[];
	queryNames: string[];
}

type DocOperation = { requestBody?: { content: Record<string, { schema: Schema }> }; parameters?: { name: string; in: string }[] };

/** Every route the router registers, in registration order (internal ones flagged). */
export function apiOperations(): Operation[] {
	const specs = routeSpecs();
	const doc = openApiDocument(specs, ORIGIN) as unknown as { paths: Record<string, Record<string, DocOperation>> };
	return specs.map((s) => {
		const path = s.path.replace(/:(\w+)/g, '{$1}');
		const op = doc.paths[path]?.[s.method] ?? {};
		const content = op.requestBody?.content ?? {};
		return {
			key: `${s.method.toUpperCase()} ${path}`,
			method: s.method.toUpperCase(),
			path,
			pattern: s.path,
			params: [...s.path.matchAll(/:(\w+)/g)].map((m) => m[1]),
			auth: s.auth,
			internal: s.internal ?? false,
			idempotent: s.idempotent ?? false,
			jsonSchema: content['application/json']?.schema,
			contentTypes: Object.keys(content),
			queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
		};
	});
}
