/**
 * The Worker's own CPU per matches request, without local D1: under wrangler dev the
 * SQLite work runs inside workerd and is counted with the Worker (in production D1 runs
 * elsewhere and is not billed as Worker CPU). This runs the route's shortlist
 * (worker/services/match-shortlist.ts rankCandidates) on the benchmark's D1 file through
 * node:sqlite, and times (process.cpuUsage) what the Worker runs: everything but the time
 * inside SQLite — scoring the shortlisted creators in bound order, sorting, and writing the
 * page's reasons.
 *
 * Then the same for look-alikes (GET /creators/:id/similar): the route's own candidate
 * query (services/look-alike-sql.ts) for a creator, and rankLookAlikes + the reasons of the
 * 10; and a pool of LOOK_ALIKE_POOL rows whatever their niche, the most a request ever scores
 * (a 5 000-creator bench never fills it). Target: 10 ms.
 *
 *   tsx bench/matching-cpu.ts <persist dir>
 */
import { DatabaseSync } from 'node:sqlite';
import { d1File, sqliteD1 } from './d1-sqlite';
import { CRITERIA, DEFAULT_WEIGHTS } from '../worker/domain/matching';
import { renderReason } from '../worker/domain/match-candidates';
import { rankCandidates } from '../worker/services/match-shortlist';
import type { CampaignFields } from '../worker/domain/campaign-rules';
import { profileOf, rankLookAlikes, renderLookAlikeReason, type LookAlikeRow } from '../worker/domain/look-alikes';
import { LOOK_ALIKE_COLUMNS, LOOK_ALIKE_POOL, lookAlikeCandidates } from '../worker/services/look-alike-sql';

const db = sqliteD1(d1File(process.argv[2]));
const campaigns: [string, Pick<CampaignFields, 'wilayas' | 'niches' | 'formats' | 'followerMin' | 'followerMax'>][] = [
	['typical', { wilayas: ['16', '09', '31'], niches: ['beauty'], formats: ['reel', 'story'], followerMin: 5000, followerMax: 50000 }],
	[
		'broad',
		{
			wilayas: ['16', '09', '31', '25', '19', '06', '15', '35', '42', '13'],
			niches: ['beauty', 'fashion', 'lifestyle'],
			formats: ['reel', 'story', 'post', 'live'],
			followerMin: 2000,
			followerMax: 200000
		}
	]
];
const names = new Map<string, { fr: string; ar: string }>();
const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

for (const [label, target] of campaigns) {
	const campaign: CampaignFields & { id: string } = {
		id: 'bench',
		title: 'Sérum vitamine C : routine skincare',
		objective: 'whatsapp_sales',
		offer: 'Pack découverte -20 %',
		brief: { keyMessages: [], dos: [], donts: [], angle: '' },
		ageBands: [],
		budgetDzd: 150000,
		reuseRightsDays: 30,
		startsAt: null,
		endsAt: null,
		applyBy: null,
		...target
	};
	let read = 0;
	const once = async () => {
		const ranked = await rankCandidates(db, campaign, DEFAULT_WEIGHTS, { limit: 50, offset: 0 });
		read = ranked.read;
		for (const s of ranked.scored.slice(0, 50)) for (const c of CRITERIA) renderReason(s.criteria[c].reason, { locale: 'fr', wilayaNames: names });
	};
	for (let i = 0; i < 10; i++) await once();
	const samples: number[] = [];
	const sqlSamples: number[] = [];
	for (let i = 0; i < 60; i++) {
		const t = cpuMs();
		const sql = db.sqlCpuMs;
		await once();
		sqlSamples.push(db.sqlCpuMs - sql);
		samples.push(cpuMs() - t - (db.sqlCpuMs - sql));
	}
	samples.sort((a, b) => a - b);
	sqlSamples.sort((a, b) => a - b);
	console.log(
		`Worker-side CPU, ${label}: ${read} rows scored → p50 ${samples[30].toFixed(2)} ms, p95 ${samples[57].toFixed(2)} ms   target ≤ 10 ms (scoring + sort + reasons of 50, SQLite time excluded, Node ${process.version}); ` +
			`the shortlist's SQLite CPU (what D1 would spend): p50 ${sqlSamples[30].toFixed(1)} ms`
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

// The look-alikes' own queries, straight on the file (node:sqlite), as the rows they read.
const raw = new DatabaseSync(d1File(process.argv[2]), { readOnly: true });
const source = raw
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
	['the route’s pool', raw.prepare(sql).all(...params) as unknown as LookAlikeRow[]],
	[
		`a full pool of ${LOOK_ALIKE_POOL}`,
		raw
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
