/**
 * What a signed agreement produces (issue 11): its deliverables with their drafts, review
 * thread, publication, stats and crisis withdrawals, and the brand's content library.
 * Every transition also writes an event on the agreement's audit chain (agreement_events).
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { agreements, campaigns } from './campaigns';
import { creators, statsScreenshots } from './creators';

/** One piece of content promised by the terms (a format × count unit), with its due moments and its state. */
export const deliverables = sqliteTable(
	'deliverables',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		brandId: text('brand_id').notNull(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		/** 1-based position in the agreement. */
		seq: integer('seq').notNull(),
		platform: text('platform').notNull(),
		format: text('format').notNull(),
		/** 1-based among the agreement's deliverables of this platform and format. */
		ordinal: integer('ordinal').notNull(),
		/** A status of worker/domain/deliverables.ts. */
		status: text('status').notNull(),
		/** Calendar day (Algiers) the post is due. */
		publishOn: text('publish_on').notNull(),
		draftDueAt: integer('draft_due_at').notNull(),
		reviewDueAt: integer('review_due_at').notNull(),
		publishDueAt: integer('publish_due_at').notNull(),
		/** From the signed terms: stories' minimum highlight hours, review days, included correction rounds. */
		storyHighlightHours: integer('story_highlight_hours'),
		reviewDays: integer('review_days').notNull(),
		correctionRounds: integer('correction_rounds').notNull(),
		/** Change requests made so far (the included rounds, then the ones the creator consented to). */
		roundsUsed: integer('rounds_used').notNull().default(0),
		/** The brand asked for a round beyond the included ones: waiting for the creator's consent since then (null: none pending). */
		extraRoundAskedAt: integer('extra_round_asked_at'),
		/** Latest draft version (0: none yet) and when it was sent (the review clock). */
		draftVersion: integer('draft_version').notNull().default(0),
		lastSubmittedAt: integer('last_submitted_at'),
		approvedAt: integer('approved_at'),
		/** The post: its URL, when it went online (may be before it was recorded), the disclosure ticked (JSON {label, hashtags}). */
		postUrl: text('post_url'),
		publishedAt: integer('published_at'),
		disclosure: text('disclosure'),
		/** The brand's check of the post: pending, confirmed or flagged (a flagged post holds its payout). */
		publicationReview: text('publication_review'),
		publicationFlag: text('publication_flag'),
		/** Stories: hours the story stayed highlighted, as recorded by the creator. */
		highlightHours: integer('highlight_hours'),
		withdrawnAt: integer('withdrawn_at'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('deliverables_agreement_seq_uq').on(t.agreementId, t.seq),
		index('deliverables_brand_idx').on(t.brandId, t.status),
		index('deliverables_creator_idx').on(t.creatorId, t.status),
		index('deliverables_campaign_idx').on(t.campaignId, t.publishDueAt),
		index('deliverables_status_idx').on(t.status, t.draftDueAt)
	]
);

/** Every draft version a creator sent: text and/or a file in R2. Never overwritten. */
export const deliverableSubmissions = sqliteTable(
	'deliverable_submissions',
	{
		id: text('id').primaryKey(),
		deliverableId: text('deliverable_id')
			.notNull()
			.references(() => deliverables.id),
		version: integer('version').notNull(),
		note: text('note').notNull().default(''),
		fileKey: text('file_key'),
		fileType: text('file_type'),
		fileSize: integer('file_size'),
		fileSha256: text('file_sha256'),
		fileName: text('file_name'),
		userId: text('user_id').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('deliverable_submissions_version_uq').on(t.deliverableId, t.version)]
);

/** The one thread of a deliverable: comments, review decisions, consents, stats queries and answers. */
export const deliverableMessages = sqliteTable(
	'deliverable_messages',
	{
		id: text('id').primaryKey(),
		deliverableId: text('deliverable_id')
			.notNull()
			.references(() => deliverables.id),
		/** brand, creator or system. */
		authorParty: text('author_party').notNull(),
		authorUserId: text('author_user_id').references(() => users.id),
		/** What the message records (comment, changes_requested, approved, extra_round_asked, …). */
		kind: text('kind').notNull(),
		body: text('body').notNull().default(''),
		/** The draft version or stats window it is about, when it is about one. */
		draftVersion: integer('draft_version'),
		statsWindow: text('stats_window'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('deliverable_messages_thread_idx').on(t.deliverableId, t.createdAt)]
);

/** The figures of one stats window (D1, D7) of a deliverable, with the brand's check. */
export const deliverableStats = sqliteTable(
	'deliverable_stats',
	{
		deliverableId: text('deliverable_id')
			.notNull()
			.references(() => deliverables.id),
		/** D1 or D7. */
		window: text('window').notNull(),
		views: integer('views').notNull(),
		reach: integer('reach').notNull(),
		likes: integer('likes').notNull(),
		comments: integer('comments').notNull(),
		saves: integer('saves').notNull(),
		shares: integer('shares').notNull(),
		replies: integer('replies').notNull(),
		linkClicks: integer('link_clicks').notNull(),
		/** Stories: taps forward/back and exits; null for other formats. */
		navigation: integer('navigation'),
		exits: integer('exits'),
		screenshotId: text('screenshot_id').references(() => statsScreenshots.id),
		/** submitted, queried (the brand asked about a figure) or approved. */
		status: text('status').notNull(),
		submittedAt: integer('submitted_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		approvedAt: integer('approved_at')
	},
	(t) => [primaryKey({ columns: [t.deliverableId, t.window] })]
);

/** A request to withdraw published content under the crisis clause, its deadline and outcome. */
export const deliverableWithdrawals = sqliteTable(
	'deliverable_withdrawals',
	{
		id: text('id').primaryKey(),
		deliverableId: text('deliverable_id')
			.notNull()
			.references(() => deliverables.id),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		requestedByParty: text('requested_by_party').notNull(),
		requestedByUserId: text('requested_by_user_id').references(() => users.id),
		reason: text('reason').notNull(),
		requestedAt: integer('requested_at').notNull(),
		/** requested_at + the terms' withdrawal hours. */
		deadlineAt: integer('deadline_at').notNull(),
		/** requested, then removed (confirmed by the other side). */
		status: text('status').notNull(),
		confirmedAt: integer('confirmed_at'),
		confirmedByUserId: text('confirmed_by_user_id').references(() => users.id),
		/** JSON: the payment effect the terms name, for the payouts to apply. */
		paymentEffect: text('payment_effect').notNull()
	},
	(t) => [uniqueIndex('deliverable_withdrawals_deliverable_uq').on(t.deliverableId), index('deliverable_withdrawals_status_idx').on(t.status, t.deadlineAt)]
);

/** Approved content as a brand asset, reusable on the terms' channels for the terms' window. */
export const contentAssets = sqliteTable(
	'content_assets',
	{
		id: text('id').primaryKey(),
		brandId: text('brand_id').notNull(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		deliverableId: text('deliverable_id')
			.notNull()
			.references(() => deliverables.id),
		/** The approved draft version whose file is the asset. */
		submissionId: text('submission_id')
			.notNull()
			.references(() => deliverableSubmissions.id),
		platform: text('platform').notNull(),
		format: text('format').notNull(),
		/** JSON ReuseChannel[] from the terms. */
		channels: text('channels').notNull(),
		perpetual: integer('perpetual', { mode: 'boolean' }).notNull(),
		rightsDays: integer('rights_days'),
		/** The rights run from publication: null until the post is online. */
		rightsFrom: integer('rights_from'),
		/** rights_from + rights_days; null while unpublished or when perpetual. */
		rightsUntil: integer('rights_until'),
		withdrawnAt: integer('withdrawn_at'),
		/** When the cron found the rights window over (rights_until <= its clock); reads also treat a passed rights_until as expired. */
		expiredAt: integer('expired_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('content_assets_deliverable_uq').on(t.deliverableId),
		index('content_assets_brand_idx').on(t.brandId, t.createdAt),
		index('content_assets_rights_idx').on(t.rightsUntil),
		index('content_assets_expired_idx').on(t.brandId, t.expiredAt)
	]
);
