/**
 * Set-up of the publication and stats tests (issue 11, points 3 and 4): a signed agreement
 * whose deliverables can be published, and small calls for the steps after approval.
 *
 * PRECONDITION FIXTURE: drafts and their review are another part of issue 11, built at the
 * same time. Until it is merged, `approvedScene` puts a deliverable in `approved` with one SQL
 * UPDATE (status, approved_at, draft_version), as the drafts review would leave it; it also
 * dates the signature 30 days back, so a post can be recorded days in the past and its stats
 * windows (D+1, D+7) are already open.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { signedScene, listDeliverables, type DeliverableOut } from './deliverables-scene';
import type { Client } from './helpers';
import type { Terms } from './agreements-scene';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The agreement counts as signed this long ago, so past publication times are accepted. */
export const SIGNED_DAYS_AGO = 30;

export type Scene = Awaited<ReturnType<typeof signedScene>>;

/** A deliverable as the API answers it after a publication or stats step (the fields these tests read). */
export interface Detail {
	party: string;
	deliverable: DeliverableOut & {
		disclosure: { label: boolean; hashtags: string[] } | null;
		publicationFlag: string | null;
		highlightHours: number | null;
		highlightShort: boolean | null;
		storyHighlightHours: number | null;
		statsOpenAt: { D1: string | null; D7: string | null };
	};
	messages: { kind: string; body: string; statsWindow: string | null; party: string }[];
	stats: Record<
		'D1' | 'D7',
		null | { status: string; views: number; reach: number; likes: number; navigation: number | null; exits: number | null; screenshotId: string | null; approvedAt: string | null }
	>;
}

/**
 * A signed scene (two Instagram reels and a story, signed 30 days ago) with the deliverables
 * of `formats` (default: the first reel) set to `approved` by SQL (see the module comment).
 */
export async function approvedScene(opts: { shape?: (t: Terms) => Terms } = {}) {
	const s = await signedScene(opts.shape ? { shape: opts.shape } : {});
	const signedAt = Date.now() - SIGNED_DAYS_AGO * DAY;
	await env.DB.prepare('UPDATE agreements SET completed_at = ?2 WHERE id = ?1').bind(s.agreementId, signedAt).run();
	const list = await listDeliverables(s.creator.client, s.agreementId);
	await env.DB.prepare("UPDATE deliverables SET status = 'approved', approved_at = ?2, draft_version = 1 WHERE agreement_id = ?1")
		.bind(s.agreementId, signedAt + DAY)
		.run();
	const reel = list.find((d) => d.format === 'reel')!;
	const story = list.find((d) => d.format === 'story');
	return { ...s, list, reel, story, signedAt };
}

export const REEL_URL = 'https://www.instagram.com/reel/C9xYz12AbCd/';
export const STORY_URL = 'https://www.instagram.com/stories/nour.beauty/3456789012345678901/';

/** ISO time `ms` milliseconds ago. */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export function publishBody(overrides: Record<string, unknown> = {}) {
	return { url: REEL_URL, publishedAt: ago(8 * DAY), disclosure: { label: true, hashtag: '#sponsorisé' }, ...overrides };
}

export async function publish(client: Client, id: string, overrides: Record<string, unknown> = {}) {
	return client.call(`/deliverables/${id}/publication`, { json: publishBody(overrides) });
}

/** Publishes and expects 200; the record. */
export async function published(client: Client, id: string, overrides: Record<string, unknown> = {}): Promise<Detail> {
	const res = await publish(client, id, overrides);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as Detail;
}

export async function detail(client: Client, id: string): Promise<Detail> {
	const res = await client.call(`/deliverables/${id}`);
	expect(res.status).toBe(200);
	return (await res.json()) as Detail;
}

export const FIGURES = { views: 12_000, reach: 9_000, likes: 800, comments: 60, saves: 40, shares: 25, replies: 0, linkClicks: 0 };

export function report(client: Client, id: string, window: 'D1' | 'D7', overrides: Record<string, unknown> = {}) {
	return client.call(`/deliverables/${id}/stats`, { json: { window, ...FIGURES, ...overrides } });
}

export function reviewStats(client: Client, id: string, window: 'D1' | 'D7', decision: 'approve' | 'query', comment?: string) {
	return client.call(`/deliverables/${id}/stats/${window}/review`, { json: comment === undefined ? { decision } : { decision, comment } });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

/** A stats screenshot uploaded by the creator of `client`; its id. */
export async function uploadScreenshot(client: Client): Promise<string> {
	const form = new FormData();
	form.append('file', new File([PNG], 'story.png', { type: 'image/png' }));
	form.append('note', 'story J+1');
	const res = await client.call('/creators/me/screenshots', { body: form });
	expect(res.status).toBe(201);
	return ((await res.json()) as { screenshot: { id: string } }).screenshot.id;
}

/** Columns of a deliverable and its stats that a refused request must leave as they were. */
export async function rowsOf(id: string) {
	const [d, stats, msgs, events] = await env.DB.batch([
		env.DB.prepare('SELECT * FROM deliverables WHERE id = ?1').bind(id),
		env.DB.prepare('SELECT * FROM deliverable_stats WHERE deliverable_id = ?1 ORDER BY "window"').bind(id),
		env.DB.prepare('SELECT count(*) AS n FROM deliverable_messages WHERE deliverable_id = ?1').bind(id),
		env.DB.prepare("SELECT count(*) AS n FROM agreement_events WHERE json_extract(data, '$.deliverableId') = ?1").bind(id)
	]);
	return [d.results, stats.results, msgs.results, events.results];
}

export async function auditOf(client: Client, agreementId: string) {
	const res = await client.call(`/agreements/${agreementId}/audit`);
	expect(res.status).toBe(200);
	return (await res.json()) as { chainValid: boolean; events: { action: string; actor?: unknown; data: Record<string, unknown> }[] };
}
