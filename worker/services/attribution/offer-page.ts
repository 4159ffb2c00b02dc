/**
 * The campaign landing page `/o/<slug>` (issue 12, point 3) on D1 and R2: what the brand builds
 * (delivery terms, up to a dozen products with a photo and a price), what the public page reads
 * in one query per table, and its views (one row per visitor, link and Algiers day, written
 * after the answer left). Brand members of the campaign's brand only; another brand's campaign
 * is 404. The public reads go by the tracked link's slug: the page belongs to a creator's link.
 */
import type { CallerContext } from '../../context';
import type { Env } from '../../env';
import { AppError } from '../../errors';
import { type StreamedUploadBody, discardStored } from '../../body';
import { iso } from '../../domain/dates';
import type { ImageType } from '../../domain/file-types';
import { OFFER_PRODUCTS_MAX } from '../../domain/offer-page';
import { fillCreatorTokens } from '../../domain/placeholders';
import { daySalt, deviceClass, visitorHash } from '../../domain/tracked-links';
import { LINK_SQL, type LinkRow, saltSecret } from './links';
import { ownCampaign } from './conversions';

interface ProductRow {
	id: string;
	position: number;
	name: string;
	price_dzd: number;
	photo_key: string | null;
	photo_type: string | null;
	created_at: number;
}

const PRODUCTS_SQL = 'SELECT id, position, name, price_dzd, photo_key, photo_type, created_at FROM offer_products WHERE campaign_id = ?1 ORDER BY position, created_at, id';

const photoKey = (campaignId: string, productId: string) => `offer-photos/${campaignId}/${productId}`;

function productOut(campaignId: string, p: ProductRow) {
	return {
		id: p.id,
		position: p.position,
		name: p.name,
		priceDzd: p.price_dzd,
		photoType: p.photo_type,
		/** The brand's own view of the photo (session needed); the public page uses /o/<slug>/photos/<id>. */
		photoUrl: p.photo_key ? `/api/v1/campaigns/${campaignId}/offer-products/${p.id}/photo` : null,
		createdAt: iso(p.created_at)
	};
}

/** GET /campaigns/:id/offer-page: the delivery terms, the products, and the creators' pages (/o/<slug>). */
export async function getOfferPage(ctx: CallerContext, input: { campaignId: string }) {
	const { db } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const [terms, products, links] = await db.batch([
		db.prepare('SELECT offer, delivery_terms FROM campaigns WHERE id = ?1').bind(campaign.id),
		db.prepare(PRODUCTS_SQL).bind(campaign.id),
		db
			.prepare(
				`SELECT l.slug, l.active, c.display_name, c.handle,
				 (SELECT count(*) FROM offer_views v WHERE v.slug = l.slug) AS views
				 FROM tracked_links l JOIN creators c ON c.id = l.creator_id WHERE l.campaign_id = ?1 ORDER BY c.display_name, l.slug`
			)
			.bind(campaign.id)
	]);
	const t = terms.results[0] as { offer: string; delivery_terms: string };
	return {
		campaignId: campaign.id,
		title: campaign.title,
		offer: t.offer,
		deliveryTerms: t.delivery_terms,
		maxProducts: OFFER_PRODUCTS_MAX,
		products: (products.results as ProductRow[]).map((p) => productOut(campaign.id, p)),
		pages: (links.results as { slug: string; active: number; display_name: string; handle: string; views: number }[]).map((l) => ({
			path: `/o/${l.slug}`,
			live: l.active === 1,
			creator: { displayName: l.display_name, handle: l.handle },
			views: l.views
		}))
	};
}

/** PUT /campaigns/:id/offer-page: replaces the delivery terms ('' removes them). */
export async function setDeliveryTerms(ctx: CallerContext, input: { campaignId: string; deliveryTerms: string }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	await ctx.db.prepare('UPDATE campaigns SET delivery_terms = ?2, updated_at = ?3 WHERE id = ?1').bind(campaign.id, input.deliveryTerms, ctx.now).run();
	return getOfferPage(ctx, input);
}

