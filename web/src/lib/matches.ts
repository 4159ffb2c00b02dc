/**
 * Match pages (issue 4): the shapes GET /campaigns/:id/matches returns, and the small pure
 * rules the brand's matches page, the comparison and the creator's signals page share.
 * Plain TypeScript (no SvelteKit imports) so unit tests load it (test/unit/matches-web.test.ts).
 */
import { CRITERIA, RISK_CODES, type Criterion, type MatchWeights, type RiskCode } from '../../../worker/domain/match-codes';
import type { Format } from '../../../worker/domain/taxonomy';
import type { Key } from './i18n';
import type { NicheComparison as NicheCheck, ObservedNiche } from '../../../worker/domain/observed-niches';

export { CRITERIA, RISK_CODES };
export type { Criterion, MatchWeights, RiskCode };

/** Matches per page on /campaigns/[id]/matches. */
export const MATCHES_PAGE_SIZE = 20;
/** How deep the API lets matches be browsed (worker/domain/matching.ts MATCH_DEPTH). */
export const MATCHES_DEPTH = 1_000;
/** How many creators the comparison takes (the API refuses more than 4). */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
/** Longest explanation the API accepts (worker/routes/matching.types.ts). */
export const EXPLANATION_MAX = 1000;

export interface CriterionOut {
	/** Null only for the track record of a creator with no completed campaign on Wasla ("no history yet"). */
	score: number | null;
	reason: string;
	confidence: 'high' | 'medium' | 'low';
	estimated: boolean;
}

export interface MatchFlag {
	code: RiskCode;
	score: number;
	reason: string;
	explanation: string | null;
	explainedAt: string | null;
}

export interface Match {
	creatorId: string;
	score: number;
	baseScore: number;
	riskPenalty: number;
	creator: {
		id: string;
		displayName: string;
		handle: string;
		wilaya: string | null;
		niches: string[];
		followersTotal: number;
		mediaKitUrl: string;
		observedNiches?: ObservedNiche[];
		nicheCheck?: NicheCheck;
	};
	criteria: Record<Criterion, CriterionOut>;
	why: Criterion[];
	risk: { score: number; flags: MatchFlag[] };
	application: { id: string; status: string } | null;
	/** "Why this creator": one line of evidence per criterion of `why`, in the viewer's language. */
	highlights: { criterion: Criterion; text: string }[];
	/** The creator's prices for the campaign's formats (dinars). */
	rates: { format: Format; amountDzd: number }[];
	/** When the brand invited this creator to apply (ISO), or null. */
	invitedAt: string | null;
}

export interface MatchesOut {
	matches: Match[];
	total: number;
	/** More creators than `total` pass the filters (the API counts up to 10 000). */
	totalCapped: boolean;
	limit: number;
	offset: number;
	weights: MatchWeights;
	defaultWeights: MatchWeights;
	customWeights: boolean;
}

export interface OwnFlag {
	code: RiskCode;
	score: number;
	reason: string;
	computedAt: string;
	explanation: string | null;
	explainedAt: string | null;
}

export const criterionKey = (c: Criterion) => `match.criterion.${c}` as Key;
/** The label of a criterion's tag (criterionTag). */
export const tagKey = (tag: 'noHistory' | 'estimated' | 'lowConfidence') => ({ noHistory: 'match.noHistory', estimated: 'match.estimated', lowConfidence: 'match.lowConfidence' })[tag] as Key;
export const riskCodeKey = (c: string) => ((RISK_CODES as readonly string[]).includes(c) ? (`match.flag.${c}` as Key) : ('match.flag.unknown' as Key));

/** Colour band of a 0–100 score: the bar's class. Thresholds match the "why" rule (≥ 60 lifts). */
export function scoreBand(score: number): 'high' | 'mid' | 'low' {
	if (score >= 60) return 'high';
	if (score >= 35) return 'mid';
	return 'low';
}

