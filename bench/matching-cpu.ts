/**
 * The Worker's own CPU per matches request, without local D1: under wrangler dev the
 * SQLite work runs inside workerd and is counted with the Worker (in production D1 runs
 * elsewhere and is not billed as Worker CPU). This reads the same shortlist rows the route
 * reads, from the benchmark's D1 file, and times (process.cpuUsage) the part the Worker
 * runs: scoring every shortlisted creator, sorting, and writing the page's reasons.
 *
 * Then the same for look-alikes (GET /creators/:id/similar): the route's own candidate
 * query (services/look-alike-sql.ts) for a creator, and rankLookAlikes + the reasons of the
 * 10; and a pool of LOOK_ALIKE_POOL rows whatever their niche, the most a request ever scores
 * (a 5 000-creator bench never fills it). Target: 10 ms.
 *
 *   tsx bench/matching-cpu.ts <persist dir>
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CRITERIA, DEFAULT_WEIGHTS, SHORTLIST_MARGIN } from '../worker/domain/matching';
import { renderReason, scoreCandidates } from '../worker/domain/match-candidates';
import { profileOf, rankLookAlikes, renderLookAlikeReason, type LookAlikeRow } from '../worker/domain/look-alikes';
import { LOOK_ALIKE_COLUMNS, LOOK_ALIKE_POOL, lookAlikeCandidates } from '../worker/services/look-alike-sql';

const dir = process.argv[2];
const folder = path.join(dir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
const db = new DatabaseSync(
	path.join(
		folder,
		readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')!
	),
	{ readOnly: true }
);

const SQL = `SELECT c.id, c.display_name, c.handle, c.wilaya, c.niches, c.rates, c.audience, c.followers_total,
	f.engagement_by_format, f.sponsored_share, f.comment_mix, f.affinity_terms, f.observed_niches, f.risk_score, f.posts_total, f.comments_sampled,
	(SELECT group_concat(code) FROM creator_risk_flags r WHERE r.creator_id = c.id) AS flag_codes
	FROM creators c LEFT JOIN creator_features f ON f.creator_id = c.id
	WHERE c.wilaya IN (SELECT value FROM json_each(?1)) AND c.followers_total BETWEEN ?2 AND ?3
	  AND EXISTS (SELECT 1 FROM json_each(c.niches) n WHERE n.value IN (SELECT value FROM json_each(?4)))
	  AND EXISTS (SELECT 1 FROM json_each(c.rates) r WHERE r.key IN (SELECT value FROM json_each(?5)) AND r.value > 0)
	ORDER BY coalesce(f.quality_score, 0) DESC, c.id LIMIT ?6`;

const campaigns = [
	['typical', ['16', '09', '31'], ['beauty'], ['reel', 'story'], 5000, 50000],
	['broad', ['16', '09', '31', '25', '19', '06', '15', '35', '42', '13'], ['beauty', 'fashion', 'lifestyle'], ['reel', 'story', 'post', 'live'], 2000, 200000]
] as const;
const names = new Map<string, { fr: string; ar: string }>();
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

for (const [label, wilayas, niches, formats, min, max] of campaigns) {
	const rows = db.prepare(SQL).all(JSON.stringify(wilayas), min, max, JSON.stringify(niches), JSON.stringify(formats), 50 + SHORTLIST_MARGIN) as never[];
	const campaign = {
		id: 'bench',
		title: 'Sérum vitamine C : routine skincare',
		objective: 'whatsapp_sales' as const,
		offer: 'Pack découverte -20 %',
		brief: { keyMessages: [], dos: [], donts: [], angle: '' },
		formats: [...formats],
		wilayas: [...wilayas],
		niches: [...niches],
		ageBands: [],
		followerMin: min,
		followerMax: max,
		budgetDzd: 150000,
		reuseRightsDays: 30,
		startsAt: null,
		endsAt: null,
		applyBy: null
	};
	const once = () => {
		const scored = scoreCandidates(campaign as never, rows, new Map(), DEFAULT_WEIGHTS).sort((a, b) => b.total.score - a.total.score);
		for (const s of scored.slice(0, 50)) for (const c of CRITERIA) renderReason(s.criteria[c].reason, { locale: 'fr', wilayaNames: names });
	};
	for (let i = 0; i < 20; i++) once();
	const samples: number[] = [];
	for (let i = 0; i < 100; i++) {
		const t = cpuMs();
		once();
		samples.push(cpuMs() - t);
	}
	samples.sort((a, b) => a - b);
	console.log(
		`Worker-side CPU, ${label}: ${rows.length} shortlisted rows → p50 ${samples[50].toFixed(2)} ms, p95 ${samples[95].toFixed(2)} ms (scoring + sort + reasons of 50, Node ${process.version})`
	);
}

// ---- look-alikes ---------------------------------------------------------------------------
function timeIt(once: () => void): { p50: number; p95: number } {
	for (let i = 0; i < 20; i++) once();
	const samples: number[] = [];
	for (let i = 0; i < 100; i++) {
		const t = cpuMs();
		once();
		samples.push(cpuMs() - t);
	}
	samples.sort((a, b) => a - b);
	return { p50: samples[50], p95: samples[95] };
}

const source = db
	.prepare(`SELECT ${LOOK_ALIKE_COLUMNS}, c.bio FROM creators c LEFT JOIN creator_features f ON f.creator_id = c.id WHERE c.niches LIKE '%beauty%' ORDER BY c.id LIMIT 1`)
	.get() as unknown as LookAlikeRow & { bio: string };
const around = Math.max(1000, source.followers_total);
const { sql, params } = lookAlikeCandidates({
	niches: profileOf(source).searchable,
	wilayas: null,
	formats: null,
	lo: Math.floor(around / 4),
	hi: Math.ceil(around * 4),
	selfId: source.id,
	around,
	pool: LOOK_ALIKE_POOL
});
const pools: [string, LookAlikeRow[]][] = [
	['the route’s pool', db.prepare(sql).all(...params) as unknown as LookAlikeRow[]],
	[
		`a full pool of ${LOOK_ALIKE_POOL}`,
		db
			.prepare(`SELECT ${LOOK_ALIKE_COLUMNS} FROM creators c LEFT JOIN creator_features f ON f.creator_id = c.id WHERE c.id <> ?1 ORDER BY c.id LIMIT ?2`)
			.all(source.id, LOOK_ALIKE_POOL) as unknown as LookAlikeRow[]
	]
];
for (const [label, rows] of pools) {
	const r = timeIt(() => {
		const { list } = rankLookAlikes(source, rows, null, [source.bio]);
		for (const l of list) renderLookAlikeReason(l.reasons, { locale: 'fr', wilayaNames: names });
	});
	console.log(`Worker-side CPU, look-alikes, ${label}: ${rows.length} rows → p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (target p50 ≤ 10 ms: ${r.p50 <= 10 ? 'ok' : 'MISS'})`);
}
