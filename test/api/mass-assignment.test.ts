/**
 * Mass assignment (issue 15, point 1): fields a client must not set — a status, another
 * party's id (`brandId`, `creatorId`, `userId`), an object's `id`, amounts it does not own,
 * timestamps — are refused (400, nothing changes) or ignored (never stored), on every route
 * that takes a body. The routes come from the router (test/api/api-routes.ts) and the bodies
 * the owner would send from the isolation matrix (test/api/isolation-matrix.ts), so a new
 * route with a body is covered the day it lands.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Operation, type Schema, apiOperations } from './api-routes';
import { MATRIX, type World, buildWorld } from './isolation-matrix';
import { changedTables, dbSnapshot, dbText } from './db-snapshot';
import { Client, uniqueEmail } from './helpers';
import { agreementScene, getAgreement, type Terms } from './agreements-scene';
import { PNG_BYTES } from './deliverable-fixtures';

/** Fields no client sets, with values that would show if they were stored. */
const FORBIDDEN: Record<string, unknown> = {
	id: 'ffffffff-0000-4000-8000-00000000feed',
	status: 'massassigned',
	brandId: 'ffffffff-0000-4000-8000-00000000b0b0',
	creatorId: 'ffffffff-0000-4000-8000-00000000c0c0',
	userId: 'ffffffff-0000-4000-8000-00000000d0d0',
	role: 'admin',
	amountDzd: 987_654_321,
	feeDzd: 987_654_321,
	version: 987_654,
	createdAt: '2001-02-03T04:05:06.000Z',
	updatedAt: '2001-02-03T04:05:06.000Z',
	publishedAt: '2001-02-03T04:05:06.000Z',
	signedAt: '2001-02-03T04:05:06.000Z',
	paidAt: '2001-02-03T04:05:06.000Z',
	approvedAt: '2001-02-03T04:05:06.000Z'
};

/**
 * Routes whose body declares one of those names, on purpose: the schema validates it and the
 * service checks it against what the caller owns. A new one must be added here with its reason.
 */
const DECLARED: Record<string, string> = {
	'POST /auth/register role': 'brand or creator (a picklist): admins are only made by npm run admin:create — checked below',
	'PUT /me/brand brandId': 'a brand the caller belongs to; another brand is 404 — checked below',
	'POST /campaigns/{id}/applications feeDzd': 'the fee the creator asks for: theirs to set',
	'POST /campaigns/{id}/conversions creatorId': 'one of the campaign’s creators, picked by the staff; another is refused — checked below',
	'POST /campaigns/{id}/conversions amountDzd': 'the amount of the brand’s own sale',
	'POST /campaigns/{id}/intentions creatorId': 'one of the campaign’s creators; another is refused',
	'POST /deliverables/{id}/publication publishedAt': 'when the creator posted: checked against the signature and the clock',
	'POST /campaigns/{id}/invitations creatorId': 'the creator the brand invites to apply',
	'POST /me/passkeys response.id': 'the credential id the authenticator made: @simplewebauthn/server checks it equals rawId, and a credential id already registered is 409 — test/api/passkeys.test.ts',
	'POST /auth/login/passkey response.id':
		'the credential id the authenticator made: @simplewebauthn/server checks it equals rawId, and a sign-in or re-authentication finds it only among the caller’s own passkeys (another account’s is 400) — test/api/passkeys.test.ts',
	'POST /auth/reauth passkey.id':
		'the credential id the authenticator made: @simplewebauthn/server checks it equals rawId, and a sign-in or re-authentication finds it only among the caller’s own passkeys (another account’s is 400) — test/api/passkeys.test.ts'
};

/**
 * Objects in a body that are not closed (strict) in the route's schema, and what checks them
 * instead. A new loose object must be added here with its reason.
 */
