/**
 * Issue 9, point 10: single-line text is single-line, and no field can add an email header.
 * Refusals are whole problem bodies and write nothing; multi-line fields keep their line breaks.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { queueEmailStatement } from '../../worker/services/outbox';
import { agreementScene, count, getAgreement, outbox, withRepresentative } from './agreements-scene';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client, signUp, uniqueEmail } from './helpers';

const SINGLE_LINE = 'Ce champ tient sur une ligne : retours à la ligne, tabulations et caractères de contrôle ou invisibles ne sont pas acceptés.';
const CONTROL_CHARS = 'Ce texte contient des caractères de contrôle invisibles (caractère nul, forçage du sens d’écriture…) : retapez-le sans les copier.';
const INJECTION = 'Soldes d’été\r\nBcc: x@evil.dz';

const invalid = (errors: { path: string; message: string }[], detail = 'Certains champs sont invalides.') => ({
	type: 'about:blank',
	title: 'Invalid request',
	status: 400,
	code: 'invalid_request',
	detail,
	errors,
	requestId: expect.any(String)
});

async function expectRefused(res: Response, errors: { path: string; message: string }[], detail?: string) {
	expect(res.status).toBe(400);
	expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	expect(await res.json()).toEqual(invalid(errors, detail));
}

/** Names that must not pass as one line: a line break, a control, a bidi override, a zero-width character… */
const NOT_ONE_LINE: [string, string][] = [
	['CRLF + header', 'Boutique\r\nBcc: x@evil.dz'],
	['LF', 'Boutique\nYasmine'],
	['CR', 'Boutique\rYasmine'],
	['TAB', 'Boutique\tYasmine'],
	['NUL', 'Boutique\u0000Yasmine'],
	['DEL', 'Boutique\u007FYasmine'],
	['NEL (C1)', 'Boutique\u0085Yasmine'],
	['line separator', 'Boutique\u2028Yasmine'],
	['paragraph separator', 'Boutique\u2029Yasmine'],
	['right-to-left override', '\u202EenimsaY euqituoB'],
	['left-to-right embedding', 'Boutique \u202AYasmine'],
	['first-strong isolate', 'Boutique \u2068Yasmine\u2069'],
	['zero-width space', 'Bou\u200Btique'],
	['word joiner', 'Bou\u2060tique'],
	['BOM inside', 'Bou\uFEFFtique'],
	['lone surrogate', 'Boutique \uD800']
];

describe('POST /brands: a new brand’s name is one line', () => {
	it('refuses a name that would carry a header, and creates no brand', async () => {
		const { client } = await signUp({ role: 'brand', name: 'Boutique Yasmine' });
		const brands = () => count('SELECT count(*) AS n FROM brands');
		const before = await brands();
		const res = await client.call('/brands', { json: { name: INJECTION } });
		await expectRefused(res, [{ path: 'name', message: SINGLE_LINE }]);
		expect(await brands()).toBe(before);
	});
});

