/**
 * The exact shortlist of a campaign's matches (issue 16, point 5): the SQL that reads the
 * candidates in decreasing upper bound (worker/domain/match-bounds.ts) and the loop that
 * scores them until the page is settled. Apart from matching.ts so the benchmark can run it
 * on a local D1 file from Node (bench/matching-exact.ts): it needs only prepare and batch.
 */
import { campaignTerms } from '../domain/affinity';
import type { CampaignFields } from '../domain/campaign-rules';
import { FORMAT_BITS, keepBest, NICHE_BITS, rankFrontier, shortlistSettled, type RankedCriterion } from '../domain/match-bounds';
import { campaignTexts, candidateScorer, compareScored, type CandidateRow, type Scored } from '../domain/match-candidates';
import {
	AFFINITY_PARTS,
	campaignFormats,
	CRITERIA,
	ESTIMATED_IN_TARGET,
	MATCH_TOTAL_CAP,
	PARTNERSHIPS_FULL,
	RISK_PENALTY_PER_POINT,
	SHORTLIST_MARGIN,
	type Criterion,
	type MatchWeights
} from '../domain/matching';
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

/** Terms of one compound SELECT at most: D1 refuses more than 5 ("too many terms in compound SELECT"). */
const COMPOUND_TERMS = 4;

/**
 * SELECTs joined by UNION ALL, nested in groups of COMPOUND_TERMS so that no compound SELECT
 * has more terms than D1 allows, however many niches a campaign names.
 */
export function unionAll(selects: readonly string[]): string {
	if (selects.length <= COMPOUND_TERMS) return selects.map((s) => `SELECT * FROM (${s})`).join(' UNION ALL ');
	const groups: string[] = [];
	for (let i = 0; i < selects.length; i += COMPOUND_TERMS) groups.push(unionAll(selects.slice(i, i + COMPOUND_TERMS)));
	return unionAll(groups);
}

/** A number as an SQL real literal (never integer arithmetic). */
const real = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

/**
 * What the shortlist asks SQL for a campaign and its weights (worker/domain/match-bounds.ts):
 * - `bound`: each candidate's upper bound, the weighted mean of the criteria's bounds minus the
 *   penalty, its constants folded here so SQLite evaluates few operations per row; the Worker
 *   adds the partnership part from the creator's own count (`partnershipsFactor` × its share);
 * - `scan(arms)`: the niches' candidates in decreasing rank_key (creator_niches_rank_idx,
 *   migration 0029) — the campaign's wilayas × follower range × a priced requested format, one
 *   row per creator (the row of its lowest campaign niche: no campaign niche bit below this
 *   row's in niches_mask) — of which SQL sends back only the highest bounds (returning rows
 *   costs more than scanning them);
 * - `byIds`: the same for given creators (the comparison view), through creator_niches_creator_idx;
 * - `partners`: the same for the creators with past partnerships in these niches, so that every
 *   creator left unread has none;
 * - `count`: how many candidates pass the hard filters (creator_niches_match_idx), at most ?7;
 * - `frontier(niche, k, partnerships)`: the highest bound an unread candidate of that niche's scan
 *   with rank_key ≤ k can have.
 * Parameters: ?1 wilayas, ?2–?3 followers, ?4 niches, ?5 format bits, ?6 niche bits; `partners`
 * adds ?7 the campaign id and ?8 a limit, `byIds` ?8 the ids (?7 unused); `scan`'s are below.
 */
