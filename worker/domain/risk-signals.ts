/**
 * Risk signals (issue 4, point 3): pure functions that look at a creator's own data and
 * return a flag `{ code, score, reason }` or null. `score` is a 0–100 risk; `reason` is an
 * i18n key of worker/i18n.ts plus the numbers behind it, so a route writes the sentence in
 * the viewer's language. A flag lowers a match score; it never hides a creator.
 *
 * Every threshold is a named constant below with the reasoning next to it. The figures
 * they reach (recall on injected spikes, false positives on clean histories, on a seeded
 * generator and on the demo seeder's data) are measured in test/unit/risk-signals.test.ts.
 */
import { classifyComment } from './comments';
import type { MessageKey } from '../i18n';

import { RISK_CODES, type RiskCode } from './match-codes';

export { RISK_CODES, type RiskCode };

export interface RiskReason {
	key: MessageKey;
	params: Record<string, string | number>;
}

export interface RiskFlag {
	code: RiskCode;
	/** 0 (no risk) … 100 (almost certainly not organic). */
	score: number;
	reason: RiskReason;
}

const clampScore = (x: number) => Math.max(0, Math.min(100, Math.round(x)));
const round1 = (x: number) => Math.round(x * 10) / 10;
const DAY_MS = 86_400_000;

export function median(xs: readonly number[]): number {
	if (xs.length === 0) return 0;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median absolute deviation scaled by 1.4826, so it estimates σ for normal data. */
export function robustSigma(xs: readonly number[]): number {
	const m = median(xs);
	return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

// ---------------------------------------------------------------------------------------
// follower_spike
// ---------------------------------------------------------------------------------------

/** Robust z (median/MAD of the account's own daily deltas) above which a jump is abnormal. */
export const SPIKE_Z = 8;
/**
 * Lower robust z accepted when no post was published that day or the day before: growth
 * with nothing to explain it is the classic purchased-followers pattern.
 */
export const SPIKE_Z_NO_POST = 5;
/** A jump must also be material: at least this share of the previous count… */
export const SPIKE_MIN_SHARE = 0.03;
/** …or at least this many followers when no post explains it (big accounts). */
export const SPIKE_MIN_ABSOLUTE_NO_POST = 500;
/** Below this many daily deltas the account's own history is too short to judge. */
export const SPIKE_MIN_DELTAS = 14;

export interface FollowerPoint {
	/** YYYY-MM-DD (or any ISO string starting with it). */
	date: string;
	followers: number;
}

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * Abnormal day-over-day follower growth. Deltas are per day (a gap of n days is spread
 * evenly); the largest positive one is compared with the median and the scaled MAD of all
 * deltas. The σ has a floor of 0.05 % of the median count and 1 follower, so a perfectly
 * smooth history does not turn every small wobble into an infinite z.
 * Score: 40, plus 2 per percent of jump, plus 10 when no post explains it (capped at 100).
 */
export function followerSpike(points: readonly FollowerPoint[], postDates: readonly string[]): RiskFlag | null {
	const sorted = [...points].filter((p) => Number.isFinite(p.followers) && !Number.isNaN(dayNumber(p.date))).sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
	const deltas: { day: number; date: string; delta: number; before: number; after: number }[] = [];
	for (let i = 1; i < sorted.length; i++) {
		const gap = dayNumber(sorted[i].date) - dayNumber(sorted[i - 1].date);
		if (gap <= 0) continue;
		deltas.push({
			day: dayNumber(sorted[i].date),
			date: sorted[i].date.slice(0, 10),
			delta: (sorted[i].followers - sorted[i - 1].followers) / gap,
			before: sorted[i - 1].followers,
			after: sorted[i].followers
		});
	}
	if (deltas.length < SPIKE_MIN_DELTAS) return null;
	const values = deltas.map((d) => d.delta);
	const m = median(values);
	const typicalCount = median(sorted.map((p) => p.followers));
	const sigma = Math.max(robustSigma(values), typicalCount * 0.0005, 1);
	const postDays = new Set(postDates.map(dayNumber));
	const usual = Math.max(median(values.map(Math.abs)), 1);

	let best: { flag: RiskFlag; z: number } | null = null;
	for (const d of deltas) {
		if (d.delta <= 0 || d.before <= 0) continue;
		const z = (d.delta - m) / sigma;
		const share = d.delta / d.before;
		const noPost = !postDays.has(d.day) && !postDays.has(d.day - 1);
		const material = share >= SPIKE_MIN_SHARE || (noPost && d.delta >= SPIKE_MIN_ABSOLUTE_NO_POST);
		const abnormal = z >= (noPost ? SPIKE_Z_NO_POST : SPIKE_Z);
		if (!material || !abnormal) continue;
		if (best && best.z >= z) continue;
		const percent = round1(share * 100);
		best = {
			z,
			flag: {
				code: 'follower_spike',
				score: clampScore(40 + 2 * percent + (noPost ? 10 : 0)),
				reason: {
					key: noPost ? 'risk_follower_spike_no_post' : 'risk_follower_spike',
					params: { date: d.date, jump: Math.round(d.delta), percent, times: Math.round(d.delta / usual), z: round1(z) }
				}
			}
		};
	}
	return best?.flag ?? null;
}

// ---------------------------------------------------------------------------------------
// engagement_incoherent
// ---------------------------------------------------------------------------------------

/**
 * Typical Instagram engagement rate per follower tier, (likes + comments) / followers per
 * post. Sources, from public benchmark reports as best remembered (they vary by year and
 * method, so treat the exact values as judgement): HypeAuditor "State of Influencer
 * Marketing" 2023–2024 (nano ≈ 2–4 %, micro ≈ 1.5–2.5 %, mid ≈ 1–1.5 %, macro < 1 %),
 * Influencer Marketing Hub "Benchmark Report" 2024 and Later/Mavrck engagement studies
 * (smaller accounts engage more; reels above photos). `high` is the top of the usual
 * range; the ceiling is INCOHERENT_TIER_FACTOR × high, which is our judgement.
 */
export const ENGAGEMENT_TIERS = [
	{ tier: 'nano', min: 0, max: 10_000, low: 0.02, high: 0.06 },
	{ tier: 'micro', min: 10_000, max: 50_000, low: 0.015, high: 0.04 },
	{ tier: 'mid', min: 50_000, max: 500_000, low: 0.01, high: 0.025 },
	{ tier: 'macro', min: 500_000, max: Infinity, low: 0.005, high: 0.015 }
] as const;
/** Median engagement above this multiple of the tier's usual top is out of band (judgement). */
export const INCOHERENT_TIER_FACTOR = 4;
/** Likes per view above this ceiling: people rarely like more than half of what they watch. */
export const LIKES_PER_VIEW_CEILING = 0.5;
/** More comments than likes (on posts with at least 20 likes) is out of band. */
export const COMMENTS_PER_LIKE_CEILING = 1;
/** The profile is flagged when at least this share of its posts is incoherent… */
export const INCOHERENT_POST_SHARE = 0.3;
/** …and at least this many posts are. */
export const INCOHERENT_MIN_POSTS = 2;

export interface EngagementPost {
	format: string;
	views: number;
	reach: number | null;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
}

type PostCheck = 'likes_reach' | 'likes_views' | 'comments_likes';

function postCheck(p: EngagementPost): { check: PostCheck; ratio: number } | null {
	if (p.reach && p.reach > 0 && p.likes > p.reach) return { check: 'likes_reach', ratio: p.likes / p.reach };
	if (p.views > 0 && p.likes >= 20 && p.likes / p.views > LIKES_PER_VIEW_CEILING) return { check: 'likes_views', ratio: p.likes / p.views };
	if (p.likes >= 20 && p.comments / p.likes > COMMENTS_PER_LIKE_CEILING) return { check: 'comments_likes', ratio: p.comments / p.likes };
	return null;
}

export function tierFor(followers: number) {
	return ENGAGEMENT_TIERS.find((t) => followers >= t.min && followers < t.max) ?? ENGAGEMENT_TIERS[ENGAGEMENT_TIERS.length - 1];
}

const REASON_BY_CHECK: Record<PostCheck, MessageKey> = {
	likes_reach: 'risk_engagement_likes_reach',
	likes_views: 'risk_engagement_likes_views',
	comments_likes: 'risk_engagement_comments_likes'
};

/**
 * Likes, comments and views that do not fit each other (per post) or the follower tier
 * (median over posts). Per-post score: 40 + 60 × share of incoherent posts; tier score:
 * 40 + 10 per multiple of the ceiling. The higher of the two is kept.
 */
export function engagementIncoherent(posts: readonly EngagementPost[], followers: number): RiskFlag | null {
	if (posts.length === 0) return null;
	const checks = posts.map(postCheck).filter((c): c is NonNullable<ReturnType<typeof postCheck>> => c !== null);
	let flag: RiskFlag | null = null;
	const share = checks.length / posts.length;
	if (checks.length >= INCOHERENT_MIN_POSTS && share >= INCOHERENT_POST_SHARE) {
		const counts = new Map<PostCheck, number[]>();
		for (const c of checks) counts.set(c.check, [...(counts.get(c.check) ?? []), c.ratio]);
		const [check, ratios] = [...counts.entries()].sort((a, b) => b[1].length - a[1].length)[0];
		flag = {
			code: 'engagement_incoherent',
			score: clampScore(40 + 60 * share),
			reason: { key: REASON_BY_CHECK[check], params: { count: checks.length, total: posts.length, ratio: round1(median(ratios)) } }
		};
	}
	if (followers > 0 && posts.length >= 3) {
		const tier = tierFor(followers);
		const rate = median(posts.map((p) => (p.likes + p.comments) / followers));
		const ceiling = tier.high * INCOHERENT_TIER_FACTOR;
		if (rate > ceiling) {
			const score = clampScore(40 + 10 * (rate / ceiling));
			if (!flag || score > flag.score) {
				flag = {
					code: 'engagement_incoherent',
					score,
					reason: {
						key: 'risk_engagement_tier',
						params: { rate: round1(rate * 100), ceiling: round1(ceiling * 100), tierMin: tier.min, tierMax: Number.isFinite(tier.max) ? tier.max : 0, times: round1(rate / tier.high) }
					}
				};
			}
		}
	}
	return flag;
}

// ---------------------------------------------------------------------------------------
// generic_comments
// ---------------------------------------------------------------------------------------

/**
 * Flag when generic comments make at least this share (see tests). Generic as API.md
 * defines it ("Comment labels"): could stand under any post — emoji alone however many, or
 * a word or two of praise with nothing about the post — what engagement pods and bought
 * comments look like. Spam is not counted: it is aimed at the post's readers, not at
 * inflating the creator, and the comment-quality criterion already weighs it.
 */
export const GENERIC_SHARE_THRESHOLD = 0.6;
/** Fewer sample comments than this say nothing. */
export const GENERIC_MIN_COMMENTS = 10;

/** A high share of generic comments. Score: 40 at the threshold, 100 at 100 %. */
export function genericComments(comments: readonly string[]): RiskFlag | null {
	if (comments.length < GENERIC_MIN_COMMENTS) return null;
	const generic = comments.filter((c) => {
		return classifyComment(c).label === 'generic';
	}).length;
	const share = generic / comments.length;
	if (share < GENERIC_SHARE_THRESHOLD) return null;
	return {
		code: 'generic_comments',
		score: clampScore(40 + (60 * (share - GENERIC_SHARE_THRESHOLD)) / (1 - GENERIC_SHARE_THRESHOLD)),
		reason: { key: 'risk_generic_comments', params: { percent: Math.round(share * 100), count: generic, total: comments.length } }
	};
}

// ---------------------------------------------------------------------------------------
// audience_abroad
// ---------------------------------------------------------------------------------------

/** Below this share of the audience in Algeria, a creator is a poor fit for a local shop. */
export const AUDIENCE_DZ_THRESHOLD = 0.7;

/** Little of the audience in Algeria. Score: 40 at the threshold, +1 per point below it. */
export function audienceAbroad(countryShareDZ: number | undefined | null): RiskFlag | null {
	if (countryShareDZ === undefined || countryShareDZ === null || !Number.isFinite(countryShareDZ)) return null;
	const share = Math.max(0, Math.min(1, countryShareDZ));
	if (share >= AUDIENCE_DZ_THRESHOLD) return null;
	return {
		code: 'audience_abroad',
		score: clampScore(40 + 100 * (AUDIENCE_DZ_THRESHOLD - share)),
		reason: { key: 'risk_audience_abroad', params: { percent: Math.round(share * 100), threshold: Math.round(AUDIENCE_DZ_THRESHOLD * 100) } }
	};
}

// ---------------------------------------------------------------------------------------
// summary
// ---------------------------------------------------------------------------------------

/** Each flag beyond the strongest adds this much to the summary score. */
export const EXTRA_FLAG_ADDON = 10;

export interface RiskSummary {
	score: number;
	flags: RiskFlag[];
}

/** The strongest flag's score plus 10 per extra flag, capped at 100; flags strongest first. */
export function riskSummary(flags: readonly (RiskFlag | null | undefined)[]): RiskSummary {
	const present = flags.filter((f): f is RiskFlag => !!f).sort((a, b) => b.score - a.score);
	if (present.length === 0) return { score: 0, flags: [] };
	return { score: clampScore(present[0].score + EXTRA_FLAG_ADDON * (present.length - 1)), flags: present };
}

export interface RiskInput {
	followerPoints: readonly FollowerPoint[];
	posts: readonly (EngagementPost & { postedAt: string })[];
	followers: number;
	comments: readonly string[];
	countryShareDZ?: number | null;
}

/** All four signals on one creator's data. */
export function assessRisk(input: RiskInput): RiskSummary {
	return riskSummary([
		followerSpike(
			input.followerPoints,
			input.posts.map((p) => p.postedAt)
		),
		engagementIncoherent(input.posts, input.followers),
		genericComments(input.comments),
		audienceAbroad(input.countryShareDZ ?? undefined)
	]);
}
