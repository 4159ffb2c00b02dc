/** Campaign offers posted by brands, and the applications creators send to them. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { brands } from './accounts';
import { creators } from './creators';

export const campaigns = sqliteTable(
	'campaigns',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id')
			.notNull()
			.references(() => brands.id),
		title: text('title').notNull(),
		objective: text('objective', { enum: ['visibility', 'traffic', 'whatsapp_sales', 'signups'] }).notNull(),
		offer: text('offer').notNull().default(''),
		/** JSON {keyMessages:[], dos:[], donts:[], angle}. */
		brief: text('brief').notNull().default('{}'),
		/** JSON string[]: reel, story, post, live. */
		formats: text('formats').notNull().default('[]'),
		/** JSON string[] of wilaya codes. */
		wilayas: text('wilayas').notNull().default('[]'),
		niches: text('niches').notNull().default('[]'),
		followerMin: integer('follower_min').notNull().default(8000),
		followerMax: integer('follower_max').notNull().default(35000),
		budgetDzd: integer('budget_dzd').notNull().default(0),
		reuseRightsDays: integer('reuse_rights_days').notNull().default(30),
		startsAt: integer('starts_at'),
		endsAt: integer('ends_at'),
		applyBy: integer('apply_by'),
		status: text('status', { enum: ['draft', 'open', 'active', 'completed', 'closed'] }).notNull(),
		publishedAt: integer('published_at'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('campaigns_brand_idx').on(t.brandId, t.status), index('campaigns_status_idx').on(t.status, t.applyBy)]
);

export const applications = sqliteTable(
	'applications',
	{
		id: text('id').primaryKey(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		pitch: text('pitch').notNull(),
		feeDzd: integer('fee_dzd').notNull(),
		formats: text('formats').notNull().default('[]'),
		status: text('status', { enum: ['pending', 'shortlisted', 'accepted', 'declined', 'withdrawn'] }).notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('applications_campaign_creator_uq').on(t.campaignId, t.creatorId),
		index('applications_creator_idx').on(t.creatorId)
	]
);
