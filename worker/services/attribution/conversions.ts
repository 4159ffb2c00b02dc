/**
 * Orders of a campaign (issue 12, point 4): one typed by shop staff, or a CSV of them, each
 * credited to at most one creator by the attribution rule (worker/domain/conversions.ts) and
 * stored once per brand and order reference. Brand members of the campaign's brand only;
 * another brand's campaign is 404.
 */
import { refreshCampaignTrackRecords } from '../track-records';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { iso } from '../../domain/dates';
import { type AttributionIndex, CLICK_LOOKBACK_MS, type ConversionChannel, type ConversionSource, type DeliveryStatus, attribute, mergeOrder, orderSpan } from '../../domain/conversions';
import { newSlug } from '../../domain/attribution-codes';
import { actingBrand } from '../viewer';

/** The campaign, if it is the caller's brand's; 404 otherwise. */
export async function ownCampaign(ctx: CallerContext, campaignId: string) {
	const brand = await actingBrand(ctx);
	const row = await ctx.db.prepare('SELECT id, brand_id, title FROM campaigns WHERE id = ?1 AND brand_id = ?2').bind(campaignId, brand.id).first<{ id: string; brand_id: string; title: string }>();
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * What can explain the campaign's orders placed between `from` and `to`: its codes, its links
 * with their clicks, its creators. For one order (`oneOrder`: the span is that order's own) a
 * link only needs one click inside it, so each link's latest is read instead of every click —
 * a campaign with thousands of clicks made every order carry them all (issue 15, point 4).
 */
async function indexOf(db: D1Database, campaignId: string, from: number, to: number, oneOrder: boolean): Promise<AttributionIndex> {
	const [codes, links, clicks, creators] = await db.batch([
		db.prepare('SELECT kind, code_key, creator_id, activated_at, deactivated_at FROM attribution_codes WHERE campaign_id = ?1').bind(campaignId),
		db.prepare('SELECT slug, creator_id FROM tracked_links WHERE campaign_id = ?1').bind(campaignId),
		db
			.prepare(
				oneOrder
					? 'SELECT slug, max(at) AS at FROM link_clicks WHERE campaign_id = ?1 AND at > ?2 AND at <= ?3 GROUP BY slug'
					: 'SELECT slug, at FROM link_clicks WHERE campaign_id = ?1 AND at > ?2 AND at <= ?3'
			)
			.bind(campaignId, from - CLICK_LOOKBACK_MS, to),
		db.prepare("SELECT DISTINCT c.id, c.handle, c.display_name FROM agreements g JOIN creators c ON c.id = g.creator_id WHERE g.campaign_id = ?1 AND g.status = 'signed'").bind(campaignId)
	]);
	const clicksBySlug = new Map<string, number[]>();
	for (const c of clicks.results as { slug: string; at: number }[]) clicksBySlug.set(c.slug, [...(clicksBySlug.get(c.slug) ?? []), c.at]);
	return {
		codes: (codes.results as { kind: 'promo' | 'keyword'; code_key: string; creator_id: string; activated_at: number; deactivated_at: number | null }[]).map((c) => ({
			kind: c.kind,
			key: c.code_key,
			creatorId: c.creator_id,
			activatedAt: c.activated_at,
			deactivatedAt: c.deactivated_at
		})),
		links: (links.results as { slug: string; creator_id: string }[]).map((l) => ({ slug: l.slug, creatorId: l.creator_id, clicks: clicksBySlug.get(l.slug) ?? [] })),
		creators: (creators.results as { id: string; handle: string; display_name: string }[]).map((c) => ({ creatorId: c.id, handle: c.handle, displayName: c.display_name }))
	};
}

export interface OrderInput {
	orderRef: string | null;
	source: ConversionSource | null;
	ref: string;
	/** Staff who picked the creator on the phone form: credited directly (one of the campaign's creators). */
	creatorId: string | null;
	channel: ConversionChannel;
	amountDzd: number;
	at: number;
	/** A CSV date without a time: attributed against the whole day (worker/domain/conversions.ts). */
	wholeDay?: boolean;
	deliveryStatus: DeliveryStatus;
}

type Outcome = 'insert' | 'update' | 'duplicate';

interface Planned {
	input: OrderInput & { orderRef: string };
	creatorId: string | null;
	by: ConversionSource | null;
	outcome: Outcome;
	existingId: string | null;
}

/** Reads the stored orders of these references (any campaign of the brand). */
async function storedOrders(db: D1Database, brandId: string, refs: string[]) {
	const out = new Map<string, { id: string; campaign_id: string; delivery_status: DeliveryStatus }>();
	for (let i = 0; i < refs.length; i += 90) {
		const chunk = refs.slice(i, i + 90);
		const { results } = await db
			.prepare(`SELECT id, order_ref, campaign_id, delivery_status FROM conversions WHERE brand_id = ?1 AND order_ref IN (${chunk.map((_, j) => `?${j + 2}`).join(', ')})`)
			.bind(brandId, ...chunk)
			.all<{ id: string; order_ref: string; campaign_id: string; delivery_status: DeliveryStatus }>();
		for (const r of results) out.set(r.order_ref, r);
	}
	return out;
}

/**
 * Credits and merges orders: a new reference is inserted, a known one with another delivery
 * status updated (its credit kept), the same status a duplicate; a reference the brand
 * recorded for another campaign is refused on its row (`otherCampaign`). Within one call a
 * reference seen twice is merged the same way.
 */
async function plan(ctx: CallerContext, campaign: { id: string; brand_id: string }, orders: OrderInput[]) {
	const { db } = ctx;
	const withRefs = orders.map((o) => ({ ...o, orderRef: o.orderRef ?? `W-${newSlug().toUpperCase()}` }));
	const spans = withRefs.map((o) => orderSpan(o));
	const index = await indexOf(
		db,
		campaign.id,
		spans.reduce((m, s) => Math.min(m, s.from), Infinity),
		spans.reduce((m, s) => Math.max(m, s.to), -Infinity),
		withRefs.length === 1
	);
	const stored = await storedOrders(db, campaign.brand_id, [...new Set(withRefs.map((o) => o.orderRef))]);
	const seen = new Map<string, DeliveryStatus>();
	const planned: Planned[] = [];
	const otherCampaign: number[] = [];
	withRefs.forEach((o, i) => {
		const existing = stored.get(o.orderRef);
		if (existing && existing.campaign_id !== campaign.id) {
			otherCampaign.push(i);
			return;
		}
		const before = seen.get(o.orderRef) ?? existing?.delivery_status ?? null;
		const outcome = mergeOrder(before === null ? null : { deliveryStatus: before }, o);
		seen.set(o.orderRef, o.deliveryStatus);
		const credit = o.creatorId
			? index.creators.some((c) => c.creatorId === o.creatorId)
				? { creatorId: o.creatorId, by: o.source ?? ('asked' as const) }
				: { creatorId: null, by: null }
			: attribute(index, { ref: o.ref, at: o.at, wholeDay: o.wholeDay, source: o.source });
		planned.push({ input: o, creatorId: credit.creatorId, by: credit.by, outcome, existingId: existing?.id ?? null });
	});
	return { planned, otherCampaign, index };
}

function writeStatements(ctx: CallerContext, campaign: { id: string; brand_id: string }, planned: Planned[]) {
	const { db, now, user } = ctx;
	return planned
		.filter((p) => p.outcome !== 'duplicate')
		.map((p) =>
			p.outcome === 'insert'
				? db
						.prepare(
							`INSERT INTO conversions (id, brand_id, campaign_id, order_ref, ref, source, channel, amount_dzd, at, delivery_status, creator_id, attributed_by, created_by_user_id, created_at, updated_at)
							 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
							 ON CONFLICT (brand_id, order_ref) DO UPDATE SET delivery_status = excluded.delivery_status, updated_at = excluded.updated_at WHERE campaign_id = excluded.campaign_id`
						)
						.bind(
							crypto.randomUUID(),
							campaign.brand_id,
							campaign.id,
							p.input.orderRef,
							p.input.ref,
							p.input.source,
							p.input.channel,
							p.input.amountDzd,
							p.input.at,
							p.input.deliveryStatus,
							p.creatorId,
							p.by,
							user.id,
							now
						)
				: db
						.prepare('UPDATE conversions SET delivery_status = ?3, updated_at = ?4 WHERE brand_id = ?1 AND order_ref = ?2 AND campaign_id = ?5')
						.bind(campaign.brand_id, p.input.orderRef, p.input.deliveryStatus, now, campaign.id)
		);
}

const counts = (planned: Planned[]) => ({
	imported: planned.filter((p) => p.outcome === 'insert').length,
	updated: planned.filter((p) => p.outcome === 'update').length,
	duplicates: planned.filter((p) => p.outcome === 'duplicate').length,
	unattributed: planned.filter((p) => p.outcome === 'insert' && p.creatorId === null).length
});

/** POST /campaigns/:id/conversions (JSON): one order. 201 when new; 200 with `result` when it updated or repeated a known reference. */
export async function recordConversion(ctx: CallerContext, input: { campaignId: string; order: OrderInput }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	const { planned, otherCampaign, index } = await plan(ctx, campaign, [input.order]);
	if (otherCampaign.length > 0) throw new AppError('already_exists', { fieldKeys: [{ path: 'orderRef', key: 'order_ref_other_campaign' }] });
	if (input.order.creatorId !== null && planned[0].creatorId === null) throw new AppError('invalid_request', { fieldKeys: [{ path: 'creatorId', key: 'order_creator_unknown' }] });
	const statements = writeStatements(ctx, campaign, planned);
	// A duplicate writes nothing (D1 refuses an empty batch).
	if (statements.length > 0) {
		await ctx.db.batch(statements);
		await refreshCampaignTrackRecords(ctx, { campaignId: campaign.id });
	}
	const p = planned[0];
	const row = await ctx.db.prepare('SELECT * FROM conversions WHERE brand_id = ?1 AND order_ref = ?2').bind(campaign.brand_id, p.input.orderRef).first<{
		id: string;
		order_ref: string;
		ref: string;
		source: string | null;
		channel: string;
		amount_dzd: number;
		at: number;
		delivery_status: string;
		creator_id: string | null;
		attributed_by: string | null;
	}>();
	const creator = index.creators.find((c) => c.creatorId === row!.creator_id);
	return {
		result: p.outcome,
		conversion: {
			id: row!.id,
			orderRef: row!.order_ref,
			ref: row!.ref,
			source: row!.source,
			channel: row!.channel,
			amountDzd: row!.amount_dzd,
			at: iso(row!.at),
			deliveryStatus: row!.delivery_status,
			creator: creator ? { id: creator.creatorId, displayName: creator.displayName, handle: creator.handle } : null,
			attributedBy: row!.attributed_by
		}
	};
}

/**
 * POST /campaigns/:id/conversions (text/csv): the valid rows merged as above. `preview`
 * writes nothing and answers what each row would do and whom it would credit.
 */
export async function importConversions(ctx: CallerContext, input: { campaignId: string; orders: (OrderInput & { line: number })[]; preview: boolean }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	if (input.orders.length === 0) return { preview: input.preview, ...counts([]), rows: [], otherCampaign: [] as number[] };
	const { planned, otherCampaign, index } = await plan(ctx, campaign, input.orders);
	const lines = input.orders.map((o) => o.line);
	if (!input.preview) {
		const statements = writeStatements(ctx, campaign, planned);
		for (let i = 0; i < statements.length; i += 100) await ctx.db.batch(statements.slice(i, i + 100));
		// The orders count in the track record of the campaign's creators.
		if (statements.length > 0) await refreshCampaignTrackRecords(ctx, { campaignId: campaign.id });
	}
	const nameOf = (id: string | null) => index.creators.find((c) => c.creatorId === id)?.displayName ?? null;
	return {
		preview: input.preview,
		...counts(planned),
		rows: planned.map((p) => ({
			orderRef: p.input.orderRef,
			result: p.outcome,
			creator: nameOf(p.creatorId),
			attributedBy: p.by,
			deliveryStatus: p.input.deliveryStatus,
			amountDzd: p.input.amountDzd
		})),
		otherCampaign: otherCampaign.map((i) => lines[i])
	};
}

export const INTENTION_KINDS = ['asked', 'whatsapp', 'dm'] as const;
export type IntentionKind = (typeof INTENTION_KINDS)[number];

/**
 * POST /campaigns/:id/intentions: one tap of the shop staff — a "where did you see us?"
 * answer, or a WhatsApp or DM conversation — credited to one of the campaign's creators.
 */
export async function recordIntention(ctx: CallerContext, input: { campaignId: string; creatorId: string; kind: IntentionKind; at: number }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	const signed = await ctx.db.prepare("SELECT 1 AS x FROM agreements WHERE campaign_id = ?1 AND creator_id = ?2 AND status = 'signed' LIMIT 1").bind(campaign.id, input.creatorId).first();
	if (!signed) throw new AppError('invalid_request', { fieldKeys: [{ path: 'creatorId', key: 'order_creator_unknown' }] });
	const id = crypto.randomUUID();
	await ctx.db
		.prepare('INSERT INTO intentions (id, brand_id, campaign_id, creator_id, kind, at, created_by_user_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
		.bind(id, campaign.brand_id, campaign.id, input.creatorId, input.kind, input.at, ctx.user.id, ctx.now)
		.run();
	return { intention: { id, creatorId: input.creatorId, kind: input.kind, at: iso(input.at) } };
}

/** Orders shown per page on the sales page. */
export const SALES_PAGE_SIZE = 20;

/**
 * GET /campaigns/:id/sales: what the shop staff work from — the campaign's creators with
 * their codes and link, the intentions logged per creator and kind (today in Algiers and in
 * total), and the orders, newest first, 20 a page.
 */
export async function salesDesk(ctx: CallerContext, input: { campaignId: string; page: number }) {
	const { db, now } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const dayStart = Math.floor((now + 3_600_000) / 86_400_000) * 86_400_000 - 3_600_000;
	const offset = (input.page - 1) * SALES_PAGE_SIZE;
	const [creators, codes, links, intents, orders, total] = await db.batch([
		db
			.prepare("SELECT DISTINCT c.id, c.display_name, c.handle FROM agreements g JOIN creators c ON c.id = g.creator_id WHERE g.campaign_id = ?1 AND g.status = 'signed' ORDER BY c.display_name")
			.bind(campaign.id),
		db.prepare('SELECT creator_id, kind, code, active FROM attribution_codes WHERE campaign_id = ?1').bind(campaign.id),
		db.prepare('SELECT creator_id, slug, active FROM tracked_links WHERE campaign_id = ?1').bind(campaign.id),
		db.prepare('SELECT creator_id, kind, count(*) AS n, sum(at >= ?2) AS today FROM intentions WHERE campaign_id = ?1 GROUP BY creator_id, kind').bind(campaign.id, dayStart),
		db
			.prepare(
				`SELECT v.id, v.order_ref, v.ref, v.channel, v.amount_dzd, v.at, v.delivery_status, v.attributed_by, c.display_name AS creator_name
				 FROM conversions v LEFT JOIN creators c ON c.id = v.creator_id WHERE v.campaign_id = ?1 ORDER BY v.at DESC, v.id LIMIT ?2 OFFSET ?3`
			)
			.bind(campaign.id, SALES_PAGE_SIZE, offset),
		db.prepare('SELECT count(*) AS n FROM conversions WHERE campaign_id = ?1').bind(campaign.id)
	]);
	type CodeRow = { creator_id: string; kind: string; code: string; active: number };
	type IntentRow = { creator_id: string; kind: IntentionKind; n: number; today: number };
	return {
		campaign: { id: campaign.id, title: campaign.title },
		creators: (creators.results as { id: string; display_name: string; handle: string }[]).map((c) => {
			const own = (codes.results as CodeRow[]).filter((x) => x.creator_id === c.id);
			const link = (links.results as { creator_id: string; slug: string; active: number }[]).find((l) => l.creator_id === c.id);
			const mine = (intents.results as IntentRow[]).filter((i) => i.creator_id === c.id);
			const tally = (kind: IntentionKind) => {
				const r = mine.find((i) => i.kind === kind);
				return { today: r?.today ?? 0, total: r?.n ?? 0 };
			};
			return {
				id: c.id,
				displayName: c.display_name,
				handle: c.handle,
				promoCode: own.find((x) => x.kind === 'promo')?.code ?? null,
				keyword: own.find((x) => x.kind === 'keyword')?.code ?? null,
				link: link ? `/l/${link.slug}` : null,
				live: own.some((x) => x.active === 1),
				intentions: { asked: tally('asked'), whatsapp: tally('whatsapp'), dm: tally('dm') }
			};
		}),
		orders: (
			orders.results as {
				id: string;
				order_ref: string;
				ref: string;
				channel: string;
				amount_dzd: number;
				at: number;
				delivery_status: string;
				attributed_by: string | null;
				creator_name: string | null;
			}[]
		).map((o) => ({
			id: o.id,
			orderRef: o.order_ref,
			ref: o.ref,
			channel: o.channel,
			amountDzd: o.amount_dzd,
			at: iso(o.at),
			deliveryStatus: o.delivery_status,
			attributedBy: o.attributed_by,
			creatorName: o.creator_name
		})),
		total: (total.results[0] as { n: number }).n,
		page: input.page,
		pageSize: SALES_PAGE_SIZE
	};
}
