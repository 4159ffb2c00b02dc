/**
 * GET /me carries the caller's unread notification count (issue 15, point 4): the page header
 * shows it from the one /me request every page makes, instead of asking /notifications too.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import type { Client } from './helpers';

const unreadOf = async (client: Client) => {
	const res = await client.call('/me');
	expect(res.status).toBe(200);
	return ((await res.json()) as { unread: number }).unread;
};

describe('GET /me unread', () => {
	it('counts the caller’s unread notifications, follows reading them, and never another user’s', async () => {
		const brand = await brandAccount();
		const other = await brandAccount('Boutique Amel');
		const creator = await creatorAccount(env);
		const campaignId = await createCampaign(env, { brandId: brand.brandId });
		expect(await unreadOf(brand.client)).toBe(0);

		// An application notifies the brand; a message in its thread notifies the brand again.
		const applied = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel tutoriel pour mes abonnées.', feeDzd: 20000, formats: ['reel'] } });
		expect(applied.status).toBe(201);
		const { application } = (await applied.json()) as { application: { id: string } };
		expect((await creator.client.call(`/applications/${application.id}/messages`, { json: { body: 'Une question sur le brief.' } })).status).toBe(201);
		expect(await unreadOf(brand.client)).toBe(2);
		// The same count as the notifications list says.
		const list = (await (await brand.client.call('/notifications')).json()) as { unread: number; notifications: { id: string }[] };
		expect(list.unread).toBe(2);
		expect(await unreadOf(other.client)).toBe(0);
		expect(await unreadOf(creator.client)).toBe(0);

		expect((await brand.client.call('/notifications/read', { json: { ids: [list.notifications[0].id] } })).status).toBe(200);
		expect(await unreadOf(brand.client)).toBe(1);
		expect((await brand.client.call('/notifications/read', { json: {} })).status).toBe(200);
		expect(await unreadOf(brand.client)).toBe(0);
	});
});