describe('POST /auth/register: the name is one line', () => {
	const users = () => count('SELECT count(*) AS n FROM users');
	for (const [what, name] of NOT_ONE_LINE) {
		it(`refuses ${what}`, async () => {
			const before = await users();
			const res = await new Client().call('/auth/register', { json: { email: uniqueEmail('sl'), password: 'motdepasse-sur', role: 'brand', name } });
			await expectRefused(res, [{ path: 'name', message: SINGLE_LINE }]);
			expect(await users()).toBe(before);
		});
	}

	it('answers in the caller’s language', async () => {
		const body = { email: uniqueEmail('sl'), password: 'motdepasse-sur', role: 'creator', name: 'Nour\nBeauty' };
		const ar = await new Client().call('/auth/register', { json: body, headers: { 'accept-language': 'ar' } });
		expect(((await ar.json()) as { errors: unknown[] }).errors).toEqual([{ path: 'name', message: 'هذا الحقل سطر واحد: لا تُقبل فواصل الأسطر ولا علامات الجدولة ولا المحارف الخفية أو محارف التحكم.' }]);
		const en = await new Client().call('/api/v1/auth/register?lang=en', { json: body });
		expect(((await en.json()) as { errors: unknown[] }).errors).toEqual([
			{ path: 'name', message: 'This field is a single line: line breaks, tabs and control or invisible characters are not accepted.' }
		]);
	});

	it('keeps emoji joiners, Persian non-joiners and Arabic direction marks; trims surrounding line breaks', async () => {
		for (const [name, stored] of [
			['Nour 👩‍🍳 Cuisine', 'Nour 👩‍🍳 Cuisine'],
			['متجر\u200F 3G', 'متجر\u200F 3G'],
			['خانه\u200Cی نور', 'خانه\u200Cی نور'],
			['\r\n  Boutique Yasmine \n', 'Boutique Yasmine']
		]) {
			const s = await signUp({ role: 'brand', name });
			expect(s.user.name).toBe(stored);
		}
	});
});

describe('campaigns: the title and the brief lines are one line; offer and angle may span lines', () => {
	const body = (over: Record<string, unknown> = {}) => ({ title: 'Soldes d’été', objective: 'whatsapp_sales', ...over });
	const campaignsOf = (brandId: string) => count('SELECT count(*) AS n FROM campaigns WHERE brand_id = ?1', brandId);

	it('refuses a title carrying "\\r\\nBcc: …" with 400 and creates nothing (the issue’s case)', async () => {
		const brand = await brandAccount();
		const res = await brand.client.call('/campaigns', { json: body({ title: INJECTION }) });
		await expectRefused(res, [{ path: 'title', message: SINGLE_LINE }]);
		expect(await campaignsOf(brand.brandId)).toBe(0);
	});

	it('refuses the same edit, and the stored title stays', async () => {
		const brand = await brandAccount();
		const created = await brand.client.call('/campaigns', { json: body() });
		expect(created.status).toBe(201);
		const { campaign } = (await created.json()) as { campaign: { id: string } };
		const res = await brand.client.call(`/campaigns/${campaign.id}`, { method: 'PATCH', json: { title: 'Soldes\u202E ète' } });
		await expectRefused(res, [{ path: 'title', message: SINGLE_LINE }]);
		const row = await env.DB.prepare('SELECT title FROM campaigns WHERE id = ?1').bind(campaign.id).first<{ title: string }>();
		expect(row!.title).toBe('Soldes d’été');
	});

	it('a brief line is one line; the offer and angle keep their line breaks but not a NUL or an override', async () => {
		const brand = await brandAccount();
		await expectRefused(await brand.client.call('/campaigns', { json: body({ brief: { keyMessages: ['SPF 50', 'sans\ttraces'] } }) }), [{ path: 'brief.keyMessages.1', message: SINGLE_LINE }]);
		await expectRefused(await brand.client.call('/campaigns', { json: body({ offer: 'Pack -20 %\u0000' }) }), [{ path: 'offer', message: CONTROL_CHARS }]);
		await expectRefused(await brand.client.call('/campaigns', { json: body({ brief: { angle: 'Une journée\u202E à la plage' } }) }), [{ path: 'brief.angle', message: CONTROL_CHARS }]);
		expect(await campaignsOf(brand.brandId)).toBe(0);

		const ok = await brand.client.call('/campaigns', { json: body({ offer: 'Pack écran solaire\r\nLivraison 58 wilayas', brief: { angle: 'Une journée\nà la plage' } }) });
		expect(ok.status).toBe(201);
		const { campaign } = (await ok.json()) as { campaign: { offer: string; brief: { angle: string } } };
		expect(campaign.offer).toBe('Pack écran solaire\r\nLivraison 58 wilayas');
		expect(campaign.brief.angle).toBe('Une journée\nà la plage');
	});
});

