/**
 * Property-based fuzzing of every API route (issue 15, point 2). The routes come from the
 * router itself (the OpenAPI document the app builds from its route specs), so a new route is
 * fuzzed the day it lands. For each, fast-check sends, as a guest, a brand and a creator who
 * own real objects: bodies shaped like the route's schema with wrong types, missing and extra
 * fields (`status`, `brandId`, amounts), huge strings and arrays, odd Unicode (bidi controls,
 * NUL, lone surrogates, combining marks), SQL and HTML fragments; any JSON; broken JSON;
 * multipart and form bodies with junk; wrong content types; oversized bodies; odd ids and
 * query strings. Every answer must be a declared one (the test client checks each response
 * against its route's spec), never a 5xx, a 4xx must be problem+json, and a batch answered
 * only with refusals must leave D1 exactly as it was (every table but the rate-limit
 * counters, which count attempts before the work by design).
 *
 * CI runs a fixed seed and a few runs per route; `npm run fuzz` runs many more with a random
 * seed (FUZZ_RUNS, FUZZ_SEED), printing the seed so a failure can be replayed.
 */
import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';
import { listDeliverables, signedScene } from './deliverables-scene';
import { type Operation, type Schema, apiOperations } from './api-routes';
import { dbSnapshot } from './db-snapshot';
import { FRAGMENTS } from '../fuzz-fragments.mjs';

const RUNS = Number(env.FUZZ_RUNS) || 6;
const SEED = env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(env.FUZZ_SEED) || 20261206;

const oddString = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 3000, maxLength: 6000 }) }
);
const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.1 + 0.2));
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
	oddString,
	oddNumber,
	fc.boolean(),
	fc.constant(null),
	fc.array(oddString, { maxLength: 5 }),
	fc.constant(Array.from({ length: 5000 }, (_, i) => i)),
	fc.dictionary(fc.string({ maxLength: 8 }), oddString, { maxKeys: 4 })
);

/** A value for one property: often of the right kind with an odd content, sometimes of a wrong kind. */
function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
	const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
	const right: fc.Arbitrary<unknown>[] = [];
	if (schema?.enum?.length) right.push(fc.constantFrom(...schema.enum));
	if (type === 'string') right.push(oddString);
	if (type === 'integer' || type === 'number') right.push(oddNumber);
	if (type === 'boolean') right.push(fc.boolean());
	if (type === 'array' && depth < 2) right.push(fc.array(valueFor(schema?.items, depth + 1), { maxLength: 4 }));
	if (type === 'object' && schema?.properties && depth < 2) right.push(objectFor(schema, depth + 1));
	for (const alt of [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].slice(0, 3)) if (depth < 2) right.push(valueFor(alt, depth + 1));
	return right.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...right) }, { weight: 1, arbitrary: oddValue }) : oddValue;
}

/** An object with some of the schema's properties (each odd or wrong), and fields a client must not set. */
function objectFor(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
	const props = Object.entries(schema.properties ?? {});
	const shaped = props.length > 0 ? fc.record(Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, depth)])), { requiredKeys: [] }) : fc.constant({});
	const extra = fc.dictionary(fc.constantFrom('status', 'brandId', 'creatorId', 'userId', 'id', 'amountDzd', 'feeDzd', 'role', 'signedAt', '__proto__', 'constructor'), oddValue, { maxKeys: 3 });
	return fc.tuple(shaped, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** Over the largest JSON body a route takes (64 KB by default, a few hundred KB for the biggest). */
const OVERSIZED = `{"x":"${'a'.repeat(1024 * 1024)}"}`;

interface Sent {
	query: string;
	body?: BodyInit;
	contentType?: string;
	what: string;
}

function requestFor(op: Operation): fc.Arbitrary<Sent> {
	const query = fc.oneof(
		{ weight: 3, arbitrary: fc.constant('') },
		{
			weight: 1,
			arbitrary: fc.dictionary(fc.constantFrom(...op.queryNames, 'page', 'limit', 'lang', 'x'), oddString, { maxKeys: 3 }).map((q) => `?${new URLSearchParams(q as Record<string, string>)}`)
		}
	);
	const json = (value: unknown, what: string, contentType = 'application/json') => ({ body: JSON.stringify(value), contentType, what });
	const bodies: fc.Arbitrary<Omit<Sent, 'query'>>[] = [
		fc.constant({ what: 'no body' }),
		fc.jsonValue({ maxDepth: 3 }).map((v) => json(v, 'any JSON')),
		fc.string({ maxLength: 30 }).map((s) => ({ body: `{"a":${s}`, contentType: 'application/json', what: 'broken JSON' })),
		fc.jsonValue({ maxDepth: 2 }).map((v) => json(v, 'JSON as text/plain', 'text/plain')),
		fc.constant({ body: OVERSIZED, contentType: 'application/json', what: 'oversized JSON' }),
		fc.dictionary(fc.string({ maxLength: 10 }), oddString, { maxKeys: 4 }).map((d) => ({ body: new URLSearchParams(d).toString(), contentType: 'application/x-www-form-urlencoded', what: 'form' })),
		fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('image/png', 'text/csv', 'application/pdf', 'application/x-msdownload'), oddString).map(([bytes, type, name]) => {
			const fd = new FormData();
			fd.append('file', new Blob([bytes], { type }), name.slice(0, 100) || 'f');
			fd.append('note', name);
			return { body: fd, what: `multipart ${type}` };
		}),
		fc.string({ maxLength: 200 }).map((s) => ({ body: `--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n${s}`, contentType: 'multipart/form-data; boundary=x', what: 'truncated multipart' })),
		fc.string({ maxLength: 200 }).map((s) => ({ body: s, contentType: 'multipart/form-data', what: 'multipart without boundary' })),
		fc.string({ maxLength: 300 }).map((s) => ({ body: `a,b\n"${s}`, contentType: 'text/csv', what: 'CSV junk' }))
	];
	if (op.jsonSchema)
		bodies.push(
			objectFor(op.jsonSchema).map((o) => json(o, 'schema-shaped')),
			objectFor(op.jsonSchema).map((o) => json(o, 'schema-shaped'))
		);
	return fc.tuple(query, fc.oneof(...bodies)).map(([q, b]) => ({ query: q, ...b }));
}

