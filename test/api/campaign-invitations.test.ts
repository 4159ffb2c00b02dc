/**
 * POST /campaigns/:id/invitations (issue 14, point 6): a brand invites a creator from its
 * matches to apply. The creator sees it first in their feed, in their inbox and by email;
 * the matches show when. Refusals change nothing.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { windowStart, LIMITS } from '../../worker/domain/rate-limit-rules';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { waitForMail } from './inbox';

type Brand = Awaited<ReturnType<typeof brandAccount>>;
type Creator = Awaited<ReturnType<typeof creatorAccount>>;

const invite = (b: Brand, campaignId: string, body: unknown) =>
	b.client.call(`/campaigns/${campaignId}/invitations`, typeof body === 'string' ? { method: 'POST', body, headers: { 'content-type': 'application/json' } } : { json: body });

async function countInvitations(campaignId?: string): Promise<number> {
	const row = await env.DB.prepare('SELECT count(*) AS n FROM campaign_invitations WHERE ?1 IS NULL OR campaign_id = ?1')
		.bind(campaignId ?? null)
		.first<{ n: number }>();
	return row!.n;
}

async function notificationsOf(c: Creator) {
	const res = await c.client.call('/notifications');
	expect(res.status).toBe(200);
	return ((await res.json()) as { notifications: { kind: string; payload: Record<string, unknown> }[] }).notifications;
}

/** A creator of the default campaign's niche and wilaya, with prices for reels (so they match and get a feed). */
async function pricedCreator(name: string) {
	const c = await creatorAccount(env, name, { wilaya: '09', niches: ['beauty'], accounts: [{ platform: 'instagram', handle: name.toLowerCase().replace(/\W/g, '.'), followers: 15000 }] });
	await env.DB.prepare('UPDATE creators SET rates = ?2 WHERE id = ?1')
		.bind(c.creatorId, JSON.stringify({ reel: 15000, post: 9000 }))
		.run();
	return c;
}

