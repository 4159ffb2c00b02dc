/**
 * Derived creator features, recomputed after every stats import and stored in
 * creator_features so that the media kit, the feed and matching read one row.
 * Pure: the caller loads the rows and passes the clock.
 */
import { creatorTermVector, nicheWords } from './affinity';
import { parseJsonOr } from './json';
import { baseQuality } from './matching';
import { featureBounds, type FeatureBounds } from './match-bounds';
import { classifyComment, COMMENT_LABELS, type CommentLabel } from './comments';
import { observeNiches, type ObservedNiche } from './observed-niches';
import { audienceAbroad, engagementIncoherent, followerSpike, genericComments, riskSummary, type RiskFlag, type RiskSummary } from './risk-signals';
import { FORMATS, type Format } from './taxonomy';

export const DAY_MS = 86_400_000;
/** Window of the engagement figures and the post count. */
export const ENGAGEMENT_WINDOW_DAYS = 90;
/** The sponsored share is taken over this many most recent posts. */
export const SPONSORED_WINDOW_POSTS = 30;
/** Follower growth compares the latest point with the one this many days before it. */
export const GROWTH_WINDOW_DAYS = 30;

export interface FeaturePost {
	platform: string;
	format: Format;
	/** Epoch ms. */
	postedAt: number;
	caption?: string;
	views: number;
	reach: number | null;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	sponsored: boolean;
}

export interface FeaturePoint {
	platform: string;
	/** YYYY-MM-DD. */
	date: string;
	followers: number;
}

export interface FormatFeatures {
	posts: number;
	/** (likes + comments + saves + shares) / reach, followers standing in for a missing reach. */
	engagementRate: number;
	avgViews: number;
	avgReach: number | null;
}

export interface CreatorFeatures {
	engagementByFormat: Partial<Record<Format, FormatFeatures>>;
	sponsoredShare: number;
	commentMix: Partial<Record<CommentLabel, number>>;
	postsLast90d: number;
	followerGrowth30d: number | null;
	/** The creator's bio, niches and captions as a unit lnc term vector (affinity.ts). */
	affinityTerms: Record<string, number>;
	/** What the captions, hashtags and comments about the posts are about (observed-niches.ts). */
	observedNiches: ObservedNiche[];
	/** The four risk signals on the same data (risk-signals.ts). */
	risk: RiskSummary;
	/** Posts loaded (the last 90 days, and at least the last 30 posts). */
	postsTotal: number;
	commentsSampled: number;
	/** baseQuality() of these features: the campaign-independent part of a match. */
	qualityScore: number;
	/** What the exact shortlist of matching bounds a creator's score with (match-bounds.ts). */
	bounds: FeatureBounds;
}

