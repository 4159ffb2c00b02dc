/**
 * The exact shortlist of a campaign's matches (issue 16, point 5): the SQL that reads the
 * candidates in decreasing upper bound (worker/domain/match-bounds.ts) and the loop that
 * scores them until the page is settled. Apart from matching.ts so the benchmark can run it
 * on a local D1 file from Node (bench/matching-exact.ts): it needs only prepare and batch.
 */
import { campaignTerms } from '../domain/affinity';
import type { CampaignFields } from '../domain/campaign-rules';
import { FORMAT_BITS, keepBest, NICHE_BITS, shortlistSettled } from '../domain/match-bounds';
import { campaignTexts, candidateScorer, compareScored, type CandidateRow, type Scored } from '../domain/match-candidates';
import { AFFINITY_PARTS, campaignFormats, CRITERIA, ESTIMATED_IN_TARGET, PARTNERSHIPS_FULL, RISK_PENALTY_PER_POINT, SHORTLIST_MARGIN, type Criterion, type MatchWeights } from '../domain/matching';
import type { Niche } from '../domain/taxonomy';

interface Statement {
	all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}
/** What the shortlist needs of D1 (a D1Database is one). */
export interface ShortlistDb {
	prepare(sql: string): { bind(...values: unknown[]): Statement };
	batch(statements: Statement[]): Promise<{ results: unknown[] }[]>;
}

/** What scoring reads of a creator (CandidateRow), from creators `c` and creator_features `f`. */
export const ROW_COLUMNS = `c.id, c.display_name, c.handle, c.wilaya, c.niches, c.rates, c.audience, c.followers_total,
	f.engagement_by_format, f.sponsored_share, f.comment_mix, f.affinity_terms, f.observed_niches, f.risk_score, f.posts_total, f.comments_sampled,
	(SELECT group_concat(code) FROM creator_risk_flags r WHERE r.creator_id = c.id) AS flag_codes,
	t.campaigns AS track_campaigns, t.published AS track_published, t.on_time AS track_on_time, t.disclosed AS track_disclosed,
	t.views_ratio AS track_views_ratio, t.views_compared AS track_views_compared, t.fees_dzd AS track_fees_dzd, t.orders AS track_orders,
	t.orders_amount_dzd AS track_orders_amount_dzd`;

/**
 * Accepted partnerships per candidate in campaigns sharing a niche with this one (this
 * campaign excluded): the "past partnerships in the same niche" part of affinity.
 */
const partnershipsSql = (campaignId: string, niches: string) => `SELECT a.creator_id AS id, COUNT(*) AS n FROM applications a JOIN campaigns k ON k.id = a.campaign_id
	WHERE a.status = 'accepted' AND a.campaign_id <> ${campaignId}
	  AND EXISTS (SELECT 1 FROM json_each(k.niches) n WHERE n.value IN (SELECT value FROM json_each(${niches})))
	GROUP BY a.creator_id`;
const PARTNERSHIPS_SQL = partnershipsSql('?1', '?2');

/** The collection's document frequencies of these terms ('' holds the number of documents). */
const DF_SQL = `SELECT term, df FROM affinity_df WHERE term IN (SELECT value FROM json_each(?1))`;

/** Where ROW_COLUMNS come from: a creator with its features and track record (the exactness test and bench read every creator so). */
export const ROWS_FROM = 'FROM creators c LEFT JOIN creator_features f ON f.creator_id = c.id LEFT JOIN creator_track_records t ON t.creator_id = c.id';

/** Full rows of these creators. */
const ROWS_SQL = `SELECT ${ROW_COLUMNS} ${ROWS_FROM} WHERE c.id IN (SELECT value FROM json_each(?1))`;

/** A number as an SQL real literal (never integer arithmetic). */
const real = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

/**
 * The candidates in decreasing upper bound (worker/domain/match-bounds.ts). They come from
 * creator_niches without leaving its covering index creator_niches_match_idx: the campaign's
 * niches × wilayas × follower range, a priced requested format (bits of `priced`), one row per
 * creator (the row of its lowest campaign niche: no campaign niche bit below this row's in
 * niches_mask). The bound is the weighted mean of the criteria's bounds minus the penalty,
 * its constants folded here so SQLite evaluates few operations per row; the partnership part
 * is the most partnerships any creator has in these niches (one scalar subquery, run once).
 * `ranked` answers (id, bound) after the keyset (?7 bound, ?8 id), at most ?9 of them.
 * Parameters: ?1 wilayas, ?2–?3 followers, ?4 niches, ?5 format bits, ?6 niche bits, ?7–?8
 * keyset, ?9 limit, ?10 only these ids (JSON) or null, ?11 the campaign id.
 */
