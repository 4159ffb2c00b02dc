/** Consent at sign-up and data rights (issue 15, point 6): what was accepted, when, and where the data lives. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LEGAL_DOCUMENTS } from '../../worker/domain/legal';
import { Client, signUp, uniqueEmail } from './helpers';

interface ConsentOut {
	documents: {
		document: string;
		currentVersion: string;
		effective: string;
		path: string;
		accepted: { version: string; acceptedAt: string; locale: string; source: string } | null;
		reacceptDue: boolean;
	}[];
	accepted: { document: string; version: string; acceptedAt: string; locale: string; source: string }[];
}

/** Row counts a refused sign-up must leave as they were. */
async function counts() {
	const tables = ['users', 'user_consents', 'brands', 'brand_members', 'creators', 'sessions', 'rate_limits'];
	const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM ${t}`)));
	return Object.fromEntries(tables.map((t, i) => [t, (rows[i].results[0] as { n: number }).n]));
}

async function register(body: Record<string, unknown>) {
	const client = new Client();
	const res = await client.call('/auth/register', { json: { email: uniqueEmail('consent'), password: 'motdepasse-sur', role: 'creator', name: 'Sara Tlemcen', ...body } });
	return { client, res };
}

describe('consent at sign-up', () => {
	it('records the current terms and privacy notice accepted with the box, with time, language and source', async () => {
		const before = Date.now();
		const { client, res } = await register({ acceptTerms: true, locale: 'ar' });
		expect(res.status).toBe(201);
		const consent = (await (await client.call('/me/consent')).json()) as ConsentOut;
		expect(consent.accepted.map((a) => [a.document, a.version, a.locale, a.source]).sort()).toEqual([
			['privacy', LEGAL_DOCUMENTS.privacy.version, 'ar', 'web'],
			['terms', LEGAL_DOCUMENTS.terms.version, 'ar', 'web']
		]);
		for (const a of consent.accepted) {
			expect(a.acceptedAt).toMatch(/Z$/);
			expect(Date.parse(a.acceptedAt)).toBeGreaterThanOrEqual(before - 1000);
		}
		expect(consent.documents).toEqual([
			expect.objectContaining({ document: 'terms', currentVersion: LEGAL_DOCUMENTS.terms.version, path: '/legal/terms', reacceptDue: false, accepted: expect.objectContaining({ source: 'web' }) }),
			expect.objectContaining({ document: 'privacy', currentVersion: LEGAL_DOCUMENTS.privacy.version, path: '/legal/privacy', reacceptDue: false })
		]);
	});

	it('an API client without acceptTerms keeps working: the current versions are recorded with source api', async () => {
		const { client, user } = await signUp({ role: 'brand', name: 'Boutique Sans Case' });
		expect(user.name).toBe('Boutique Sans Case');
		const consent = (await (await client.call('/me/consent')).json()) as ConsentOut;
		expect(consent.accepted.map((a) => `${a.document}:${a.source}`).sort()).toEqual(['privacy:api', 'terms:api']);
		expect(consent.documents.every((d) => !d.reacceptDue)).toBe(true);
	});

	it('acceptTerms false is a 422 problem naming the field, and nothing is created or counted', async () => {
		const before = await counts();
		const { res } = await register({ acceptTerms: false });
		expect(res.status).toBe(422);
		expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
		const body = (await res.json()) as { code: string; detail: string; errors: { path: string; message: string }[] };
		expect(body.code).toBe('unprocessable');
		expect(body.errors).toEqual([{ path: 'acceptTerms', message: expect.stringMatching(/conditions d’utilisation/) }]);
		expect(res.headers.get('set-cookie')).toBeNull();
		expect(await counts()).toEqual(before);
	});

	it('the refusal is in the caller’s language', async () => {
		const client = new Client();
		const res = await client.call('/auth/register', {
			json: { email: uniqueEmail('consent'), password: 'motdepasse-sur', role: 'creator', name: 'Sara', acceptTerms: false },
			headers: { 'accept-language': 'en' }
		});
		expect(res.status).toBe(422);
		expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Tick this box to accept the terms of use and the privacy notice.');
	});

	it('acceptTerms that is not a boolean is a 400 and nothing is created', async () => {
		const before = await counts();
		const { res } = await register({ acceptTerms: 'on' });
		expect(res.status).toBe(400);
		expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['acceptTerms']);
		expect(await counts()).toEqual(before);
	});

	it('tells when re-acceptance is due: a user who accepted an older version', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Ancienne Version' });
		await env.DB.prepare("UPDATE user_consents SET version = '2025-01-15' WHERE user_id = ?1 AND document = 'privacy'").bind(user.id).run();
		const consent = (await (await client.call('/me/consent')).json()) as ConsentOut;
		const privacy = consent.documents.find((d) => d.document === 'privacy')!;
		expect(privacy).toMatchObject({ currentVersion: LEGAL_DOCUMENTS.privacy.version, reacceptDue: true, accepted: { version: '2025-01-15' } });
		expect(consent.documents.find((d) => d.document === 'terms')!.reacceptDue).toBe(false);
	});

	it('requires a session', async () => {
		expect((await new Client().call('/me/consent')).status).toBe(401);
	});
});

describe('the export shows consent and where the data is stored', () => {
	it('lists the accepted versions, the current documents, the storage places and what erasure keeps', async () => {
		const { client } = await register({ acceptTerms: true, locale: 'fr' });
		const data = (await (await client.call('/me/export')).json()) as {
			consents: { document: string; version: string; source: string; acceptedAt: string }[];
			legalDocuments: Record<string, { version: string }>;
			storage: { service: string; name: string; region: string }[];
			keptAfterErasure: { what: string; retentionYears: number }[];
		};
		expect(data.consents.map((c) => `${c.document}@${c.version}:${c.source}`).sort()).toEqual([`privacy@${LEGAL_DOCUMENTS.privacy.version}:web`, `terms@${LEGAL_DOCUMENTS.terms.version}:web`]);
		expect(data.legalDocuments.terms.version).toBe(LEGAL_DOCUMENTS.terms.version);
		expect(data.storage.map((s) => s.service)).toEqual(['Cloudflare D1', 'Cloudflare R2', 'SMTP mail provider']);
		expect(data.storage[1]).toMatchObject({ name: 'wasla-files' });
		// The mail provider is the SMTP server this deployment delivers to (the tests' own).
		expect(data.storage[2].name).toBe('127.0.0.1');
		expect(data.keptAfterErasure.some((k) => /consents/.test(k.what))).toBe(true);
	});

	it('erasure keeps the consents, tied to the pseudonymised account', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Nadia Oran' });
		expect((await client.call('/me', { method: 'DELETE' })).status).toBe(202);
		const rows = (await env.DB.prepare('SELECT document, version FROM user_consents WHERE user_id = ?1 ORDER BY document').bind(user.id).all()).results;
		expect(rows).toEqual([
			{ document: 'privacy', version: LEGAL_DOCUMENTS.privacy.version },
			{ document: 'terms', version: LEGAL_DOCUMENTS.terms.version }
		]);
		expect(await env.DB.prepare('SELECT email FROM users WHERE id = ?1').bind(user.id).first()).toEqual({ email: `deleted-${user.id}@deleted.invalid` });
	});
});
