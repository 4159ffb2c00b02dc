/**
 * Stats import on D1: follower points and posts upserted (re-importing the same file
 * changes nothing), sample comments replaced per post, then the derived features
 * recomputed and stored. Rows travel as one JSON parameter read with json_each, so a
 * 5 000-row import is a handful of statements in one atomic batch.
 */
import type { posts as postsTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { SqlPick } from '../../db/schema/sql-row';
import { computeCreatorFeatures, profileInputs, type ProfileRow, DAY_MS, ENGAGEMENT_WINDOW_DAYS, SPONSORED_WINDOW_POSTS, GROWTH_WINDOW_DAYS, type FeaturePost } from '../domain/creator-features';
import type { RiskFlag } from '../domain/risk-signals';
import type { PostImport } from '../domain/stats-import';
import { iso } from '../domain/dates';

/** Rows per statement: keeps every bound JSON parameter well under D1's limits. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Upserts follower points by (creator, platform, date); returns how many were written. */
export async function importFollowerPoints(ctx: ServiceContext, input: { creatorId: string; platform: string; points: { date: string; followers: number }[] }) {
	const { db } = ctx;
	const { creatorId, platform, points } = input;
	// The last value given for a day wins, as it would with row-by-row upserts.
	const byDate = new Map(points.map((p) => [p.date, p.followers]));
	const rows = [...byDate].map(([date, followers]) => ({ date, followers }));
	await db.batch(
		chunks(rows).map((part) =>
			db
				.prepare(
					`INSERT INTO follower_points (creator_id, platform, date, followers)
					 SELECT ?1, ?2, json_extract(value, '$.date'), json_extract(value, '$.followers') FROM json_each(?3) WHERE true
					 ON CONFLICT (creator_id, platform, date) DO UPDATE SET followers = excluded.followers`
				)
				.bind(creatorId, platform, JSON.stringify(part))
		)
	);
	return rows.length;
}

/**
 * Upserts posts by (creator, platform, ref) and replaces the sample comments of the posts
 * that come with some. Returns how many posts were written.
 */
export async function importPosts(ctx: ServiceContext, input: { creatorId: string; posts: PostImport[] }) {
	const { db } = ctx;
	const { creatorId, posts } = input;
	const byKey = new Map(posts.map((p) => [`${p.platform}\u0000${p.ref}`, p]));
	const rows = [...byKey.values()].map((p) => ({
		id: crypto.randomUUID(),
		platform: p.platform,
		ref: p.ref,
		format: p.format,
		postedAt: p.postedAt,
		views: p.views,
		reach: p.reach,
		likes: p.likes,
		comments: p.comments,
		saves: p.saves,
		shares: p.shares,
		sponsored: p.sponsored ? 1 : 0,
		caption: p.caption ?? '',
		samples: p.commentSamples
	}));
	const stmts: D1PreparedStatement[] = [];
	for (const part of chunks(rows)) {
		const payload = JSON.stringify(part);
		stmts.push(
			db
				.prepare(
					`INSERT INTO posts (id, creator_id, platform, ref, format, posted_at, caption, views, reach, likes, comments, saves, shares, sponsored)
					 SELECT json_extract(value, '$.id'), ?1, json_extract(value, '$.platform'), json_extract(value, '$.ref'), json_extract(value, '$.format'),
					        json_extract(value, '$.postedAt'), json_extract(value, '$.caption'), json_extract(value, '$.views'), json_extract(value, '$.reach'),
					        json_extract(value, '$.likes'), json_extract(value, '$.comments'), json_extract(value, '$.saves'), json_extract(value, '$.shares'),
					        json_extract(value, '$.sponsored')
					 FROM json_each(?2) WHERE true
					 ON CONFLICT (creator_id, platform, ref) DO UPDATE SET format = excluded.format, posted_at = excluded.posted_at, views = excluded.views,
					   reach = excluded.reach, likes = excluded.likes, comments = excluded.comments, saves = excluded.saves, shares = excluded.shares,
					   sponsored = excluded.sponsored, caption = CASE WHEN excluded.caption <> '' THEN excluded.caption ELSE posts.caption END`
				)
				.bind(creatorId, payload)
		);
		const withSamples = part.filter((p) => p.samples.length > 0).map((p) => ({ platform: p.platform, ref: p.ref, samples: p.samples }));
		if (withSamples.length === 0) continue;
		const samplesPayload = JSON.stringify(withSamples);
		stmts.push(
			db
				.prepare(
					`DELETE FROM post_comments WHERE post_id IN (
					   SELECT p.id FROM json_each(?2) j JOIN posts p
					     ON p.creator_id = ?1 AND p.platform = json_extract(j.value, '$.platform') AND p.ref = json_extract(j.value, '$.ref'))`
				)
				.bind(creatorId, samplesPayload),
			db
				.prepare(
					`INSERT INTO post_comments (id, post_id, text)
					 SELECT lower(hex(randomblob(16))), p.id, c.value
					 FROM json_each(?2) j
					 JOIN posts p ON p.creator_id = ?1 AND p.platform = json_extract(j.value, '$.platform') AND p.ref = json_extract(j.value, '$.ref'),
					      json_each(json_extract(j.value, '$.samples')) c`
				)
				.bind(creatorId, samplesPayload)
		);
	}
	if (stmts.length > 0) await db.batch(stmts);
	return rows.length;
}

/** Recomputes the creator's derived features from D1 and stores them. */
export async function recomputeFeatures(ctx: ServiceContext, input: { creatorId: string }) {
	const { db, now } = ctx;
	const { creatorId } = input;
	const since = now - ENGAGEMENT_WINDOW_DAYS * DAY_MS;
	const sinceDay = new Date(now - (ENGAGEMENT_WINDOW_DAYS + GROWTH_WINDOW_DAYS) * DAY_MS).toISOString().slice(0, 10);
	const [posts, points, accounts, comments, profile] = await db.batch([
		db
			.prepare(
				`SELECT platform, format, posted_at, caption, views, reach, likes, comments, saves, shares, sponsored FROM posts
				 WHERE creator_id = ?1 AND (posted_at >= ?2 OR id IN (SELECT id FROM posts WHERE creator_id = ?1 ORDER BY posted_at DESC LIMIT ?3))`
			)
			.bind(creatorId, since, SPONSORED_WINDOW_POSTS),
		db.prepare('SELECT platform, date, followers FROM follower_points WHERE creator_id = ?1 AND date >= ?2').bind(creatorId, sinceDay),
		db.prepare('SELECT platform, followers FROM creator_accounts WHERE creator_id = ?1').bind(creatorId),
		db
			.prepare(
				`SELECT c.text FROM post_comments c JOIN posts p ON p.id = c.post_id
				 WHERE p.creator_id = ?1 AND p.posted_at >= ?2 ORDER BY p.posted_at DESC LIMIT 2000`
			)
			.bind(creatorId, since),
		db.prepare('SELECT bio, niches, audience FROM creators WHERE id = ?1').bind(creatorId)
	]);
	type P = SqlPick<typeof postsTable, 'platform' | 'format' | 'posted_at' | 'caption' | 'views' | 'reach' | 'likes' | 'comments' | 'saves' | 'shares' | 'sponsored'>;
	const featurePosts: FeaturePost[] = (posts.results as P[]).map((p) => ({
		platform: p.platform,
		format: p.format,
		postedAt: p.posted_at,
		caption: p.caption,
		views: p.views,
		reach: p.reach,
		likes: p.likes,
		comments: p.comments,
		saves: p.saves,
		shares: p.shares,
		sponsored: p.sponsored === 1
	}));
	const features = computeCreatorFeatures({
		posts: featurePosts,
		points: points.results as { platform: string; date: string; followers: number }[],
		comments: (comments.results as { text: string }[]).map((c) => c.text),
		followersByPlatform: Object.fromEntries((accounts.results as { platform: string; followers: number }[]).map((a) => [a.platform, a.followers])),
		now,
		...profileInputs(profile.results[0] as ProfileRow | undefined)
	});
	await db.batch([
		db
			.prepare(
				`INSERT INTO creator_features (creator_id, computed_at, engagement_by_format, sponsored_share, comment_mix, posts_last_90d, follower_growth_30d,
				   affinity_terms, risk_score, posts_total, comments_sampled, quality_score, observed_niches,
				   bound_engagement, bound_comments, bound_load, bounds_followers)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
				 ON CONFLICT (creator_id) DO UPDATE SET computed_at = excluded.computed_at, engagement_by_format = excluded.engagement_by_format,
				   sponsored_share = excluded.sponsored_share, comment_mix = excluded.comment_mix, posts_last_90d = excluded.posts_last_90d,
				   follower_growth_30d = excluded.follower_growth_30d, affinity_terms = excluded.affinity_terms, risk_score = excluded.risk_score,
				   posts_total = excluded.posts_total, comments_sampled = excluded.comments_sampled, quality_score = excluded.quality_score,
				   observed_niches = excluded.observed_niches, bound_engagement = excluded.bound_engagement, bound_comments = excluded.bound_comments,
				   bound_load = excluded.bound_load, bounds_followers = excluded.bounds_followers`
			)
			.bind(
				creatorId,
				now,
				JSON.stringify(features.engagementByFormat),
				features.sponsoredShare,
				JSON.stringify(features.commentMix),
				features.postsLast90d,
				features.followerGrowth30d,
				JSON.stringify(features.affinityTerms),
				features.risk.score,
				features.postsTotal,
				features.commentsSampled,
				features.qualityScore,
				JSON.stringify(features.observedNiches),
				JSON.stringify(features.bounds.engagement),
				features.bounds.commentQuality,
				features.bounds.partnershipLoad,
				features.bounds.followers
			),
		...riskFlagStatements(db, creatorId, features.risk.flags, now)
	]);
	return features;
}

/** Recent posts and follower points of the caller, for the stats page. */
export async function listOwnStats(ctx: ServiceContext, opts: { creatorId: string; limit: number; offset: number }) {
	const { db } = ctx;
	const { creatorId } = opts;
	const [posts, total, points] = await db.batch([
		db
			.prepare('SELECT id, platform, ref, format, posted_at, views, reach, likes, comments, saves, shares, sponsored FROM posts WHERE creator_id = ?1 ORDER BY posted_at DESC, id LIMIT ?2 OFFSET ?3')
			.bind(creatorId, opts.limit, opts.offset),
		db.prepare('SELECT count(*) AS n FROM posts WHERE creator_id = ?1').bind(creatorId),
		db.prepare('SELECT platform, date, followers FROM follower_points WHERE creator_id = ?1 ORDER BY date DESC, platform LIMIT 10').bind(creatorId)
	]);
	return {
		posts: (posts.results as Record<string, unknown>[]).map((p) => ({
			id: p.id,
			platform: p.platform,
			ref: p.ref,
			format: p.format,
			postedAt: iso(p.posted_at as number),
			views: p.views,
			reach: p.reach,
			likes: p.likes,
			comments: p.comments,
			saves: p.saves,
			shares: p.shares,
			sponsored: p.sponsored === 1
		})),
		total: (total.results[0] as { n: number }).n,
		recentFollowerPoints: points.results
	};
}

/**
 * Statements that make creator_risk_flags match the current flags: raised flags are
 * upserted (an explanation the creator wrote stays while the flag stays raised), flags no
 * longer raised are removed with their explanation.
 */
export function riskFlagStatements(db: D1Database, creatorId: string, flags: readonly RiskFlag[], now: number): D1PreparedStatement[] {
	const codes = flags.map((f) => f.code);
	return [
		db.prepare(`DELETE FROM creator_risk_flags WHERE creator_id = ?1 AND code NOT IN (SELECT value FROM json_each(?2))`).bind(creatorId, JSON.stringify(codes)),
		...flags.map((f) =>
			db
				.prepare(
					`INSERT INTO creator_risk_flags (creator_id, code, score, reason, computed_at) VALUES (?1, ?2, ?3, ?4, ?5)
					 ON CONFLICT (creator_id, code) DO UPDATE SET score = excluded.score, reason = excluded.reason, computed_at = excluded.computed_at`
				)
				.bind(creatorId, f.code, f.score, JSON.stringify(f.reason), now)
		)
	];
}
