/** Creator profile: PUT/GET /creators/me, public GET /creators/:id, media kit, contact visibility. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client } from './helpers';
import { brandClient, createAgreement, creatorClient } from './creator-factories';
import { canSeeCreatorContact } from '../../worker/services/creators';
import { testContext } from './context';

const profile = (over: Record<string, unknown> = {}) => ({
	displayName: 'Nour Beauté',
	wilaya: '16',
	niches: ['beauty', 'modest_fashion'],
	languages: ['fr', 'ar', 'dz'],
	accounts: [
		{ platform: 'instagram', handle: '@nour.dz', followers: 18_400 },
		{ platform: 'tiktok', handle: 'nour_dz', followers: 2_100 }
	],
	rates: { story: 6_000, reel: 15_000 },
	ratesPublic: false,
	bio: 'Beauté et soins à Alger',
	audience: { wilayas: { '16': 0.42, '09': 0.12 }, ageBands: { '18-24': 0.51, '25-34': 0.3 }, gender: { f: 0.8, m: 0.2 }, countryShareDZ: 0.93 },
	phone: '0550 12 34 56',
	payoutRip: '007 99999 0012345678 03',
	...over
});

const row = (id: string) => env.DB.prepare('SELECT * FROM creators WHERE id = ?1').bind(id).first<Record<string, unknown>>();

const invalid = (errors: { path: string; message: string }[]) => ({
	type: 'about:blank',
	title: 'Invalid request',
	status: 400,
	code: 'invalid_request',
	detail: 'Certains champs sont invalides.',
	errors,
	requestId: expect.any(String)
});

describe('PUT /creators/me', () => {
	it('saves every field, normalises phone and RIP, keeps followers_total = sum of accounts', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me', { method: 'PUT', json: profile() });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { creator: Record<string, unknown>; warnings: unknown[] };
		expect(body.warnings).toEqual([]);
		expect(body.creator).toMatchObject({
			id: c.creatorId,
			displayName: 'Nour Beauté',
			wilaya: '16',
			niches: ['beauty', 'modest_fashion'],
			followersTotal: 20_500,
			phone: '+213550123456',
			payoutRip: '00799999001234567803',
			rates: { story: 6_000, reel: 15_000 },
			mediaKitUrl: `/c/${c.handle}`
		});
		expect(body.creator.accounts).toEqual([
			{ platform: 'instagram', handle: 'nour.dz', followers: 18_400 },
			{ platform: 'tiktok', handle: 'nour_dz', followers: 2_100 }
		]);
		expect(await row(c.creatorId)).toMatchObject({ followers_total: 20_500, phone: '+213550123456', payout_rip: '00799999001234567803' });

		// Replacing the accounts replaces the rows and the total.
		const again = await c.client.call('/creators/me', { method: 'PUT', json: profile({ accounts: [{ platform: 'facebook', handle: 'nour', followers: 900 }] }) });
		expect(again.status).toBe(200);
		expect((await env.DB.prepare('SELECT platform FROM creator_accounts WHERE creator_id = ?1').bind(c.creatorId).all()).results).toEqual([{ platform: 'facebook' }]);
		expect(await row(c.creatorId)).toMatchObject({ followers_total: 900 });

		const own = (await (await c.client.call('/creators/me')).json()) as { creator: Record<string, unknown> };
		expect(own.creator).toMatchObject({ phone: '+213550123456', payoutRip: '00799999001234567803', followersTotal: 900 });
	});

	it('accepts a centimes-looking rate and an unusual phone prefix with warnings', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me', { method: 'PUT', json: profile({ rates: { reel: 2_500_000, story: 6_000 }, phone: '+213 850 12 34 56' }) });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { warnings: unknown[] };
		expect(body.warnings).toEqual([
			{ path: 'phone', code: 'unusual_prefix', message: expect.stringContaining('+213850123456') },
			{ path: 'rates.reel', code: 'looks_like_centimes', message: 'Ce tarif ressemble à un montant en centimes (soit 25\u202f000 DA ?). Les tarifs sont en dinars : vérifiez-le.' }
		]);
		expect(await row(c.creatorId)).toMatchObject({ rates: '{"reel":2500000,"story":6000}', phone: '+213850123456' });
	});

	it('fields left out keep their value; null clears the private ones', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: profile() });
		await c.client.call('/creators/me', { method: 'PUT', json: { displayName: 'Nour B.', wilaya: '09', niches: ['beauty'] } });
		expect(await row(c.creatorId)).toMatchObject({ display_name: 'Nour B.', wilaya: '09', phone: '+213550123456', followers_total: 20_500 });
		await c.client.call('/creators/me', { method: 'PUT', json: { displayName: 'Nour B.', wilaya: '09', niches: ['beauty'], phone: null, payoutRip: '' } });
		expect(await row(c.creatorId)).toMatchObject({ phone: null, payout_rip: null });
	});

	type Case = { name: string; body: Record<string, unknown>; errors: { path: string; message: string }[] };
	const cases: Case[] = [
		{ name: 'unknown wilaya code', body: profile({ wilaya: '70' }), errors: [{ path: 'wilaya', message: 'Wilaya inconnue : choisissez un code de 01 à 69.' }] },
		{ name: 'no niche', body: profile({ niches: [] }), errors: [{ path: 'niches', message: 'Choisissez de 1 à 5 thèmes, sans doublon.' }] },
		{ name: 'six niches', body: profile({ niches: ['beauty', 'fashion', 'food', 'tech', 'sport', 'travel'] }), errors: [{ path: 'niches', message: 'Choisissez de 1 à 5 thèmes, sans doublon.' }] },
		{ name: 'unknown niche', body: profile({ niches: ['crypto'] }), errors: [{ path: 'niches.0', message: 'Thème inconnu.' }] },
		{ name: 'unknown language', body: profile({ languages: ['de'] }), errors: [{ path: 'languages.0', message: 'Langue inconnue.' }] },
		{
			name: 'two accounts on one platform',
			body: profile({
				accounts: [
					{ platform: 'instagram', handle: 'a', followers: 1 },
					{ platform: 'instagram', handle: 'b', followers: 2 }
				]
			}),
			errors: [{ path: 'accounts', message: 'Un seul compte par plateforme.' }]
		},
		{
			name: 'negative followers',
			body: profile({ accounts: [{ platform: 'instagram', handle: 'a', followers: -1 }] }),
			errors: [{ path: 'accounts.0.followers', message: 'Indiquez un nombre entier positif.' }]
		},
		{ name: 'fractional rate', body: profile({ rates: { reel: 15_000.5 } }), errors: [{ path: 'rates.reel', message: 'Indiquez un tarif entier en dinars (DA).' }] },
		{ name: 'unknown rate format', body: profile({ rates: { tweet: 100 } }), errors: [{ path: 'rates.tweet', message: 'Champ inconnu.' }] },
		{ name: 'share above 1', body: profile({ audience: { countryShareDZ: 1.5 } }), errors: [{ path: 'audience.countryShareDZ', message: 'Indiquez une part entre 0 et 100 %.' }] },
		{
			name: 'wilaya split over 100 %',
			body: profile({ audience: { wilayas: { '16': 0.7, '31': 0.5 } } }),
			errors: [{ path: 'audience.wilayas', message: 'Le total de cette répartition dépasse 100 %.' }]
		},
		{ name: 'gender split over 100 %', body: profile({ audience: { gender: { f: 0.8, m: 0.3 } } }), errors: [{ path: 'audience.gender', message: 'Le total de cette répartition dépasse 100 %.' }] },
		{ name: 'unknown age band', body: profile({ audience: { ageBands: { '99+': 0.1 } } }), errors: [{ path: 'audience.ageBands.99+', message: 'Champ inconnu.' }] },
		{
			name: 'bad phone and bad RIP key together',
			body: profile({ phone: '0550 12', payoutRip: '00799999001234567804' }),
			errors: [
				{ path: 'phone', message: 'Numéro invalide : 10 chiffres commençant par 05, 06 ou 07 (ex. 0550 12 34 56), ou +213 suivi de 9 chiffres.' },
				{ path: 'payoutRip', message: 'La clé du RIP (les 2 derniers chiffres) ne correspond pas : vérifiez le numéro.' }
			]
		},
		{
			name: 'a split over 100 %, a bad phone and a bad RIP, all reported at once',
			body: profile({ audience: { gender: { f: 0.8, m: 0.3 } }, phone: '12', payoutRip: '00799999001234567804' }),
			errors: [
				{ path: 'audience.gender', message: 'Le total de cette répartition dépasse 100 %.' },
				{ path: 'phone', message: 'Numéro invalide : 10 chiffres commençant par 05, 06 ou 07 (ex. 0550 12 34 56), ou +213 suivi de 9 chiffres.' },
				{ path: 'payoutRip', message: 'La clé du RIP (les 2 derniers chiffres) ne correspond pas : vérifiez le numéro.' }
			]
		},
		{ name: 'RIP of 19 digits', body: profile({ payoutRip: '0079999900123456780' }), errors: [{ path: 'payoutRip', message: 'Le RIP doit contenir 20 chiffres.' }] }
	];

	for (const tc of cases) {
		it(`refuses ${tc.name} with the whole problem body and changes nothing`, async () => {
			const c = await creatorClient();
			const before = await row(c.creatorId);
			const res = await c.client.call('/creators/me', { method: 'PUT', json: tc.body });
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual(invalid(tc.errors));
			expect(await row(c.creatorId)).toEqual(before);
		});
	}

	it('answers in Arabic when asked', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me?lang=ar', { method: 'PUT', json: profile({ wilaya: '70' }) });
		expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ path: 'wilaya', message: 'ولاية غير معروفة: اختر رمزًا من 01 إلى 69.' }]);
	});

	it('401 without a session, 403 for a brand; nothing changes', async () => {
		const brand = await brandClient();
		const before = await env.DB.prepare('SELECT count(*) AS n, max(updated_at) AS u FROM creators').first();
		expect((await new Client().call('/creators/me', { method: 'PUT', json: profile() })).status).toBe(401);
		expect((await new Client().call('/creators/me')).status).toBe(401);
		const res = await brand.client.call('/creators/me', { method: 'PUT', json: profile() });
		expect(res.status).toBe(403);
		expect(((await res.json()) as { code: string }).code).toBe('forbidden');
		expect((await brand.client.call('/creators/me')).status).toBe(403);
		expect(await env.DB.prepare('SELECT count(*) AS n, max(updated_at) AS u FROM creators').first()).toEqual(before);
	});
});

describe('choosing the media kit address (issue 14, point 7)', () => {
	it('gives an Arabic name a neutral handle, then lets the creator choose one', async () => {
		const c = await creatorClient('نور الهدى');
		expect(c.handle).toMatch(/^createur\.[0-9a-z]+$/);
		const res = await c.client.call('/creators/me', { method: 'PUT', json: profile({ displayName: 'نور الهدى', handle: ' @Nour.Elhouda ' }) });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { creator: { handle: string; mediaKitUrl: string } };
		expect(body.creator).toMatchObject({ handle: 'nour.elhouda', mediaKitUrl: '/c/nour.elhouda' });
		expect((await new Client().call('/media-kits/nour.elhouda')).status).toBe(200);
		expect((await new Client().call(`/media-kits/${c.handle}`)).status).toBe(404);
		// Saving again with its own handle is not "taken".
		expect((await c.client.call('/creators/me', { method: 'PUT', json: profile({ handle: 'nour.elhouda' }) })).status).toBe(200);
	});

	it('refuses a taken, reserved or malformed handle with a field error and changes nothing', async () => {
		const first = await creatorClient();
		await first.client.call('/creators/me', { method: 'PUT', json: profile({ handle: 'yasmine.oran' }) });
		const c = await creatorClient();
		const before = await row(c.creatorId);
		const cases: [string, string][] = [
			['Yasmine.Oran', 'Cette adresse est déjà prise par un autre créateur : choisissez-en une autre.'],
			['admin', 'Cette adresse est réservée par Wasla : choisissez-en une autre.'],
			['ya', 'Adresse invalide : 3 à 30 lettres latines sans accent, chiffres, point, tiret ou tiret bas, commençant et finissant par une lettre ou un chiffre.'],
			['نور', 'Adresse invalide : 3 à 30 lettres latines sans accent, chiffres, point, tiret ou tiret bas, commençant et finissant par une lettre ou un chiffre.'],
			['nour..dz', 'Adresse invalide : 3 à 30 lettres latines sans accent, chiffres, point, tiret ou tiret bas, commençant et finissant par une lettre ou un chiffre.'],
			['.nour', 'Adresse invalide : 3 à 30 lettres latines sans accent, chiffres, point, tiret ou tiret bas, commençant et finissant par une lettre ou un chiffre.']
		];
		for (const [handle, message] of cases) {
			const res = await c.client.call('/creators/me', { method: 'PUT', json: profile({ handle }) });
			expect(res.status, handle).toBe(400);
			expect(await res.json()).toEqual(invalid([{ path: 'handle', message }]));
		}
		expect(await row(c.creatorId)).toEqual(before);
	});

	it('two creators racing for one free handle: one gets it, the other a field error', async () => {
		const [a, b] = await Promise.all([creatorClient(), creatorClient()]);
		const results = await Promise.all([a, b].map((c) => c.client.call('/creators/me', { method: 'PUT', json: profile({ handle: 'lina.blida' }) })));
		expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
		const owners = await env.DB.prepare("SELECT count(*) AS n FROM creators WHERE handle = 'lina.blida'").first<{ n: number }>();
		expect(owners?.n).toBe(1);
	});
});

describe('GET /creators/:id and the signed-agreement rule', () => {
	it('never shows phone or RIP to the public, to other creators or to a brand without a signed agreement', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: profile() });
		const other = await creatorClient('Sara');
		const brand = await brandClient();
		await createAgreement({ brandId: brand.brandId, creatorId: c.creatorId, status: 'draft' });
		for (const viewer of [new Client(), other.client, brand.client]) {
			const res = await viewer.call(`/creators/${c.creatorId}`);
			expect(res.status).toBe(200);
			const text = await res.text();
			expect(text).not.toContain('+213550123456');
			expect(text).not.toContain('00799999001234567803');
			const { creator } = JSON.parse(text) as { creator: Record<string, unknown> };
			expect(creator).not.toHaveProperty('phone');
			expect(creator).not.toHaveProperty('payoutRip');
			expect(creator).toMatchObject({ id: c.creatorId, displayName: 'Nour Beauté', wilaya: '16', mediaKitUrl: `/c/${c.handle}`, rates: null, ratesPublic: false });
		}
	});

	it('shows rates only when public', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: profile({ ratesPublic: true }) });
		const { creator } = (await (await new Client().call(`/creators/${c.creatorId}`)).json()) as { creator: Record<string, unknown> };
		expect(creator.rates).toEqual({ story: 6_000, reel: 15_000 });
	});

	it('shows contact data to the brand of a signed agreement only', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: profile() });
		const signedBrand = await brandClient('Marque signée');
		const draftBrand = await brandClient('Marque brouillon');
		await createAgreement({ brandId: signedBrand.brandId, creatorId: c.creatorId, status: 'signed' });
		await createAgreement({ brandId: draftBrand.brandId, creatorId: c.creatorId, status: 'draft' });

		expect(await canSeeCreatorContact(testContext(), { brandId: signedBrand.brandId, creatorId: c.creatorId })).toBe(true);
		expect(await canSeeCreatorContact(testContext(), { brandId: draftBrand.brandId, creatorId: c.creatorId })).toBe(false);

		const signed = (await (await signedBrand.client.call(`/creators/${c.creatorId}`)).json()) as { creator: Record<string, unknown> };
		expect(signed.creator).toMatchObject({ phone: '+213550123456', payoutRip: '00799999001234567803' });
		const draft = (await (await draftBrand.client.call(`/creators/${c.creatorId}`)).json()) as { creator: Record<string, unknown> };
		expect(draft.creator).not.toHaveProperty('phone');
	});

	it('404 for an unknown id', async () => {
		const res = await new Client().call('/creators/nope');
		expect(res.status).toBe(404);
		expect(((await res.json()) as { code: string }).code).toBe('not_found');
	});
});

describe('GET /media-kits/:handle', () => {
	it('is public, has the profile and never contact data; 404 for an unknown handle', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: profile() });
		const res = await new Client().call(`/media-kits/${c.handle}`);
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).not.toContain('+213550123456');
		expect(text).not.toContain('0012345678');
		const kit = JSON.parse(text) as { creator: Record<string, unknown>; wilayaName: unknown; recentPosts: unknown[] };
		expect(kit.creator).toMatchObject({ displayName: 'Nour Beauté', rates: null });
		expect(kit.wilayaName).toEqual({ fr: 'Alger', ar: 'الجزائر' });
		expect(kit.recentPosts).toEqual([]);
		expect((await new Client().call('/media-kits/personne.ici')).status).toBe(404);
	});
});
