/**
 * Stats at D+1 and D+7 (issue 11, point 4): windows open 24 hours and 7 days after the post
 * went online; the first report of each moves the deliverable; corrections until approved;
 * stories need a screenshot of the creator's own; the brand queries a figure and the
 * creator answers; approving D+7 (after D+1) closes the deliverable; approved figures become
 * the delivered post in the creator's stats and features. Refusals change nothing.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { type Detail, DAY, FIGURES, HOUR, STORY_URL, ago, approvedScene, auditOf, published, report, reviewStats, rowsOf, uploadScreenshot } from './deliverable-flow';
import type { Problem } from './agreements-scene';

const answer = (client: Parameters<typeof report>[0], id: string, window: 'D1' | 'D7', comment: string) => client.call(`/deliverables/${id}/stats/${window}/answer`, { json: { comment } });

async function ok(res: Response): Promise<Detail> {
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as Detail;
}

const features = (creatorId: string) =>
	env.DB.prepare('SELECT posts_total, sponsored_share, engagement_by_format FROM creator_features WHERE creator_id = ?1')
		.bind(creatorId)
		.first<{ posts_total: number; sponsored_share: number; engagement_by_format: string }>();

describe('reporting a window', () => {
	it('a window opens 24 hours (D+1) and 7 days (D+7) after publication: 409 before, with nothing changed', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id, { publishedAt: ago(20 * HOUR) });
		let before = await rowsOf(s.reel.id);
		const early = await report(s.creator.client, s.reel.id, 'D1');
		expect(early.status).toBe(409);
		expect(((await early.json()) as Problem).detail).toContain('24');
		expect(await rowsOf(s.reel.id)).toEqual(before);

		await published(s.creator.client, s.reel.id, { publishedAt: ago(3 * DAY) });
		const d1 = await ok(await report(s.creator.client, s.reel.id, 'D1'));
		expect(d1.deliverable.status).toBe('stats_d1');
		expect(d1.deliverable.next).toMatchObject({ party: 'creator', step: 'report_d7' });
		before = await rowsOf(s.reel.id);
		const d7 = await report(s.creator.client, s.reel.id, 'D7');
		expect(d7.status).toBe(409);
		expect(((await d7.json()) as Problem).detail).toContain('7');
		expect(await rowsOf(s.reel.id)).toEqual(before);
	});

	it('D+7 before D+1 is refused (409); then D+1 moves published → stats_d1 and D+7 stats_d1 → stats_d7', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const before = await rowsOf(s.reel.id);
		const d7First = await report(s.creator.client, s.reel.id, 'D7');
		expect(d7First.status).toBe(409);
		expect(((await d7First.json()) as Problem).code).toBe('invalid_state');
		expect(await rowsOf(s.reel.id)).toEqual(before);

		const d1 = await ok(await report(s.creator.client, s.reel.id, 'D1'));
		expect(d1.deliverable.status).toBe('stats_d1');
		expect(d1.stats.D1).toMatchObject({ status: 'submitted', views: 12_000, reach: 9_000, navigation: null, exits: null });
		const d7 = await ok(await report(s.creator.client, s.reel.id, 'D7', { views: 20_000 }));
		expect(d7.deliverable.status).toBe('stats_d7');
		expect(d7.deliverable.next).toMatchObject({ party: 'brand', step: 'approve_stats' });
		expect(d7.stats.D7).toMatchObject({ status: 'submitted', views: 20_000 });
	});

	it('a window not yet approved is corrected without moving the deliverable (audit `correction`)', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		const fixed = await ok(await report(s.creator.client, s.reel.id, 'D1', { likes: 850 }));
		expect(fixed.deliverable.status).toBe('stats_d1');
		expect(fixed.stats.D1).toMatchObject({ status: 'submitted', likes: 850 });
		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.action === 'stats_reported').map((e) => e.data)).toEqual([
			{ deliverableId: s.reel.id, status: 'stats_d1', window: 'D1', correction: false },
			{ deliverableId: s.reel.id, status: 'stats_d1', window: 'D1', correction: true }
		]);
	});

	it('figures are whole numbers from 0 to 2e9 (reach above views is allowed); navigation and exits are for stories', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const before = await rowsOf(s.reel.id);
		for (const [field, value] of [
			['views', -1],
			['likes', 1.5],
			['comments', 2_000_000_001],
			['saves', '40'],
			['reach', null]
		] as const) {
			const res = await report(s.creator.client, s.reel.id, 'D1', { [field]: value });
			expect(res.status, field).toBe(400);
			expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual([field]);
		}
		const missing = await s.creator.client.call(`/deliverables/${s.reel.id}/stats`, { json: { window: 'D1', views: 1 } });
		expect(missing.status).toBe(400);
		const nav = await report(s.creator.client, s.reel.id, 'D1', { navigation: 10, exits: 2 });
		expect(nav.status).toBe(400);
		expect(((await nav.json()) as Problem).errors?.map((e) => e.path)).toEqual(['navigation', 'exits']);
		expect(await rowsOf(s.reel.id)).toEqual(before);
		// Instagram can count more accounts reached than views: no rule is invented.
		expect((await ok(await report(s.creator.client, s.reel.id, 'D1', { views: 100, reach: 150 }))).stats.D1).toMatchObject({ views: 100, reach: 150 });
	});

	it('a story needs a screenshot of the creator’s own (400 otherwise) and keeps navigation and exits', async () => {
		const s = await approvedScene();
		const story = s.story!;
		await published(s.creator.client, story.id, { url: STORY_URL, publishedAt: ago(2 * DAY) });
		const before = await rowsOf(story.id);
		const none = await report(s.creator.client, story.id, 'D1', { replies: 14, navigation: 300, exits: 45 });
		expect(none.status).toBe(400);
		expect(((await none.json()) as Problem).errors).toEqual([{ path: 'screenshotId', message: expect.stringContaining('24') }]);

		const other = await creatorAccount(env, 'Autre Créatrice');
		const foreign = await uploadScreenshot(other.client);
		for (const screenshotId of [foreign, 'no-such-screenshot']) {
			const res = await report(s.creator.client, story.id, 'D1', { replies: 14, navigation: 300, exits: 45, screenshotId });
			expect(res.status).toBe(400);
			expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['screenshotId']);
		}
		expect(await rowsOf(story.id)).toEqual(before);

		const shot = await uploadScreenshot(s.creator.client);
		const out = await ok(await report(s.creator.client, story.id, 'D1', { replies: 14, navigation: 300, exits: 45, screenshotId: shot }));
		expect(out.deliverable.status).toBe('stats_d1');
		expect(out.stats.D1).toMatchObject({ replies: 14, navigation: 300, exits: 45, screenshotId: shot });

		// Both parties can see the screenshot; nobody else.
		for (const client of [s.brand.client, s.creator.client]) {
			const img = await client.call(`/deliverables/${story.id}/stats/D1/screenshot`);
			expect(img.status).toBe(200);
			expect(img.headers.get('content-type')).toBe('image/png');
			await img.arrayBuffer();
		}
		const rival = await brandAccount('Maison Rivale Oran');
		expect((await rival.client.call(`/deliverables/${story.id}/stats/D1/screenshot`)).status).toBe(404);
		expect((await s.brand.client.call(`/deliverables/${story.id}/stats/D7/screenshot`)).status).toBe(404);
		expect((await s.brand.client.call(`/deliverables/${story.id}/stats/D3/screenshot`)).status).toBe(404);
	});
});

describe('the brand’s review', () => {
	it('query (comment required) → the creator answers → approve; an approved window is final', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));

		const bare = await reviewStats(s.brand.client, s.reel.id, 'D1', 'query');
		expect(bare.status).toBe(400);
		expect(((await bare.json()) as Problem).errors?.map((e) => e.path)).toEqual(['comment']);
		// Nothing to answer yet.
		expect((await answer(s.creator.client, s.reel.id, 'D1', 'Voici la capture.')).status).toBe(409);

		const queried = await ok(await reviewStats(s.brand.client, s.reel.id, 'D1', 'query', 'La portée (9 000) semble basse pour 12 000 vues.'));
		expect(queried.stats.D1!.status).toBe('queried');
		expect(queried.messages.at(-1)).toMatchObject({ kind: 'stats_query', party: 'brand', statsWindow: 'D1', body: 'La portée (9 000) semble basse pour 12 000 vues.' });
		// A second question waits for the answer to the first.
		expect((await reviewStats(s.brand.client, s.reel.id, 'D1', 'query', 'Et les partages ?')).status).toBe(409);

		const answered = await ok(await answer(s.creator.client, s.reel.id, 'D1', 'Instagram compte les comptes uniques : la portée est plus basse.'));
		expect(answered.stats.D1!.status).toBe('submitted');
		expect(answered.messages.at(-1)).toMatchObject({ kind: 'stats_answer', party: 'creator', statsWindow: 'D1' });

		const approved = await ok(await reviewStats(s.brand.client, s.reel.id, 'D1', 'approve'));
		expect(approved.stats.D1).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
		expect(approved.deliverable.status).toBe('stats_d1');

		const before = await rowsOf(s.reel.id);
		const late = await report(s.creator.client, s.reel.id, 'D1', { likes: 1 });
		expect(late.status).toBe(409);
		expect(((await late.json()) as Problem).detail).toMatch(/valid/);
		expect((await reviewStats(s.brand.client, s.reel.id, 'D1', 'query', 'Encore une question')).status).toBe(409);
		expect(await rowsOf(s.reel.id)).toEqual(before);

		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.data.deliverableId === s.reel.id && e.action.startsWith('stats_')).map((e) => [e.action, e.data.decision ?? e.data.answered ?? e.data.correction])).toEqual([
			['stats_reported', false],
			['stats_reviewed', 'query'],
			['stats_reported', true],
			['stats_reviewed', 'approve']
		]);
	});

	it('approving D+7 needs D+1 approved first, then closes the deliverable (done)', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		await ok(await report(s.creator.client, s.reel.id, 'D7', { views: 20_000 }));
		const before = await rowsOf(s.reel.id);
		const early = await reviewStats(s.brand.client, s.reel.id, 'D7', 'approve');
		expect(early.status).toBe(409);
		expect(((await early.json()) as Problem).detail).toMatch(/J\+1/);
		expect(await rowsOf(s.reel.id)).toEqual(before);

		expect((await ok(await reviewStats(s.brand.client, s.reel.id, 'D1', 'approve'))).deliverable.status).toBe('stats_d7');
		const done = await ok(await reviewStats(s.brand.client, s.reel.id, 'D7', 'approve', 'Merci, très bons chiffres.'));
		expect(done.deliverable.status).toBe('done');
		expect(done.deliverable.next).toBeNull();
		expect(done.messages.at(-1)).toMatchObject({ kind: 'stats_approved', statsWindow: 'D7', body: 'Merci, très bons chiffres.' });
		// Nothing more to do on a done deliverable.
		expect((await report(s.creator.client, s.reel.id, 'D7', { views: 1 })).status).toBe(409);
		expect((await reviewStats(s.brand.client, s.reel.id, 'D7', 'approve')).status).toBe(409);

		const trail = await auditOf(s.creator.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.at(-1)).toMatchObject({ action: 'stats_reviewed', data: { deliverableId: s.reel.id, status: 'done', window: 'D7', decision: 'approve' } });
	});

	it('approved stats flow into the creator’s stats and features, D+7 overriding D+1; nothing before approval', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		await ok(await report(s.creator.client, s.reel.id, 'D7', { views: 20_000, reach: 15_000, likes: 1_500 }));
		const ref = `wasla:${s.reel.id}`;
		const post = () => env.DB.prepare('SELECT * FROM posts WHERE creator_id = ?1 AND ref = ?2').bind(s.creator.creatorId, ref).first<Record<string, unknown>>();
		// Reported but not approved: no delivered post, no features from it.
		expect(await post()).toBeNull();
		expect(await features(s.creator.creatorId)).toBeNull();

		await ok(await reviewStats(s.brand.client, s.reel.id, 'D1', 'approve'));
		expect(await post()).toMatchObject({ platform: 'instagram', format: 'reel', views: 12_000, reach: 9_000, likes: 800, sponsored: 1 });
		const afterD1 = await features(s.creator.creatorId);
		expect(afterD1).toMatchObject({ posts_total: 1, sponsored_share: 1 });
		// (800 + 60 + 40 + 25) / 9 000
		expect(JSON.parse(afterD1!.engagement_by_format).reel).toMatchObject({ posts: 1, engagementRate: 0.1028, avgViews: 12_000 });

		await ok(await reviewStats(s.brand.client, s.reel.id, 'D7', 'approve'));
		expect(await post()).toMatchObject({ views: 20_000, reach: 15_000, likes: 1_500 });
		expect(await env.DB.prepare('SELECT count(*) AS n FROM posts WHERE creator_id = ?1').bind(s.creator.creatorId).first()).toEqual({ n: 1 });
		expect(JSON.parse((await features(s.creator.creatorId))!.engagement_by_format).reel).toMatchObject({ posts: 1, avgViews: 20_000 });
	});
});

describe('who may do what', () => {
	it('the brand cannot report or answer and the creator cannot review (403); other tenants get 404; nothing changes', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		await ok(await reviewStats(s.brand.client, s.reel.id, 'D1', 'query', 'Les vues ?'));
		const before = await rowsOf(s.reel.id);
		expect((await report(s.brand.client, s.reel.id, 'D1')).status).toBe(403);
		expect((await answer(s.brand.client, s.reel.id, 'D1', 'Réponse de la marque')).status).toBe(403);
		expect((await reviewStats(s.creator.client, s.reel.id, 'D1', 'approve')).status).toBe(403);

		const otherBrand = await brandAccount('Maison Rivale Oran');
		const otherCreator = await creatorAccount(env, 'Autre Créatrice');
		for (const client of [otherBrand.client, otherCreator.client]) {
			expect((await report(client, s.reel.id, 'D1')).status).toBe(404);
			expect((await reviewStats(client, s.reel.id, 'D1', 'approve')).status).toBe(404);
			expect((await answer(client, s.reel.id, 'D1', 'Bonjour à tous')).status).toBe(404);
		}
		expect((await s.brand.client.call(`/deliverables/${s.reel.id}/stats/D2/review`, { json: { decision: 'approve' } })).status).toBe(404);
		expect(await rowsOf(s.reel.id)).toEqual(before);
	});

	it('nothing is reported on a deliverable before publication or once withdrawn (409)', async () => {
		const s = await approvedScene();
		let before = await rowsOf(s.reel.id);
		expect((await report(s.creator.client, s.reel.id, 'D1')).status).toBe(409);
		expect(await rowsOf(s.reel.id)).toEqual(before);
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		await env.DB.prepare("UPDATE deliverables SET status = 'withdrawn' WHERE id = ?1").bind(s.reel.id).run();
		before = await rowsOf(s.reel.id);
		expect((await report(s.creator.client, s.reel.id, 'D1', FIGURES)).status).toBe(409);
		expect((await reviewStats(s.brand.client, s.reel.id, 'D1', 'approve')).status).toBe(409);
		expect(await rowsOf(s.reel.id)).toEqual(before);
	});
});

describe('erasure', () => {
	it('a creator who attached a screenshot to a story’s stats can still erase their account: the figures and their screenshot stay with the signed agreement', async () => {
		const s = await approvedScene();
		const story = s.story!;
		await published(s.creator.client, story.id, { url: STORY_URL, publishedAt: ago(2 * DAY) });
		const shot = await uploadScreenshot(s.creator.client);
		await ok(await report(s.creator.client, story.id, 'D1', { navigation: 300, exits: 45, screenshotId: shot }));
		expect((await s.creator.client.call('/me', { method: 'DELETE' })).status).toBe(202);
		// Evidence of a signed agreement's performance is kept with it (ARCHITECTURE.md, Personal data).
		expect(await env.DB.prepare('SELECT count(*) AS n FROM stats_screenshots WHERE id = ?1').bind(shot).first()).toEqual({ n: 1 });
		const out = (await (await s.brand.client.call(`/deliverables/${story.id}`)).json()) as Detail;
		expect(out.stats.D1).toMatchObject({ views: 12_000, navigation: 300, screenshotId: shot });
		expect((await s.brand.client.call(`/deliverables/${story.id}/stats/D1/screenshot`)).status).toBe(200);
	});
});

describe('concurrent requests', () => {
	it('two approvals of the same window at once: one wins, the other is refused; one delivered post, a valid chain', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		await ok(await report(s.creator.client, s.reel.id, 'D1'));
		const statuses = (await Promise.all([reviewStats(s.brand.client, s.reel.id, 'D1', 'approve'), reviewStats(s.brand.client, s.reel.id, 'D1', 'approve')])).map((r) => r.status).sort();
		expect(statuses).toEqual([200, 409]);
		expect(await env.DB.prepare('SELECT count(*) AS n FROM posts WHERE creator_id = ?1').bind(s.creator.creatorId).first()).toEqual({ n: 1 });
		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.action === 'stats_reviewed')).toHaveLength(1);
	});

	it('two first D+1 reports at once: the deliverable moves once, the later one is a correction', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const [a, b] = await Promise.all([report(s.creator.client, s.reel.id, 'D1', { views: 100 }), report(s.creator.client, s.reel.id, 'D1', { views: 200 })]);
		expect([a.status, b.status]).toEqual([200, 200]);
		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(
			trail.events
				.filter((e) => e.action === 'stats_reported')
				.map((e) => e.data.correction)
				.sort()
		).toEqual([false, true]);
	});
});
