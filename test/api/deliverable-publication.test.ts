/**
 * Publication with disclosure and story highlights (issue 11, point 3): the creator records
 * the post on the deliverable's platform with the disclosure the terms require; an
 * incomplete disclosure flags it and holds its payout until fixed; the brand confirms or
 * flags; stories record their highlight hours against the terms. Refusals change nothing.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { type Detail, DAY, HOUR, REEL_URL, STORY_URL, ago, approvedScene, auditOf, detail, publish, published, rowsOf } from './deliverable-flow';
import type { Problem } from './agreements-scene';

const review = (client: Parameters<typeof publish>[0], id: string, body: Record<string, unknown>) => client.call(`/deliverables/${id}/publication/review`, { json: body });

describe('recording a post', () => {
	it('approved → published with a complete disclosure: pending the brand’s check, payout not held, audited, the brand told', async () => {
		const s = await approvedScene();
		const publishedAt = ago(2 * DAY);
		const out = await published(s.creator.client, s.reel.id, { url: `${REEL_URL}?igsh=abc#top`, publishedAt, disclosure: { label: true, hashtag: '#Sponsorisé' } });
		expect(out.deliverable).toMatchObject({
			status: 'published',
			postUrl: `${REEL_URL}?igsh=abc`,
			publishedAt,
			disclosure: { label: true, hashtags: ['#Sponsorisé'] },
			publicationReview: 'pending',
			publicationFlag: null,
			payoutHeld: false
		});
		expect(out.deliverable.next).toMatchObject({ party: 'creator', step: 'report_d1' });
		expect(out.deliverable.statsOpenAt).toEqual({ D1: new Date(Date.parse(publishedAt) + DAY).toISOString(), D7: new Date(Date.parse(publishedAt) + 7 * DAY).toISOString() });

		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.at(-1)).toMatchObject({
			action: 'published',
			data: { deliverableId: s.reel.id, status: 'published', url: `${REEL_URL}?igsh=abc`, publishedAt, disclosure: { label: true, hashtags: ['#Sponsorisé'] }, disclosureComplete: true }
		});
		const notice = await env.DB.prepare("SELECT payload FROM notifications WHERE user_id = ?1 AND kind = 'deliverable_update' ORDER BY created_at DESC LIMIT 1")
			.bind(s.brand.user.id)
			.first<{ payload: string }>();
		expect(JSON.parse(notice!.payload)).toMatchObject({ deliverableId: s.reel.id, event: 'published' });
	});

	it('accepts `hashtags` as a list, compared case-insensitively with the terms’', async () => {
		const s = await approvedScene();
		const out = await published(s.creator.client, s.reel.id, { disclosure: { label: true, hashtags: ['#ramadan', '#SPONSORISÉ', '#sponsorisé'] } });
		expect(out.deliverable.disclosure).toEqual({ label: true, hashtags: ['#ramadan', '#SPONSORISÉ'] });
		expect(out.deliverable.publicationReview).toBe('pending');
	});

	it('refuses a URL that is not a post of the deliverable’s platform, with a field error, and changes nothing', async () => {
		const s = await approvedScene();
		const before = await rowsOf(s.reel.id);
		for (const [url, fragment] of [
			['https://www.tiktok.com/@nour/video/7234567890123456789', 'Instagram'],
			['https://instagram.com.evil.dz/reel/C9xYz12AbCd/', 'Instagram'],
			['https://www.instagram.com@evil.dz/reel/C9xYz12AbCd/', 'Instagram'],
			['http://www.instagram.com/reel/C9xYz12AbCd/', 'https://'],
			['javascript:alert(1)//www.instagram.com/reel/C9xYz12AbCd/', 'https://'],
			['https://www.instagram.com/nour.beauty/', 'profil']
		]) {
			const res = await publish(s.creator.client, s.reel.id, { url });
			expect(res.status, url).toBe(400);
			const problem = (await res.json()) as Problem;
			expect(problem.errors?.map((e) => e.path)).toEqual(['url']);
			expect(problem.errors![0].message, url).toContain(fragment);
		}
		expect(await rowsOf(s.reel.id)).toEqual(before);
	});

	it('refuses a time in the future (beyond 5 minutes of skew) or before the signature; a past time is fine', async () => {
		const s = await approvedScene();
		const before = await rowsOf(s.reel.id);
		for (const [publishedAt, message] of [
			[new Date(Date.now() + HOUR).toISOString(), 'futur'],
			[new Date(s.signedAt - HOUR).toISOString(), 'signature'],
			['12/01/2027 18:30', 'ISO 8601']
		]) {
			const res = await publish(s.creator.client, s.reel.id, { publishedAt });
			expect(res.status, publishedAt).toBe(400);
			const problem = (await res.json()) as Problem;
			expect(problem.errors).toEqual([{ path: 'publishedAt', message: expect.stringContaining(message) }]);
		}
		// A bad URL and a bad time are named together, so the form shows both.
		const both = await publish(s.creator.client, s.reel.id, { url: 'https://www.instagram.com/nour.beauty/', publishedAt: new Date(Date.now() + HOUR).toISOString() });
		expect(((await both.json()) as Problem).errors?.map((e) => e.path)).toEqual(['url', 'publishedAt']);
		expect(await rowsOf(s.reel.id)).toEqual(before);
		// A phone clock a minute ahead is not "the future".
		expect((await publish(s.creator.client, s.reel.id, { publishedAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(200);
	});

	it('refuses a bad hashtag or label as field errors', async () => {
		const s = await approvedScene();
		const res = await publish(s.creator.client, s.reel.id, { disclosure: { label: 'oui', hashtags: ['sponsorisé'] } });
		expect(res.status).toBe(400);
		expect(((await res.json()) as Problem).errors?.map((e) => e.path).sort()).toEqual(['disclosure.hashtags.0', 'disclosure.label']);
	});
});

describe('disclosure and the brand’s check', () => {
	it('a post without the label or the agreed hashtag is flagged and holds its payout; recording it again fixed clears the flag; the brand confirms', async () => {
		const s = await approvedScene();
		const noLabel = await published(s.creator.client, s.reel.id, { disclosure: { label: false, hashtag: '#sponsorisé' } });
		expect(noLabel.deliverable).toMatchObject({ status: 'published', publicationReview: 'flagged', publicationFlag: 'disclosure_missing', payoutHeld: true });

		// Another hashtag than the terms' is not the agreed disclosure either.
		const otherTag = await published(s.creator.client, s.reel.id, { disclosure: { label: true, hashtag: '#collab' } });
		expect(otherTag.deliverable).toMatchObject({ publicationReview: 'flagged', publicationFlag: 'disclosure_missing', payoutHeld: true });
		// A flagged post waits for the creator: the brand cannot confirm it as is.
		expect((await review(s.brand.client, s.reel.id, { decision: 'confirm' })).status).toBe(409);

		const fixed = await published(s.creator.client, s.reel.id, { disclosure: { label: true, hashtags: ['#collab', '#إشهار'] } });
		expect(fixed.deliverable).toMatchObject({ status: 'published', publicationReview: 'pending', publicationFlag: null, payoutHeld: false });

		const confirmed = await review(s.brand.client, s.reel.id, { decision: 'confirm' });
		expect(confirmed.status).toBe(200);
		expect(((await confirmed.json()) as Detail).deliverable).toMatchObject({ publicationReview: 'confirmed', payoutHeld: false });
		// Confirming twice is refused and changes nothing.
		const before = await rowsOf(s.reel.id);
		expect((await review(s.brand.client, s.reel.id, { decision: 'confirm' })).status).toBe(409);
		expect(await rowsOf(s.reel.id)).toEqual(before);

		const trail = await auditOf(s.creator.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		const mine = trail.events.filter((e) => e.data.deliverableId === s.reel.id);
		expect(mine.map((e) => [e.action, e.data.disclosureComplete ?? e.data.decision])).toEqual([
			['published', false],
			['published', false],
			['published', true],
			['publication_reviewed', 'confirm']
		]);
	});

	it('the brand flags a post with its reason (payout held); the creator’s new record puts it back to pending', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const noReason = await review(s.brand.client, s.reel.id, { decision: 'flag' });
		expect(noReason.status).toBe(400);
		expect(((await noReason.json()) as Problem).errors?.map((e) => e.path)).toEqual(['reason']);

		const flagged = await review(s.brand.client, s.reel.id, { decision: 'flag', reason: 'Le label « partenariat rémunéré » a disparu.' });
		expect(flagged.status).toBe(200);
		const out = (await flagged.json()) as Detail;
		expect(out.deliverable).toMatchObject({ publicationReview: 'flagged', publicationFlag: 'Le label « partenariat rémunéré » a disparu.', payoutHeld: true });
		expect(out.messages.at(-1)).toMatchObject({ kind: 'publication_flagged', party: 'brand', body: 'Le label « partenariat rémunéré » a disparu.' });
		const notice = await env.DB.prepare("SELECT payload FROM notifications WHERE user_id = ?1 AND kind = 'deliverable_update' ORDER BY created_at DESC LIMIT 1")
			.bind(s.creator.user.id)
			.first<{ payload: string }>();
		expect(JSON.parse(notice!.payload)).toMatchObject({ deliverableId: s.reel.id, event: 'publication_reviewed' });

		const again = await published(s.creator.client, s.reel.id);
		expect(again.deliverable).toMatchObject({ status: 'published', publicationReview: 'pending', publicationFlag: null, payoutHeld: false });
		expect((await review(s.brand.client, s.reel.id, { decision: 'confirm' })).status).toBe(200);
		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.action === 'publication_reviewed').map((e) => e.data.decision)).toEqual(['flag', 'confirm']);
	});
});

describe('who may do what, and when', () => {
	it('the brand cannot record the post and the creator cannot review it (403); nothing changes', async () => {
		const s = await approvedScene();
		const before = await rowsOf(s.reel.id);
		expect((await publish(s.brand.client, s.reel.id)).status).toBe(403);
		expect(await rowsOf(s.reel.id)).toEqual(before);
		await published(s.creator.client, s.reel.id);
		const after = await rowsOf(s.reel.id);
		expect((await publish(s.brand.client, s.reel.id)).status).toBe(403);
		expect((await review(s.creator.client, s.reel.id, { decision: 'confirm' })).status).toBe(403);
		expect((await s.brand.client.call(`/deliverables/${s.story!.id}/highlight`, { json: { hours: 48 } })).status).toBe(403);
		expect(await rowsOf(s.reel.id)).toEqual(after);
	});

	it('another brand, another creator and strangers get 404', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const before = await rowsOf(s.reel.id);
		const otherBrand = await brandAccount('Maison Rivale Oran');
		const otherCreator = await creatorAccount(env, 'Autre Créatrice');
		for (const client of [otherBrand.client, otherCreator.client]) {
			expect((await publish(client, s.reel.id)).status).toBe(404);
			expect((await review(client, s.reel.id, { decision: 'confirm' })).status).toBe(404);
			expect((await client.call(`/deliverables/${s.story!.id}/highlight`, { json: { hours: 48 } })).status).toBe(404);
		}
		expect((await publish(s.creator.client, 'no-such-deliverable')).status).toBe(404);
		expect(await rowsOf(s.reel.id)).toEqual(before);
	});

	it('409 before approval, for a review before any post, and once the deliverable is done or withdrawn; nothing changes', async () => {
		const s = await approvedScene();
		await env.DB.prepare("UPDATE deliverables SET status = 'draft_submitted' WHERE id = ?1").bind(s.reel.id).run();
		let before = await rowsOf(s.reel.id);
		const early = await publish(s.creator.client, s.reel.id);
		expect(early.status).toBe(409);
		expect(((await early.json()) as Problem).code).toBe('invalid_state');
		expect((await review(s.brand.client, s.reel.id, { decision: 'confirm' })).status).toBe(409);
		expect(await rowsOf(s.reel.id)).toEqual(before);

		const [, second] = s.list.filter((d) => d.format === 'reel');
		await published(s.creator.client, second.id);
		for (const status of ['done', 'withdrawn']) {
			await env.DB.prepare('UPDATE deliverables SET status = ?2 WHERE id = ?1').bind(second.id, status).run();
			before = await rowsOf(second.id);
			expect((await publish(s.creator.client, second.id)).status, status).toBe(409);
			expect((await review(s.brand.client, second.id, { decision: 'flag', reason: 'Label absent' })).status, status).toBe(409);
			expect(await rowsOf(second.id)).toEqual(before);
		}
	});

	it('recording again while the stats are collected fixes the post without moving the status', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id, { disclosure: { label: false, hashtag: '#sponsorisé' } });
		await env.DB.prepare("UPDATE deliverables SET status = 'stats_d1' WHERE id = ?1").bind(s.reel.id).run();
		const fixed = await published(s.creator.client, s.reel.id, { url: 'https://www.instagram.com/p/C9xYz12AbCd/' });
		expect(fixed.deliverable).toMatchObject({ status: 'stats_d1', postUrl: 'https://www.instagram.com/p/C9xYz12AbCd/', publicationReview: 'pending', payoutHeld: false });
		expect((await auditOf(s.brand.client, s.agreementId)).events.at(-1)!.data).toMatchObject({ status: 'stats_d1', disclosureComplete: true });
	});
});

describe('story highlights', () => {
	it('records the hours a story stayed highlighted against the terms’ hours (48): short below, not short at or above', async () => {
		const s = await approvedScene();
		const story = s.story!;
		// Before the story is online there is nothing to highlight.
		const before = await rowsOf(story.id);
		expect((await s.creator.client.call(`/deliverables/${story.id}/highlight`, { json: { hours: 48 } })).status).toBe(409);
		expect(await rowsOf(story.id)).toEqual(before);

		await published(s.creator.client, story.id, { url: STORY_URL, publishedAt: ago(3 * DAY) });
		const short = await s.creator.client.call(`/deliverables/${story.id}/highlight`, { json: { hours: 24 } });
		expect(short.status).toBe(200);
		expect(((await short.json()) as Detail).deliverable).toMatchObject({ storyHighlightHours: 48, highlightHours: 24, highlightShort: true });

		const enough = await s.creator.client.call(`/deliverables/${story.id}/highlight`, { json: { hours: 72 } });
		expect(((await enough.json()) as Detail).deliverable).toMatchObject({ highlightHours: 72, highlightShort: false });
		expect((await detail(s.brand.client, story.id)).deliverable).toMatchObject({ highlightHours: 72, highlightShort: false });

		const trail = await auditOf(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.filter((e) => e.action === 'highlight_recorded').map((e) => e.data)).toEqual([
			{ deliverableId: story.id, status: 'published', hours: 24, required: 48 },
			{ deliverableId: story.id, status: 'published', hours: 72, required: 48 }
		]);
	});

	it('is for stories only (409 for a reel), in whole hours (400)', async () => {
		const s = await approvedScene();
		await published(s.creator.client, s.reel.id);
		const before = await rowsOf(s.reel.id);
		const reel = await s.creator.client.call(`/deliverables/${s.reel.id}/highlight`, { json: { hours: 48 } });
		expect(reel.status).toBe(409);
		expect(((await reel.json()) as Problem).detail).toContain('story');
		expect(await rowsOf(s.reel.id)).toEqual(before);
		for (const hours of [-1, 1.5, 9000, '48']) {
			expect((await s.creator.client.call(`/deliverables/${s.story!.id}/highlight`, { json: { hours } })).status, String(hours)).toBe(400);
		}
	});
});