describe('fuzzing every API route', () => {
	const operations: Operation[] = [];
	let clients: { name: string; client: Client }[] = [];
	let ids: string[] = [];

	beforeAll(async () => {
		// The documented routes (development-only ones are left out).
		operations.push(...apiOperations().filter((op) => !op.internal));
		// A brand and a creator with a signed agreement, its campaign and deliverables, and a stranger of each role.
		const s = await signedScene();
		const [deliverable] = await listDeliverables(s.brand.client, s.agreementId);
		const strangerBrand = await signUp({ role: 'brand' });
		clients = [
			{ name: 'guest', client: new Client() },
			{ name: 'brand', client: s.brand.client },
			{ name: 'creator', client: s.creator.client },
			{ name: 'other brand', client: strangerBrand.client }
		];
		ids = [
			s.campaignId,
			s.agreementId,
			s.applicationId,
			deliverable.id,
			s.creator.creatorId,
			s.creator.handle,
			'x',
			'00000000-0000-0000-0000-000000000000',
			"1' OR '1'='1",
			'%E2%80%AE',
			'a'.repeat(600)
		];
	}, 120_000);

	it('every answer is declared, never a 5xx, a refusal is problem+json and changes nothing', async () => {
		expect(operations.length).toBeGreaterThan(100);
		const failures: string[] = [];
		let requests = 0;
		let compared = 0;
		const answers = new Map<string, number>();
		for (const op of operations) {
			const before = JSON.stringify(await dbSnapshot());
			let onlyRefusals = true;
			// Signing out and erasing the account take no body by contract: any signed-in call ends the session, so only a guest tries them.
			const ends = op.path === '/auth/logout' || (op.path === '/me' && op.method === 'DELETE');
			const arb = fc.tuple(requestFor(op), fc.constantFrom(...(ends ? clients.slice(0, 1) : clients)), fc.array(fc.constantFrom(...ids), { minLength: 4, maxLength: 4 }));
			await fc.assert(
				fc.asyncProperty(arb, async ([sent, { name, client }, pathIds]) => {
					let i = 0;
					const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(pathIds[i++ % pathIds.length]));
					const what = `${name} ${op.method} ${path}${sent.query.slice(0, 80)} [${sent.what}]`;
					requests++;
					let res: Response;
					try {
						res = await client.call(`/api/v1${path}${sent.query}`, {
							method: op.method,
							body: op.method === 'GET' || op.method === 'HEAD' ? undefined : sent.body,
							headers: sent.contentType ? { 'content-type': sent.contentType } : {}
						});
					} catch (e) {
						failures.push(`${what}: ${(e as Error).message.slice(0, 300)}`);
						return;
					}
					const text = await res.text();
					const kind = `${res.status}`;
					answers.set(kind, (answers.get(kind) ?? 0) + 1);
					if (res.status >= 500) failures.push(`${what} → ${res.status} ${text.slice(0, 200)}`);
					if (res.status < 400) onlyRefusals = false;
					else if (!(res.headers.get('content-type') ?? '').includes('application/problem+json') || (JSON.parse(text) as { status?: number }).status !== res.status)
						failures.push(`${what} → ${res.status} is not problem+json: ${text.slice(0, 120)}`);
				}),
				{ numRuns: RUNS, seed: SEED, endOnFailure: true }
			);
			if (onlyRefusals) {
				compared++;
				if (JSON.stringify(await dbSnapshot()) !== before) failures.push(`${op.method} ${op.path}: refused requests changed the database`);
			}
		}
		const statuses = [...answers]
			.sort()
			.map(([k, n]) => `${k}×${n}`)
			.join(' ');
		console.log(`fuzz: ${requests} requests over ${operations.length} routes, seed ${SEED}, ${RUNS} runs each; answers ${statuses}; database compared after ${compared} routes answered only refusals`);
		// The run must reach past the front door: real refusals of bodies, and routes whose refusals were compared.
		expect(compared).toBeGreaterThan(operations.length / 2);
		expect(failures).toEqual([]);
	}, 600_000);
});