function shortlistSql(campaign: { wilayas: string[]; niches: string[]; formats: string[]; ageBands: string[]; followerMin: number; followerMax: number }, weights: MatchWeights) {
	const formats = campaignFormats(campaign.formats);
	const niches = campaign.niches.filter((n): n is Niche => n in NICHE_BITS);
	const formatSet = formats.reduce((m, f) => m | FORMAT_BITS[f], 0);
	const sum = CRITERIA.reduce((s, c) => s + weights[c], 0);
	const w = (c: Criterion) => (sum === 0 ? 0 : weights[c] / sum);
	// Every criterion's bound as constant + Σ coefficient × column (a Record, so a new criterion
	// does not compile without its bound; 100 is always a valid one).
	const affinityNiches: Part =
		campaign.niches.length === 0 || niches.length === 1
			? { constant: AFFINITY_PARTS.niches * (campaign.niches.length === 0 ? 1 : 1 / campaign.niches.length), terms: [] }
			: { constant: 0, terms: niches.map((n) => [AFFINITY_PARTS.niches / campaign.niches.length, `((cn.niches_mask & ${NICHE_BITS[n]}) <> 0)`]) };
	const parts: Record<Criterion, Part> = {
		engagement: { constant: 0, terms: formatSet === 0 ? [] : [[1, `cn.bound_e${formatSet}`]] },
		commentQuality: { constant: 0, terms: [[1, 'cn.bound_comments']] },
		// niches share (one row per creator: its own niche is shared) + text + partnerships (the scalar below)
		affinity: { constant: affinityNiches.constant + AFFINITY_PARTS.text, terms: affinityNiches.terms },
		partnershipLoad: { constant: 0, terms: [[1, 'cn.bound_load']] },
		// 100 for a nationwide campaign; with age bands the wilaya part may be lifted by them
		audienceFit:
			campaign.wilayas.length === 0
				? { constant: 100, terms: [] }
				: campaign.ageBands.length > 0
					? { constant: ESTIMATED_IN_TARGET, terms: [[100 - ESTIMATED_IN_TARGET, 'cn.breakdown']] }
					: { constant: 0, terms: [[1, 'cn.bound_audience']] },
		// 100: a valid bound whether the creator has a track record or not (without one the
		// criterion leaves the mean, which a 100 at its weight can only overstate).
		trackRecord: { constant: 100, terms: [] }
	};
	let constant = 0;
	const terms: [number, string][] = [[-RISK_PENALTY_PER_POINT, 'cn.risk']];
	for (const c of CRITERIA) {
		constant += w(c) * parts[c].constant;
		for (const [k, col] of parts[c].terms) terms.push([w(c) * k, col]);
	}
	const partnerships = `${real(w('affinity') * AFFINITY_PARTS.partnerships)} * (SELECT min(${PARTNERSHIPS_FULL}, coalesce(max(p.n), 0)) FROM (${partnershipsSql('?11', '?4')}) p) / ${PARTNERSHIPS_FULL}.0`;
	const bound = `(${real(constant)} + ${partnerships} + ${terms
		.filter(([k]) => k !== 0)
		.map(([k, col]) => `${real(k)} * ${col}`)
		.join(' + ')})`;
	const filters = `cn.niche IN (SELECT value FROM json_each(?4)) AND cn.wilaya IN (SELECT value FROM json_each(?1)) AND cn.followers_total BETWEEN ?2 AND ?3
		AND (cn.priced & ?5) <> 0 AND (cn.niches_mask & ?6 & (cn.niche_bit - 1)) = 0`;
	const ranked = `SELECT cn.creator_id AS id, ${bound} AS bound FROM creator_niches cn INDEXED BY creator_niches_match_idx
		WHERE ${filters} AND (?10 IS NULL OR cn.creator_id IN (SELECT value FROM json_each(?10)))
		  AND (?7 IS NULL OR bound < ?7 OR (bound = ?7 AND cn.creator_id > ?8))
		ORDER BY bound DESC, cn.creator_id LIMIT ?9`;
	const count = `SELECT count(*) AS n FROM creator_niches cn INDEXED BY creator_niches_match_idx WHERE ${filters}`;
	const params = [JSON.stringify(campaign.wilayas), campaign.followerMin, campaign.followerMax, JSON.stringify(campaign.niches), formatSet, niches.reduce((m, n) => m | NICHE_BITS[n], 0)];
	return { ranked, count, params };
}

