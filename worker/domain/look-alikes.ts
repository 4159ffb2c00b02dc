/**
 * Look-alike creators (issue 16, point 3): "creators like this one", the nearest by five
 * factors, each 0–1, weighed into a similarity of 0–100:
 * - content (30): cosine of the creators' term vectors (creator_features.affinity_terms,
 *   lnc, affinity.ts), the source's side weighted by idf over the candidates like a
 *   campaign's query, so the words every candidate of the niche uses weigh nothing and the
 *   words this creator is known for weigh most;
 * - niches (20): Jaccard overlap of the effective niches (declared, or the trusted observed
 *   ones when the content disagrees: observed-niches.ts effectiveNiches);
 * - tier (15): the follower bands of ENGAGEMENT_BENCHMARKS (matching.ts): same band 1,
 *   neighbouring band 0.5, further 0;
 * - engagement (20): half the overlap of the format mixes (shares of posts per format),
 *   half how close the engagement is on the formats both publish, each measured against
 *   its own tier's median (so a 5 000-follower and a 40 000-follower account compare
 *   fairly): 1 for the same ratio, 0 from a factor of 4 apart;
 * - audience (15): the shares of the audience both have in the same wilayas (Σ min, that is
 *   1 − total variation distance; what a breakdown leaves unassigned counts as no overlap);
 *   without a breakdown, the creator's own wilaya stands in for all of it (an estimate).
 * Each look-alike carries 1–3 reasons: the factors that weigh most in its similarity among
 * those at 0.5 or more (else its single strongest factor), as Reasons (i18n keys and
 * numbers) rendered by the service in the viewer's language. Pure: the service loads the
 * rows, this module scores. Ties: similarity, then the unrounded value, then id.
 */
import type { CandidateRow } from './match-candidates';
import { t } from '../i18n';
import { readableWords, surfaceWords } from './affinity';
import { fits, type FitCampaign } from './campaign-fit';
import type { FormatFeatures } from './creator-features';
import { jsonObjectOr, parseJsonOr } from './json';
import { renderReason, shares, type ReasonContext } from './match-candidates';
import { benchmarkFor, ENGAGEMENT_BENCHMARKS, type Reason } from './matching';
import { effectiveNiches, parseObservedNiches, type ObservedNiche } from './observed-niches';
import { FORMATS, type Format } from './taxonomy';

export const LOOK_ALIKE_FACTORS = ['content', 'niches', 'tier', 'engagement', 'audience'] as const;
export type LookAlikeFactor = (typeof LOOK_ALIKE_FACTORS)[number];

/** Weights of the factors (sum 100): what a creator publishes about first, then where and how well. */
export const LOOK_ALIKE_WEIGHTS: Readonly<Record<LookAlikeFactor, number>> = { content: 30, niches: 20, tier: 15, engagement: 20, audience: 15 };

/** Look-alikes returned at most. */
export const LOOK_ALIKE_LIMIT = 10;
/** Below this similarity (0–100) a creator is not "close enough" to be shown. */
export const LOOK_ALIKE_MIN_SIMILARITY = 30;
/** A factor at this score (0–1) or more can be a reason. */
export const REASON_MIN_FACTOR = 0.5;
/** Reasons per look-alike at most. */
export const REASON_MAX = 3;
/** Engagement ratios this many times apart (or more) are not close at all. */
export const ENGAGEMENT_FAR_RATIO = 4;
/** Shared words a content reason cites at most. */
export const REASON_WORDS = 3;

/** What the similarity reads of one creator. */
export interface LookAlikeProfile {
	id: string;
	wilaya: string | null;
	followersTotal: number;
	/** Effective niches (observed-niches.ts effectiveNiches). */
	niches: string[];
	/**
	 * The lnc term vector (creator_features.affinity_terms) as stored: read without a copy
	 * (the biggest cell), so an entry that is not a number is skipped where it is used.
	 */
	terms: Record<string, number>;
	engagement: Partial<Record<Format, FormatFeatures>>;
	/** Audience shares by wilaya code (empty: no breakdown). */
	audienceWilayas: Record<string, number>;
}

