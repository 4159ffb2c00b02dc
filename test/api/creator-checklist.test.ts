/**
 * The creator's checklist (issue 14, point 1): GET /me/checklist reads the account's real
 * state, and each step turns done when — and only when — the creator did it.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { requestCode, sendReady, sign } from './agreements-scene';
import { creatorClient } from './creator-factories';
import { brandAccount, createCampaign } from './factories';
import { Client } from './helpers';

interface Checklist {
	items: { step: string; done: boolean; href: string; action: string; missing: string[] }[];
	next: string | null;
	done: number;
	total: number;
}

async function checklist(client: Client): Promise<Checklist> {
	const res = await client.call('/me/checklist');
	expect(res.status).toBe(200);
	return (await res.json()) as Checklist;
}

const item = (c: Checklist, step: string) => c.items.find((i) => i.step === step)!;
const doneSteps = (c: Checklist) => c.items.filter((i) => i.done).map((i) => i.step);

const PROFILE = { displayName: 'Nour Beauté', wilaya: '09', niches: ['beauty'], languages: ['fr', 'ar'], accounts: [{ platform: 'instagram', handle: 'nour.dz', followers: 18_400 }] };

describe('GET /me/checklist', () => {
	it('turns each step done from the real state: profile, stats, media kit, application, agreement', async () => {
		const c = await creatorClient('Nour Beauté');
		let list = await checklist(c.client);
		expect(list.items.map((i) => i.step)).toEqual(['profile', 'stats', 'mediaKit', 'application', 'agreement']);
		expect(doneSteps(list)).toEqual([]);
		expect(list).toMatchObject({ next: 'profile', done: 0, total: 5 });
		expect(item(list, 'profile')).toEqual({ step: 'profile', done: false, href: '/profile', action: 'fill', missing: ['wilaya', 'niches', 'accounts'] });
		expect(item(list, 'application')).toMatchObject({ href: '/campaigns', action: 'browse' });
		expect(item(list, 'agreement')).toMatchObject({ href: '/agreements', action: 'open' });

		// The profile, without rates.
		expect((await c.client.call('/creators/me', { method: 'PUT', json: PROFILE })).status).toBe(200);
		list = await checklist(c.client);
		expect(doneSteps(list)).toEqual(['profile']);
		expect(item(list, 'profile')).toMatchObject({ action: 'edit', missing: [] });
		expect(list.next).toBe('stats');

		// Stats: one post imported.
		const posts = { platform: 'instagram', posts: [{ ref: 'p1', format: 'reel', postedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), views: 10_000, likes: 600, comments: 100 }] };
		expect((await c.client.call('/creators/me/posts', { json: posts })).status).toBe(200);
		list = await checklist(c.client);
		expect(doneSteps(list)).toEqual(['profile', 'stats']);
		expect(item(list, 'mediaKit')).toMatchObject({ done: false, href: '/profile#sec-rates', action: 'fill' });

		// A priced format: the media kit has all it shows.
		expect((await c.client.call('/creators/me', { method: 'PUT', json: { ...PROFILE, rates: { reel: 15_000 } } })).status).toBe(200);
		list = await checklist(c.client);
		expect(item(list, 'mediaKit')).toMatchObject({ done: true, href: `/c/${c.handle}`, action: 'view' });
		expect(list.next).toBe('application');

		// The first application.
		const brand = await brandAccount('Atelier Lina Tlemcen');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Sérum éclat', formats: ['reel', 'story'] });
		const applied = await c.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel tutoriel pour mon audience de Blida.', feeDzd: 25_000, formats: ['reel'] } });
		expect(applied.status).toBe(201);
		const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
		list = await checklist(c.client);
		expect(item(list, 'application')).toMatchObject({ done: true, href: '/applications', action: 'view' });
		expect(list).toMatchObject({ next: 'agreement', done: 4 });

		// Accepted: a draft agreement is not yet a first agreement, but its button opens it.
		const accepted = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
		const agreementId = ((await accepted.json()) as { agreement: { id: string } }).agreement.id;
		list = await checklist(c.client);
		expect(item(list, 'agreement')).toMatchObject({ done: false, href: `/agreements/${agreementId}`, action: 'open' });

		// Sent: the button asks the creator to sign.
		const s = { brand, creator: c, agreementId };
		await sendReady(s as Parameters<typeof sendReady>[0]);
		list = await checklist(c.client);
		expect(item(list, 'agreement')).toMatchObject({ done: false, href: `/agreements/${agreementId}/sign`, action: 'sign' });

		// The creator signed: waiting for the brand, nothing to sign any more.
		expect((await sign(c.client, agreementId, await requestCode(c.client, c.email, agreementId))).status).toBe(200);
		list = await checklist(c.client);
		expect(item(list, 'agreement')).toMatchObject({ done: false, href: `/agreements/${agreementId}`, action: 'open' });

		// Signed by both: everything is done.
		expect((await sign(brand.client, agreementId, await requestCode(brand.client, brand.email, agreementId), 'Lina Benali')).status).toBe(200);
		list = await checklist(c.client);
		expect(item(list, 'agreement')).toMatchObject({ done: true, href: `/agreements/${agreementId}`, action: 'open' });
		expect(list).toMatchObject({ next: null, done: 5, total: 5 });
	});

	it('is the creator’s own: 401 without a session, 403 for a brand; a GET changes nothing', async () => {
		expect((await new Client().call('/me/checklist')).status).toBe(401);
		const brand = await brandAccount();
		expect((await brand.client.call('/me/checklist')).status).toBe(403);
		const c = await creatorClient();
		const before = await env.DB.prepare('SELECT updated_at FROM creators WHERE id = ?1').bind(c.creatorId).first();
		await checklist(c.client);
		expect(await env.DB.prepare('SELECT updated_at FROM creators WHERE id = ?1').bind(c.creatorId).first()).toEqual(before);
	});
});
