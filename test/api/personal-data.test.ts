import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';

describe('personal data (Law 18-07)', () => {
	it('exports the account, sessions and memberships without any secret', async () => {
		const { client, email } = await signUp({ name: 'Boutique Export' });
		const res = await client.call('/me/export');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/attachment/);
		const text = await res.text();
		const data = JSON.parse(text);
		expect(data.account).toMatchObject({ email, name: 'Boutique Export', role: 'brand' });
		expect(data.sessions).toHaveLength(1);
		expect(data.brandMemberships).toEqual([expect.objectContaining({ name: 'Boutique Export', role: 'owner' })]);
		expect(text).not.toMatch(/pbkdf2|token_hash/);
	});

	it('erases a creator: identity pseudonymised, sessions ended, profile content gone', async () => {
		const { client, email, password, user } = await signUp({ role: 'creator', name: 'Amina Blida' });
		const creatorId = (await env.DB.prepare('SELECT id FROM creators WHERE user_id = ?1').bind(user.id).first<{ id: string }>())!.id;
		await env.DB.prepare("INSERT INTO creator_accounts (creator_id, platform, handle, followers) VALUES (?1, 'instagram', 'amina.dz', 18000)").bind(creatorId).run();
		const res = await client.call('/me', { method: 'DELETE' });
		expect(res.status).toBe(202);
		expect((await client.call('/me')).status).toBe(401);
		expect((await new Client().call('/auth/login', { json: { email, password } })).status).toBe(401);
		const row = await env.DB.prepare('SELECT email, name, password_hash FROM users WHERE id = ?1').bind(user.id).first();
		expect(row).toEqual({ email: `deleted-${user.id}@deleted.invalid`, name: '—', password_hash: null });
		expect(await env.DB.prepare('SELECT display_name, bio FROM creators WHERE id = ?1').bind(creatorId).first()).toEqual({ display_name: '—', bio: '' });
		expect(await env.DB.prepare('SELECT count(*) AS n FROM creator_accounts WHERE creator_id = ?1').bind(creatorId).first()).toEqual({ n: 0 });
	});

	it('requires a session', async () => {
		expect((await new Client().call('/me/export')).status).toBe(401);
		expect((await new Client().call('/me', { method: 'DELETE' })).status).toBe(401);
	});
});

describe('personal data covers the marketplace', () => {
	it('exports and erases a creator’s messages and notifications', async () => {
		const { brandAccount, createCampaign, creatorAccount } = await import('./factories');
		const brand = await brandAccount('Parfums Constantine');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Oud', formats: ['reel'] });
		const creator = await creatorAccount(env, 'Lina Annaba');
		const applied = await creator.client.call(`/campaigns/${campaignId}/applications`, {
			json: { pitch: 'Je propose un reel tutoriel avec code promo pour mes abonnées.', feeDzd: 20000, formats: ['reel'] }
		});
		const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
		expect((await creator.client.call(`/applications/${applicationId}/messages`, { json: { body: 'Mon numéro perso est le 0550 12 34 56' } })).status).toBe(201);
		expect((await brand.client.call(`/applications/${applicationId}/messages`, { json: { body: 'Merci, on vous répond demain.' } })).status).toBe(201);

		const exported = (await (await creator.client.call('/me/export')).json()) as { messagesWritten: { body: string }[]; notifications: { kind: string }[] };
		expect(exported.messagesWritten.map((m) => m.body)).toEqual(['Mon numéro perso est le 0550 12 34 56']);
		expect(exported.notifications.length).toBeGreaterThan(0);

		expect((await creator.client.call('/me', { method: 'DELETE' })).status).toBe(202);
		const thread = (await env.DB.prepare('SELECT body FROM application_messages WHERE application_id = ?1 ORDER BY created_at').bind(applicationId).all<{ body: string }>()).results;
		expect(thread.map((m) => m.body)).toEqual(['—', 'Merci, on vous répond demain.']);
		expect(await env.DB.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ?1').bind(creator.user.id).first()).toEqual({ n: 0 });
	});
});