type MatchCampaign = CampaignFields & { id: string };
/** A criterion's bound: constant + Σ coefficient × creator_niches column. */
interface Part {
	constant: number;
	terms: [number, string][];
}
type RankedRow = { id: string; bound: number };

export interface RankOptions {
	limit: number;
	offset: number;
	/** Only these creators (the comparison view). */
	ids?: string[];
	/** Full rows read beyond the page with the first batch (SHORTLIST_MARGIN; tests use less to force more reads). */
	margin?: number;
	/** Ids read per scan (SHORTLIST_IDS; tests use less to force more scans). */
	idsPerScan?: number;
}

/** Rows scored between two checks of the stopping rule. */
const SCORE_STEP = 25;

/** Ids and bounds read per scan of the index, beyond the full rows (cheap: two columns each). */
export const SHORTLIST_IDS = 600;

/**
 * The page of a campaign's matches, exact: the same creators, in the same order, as scoring
 * every candidate and sorting (compareScored). One scan of the index gives the candidates'
 * ids in decreasing bound (SHORTLIST_IDS of them); the Worker reads their rows by id in
 * growing chunks (the first: page + margin) and scores them in that order until the
 * page's last creator beats every unread bound (shortlistSettled); past the ids read, the next
 * scan starts after the last (keyset). Also answers how many candidates pass the hard filters,
 * how many rows were scored, in how many reads and scans.
 */
export async function rankCandidates(db: ShortlistDb, campaign: MatchCampaign, weights: MatchWeights, opts: RankOptions) {
	const sql = shortlistSql(campaign, weights);
	const terms = campaignTerms(campaignTexts(campaign));
	const k = opts.offset + opts.limit;
	const ids = opts.ids ? JSON.stringify(opts.ids) : null;
	let chunk = opts.ids ? opts.ids.length : k + (opts.margin ?? SHORTLIST_MARGIN);
	const idsPerScan = opts.ids ? opts.ids.length : (opts.idsPerScan ?? Math.max(SHORTLIST_IDS, 3 * chunk));
	const scan = (after: RankedRow | null) => db.prepare(sql.ranked).bind(...sql.params, after?.bound ?? null, after?.id ?? '', idsPerScan + 1, ids, campaign.id);
	const [first, counted, partnerRows, dfRows] = await db.batch([
		scan(null),
		db.prepare(sql.count).bind(...sql.params),
		db.prepare(PARTNERSHIPS_SQL).bind(campaign.id, JSON.stringify(campaign.niches)),
		db.prepare(DF_SQL).bind(JSON.stringify(['', ...terms.keys()]))
	]);
	const partnerships = new Map((partnerRows.results as { id: string; n: number }[]).map((p) => [p.id, p.n]));
	const df = new Map((dfRows.results as { term: string; df: number }[]).map((d) => [d.term, d.df]));
	const score = candidateScorer(campaign, partnerships, weights, { df, n: df.get('') ?? 0 });
	const scored: Scored[] = [];
	/** The best k totals so far, for the stopping rule (scored is sorted once, at the end). */
	const best: number[] = [];
	let list = first.results as RankedRow[];
	let pos = 0;
	let reads = 1;
	let scans = 1;
	let read = 0;
	let settled = list.length === 0;
	while (!settled) {
		const part = list.slice(pos, pos + chunk);
		const at = new Map(part.map((r, i) => [r.id, i]));
		const rows = (
			await db
				.prepare(ROWS_SQL)
				.bind(JSON.stringify(part.map((r) => r.id)))
				.all<CandidateRow>()
		).results.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
		reads += 1;
		// In bound order, a step at a time: stop scoring as soon as the page is settled.
		for (let i = 0; i < rows.length && !settled; i += SCORE_STEP) {
			const step = rows.slice(i, i + SCORE_STEP);
			read += step.length;
			for (const s of score(step)) {
				scored.push(s);
				keepBest(best, k, s.total.score);
			}
			const next = pos + i + step.length;
			if (opts.ids) continue;
			if (next < list.length) settled = shortlistSettled(best, k, list[next].bound);
			// Every id of this scan is scored: done if it was the last one.
			else settled = list.length <= idsPerScan || shortlistSettled(best, k, list[list.length - 1].bound);
		}
		pos += part.length;
		if (opts.ids) break;
		if (!settled && pos >= list.length) {
			list = (await scan(list[list.length - 1]).all<RankedRow>()).results;
			pos = 0;
			scans += 1;
			reads += 1;
			settled = list.length === 0;
		} else chunk *= 2;
	}
	scored.sort(compareScored);
	return { scored, total: (counted.results[0] as { n: number }).n, read, reads, scans };
}
