/**
 * Codes go live at signing (issue 12, point 1): the promo code, WhatsApp keyword and tracked
 * link of the signed terms; a clash with another agreement of the brand is a clear 409 while
 * the terms are edited (and at sending and signing); at the campaign's end they are
 * deactivated, never deleted nor reused; a limited offer window is recorded.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import worker from '../../worker/index';
import { describe, expect, it } from 'vitest';
import { type Terms, count, getAgreement, requestCode, sign, withCreatorLegalName, withRepresentative } from './agreements-scene';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { signedScene } from './deliverables-scene';
import { SLUG_PATTERN } from '../../worker/domain/attribution-codes';
import type { Client } from './helpers';

interface Codes {
	promoCode: string;
	whatsappKeyword: string;
	link: string | null;
	linkUrl: string | null;
	linkLive: boolean;
	codes: { promo: { code: string; live: boolean; deactivatedAt: string | null }; keyword: { code: string; live: boolean } };
	offerWindow: { startsAt: string; endsAt: string; note: string; current: boolean } | null;
}
interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}

const codesOf = async (client: Client, id: string) => {
	const res = await client.call(`/agreements/${id}/codes`);
	expect(res.status).toBe(200);
	return (await res.json()) as Codes;
};

/** A second accepted application of the same brand, by a creator named `name`, with its draft agreement. */
async function secondAgreement(brand: Awaited<ReturnType<typeof brandAccount>>, name: string) {
	const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Deuxième campagne', formats: ['reel'] });
	const creator = await creatorAccount(env, name);
	const applied = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel pour la deuxième campagne de la marque.', feeDzd: 18000, formats: ['reel'] } });
	expect(applied.status).toBe(201);
	const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
	const accepted = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
	expect(accepted.status).toBe(200);
	return { creator, campaignId, agreementId: ((await accepted.json()) as { agreement: { id: string } }).agreement.id };
}

const withCodes = (t: Terms, promoCode: string, whatsappKeyword: string): Terms => ({ ...t, attribution: { promoCode, whatsappKeyword } });

describe('codes go live at signing', () => {
	it('the signed terms’ promo code, keyword and a tracked link are live, for both parties', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const c = await codesOf(s.brand.client, s.agreementId);
		expect(c.promoCode).toBe('NOUR10');
		expect(c.whatsappKeyword).toBe('INSTA-NOUR');
		expect(c.codes.promo.live).toBe(true);
		expect(c.codes.keyword.live).toBe(true);
		expect(c.linkLive).toBe(true);
		expect(c.link).toMatch(/^\/l\/[a-z2-9]{8}$/);
		expect(c.link!.slice(3)).toMatch(SLUG_PATTERN);
		expect(c.linkUrl).toBe(`http://wasla.test${c.link}`);
		expect((await codesOf(s.creator.client, s.agreementId)).link).toBe(c.link);
		expect(await count('SELECT count(*) AS n FROM attribution_codes WHERE agreement_id = ?1 AND active = 1', s.agreementId)).toBe(2);
	});

	it('nothing is live before both signed', async () => {
		const s = await signedScene();
		const draft = await secondAgreement(s.brand, 'Amina Style');
		const c = await codesOf(s.brand.client, draft.agreementId);
		expect(c.codes.promo.live).toBe(false);
		expect(c.link).toBeNull();
		expect(await count('SELECT count(*) AS n FROM tracked_links WHERE agreement_id = ?1', draft.agreementId)).toBe(0);
	});

	it('another tenant gets 404', async () => {
		const s = await signedScene();
		const other = await brandAccount('Autre Marque Sétif');
		expect((await other.client.call(`/agreements/${s.agreementId}/codes`)).status).toBe(404);
		expect((await other.client.call(`/agreements/${s.agreementId}/offer-window`, { json: { startsAt: new Date().toISOString(), hours: 24 } })).status).toBe(404);
	});
});

