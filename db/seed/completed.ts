/**
 * Demo track records (issue 16, point 4): a few signed demo agreements are carried to the
 * end, so the matches' sixth criterion shows real numbers on `npm start`. Like the rest of
 * db/seed/agreements.ts, every step calls the service the API calls, at a clock set weeks
 * back: the creator sends a text draft, the brand approves it, the creator records the post
 * (with the agreed disclosure) and its D+1 and D+7 figures, the brand approves them (the
 * last approval completes the agreement), and the shop records a few delivered orders
 * credited to the creator. Each of these refreshes creator_track_records as in the app.
 */
import type { CallerContext } from '../../worker/context';
import type { StreamedUploadBody } from '../../worker/body';
import type { MediaType } from '../../worker/domain/file-types';
import { recordConversion } from '../../worker/services/attribution';
import { recordPublication, reportStats, reviewDraft, reviewStats, submitDraft } from '../../worker/services/deliverables';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Signed demo agreements (of creators other than the demo creator) carried to completion. */
export const COMPLETED_AGREEMENTS = 3;
/** How far back the completed agreements are signed: their D+7 windows closed before today. */
export const COMPLETED_SIGNED_DAYS_AGO = 21;
/** D+7 views of each completed agreement against the creator's median reel: one strong, one average, one weak. */
const VIEW_FACTORS = [1.6, 1, 0.7];
/** Delivered orders credited per completed agreement, and their amount (dinars). */
const ORDERS = [6, 3, 1];
const ORDER_DZD = 3800;

/** The deliverables a completed demo agreement promises: Instagram reels (their figures need no screenshot). */
export const COMPLETED_DELIVERABLES = [{ platform: 'instagram', format: 'reel', count: 2, storyHighlightHours: null }];

/** A draft with only its text, as a creator sends a script before filming. */
function textDraft(note: string): StreamedUploadBody<MediaType, { note: string }> {
	return { store: async () => ({ fields: { note }, file: null }) };
}

export interface CompleteOptions {
	agreementId: string;
	campaignId: string;
	creatorId: string;
	/** 0, 1, 2…: which figures and orders this one gets. */
	index: number;
	hashtags: string[];
	/** The context of a party at a moment. */
	at: (party: 'brand' | 'creator', ms: number) => CallerContext;
	signedAt: number;
}

/** Walks every deliverable of a signed agreement to `done`, then records its orders. */
export async function completeAgreement(db: D1Database, o: CompleteOptions): Promise<void> {
	const { results: deliverables } = await db.prepare('SELECT id FROM deliverables WHERE agreement_id = ?1 ORDER BY seq').bind(o.agreementId).all<{ id: string }>();
	const own = await db.prepare("SELECT views FROM posts WHERE creator_id = ?1 AND format = 'reel' AND ref NOT LIKE 'wasla:%' ORDER BY views").bind(o.creatorId).all<{ views: number }>();
	const views = own.results.map((p) => p.views);
	const median = views.length ? views[Math.floor(views.length / 2)] : 2000;
	const d7 = Math.max(100, Math.round(median * VIEW_FACTORS[o.index % VIEW_FACTORS.length]));
	let t = o.signedAt + HOUR;
	for (const [i, { id }] of deliverables.entries()) {
		await submitDraft(o.at('creator', (t += HOUR)), { deliverableId: id, upload: textDraft('Script : ouverture sur le produit, la routine, puis le code promo.') });
		await reviewDraft(o.at('brand', (t += HOUR)), { deliverableId: id, decision: 'approve', comment: '' });
		const publishedAt = o.signedAt + (1 + i) * DAY;
		await recordPublication(o.at('creator', publishedAt + HOUR), {
			deliverableId: id,
			url: `https://www.instagram.com/reel/Demo${o.index}x${i}Wasla/`,
			publishedAt: new Date(publishedAt).toISOString(),
			disclosure: { label: true, hashtags: o.hashtags }
		});
		const figures = (v: number) => ({
			views: v,
			reach: Math.round(v * 0.8),
			likes: Math.round(v * 0.06),
			comments: Math.round(v * 0.01),
			saves: Math.round(v * 0.005),
			shares: Math.round(v * 0.004),
			replies: 0,
			linkClicks: Math.round(v * 0.01)
		});
		await reportStats(o.at('creator', publishedAt + DAY + 2 * HOUR), { deliverableId: id, window: 'D1', figures: figures(Math.round(d7 * 0.6)), screenshotId: null });
		await reviewStats(o.at('brand', publishedAt + DAY + 4 * HOUR), { deliverableId: id, window: 'D1', decision: 'approve', comment: '' });
		await reportStats(o.at('creator', publishedAt + 7 * DAY + 2 * HOUR), { deliverableId: id, window: 'D7', figures: figures(d7), screenshotId: null });
		await reviewStats(o.at('brand', publishedAt + 7 * DAY + 4 * HOUR), { deliverableId: id, window: 'D7', decision: 'approve', comment: '' });
	}
	const orders = ORDERS[o.index % ORDERS.length];
	for (let n = 0; n < orders; n++) {
		const at = o.signedAt + (2 + n) * DAY;
		await recordConversion(o.at('brand', at + HOUR), {
			campaignId: o.campaignId,
			order: { orderRef: null, source: 'asked', ref: '', creatorId: o.creatorId, channel: 'whatsapp', amountDzd: ORDER_DZD + 200 * n, at, deliveryStatus: 'delivered' }
		});
	}
}
