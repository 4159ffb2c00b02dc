/**
 * Match scores on D1 (issue 4): the owning brand's view of the creators that pass a
 * campaign's hard filters, scored by worker/domain/matching.ts from the precomputed
 * creator_features row (recomputed after every stats import or profile change) and
 * creator_track_records row (track-records.ts; joined for the shortlisted creators only). One
 * indexed candidate query (creators_wilaya_followers_idx), one query for past partnerships,
 * then the page's risk flags and applications.
 */
import { compareNiches, parseObservedNiches } from '../domain/observed-niches';
import type { creatorRiskFlags } from '../../db/schema';
import type { SqlRow } from '../../db/schema/sql-row';
import type { CallerContext } from '../context';
import type { Locale } from '../env';
import { AppError } from '../errors';
import { parse, renderReason, type ReasonContext } from '../domain/match-candidates';
import { campaignFormats, CRITERIA, DEFAULT_WEIGHTS, MATCH_DEPTH, normaliseWeights, strongestCriteria, type Criterion, type MatchWeights, type Reason } from '../domain/matching';
import { rankCandidates } from './match-shortlist';
import { RISK_CODES } from '../domain/risk-signals';
import { matchHighlights } from '../domain/match-why';
import { ratesForFormats } from '../domain/rates';
import { invitedAtByCreator } from './campaign-invitations';
import { iso, isoOrNull } from '../domain/dates';
import { ownCampaign, rowFields } from './campaigns';
import { ownCreatorId } from './viewer';

export async function wilayaNames(db: D1Database): Promise<Map<string, { fr: string; ar: string }>> {
	const { results } = await db.prepare('SELECT code, name_fr, name_ar FROM wilayas').all<{ code: string; name_fr: string; name_ar: string }>();
	return new Map(results.map((w) => [w.code, { fr: w.name_fr, ar: w.name_ar }]));
}

// ---------------------------------------------------------------------------------------
// weights
// ---------------------------------------------------------------------------------------

async function readWeights(db: D1Database, campaignId: string): Promise<{ weights: MatchWeights; custom: boolean }> {
	const row = await db.prepare('SELECT match_weights FROM campaigns WHERE id = ?1').bind(campaignId).first<{ match_weights: string | null }>();
	const stored = row?.match_weights ? parse<unknown>(row.match_weights, null) : null;
	return { weights: normaliseWeights(stored), custom: stored !== null };
}

/** Saves the brand's weights for this campaign (null: back to the defaults). */
/** The weights of one of the caller's campaigns (the defaults until the brand changes them). */
export async function campaignWeights(ctx: CallerContext, input: { campaignId: string }) {
	await ownCampaign(ctx, input.campaignId);
	return readWeights(ctx.db, input.campaignId);
}

export async function saveWeights(ctx: CallerContext, input: { campaignId: string; weights: MatchWeights | null }) {
	const { db, now } = ctx;
	const { campaignId, weights } = input;
	await ownCampaign(ctx, campaignId);
	if (weights && CRITERIA.every((c) => weights[c] === 0)) throw new AppError('invalid_request', { fieldKeys: [{ path: 'weights', key: 'match_weights_all_zero' }] });
	await db
		.prepare('UPDATE campaigns SET match_weights = ?2, updated_at = ?3 WHERE id = ?1')
		.bind(campaignId, weights ? JSON.stringify(weights) : null, now)
		.run();
	return readWeights(db, campaignId);
}

// ---------------------------------------------------------------------------------------
// matches
// ---------------------------------------------------------------------------------------

export interface MatchOptions {
	campaignId: string;
	limit: number;
	offset: number;
	/** Only these creators (the comparison view); others are left out. */
	ids?: string[];
	/** The language of the reasons. */
	locale: Locale;
}

type FlagRow = Omit<SqlRow<typeof creatorRiskFlags>, 'computed_at'>;

