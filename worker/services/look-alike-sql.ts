/**
 * The look-alikes' candidate query (services/look-alikes.ts), apart so the benchmark
 * (bench/matching-cpu.ts) reads exactly the rows the route reads. Bounded and on indexes:
 * creator_niches (niche, wilaya, followers_total) seeked per shared niche × wilaya over the
 * follower band, the nearest in followers first, at most `pool` creators.
 */

/** Candidates scored at most per request (the rest of the band is farther in followers). */
export const LOOK_ALIKE_POOL = 500;
/** The follower band around the creator: ÷ and × this. */
export const LOOK_ALIKE_BAND = 4;
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
	const priced = q.formats ? q.formats.map((f) => `coalesce(json_extract(p.rates, ?${params.push(`$.${f}`)}), 0) > 0`).join(' OR ') || '0' : null;
	const sql = `WITH cand AS (
			SELECT cn.creator_id AS id, min(max(cn.followers_total, ?5) * 1.0 / max(1, min(cn.followers_total, ?5))) AS d
			FROM creator_niches cn ${priced ? 'JOIN creators p ON p.id = cn.creator_id' : ''}
			WHERE cn.niche IN (SELECT value FROM json_each(?1)) AND cn.wilaya IN ${wilayas}
			  AND cn.followers_total BETWEEN ?2 AND ?3 AND cn.creator_id <> ?4 ${priced ? `AND (${priced})` : ''}
			GROUP BY cn.creator_id ORDER BY d, cn.creator_id LIMIT ?6)
		SELECT ${LOOK_ALIKE_COLUMNS} FROM cand JOIN creators c ON c.id = cand.id LEFT JOIN creator_features f ON f.creator_id = c.id
		ORDER BY cand.d, c.id`;
	return { sql, params };
}