const LOOSE: Record<string, string> = {
	'PUT /creators/me audience.wilayas': 'a record: its keys are wilaya codes, its values shares (worker/routes/creators.types.ts)',
	'PATCH /agreements/{id} terms': 'read by agreementTermsSchema, strict at every level (worker/domain/agreement-terms.ts) — checked below',
	'POST /agreements/{id}/proposals terms': 'read by agreementTermsSchema, strict at every level (worker/domain/agreement-terms.ts)',
	'POST /me/passkeys response.clientExtensionResults': 'WebAuthn extension outputs the browser reports: never read nor stored (worker/services/passkeys.ts)',
	'POST /auth/login/passkey response.clientExtensionResults': 'WebAuthn extension outputs the browser reports: never read nor stored (worker/services/passkeys.ts)',
	'POST /auth/reauth passkey.clientExtensionResults': 'WebAuthn extension outputs the browser reports: never read nor stored (worker/services/passkeys.ts)'
};

const operations = apiOperations();

/** Paths of the objects in a schema that accept unknown keys, and the declared names among FORBIDDEN. */
function walk(schema: Schema | undefined, path: string, loose: string[], declared: string[]) {
	if (!schema || typeof schema !== 'object') return;
	const s = schema as Schema & { additionalProperties?: unknown };
	if (s.type === 'object' || s.properties) {
		if (s.additionalProperties !== false) loose.push(path || '(body)');
		for (const [k, v] of Object.entries(s.properties ?? {})) {
			const at = path ? `${path}.${k}` : k;
			if (k in FORBIDDEN) declared.push(at);
			walk(v, at, loose, declared);
		}
	}
	if (s.items) walk(s.items, `${path}[]`, loose, declared);
	for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(alt, path, loose, declared);
}

function ownerOf(op: Operation, w: World): Client {
	if (op.auth === 'public') return new Client();
	if (op.auth === 'admin') return w.admin;
	if (op.auth === 'creator' || MATRIX[op.key]?.onlyRole === 'creator') return w.creator.client;
	return w.brand.client;
}

const jsonRoutes = operations.filter((op) => op.jsonSchema);

