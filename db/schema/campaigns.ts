/** Campaign offers posted by brands, and the applications creators send to them. */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
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
		/** JSON string[] of AGE_BANDS codes (worker/domain/taxonomy.ts) the brand targets; [] = all ages. */
		ageBands: text('age_bands').notNull().default('[]'),
		followerMin: integer('follower_min').notNull().default(8000),
		followerMax: integer('follower_max').notNull().default(35000),
		budgetDzd: integer('budget_dzd').notNull().default(0),
		reuseRightsDays: integer('reuse_rights_days').notNull().default(30),
		/** JSON {engagement, commentQuality, affinity, partnershipLoad, audienceFit}: the brand's match weights; null = defaults. */
		matchWeights: text('match_weights'),
		startsAt: integer('starts_at'),
		endsAt: integer('ends_at'),
		applyBy: integer('apply_by'),
		/** Where tracked links send people: the brand's own page for this offer (https), or null (the campaign landing page or WhatsApp). */
		landingUrl: text('landing_url'),
		/** Delivery terms shown on the campaign landing page /o/<slug> (issue 12, point 3), at most 500 characters; '' = none. */
		deliveryTerms: text('delivery_terms').notNull().default(''),
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
		index('applications_creator_idx').on(t.creatorId),
		// The cron's applicants reminder reads pending applications by age.
		index('applications_status_created_idx').on(t.status, t.createdAt)
	]
);

/**
 * A brand invites a creator from its matches to apply to an open campaign (issue 14,
 * point 6). One row per (campaign, creator): inviting again changes nothing. The creator
 * sees the campaign first in their feed, marked invited; the brand sees "invited on …".
 */
export const campaignInvitations = sqliteTable(
	'campaign_invitations',
	{
		id: text('id').primaryKey(),
		campaignId: text('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		/** The brand (denormalised from the campaign) whose daily cap counts this invitation. */
		brandId: text('brand_id')
			.notNull()
			.references(() => brands.id),
		/** The team member who invited. */
		invitedBy: text('invited_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('campaign_invitations_campaign_creator_uq').on(t.campaignId, t.creatorId),
		index('campaign_invitations_creator_idx').on(t.creatorId),
		index('campaign_invitations_brand_created_idx').on(t.brandId, t.createdAt)
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
 * accepted. `terms`/`version` mirror the latest row of agreement_versions; `documentSha256`
 * is that version's canonical hash. Once both parties have signed, the sealed PDF lives in
 * R2 (`sealedPdfKey`) with its SHA-256 here.
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
		documentSha256: text('document_sha256'),
		sentAt: integer('sent_at'),
		completedAt: integer('completed_at'),
		voidedAt: integer('voided_at'),
		sealedPdfKey: text('sealed_pdf_key'),
		sealedPdfSha256: text('sealed_pdf_sha256'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('agreements_application_uq').on(t.applicationId),
		index('agreements_sealed_sha_idx').on(t.sealedPdfSha256),
		index('agreements_brand_idx').on(t.brandId),
		index('agreements_creator_idx').on(t.creatorId),
		// The cron's signing reminder reads agreements awaiting signatures by the time they were sent.
		index('agreements_status_sent_idx').on(t.status, t.sentAt)
	]
);

/**
 * Every version of an agreement's terms. A brand edit or a creator's proposal adds a row;
 * sending freezes the current one (`frozenAt`). `documentSha256` is the SHA-256 of the
 * canonical terms, the hash signers sign and the PDF footer shows.
 */
export const agreementVersions = sqliteTable(
	'agreement_versions',
	{
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		version: integer('version').notNull(),
		terms: text('terms').notNull(),
		documentSha256: text('document_sha256').notNull(),
		authorUserId: text('author_user_id'),
		/** brand | creator | system (the prefilled first version). */
		authorParty: text('author_party', { enum: ['brand', 'creator', 'system'] }).notNull(),
		note: text('note').notNull().default(''),
		frozenAt: integer('frozen_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.agreementId, t.version] })]
);

/**
 * Signatures with their evidence. One per party and version (the unique index is what makes
 * two concurrent sign requests end in exactly one signature). A signature counts only while
 * its version is the agreement's current version.
 */
export const agreementSignatures = sqliteTable(
	'agreement_signatures',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		version: integer('version').notNull(),
		party: text('party', { enum: ['brand', 'creator'] }).notNull(),
		userId: text('user_id').notNull(),
		fullName: text('full_name').notNull(),
		signedAt: integer('signed_at').notNull(),
		ip: text('ip').notNull(),
		userAgent: text('user_agent').notNull(),
		documentSha256: text('document_sha256').notNull(),
		consentSha256: text('consent_sha256').notNull()
	},
	(t) => [uniqueIndex('agreement_signatures_uq').on(t.agreementId, t.version, t.party)]
);

/** One-time signing codes: only the SHA-256 is kept; 10 minutes, one use, 5 attempts. */
export const signingCodes = sqliteTable(
	'signing_codes',
	{
		id: text('id').primaryKey(),
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		userId: text('user_id').notNull(),
		party: text('party', { enum: ['brand', 'creator'] }).notNull(),
		version: integer('version').notNull(),
		codeHash: text('code_hash').notNull(),
		attempts: integer('attempts').notNull().default(0),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('signing_codes_lookup_idx').on(t.agreementId, t.userId, t.createdAt)]
);

/**
 * The audit trail, hash-chained per agreement: hash = SHA-256(prevHash + canonical event).
 * The primary key (agreement, seq) makes two writers racing for the same seq fail instead
 * of forking the chain.
 */
export const agreementEvents = sqliteTable(
	'agreement_events',
	{
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		seq: integer('seq').notNull(),
		at: integer('at').notNull(),
		actorUserId: text('actor_user_id'),
		/** brand | creator | system | public (a verification by someone without an account). */
		actorParty: text('actor_party').notNull(),
		/** created | edited | proposed | sent | viewed | code_sent | signed | completed | voided | downloaded */
		action: text('action').notNull(),
		/** JSON details (version, document hash, …). */
		data: text('data').notNull().default('{}'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [primaryKey({ columns: [t.agreementId, t.seq] })]
);

/**
 * Sealed PDFs of signed agreements, one per language, made on first download after both
 * parties signed: the file is in R2 (`r2Key`), its SHA-256 here, so POST /verify can find a
 * PDF by its hash. The (agreement, lang) key makes two concurrent first downloads keep one.
 */
export const agreementDocuments = sqliteTable(
	'agreement_documents',
	{
		agreementId: text('agreement_id')
			.notNull()
			.references(() => agreements.id),
		lang: text('lang', { enum: ['fr', 'ar', 'en'] }).notNull(),
		version: integer('version').notNull(),
		r2Key: text('r2_key').notNull(),
		sha256: text('sha256').notNull(),
		size: integer('size').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.agreementId, t.lang] }), index('agreement_documents_sha_idx').on(t.sha256)]
);
