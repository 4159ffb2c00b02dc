/**
 * Erasure erases (issue 9, point 7): after DELETE /me, nothing personal of a creator stays
 * readable by the brands they dealt with — pitch, messages quoted in notifications, their
 * name in notifications and emails, their identity in unsigned agreements — while signed
 * agreements and every audit trail are kept for legal retention.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { agreementScene, count, getAgreement, outbox, requestCode, sendReady, sign } from './agreements-scene';
import { createCampaign } from './factories';
import { LIMITS } from '../../worker/domain/rate-limit-rules';
import { Client } from './helpers';
import { listDeliverables, signedScene } from './deliverables-scene';
import { notifyBrandStatement } from '../../worker/services/notifications';

interface Notification {
	kind: string;
	payload: { applicationId: string; creatorName?: string; excerpt?: string };
}

const notificationsOf = async (client: Client) => ((await (await client.call('/notifications?page=1')).json()) as { notifications: Notification[] }).notifications;

describe('DELETE /me erases what a creator leaves with the brands they dealt with', () => {
	it('blanks the pitch, quoted messages and their name; voids and blanks unsigned agreements; keeps the audit trail', async () => {
		const s = await agreementScene({ brandName: 'Huiles Kabylie', creatorName: 'Kenza Amrani' });
		await sendReady(s); // the creator proposed her legal name "Nour El Houda Saidi"; awaiting signatures

		// A second, still pending application with a pitch, and a message in its thread.
		const pendingCampaign = await createCampaign(env, { brandId: s.brand.brandId, title: 'Savon noir', formats: ['story'] });
		const applied = await s.creator.client.call(`/campaigns/${pendingCampaign}/applications`, {
			json: { pitch: 'Mes abonnées de Tizi Ouzou demandent ce savon, story avec mon code.', feeDzd: 8000, formats: ['story'] }
		});
		expect(applied.status).toBe(201);
		const pendingId = ((await applied.json()) as { application: { id: string } }).application.id;
		const secret = 'Appelez-moi au 0661 23 45 67 après 18 h';
		expect((await s.creator.client.call(`/applications/${pendingId}/messages`, { json: { body: secret } })).status).toBe(201);

		// Before: the brand reads all of it.
		const before = await notificationsOf(s.brand.client);
		expect(before.some((n) => n.payload.excerpt === secret)).toBe(true);
		expect(before.some((n) => n.payload.creatorName === 'Kenza Amrani')).toBe(true);
		expect((await outbox()).some((m) => m.to === s.brand.email && `${m.subject}${m.text}`.includes('Kenza Amrani'))).toBe(true);
		// A failed login leaves a counter keyed by the address.
		expect((await new Client().call('/auth/login', { json: { email: s.creator.email, password: 'pas-le-bon-mdp' } })).status).toBe(401);

		expect((await s.creator.client.call('/me', { method: 'DELETE' })).status).toBe(202);

		// The pitch and the pending application.
		const app = (await (await s.brand.client.call(`/applications/${pendingId}`)).json()) as { application: { pitch: string; status: string } };
		expect(app.application).toMatchObject({ pitch: '—', status: 'withdrawn' });
		const accepted = (await (await s.brand.client.call(`/applications/${s.applicationId}`)).json()) as { application: { pitch: string; status: string } };
		expect(accepted.application).toMatchObject({ pitch: '—', status: 'accepted' });
		// The thread keeps its shape, not her words.
		const thread = (await (await s.brand.client.call(`/applications/${pendingId}/messages`)).json()) as { messages: { body: string }[] };
		expect(thread.messages.map((m) => m.body)).toEqual(['—']);

		// Notifications in the brand's inbox: no excerpt of hers, no name of hers.
		const after = await notificationsOf(s.brand.client);
		expect(after.length).toBe(before.length);
		expect(JSON.stringify(after)).not.toContain(secret.slice(0, 20));
		expect(JSON.stringify(after)).not.toContain('Kenza Amrani');

		// Emails: none left to her address; none to the brand still names her.
		const mail = await outbox();
		expect(mail.some((m) => m.to === s.creator.email)).toBe(false);
		expect(mail.filter((m) => `${m.subject}${m.text}`.includes('Kenza Amrani'))).toEqual([]);

		// The unsigned agreement is called off, her identity blanked in every version; the chain still verifies.
		const agreement = await getAgreement(s.brand.client, s.agreementId);
		expect(agreement.status).toBe('void');
		expect(agreement.terms.parties.creator).toMatchObject({ displayName: '—', legalName: '', rcNumber: null, nif: null });
		const stored = await env.DB.prepare('SELECT terms FROM agreement_versions WHERE agreement_id = ?1').bind(s.agreementId).all<{ terms: string }>();
		for (const v of stored.results) {
			expect(v.terms).not.toContain('Nour El Houda Saidi');
			expect(v.terms).not.toContain('Kenza Amrani');
		}
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean; events: { action: string; actor: { party: string } }[] };
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.action === 'voided')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ party: 'system' }) })]);

		// Counters keyed by her address are gone.
		expect(await count('SELECT count(*) AS n FROM rate_limits WHERE key = ?1', `${LIMITS.loginAccount.name}:${s.creator.email}`)).toBe(0);
	}, 120_000);

	it('keeps an agreement signed by both parties as it was signed', async () => {
		const s = await agreementScene({ brandName: 'Thé Tamanrasset', creatorName: 'Aya Bensalem' });
		await sendReady(s);
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId), 'Nour El Houda Saidi')).status).toBe(200);
		expect((await sign(s.brand.client, s.agreementId, await requestCode(s.brand.client, s.brand.email, s.agreementId), 'Lina Benali')).status).toBe(200);
		const signed = await getAgreement(s.brand.client, s.agreementId);

		expect((await s.creator.client.call('/me', { method: 'DELETE' })).status).toBe(202);

		const kept = await getAgreement(s.brand.client, s.agreementId);
		expect(kept.status).toBe('signed');
		expect(kept.terms).toEqual(signed.terms);
		expect(kept.documentSha256).toBe(signed.documentSha256);
		expect(kept.signatures.map((x) => x.name).sort()).toEqual(['Lina Benali', 'Nour El Houda Saidi']);
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean };
		expect(trail.chainValid).toBe(true);
	}, 120_000);

	it('keeps the screenshot behind a deliverable’s stats and blanks the creator’s name in the brand’s deliverable notices', async () => {
		const s = await signedScene({ brandName: 'Dattes Biskra', creatorName: 'Imane Kaci' });
		const story = (await listDeliverables(s.creator.client, s.agreementId)).find((d) => d.format === 'story')!;
		// Fixture: a story with D+1 stats reported with a screenshot (the stats routes are tested in deliverable-stats.test.ts), a loose screenshot, and a notice to the brand.
		const now = Date.now();
		await env.FILES.put(`screenshots/${s.creator.creatorId}/kept`, new Uint8Array([0x89, 0x50]));
		await env.FILES.put(`screenshots/${s.creator.creatorId}/loose`, new Uint8Array([0x89, 0x50]));
		await env.DB.batch([
			env.DB.prepare("INSERT INTO stats_screenshots (id, creator_id, r2_key, content_type, size, note, created_at) VALUES ('shot-kept', ?1, ?2, 'image/png', 2, '', ?3)").bind(
				s.creator.creatorId,
				`screenshots/${s.creator.creatorId}/kept`,
				now
			),
			env.DB.prepare("INSERT INTO stats_screenshots (id, creator_id, r2_key, content_type, size, note, created_at) VALUES ('shot-loose', ?1, ?2, 'image/png', 2, '', ?3)").bind(
				s.creator.creatorId,
				`screenshots/${s.creator.creatorId}/loose`,
				now
			),
			env.DB.prepare(
				"INSERT INTO deliverable_stats (deliverable_id, window, views, reach, likes, comments, saves, shares, replies, link_clicks, navigation, exits, screenshot_id, status, submitted_at, updated_at) VALUES (?1, 'D1', 900, 800, 0, 0, 0, 3, 12, 0, 40, 9, 'shot-kept', 'submitted', ?2, ?2)"
			).bind(story.id, now),
			env.DB.prepare(
				"INSERT INTO deliverable_messages (id, deliverable_id, author_party, author_user_id, kind, body, created_at) SELECT 'dm-erased', ?1, 'creator', user_id, 'comment', 'Mon WhatsApp : 0550 11 22 33', ?3 FROM creators WHERE id = ?2"
			).bind(story.id, s.creator.creatorId, now),
			notifyBrandStatement(
				env.DB,
				s.brand.brandId,
				'deliverable_update',
				{ deliverableId: story.id, agreementId: s.agreementId, campaignTitle: 'Sérum éclat', actorName: 'Imane Kaci', event: 'stats_reported', platform: 'instagram', format: 'story', ordinal: 1 },
				now
			)
		]);

		const exported = (await (await s.creator.client.call('/me/export')).json()) as {
			creator: { deliverables: { id: string; stats: string }[] };
			deliverableMessagesWritten: { body: string }[];
		};
		expect(exported.creator.deliverables.map((d) => d.id)).toContain(story.id);
		expect(JSON.parse(exported.creator.deliverables.find((d) => d.id === story.id)!.stats)).toEqual([expect.objectContaining({ window: 'D1', views: 900 })]);
		expect(exported.deliverableMessagesWritten.map((m) => m.body)).toEqual(['Mon WhatsApp : 0550 11 22 33']);

		expect((await s.creator.client.call('/me', { method: 'DELETE' })).status).toBe(202);

		expect(await count("SELECT count(*) AS n FROM deliverable_messages WHERE id = 'dm-erased' AND body = '—'")).toBe(1);
		expect(await count("SELECT count(*) AS n FROM stats_screenshots WHERE id = 'shot-kept'")).toBe(1);
		expect(await count("SELECT count(*) AS n FROM stats_screenshots WHERE id = 'shot-loose'")).toBe(0);
		expect(await env.FILES.head(`screenshots/${s.creator.creatorId}/kept`)).not.toBeNull();
		expect(await env.FILES.head(`screenshots/${s.creator.creatorId}/loose`)).toBeNull();
		const notices = ((await (await s.brand.client.call('/notifications?page=1')).json()) as { notifications: { kind: string; payload: { actorName?: string } }[] }).notifications.filter(
			(n) => n.kind === 'deliverable_update'
		);
		expect(notices.length).toBeGreaterThan(0);
		expect(notices.every((n) => n.payload.actorName !== 'Imane Kaci')).toBe(true);
	}, 120_000);

	it('a brand user’s messages are blanked for the creator; the brand organisation stays', async () => {
		const s = await agreementScene({ brandName: 'Bijoux Ghardaïa', creatorName: 'Selma Hadj' });
		const said = 'Je vous envoie le colis chez vous à Blida demain';
		expect((await s.brand.client.call(`/applications/${s.applicationId}/messages`, { json: { body: said } })).status).toBe(201);
		expect((await notificationsOf(s.creator.client)).some((n) => n.payload.excerpt === said)).toBe(true);

		expect((await s.brand.client.call('/me', { method: 'DELETE' })).status).toBe(202);

		expect(JSON.stringify(await notificationsOf(s.creator.client))).not.toContain(said.slice(0, 20));
		const thread = (await (await s.creator.client.call(`/applications/${s.applicationId}/messages`)).json()) as { messages: { body: string }[] };
		expect(thread.messages.map((m) => m.body)).toEqual(['—']);
		// The brand organisation belongs to the company and stays.
		expect(await count('SELECT count(*) AS n FROM brands WHERE id = ?1', s.brand.brandId)).toBe(1);
	}, 120_000);
});
