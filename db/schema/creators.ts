/** Creator profiles, social accounts, follower history, posts and their comment samples. */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { wilayas } from './reference';

export const creators = sqliteTable(
	'creators',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		displayName: text('display_name').notNull(),
		/** Public handle for the media kit, /c/<handle>. */
		handle: text('handle').notNull(),
		wilaya: text('wilaya').references(() => wilayas.code),
		bio: text('bio').notNull().default(''),
		/** JSON string[] from the niche taxonomy. */
		niches: text('niches').notNull().default('[]'),
		/** JSON string[]: ar, fr, dz (Darija), ber (Tamazight), en. */
		languages: text('languages').notNull().default('[]'),
		/** JSON {format: dinars}. */
		rates: text('rates').notNull().default('{}'),
		/** JSON {wilayas:{code:share}, ageBands:{band:share}, gender:{f,m}, countryShareDZ}. */
		audience: text('audience').notNull().default('{}'),
		/** Private: E.164 phone (+2135…). Seen by the creator, later by brands with a signed agreement. */
		phone: text('phone'),
		/** Private: 20-digit RIP/RIB for payouts, key-checked. Same visibility as phone. */
		payoutRip: text('payout_rip'),
		/**
		 * Private: the creator's legal identity for agreements (issue 14), kept for the next
		 * draft. Legal name as on the ID card or the trade register; RC, NIF and
		 * auto-entrepreneur card when the creator has them. Seen by the creator only; a new
		 * draft agreement is prefilled from them.
		 */
		legalName: text('legal_name'),
		legalRcNumber: text('legal_rc_number'),
		legalNif: text('legal_nif'),
		legalAutoEntrepreneurCard: text('legal_auto_entrepreneur_card'),
		/** Whether the public media kit shows the rates. */
		ratesPublic: integer('rates_public', { mode: 'boolean' }).notNull().default(false),
		/** Sum of followers over accounts, kept in step for indexed range filters. */
		followersTotal: integer('followers_total').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('creators_user_uq').on(t.userId), uniqueIndex('creators_handle_uq').on(t.handle), index('creators_wilaya_followers_idx').on(t.wilaya, t.followersTotal)]
);

export const creatorAccounts = sqliteTable(
	'creator_accounts',
	{
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		platform: text('platform', { enum: ['instagram', 'tiktok', 'facebook', 'youtube', 'snapchat'] }).notNull(),
		handle: text('handle').notNull(),
		followers: integer('followers').notNull()
	},
	(t) => [primaryKey({ columns: [t.creatorId, t.platform] })]
);

export const followerPoints = sqliteTable(
	'follower_points',
	{
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		platform: text('platform').notNull(),
		/** Calendar day, YYYY-MM-DD (Africa/Algiers). */
		date: text('date').notNull(),
		followers: integer('followers').notNull()
	},
	(t) => [primaryKey({ columns: [t.creatorId, t.platform, t.date] })]
);

