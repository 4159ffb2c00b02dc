/**
 * GET /me/dashboard (issue 15, point 4): the dashboard page's cards in one request, each the
 * same as its own route answers, and only the caller's.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client } from './helpers';

async function json(client: Client, path: string) {
	const res = await client.call(path);
	expect(res.status).toBe(200);
	return res.json() as Promise<Record<string, unknown>>;
}

describe('GET /me/dashboard', () => {
	it('gives a brand member its invitations, team, latest four campaigns and due list, as their own routes do', async () => {
		const brand = await brandAccount();
		const other = await brandAccount('Boutique Amel');
		for (let i = 0; i < 5; i++) await createCampaign(env, { brandId: brand.brandId, title: `Campagne ${i}` });
		await createCampaign(env, { brandId: other.brandId, title: 'Pas la mienne' });

		const d = await json(brand.client, '/me/dashboard');
		expect(d.role).toBe('brand');
		expect(d.invitations).toEqual(await json(brand.client, '/me/invitations'));
		expect(d.team).toEqual(await json(brand.client, '/brands/me/team'));
		expect(d.campaigns).toEqual(await json(brand.client, '/campaigns?limit=4'));
		expect(d.due).toEqual(await json(brand.client, '/me/deliverables'));
		const campaigns = d.campaigns as { campaigns: { title: string }[]; total: number };
		expect(campaigns.total).toBe(5);
		expect(campaigns.campaigns.map((c) => c.title)).toEqual(['Campagne 4', 'Campagne 3', 'Campagne 2', 'Campagne 1']);
		expect(d).toMatchObject({ applications: null, checklist: null });
	});

	it('gives a creator their applications, due list and checklist, as their own routes do', async () => {
		const brand = await brandAccount();
		const creator = await creatorAccount(env);
		const campaignId = await createCampaign(env, { brandId: brand.brandId });
		expect((await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel tutoriel pour mes abonnées.', feeDzd: 20000, formats: ['reel'] } })).status).toBe(201);

		const d = await json(creator.client, '/me/dashboard');
		expect(d.role).toBe('creator');
		expect(d.applications).toEqual(await json(creator.client, '/me/applications'));
		expect(d.due).toEqual(await json(creator.client, '/me/deliverables'));
		expect(d.checklist).toEqual(await json(creator.client, '/me/checklist'));
		expect((d.applications as { total: number }).total).toBe(1);
		expect(d).toMatchObject({ invitations: null, team: null, campaigns: null });
	});

	it('gives a brand account without a brand its invitations only, and a guest a 401', async () => {
		const brand = await brandAccount();
		await env.DB.batch([
			env.DB.prepare('DELETE FROM brand_members WHERE brand_id = ?1').bind(brand.brandId),
			env.DB.prepare('UPDATE users SET current_brand_id = NULL WHERE id = ?1').bind(brand.user.id)
		]);
		const d = await json(brand.client, '/me/dashboard');
		expect(d).toMatchObject({ role: 'brand', team: null, campaigns: null, due: null, invitations: { invitations: [], memberships: [] } });

		const guest = await new Client().call('/me/dashboard');
		expect(guest.status).toBe(401);
	});
});
