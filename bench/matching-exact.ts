/**
 * Is the shortlist exact? (issue 16, point 5.) For random campaigns (wilayas, niches,
 * formats, follower ranges, age bands; weights at random, default or near it), page one as the service
 * computes it (worker/services/match-shortlist.ts rankCandidates: bounds, batches, early stop) against
 * the true top: every creator in the campaign's wilayas and follower range scored with the
 * same pure functions (scoreCandidates, whose fits() applies the hard filters) and sorted,
 * the idf counted here from every creator's terms (not read from affinity_df). Prints
 * "differs in N / 1000" next to the target 0, and how many rows the shortlist read.
 *
 *   tsx bench/matching-exact.ts <persist dir> [campaigns]
 */
import { d1File, sqliteD1 } from './d1-sqlite';
import { rankCandidates, ROW_COLUMNS, ROWS_FROM } from '../worker/services/match-shortlist';
import { compareScored, scoreCandidates, shares, type CandidateRow } from '../worker/domain/match-candidates';
import { CRITERIA, DEFAULT_WEIGHTS, type MatchWeights } from '../worker/domain/matching';
import { AGE_BANDS, FORMATS, NICHES } from '../worker/domain/taxonomy';
import type { CampaignFields } from '../worker/domain/campaign-rules';
import { DatabaseSync } from 'node:sqlite';

const [dir, countArg] = process.argv.slice(2);
const runs = Number(countArg ?? 1000);
const file = d1File(dir);
const d1 = sqliteD1(file);
const raw = new DatabaseSync(file, { readOnly: true });

function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = mulberry32(Number(process.env.EXACT_SEED ?? 16_5));
const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
	const n = min + Math.floor(rand() * (max - min + 1));
	return [...xs].sort(() => rand() - 0.5).slice(0, n);
};

const rows = raw.prepare(`SELECT ${ROW_COLUMNS} ${ROWS_FROM}`).all() as unknown as CandidateRow[];
const df = new Map<string, number>();
let docs = 0;
for (const r of raw.prepare('SELECT affinity_terms FROM creator_features').all() as { affinity_terms: string }[]) {
	docs += 1;
	for (const term of Object.keys(shares(JSON.parse(r.affinity_terms)))) df.set(term, (df.get(term) ?? 0) + 1);
}
const collection = { df, n: docs };
const WILAYAS = [...new Set(rows.map((r) => r.wilaya).filter((w): w is string => w !== null))].sort();
const TITLES = [
	'Sérum vitamine C : routine skincare',
	'Abaya pour l’Aïd',
	'Nouveau smartphone pas cher',
	'Rechta maison et gâteau sans four',
	'Programme fitness à la maison',
	'Déco salon petit budget'
];

let differs = 0;
let read = 0;
let batches = 0;
let maxBatches = 0;
const started = performance.now();
for (let i = 0; i < runs; i++) {
	const followerMin = Math.round(Math.exp(Math.log(1_000) + rand() * Math.log(100)));
	const campaign: CampaignFields & { id: string } = {
		id: `exact-${i}`,
		title: TITLES[Math.floor(rand() * TITLES.length)],
		objective: 'whatsapp_sales',
		offer: 'Pack découverte -20 %',
		brief: { keyMessages: [], dos: [], donts: [], angle: '' },
		formats: some(FORMATS, 1, 4),
		wilayas: some(WILAYAS, 1, 12),
		niches: some(NICHES, 1, 3),
		ageBands: rand() < 0.3 ? some(AGE_BANDS, 1, 2) : [],
		followerMin,
		followerMax: Math.round(followerMin * (2 + rand() * 60)),
		budgetDzd: 150_000,
		reuseRightsDays: 30,
		startsAt: null,
		endsAt: null,
		applyBy: null
	};
	// Half with random weights, half with the default ones or near them (where rank_key's order stops the scans early).
	const weights = (
		i % 2 === 0
			? Object.fromEntries(CRITERIA.map((c) => [c, Math.floor(rand() * 101)]))
			: i % 4 === 1
				? { ...DEFAULT_WEIGHTS }
				: Object.fromEntries(CRITERIA.map((c) => [c, Math.max(0, DEFAULT_WEIGHTS[c] + Math.floor(rand() * 9) - 4)]))
	) as MatchWeights;
	if (CRITERIA.every((c) => weights[c] === 0)) weights.engagement = 1;
	const limit = 50;
	const ranked = await rankCandidates(d1, campaign, weights, { limit, offset: 0 });
	const inRange = rows.filter((r) => r.wilaya !== null && campaign.wilayas.includes(r.wilaya) && r.followers_total >= campaign.followerMin && r.followers_total <= campaign.followerMax);
	const truth = scoreCandidates(campaign, inRange, new Map(), weights, collection).sort(compareScored).slice(0, limit);
	const page = ranked.scored.slice(0, limit);
	const same = page.length === truth.length && page.every((s, j) => s.row.id === truth[j].row.id && s.total.score === truth[j].total.score);
	if (!same) differs += 1;
	read += ranked.read;
	batches += ranked.reads;
	maxBatches = Math.max(maxBatches, ranked.reads);
}
console.log(
	`exactness over ${runs} random campaigns (${rows.length} creators): page one differs in ${differs} / ${runs}   target 0   ` +
		`(rows read per campaign: mean ${(read / runs).toFixed(0)}, reads mean ${(batches / runs).toFixed(2)}, max ${maxBatches}; ${((performance.now() - started) / 1000).toFixed(1)} s)`
);
if (differs > 0) process.exitCode = 1;