describe('creators: display name, post refs and screenshot notes are one line; the bio may span lines', () => {
	const profile = (over: Record<string, unknown> = {}) => ({ displayName: 'Nour Beauty', wilaya: '16', niches: ['beauty'], ...over });

	it('PUT /creators/me refuses a display name with a line break and keeps the stored one', async () => {
		const c = await creatorAccount(env, 'Nour Beauty');
		await expectRefused(await c.client.call('/creators/me', { method: 'PUT', json: profile({ displayName: 'Nour\r\nBcc: x@evil.dz' }) }), [{ path: 'displayName', message: SINGLE_LINE }]);
		await expectRefused(await c.client.call('/creators/me', { method: 'PUT', json: profile({ bio: 'Beauté\n\u202Eà petit prix' }) }), [{ path: 'bio', message: CONTROL_CHARS }]);
		const row = await env.DB.prepare('SELECT display_name, bio FROM creators WHERE id = ?1').bind(c.creatorId).first<{ display_name: string; bio: string | null }>();
		expect(row!.display_name).toBe('Nour Beauty');
		const ok = await c.client.call('/creators/me', { method: 'PUT', json: profile({ bio: 'Makeup à petit prix 💄\nAlger' }) });
		expect(ok.status).toBe(200);
	});

	it('POST /creators/me/posts refuses a ref with a line break, in JSON and in CSV; a screenshot note is one line', async () => {
		const c = await creatorAccount(env, 'Nour Beauty');
		const post = { ref: 'https://instagram.com/p/1\r\nx', format: 'reel', postedAt: '2026-01-10', views: 100, likes: 10, comments: 1 };
		await expectRefused(await c.client.call('/creators/me/posts', { json: { platform: 'instagram', posts: [post] } }), [{ path: 'posts.0.ref', message: SINGLE_LINE }]);
		expect(await count('SELECT count(*) AS n FROM posts WHERE creator_id = ?1', c.creatorId)).toBe(0);

		const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
		const csv = `platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored\ninstagram,"https://instagram.com/p/2\r\nx",reel,${day},100,80,10,1,0,0,false\n`;
		const res = await c.client.call('/creators/me/posts', { body: csv, headers: { 'content-type': 'text/csv' } });
		expect(res.status).toBe(422);
		expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([expect.objectContaining({ column: 'ref', message: SINGLE_LINE })]);
		expect(await count('SELECT count(*) AS n FROM posts WHERE creator_id = ?1', c.creatorId)).toBe(0);

		const form = new FormData();
		form.append('note', 'stories\ndu 20/11');
		await expectRefused(await c.client.call('/creators/me/screenshots', { body: form }), [{ path: 'note', message: SINGLE_LINE }]);
	});
});

describe('applications and messages: multi-line, without controls or overrides', () => {
	it('a pitch keeps its line breaks; a NUL or an override is refused and nothing is written', async () => {
		const brand = await brandAccount();
		const campaignId = await createCampaign(env, { brandId: brand.brandId });
		const creator = await creatorAccount(env, 'Nour Beauty');
		const apply = (pitch: string) => creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 25000, formats: ['reel'] } });
		await expectRefused(await apply('Mon audience\u202E à Blida adore les soins.'), [{ path: 'pitch', message: CONTROL_CHARS }]);
		await expectRefused(await apply('Mon audience à Blida\u0000 adore les soins.'), [{ path: 'pitch', message: CONTROL_CHARS }]);
		expect(await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1', campaignId)).toBe(0);

		const ok = await apply('Bonjour,\r\nMon audience à Blida adore les soins.\r\n- un reel');
		expect(ok.status).toBe(201);
		const { application } = (await ok.json()) as { application: { id: string; pitch: string } };
		expect(application.pitch).toBe('Bonjour,\r\nMon audience à Blida adore les soins.\r\n- un reel');

		await expectRefused(await brand.client.call(`/applications/${application.id}/messages`, { json: { body: 'Merci\u0007 !' } }), [{ path: 'body', message: CONTROL_CHARS }]);
		expect(await count('SELECT count(*) AS n FROM application_messages WHERE application_id = ?1', application.id)).toBe(0);
	});
});

