/**
 * The look-alikes' candidate query (services/look-alikes.ts), apart so the benchmark
 * (bench/matching-cpu.ts) reads exactly the rows the route reads. Bounded and on indexes:
 * creator_niches (niche, wilaya, followers_total) seeked per shared niche × wilaya over the
 * follower band, the nearest in followers first, at most `pool` creators.
 */
import { FORMAT_BITS } from '../domain/match-bounds';
import { campaignFormats } from '../domain/matching';

/** Candidates scored at most per request (the rest of the band is farther in followers). */
export const LOOK_ALIKE_POOL = 500;
/** The follower band around the creator: ÷ and × this. */
export const LOOK_ALIKE_BAND = 4;
/**
 * The narrower bands tried first (÷ and × each): every creator inside one is nearer in
 * followers than every creator outside it, so when one already holds `pool` candidates they
 * are the nearest of the whole band — at 500 000 creators the wide band holds tens of
 * thousands, the narrow one enough.
 */
export const LOOK_ALIKE_STEPS = [1.05, 1.25, 2] as const;
/** The public columns the similarity reads (never phone, RIP, legal details). */
export const LOOK_ALIKE_COLUMNS = `c.id, c.display_name, c.handle, c.wilaya, c.niches, c.rates, c.audience, c.followers_total,
	f.engagement_by_format, f.affinity_terms, f.observed_niches`;

export interface CandidateQuery {
	/** The niches to seek (shared with the source; the campaign's when they share none). */
	niches: string[];
	/** The campaign's wilayas, or null for every wilaya. */
	wilayas: string[] | null;
	/** A priced format among these (the campaign's), or null for no format filter. */
	formats: string[] | null;
	lo: number;
	hi: number;
	/** The source creator (left out) and the follower count the band is around. */
	selfId: string;
	around: number;
	pool: number;
}

/** The SQL and its parameters. */
export function lookAlikeCandidates(q: CandidateQuery): { sql: string; params: (string | number)[] } {
	const params: (string | number)[] = [JSON.stringify(q.niches), q.lo, q.hi, q.selfId, q.around, q.pool];
	const wilayas = q.wilayas ? `(SELECT value FROM json_each(?${params.push(JSON.stringify(q.wilayas))}))` : '(SELECT code FROM wilayas)';
	// A priced format among these: creator_niches.priced holds the creator's priced formats as bits.
	const priced = q.formats ? `(cn.priced & ?${params.push(campaignFormats(q.formats).reduce((m, f) => m | FORMAT_BITS[f], 0))}) <> 0` : null;
	const sql = `WITH cand AS (
			SELECT cn.creator_id AS id, min(max(cn.followers_total, ?5) * 1.0 / max(1, min(cn.followers_total, ?5))) AS d
			FROM creator_niches cn INDEXED BY creator_niches_match_idx
			WHERE cn.niche IN (SELECT value FROM json_each(?1)) AND cn.wilaya IN ${wilayas}
			  AND cn.followers_total BETWEEN ?2 AND ?3 AND cn.creator_id <> ?4 ${priced ? `AND ${priced}` : ''}
			GROUP BY cn.creator_id ORDER BY d, cn.creator_id LIMIT ?6)
		SELECT ${LOOK_ALIKE_COLUMNS} FROM cand JOIN creators c ON c.id = cand.id LEFT JOIN creator_features f ON f.creator_id = c.id
		ORDER BY cand.d, c.id`;
	return { sql, params };
}

/** What seekLookAlikes needs of D1 (a D1Database is one). */
interface SeekDb {
	prepare(sql: string): { bind(...values: unknown[]): { all<T>(): Promise<{ results: T[] }> } };
}

/**
 * The follower bands tried in turn: each of LOOK_ALIKE_STEPS (lo rounded up, hi down: inside,
 * every creator is within ÷ and × the ratio; outside, farther), then the whole band; all
 * within the campaign's follower range when there is one.
 */
export function lookAlikeBands(around: number, range: readonly [number, number] | null): [number, number][] {
	const clamp = (lo: number, hi: number): [number, number] => (range ? [Math.max(lo, range[0]), Math.min(hi, range[1])] : [lo, hi]);
	return [...LOOK_ALIKE_STEPS.map((r) => clamp(Math.ceil(around / r), Math.floor(around * r))), clamp(Math.floor(around / LOOK_ALIKE_BAND), Math.ceil(around * LOOK_ALIKE_BAND))];
}

/**
 * The `pool` candidates nearest in followers within the whole band, narrow bands first: one
 * that fills the pool holds the nearest (every creator outside it is farther), so the answer
 * is the whole band's, without reading it (test/api/look-alikes.test.ts compares them).
 */
export async function seekLookAlikes<T>(db: SeekDb, q: Omit<CandidateQuery, 'lo' | 'hi'>, range: readonly [number, number] | null): Promise<T[]> {
	const bands = lookAlikeBands(q.around, range);
	let rows: T[] = [];
	for (const [lo, hi] of bands) {
		if (lo > hi) continue;
		const { sql, params } = lookAlikeCandidates({ ...q, lo, hi });
		rows = (
			await db
				.prepare(sql)
				.bind(...params)
				.all<T>()
		).results;
		if (rows.length >= q.pool) break;
	}
	return rows;
}
