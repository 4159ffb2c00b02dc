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
import { compareScored, parse, renderReason, scoreCandidates, type CandidateRow, type ReasonContext } from '../domain/match-candidates';
import { campaignFormats, CRITERIA, DEFAULT_WEIGHTS, normaliseWeights, strongestCriteria, type Criterion, type MatchWeights, type Reason, SHORTLIST_MARGIN } from '../domain/matching';
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

/**
 * The hard filters in SQL. Candidates come from creator_niches on its (niche, wilaya,
 * followers) index, so only creators of the campaign's niches in its wilayas and follower
 * range are read; then a priced requested format on the creator's rates (one json_extract
 * per requested format, paths bound as parameters). Returns the SQL fragments and their
 * parameters: ?1 wilayas, ?2–?3 followers, ?4 niches, then the format paths.
 */
function hardFilters(campaign: { wilayas: string[]; niches: string[]; formats: string[]; followerMin: number; followerMax: number }) {
	const params: (string | number | null)[] = [JSON.stringify(campaign.wilayas), campaign.followerMin, campaign.followerMax, JSON.stringify(campaign.niches)];
	const priced = campaign.formats.map((f) => {
		params.push(`$.${f}`);
		return `coalesce(json_extract(c.rates, ?${params.length}), 0) > 0`;
	});
	const candidates = `SELECT DISTINCT cn.creator_id AS id FROM creator_niches cn
		WHERE cn.niche IN (SELECT value FROM json_each(?4)) AND cn.wilaya IN (SELECT value FROM json_each(?1)) AND cn.followers_total BETWEEN ?2 AND ?3`;
	return { params, candidates, priced: priced.length ? `(${priced.join(' OR ')})` : '0' };
}

/**
 * The shortlist: creators passing the hard filters, best campaign-independent quality first,
 * `limit` of them (or only the given ids, for a comparison), with what the precise scoring
 * reads; and the count of all who pass.
 */
function candidateStatements(db: D1Database, campaign: Parameters<typeof hardFilters>[0], limit: number, ids: string[] | null) {
	const { params, candidates, priced } = hardFilters(campaign);
	const limitAt = params.length + 1;
	const idsAt = params.length + 2;
	const shortlist = `WITH cand AS (${candidates}),
		short AS (SELECT c.id, coalesce(f.quality_score, 0) AS q FROM cand JOIN creators c ON c.id = cand.id LEFT JOIN creator_features f ON f.creator_id = c.id
			WHERE ${priced} AND (?${idsAt} IS NULL OR c.id IN (SELECT value FROM json_each(?${idsAt})))
			ORDER BY q DESC, c.id LIMIT ?${limitAt})
		SELECT c.id, c.display_name, c.handle, c.wilaya, c.niches, c.rates, c.audience, c.followers_total,
			f.engagement_by_format, f.sponsored_share, f.comment_mix, f.affinity_terms, f.observed_niches, f.risk_score, f.posts_total, f.comments_sampled,
			(SELECT group_concat(code) FROM creator_risk_flags r WHERE r.creator_id = c.id) AS flag_codes,
			t.campaigns AS track_campaigns, t.published AS track_published, t.on_time AS track_on_time, t.disclosed AS track_disclosed,
			t.views_ratio AS track_views_ratio, t.views_compared AS track_views_compared, t.fees_dzd AS track_fees_dzd, t.orders AS track_orders,
			t.orders_amount_dzd AS track_orders_amount_dzd
		FROM short JOIN creators c ON c.id = short.id LEFT JOIN creator_features f ON f.creator_id = c.id LEFT JOIN creator_track_records t ON t.creator_id = c.id
		ORDER BY short.q DESC, c.id`;
	const count = `WITH cand AS (${candidates}) SELECT count(*) AS n FROM cand JOIN creators c ON c.id = cand.id WHERE ${priced}`;
	return [db.prepare(shortlist).bind(...params, limit, ids ? JSON.stringify(ids) : null), db.prepare(count).bind(...params)] as const;
}

/**
 * Accepted partnerships per candidate in campaigns sharing a niche with this one (this
 * campaign excluded): the "past partnerships in the same niche" part of affinity.
 */
const PARTNERSHIPS_SQL = `SELECT a.creator_id AS id, COUNT(*) AS n FROM applications a JOIN campaigns k ON k.id = a.campaign_id
	WHERE a.status = 'accepted' AND a.campaign_id <> ?1
	  AND EXISTS (SELECT 1 FROM json_each(k.niches) n WHERE n.value IN (SELECT value FROM json_each(?2)))
	GROUP BY a.creator_id`;

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
	const campaign = { id: row.id, ...rowFields(row) };
	const [{ weights, custom }, names] = await Promise.all([readWeights(db, campaignId), wilayaNames(db)]);
	const niches = JSON.stringify(campaign.niches);
	const shortlist = opts.ids ? opts.ids.length : opts.offset + opts.limit + SHORTLIST_MARGIN;
	const [candidates, counted, partnerRows] = await db.batch([...candidateStatements(db, campaign, shortlist, opts.ids ?? null), db.prepare(PARTNERSHIPS_SQL).bind(campaignId, niches)]);
	const partnerships = new Map((partnerRows.results as { id: string; n: number }[]).map((p) => [p.id, p.n]));
	const scored = scoreCandidates(campaign, candidates.results as CandidateRow[], partnerships, weights).sort(compareScored);
	const page = opts.ids ? scored : scored.slice(opts.offset, opts.offset + opts.limit);
	const total = opts.ids ? scored.length : (counted.results[0] as { n: number }).n;

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
	return { matches, total, limit: opts.limit, offset: opts.offset, weights, defaultWeights: DEFAULT_WEIGHTS, customWeights: custom };
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
