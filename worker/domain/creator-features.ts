/**
 * Derived creator features, recomputed after every stats import and stored in
 * creator_features so that the media kit, the feed and matching read one row.
 * Pure: the caller loads the rows and passes the clock.
 */
import { classifyComment, COMMENT_LABELS, type CommentLabel } from './comments';
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
}

export interface FeatureInput {
	posts: FeaturePost[];
	points: FeaturePoint[];
	/** Sample comment texts of the recent posts. */
	comments: string[];
	/** Followers per platform (creator_accounts), the stand-in for a missing reach. */
	followersByPlatform: Record<string, number>;
	now: number;
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

function commentMix(comments: string[]): Partial<Record<CommentLabel, number>> {
	if (comments.length === 0) return {};
	const counts = new Map<CommentLabel, number>();
	for (const text of comments) {
		const { label } = classifyComment(text);
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
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

/** Computes every derived feature from a creator's posts, follower history and comments. */
export function computeCreatorFeatures(input: FeatureInput): CreatorFeatures {
	const since = input.now - ENGAGEMENT_WINDOW_DAYS * DAY_MS;
	return {
		engagementByFormat: engagementByFormat(input.posts, input.followersByPlatform, since),
		sponsoredShare: sponsoredShare(input.posts),
		commentMix: commentMix(input.comments),
		postsLast90d: input.posts.filter((p) => p.postedAt >= since && p.postedAt <= input.now).length,
		followerGrowth30d: followerGrowth(input.points, input.now)
	};
}