describe('a code is the brand’s, once', () => {
	it('editing the terms to a code another agreement of the brand holds is a 409 on the field, look-alikes included; nothing is saved', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const second = await secondAgreement(s.brand, 'Nour Saidi');
		const draft = await getAgreement(s.brand.client, second.agreementId);
		// The prefilled code is the same NOUR10: refused when the brand saves the terms.
		for (const [promo, keyword] of [
			['NOUR10', 'INSTA-NOURS'],
			['NOURIO', 'INSTA-NOURS'],
			['NOURS15', 'insta-nour']
		]) {
			const res = await s.brand.client.call(`/agreements/${second.agreementId}`, { method: 'PATCH', json: { terms: withCodes(withRepresentative(draft.terms), promo, keyword.toUpperCase()) } });
			expect(res.status, `${promo} / ${keyword}`).toBe(409);
			const problem = (await res.json()) as Problem;
			expect(problem.code).toBe('already_exists');
			expect(problem.detail).toMatch(/jamais réutilisé/);
			expect(problem.errors!.map((e) => e.path)).toEqual([promo === 'NOURS15' ? 'terms.attribution.whatsappKeyword' : 'terms.attribution.promoCode']);
		}
		expect((await getAgreement(s.brand.client, second.agreementId)).version).toBe(1);
		// Another code is fine; another brand may use NOUR10 too.
		const ok = await s.brand.client.call(`/agreements/${second.agreementId}`, { method: 'PATCH', json: { terms: withCodes(withRepresentative(draft.terms), 'NOURS15', 'INSTA-NOURS') } });
		expect(ok.status).toBe(200);
		const elsewhere = await signedScene({ creatorName: 'Nour Beauty' });
		expect((await codesOf(elsewhere.brand.client, elsewhere.agreementId)).codes.promo).toMatchObject({ code: 'NOUR10', live: true });
	});

	it('two drafts with the same code: the first to be signed takes it, the second’s last signature is a 409 and signs nothing', async () => {
		const s = await signedScene({ creatorName: 'Lina Makeup' });
		const [a, b] = [await secondAgreement(s.brand, 'Sara Mode'), await secondAgreement(s.brand, 'Sara Khelifa')];
		for (const x of [a, b]) {
			const t = await getAgreement(s.brand.client, x.agreementId);
			expect((await s.brand.client.call(`/agreements/${x.agreementId}`, { method: 'PATCH', json: { terms: withCreatorLegalName(withRepresentative(t.terms), 'Sara Belaid') } })).status).toBe(200);
			expect((await s.brand.client.call(`/agreements/${x.agreementId}/send`, { method: 'POST' })).status).toBe(200);
			expect((await sign(x.creator.client, x.agreementId, await requestCode(x.creator.client, x.creator.email, x.agreementId), 'Sara Belaid')).status).toBe(200);
		}
		expect((await sign(s.brand.client, a.agreementId, await requestCode(s.brand.client, s.brand.email, a.agreementId), 'Lina Benali')).status).toBe(200);
		const refused = await sign(s.brand.client, b.agreementId, await requestCode(s.brand.client, s.brand.email, b.agreementId), 'Lina Benali');
		expect(refused.status).toBe(409);
		expect(((await refused.json()) as Problem).errors!.map((e) => e.path)).toEqual(['attribution.promoCode', 'attribution.whatsappKeyword']);
		const still = await getAgreement(s.brand.client, b.agreementId);
		expect(still.status).toBe('awaiting_signatures');
		expect(still.signatures.map((x) => x.party)).toEqual(['creator']);
		expect(await count('SELECT count(*) AS n FROM deliverables WHERE agreement_id = ?1', b.agreementId)).toBe(0);
	});
});

describe('the campaign’s end', () => {
	it('the cron deactivates codes and link once the campaign ended; the rows stay and the code is never given again', async () => {
		const s = await signedScene({ creatorName: 'Yasmine Parfum' });
		const before = await codesOf(s.brand.client, s.agreementId);
		await env.DB.prepare('UPDATE campaigns SET ends_at = ?2 WHERE id = ?1')
			.bind(s.campaignId, Date.now() + 3_600_000)
			.run();
		// Not yet over: nothing changes.
		await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, createExecutionContext());
		expect((await codesOf(s.brand.client, s.agreementId)).codes.promo.live).toBe(true);
		// Over.
		const at = Date.now() + 2 * 3_600_000;
		const res = await s.brand.client.call('/api/v1/dev/scheduled', { json: { now: new Date(at).toISOString() } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { attribution: { codes: number; links: number } }).attribution).toEqual({ codes: 2, links: 1 });
		const after = await codesOf(s.brand.client, s.agreementId);
		expect(after.codes.promo.live).toBe(false);
		expect(after.codes.promo.deactivatedAt).toBe(new Date(at).toISOString());
		expect(after.linkLive).toBe(false);
		expect(after.link).toBe(before.link);
		// A new agreement of the brand cannot take YASMINE10 again.
		const second = await secondAgreement(s.brand, 'Yasmine Kaci');
		const draft = await getAgreement(s.brand.client, second.agreementId);
		expect((await s.brand.client.call(`/agreements/${second.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(draft.terms) } })).status).toBe(409);
	});
});

describe('the limited offer window', () => {
	it('either party records 24 to 48 hours once signed; anything else is refused and changes nothing', async () => {
		const s = await signedScene();
		const startsAt = new Date(Date.now() - 3_600_000).toISOString();
		for (const hours of [23, 49, 24.5]) {
			const res = await s.creator.client.call(`/agreements/${s.agreementId}/offer-window`, { json: { startsAt, hours } });
			expect(res.status).toBe(400);
			expect(((await res.json()) as Problem).errors![0].path).toBe('hours');
		}
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/offer-window`, { json: { startsAt: 'demain', hours: 24 } })).status).toBe(400);
		expect(await count('SELECT count(*) AS n FROM offer_windows WHERE agreement_id = ?1', s.agreementId)).toBe(0);
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/offer-window`, { json: { startsAt, hours: 48, note: '-20 % sur le coffret pendant 48 h' } });
		expect(res.status).toBe(200);
		const c = (await res.json()) as Codes;
		expect(c.offerWindow).toEqual({
			startsAt: new Date(Date.parse(startsAt)).toISOString(),
			endsAt: new Date(Date.parse(startsAt) + 48 * 3_600_000).toISOString(),
			note: '-20 % sur le coffret pendant 48 h',
			current: true
		});
		// The brand replaces it.
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/offer-window`, { json: { startsAt, hours: 24 } })).status).toBe(200);
		expect((await codesOf(s.creator.client, s.agreementId)).offerWindow!.endsAt).toBe(new Date(Date.parse(startsAt) + 24 * 3_600_000).toISOString());
	});

	it('is refused before the signature', async () => {
		const s = await signedScene();
		const draft = await secondAgreement(s.brand, 'Rania Cuisine');
		const res = await s.brand.client.call(`/agreements/${draft.agreementId}/offer-window`, { json: { startsAt: new Date().toISOString(), hours: 24 } });
		expect(res.status).toBe(409);
	});
});