describe('mass assignment', () => {
	it('every JSON body is closed at every level, and names a forbidden field only on purpose', () => {
		const problems: string[] = [];
		for (const op of jsonRoutes) {
			const loose: string[] = [];
			const declared: string[] = [];
			walk(op.jsonSchema, '', loose, declared);
			for (const l of loose) if (!LOOSE[`${op.key} ${l}`]) problems.push(`${op.key}: ${l} accepts unknown fields`);
			for (const d of declared) if (!DECLARED[`${op.key} ${d}`]) problems.push(`${op.key}: the body declares ${d}; say why a client may set it (DECLARED)`);
		}
		for (const key of [...Object.keys(LOOSE), ...Object.keys(DECLARED)]) {
			if (!jsonRoutes.some((op) => key.startsWith(`${op.key} `))) problems.push(`${key}: not a route with a JSON body`);
		}
		expect(problems).toEqual([]);
	});

	describe('as the owner would send it', () => {
		let w: World;
		beforeAll(async () => {
			w = await buildWorld();
		}, 120_000);

		it.each(jsonRoutes.map((op) => [op.key, op] as const))('%s refuses the fields it does not declare and changes nothing', async (_key, op) => {
			const declared = new Set(Object.keys(op.jsonSchema?.properties ?? {}));
			const extra = Object.fromEntries(Object.entries(FORBIDDEN).filter(([k]) => !declared.has(k)));
			const own = (MATRIX[op.key]?.body?.(w).json ?? {}) as Record<string, unknown>;
			const ids = MATRIX[op.key]?.ids?.(w) ?? {};
			const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]));
			const headers: Record<string, string> = op.idempotent ? { 'idempotency-key': crypto.randomUUID() } : {};
			const before = await dbSnapshot();
			const client = ownerOf(op, w);
			const unnamed: string[] = [];
			// One field per request: a closed object names the first unknown field it meets.
			for (const [field, value] of Object.entries(extra)) {
				const res = await client.call(`/api/v1${path}`, { method: op.method, json: { ...own, [field]: value }, headers });
				const problem = (await res.json()) as { code: string; errors?: { path: string; message: string }[] };
				if (res.status !== 400 || problem.code !== 'invalid_request' || !problem.errors?.some((e) => e.path === field && e.message === 'Champ inconnu.'))
					unnamed.push(`${field} → ${res.status} ${JSON.stringify(problem).slice(0, 200)}`);
			}
			expect(unnamed, 'each forbidden field is refused by name').toEqual([]);
			expect(changedTables(before, await dbSnapshot())).toEqual([]);
		});

		it('a brand cannot switch into a brand it does not belong to', async () => {
			const before = await dbSnapshot();
			const res = await w.strangers.brand.client.call('/me/brand', { method: 'PUT', json: { brandId: w.brand.brandId } });
			expect(res.status).toBe(404);
			expect(changedTables(before, await dbSnapshot())).toEqual([]);
			const me = (await (await w.strangers.brand.client.call('/me')).json()) as { brand: { id: string } };
			expect(me.brand.id).not.toBe(w.brand.brandId);
		});

		it('multipart uploads read only their declared fields: the others are never stored', async () => {
			const forms: [string, string, Client][] = [
				['POST', '/creators/me/screenshots', w.creator.client],
				['POST', `/campaigns/${w.campaignId}/offer-products`, w.brand.client],
				['POST', `/deliverables/${w.storyId}/submissions`, w.creator.client],
				['POST', `/payouts/${w.payoutId}/proof`, w.brand.client]
			];
			// Every multipart route of the router is in the list.
			expect(operations.filter((op) => op.contentTypes.includes('multipart/form-data')).map((op) => op.key)).toEqual([
				'POST /creators/me/screenshots',
				'POST /campaigns/{id}/offer-products',
				'POST /deliverables/{id}/submissions',
				'POST /payouts/{id}/proof'
			]);
			const answers: number[] = [];
			for (const [method, path, client] of forms) {
				const form = new FormData();
				form.append('name', 'Sérum éclat');
				form.append('priceDzd', '2500');
				form.append('note', 'Version 1');
				for (const [k, v] of Object.entries(FORBIDDEN)) form.append(k, String(v));
				form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), 'photo.png');
				const res = await client.call(`/api/v1${path}`, { method, body: form });
				answers.push(res.status);
				await res.arrayBuffer();
			}
			// The uploads went through (the fields were ignored, not the request refused)...
			expect(answers.filter((s) => s < 300).length).toBeGreaterThanOrEqual(3);
			// ...and none of the values is anywhere in D1.
			const text = await dbText();
			for (const [k, v] of Object.entries(FORBIDDEN)) if (k !== 'role') expect(text.includes(String(v)), `${k} stored`).toBe(false);
		});
	});

	describe('fields declared on purpose are checked against what the caller owns', () => {
		it('sign-up cannot make an admin', async () => {
			const email = uniqueEmail('admin');
			const before = await dbSnapshot();
			const res = await new Client().call('/auth/register', { json: { email, password: 'motdepasse-sur', role: 'admin', name: 'Moi' } });
			expect(res.status).toBe(400);
			expect(changedTables(before, await dbSnapshot())).toEqual([]);
		});

		it('agreement terms: a status or another campaign inside them is refused, the stored terms unaffected', async () => {
			const s = await agreementScene();
			const a = await getAgreement(s.brand.client, s.agreementId);
			const terms = a.terms as Terms & { campaign: { id: string } };
			const before = await dbSnapshot();
			for (const bad of [
				{ ...terms, status: 'signed' },
				{ ...terms, fee: { ...terms.fee, paidAt: FORBIDDEN.paidAt } },
				{ ...terms, parties: { ...terms.parties, brand: { ...terms.parties.brand, id: FORBIDDEN.brandId } } }
			]) {
				const res = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: bad } });
				expect(res.status, await res.clone().text()).toBe(400);
			}
			const moved = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: { ...terms, campaign: { ...terms.campaign, id: crypto.randomUUID() } } } });
			expect(moved.status).toBeGreaterThanOrEqual(400);
			expect(moved.status).toBeLessThan(500);
			expect(changedTables(before, await dbSnapshot())).toEqual([]);
			expect((await getAgreement(s.brand.client, s.agreementId)).terms).toEqual(a.terms);
			const row = await env.DB.prepare('SELECT campaign_id FROM agreements WHERE id = ?1').bind(s.agreementId).first<{ campaign_id: string }>();
			expect(row!.campaign_id).toBe(s.campaignId);
		}, 60_000);
	});
});