/** A candidate's row as the service reads it (creators joined to creator_features): the matches' row, fewer columns. */
export type LookAlikeRow = Pick<CandidateRow, 'id' | 'display_name' | 'handle' | 'wilaya' | 'niches' | 'rates' | 'audience' | 'followers_total' | 'engagement_by_format' | 'affinity_terms'> & {
	observed_niches: string | null;
};

/** A row read into a profile, with the niches as stored (declared, observed) and the ones the hard filters search on. */
export function profileOf(row: LookAlikeRow): { profile: LookAlikeProfile; declared: string[]; observed: ObservedNiche[]; searchable: string[]; rates: Record<string, unknown> } {
	const declared = parseJsonOr<unknown>(row.niches, []);
	const declaredNiches = Array.isArray(declared) ? declared.filter((n): n is string => typeof n === 'string') : [];
	const observed = parseObservedNiches(parseJsonOr<unknown>(row.observed_niches, []));
	const niches = effectiveNiches(declaredNiches, observed);
	const audience = parseJsonOr<{ wilayas?: unknown }>(row.audience, {});
	const engagement = parseJsonOr<Record<string, unknown>>(row.engagement_by_format, {});
	const byFormat: Partial<Record<Format, FormatFeatures>> = {};
	for (const f of FORMATS) {
		const e = engagement[f] as Partial<FormatFeatures> | undefined;
		if (e && typeof e.posts === 'number' && typeof e.engagementRate === 'number' && Number.isFinite(e.posts) && Number.isFinite(e.engagementRate))
			byFormat[f] = { posts: e.posts, engagementRate: e.engagementRate, avgViews: Number(e.avgViews) || 0, avgReach: typeof e.avgReach === 'number' ? e.avgReach : null };
	}
	return {
		profile: {
			id: row.id,
			wilaya: row.wilaya,
			followersTotal: row.followers_total,
			niches,
			terms: jsonObjectOr<Record<string, number>>(row.affinity_terms, {}),
			engagement: byFormat,
			audienceWilayas: shares(audience.wilayas)
		},
		declared: declaredNiches,
		observed,
		searchable: [...new Set([...declaredNiches, ...niches])],
		rates: parseJsonOr<Record<string, unknown>>(row.rates, {})
	};
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ---------------------------------------------------------------------------------------
// the five factors
// ---------------------------------------------------------------------------------------

/**
 * One pass over the candidates' vectors for the source's terms: the document frequencies and,
 * per candidate, the (term index, weight) pairs it shares with the source, so the cosine needs
 * no second lookup. Each candidate's own keys are walked against a small map of the source's
 * terms (a vector holds at most AFFINITY_TOP_TERMS).
 */
function sharedTerms(terms: Record<string, number>, pool: readonly Record<string, number>[]) {
	const index = new Map<string, number>();
	const names: string[] = [];
	const weights: number[] = [];
	for (const term in terms) {
		const w = terms[term];
		if (typeof w !== 'number' || !Number.isFinite(w)) continue;
		index.set(term, names.length);
		names.push(term);
		weights.push(w);
	}
	const df = new Array<number>(names.length).fill(0);
	const pairs = pool.map((doc) => {
		const out: number[] = [];
		for (const term in doc) {
			const i = index.get(term);
			const d = doc[term];
			if (i === undefined || typeof d !== 'number') continue;
			df[i] += 1;
			out.push(i, d);
		}
		return out;
	});
	return { names, weights, df, pairs };
}

/** The source's weights × idf over the pool (ln((N + 1) / df), as affinity.ts campaignQueryVector), unit length; 0 for a term no candidate uses. */
function idfWeights(weights: readonly number[], df: readonly number[], n: number): number[] {
	const q = weights.map((w, i) => (df[i] === 0 ? 0 : w * Math.log((n + 1) / df[i])));
	const norm = Math.sqrt(q.reduce((s, w) => s + w * w, 0));
	return norm === 0 ? q.map(() => 0) : q.map((w) => w / norm);
}

/**
 * The source's terms weighted by idf over the candidates, unit length: what sets this
 * creator apart within the pool (terms no candidate uses left out).
 */
export function sourceQuery(terms: Record<string, number>, pool: readonly Record<string, number>[]): Map<string, number> {
	const { names, weights, df } = sharedTerms(terms, pool);
	const q = idfWeights(weights, df, pool.length);
	return new Map(names.flatMap((t, i) => (q[i] > 0 ? [[t, q[i]] as const] : [])));
}

/** Jaccard overlap of two niche sets, and how many they share. */
export function nicheSimilarity(a: readonly string[], b: readonly string[]): { score: number; shared: number; same: boolean } {
	const A = a.filter((n, i) => a.indexOf(n) === i);
	const B = b.filter((n, i) => b.indexOf(n) === i);
	let shared = 0;
	for (const n of A) if (B.includes(n)) shared += 1;
	const union = A.length + B.length - shared;
	return { score: union === 0 ? 0 : shared / union, shared, same: union > 0 && shared === union };
}

/** The follower band's index in ENGAGEMENT_BENCHMARKS. */
export function tierIndex(followers: number): number {
	return ENGAGEMENT_BENCHMARKS.indexOf(benchmarkFor(followers));
}

/** Same band 1, neighbouring 0.5, further 0. */
export function tierSimilarity(a: number, b: number): number {
	return clamp01(1 - Math.abs(tierIndex(a) - tierIndex(b)) / 2);
}

/** What the pairwise factors read of one creator, computed once per creator (not per pair), without maps. */
interface Side {
	p: LookAlikeProfile;
	/** Share of posts per format, in FORMATS order. */
	mix: number[];
	/** The tier's median engagement per format. */
	median: Record<Format, number>;
	tier: number;
}

function sideOf(p: LookAlikeProfile): Side {
	let total = 0;
	for (const f of FORMATS) total += Math.max(0, p.engagement[f]?.posts ?? 0);
	const mix = FORMATS.map((f) => (total > 0 ? Math.max(0, p.engagement[f]?.posts ?? 0) / total : 0));
	const band = benchmarkFor(p.followersTotal);
	return { p, mix, median: band.median, tier: ENGAGEMENT_BENCHMARKS.indexOf(band) };
}

function engagementBetween(a: Side, b: Side): { score: number; format: Format | null } {
	let mix = 0;
	let level = 0;
	let best: Format | null = null;
	let bestW = 0;
	for (let i = 0; i < FORMATS.length; i++) {
		const w = Math.min(a.mix[i], b.mix[i]);
		if (w === 0) continue;
		const f = FORMATS[i];
		mix += w;
		const ra = Math.max(0.01, a.p.engagement[f]!.engagementRate / a.median[f]);
		const rb = Math.max(0.01, b.p.engagement[f]!.engagementRate / b.median[f]);
		const close = clamp01(1 - Math.abs(Math.log(ra / rb)) / Math.log(ENGAGEMENT_FAR_RATIO));
		level += w * close;
		if (w * close > bestW) {
			bestW = w * close;
			best = f;
		}
	}
	if (mix === 0) return { score: 0, format: null };
	return { score: clamp01(0.5 * mix + 0.5 * (level / mix)), format: best };
}

/**
 * Engagement by format: half the overlap of the format mixes, half the closeness of the
 * engagement on the formats both publish, each rate over its own tier's median; 0 when they
 * share no format. `format` is the shared format that counts most.
 */
export function engagementSimilarity(a: LookAlikeProfile, b: LookAlikeProfile): { score: number; format: Format | null } {
	return engagementBetween(sideOf(a), sideOf(b));
}

/** Audience shares by wilaya, at most 1 in all; without a breakdown, the home wilaya (an estimate). */
function audienceOf(p: LookAlikeProfile): { shares: Map<string, number>; estimated: boolean } {
	const entries = Object.entries(p.audienceWilayas).filter(([, v]) => v > 0);
	if (entries.length === 0) return { shares: p.wilaya ? new Map([[p.wilaya, 1]]) : new Map(), estimated: true };
	const sum = entries.reduce((s, [, v]) => s + v, 0);
	const scale = sum > 1 ? 1 / sum : 1;
	return { shares: new Map(entries.map(([k, v]) => [k, v * scale])), estimated: false };
}

/** The source's shares (audienceOf) against a candidate's, read in place: Σ min, the candidate's scaled to at most 1. */
function audienceAgainst(source: { shares: Map<string, number>; estimated: boolean }, c: LookAlikeProfile): { score: number; estimated: boolean } {
	let sum = 0;
	for (const k in c.audienceWilayas) {
		const v = c.audienceWilayas[k];
		if (v > 0) sum += v;
	}
	if (sum === 0) return { score: c.wilaya ? (source.shares.get(c.wilaya) ?? 0) : 0, estimated: true };
	const scale = sum > 1 ? 1 / sum : 1;
	let overlap = 0;
	for (const [w, share] of source.shares) {
		const v = c.audienceWilayas[w];
		if (v > 0) overlap += Math.min(share, v * scale);
	}
	return { score: clamp01(overlap), estimated: source.estimated };
}

/** The audience both have in the same wilayas (Σ min of the shares = 1 − total variation distance). */
export function audienceSimilarity(a: LookAlikeProfile, b: LookAlikeProfile): { score: number; estimated: boolean } {
	return audienceAgainst(audienceOf(a), b);
}

/** Cosine of the source's query and a candidate's stored vector (both unit length); a value that is not a number counts nothing. */
function contentCosine(query: ReadonlyMap<string, number>, doc: Record<string, unknown>): { value: number; shared: string[] } {
	let value = 0;
	const contributions: [string, number][] = [];
	for (const [term, q] of query) {
		const d = doc[term];
		if (typeof d !== 'number' || !Number.isFinite(d)) continue;
		value += q * d;
		contributions.push([term, q * d]);
	}
	contributions.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
	return { value: clamp01(value), shared: contributions.slice(0, 3).map(([t]) => t) };
}

// ---------------------------------------------------------------------------------------
// similarity and reasons
// ---------------------------------------------------------------------------------------

export interface LookAlike {
	id: string;
	/** 0–100. */
	similarity: number;
	/** Each factor 0–100. */
	factors: Record<LookAlikeFactor, number>;
	/** 1–3 reasons, strongest first. */
	reasons: { factor: LookAlikeFactor; reason: Reason }[];
	/** The unrounded similarity (ties). */
	raw: number;
}

export interface LookAlikeOptions {
	/** Stem → readable word (affinity.ts surfaceWords over the source's texts); stems as they are without. */
	surface?: ReadonlyMap<string, string>;
	limit?: number;
	minSimilarity?: number;
}

function reasonOf(factor: LookAlikeFactor, source: LookAlikeProfile, c: LookAlikeProfile, detail: Details): Reason | null {
	switch (factor) {
		case 'content':
			return detail.words.length > 0 ? { key: 'similar_content', params: { words: detail.words.join(', ') } } : null;
		case 'niches':
			return detail.niches.same ? { key: 'similar_niches_same', params: {} } : { key: 'similar_niches_some', params: { shared: detail.niches.shared } };
		case 'tier': {
			const band = benchmarkFor(c.followersTotal);
			const params = { tierMin: band.min, tierMax: Number.isFinite(band.max) ? band.max : 0 };
			return { key: tierIndex(c.followersTotal) === tierIndex(source.followersTotal) ? 'similar_tier_same' : 'similar_tier_near', params };
		}
		case 'engagement':
			return detail.format ? { key: 'similar_engagement', params: { format: detail.format } } : null;
		case 'audience': {
			if (detail.audience.estimated && source.wilaya !== null && source.wilaya === c.wilaya) return { key: 'similar_audience_home', params: { wilaya: c.wilaya } };
			return { key: detail.audience.estimated ? 'similar_audience_estimated' : 'similar_audience', params: { percent: Math.round(detail.audience.score * 100) } };
		}
	}
}

interface Details {
	words: string[];
	niches: ReturnType<typeof nicheSimilarity>;
	format: Format | null;
	audience: ReturnType<typeof audienceSimilarity>;
}

/**
 * The creators nearest to `source` among `candidates` (the source itself left out), best
 * first, at most `limit` (10) and none below `minSimilarity` (30), each with its factors
 * and 1–3 reasons.
 */
export function lookAlikes(source: LookAlikeProfile, candidates: readonly LookAlikeProfile[], opts: LookAlikeOptions = {}): LookAlike[] {
	const others = candidates.filter((c) => c.id !== source.id);
	const shared = sharedTerms(
		source.terms,
		others.map((c) => c.terms)
	);
	const q = idfWeights(shared.weights, shared.df, others.length);
	const query = new Map(shared.names.flatMap((t, i) => (q[i] > 0 ? [[t, q[i]] as const] : [])));
	const min = opts.minSimilarity ?? LOOK_ALIKE_MIN_SIMILARITY;
	const src = sideOf(source);
	const srcAudience = audienceOf(source);
	// The scoring pass: numbers only; the details the reasons cite come for the listed few.
	const scored = others.map((c, k) => {
		const side = sideOf(c);
		const pairs = shared.pairs[k];
		let content = 0;
		for (let j = 0; j < pairs.length; j += 2) content += q[pairs[j]] * pairs[j + 1];
		const engagement = engagementBetween(src, side);
		const audience = audienceAgainst(srcAudience, c);
		const scores: Record<LookAlikeFactor, number> = {
			content: clamp01(content),
			niches: nicheSimilarity(source.niches, c.niches).score,
			tier: clamp01(1 - Math.abs(src.tier - side.tier) / 2),
			engagement: engagement.score,
			audience: audience.score
		};
		let raw = 0;
		for (const f of LOOK_ALIKE_FACTORS) raw += LOOK_ALIKE_WEIGHTS[f] * scores[f];
		return { c, scores, raw, similarity: Math.round(raw), format: engagement.format, audience };
	});
	const ranked = scored
		.filter((s) => s.similarity >= min)
		.sort((a, b) => b.similarity - a.similarity || b.raw - a.raw || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
		.slice(0, opts.limit ?? LOOK_ALIKE_LIMIT);
	return ranked.map((s) => {
		const details: Details = {
			words: readableWords(contentCosine(query, s.c.terms).shared, opts.surface ?? new Map()).slice(0, REASON_WORDS),
			niches: nicheSimilarity(source.niches, s.c.niches),
			format: s.format,
			audience: s.audience
		};
		const order = [...LOOK_ALIKE_FACTORS].sort((a, b) => LOOK_ALIKE_WEIGHTS[b] * s.scores[b] - LOOK_ALIKE_WEIGHTS[a] * s.scores[a] || LOOK_ALIKE_FACTORS.indexOf(a) - LOOK_ALIKE_FACTORS.indexOf(b));
		const reasons: LookAlike['reasons'] = [];
		for (const factor of order) {
			const score = s.scores[factor];
			if (reasons.length >= REASON_MAX || score === 0 || (score < REASON_MIN_FACTOR && reasons.length > 0)) break;
			const reason = reasonOf(factor, source, s.c, details);
			if (reason) reasons.push({ factor, reason });
		}
		return {
			id: s.c.id,
			similarity: s.similarity,
			raw: s.raw,
			factors: Object.fromEntries(LOOK_ALIKE_FACTORS.map((f) => [f, Math.round(s.scores[f] * 100)])) as Record<LookAlikeFactor, number>,
			reasons
		};
	});
}

/** The reasons as one sentence in the viewer's language: "Proche par : A, B et C." */
export function renderLookAlikeReason(reasons: readonly { reason: Reason }[], ctx: ReasonContext): string {
	const parts = reasons.map((r) => renderReason(r.reason, ctx));
	if (parts.length === 0) return '';
	const { locale } = ctx;
	const list = parts.length === 1 ? parts[0] : t(locale, 'similar_and', { a: parts.slice(0, -1).join(t(locale, 'similar_comma')), b: parts[parts.length - 1] });
	return t(locale, 'similar_reason', { factors: list });
}

/**
 * The service's pure half: the pool's rows read, those failing the campaign's hard filters
 * (`fit`, campaign-fit.ts `fits` on the declared and effective niches) left out, then the
 * look-alikes of `source`, their shared words made readable from the source's texts (bio,
 * captions). `byId` gives each look-alike's row and profile back.
 */
export function rankLookAlikes(source: LookAlikeRow, rows: readonly LookAlikeRow[], fit: FitCampaign | null, sourceTexts: readonly string[]) {
	const read = rows.map((row) => ({ row, ...profileOf(row) })).filter((c) => !fit || fits(fit, { wilaya: c.row.wilaya, niches: c.searchable, followersTotal: c.row.followers_total, rates: c.rates }));
	const byId = new Map(read.map((c) => [c.row.id, c]));
	const list = lookAlikes(
		profileOf(source).profile,
		read.map((c) => c.profile),
		{ surface: surfaceWords(sourceTexts), limit: LOOK_ALIKE_LIMIT }
	);
	return { list, byId };
}
