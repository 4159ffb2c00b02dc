/**
 * The pure half of matching a campaign's candidates: rows as the matches query returns
 * them → six criteria, total and risk per creator (worker/domain/matching.ts), and the
 * reasons as sentences in the viewer's language. No D1 here: the service runs the query,
 * the benchmark feeds the same function the same rows.
 */
import { t, type Locale, type MessageKey } from '../i18n';
import { parseJsonOr } from './json';
import { formatDecimal } from './numbers';
import { campaignQueryVector, campaignQueryVectorFromDf, campaignTerms, nicheWords, surfaceWords, type TermCollection } from './affinity';
import { fits, type FitCampaign } from './campaign-fit';
import type { CampaignFields } from './campaign-rules';
import type { FormatFeatures } from './creator-features';
import { SPONSORED_WINDOW_POSTS } from './creator-features';
import { affinityScore, audienceFitScore, campaignFormats, commentQualityScore, engagementScore, partnershipLoadScore, totalScore, type Criterion, type MatchWeights, type Reason } from './matching';
import type { Format } from './taxonomy';
import type { EvidenceScore } from './match-why';
import { effectiveNiches, parseObservedNiches } from './observed-niches';
import { trackAggregateOf, trackRecordScore, type TrackColumns } from './track-record';

export interface CandidateRow extends TrackColumns {
	id: string;
	display_name: string;
	handle: string;
	wilaya: string | null;
	niches: string;
	rates: string;
	audience: string;
	followers_total: number;
	engagement_by_format: string | null;
	sponsored_share: number | null;
	comment_mix: string | null;
	affinity_terms: string | null;
	/** creator_features.observed_niches (JSON), null before the first import. */
	observed_niches?: string | null;
	risk_score: number | null;
	posts_total: number | null;
	comments_sampled: number | null;
	/** Comma-separated codes of the creator's raised flags (null when none). */
	flag_codes: string | null;
}

/** Stored JSON columns as objects or arrays (see json.ts). */
export const parse = parseJsonOr;

export const shares = (x: unknown): Record<string, number> => {
	if (!x || typeof x !== 'object' || Array.isArray(x)) return {};
	// A parsed JSON object whose values are all finite numbers is returned as it is: copying it
	// key by key (a new shape per creator's terms) was most of the CPU of scoring a candidate.
	const o = x as Record<string, unknown>;
	let clean = true;
	for (const k in o) {
		const v = o[k];
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			clean = false;
			break;
		}
	}
	if (clean) return o as Record<string, number>;
	const out: Record<string, number> = {};
	for (const k in o) {
		const v = o[k];
		if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
	}
	return out;
};

// ---------------------------------------------------------------------------------------
// reasons in the viewer's language
// ---------------------------------------------------------------------------------------

/** Numbers as the whole app writes them (numbers.ts): "4,1" and "20 000" in French and Arabic, "4.1" in English. */
export function formatNumber(locale: Locale, n: number): string {
	return formatDecimal(n, locale);
}

export interface ReasonContext {
	locale: Locale;
	wilayaNames: Map<string, { fr: string; ar: string }>;
}

/** A reason as one sentence in the viewer's language, its numbers formatted for it. */
export function renderReason(reason: Reason, ctx: ReasonContext): string {
	const { locale } = ctx;
	const params: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(reason.params)) params[k] = typeof v === 'number' ? formatNumber(locale, v) : v;
	if ('tierMin' in reason.params) {
		const min = formatNumber(locale, Number(reason.params.tierMin));
		const max = Number(reason.params.tierMax);
		params.tier = max > 0 ? t(locale, 'match_tier_range', { min, max: formatNumber(locale, max) }) : t(locale, 'match_tier_open', { min });
	}
	if (typeof reason.params.format === 'string') params.format = t(locale, `match_format_${reason.params.format}` as MessageKey);
	if (typeof reason.params.wilaya === 'string' && reason.params.wilaya !== '') {
		const names = ctx.wilayaNames.get(reason.params.wilaya);
		params.wilaya = names ? (locale === 'ar' ? names.ar : names.fr) : reason.params.wilaya;
	}
	if (reason.parts) params.parts = reason.parts.map((r) => renderReason(r, ctx)).join(locale === 'ar' ? '، ' : ', ');
	return t(locale, reason.key, params);
}

export interface Scored {
	row: CandidateRow;
	criteria: Record<Criterion, EvidenceScore>;
	total: ReturnType<typeof totalScore>;
	risk: number;
}

/** The campaign's own words: title, offer, brief and its niches' topic words. */
export function campaignTexts(f: CampaignFields): string[] {
	return [f.title, f.offer, f.brief.angle, ...f.brief.keyMessages, ...f.brief.dos, ...f.niches.map(nicheWords)];
}

