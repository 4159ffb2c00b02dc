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
import { t } from '../i18n';
import { cosine, readableWords, surfaceWords } from './affinity';
import { fits, type FitCampaign } from './campaign-fit';
import type { FormatFeatures } from './creator-features';
import { parseJsonOr } from './json';
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
	/** The lnc term vector (creator_features.affinity_terms). */
	terms: Record<string, number>;
	engagement: Partial<Record<Format, FormatFeatures>>;
	/** Audience shares by wilaya code (empty: no breakdown). */
	audienceWilayas: Record<string, number>;
}

/** A candidate's row as the service reads it (creators joined to creator_features). */
export interface LookAlikeRow {
	id: string;
	display_name: string;
	handle: string;
	wilaya: string | null;
	niches: string;
	rates: string;
	audience: string;
	followers_total: number;
	engagement_by_format: string | null;
	affinity_terms: string | null;
	observed_niches: string | null;
}

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
			terms: shares(parseJsonOr(row.affinity_terms, {})),
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
 * The source's terms weighted by idf over the candidates (ln((N + 1) / df), as
 * affinity.ts campaignQueryVector), unit length: what sets this creator apart within the pool.
 */
export function sourceQuery(terms: Record<string, number>, pool: readonly Record<string, number>[]): Map<string, number> {
	const n = pool.length;
	const out = new Map<string, number>();
	for (const [term, w] of Object.entries(terms)) {
		let df = 0;
		for (const doc of pool) if (doc[term] !== undefined) df += 1;
		if (df === 0) continue;
		out.set(term, w * Math.log((n + 1) / df));
	}
	const norm = Math.sqrt([...out.values()].reduce((s, w) => s + w * w, 0));
	if (norm === 0) return new Map();
	for (const [term, w] of out) out.set(term, w / norm);
	return out;
}

/** Jaccard overlap of two niche sets, and how many they share. */
export function nicheSimilarity(a: readonly string[], b: readonly string[]): { score: number; shared: number; same: boolean } {
	const A = new Set(a);
	const B = new Set(b);
	const shared = [...A].filter((n) => B.has(n)).length;
	const union = new Set([...A, ...B]).size;
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

function postShares(e: Partial<Record<Format, FormatFeatures>>): Map<Format, number> {
	const total = FORMATS.reduce((s, f) => s + Math.max(0, e[f]?.posts ?? 0), 0);
	const out = new Map<Format, number>();
	if (total === 0) return out;
	for (const f of FORMATS) if ((e[f]?.posts ?? 0) > 0) out.set(f, e[f]!.posts / total);
	return out;
}

/**
 * Engagement by format: half the overlap of the format mixes, half the closeness of the
 * engagement on the formats both publish, each rate over its own tier's median; 0 when they
 * share no format. `format` is the shared format that counts most.
 */
export function engagementSimilarity(a: LookAlikeProfile, b: LookAlikeProfile): { score: number; format: Format | null } {
	const sa = postShares(a.engagement);
	const sb = postShares(b.engagement);
	let mix = 0;
	let level = 0;
	let weight = 0;
	let best: { format: Format; w: number } | null = null;
	const ta = benchmarkFor(a.followersTotal).median;
	const tb = benchmarkFor(b.followersTotal).median;
	for (const f of FORMATS) {
		const w = Math.min(sa.get(f) ?? 0, sb.get(f) ?? 0);
		if (w === 0) continue;
		mix += w;
		const ra = Math.max(0.01, a.engagement[f]!.engagementRate / ta[f]);
		const rb = Math.max(0.01, b.engagement[f]!.engagementRate / tb[f]);
		const close = clamp01(1 - Math.abs(Math.log(ra / rb)) / Math.log(ENGAGEMENT_FAR_RATIO));
		level += w * close;
		weight += w;
		if (!best || w * close > best.w) best = { format: f, w: w * close };
	}
	if (weight === 0) return { score: 0, format: null };
	return { score: clamp01(0.5 * mix + 0.5 * (level / weight)), format: best && best.w > 0 ? best.format : null };
}

/** Audience shares by wilaya, at most 1 in all; without a breakdown, the home wilaya (an estimate). */
function audienceOf(p: LookAlikeProfile): { shares: Map<string, number>; estimated: boolean } {
	const entries = Object.entries(p.audienceWilayas).filter(([, v]) => v > 0);
	if (entries.length === 0) return { shares: p.wilaya ? new Map([[p.wilaya, 1]]) : new Map(), estimated: true };
	const sum = entries.reduce((s, [, v]) => s + v, 0);
	const scale = sum > 1 ? 1 / sum : 1;
	return { shares: new Map(entries.map(([k, v]) => [k, v * scale])), estimated: false };
}

/** The audience both have in the same wilayas (Σ min of the shares = 1 − total variation distance). */
export function audienceSimilarity(a: LookAlikeProfile, b: LookAlikeProfile): { score: number; estimated: boolean } {
	const A = audienceOf(a);
	const B = audienceOf(b);
	let overlap = 0;
	for (const [w, s] of A.shares) overlap += Math.min(s, B.shares.get(w) ?? 0);
	return { score: clamp01(overlap), estimated: A.estimated || B.estimated };
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
	const query = sourceQuery(
		source.terms,
		others.map((c) => c.terms)
	);
	const min = opts.minSimilarity ?? LOOK_ALIKE_MIN_SIMILARITY;
	const scored = others.map((c) => {
		const content = cosine(query, c.terms);
		const niches = nicheSimilarity(source.niches, c.niches);
		const engagement = engagementSimilarity(source, c);
		const audience = audienceSimilarity(source, c);
		const scores: Record<LookAlikeFactor, number> = {
			content: content.value,
			niches: niches.score,
			tier: tierSimilarity(source.followersTotal, c.followersTotal),
			engagement: engagement.score,
			audience: audience.score
		};
		const raw = LOOK_ALIKE_FACTORS.reduce((s, f) => s + LOOK_ALIKE_WEIGHTS[f] * scores[f], 0);
		return { c, scores, raw, similarity: Math.round(raw), details: { words: content.shared, niches, format: engagement.format, audience } };
	});
	const ranked = scored
		.filter((s) => s.similarity >= min)
		.sort((a, b) => b.similarity - a.similarity || b.raw - a.raw || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
		.slice(0, opts.limit ?? LOOK_ALIKE_LIMIT);
	return ranked.map((s) => {
		const details: Details = { ...s.details, words: readableWords(s.details.words, opts.surface ?? new Map()).slice(0, REASON_WORDS) };
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
