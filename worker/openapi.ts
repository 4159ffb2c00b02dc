/** The OpenAPI 3.1 document, generated from the route specs, and a readable HTML reference. */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import type { AnyRouteSpec } from './route';
import { routeResponses } from './route-responses';

type Spec = AnyRouteSpec;
type Json = Record<string, unknown>;

const schemaOf = (s: v.GenericSchema) => toJsonSchema(s, { target: 'draft-2020-12', errorMode: 'ignore' }) as Json;

const Problem: Json = {
	type: 'object',
	required: ['type', 'title', 'status'],
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer' },
		code: { type: 'string' },
		detail: { type: 'string', description: "In the caller's language" },
		errors: {
			type: 'array',
			items: {
				type: 'object',
				required: ['path', 'message'],
				properties: {
					path: { type: 'string' },
					message: { type: 'string' },
					line: { type: 'integer', description: 'For an uploaded file (CSV): the line, 1 for the header' },
					column: { type: 'string', description: 'For an uploaded file (CSV): the column' },
					placeholder: { type: 'string', description: 'For a campaign refused with `[…]` blanks left: the blank, as written' }
				}
			}
		},
		requestId: { type: 'string' }
	}
};

export function openApiDocument(specs: Spec[], origin: string) {
	const paths: Record<string, Json> = {};
	for (const s of specs.filter((x) => !x.internal)) {
		const path = s.path.replace(/:(\w+)/g, '{$1}');
		const pathSchemas = s.params ? ((schemaOf(s.params) as { properties?: Record<string, Json> }).properties ?? {}) : {};
		const parameters: Json[] = [...s.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: pathSchemas[m[1]] ?? { type: 'string' } }));
		if (s.query) {
			const q = schemaOf(s.query) as { properties?: Record<string, Json>; required?: string[] };
			for (const [name, schema] of Object.entries(q.properties ?? {})) {
				parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
			}
		}
		if (s.idempotent) {
			parameters.push({
				name: 'Idempotency-Key',
				in: 'header',
				required: true,
				description: 'One key per operation (1–255 visible characters, e.g. a UUID): a repeat returns the first answer (with `Idempotent-Replayed: true`) for 24 hours.',
				schema: { type: 'string', minLength: 1, maxLength: 255 }
			});
		}
		const responses: Json = {};
		for (const [status, r] of Object.entries(routeResponses(s))) {
			const isProblem = Number(status) >= 400;
			responses[status] = {
				description: r.description,
				...(r.schema
					? { content: { 'application/json': { schema: schemaOf(r.schema) } } }
					: isProblem
						? { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
						: {})
			};
		}
		paths[path] ??= {};
		paths[path][s.method] = {
			summary: s.summary,
			tags: s.tags,
			operationId: `${s.method}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))}`,
			// Public operations say so (`security: []`); the others need the session cookie.
			...(s.auth !== 'public' ? { security: [{ session: [] }], 'x-role': s.auth } : { security: [] }),
			...(parameters.length ? { parameters } : {}),
			...(s.body ? { requestBody: s.body.openApi(schemaOf) } : {}),
			responses
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Wasla API',
			version: '1',
			license: { name: 'Proprietary', identifier: 'LicenseRef-Wasla-Proprietary' },
			description:
				'Creator marketplace for Algerian retailers. JSON under /api/v1; errors are application/problem+json (RFC 9457); session cookie `wasla_session`; non-GET requests with a foreign Origin are refused (403).'
		},
		servers: [{ url: `${origin}/api/v1` }],
		components: {
			securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wasla_session' } },
			schemas: { Problem }
		},
		paths
	};
}

/** The reference's only style, inline; the page's CSP allows exactly this text (by hash). Long paths wrap anywhere, so it fits a 360 px phone. */
const DOCS_STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1f23;overflow-wrap:anywhere}
h1{color:#0f5c4d}section{border-top:1px solid #ddd;padding:.5rem 0}pre{background:#f4f6f5;padding:.75rem;overflow:auto;font-size:13px}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.m-get{background:#1d6fb8}.m-post{background:#0f7a4d}.m-put,.m-patch{background:#8a5a00}.m-delete{background:#a32020}`;

/** Kept as a string, not a promise: a promise must not be shared across requests. */
let docsCsp: string | undefined;

/**
 * Headers of the HTML reference: no script, nothing loaded from anywhere, its one inline
 * style by SHA-256, never framed, no Referer outside the site.
 */
export async function docsHeaders(): Promise<Record<string, string>> {
	if (!docsCsp) {
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(DOCS_STYLE)));
		const hash = btoa(String.fromCharCode(...digest));
		docsCsp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
	}
	return { 'content-security-policy': docsCsp, 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A self-contained reference page (no CDN: it must work offline). */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
	const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, Json>).map(([method, op]) => ({ path, method, op })));
	const sections = ops
		.map(({ path, method, op }) => {
			const content = (op.requestBody as { content: Record<string, { schema: Json }> } | undefined)?.content ?? {};
			const bodies = Object.entries(content);
			const params = (op.parameters as Json[] | undefined) ?? [];
			const responses = Object.entries(op.responses as Record<string, { description: string }>)
				.map(([status, r]) => `<li><code>${esc(status)}</code> ${esc(r.description)}</li>`)
				.join('');
			return `<section id="${esc(String(op.operationId))}">
<h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>/api/v1${esc(path)}</code></h3>
<p>${esc(String(op.summary))}${op['x-role'] ? ` <em>(${esc(String(op['x-role']))})</em>` : ''}</p>
${params.length ? `<h4>Parameters</h4><ul>${params.map((p) => `<li><code>${esc(String(p.name))}</code> (${esc(String(p.in))}${p.required ? ', required' : ''})</li>`).join('')}</ul>` : ''}
${bodies.map(([type, b]) => `<h4>Body <code>${esc(type)}</code></h4><pre>${esc(JSON.stringify(b.schema, null, 2))}</pre>`).join('')}
<h4>Responses</h4><ul>${responses}</ul>
</section>`;
		})
		.join('\n');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Wasla API reference</title>
<style>${DOCS_STYLE}</style></head>
<body><h1>Wasla API reference</h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<nav><ul>${ops.map(({ path, method, op }) => `<li><a href="#${esc(String(op.operationId))}">${method.toUpperCase()} ${esc(path)}</a></li>`).join('')}</ul></nav>
${sections}</body></html>`;
}