/**
 * Scores every candidate that passes the hard filters (pure apart from the rows given). With
 * `collection` (matching's: every creator, affinity_df) the campaign's idf comes from it and
 * a creator's score does not depend on the other rows (candidateScorer); without, from the
 * rows themselves.
 */
export function scoreCandidates(campaign: CampaignFields & { id: string }, rows: CandidateRow[], partnerships: Map<string, number>, weights: MatchWeights, collection?: TermCollection): Scored[] {
	if (collection) return candidateScorer(campaign, partnerships, weights, collection)(rows);
	const passing = passingRows(campaign, rows);
	const texts = campaignTexts(campaign);
	const query = campaignQueryVector(
		campaignTerms(texts),
		passing.map((p) => p.terms)
	);
	return scorePassing(campaign, passing, { query, surface: surfaceWords(texts), partnerships, weights });
}

/**
 * Scores rows one batch at a time against a collection's idf: the campaign's query vector and
 * surface words are made once, and a row's score is the same in any batch (the exact
 * shortlist scores in bound order and stops as soon as the page is settled).
 */
export function candidateScorer(campaign: CampaignFields & { id: string }, partnerships: Map<string, number>, weights: MatchWeights, collection: TermCollection) {
	const texts = campaignTexts(campaign);
	const context = { query: campaignQueryVectorFromDf(campaignTerms(texts), collection), surface: surfaceWords(texts), partnerships, weights };
	return (rows: CandidateRow[]): Scored[] => scorePassing(campaign, passingRows(campaign, rows), context);
}

interface Passing {
	row: CandidateRow;
	niches: string[];
	terms: Record<string, number>;
}

/**
 * SQL applied the hard filters already; fits() (the feed's reference rules) keeps a row that
 * disagrees out of the scores. Affinity reads the declared niches, or the observed ones when
 * the content disagrees with them (observed-niches.ts); the candidate search (creator_niches)
 * holds both.
 */
function passingRows(campaign: CampaignFields & { id: string }, rows: CandidateRow[]): Passing[] {
	const fit: FitCampaign = { ...campaign, formats: campaign.formats as string[] };
	const out: Passing[] = [];
	for (const row of rows) {
		const declared = parse<string[]>(row.niches, []);
		const niches = effectiveNiches(declared, parseObservedNiches(parse<unknown>(row.observed_niches ?? '[]', [])));
		const searchable = [...new Set([...declared, ...niches])];
		if (!fits(fit, { wilaya: row.wilaya, niches: searchable, followersTotal: row.followers_total, rates: parse<Record<string, unknown>>(row.rates, {}) })) continue;
		out.push({ row, niches, terms: shares(parse(row.affinity_terms, {})) });
	}
	return out;
}

function scorePassing(
	campaign: CampaignFields,
	passing: Passing[],
	ctx: { query: Map<string, number>; surface: Map<string, string>; partnerships: Map<string, number>; weights: MatchWeights }
): Scored[] {
	const { query, surface, partnerships, weights } = ctx;
	const formats: Format[] = campaignFormats(campaign.formats);
	return passing.map(({ row, niches, terms }) => {
		const audience = parse<{ wilayas?: unknown; ageBands?: unknown; countryShareDZ?: unknown }>(row.audience, {});
		const postsTotal = row.posts_total ?? 0;
		const criteria: Record<Criterion, EvidenceScore> = {
			engagement: engagementScore(
				parse<Partial<Record<Format, FormatFeatures>>>(row.engagement_by_format, {}),
				formats,
				row.followers_total,
				(row.flag_codes ?? '').split(',').includes('engagement_incoherent')
			),
			commentQuality: commentQualityScore(shares(parse(row.comment_mix, {})), row.comments_sampled ?? 0),
			affinity: affinityScore({ campaignNiches: campaign.niches, creatorNiches: niches, query, creatorTerms: terms, nichePartnerships: partnerships.get(row.id) ?? 0, surface }),
			partnershipLoad: partnershipLoadScore(row.sponsored_share ?? 0, Math.min(SPONSORED_WINDOW_POSTS, postsTotal)),
			audienceFit: audienceFitScore(
				{
					wilayas: shares(audience.wilayas),
					ageBands: shares(audience.ageBands),
					countryShareDZ: typeof audience.countryShareDZ === 'number' ? audience.countryShareDZ : null,
					creatorWilaya: row.wilaya
				},
				campaign.wilayas,
				campaign.ageBands
			),
			trackRecord: trackRecordScore(trackAggregateOf(row))
		};
		const risk = row.risk_score ?? 0;
		return { row, criteria, total: totalScore(criteria, weights, risk), risk };
	});
}

/** Best first; ties by risk (lower first), then id, so pages are stable. */
export function compareScored(a: Scored, b: Scored): number {
	return b.total.score - a.total.score || b.total.base - a.total.base || a.risk - b.risk || (a.row.id < b.row.id ? -1 : 1);
}
