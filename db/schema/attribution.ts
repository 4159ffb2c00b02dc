/**
 * Attribution (issue 12): the codes, keywords and tracked links that let a sale closed in a
 * DM or on WhatsApp be credited to the creator who brought it, and what the links record.
 * Codes and links are deactivated at the campaign's end, never deleted nor reused.
 */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agreements, campaigns } from './campaigns';
import { creators } from './creators';

/** A promo code or WhatsApp keyword of a signed agreement, live from the signature to the campaign's end. */
export const attributionCodes = sqliteTable(
	'attribution_codes',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		/** promo or keyword. */
		kind: text('kind').notNull(),
		/** As written in the terms (NOUR10, INSTA-NOUR). */
		code: text('code').notNull(),
		/** Matching form (worker/domain/attribution-codes.ts codeKey): what a customer types, read without ambiguity. Unique per brand and kind, forever. */
		codeKey: text('code_key').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull(),
		activatedAt: integer('activated_at').notNull(),
		deactivatedAt: integer('deactivated_at')
	},
	(t) => [
		uniqueIndex('attribution_codes_brand_key_uq').on(t.brandId, t.kind, t.codeKey),
		index('attribution_codes_agreement_idx').on(t.agreementId),
		index('attribution_codes_campaign_idx').on(t.campaignId, t.active)
	]
);

/** The tracked link `/l/<slug>` of a signed agreement. */
export const trackedLinks = sqliteTable(
	'tracked_links',
	{
		/** Short, random, from an alphabet without look-alike characters. */
		slug: text('slug').primaryKey(),
		brandId: text('brand_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		active: integer('active', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at').notNull(),
		deactivatedAt: integer('deactivated_at')
	},
	(t) => [uniqueIndex('tracked_links_agreement_uq').on(t.agreementId), index('tracked_links_campaign_idx').on(t.campaignId, t.active)]
);

/** One counted click on a tracked link: no raw IP, a daily-salted visitor hash to count a visitor once a day. */
export const linkClicks = sqliteTable(
	'link_clicks',
	{
		id: text('id').primaryKey(),
		slug: text('slug')
			.notNull()
			.references(() => trackedLinks.slug),
		campaignId: text('campaign_id').notNull(),
		creatorId: text('creator_id').notNull(),
		at: integer('at').notNull(),
		/** The referring site's host (instagram.com, l.facebook.com), or null. */
		referrerDomain: text('referrer_domain'),
		/** mobile, tablet, desktop or other. */
		device: text('device').notNull(),
		/** Two-letter country from the edge, or null. */
		country: text('country'),
		/** SHA-256 of a daily salt, the slug and the client's address and user agent: the same visitor on the same day has the same hash. */
		visitorHash: text('visitor_hash').notNull()
	},
	(t) => [uniqueIndex('link_clicks_visitor_uq').on(t.slug, t.visitorHash), index('link_clicks_campaign_idx').on(t.campaignId, t.at), index('link_clicks_creator_idx').on(t.creatorId, t.at)]
);

/** An optional limited offer (24 to 48 hours) a creator announces, recorded to be read next to the sales on the report. */
export const offerWindows = sqliteTable('offer_windows', {
	agreementId: text('agreement_id')
		.primaryKey()
		.references(() => agreements.id),
	startsAt: integer('starts_at').notNull(),
	endsAt: integer('ends_at').notNull(),
	note: text('note').notNull().default(''),
	createdAt: integer('created_at').notNull(),
	updatedAt: integer('updated_at').notNull()
});

/**
 * An order of a campaign, typed by shop staff or imported as CSV (issue 12, point 4). One
 * per brand and reference; credited to at most one creator by the attribution rule
 * (worker/domain/conversions.ts). Counted as a sale once delivered.
 */
export const conversions = sqliteTable(
	'conversions',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		orderRef: text('order_ref').notNull(),
		/** What the customer gave, as typed: a code, a keyword, a link, a creator's name. */
		ref: text('ref').notNull().default(''),
		/** The source the staff chose, or null (a CSV row: every rule tried in order). */
		source: text('source'),
		channel: text('channel').notNull(),
		amountDzd: integer('amount_dzd').notNull(),
		at: integer('at').notNull(),
		/** delivered, pending or returned. */
		deliveryStatus: text('delivery_status').notNull(),
		/** The creator credited, and by which rule; null when nothing explains the order. */
		creatorId: text('creator_id').references(() => creators.id),
		attributedBy: text('attributed_by'),
		createdByUserId: text('created_by_user_id'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('conversions_brand_order_uq').on(t.brandId, t.orderRef), index('conversions_campaign_idx').on(t.campaignId, t.at), index('conversions_creator_idx').on(t.creatorId, t.at)]
);

/** Intention (issue 12, point 5): a "where did you see us?" answer or a conversation on WhatsApp or in DMs, credited to a creator. */
export const intentions = sqliteTable(
	'intentions',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		/** asked, whatsapp or dm. */
		kind: text('kind').notNull(),
		at: integer('at').notNull(),
		createdByUserId: text('created_by_user_id'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('intentions_campaign_idx').on(t.campaignId, t.at)]
);

/**
 * A product shown on the campaign landing page `/o/<slug>` (issue 12, point 3): at most 12 per
 * campaign (counted in the INSERT itself), its photo in R2 (type detected from the bytes).
 */
export const offerProducts = sqliteTable(
	'offer_products',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id').notNull(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		/** Display order: the next free position when added. */
		position: integer('position').notNull(),
		/** One line, at most 80 characters. */
		name: text('name').notNull(),
		priceDzd: integer('price_dzd').notNull(),
		/** R2 key of the photo, or null (a product without photo). */
		photoKey: text('photo_key'),
		/** image/png, image/jpeg or image/webp, detected from the bytes; null without photo. */
		photoType: text('photo_type'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('offer_products_campaign_idx').on(t.campaignId, t.position)]
);

/** One counted view of the landing page `/o/<slug>`: like link_clicks, one row per visitor, link and Algiers day, no address. */
export const offerViews = sqliteTable(
	'offer_views',
	{
		id: text('id').primaryKey(),
		slug: text('slug')
			.notNull()
			.references(() => trackedLinks.slug),
		campaignId: text('campaign_id').notNull(),
		creatorId: text('creator_id').notNull(),
		at: integer('at').notNull(),
		/** mobile, tablet, desktop or other. */
		device: text('device').notNull(),
		/** SHA-256 of a daily salt, the slug and the client's address and user agent (worker/domain/tracked-links.ts visitorHash). */
		visitorHash: text('visitor_hash').notNull()
	},
	(t) => [uniqueIndex('offer_views_visitor_uq').on(t.slug, t.visitorHash), index('offer_views_campaign_idx').on(t.campaignId, t.at)]
);
