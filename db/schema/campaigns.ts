/** Campaign offers posted by brands, and the applications creators send to them. */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
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
		/** JSON {engagement, commentQuality, affinity, partnershipLoad, audienceFit}: the brand's match weights; null = defaults. */
		matchWeights: text('match_weights'),
		startsAt: integer('starts_at'),
		endsAt: integer('ends_at'),
		applyBy: integer('apply_by'),
		status: text('status', { enum: ['draft', 'open', 'active', 'completed', 'closed'] }).notNull(),
		publishedAt: integer('published_at'),
		closedAt: integer('closed_at'),
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
		/** JSON string[] of proposed publication days (YYYY-MM-DD). */
		proposedDates: text('proposed_dates').notNull().default('[]'),
		status: text('status', { enum: ['pending', 'shortlisted', 'accepted', 'declined', 'withdrawn'] }).notNull(),
		declineReason: text('decline_reason'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('applications_campaign_creator_uq').on(t.campaignId, t.creatorId),
		index('applications_creator_idx').on(t.creatorId)
	]
);

/** The dated 14-day plan generated when a campaign is published (seed article: J1–J14). */
export const campaignTasks = sqliteTable(
	'campaign_tasks',
	{
		id: text('id').primaryKey(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		/** 1–14. */
		day: integer('day').notNull(),
		phase: text('phase', { enum: ['framing', 'selection', 'execution'] }).notNull(),
		/** Template key of the task, translated in the UI. */
		key: text('key').notNull(),
		/** Calendar day the task is due, YYYY-MM-DD (Africa/Algiers). */
		dueDate: text('due_date').notNull(),
		doneAt: integer('done_at')
	},
	(t) => [index('campaign_tasks_campaign_idx').on(t.campaignId, t.day)]
);

/** The message thread of an application, between the brand team and the creator. */
export const applicationMessages = sqliteTable(
	'application_messages',
	{
		id: text('id').primaryKey(),
		applicationId: text('application_id')
			.notNull()
			.references(() => applications.id),
		authorUserId: text('author_user_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('application_messages_app_idx').on(t.applicationId, t.createdAt)]
);

/**
 * Agreements between a brand and a creator, created as a draft when an application is
 * accepted. Its full terms, versions and signatures come with the agreements work.
 */
export const agreements = sqliteTable(
	'agreements',
	{
		id: text('id').primaryKey(),
		applicationId: text('application_id')
			.notNull()
			.references(() => applications.id),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		brandId: text('brand_id').notNull(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		status: text('status', { enum: ['draft', 'awaiting_signatures', 'signed', 'void'] }).notNull(),
		version: integer('version').notNull().default(1),
		/** JSON terms prefilled from the campaign and the application. */
		terms: text('terms').notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('agreements_application_uq').on(t.applicationId),
		index('agreements_brand_idx').on(t.brandId),
		index('agreements_creator_idx').on(t.creatorId)
	]
);
