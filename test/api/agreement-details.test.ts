/**
 * Sending an agreement says what is missing (issue 14, point 4): GET lists the empty required
 * fields and who fills each, POST /send answers 422 `agreement_incomplete` naming them and asks
 * the creator for their details, the creator fills their own legal identity on the draft, and
 * their profile keeps it for the next draft.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type AgreementBody, type Problem, agreementScene, count, getAgreement, snapshot, withRepresentative } from './agreements-scene';
import { brandAccount, createCampaign } from './factories';

type Missing = { field: string; party: string; label: string }[];
type Viewed = AgreementBody & { missing: Missing; canEditCreatorDetails: boolean };

const viewed = async (...args: Parameters<typeof getAgreement>) => (await getAgreement(...args)) as Viewed;

const DETAILS = { legalName: 'Nour El Houda Saidi', rcNumber: '16/00-1234567 B 19', nif: '', autoEntrepreneurCard: null };

const notices = (userId: string, kind: string) => count('SELECT count(*) AS n FROM notifications WHERE user_id = ?1 AND kind = ?2', userId, kind);
const mails = (to: string, kind: string) => count('SELECT count(*) AS n FROM outbox WHERE to_email = ?1 AND kind = ?2', to, kind);
const userIdOf = async (email: string) => (await env.DB.prepare('SELECT id FROM users WHERE email = ?1').bind(email).first<{ id: string }>())!.id;

describe('what an agreement still needs before sending', () => {
	it('GET lists every empty required field with who must fill it, in the reader’s language', async () => {
		const s = await agreementScene();
		const brand = await viewed(s.brand.client, s.agreementId);
		expect(brand.missing).toEqual([
			{ field: 'parties.brand.representative', party: 'brand', label: 'Signataire pour la marque' },
			{ field: 'parties.creator.legalName', party: 'creator', label: 'Nom légal du créateur' }
		]);
		expect(brand.canEditCreatorDetails).toBe(false);
		const creator = await viewed(s.creator.client, s.agreementId);
		expect(creator.missing.map((m) => m.field)).toEqual(['parties.brand.representative', 'parties.creator.legalName']);
		expect(creator.canEditCreatorDetails).toBe(true);
		const ar = await s.creator.client.call(`/agreements/${s.agreementId}?lang=ar`);
		expect(((await ar.json()) as { agreement: Viewed }).agreement.missing[1]).toEqual({ field: 'parties.creator.legalName', party: 'creator', label: 'الاسم القانوني لصانع المحتوى' });
	});

	it('send with fields missing: 422 agreement_incomplete naming each and who fills it; the agreement is untouched and the creator is asked once a day', async () => {
		const s = await agreementScene({ brandName: 'Atelier Lina Tlemcen' });
		const creatorUser = await userIdOf(s.creator.email);
		const before = await snapshot(s.agreementId);
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' });
		expect(res.status).toBe(422);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		const body = (await res.json()) as Problem;
		expect(body).toMatchObject({ code: 'agreement_incomplete', status: 422 });
		expect(body.errors).toEqual([
			{ path: 'terms.parties.brand.representative', message: 'Signataire pour la marque\u00a0: à compléter par la marque' },
			{ path: 'terms.parties.creator.legalName', message: 'Nom légal du créateur\u00a0: à compléter par le créateur' }
		]);
		expect((await snapshot(s.agreementId)).slice(0, -1)).toEqual(before.slice(0, -1));
		expect((await viewed(s.brand.client, s.agreementId)).status).toBe('draft');
		// The creator hears of it in the app and by email, once however often the brand tries.
		expect(await notices(creatorUser, 'agreement_details_needed')).toBe(1);
		expect(await mails(s.creator.email, 'agreement_details_needed')).toBe(1);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(422);
		expect(await notices(creatorUser, 'agreement_details_needed')).toBe(1);
		expect(await mails(s.creator.email, 'agreement_details_needed')).toBe(1);
		const inbox = (await (await s.creator.client.call('/notifications')).json()) as { notifications: { kind: string; category: string; payload: Record<string, unknown> }[] };
		expect(inbox.notifications.find((n) => n.kind === 'agreement_details_needed')).toMatchObject({
			category: 'signing',
			payload: { agreementId: s.agreementId, brandName: 'Atelier Lina Tlemcen', campaignTitle: 'Sérum éclat' }
		});
		const mail = await env.DB.prepare("SELECT subject, text FROM outbox WHERE to_email = ?1 AND kind = 'agreement_details_needed'").bind(s.creator.email).first<{ subject: string; text: string }>();
		expect(mail!.text).toContain(`/agreements/${s.agreementId}#creator-details`);
	});

	it('only the brand’s fields missing: 422 without asking the creator anything', async () => {
		const s = await agreementScene();
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS })).status).toBe(200);
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' });
		expect(res.status).toBe(422);
		expect(((await res.json()) as Problem).errors!.map((e) => e.path)).toEqual(['terms.parties.brand.representative']);
		expect(await notices(await userIdOf(s.creator.email), 'agreement_details_needed')).toBe(0);
	});
});

describe('PUT /agreements/:id/creator-details', () => {
	it('the creator’s details become a version they propose; the brand can then send', async () => {
		const s = await agreementScene();
		const a = await viewed(s.brand.client, s.agreementId);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms) } })).status).toBe(200);
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: { ...DETAILS, remember: false } });
		expect(res.status).toBe(200);
		const after = ((await res.json()) as { agreement: Viewed }).agreement;
		expect(after.version).toBe(3);
		expect(after.versions.at(-1)).toMatchObject({ version: 3, authorParty: 'creator', note: 'Identité légale complétée par le créateur' });
		expect(after.terms.parties.creator).toMatchObject({ legalName: 'Nour El Houda Saidi', rcNumber: '16/00-1234567 B 19', nif: null, autoEntrepreneurCard: null });
		expect(after.missing).toEqual([]);
		// Everything else is as the brand left it.
		expect({ ...after.terms, parties: null }).toEqual({ ...withRepresentative(a.terms), parties: null });
		// The same details again add no version.
		const again = await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: { ...DETAILS, remember: false } });
		expect(((await again.json()) as { agreement: Viewed }).agreement.version).toBe(3);
		// remember: false keeps nothing on the profile.
		expect(((await (await s.creator.client.call('/creators/me')).json()) as { creator: { legalDetails: unknown } }).creator.legalDetails).toBeNull();
		const sent = await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' });
		expect(sent.status).toBe(200);
	});

	it('bad details are 400 with field errors and change nothing', async () => {
		const s = await agreementScene();
		const before = await snapshot(s.agreementId);
		const cases: [Record<string, unknown>, string][] = [
			[{ legalName: '' }, 'legalName'],
			[{ legalName: 'A\nB' }, 'legalName'],
			[{ legalName: 'Nour', nif: '12' }, 'nif'],
			[{ legalName: 'Nour', rcNumber: '#' }, 'rcNumber'],
			[{ legalName: 'Nour', autoEntrepreneurCard: '!' }, 'autoEntrepreneurCard'],
			[{ legalName: 'Nour', surprise: 1 }, 'surprise']
		];
		for (const [json, path] of cases) {
			const res = await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json });
			expect(res.status, path).toBe(400);
			expect(
				((await res.json()) as Problem).errors!.map((e) => e.path),
				path
			).toContain(path);
		}
		expect(await snapshot(s.agreementId)).toEqual(before);
	});

	it('404 for the brand and for anyone else, 409 once sent, 401 without a session', async () => {
		const s = await agreementScene();
		const stranger = await brandAccount('Autre marque');
		for (const client of [s.brand.client, stranger.client]) {
			const res = await client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS });
			expect(res.status).toBe(404);
		}
		const other = await agreementScene({ creatorName: 'Sara Oran' });
		expect((await other.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS })).status).toBe(404);
		const { Client } = await import('./helpers');
		expect((await new Client().call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS })).status).toBe(401);

		const a = await viewed(s.brand.client, s.agreementId);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms) } })).status).toBe(200);
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS })).status).toBe(200);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(200);
		const before = await snapshot(s.agreementId);
		const late = await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: { ...DETAILS, legalName: 'Autre Nom' } });
		expect(late.status).toBe(409);
		expect(((await late.json()) as Problem).code).toBe('invalid_state');
		expect(await snapshot(s.agreementId)).toEqual(before);
		expect((await viewed(s.creator.client, s.agreementId)).canEditCreatorDetails).toBe(false);
	});
});

describe('the creator’s profile keeps their legal details', () => {
	it('PUT /creators/me/legal-details, GET /creators/me returns them, and the next draft starts with them', async () => {
		const s = await agreementScene();
		const me = async () => ((await (await s.creator.client.call('/creators/me')).json()) as { creator: { legalDetails: unknown } }).creator.legalDetails;
		expect(await me()).toBeNull();
		const bad = await s.creator.client.call('/creators/me/legal-details', { method: 'PUT', json: { legalName: ' ', nif: 'abc' } });
		expect(bad.status).toBe(400);
		expect(await me()).toBeNull();
		const res = await s.creator.client.call('/creators/me/legal-details', { method: 'PUT', json: { legalName: '  Nour Saidi ', nif: '0016 1234 5678 901', rcNumber: '' } });
		expect(res.status).toBe(200);
		const kept = { legalName: 'Nour Saidi', rcNumber: null, nif: '0016 1234 5678 901', autoEntrepreneurCard: null };
		expect(await res.json()).toEqual({ legalDetails: kept });
		expect(await me()).toEqual(kept);
		// A brand may not write there.
		expect((await s.brand.client.call('/creators/me/legal-details', { method: 'PUT', json: { legalName: 'X Y' } })).status).toBe(403);

		// A new application accepted by another brand: the draft is prefilled.
		const brand2 = await brandAccount('Savonnerie Kabyle');
		const campaignId = await createCampaign(env, { brandId: brand2.brandId, title: 'Savon olive', formats: ['reel'] });
		const applied = await s.creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel sur le savon à l’huile d’olive de Kabylie.', feeDzd: 20000, formats: ['reel'] } });
		expect(applied.status).toBe(201);
		const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
		const accepted = await brand2.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
		const draft = await viewed(brand2.client, ((await accepted.json()) as { agreement: { id: string } }).agreement.id);
		expect(draft.terms.parties.creator).toMatchObject(kept);
		expect(draft.missing.map((m) => m.field)).toEqual(['parties.brand.representative']);
	});

	it('filling a draft’s details with remember (the default) keeps them on the profile', async () => {
		const s = await agreementScene();
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/creator-details`, { method: 'PUT', json: DETAILS })).status).toBe(200);
		const me = (await (await s.creator.client.call('/creators/me')).json()) as { creator: { legalDetails: unknown } };
		expect(me.creator.legalDetails).toEqual({ legalName: 'Nour El Houda Saidi', rcNumber: '16/00-1234567 B 19', nif: null, autoEntrepreneurCard: null });
	});
});