/** A score as a bar width: 0–100, whole numbers, never NaN. */
export function barPercent(score: number): number {
	if (!Number.isFinite(score)) return 0;
	return Math.max(0, Math.min(100, Math.round(score)));
}

/**
 * The tag a criterion carries: "no history yet" when there is no score at all (the track
 * record of a newcomer, left out of the total), "estimated" when the value is a stand-in
 * (no breakdown), else "low confidence" when the evidence is thin, else none.
 */
export function criterionTag(c: Pick<CriterionOut, 'estimated' | 'confidence'> & { score?: number | null }): 'noHistory' | 'estimated' | 'lowConfidence' | null {
	if (c.score === null) return 'noHistory';
	if (c.estimated) return 'estimated';
	if (c.confidence === 'low') return 'lowConfidence';
	return null;
}

/** The risk penalty as whole points to show ("−12 points"): 0 when there is none. */
export function penaltyPoints(penalty: number): number {
	return Number.isFinite(penalty) && penalty > 0 ? Math.round(penalty) : 0;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The creators picked for the comparison, from `?ids=a,b,c` (a link) or `?ids=a&ids=b`
 * (the GET form's checkboxes), or both: split on commas, trimmed, malformed ids dropped,
 * duplicates dropped, order kept.
 */
export function compareIds(values: readonly string[]): string[] {
	const out: string[] = [];
	for (const value of values) {
		for (const part of value.split(',')) {
			const id = part.trim();
			if (ID.test(id) && !out.includes(id)) out.push(id);
		}
	}
	return out;
}

/** Why a selection cannot be compared, or null when it can. */
export function compareProblem(ids: readonly string[]): 'tooFew' | 'tooMany' | null {
	if (ids.length < COMPARE_MIN) return 'tooFew';
	if (ids.length > COMPARE_MAX) return 'tooMany';
	return null;
}

/**
 * A submitted weight as the API expects it: a whole number when the field holds one
 * ("30", " 30 "), otherwise the text itself so the API refuses it with its translated
 * message and the form shows the value back.
 */
export function weightValue(raw: string): number | string {
	const s = raw.trim();
	return /^\d{1,3}$/.test(s) ? Number(s) : s === '' ? '' : s;
}

/** The weights form's body: every criterion, in order. */
export function weightsBody(values: Record<string, string>): Record<Criterion, number | string> {
	return Object.fromEntries(CRITERIA.map((c) => [c, weightValue(values[c] ?? '')])) as Record<Criterion, number | string>;
}

/** Weights as the form shows them (strings), from the API's numbers. */
export function weightStrings(weights: MatchWeights): Record<Criterion, string> {
	return Object.fromEntries(CRITERIA.map((c) => [c, String(weights[c])])) as Record<Criterion, string>;
}

/** Each weight as a share of their sum, in whole percent (what the total is made of). */
export function weightShares(weights: MatchWeights): Record<Criterion, number> {
	const sum = CRITERIA.reduce((s, c) => s + weights[c], 0);
	return Object.fromEntries(CRITERIA.map((c) => [c, sum === 0 ? 0 : Math.round((100 * weights[c]) / sum)])) as Record<Criterion, number>;
}

/** Characters left for an explanation (counts what the API counts: the trimmed text). */
export function explanationLeft(text: string): number {
	return EXPLANATION_MAX - text.trim().length;
}

/** Pages of matches to link to: every page of the total, no deeper than the API browses (MATCHES_DEPTH). */
export function matchPages(m: Pick<MatchesOut, 'total'>, pageSize = MATCHES_PAGE_SIZE): number {
	return Math.max(1, Math.min(Math.ceil(m.total / pageSize), Math.floor(MATCHES_DEPTH / pageSize)));
}

/** The count line's key: "more than" when the API stopped counting. */
export function matchCountKey(m: Pick<MatchesOut, 'totalCapped'>): 'match.count' | 'match.countMore' {
	return m.totalCapped ? 'match.countMore' : 'match.count';
}