export interface FeatureInput {
	posts: FeaturePost[];
	points: FeaturePoint[];
	/** Sample comment texts of the recent posts. */
	comments: string[];
	/** Followers per platform (creator_accounts), the stand-in for a missing reach. */
	followersByPlatform: Record<string, number>;
	now: number;
	/** Bio and niche words; captions are read from the posts. */
	profileTexts?: string[];
	/** Share of the audience in Algeria, when the creator gave it. */
	countryShareDZ?: number | null;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

function engagementByFormat(posts: FeaturePost[], followers: Record<string, number>, since: number) {
	const out: Partial<Record<Format, FormatFeatures>> = {};
	for (const format of FORMATS) {
		const recent = posts.filter((p) => p.format === format && p.postedAt >= since);
		if (recent.length === 0) continue;
		let interactions = 0;
		let base = 0;
		let views = 0;
		let reachSum = 0;
		let reachCount = 0;
		for (const p of recent) {
			const denominator = p.reach ?? followers[p.platform] ?? 0;
			// A post with neither reach nor a follower count cannot give a rate: leave it out.
			if (denominator > 0) {
				interactions += p.likes + p.comments + p.saves + p.shares;
				base += denominator;
			}
			views += p.views;
			if (p.reach !== null) {
				reachSum += p.reach;
				reachCount += 1;
			}
		}
		out[format] = {
			posts: recent.length,
			engagementRate: base > 0 ? round4(interactions / base) : 0,
			avgViews: Math.round(views / recent.length),
			avgReach: reachCount > 0 ? Math.round(reachSum / reachCount) : null
		};
	}
	return out;
}

function sponsoredShare(posts: FeaturePost[]): number {
	const last = [...posts].sort((a, b) => b.postedAt - a.postedAt).slice(0, SPONSORED_WINDOW_POSTS);
	if (last.length === 0) return 0;
	return round4(last.filter((p) => p.sponsored).length / last.length);
}

function commentMix(comments: readonly { label: CommentLabel }[]): Partial<Record<CommentLabel, number>> {
	if (comments.length === 0) return {};
	const counts = new Map<CommentLabel, number>();
	for (const { label } of comments) counts.set(label, (counts.get(label) ?? 0) + 1);
	const out: Partial<Record<CommentLabel, number>> = {};
	for (const label of COMMENT_LABELS) {
		const n = counts.get(label);
		if (n) out[label] = round4(n / comments.length);
	}
	return out;
}

/**
 * Growth over the last 30 days of history, summed over platforms: for each platform the
 * latest point against the latest point at least 30 days older. Null without such a pair.
 */
function followerGrowth(points: FeaturePoint[], now: number): number | null {
	const byPlatform = new Map<string, FeaturePoint[]>();
	const today = new Date(now).toISOString().slice(0, 10);
	for (const p of points) {
		if (p.date > today) continue;
		byPlatform.set(p.platform, [...(byPlatform.get(p.platform) ?? []), p]);
	}
	let start = 0;
	let end = 0;
	for (const list of byPlatform.values()) {
		list.sort((a, b) => (a.date < b.date ? -1 : 1));
		const last = list[list.length - 1];
		const cutoff = new Date(Date.parse(`${last.date}T00:00:00Z`) - GROWTH_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
		const before = list.filter((p) => p.date <= cutoff).pop();
		if (!before || before.followers <= 0) continue;
		start += before.followers;
		end += last.followers;
	}
	return start > 0 ? round4(end / start - 1) : null;
}

/**
 * The risk signals on a creator's data: follower spikes and engagement coherence per
 * platform (each account has its own history and size; the strongest flag of each code is
 * kept), comments and audience over the whole profile.
 */
function creatorRisk(input: FeatureInput, recent: FeaturePost[]): RiskSummary {
	const platforms = new Set([...input.points.map((p) => p.platform), ...recent.map((p) => p.platform)]);
	const strongest = new Map<string, RiskFlag>();
	const keep = (flag: RiskFlag | null) => {
		if (flag && (strongest.get(flag.code)?.score ?? -1) < flag.score) strongest.set(flag.code, flag);
	};
	for (const platform of [...platforms].sort()) {
		const posts = recent.filter((p) => p.platform === platform);
		const dates = posts.map((p) => new Date(p.postedAt).toISOString());
		keep(
			followerSpike(
				input.points.filter((p) => p.platform === platform),
				dates
			)
		);
		keep(engagementIncoherent(posts, input.followersByPlatform[platform] ?? 0));
	}
	keep(genericComments(input.comments));
	keep(audienceAbroad(input.countryShareDZ ?? null));
	return riskSummary([...strongest.values()]);
}

/** Computes every derived feature from a creator's posts, follower history and comments. */
export function computeCreatorFeatures(input: FeatureInput): CreatorFeatures {
	const since = input.now - ENGAGEMENT_WINDOW_DAYS * DAY_MS;
	const recent = input.posts.filter((p) => p.postedAt >= since && p.postedAt <= input.now);
	const labelled = input.comments.map((text) => ({ text, label: classifyComment(text).label }));
	const features = {
		engagementByFormat: engagementByFormat(input.posts, input.followersByPlatform, since),
		sponsoredShare: sponsoredShare(input.posts),
		commentMix: commentMix(labelled),
		postsLast90d: recent.length,
		followerGrowth30d: followerGrowth(input.points, input.now),
		affinityTerms: creatorTermVector([...(input.profileTexts ?? []), ...input.posts.map((p) => p.caption ?? '')]),
		observedNiches: observeNiches({ captions: input.posts.map((p) => p.caption ?? ''), comments: labelled }),
		risk: creatorRisk(input, recent),
		postsTotal: input.posts.length,
		commentsSampled: input.comments.length
	};
	const followers = Object.values(input.followersByPlatform).reduce((sum, n) => sum + n, 0);
	return {
		...features,
		bounds: featureBounds({
			engagementByFormat: features.engagementByFormat,
			followers,
			commentMix: features.commentMix,
			commentsSampled: features.commentsSampled,
			sponsoredShare: features.sponsoredShare,
			postsConsidered: Math.min(SPONSORED_WINDOW_POSTS, features.postsTotal)
		}),
		qualityScore: baseQuality({
			engagementByFormat: features.engagementByFormat,
			followers,
			commentMix: features.commentMix,
			commentsSampled: features.commentsSampled,
			sponsoredShare: features.sponsoredShare,
			postsConsidered: Math.min(SPONSORED_WINDOW_POSTS, features.postsTotal),
			risk: features.risk.score,
			engagementDoubtful: features.risk.flags.some((f) => f.code === 'engagement_incoherent')
		})
	};
}

export type ProfileRow = { bio: string; niches: string; audience: string };

/** The profile parts the features read: bio and niche words for affinity, the share in Algeria for risk. */
export function profileInputs(row: ProfileRow | undefined): { profileTexts: string[]; countryShareDZ: number | null } {
	if (!row) return { profileTexts: [], countryShareDZ: null };
	const niches = parseJsonOr<string[]>(row.niches, []);
	const audience = parseJsonOr<{ countryShareDZ?: unknown }>(row.audience, {});
	const dz = typeof audience.countryShareDZ === 'number' && Number.isFinite(audience.countryShareDZ) ? audience.countryShareDZ : null;
	return { profileTexts: [row.bio, ...niches.map((n) => nicheWords(n))], countryShareDZ: dz };
}