describe('agreements: parties’ names and the typed signer name are one line', () => {
	it('PATCH refuses a legal name or representative that is not one line; no version is added', async () => {
		const s = await agreementScene();
		const a = await getAgreement(s.brand.client, s.agreementId);
		const legal = { ...a.terms, parties: { ...a.terms.parties, brand: { ...a.terms.parties.brand, legalName: 'SARL Atelier Lina\r\nBcc: x@evil.dz' } } };
		await expectRefused(await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: legal } }), [{ path: 'terms.parties.brand.legalName', message: SINGLE_LINE }]);
		await expectRefused(await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms, 'Lina \u2066Benali\u2069') } }), [
			{ path: 'terms.parties.brand.representative', message: SINGLE_LINE }
		]);
		await expectRefused(await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms), note: 'Frais\u0000 revus' } }), [
			{ path: 'note', message: CONTROL_CHARS }
		]);
		expect((await getAgreement(s.brand.client, s.agreementId)).version).toBe(1);

		const ok = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms, 'Lina Benali'), note: 'Représentante ajoutée\nsignataire' } });
		expect(ok.status).toBe(200);
	});

	it('POST /agreements/:id/sign refuses a typed name with a line break before anything is checked', async () => {
		const s = await agreementScene();
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/sign`, { json: { fullName: 'Lina\r\nBenali', consent: true, code: '123456' } });
		await expectRefused(res, [{ path: 'fullName', message: SINGLE_LINE }]);
		expect(await count('SELECT count(*) AS n FROM agreement_signatures WHERE agreement_id = ?1', s.agreementId)).toBe(0);
	});
});

describe('the outbox stores one-line subjects and one-address recipients, whatever the email was built from', () => {
	it('queueEmailStatement flattens a subject with CRLF to one line', async () => {
		const to = uniqueEmail('ob');
		await queueEmailStatement(
			env.DB,
			{ to, subject: 'Accord à signer : « Soldes\r\nBcc: x@evil.dz\r\n\r\ncorps »', text: 'Bonjour,\nLigne 2', kind: 'agreement_sent', locale: 'fr' },
			Date.now()
		).run();
		const row = await env.DB.prepare('SELECT subject, text FROM outbox WHERE to_email = ?1').bind(to).first<{ subject: string; text: string }>();
		expect(row).toEqual({ subject: 'Accord à signer : « Soldes Bcc: x@evil.dz corps »', text: 'Bonjour,\nLigne 2' });
	});

	it('queueEmailStatement refuses a recipient that is not one address, and writes nothing', async () => {
		const before = await count('SELECT count(*) AS n FROM outbox');
		for (const to of ['lina@example.dz\r\nBcc: x@evil.dz', 'lina@example.dz, x@evil.dz', 'Lina <lina@example.dz>']) {
			expect(() => queueEmailStatement(env.DB, { to, subject: 'Bonjour', text: '', kind: 'agreement_sent', locale: 'fr' }, Date.now()), to).toThrow(TypeError);
		}
		expect(await count('SELECT count(*) AS n FROM outbox')).toBe(before);
	});

	it('a campaign title stored before the rule (with CRLF) still reaches the brand’s email as a one-line subject', async () => {
		const brand = await brandAccount('Atelier Lina');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Sérum\r\nBcc: x@evil.dz' });
		const creator = await creatorAccount(env, 'Nour Beauty');
		const res = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Mon audience à Blida adore les soins.', feeDzd: 25000, formats: ['reel'] } });
		expect(res.status).toBe(201);
		const mail = (await outbox()).find((m) => m.to === brand.email)!;
		expect(mail.subject).toBe('Nouvelle candidature de Nour Beauty pour « Sérum Bcc: x@evil.dz »');
		expect(mail.subject).not.toMatch(/[\r\n]/);
	});
});