describe('campaign invitations', () => {
	let brand: Brand;
	let other: Brand;
	let campaignId: string;
	let creator: Creator;

	beforeAll(async () => {
		brand = await brandAccount('Sérums Blida');
		other = await brandAccount('Autre Marque');
		campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Sérum Blida invité', formats: ['reel', 'story'], budgetDzd: 50_000 });
		creator = await pricedCreator('Nour Invitée');
	});

	it('invites: 201, the creator’s inbox and email, the matches and the feed (first, with invitedAt)', async () => {
		// Another open campaign that fits the creator better (bigger budget), from another brand.
		const better = await createCampaign(env, { brandId: other.brandId, title: 'Autre offre', formats: ['reel'], budgetDzd: 400_000 });
		const before = await (await creator.client.call('/campaigns')).json();
		expect(((await (await creator.client.call(`/campaigns/${campaignId}`)).json()) as { invitedAt: string | null }).invitedAt).toBeNull();
		expect((before as { campaigns: { id: string; invitedAt: string | null }[] }).campaigns.map((c) => c.invitedAt)).toEqual((before as { campaigns: unknown[] }).campaigns.map(() => null));

		const res = await invite(brand, campaignId, { creatorId: creator.creatorId });
		expect(res.status).toBe(201);
		const { invitation } = (await res.json()) as { invitation: { id: string; campaignId: string; creatorId: string; invitedAt: string } };
		expect(invitation).toMatchObject({ campaignId, creatorId: creator.creatorId });
		expect(Number.isNaN(Date.parse(invitation.invitedAt))).toBe(false);

		const notes = await notificationsOf(creator);
		expect(notes.filter((n) => n.kind === 'campaign_invitation')).toEqual([
			{ ...notes.find((n) => n.kind === 'campaign_invitation'), payload: { invitationId: invitation.id, campaignId, campaignTitle: 'Sérum Blida invité', brandName: 'Sérums Blida' } }
		]);
		const mails = await waitForMail(creator.email);
		expect(mails[0].subject).toBe('Sérums Blida vous invite à candidater à « Sérum Blida invité »');
		expect(mails[0].text).toContain(`/campaigns/${campaignId}`);

		const feed = (await (await creator.client.call('/campaigns')).json()) as { campaigns: { id: string; invitedAt: string | null }[] };
		expect(feed.campaigns[0]).toMatchObject({ id: campaignId, invitedAt: invitation.invitedAt });
		expect(feed.campaigns.find((c) => c.id === better)).toMatchObject({ invitedAt: null });
		// The campaign's own page says so too, to the invited creator only.
		expect(((await (await creator.client.call(`/campaigns/${campaignId}`)).json()) as { invitedAt: string | null }).invitedAt).toBe(invitation.invitedAt);
		expect(((await (await creator.client.call(`/campaigns/${better}`)).json()) as { invitedAt: string | null }).invitedAt).toBeNull();

		const matches = (await (await brand.client.call(`/campaigns/${campaignId}/matches`)).json()) as {
			matches: { creatorId: string; invitedAt: string | null; rates: { format: string; amountDzd: number }[] }[];
		};
		const m = matches.matches.find((x) => x.creatorId === creator.creatorId)!;
		expect(m.invitedAt).toBe(invitation.invitedAt);
		// The campaign asks for reels and stories; the creator prices reels and posts.
		expect(m.rates).toEqual([{ format: 'reel', amountDzd: 15000 }]);
	});

	it('inviting again answers 200 with the first invitation and sends nothing more', async () => {
		const c = await pricedCreator('Lina Deux Fois');
		const first = await invite(brand, campaignId, { creatorId: c.creatorId });
		expect(first.status).toBe(201);
		const again = await invite(brand, campaignId, { creatorId: c.creatorId });
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual(await first.json());
		expect((await notificationsOf(c)).filter((n) => n.kind === 'campaign_invitation')).toHaveLength(1);
		const outbox = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE to_email = ?1 AND kind = 'campaign_invitation'").bind(c.email).first<{ n: number }>();
		expect(outbox!.n).toBe(1);
	});

	it('two invitations at once create one', async () => {
		const c = await pricedCreator('Sara Concurrente');
		const answers = await Promise.all([invite(brand, campaignId, { creatorId: c.creatorId }), invite(brand, campaignId, { creatorId: c.creatorId })]);
		expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
		const row = await env.DB.prepare('SELECT count(*) AS n FROM campaign_invitations WHERE creator_id = ?1').bind(c.creatorId).first<{ n: number }>();
		expect(row!.n).toBe(1);
		expect((await notificationsOf(c)).filter((n) => n.kind === 'campaign_invitation')).toHaveLength(1);
	});

	const problem = (title: string, code: string, errors?: { path: string; message: string }[]) => ({
		type: 'about:blank',
		title,
		status: 400,
		code,
		detail: expect.any(String),
		requestId: expect.any(String),
		...(errors ? { errors } : {})
	});
	const badId = [{ path: 'creatorId', message: 'Indiquez l’identifiant du créateur à inviter.' }];
	it.each([
		['no creatorId', {}, problem('Invalid request', 'invalid_request', [{ path: 'creatorId', message: 'Ce champ est obligatoire.' }])],
		['a number', { creatorId: 42 }, problem('Invalid request', 'invalid_request', badId)],
		['not an id', { creatorId: 'x y' }, problem('Invalid request', 'invalid_request', badId)],
		['an unknown field', { creatorId: 'abc', role: 'admin' }, problem('Invalid request', 'invalid_request', expect.any(Array))],
		['malformed JSON', '{"creatorId":', problem('Malformed JSON', 'malformed_json')]
	])('400 for %s, nothing written', async (_, body, expected) => {
		const before = await countInvitations();
		const res = await invite(brand, campaignId, body);
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(await res.json()).toEqual(expected);
		expect(await countInvitations()).toBe(before);
	});

	it('403 for a creator, 404 for another brand’s campaign or an unknown creator, 409 for a campaign that is not open; nothing written', async () => {
		const c = await pricedCreator('Amel Refusée');
		const before = await countInvitations();
		const asCreator = await creator.client.call(`/campaigns/${campaignId}/invitations`, { json: { creatorId: c.creatorId } });
		expect(asCreator.status).toBe(403);
		const foreign = await invite(other, campaignId, { creatorId: c.creatorId });
		expect(foreign.status).toBe(404);
		expect(await foreign.json()).toMatchObject({ status: 404, title: 'Not found' });
		expect((await invite(brand, 'no-such-campaign', { creatorId: c.creatorId })).status).toBe(404);
		expect((await invite(brand, campaignId, { creatorId: 'no-such-creator' })).status).toBe(404);
		for (const status of ['draft', 'closed'] as const) {
			const id = await createCampaign(env, { brandId: brand.brandId, status });
			const res = await invite(brand, id, { creatorId: c.creatorId });
			expect(res.status).toBe(409);
			expect(await res.json()).toMatchObject({ status: 409, detail: 'On ne peut inviter des créateurs que sur une campagne ouverte.' });
		}
		expect(await countInvitations()).toBe(before);
		expect((await notificationsOf(c)).filter((n) => n.kind === 'campaign_invitation')).toEqual([]);
	});

	it('429 with Retry-After once the brand’s daily invitations are spent; a repeat of an old one still answers 200', async () => {
		const capped = await brandAccount('Marque Pressée');
		const id = await createCampaign(env, { brandId: capped.brandId });
		const done = await pricedCreator('Déjà Invitée');
		expect((await invite(capped, id, { creatorId: done.creatorId })).status).toBe(201);
		const limit = LIMITS.campaignInvitationsBrand;
		await env.DB.prepare('UPDATE rate_limits SET count = ?3 WHERE key = ?1 AND window_start = ?2').bind(`${limit.name}:${capped.brandId}`, windowStart(Date.now(), limit), limit.max).run();
		const c = await pricedCreator('Trop Tard');
		const res = await invite(capped, id, { creatorId: c.creatorId });
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await countInvitations(id)).toBe(1);
		expect((await invite(capped, id, { creatorId: done.creatorId })).status).toBe(200);
	});
});
