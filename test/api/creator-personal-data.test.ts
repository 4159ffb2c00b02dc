/** Export and erasure cover the creator's private fields, derived features and stats screenshots (rows and R2 objects). */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { creatorClient } from './creator-factories';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('personal data of a creator with stats', () => {
	it('exports features and screenshots, then erases them with phone, RIP and the R2 objects', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: { displayName: 'Amina', wilaya: '09', niches: ['food'], phone: '0661 23 45 67', payoutRip: '00799999001234567803' } });
		await c.client.call('/creators/me/posts', {
			json: {
				platform: 'instagram',
				posts: [{ ref: 'p1', format: 'reel', postedAt: new Date(Date.now() - 86_400_000).toISOString(), views: 100, reach: 90, likes: 9, comments: 1, commentSamples: ['prix svp'] }]
			}
		});
		const form = new FormData();
		form.append('file', new File([PNG], 'a.png'));
		const shot = (await (await c.client.call('/creators/me/screenshots', { body: form })).json()) as { screenshot: { id: string } };

		const data = (await (await c.client.call('/me/export')).json()) as { creator: Record<string, unknown> & { profile: Record<string, unknown> } };
		expect(data.creator.profile).toMatchObject({ phone: '+213661234567', payout_rip: '00799999001234567803' });
		expect(data.creator.features).toMatchObject({ creator_id: c.creatorId, posts_last_90d: 1 });
		expect(data.creator.statsScreenshots).toEqual([expect.objectContaining({ id: shot.screenshot.id, content_type: 'image/png' })]);

		expect((await c.client.call('/me', { method: 'DELETE' })).status).toBe(202);
		expect(await env.DB.prepare('SELECT phone, payout_rip FROM creators WHERE id = ?1').bind(c.creatorId).first()).toEqual({ phone: null, payout_rip: null });
		expect(await env.DB.prepare('SELECT count(*) AS n FROM creator_features WHERE creator_id = ?1').bind(c.creatorId).first()).toEqual({ n: 0 });
		expect(await env.DB.prepare('SELECT count(*) AS n FROM stats_screenshots WHERE creator_id = ?1').bind(c.creatorId).first()).toEqual({ n: 0 });
		expect((await env.FILES.list({ prefix: `screenshots/${c.creatorId}/` })).objects).toEqual([]);
	});
});