/**
 * POST /campaigns/:id/offer-products: the 12-product limit is checked before the photo is read
 * (no upload for nothing) and again in the INSERT itself (two adds racing for the 12th place:
 * one gets it, the other is 409 and its photo is removed from R2).
 */
export async function addOfferProduct(ctx: CallerContext, input: { campaignId: string; upload: StreamedUploadBody<ImageType, { name: string; priceDzd: number }> }) {
	const { db, files, now } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const full = () => new AppError('invalid_state', { detailKey: 'detail_offer_products_full' });
	const before = await db.prepare('SELECT count(*) AS n FROM offer_products WHERE campaign_id = ?1').bind(campaign.id).first<{ n: number }>();
	if ((before?.n ?? 0) >= OFFER_PRODUCTS_MAX) throw full();
	const id = crypto.randomUUID();
	const { fields, file } = await input.upload.store(files, photoKey(campaign.id, id));
	try {
		const res = await db
			.prepare(
				`INSERT INTO offer_products (id, brand_id, campaign_id, position, name, price_dzd, photo_key, photo_type, created_at, updated_at)
				 SELECT ?1, ?2, ?3, coalesce((SELECT max(position) FROM offer_products WHERE campaign_id = ?3), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?8
				 WHERE (SELECT count(*) FROM offer_products WHERE campaign_id = ?3) < ?9`
			)
			.bind(id, campaign.brand_id, campaign.id, fields.name, fields.priceDzd, file?.key ?? null, file?.type ?? null, now, OFFER_PRODUCTS_MAX)
			.run();
		if (res.meta.changes === 0) throw full();
	} catch (err) {
		if (file) await discardStored(files, file.key).catch(() => undefined);
		throw err;
	}
	const row = await db.prepare('SELECT id, position, name, price_dzd, photo_key, photo_type, created_at FROM offer_products WHERE id = ?1').bind(id).first<ProductRow>();
	return { product: productOut(campaign.id, row!) };
}

/** DELETE /campaigns/:id/offer-products/:productId: the row, then its photo in R2. */
export async function deleteOfferProduct(ctx: CallerContext, input: { campaignId: string; productId: string }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	const row = await ctx.db.prepare('DELETE FROM offer_products WHERE id = ?1 AND campaign_id = ?2 RETURNING photo_key').bind(input.productId, campaign.id).first<{ photo_key: string | null }>();
	if (!row) throw new AppError('not_found');
	if (row.photo_key) await ctx.files.delete(row.photo_key);
}

/** PATCH /campaigns/:id/offer-products/:productId: a new name and/or price; the photo and the place stay. */
export async function updateOfferProduct(ctx: CallerContext, input: { campaignId: string; productId: string; name?: string; priceDzd?: number }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	const row = await ctx.db
		.prepare(
			`UPDATE offer_products SET name = coalesce(?3, name), price_dzd = coalesce(?4, price_dzd), updated_at = ?5
			 WHERE id = ?1 AND campaign_id = ?2 RETURNING id, position, name, price_dzd, photo_key, photo_type, created_at`
		)
		.bind(input.productId, campaign.id, input.name ?? null, input.priceDzd ?? null, ctx.now)
		.first<ProductRow>();
	if (!row) throw new AppError('not_found');
	return { product: productOut(campaign.id, row) };
}

/**
 * POST /campaigns/:id/offer-products/:productId/move: swaps the product with its neighbour
 * before (up) or after (down) in one statement, so the page order never holds a gap; at the
 * top or the bottom already, nothing changes. Answers the page as it now is.
 */
export async function moveOfferProduct(ctx: CallerContext, input: { campaignId: string; productId: string; direction: 'up' | 'down' }) {
	const { db } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const { results } = await db.prepare(PRODUCTS_SQL).bind(campaign.id).all<ProductRow>();
	const i = results.findIndex((p) => p.id === input.productId);
	if (i < 0) throw new AppError('not_found');
	const j = input.direction === 'up' ? i - 1 : i + 1;
	if (j >= 0 && j < results.length) {
		// Positions are renumbered 1…n in the page's order with the two swapped: older rows may share a position.
		const order = results.map((p) => p.id);
		[order[i], order[j]] = [order[j], order[i]];
		await db.batch(order.map((id, k) => db.prepare('UPDATE offer_products SET position = ?3, updated_at = ?4 WHERE id = ?1 AND campaign_id = ?2').bind(id, campaign.id, k + 1, ctx.now)));
	}
	return getOfferPage(ctx, { campaignId: campaign.id });
}