export const posts = sqliteTable(
	'posts',
	{
		id: text('id').primaryKey(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		platform: text('platform').notNull(),
		/** The creator's own reference for the post (URL or id); unique per creator and platform. */
		ref: text('ref').notNull(),
		format: text('format', { enum: ['reel', 'story', 'post', 'live'] }).notNull(),
		postedAt: integer('posted_at').notNull(),
		caption: text('caption').notNull().default(''),
		views: integer('views').notNull().default(0),
		reach: integer('reach'),
		likes: integer('likes').notNull().default(0),
		comments: integer('comments').notNull().default(0),
		saves: integer('saves').notNull().default(0),
		shares: integer('shares').notNull().default(0),
		sponsored: integer('sponsored', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('posts_creator_ref_uq').on(t.creatorId, t.platform, t.ref), index('posts_creator_posted_idx').on(t.creatorId, t.postedAt)]
);

export const postComments = sqliteTable(
	'post_comments',
	{
		id: text('id').primaryKey(),
		postId: text('post_id')
			.notNull()
			.references(() => posts.id),
		text: text('text').notNull()
	},
	(t) => [index('post_comments_post_idx').on(t.postId)]
);

/**
 * Anomalies the demo seeder injected on purpose, so the risk-signal work can measure
 * recall against known cases. Empty outside seeded databases.
 */
export const seedAnomalies = sqliteTable(
	'seed_anomalies',
	{
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		kind: text('kind', { enum: ['follower_spike', 'engagement_incoherent'] }).notNull(),
		detail: text('detail').notNull(),
		magnitude: real('magnitude').notNull()
	},
	(t) => [primaryKey({ columns: [t.creatorId, t.kind] })]
);

/**
 * Derived per-creator features, recomputed after every stats import so that reading them
 * (media kit, feed, matching) is one indexed row instead of a scan of posts.
 */
export const creatorFeatures = sqliteTable('creator_features', {
	creatorId: text('creator_id')
		.primaryKey()
		.references(() => creators.id),
	computedAt: integer('computed_at').notNull(),
	/** JSON {format: {posts, engagementRate, avgViews, avgReach}} over the last 90 days. */
	engagementByFormat: text('engagement_by_format').notNull().default('{}'),
	/** Share of sponsored posts among the last 30. */
	sponsoredShare: real('sponsored_share').notNull().default(0),
	/** JSON {label: share} over sampled comments (purchase_intent, positive, negative, generic, spam). */
	commentMix: text('comment_mix').notNull().default('{}'),
	postsLast90d: integer('posts_last_90d').notNull().default(0),
	/** Follower growth over the last 30 days of history, as a share (0.05 = +5 %). */
	followerGrowth30d: real('follower_growth_30d'),
	/** JSON {term: weight}: the creator's normalised bio, niches and captions as a unit TF-IDF vector (top terms). */
	affinityTerms: text('affinity_terms').notNull().default('{}'),
	/**
	 * JSON [{niche, confidence, words}]: what the captions, hashtags and comments about the
	 * posts are about (worker/domain/observed-niches.ts), most confident first.
	 */
	observedNiches: text('observed_niches').notNull().default('[]'),
	/** Combined 0–100 risk of the current flags (creator_risk_flags), read by matching. */
	riskScore: integer('risk_score').notNull().default(0),
	/**
	 * 0–100: the campaign-independent part of a match (engagement on all formats, comment
	 * quality, ad load, minus the risk penalty; worker/domain/matching.ts `baseQuality`).
	 * Since 0026 the shortlist orders by the bounds below instead (an order by this score was
	 * not exact).
	 */
	qualityScore: integer('quality_score').notNull().default(0),
	/** Posts and comments the features were computed from (how much evidence there is). */
	postsTotal: integer('posts_total').notNull().default(0),
	commentsSampled: integer('comments_sampled').notNull().default(0),
	/**
	 * Upper bounds for the exact matching shortlist (worker/domain/match-bounds.ts
	 * `featureBounds`): JSON [15 integers], the engagement score on each set of formats (index
	 * = the set's FORMAT_BITS − 1, without the doubtful cap) for `bounds_followers` followers,
	 * and the exact comment quality and ad load scores. 100 until computed: a bound that is
	 * too high only costs a longer shortlist, never a missed creator. Copied by triggers into
	 * creator_niches (migration 0026).
	 */
	boundEngagement: text('bound_engagement').notNull().default('[]'),
	boundComments: integer('bound_comments').notNull().default(100),
	boundLoad: integer('bound_load').notNull().default(100),
	/** The follower count the engagement bounds were computed for (another count: bounds read as 100). */
	boundsFollowers: integer('bounds_followers')
});

/**
 * Document frequencies of the creators' affinity terms over every creator_features row
 * (the collection), kept by triggers on creator_features; the row with term '' counts the
 * documents. The campaign's query vector takes its idf from here (affinity.ts), so a
 * creator's score does not depend on which other creators were shortlisted.
 */
export const affinityDf = sqliteTable('affinity_df', {
	term: text('term').primaryKey(),
	df: integer('df').notNull()
});

/** niche → its bit in creator_niches.niche_bit / niches_mask (1 << index in NICHES; match-bounds.ts NICHE_BITS). */
export const matchNicheBits = sqliteTable('match_niche_bits', {
	niche: text('niche').primaryKey(),
	bit: integer('bit').notNull()
});

/**
 * A creator's track record on Wasla (issue 16, point 4): their completed agreements reduced
 * to counts and sums by worker/domain/track-record.ts, refreshed whenever a deliverable,
 * an order or a payout of theirs changes (worker/services/track-records.ts), so that
 * matching reads one row per shortlisted creator and scores it there. No row: no
 * completed campaign yet.
 */
export const creatorTrackRecords = sqliteTable('creator_track_records', {
	creatorId: text('creator_id')
		.primaryKey()
		.references(() => creators.id),
	computedAt: integer('computed_at').notNull(),
	/** Completed agreements: signed, every deliverable done or withdrawn, at least one published. */
	campaigns: integer('campaigns').notNull(),
	/** Their published deliverables, those published by the agreed due moment, those whose disclosure was not flagged. */
	published: integer('published').notNull(),
	onTime: integer('on_time').notNull(),
	disclosed: integer('disclosed').notNull(),
	/** Mean of D+7 views ÷ the creator's median views for the format (null: nothing to compare), and how many deliverables it covers. */
	viewsRatio: real('views_ratio'),
	viewsCompared: integer('views_compared').notNull(),
	/** Non-cancelled payouts of those agreements, whole dinars. */
	feesDzd: integer('fees_dzd').notNull(),
	/** Delivered orders credited to the creator on those campaigns, and their amount in dinars. */
	orders: integer('orders').notNull(),
	ordersAmountDzd: integer('orders_amount_dzd').notNull()
});

/**
 * Risk flags per creator, recomputed with the features. A flag lowers match scores; it never
 * hides the creator. The creator can attach an explanation, which survives recomputation
 * while the flag stays raised.
 */
export const creatorRiskFlags = sqliteTable(
	'creator_risk_flags',
	{
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		/** follower_spike | engagement_incoherent | generic_comments | audience_abroad */
		code: text('code').notNull(),
		score: integer('score').notNull(),
		/** JSON {key, params}: the i18n reason key and the numbers it cites. */
		reason: text('reason').notNull(),
		computedAt: integer('computed_at').notNull(),
		explanation: text('explanation'),
		explainedAt: integer('explained_at')
	},
	(t) => [primaryKey({ columns: [t.creatorId, t.code] })]
);

/** Screenshots of stats (story insights vanish after 24 h), stored in R2. */
export const statsScreenshots = sqliteTable(
	'stats_screenshots',
	{
		id: text('id').primaryKey(),
		creatorId: text('creator_id')
			.notNull()
			.references(() => creators.id),
		r2Key: text('r2_key').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		note: text('note').notNull().default(''),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('stats_screenshots_creator_idx').on(t.creatorId, t.createdAt)]
);

/**
 * One row per (niche, creator) with the creator's wilaya and followers: the index that lets
 * matching find a campaign's candidates without reading every creator of a wilaya (niches
 * are a JSON array on creators). Kept in step with `creators` by triggers (migration
 * 0008_creator_niches), so every writer — API, seeder, tests — maintains it. Since
 * 0023_observed_niches it also holds a creator's trusted observed niches when their content
 * disagrees with the declared ones (creator_features.observed_niches; observed-niches.ts).
 * Since 0026 (issue 16, point 5) its covering index creator_niches_match_idx replaces the
 * (niche, wilaya, followers) index: same leading columns, and the shortlist never reads the
 * table itself.
 */
export const creatorNiches = sqliteTable(
	'creator_niches',
	{
		niche: text('niche').notNull(),
		creatorId: text('creator_id').notNull(),
		wilaya: text('wilaya'),
		followersTotal: integer('followers_total').notNull(),
		/**
		 * What the exact shortlist reads without leaving the index (creator_niches_match_idx,
		 * migration 0026; worker/domain/match-bounds.ts): this row's niche bit and the bits of
		 * all the creator's rows (one row per creator is counted: its lowest campaign niche),
		 * the priced formats (bits of FORMATS), whether the audience has a wilaya breakdown,
		 * the risk and the creator_features bounds. Refreshed by triggers on creators and
		 * creator_features; the defaults are safe (too high, never too low).
		 */
		nicheBit: integer('niche_bit').notNull().default(0),
		nichesMask: integer('niches_mask').notNull().default(0),
		priced: integer('priced').notNull().default(15),
		breakdown: integer('breakdown').notNull().default(1),
		/** Audience fit bound without age bands: 60 without a wilaya breakdown, else 200 × the breakdown's positive shares (+1), at most 100. */
		boundAudience: integer('bound_audience').notNull().default(100),
		/** The risk, clamped to 0–100 (the penalty is 0.3 × it). */
		risk: integer('risk').notNull().default(0),
		/** The engagement bound for each set of formats: bound_e<FORMAT_BITS of the set>. */
		boundE1: integer('bound_e1').notNull().default(100),
		boundE2: integer('bound_e2').notNull().default(100),
		boundE3: integer('bound_e3').notNull().default(100),
		boundE4: integer('bound_e4').notNull().default(100),
		boundE5: integer('bound_e5').notNull().default(100),
		boundE6: integer('bound_e6').notNull().default(100),
		boundE7: integer('bound_e7').notNull().default(100),
		boundE8: integer('bound_e8').notNull().default(100),
		boundE9: integer('bound_e9').notNull().default(100),
		boundE10: integer('bound_e10').notNull().default(100),
		boundE11: integer('bound_e11').notNull().default(100),
		boundE12: integer('bound_e12').notNull().default(100),
		boundE13: integer('bound_e13').notNull().default(100),
		boundE14: integer('bound_e14').notNull().default(100),
		boundE15: integer('bound_e15').notNull().default(100),
		boundComments: integer('bound_comments').notNull().default(100),
		boundLoad: integer('bound_load').notNull().default(100),
		/**
		 * The order the shortlist reads a niche in (migration 0029; match-bounds.ts RANK_WEIGHTS):
		 * the creator's part of the bound with the index's weights, each criterion at its highest
		 * over every campaign shape (any set of formats, with or without age bands), minus the risk
		 * penalty. A campaign's bound is at most its constants + λ × this (λ: the largest ratio of
		 * its weights to the index's), so a scan in this order can stop early, whatever the weights.
		 */
		rankKey: real('rank_key').generatedAlwaysAs(
			sql`0.27 * max(bound_e1, bound_e2, bound_e3, bound_e4, bound_e5, bound_e6, bound_e7, bound_e8, bound_e9, bound_e10, bound_e11, bound_e12, bound_e13, bound_e14, bound_e15) + 0.22 * bound_comments + 0.09 * bound_load + 0.14 * max(bound_audience, 60 + 40 * breakdown) - 0.3 * risk`,
			{ mode: 'virtual' }
		)
	},
	(t) => [
		primaryKey({ columns: [t.niche, t.creatorId] }),
		index('creator_niches_creator_idx').on(t.creatorId),
		// The hard filters only: the count of a campaign's candidates (match-shortlist.ts).
		index('creator_niches_match_idx').on(t.niche, t.wilaya, t.followersTotal, t.priced, t.nichesMask, t.nicheBit),
		// A niche in rank_key order with everything the shortlist reads, so its scans never leave the index.
		index('creator_niches_rank_idx').on(
			t.niche,
			t.rankKey,
			t.creatorId,
			t.wilaya,
			t.followersTotal,
			t.priced,
			t.nichesMask,
			t.nicheBit,
			t.breakdown,
			t.boundAudience,
			t.risk,
			t.boundE1,
			t.boundE2,
			t.boundE3,
			t.boundE4,
			t.boundE5,
			t.boundE6,
			t.boundE7,
			t.boundE8,
			t.boundE9,
			t.boundE10,
			t.boundE11,
			t.boundE12,
			t.boundE13,
			t.boundE14,
			t.boundE15,
			t.boundComments,
			t.boundLoad
		)
	]
);