function shortlistSql(campaign: { wilayas: string[]; niches: string[]; formats: string[]; ageBands: string[]; followerMin: number; followerMax: number }, weights: MatchWeights) {
	const formats = campaignFormats(campaign.formats);
	const niches = [...new Set(campaign.niches.filter((n): n is Niche => n in NICHE_BITS))];
	const formatSet = formats.reduce((m, f) => m | FORMAT_BITS[f], 0);
	const sum = CRITERIA.reduce((s, c) => s + weights[c], 0);
	const w = (c: Criterion) => (sum === 0 ? 0 : weights[c] / sum);
	// Every criterion's bound as constant + Σ coefficient × column (a Record, so a new criterion
	// does not compile without its bound; 100 is always a valid one). `rank` says which stored
	// maximum (rank_key's terms, RANK_TERMS) bounds the columns' part, or none when it is all constant.
	const affinityNiches: Part =
		campaign.niches.length === 0 || niches.length === 1
			? { constant: AFFINITY_PARTS.niches * (campaign.niches.length === 0 ? 1 : 1 / campaign.niches.length), terms: [] }
			: { constant: 0, terms: niches.map((n) => [AFFINITY_PARTS.niches / campaign.niches.length, `((cn.niches_mask & ${NICHE_BITS[n]}) <> 0)`]) };
	const parts: Record<Criterion, Part> = {
		engagement: { constant: 0, terms: formatSet === 0 ? [] : [[1, `cn.bound_e${formatSet}`]], rank: formatSet === 0 ? undefined : 'engagement' },
		commentQuality: { constant: 0, terms: [[1, 'cn.bound_comments']], rank: 'commentQuality' },
		// niches share (one row per creator: its own niche is shared) + text + partnerships (the scalar below)
		affinity: { constant: affinityNiches.constant + AFFINITY_PARTS.text, terms: affinityNiches.terms },
		partnershipLoad: { constant: 0, terms: [[1, 'cn.bound_load']], rank: 'partnershipLoad' },
		// 100 for a nationwide campaign; with age bands the wilaya part may be lifted by them
		audienceFit:
			campaign.wilayas.length === 0
				? { constant: 100, terms: [] }
				: campaign.ageBands.length > 0
					? { constant: ESTIMATED_IN_TARGET, terms: [[100 - ESTIMATED_IN_TARGET, 'cn.breakdown']], rank: 'audienceFit' }
					: { constant: 0, terms: [[1, 'cn.bound_audience']], rank: 'audienceFit' },
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
	// A ranked part is at most its rank term (α = 0); another at most its constant and its shares
	// at 1 — but affinity's niche shares: a candidate of niche n's scan holds no campaign niche of
	// a lower bit, so its share counts only the niches from n up (the highest niche's scan: 1 / len).
	const nicheTerms = (c: Criterion) => (c === 'affinity' ? 0 : parts[c].terms.reduce((s, [k]) => s + k, 0));
	const edge = rankFrontier(CRITERIA.map((c) => ({ weight: w(c), constant: parts[c].rank ? 0 : parts[c].constant + nicheTerms(c), rank: parts[c].rank })));
	const nicheEdge = (niche: Niche) =>
		affinityNiches.terms.length === 0 ? 0 : (w('affinity') * AFFINITY_PARTS.niches * niches.filter((m) => NICHE_BITS[m] >= NICHE_BITS[niche]).length) / campaign.niches.length;
	/** The highest bound of a candidate of this niche's scan whose rank_key is at most `rankKey`. */
	const frontier = (niche: Niche, rankKey: number, partnerships: number) => edge.at(rankKey, partnerships + nicheEdge(niche));
	/** The rank_key below which a candidate of this niche's scan has a bound at most `target`. */
	const depth = (niche: Niche, target: number, partnerships: number) => edge.depth(target, partnerships + nicheEdge(niche));
	// The partnerships part is added by the Worker, from each creator's own count (partnerships).
	const partnershipsFactor = w('affinity') * AFFINITY_PARTS.partnerships;
	const bound = `(${real(constant)} + ${terms
		.filter(([k]) => k !== 0)
		.map(([k, col]) => `${real(k)} * ${col}`)
		.join(' + ')})`;
	const filters = `cn.wilaya IN (SELECT value FROM json_each(?1)) AND cn.followers_total BETWEEN ?2 AND ?3
		AND (cn.priced & ?5) <> 0 AND (cn.niches_mask & ?6 & (cn.niche_bit - 1)) = 0`;
	// Counting stops one past the cap (?7).
	const count = `SELECT count(*) AS n FROM (SELECT 1 FROM creator_niches cn INDEXED BY creator_niches_match_idx WHERE cn.niche IN (SELECT value FROM json_each(?4)) AND ${filters} LIMIT ?7)`;
	const byIds = `SELECT cn.creator_id AS id, cn.rank_key AS k, ${bound} AS bound FROM creator_niches cn INDEXED BY creator_niches_creator_idx
		WHERE cn.creator_id IN (SELECT value FROM json_each(?8)) AND cn.niche IN (SELECT value FROM json_each(?4)) AND ${filters}`;
	/** The candidates with past partnerships in these niches (?7 the campaign id), at most ?8. */
	const partners = `SELECT cn.creator_id AS id, cn.niche AS niche, cn.rank_key AS k, ${bound} AS bound FROM creator_niches cn INDEXED BY creator_niches_creator_idx
		WHERE cn.creator_id IN (SELECT p.id FROM (${partnershipsSql('?7', '?4')}) p) AND cn.niche IN (SELECT value FROM json_each(?4)) AND ${filters} LIMIT ?8`;
	/**
	 * Scans of the niches in rank order, each arm either below its keyset (rank_key, creator_id)
	 * at most ?10 rows (`below`; `top`: from the top), below its keyset down to a rank_key
	 * (`range`, and only the bounds from ?(11 + 3 × the number of niches) up: the rest cannot
	 * enter the page), or from the top of the niche down to its keyset included (`upTo`; `all`:
	 * the whole niche). What comes back: kind 0, the ?7 + 1 highest bounds scanned from the cursor on
	 * (?8 bound, ?9 id; null: from the highest); kind 1, per niche, the number of candidates
	 * scanned; kind 2, per niche, the last one in rank order (the next keyset). Per niche, from
	 * ?11 + 3 × its index: the keyset's rank_key and creator_id, and the range's lowest rank_key.
	 */
	const scan = (arms: readonly { niche: Niche; keyset: 'below' | 'range' | 'upTo' | 'all' | 'top' }[]) => {
		const arm = (a: (typeof arms)[number]) => {
			const at = niches.indexOf(a.niche) * 3 + 11;
			const keyset =
				a.keyset === 'below'
					? `AND (cn.rank_key, cn.creator_id) < (?${at}, ?${at + 1})`
					: a.keyset === 'range'
						? `AND (cn.rank_key, cn.creator_id) < (?${at}, ?${at + 1}) AND cn.rank_key >= ?${at + 2} AND ${bound} >= ?${11 + niches.length * 3}`
						: a.keyset === 'upTo'
							? `AND (cn.rank_key, cn.creator_id) >= (?${at}, ?${at + 1})`
							: '';
			const limit = a.keyset === 'below' || a.keyset === 'top' ? 'LIMIT ?10' : '';
			return `SELECT cn.creator_id AS id, cn.niche AS niche, cn.rank_key AS k, ${bound} AS bound FROM creator_niches cn INDEXED BY creator_niches_rank_idx
				WHERE cn.niche = '${a.niche}' ${keyset} AND ${filters} ORDER BY cn.rank_key DESC, cn.creator_id DESC ${limit}`;
		};
		// Counts and last candidates only where the keysets move (a range sets its own; a drain none).
		const stats = arms.some((a) => a.keyset === 'below' || a.keyset === 'top');
		const answers = [
			'SELECT 0 AS kind, id, niche, k, bound FROM s WHERE ?8 IS NULL OR bound < ?8 OR (bound = ?8 AND id >= ?9) ORDER BY bound DESC, id LIMIT ?7 + 1',
			...(stats ? ['SELECT 1 AS kind, NULL AS id, niche, NULL AS k, count(*) AS bound FROM s GROUP BY niche'] : []),
			...(stats ? arms.map((a) => `SELECT 2 AS kind, id, niche, k, bound FROM s WHERE niche = '${a.niche}' ORDER BY k, id LIMIT 1`) : [])
		];
		return `WITH s AS MATERIALIZED (${unionAll(arms.map(arm))}) ${unionAll(answers)}`;
	};
	const params = [JSON.stringify(campaign.wilayas), campaign.followerMin, campaign.followerMax, JSON.stringify(campaign.niches), formatSet, niches.reduce((m, n) => m | NICHE_BITS[n], 0)];
	return { niches, scan, byIds, partners, count, params, frontier, depth, partnershipsFactor };
}

type MatchCampaign = CampaignFields & { id: string };
/** A criterion's bound: constant + Σ coefficient × creator_niches column. */
interface Part {
	constant: number;
	terms: [number, string][];
	/** The rank_key term that bounds this part (match-bounds.ts RANK_WEIGHTS). */
	rank?: RankedCriterion;
}
/** A candidate from the index: its id, niche, rank_key and bound for this campaign. */
type Candidate = { id: string; niche: string; k: number; bound: number };
/** A row of a scan: a candidate (kind 0), a niche's count in `bound` (1) or a niche's last candidate (2). */
type ScanRow = Candidate & { kind: 0 | 1 | 2 };

export interface RankOptions {
	limit: number;
	offset: number;
	/** Only these creators (the comparison view). */
	ids?: string[];
	/** Full rows read beyond the page with the first read (SHORTLIST_MARGIN; tests use less to force more reads). */
	margin?: number;
	/** Candidates read per niche by the first scan (SHORTLIST_SCAN; tests use less to force more scans). */
	perScan?: number;
	/** Past partners read up front at most (PARTNERS_READ; tests use less to bound unread ones by the most anyone has). */
	partners?: number;
	/** Candidates counted at most (MATCH_TOTAL_CAP; tests use less). */
	totalCap?: number;
}

/** Rows scored between two checks of the stopping rule. */
const SCORE_STEP = 25;

/** Candidates scanned per campaign niche by the first scan of the index; each later scan 4 times more. */
export const SHORTLIST_SCAN = 400;

/** Candidates a scan sends back at most (the highest bounds): beyond the rows it reads next. */
const SCAN_RETURNS = 2;

/** Past partners read up front (beyond, unread candidates are bounded by the most partnerships anyone has). */
const PARTNERS_READ = 500;

/** Highest bound first; ties by id so the order is the same on every run. */
const byBound = (a: Candidate, b: Candidate) => b.bound - a.bound || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The page of a campaign's matches, exact: the same creators, in the same order, as scoring
 * every candidate and sorting (compareScored). The first scan reads SHORTLIST_SCAN candidates
 * of each campaign niche in decreasing rank_key and sends back the highest bounds among them
 * (twice the first chunk); past partners are read with it, so that no unread candidate has
 * any. The Worker reads the rows of the highest bounds by id in growing chunks (the first:
 * page + margin) and scores them in that order until the page's last creator beats every
 * bound it has not scored (shortlistSettled): those sent back, those scanned but held back
 * (at most the cursor's), and those never scanned (each niche's frontier, rankFrontier).
 * When what it holds is below what another may reach, it drains the scanned niches from the
 * cursor, or, while the page is not full, scans 4 times deeper; once it is full, one range
 * scan goes straight down to the rank_key where no bound reaches the page's last total. Also
 * answers how many candidates pass the hard filters, how many rows were scored, in how many
 * reads and scans, and the later scans by kind.
 */
export async function rankCandidates(db: ShortlistDb, campaign: MatchCampaign, weights: MatchWeights, opts: RankOptions) {
	const sql = shortlistSql(campaign, weights);
	const terms = campaignTerms(campaignTexts(campaign));
	const k = opts.offset + opts.limit;
	let chunk = k + (opts.margin ?? SHORTLIST_MARGIN);
	let perScan = opts.perScan ?? SHORTLIST_SCAN;
	const returns = () => SCAN_RETURNS * chunk;
	/**
	 * Per campaign niche: the last candidate scanned (the keyset; after a range scan, the range's
	 * lowest rank_key with an empty id), whether the niche is exhausted, and the lowest rank_key
	 * of a range to scan next.
	 */
	const niches = sql.niches.map((niche, i) => ({ niche, i, last: null as Pick<Candidate, 'k' | 'id'> | null, done: false, floor: -Infinity }));
	type NicheScan = (typeof niches)[number];
	type Arm = 'below' | 'range' | 'upTo' | 'all' | 'top';
	/**
	 * The first candidate a scan did not send back ((bound, id) order), when there is one: every
	 * scanned candidate not sent back comes after it, so a later scan starts there (a drain).
	 */
	let cursor: Candidate | null = null;
	const scan = (arms: NicheScan[], keyset: (n: NicheScan) => Arm, after: Candidate | null, least = -1e9) => {
		const values: unknown[] = [...sql.params, returns(), after?.bound ?? null, after?.id ?? null, perScan];
		values[10 + niches.length * 3] = least;
		for (const n of arms) {
			if (n.last) {
				values[10 + n.i * 3] = n.last.k;
				values[11 + n.i * 3] = n.last.id;
			}
			values[12 + n.i * 3] = Math.max(n.floor, -1e9);
		}
		const text = sql.scan(arms.map((n) => ({ niche: n.niche, keyset: keyset(n) })));
		// As many values as the highest parameter the text names (a drain of exhausted niches names no ?10).
		const count = Math.max(...Array.from(text.matchAll(/\?(\d+)/g), (m) => Number(m[1])));
		return db.prepare(text).bind(...Array.from(values.slice(0, count), (v) => v ?? null));
	};
	/** The niches below their keysets (the first scan: from the top), `perScan` each or down to their floor (bounds from `least` up). */
	const deeper = (arms: NicheScan[], range: boolean, least?: number) => scan(arms, (n) => (range ? 'range' : n.last ? 'below' : 'top'), null, least);
	/** Every niche scanned so far, down to its keyset, after the cursor. */
	const drain = () =>
		scan(
			niches.filter((n) => n.last),
			(n) => (n.done ? 'all' : 'upTo'),
			cursor
		);
	const partnersCap = opts.partners ?? PARTNERS_READ;
	const totalCap = opts.totalCap ?? MATCH_TOTAL_CAP;
	const noCandidates = opts.ids ? opts.ids.length === 0 : niches.length === 0;
	const none = () => db.prepare('SELECT NULL AS id WHERE 0').bind();
	const [first, counted, partnerRows, dfRows, partnerCandidates] = await db.batch([
		noCandidates ? none() : opts.ids ? db.prepare(sql.byIds).bind(...sql.params, campaign.id, JSON.stringify(opts.ids)) : deeper(niches, false),
		opts.ids || noCandidates ? db.prepare('SELECT 0 AS n').bind() : db.prepare(sql.count).bind(...sql.params, totalCap + 1),
		db.prepare(PARTNERSHIPS_SQL).bind(campaign.id, JSON.stringify(campaign.niches)),
		db.prepare(DF_SQL).bind(JSON.stringify(['', ...terms.keys()])),
		opts.ids || noCandidates ? none() : db.prepare(sql.partners).bind(...sql.params, campaign.id, partnersCap + 1)
	]);
	const partnerList = partnerRows.results as { id: string; n: number }[];
	const partnerships = new Map(partnerList.map((p) => [p.id, p.n]));
	const partnershipPart = (n: number) => (sql.partnershipsFactor * Math.min(PARTNERSHIPS_FULL, n)) / PARTNERSHIPS_FULL;
	// Every candidate with partnerships is read below unless there are too many: then an unread
	// one may have as many as anyone.
	const partnersRead = (partnerCandidates.results as Candidate[]).length <= partnersCap;
	const unreadPartnerships = partnersRead ? 0 : partnershipPart(partnerList.reduce((m, p) => Math.max(m, p.n), 0));
	const df = new Map((dfRows.results as { term: string; df: number }[]).map((d) => [d.term, d.df]));
	const score = candidateScorer(campaign, partnerships, weights, { df, n: df.get('') ?? 0 });

	/** Sent back by SQL, not scored yet, highest bound first. */
	let pool: Candidate[] = [];
	/** Every creator ever put in the pool (a partner is met again by its niche's scan, a drain meets the pool again). */
	const seen = new Set<string>();
	const add = (rows: Candidate[]) => {
		for (const r of rows) {
			if (seen.has(r.id)) continue;
			seen.add(r.id);
			const n = partnerships.get(r.id);
			if (n) r.bound += partnershipPart(n);
			pool.push(r);
		}
		pool.sort(byBound);
	};
	/**
	 * Takes a scan's answer: its candidates, the cursor, and (unless a drain) each niche's keyset
	 * and end; a range scan leaves every rank_key from its floor up scanned.
	 */
	const take = (rows: ScanRow[], scanned: NicheScan[] | null, range = false) => {
		const candidates = rows.filter((r) => r.kind === 0);
		const next = candidates.length > returns() ? candidates[returns()] : null;
		add(candidates.slice(0, returns()));
		// A drain covers everything scanned: its cursor replaces the old one; a deeper scan's
		// comes on top of it: the earlier of the two in (bound, id) order.
		if (!scanned) cursor = next;
		else if (next && (!cursor || byBound(next, cursor) < 0)) cursor = next;
		for (const n of scanned ?? []) {
			if (range) {
				if (n.floor === -Infinity) n.done = true;
				else n.last = { k: n.floor, id: '' };
				continue;
			}
			const count = rows.find((r) => r.kind === 1 && r.niche === n.niche)?.bound ?? 0;
			if (count < perScan) n.done = true;
			n.last = rows.find((r) => r.kind === 2 && r.niche === n.niche) ?? n.last;
		}
	};
	if (noCandidates) niches.forEach((n) => (n.done = true));
	else if (opts.ids) {
		niches.forEach((n) => (n.done = true));
		add(first.results as Candidate[]);
	} else {
		if (partnersRead) add(partnerCandidates.results as Candidate[]);
		take(first.results as ScanRow[], niches);
	}
	/** The highest bound of a candidate never scanned, per niche and over all. */
	const nicheEdge = (n: NicheScan) => (n.done ? -Infinity : sql.frontier(n.niche, n.last?.k ?? Infinity, unreadPartnerships));
	const frontier = () => Math.max(...niches.map(nicheEdge));
	/** The highest bound of a candidate scanned but not sent back. */
	const held = () => (cursor ? cursor.bound + unreadPartnerships : -Infinity);

	const scored: Scored[] = [];
	/** The best k totals so far, for the stopping rule (scored is sorted once, at the end). */
	const best: number[] = [];
	let reads = 1;
	let scans = 1;
	let read = 0;
	let settled = false;
	/** Later scans by kind (the tests check each ran). */
	const kinds = { drain: 0, range: 0, deeper: 0 };
	while (!settled) {
		const edge = Math.max(frontier(), held());
		const top = pool[0]?.bound ?? -Infinity;
		const next = Math.max(top, edge);
		if (next === -Infinity || (!opts.ids && shortlistSettled(best, k, next))) break;
		const full = best.length >= k;
		if (pool.length === 0 || (top < edge && full)) {
			// Every candidate sent back is below what another may reach: the ones scanned but held
			// back first; else further down the index, in the niches where one may — once the page
			// is full, straight down to where no bound can reach its last total (one scan).
			if (held() >= frontier()) {
				take((await drain().all<ScanRow>()).results, null);
				kinds.drain += 1;
			} else if (full) {
				const target = best[k - 1] - 1;
				const arms = niches.filter((n) => nicheEdge(n) > Math.max(top, target));
				for (const n of arms) n.floor = sql.depth(n.niche, target, unreadPartnerships);
				// A candidate whose bound is under the target can never enter the page: SQL drops it
				// (an unread partner's part is not in SQL's bound).
				take((await deeper(arms, true, target - unreadPartnerships).all<ScanRow>()).results, arms, true);
				kinds.range += 1;
			} else {
				const arms = niches.filter((n) => nicheEdge(n) > top);
				perScan *= 4;
				take((await deeper(arms, false).all<ScanRow>()).results, arms);
				kinds.deeper += 1;
			}
			scans += 1;
			reads += 1;
			continue;
		}
		// The best bounds read, down to the frontier (the comparison view: all of them).
		let n = 0;
		while (n < pool.length && n < (opts.ids ? pool.length : chunk) && (pool[n].bound >= edge || !full)) n += 1;
		const part = pool.slice(0, n);
		pool = pool.slice(n);
		const at = new Map(part.map((r, i) => [r.id, i]));
		const rows = (
			await db
				.prepare(ROWS_SQL)
				.bind(JSON.stringify(part.map((r) => r.id)))
				.all<CandidateRow>()
		).results.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
		reads += 1;
		chunk *= 2;
		// In bound order, a step at a time: stop scoring as soon as the page is settled.
		for (let i = 0; i < rows.length; i += SCORE_STEP) {
			const step = rows.slice(i, i + SCORE_STEP);
			read += step.length;
			for (const s of score(step)) {
				scored.push(s);
				keepBest(best, k, s.total.score);
			}
			if (opts.ids) continue;
			const after = i + step.length < rows.length ? rows[i + step.length] : null;
			const unscored = Math.max(after ? part[at.get(after.id)!].bound : (pool[0]?.bound ?? -Infinity), edge);
			settled = shortlistSettled(best, k, unscored);
			if (settled) break;
		}
		if (opts.ids) break;
	}
	scored.sort(compareScored);
	const found = opts.ids ? scored.length : (counted.results[0] as { n: number }).n;
	return { scored, total: Math.min(found, totalCap), totalCapped: found > totalCap, read, reads, scans, kinds };
}