/** GET /campaigns/:id/offer-products/:productId/photo: the brand's view of a photo. */
export async function brandProductPhoto(ctx: CallerContext, input: { campaignId: string; productId: string }) {
	const campaign = await ownCampaign(ctx, input.campaignId);
	return productPhoto(ctx.db, ctx.files, campaign.id, input.productId);
}

async function productPhoto(db: D1Database, files: R2Bucket, campaignId: string, productId: string) {
	const row = await db
		.prepare('SELECT photo_key, photo_type FROM offer_products WHERE id = ?1 AND campaign_id = ?2')
		.bind(productId, campaignId)
		.first<{ photo_key: string | null; photo_type: string | null }>();
	if (!row?.photo_key || !row.photo_type) return null;
	const object = await files.get(row.photo_key);
	return object ? { body: object.body, size: object.size, type: row.photo_type, etag: object.httpEtag } : null;
}

/** The public page's read: the link (with its campaign, brand and codes) and the campaign's page. */
export interface OfferPageRow extends LinkRow {
	offer: string;
	delivery_terms: string;
}

export async function readOfferPage(db: D1Database, slug: string): Promise<{ link: OfferPageRow; products: ProductRow[] } | null> {
	const sql = LINK_SQL.replace('SELECT l.slug,', 'SELECT c.offer, c.delivery_terms, l.slug,');
	const [link, products] = await db.batch([
		db.prepare(sql).bind(slug),
		db
			.prepare(
				`SELECT p.id, p.position, p.name, p.price_dzd, p.photo_key, p.photo_type, p.created_at FROM offer_products p
			 WHERE p.campaign_id = (SELECT campaign_id FROM tracked_links WHERE slug = ?1) ORDER BY p.position, p.created_at, p.id`
			)
			.bind(slug)
	]);
	const row = link.results[0] as OfferPageRow | undefined;
	if (!row) return null;
	// The campaign's offer may name "{code promo du créateur}": this page is one creator's, so it shows their code.
	const offer = fillCreatorTokens(row.offer, { keyword: row.keyword ?? undefined, promo: row.promo ?? undefined });
	return { link: { ...row, offer }, products: products.results as ProductRow[] };
}

/** A product photo by a creator's page: the product must be of the link's campaign. */
export async function publicProductPhoto(env: Pick<Env, 'DB' | 'FILES'>, slug: string, productId: string) {
	const link = await env.DB.prepare('SELECT campaign_id FROM tracked_links WHERE slug = ?1').bind(slug).first<{ campaign_id: string }>();
	return link ? productPhoto(env.DB, env.FILES, link.campaign_id, productId) : null;
}

/** Counts a view: one row per visitor, link and Algiers day (the unique index drops repeats). Returns whether a row was written. */
export async function recordView(
	env: Pick<Env, 'DB' | 'LINK_SALT_SECRET' | 'SEAL_PRIVATE_KEY'>,
	view: { link: Pick<LinkRow, 'slug' | 'campaign_id' | 'creator_id'>; at: number; ip: string; userAgent: string }
): Promise<boolean> {
	// The same salt and hash as a click on the link: a page view is that visitor's, that day.
	const hash = await visitorHash(await daySalt(saltSecret(env), view.at), view.link.slug, view.ip, view.userAgent);
	const res = await env.DB.prepare('INSERT OR IGNORE INTO offer_views (id, slug, campaign_id, creator_id, at, device, visitor_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
		.bind(crypto.randomUUID(), view.link.slug, view.link.campaign_id, view.link.creator_id, view.at, deviceClass(view.userAgent), hash)
		.run();
	return res.meta.changes > 0;
}