/** The matches of one of the caller's campaigns (another brand's → 404). */
export async function campaignMatches(ctx: CallerContext, opts: MatchOptions) {
	const { db } = ctx;
	const { campaignId } = opts;
	const row = await ownCampaign(ctx, campaignId);
	// Each page is exact: a deep one scores every creator above it.
	if (!opts.ids && opts.offset + opts.limit > MATCH_DEPTH) throw new AppError('invalid_request', { fieldKeys: [{ path: 'page', key: 'match_page_depth' }] });
	const campaign = { id: row.id, ...rowFields(row) };
	const [{ weights, custom }, names] = await Promise.all([readWeights(db, campaignId), wilayaNames(db)]);
	const ranked = await rankCandidates(db, campaign, weights, opts);
	const page = opts.ids ? ranked.scored : ranked.scored.slice(opts.offset, opts.offset + opts.limit);
	const total = opts.ids ? ranked.scored.length : ranked.total;
	const totalCapped = !opts.ids && ranked.totalCapped;

	const ids = JSON.stringify(page.map((s) => s.row.id));
	const [flagRows, applicationRows] = page.length
		? await db.batch([
				db
					.prepare('SELECT creator_id, code, score, reason, explanation, explained_at FROM creator_risk_flags WHERE creator_id IN (SELECT value FROM json_each(?1)) ORDER BY score DESC, code')
					.bind(ids),
				db.prepare('SELECT id, creator_id, status FROM applications WHERE campaign_id = ?1 AND creator_id IN (SELECT value FROM json_each(?2))').bind(campaignId, ids)
			])
		: [{ results: [] }, { results: [] }];
	const flagsBy = new Map<string, FlagRow[]>();
	for (const f of flagRows.results as FlagRow[]) flagsBy.set(f.creator_id, [...(flagsBy.get(f.creator_id) ?? []), f]);
	const applications = new Map((applicationRows.results as { id: string; creator_id: string; status: string }[]).map((a) => [a.creator_id, { id: a.id, status: a.status }]));
	const invited = await invitedAtByCreator(
		db,
		campaignId,
		page.map((s) => s.row.id)
	);
	const formats = campaignFormats(campaign.formats);

	const reasons: ReasonContext = { locale: opts.locale, wilayaNames: names };
	const matches = page.map((s) => {
		const criteria = Object.fromEntries(
			CRITERIA.map((c) => [c, { score: s.criteria[c].score, reason: renderReason(s.criteria[c].reason, reasons), confidence: s.criteria[c].confidence, estimated: s.criteria[c].estimated }])
		) as Record<Exclude<Criterion, 'trackRecord'>, { score: number; reason: string; confidence: string; estimated: boolean }> & {
			trackRecord: { score: number | null; reason: string; confidence: string; estimated: boolean };
		};
		const niches = parse<string[]>(s.row.niches, []);
		const observedNiches = parseObservedNiches(parse<unknown>(s.row.observed_niches ?? '[]', []));
		const why = strongestCriteria(s.criteria, weights);
		return {
			creatorId: s.row.id,
			score: s.total.score,
			baseScore: s.total.base,
			riskPenalty: s.total.penalty,
			creator: {
				id: s.row.id,
				displayName: s.row.display_name,
				handle: s.row.handle,
				wilaya: s.row.wilaya,
				niches,
				observedNiches,
				nicheCheck: compareNiches(niches, observedNiches),
				followersTotal: s.row.followers_total,
				mediaKitUrl: `/c/${s.row.handle}`
			},
			criteria,
			why,
			highlights: matchHighlights(s.criteria, why).map((h) => ({ criterion: h.criterion, text: renderReason(h.reason, reasons) })),
			rates: ratesForFormats(parse<unknown>(s.row.rates, {}), formats),
			invitedAt: invited.get(s.row.id) ?? null,
			risk: {
				score: s.risk,
				flags: (flagsBy.get(s.row.id) ?? [])
					.filter((f) => (RISK_CODES as readonly string[]).includes(f.code))
					.map((f) => ({
						code: f.code,
						score: f.score,
						reason: renderReason(parse<Reason>(f.reason, { key: 'risk_generic_comments', params: {} }), reasons),
						explanation: f.explanation,
						explainedAt: isoOrNull(f.explained_at)
					}))
			},
			application: applications.get(s.row.id) ?? null
		};
	});
	return { matches, total, totalCapped, limit: opts.limit, offset: opts.offset, weights, defaultWeights: DEFAULT_WEIGHTS, customWeights: custom };
}

// ---------------------------------------------------------------------------------------
// the creator's own flags and explanations
// ---------------------------------------------------------------------------------------

/** The caller's raised flags with their reasons and explanations. */
export async function ownRiskFlags(ctx: CallerContext) {
	const { db, locale } = ctx;
	const creatorId = await ownCreatorId(ctx);
	const [flags, features, names] = await Promise.all([
		db
			.prepare('SELECT code, score, reason, computed_at, explanation, explained_at FROM creator_risk_flags WHERE creator_id = ?1 ORDER BY score DESC, code')
			.bind(creatorId)
			.all<{ code: string; score: number; reason: string; computed_at: number; explanation: string | null; explained_at: number | null }>(),
		db.prepare('SELECT risk_score FROM creator_features WHERE creator_id = ?1').bind(creatorId).first<{ risk_score: number }>(),
		wilayaNames(db)
	]);
	const reasons: ReasonContext = { locale, wilayaNames: names };
	return {
		score: features?.risk_score ?? 0,
		flags: flags.results
			.filter((f) => (RISK_CODES as readonly string[]).includes(f.code))
			.map((f) => ({
				code: f.code as (typeof RISK_CODES)[number],
				score: f.score,
				reason: renderReason(parse<Reason>(f.reason, { key: 'risk_generic_comments', params: {} }), reasons),
				computedAt: iso(f.computed_at),
				explanation: f.explanation,
				explainedAt: isoOrNull(f.explained_at)
			}))
	};
}

/**
 * Attaches (or with an empty text removes) the creator's explanation of a raised flag.
 * A flag that is not raised has nothing to explain: 409. Answers the caller's flags.
 */
export async function explainRiskFlag(ctx: CallerContext, input: { code: string; explanation: string }) {
	const creatorId = await ownCreatorId(ctx);
	const text = input.explanation.trim();
	const result = await ctx.db
		.prepare('UPDATE creator_risk_flags SET explanation = ?3, explained_at = ?4 WHERE creator_id = ?1 AND code = ?2')
		.bind(creatorId, input.code, text === '' ? null : text, text === '' ? null : ctx.now)
		.run();
	if (result.meta.changes === 0) throw new AppError('invalid_state', { detailKey: 'risk_flag_not_raised' });
	return ownRiskFlags(ctx);
}
