/**
 * Writes N synthetic creators (default 50 000) with their precomputed features and risk
 * flags straight into a local D1 file, for the matching benchmark:
 *
 *   tsx bench/seed-matching.ts <persist dir> [count]
 *
 * The local D1 database must already be migrated (wrangler d1 migrations apply --local).
 * Matching reads only creators, creator_features and creator_risk_flags, so that is what is
 * written: raw posts for 50 000 creators would take minutes to insert and are never read by
 * the route under test. Values are deterministic (seeded PRNG) and shaped like the demo
 * seeder's: wilayas weighted towards the big cities, 1–3 niches, followers log-uniform
 * between 2 000 and 200 000, engagement around the tier benchmarks, comment mixes, ad load,
 * half the creators with an audience breakdown, 3 % with a risk flag.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { creatorTermVector, nicheWords } from '../worker/domain/affinity';
import { baseQuality, benchmarkFor } from '../worker/domain/matching';
import { NICHES, FORMATS } from '../worker/domain/taxonomy';

const [stateDir, countArg] = process.argv.slice(2);
if (!stateDir) {
	console.error('usage: tsx bench/seed-matching.ts <persist dir> [count]');
	process.exit(2);
}
const count = Number(countArg ?? 50_000);

function d1File(dir: string): string {
	const folder = path.join(dir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
	const file = readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
	if (!file) throw new Error(`no D1 database under ${folder}: migrate first`);
	return path.join(folder, file);
}

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
const rand = mulberry32(20261126);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

/** Big cities weigh more (roughly their share of Instagram users); every wilaya appears. */
const BIG: Record<string, number> = { '16': 14, '31': 7, '09': 5, '25': 5, '19': 4, '06': 3, '15': 3, '35': 3, '42': 3, '13': 2, '23': 2, '05': 2, '27': 2 };
const WILAYAS = Array.from({ length: 58 }, (_, i) => String(i + 1).padStart(2, '0'));
const WEIGHTED = WILAYAS.flatMap((w) => Array<string>(BIG[w] ?? 1).fill(w));

const CAPTION_WORDS: Record<string, string[]> = {
	beauty: ['routine skincare', 'sérum vitamine C', 'maquillage naturel', 'crème hydratante', 'مكياج سهل', 'عناية بالبشرة'],
	fashion: ['outfit du jour', 'haul soldes', 'veste en jean', 'إطلالة بسيطة', 'lookbook automne'],
	modest_fashion: ['tuto hijab', 'abaya pour l’Aïd', 'لفات حجاب', 'jilbab léger'],
	food: ['chorba frik', 'rechta maison', 'بوراك بالدجاج', 'gâteau sans four'],
	tech: ['unboxing écouteurs', 'smartphone pas cher', 'أفضل هاتف', 'chargeur rapide'],
	gaming: ['tournoi FC', 'setup gaming', 'manette test', 'أفضل إعدادات'],
	sport: ['avant-match EN', 'running 10 km', 'تمارين', 'chaussures de running'],
	fitness_health: ['programme maison', 'meal prep', 'تمارين للبطن', 'protéines'],
	travel: ['week-end à Béjaïa', 'hôtel pas cher', 'سفر', 'road trip Sahara'],
	family_parenting: ['routine bébé', 'idées goûter', 'أطفال', 'sortie en famille'],
	home_decor: ['déco salon', 'petit budget déco', 'ديكور', 'rangement cuisine'],
	automotive: ['essai voiture', 'entretien moto', 'سيارة', 'prix du marché'],
	humour: ['sketch du jour', 'quand ta mère', 'ضحك', 'caméra cachée'],
	education: ['réviser le bac', 'cours d’anglais', 'دروس', 'astuce études'],
	lifestyle: ['ma journée', 'vlog Alger', 'روتين', 'favoris du mois']
};

const db = new DatabaseSync(d1File(stateDir));
db.exec('PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
const now = Date.now();
const insUser = db.prepare("INSERT OR IGNORE INTO users (id, email, name, role, locale, created_at) VALUES (?, ?, ?, 'creator', 'fr', ?)");
const insCreator = db.prepare(
	`INSERT OR IGNORE INTO creators (id, user_id, display_name, handle, wilaya, bio, niches, languages, rates, audience, rates_public, followers_total, created_at, updated_at)
	 VALUES (?, ?, ?, ?, ?, ?, ?, '["fr","ar"]', ?, ?, 0, ?, ?, ?)`
);
const insFeatures = db.prepare(
	`INSERT OR REPLACE INTO creator_features (creator_id, computed_at, engagement_by_format, sponsored_share, comment_mix, posts_last_90d, follower_growth_30d,
	   affinity_terms, risk_score, posts_total, comments_sampled, quality_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insFlag = db.prepare('INSERT OR REPLACE INTO creator_risk_flags (creator_id, code, score, reason, computed_at) VALUES (?, ?, ?, ?, ?)');

const started = performance.now();
db.exec('BEGIN');
for (let i = 0; i < count; i++) {
	const id = `bench-cr-${i}`;
	const wilaya = pick(WEIGHTED);
	const nicheCount = 1 + Math.floor(rand() * 3);
	const niches = [...new Set(Array.from({ length: nicheCount }, () => pick(NICHES)))];
	const followers = Math.round(Math.exp(Math.log(2_000) + rand() * (Math.log(200_000) - Math.log(2_000))));
	const rates: Record<string, number> = {};
	for (const f of FORMATS) if (rand() < 0.7) rates[f] = Math.round((followers / 2 + 2000) / 500) * 500;
	const withBreakdown = rand() < 0.5;
	const own = 0.25 + rand() * 0.3;
	const audience = withBreakdown
		? {
				wilayas: { [wilaya]: Math.round(own * 100) / 100, '16': wilaya === '16' ? Math.round(own * 100) / 100 : 0.1 },
				ageBands: { '18-24': 0.45, '25-34': 0.35 },
				countryShareDZ: 0.85 + rand() * 0.13
			}
		: {};
	const captions = niches.flatMap((n) => Array.from({ length: 8 }, () => pick(CAPTION_WORDS[n])));
	const bio = `${niches.map((n) => pick(CAPTION_WORDS[n])).join(' · ')}`;
	const tier = benchmarkFor(followers);
	const engagement: Record<string, { posts: number; engagementRate: number; avgViews: number; avgReach: number }> = {};
	for (const f of FORMATS) {
		if (rand() < 0.35) continue;
		const posts = 1 + Math.floor(rand() * 12);
		engagement[f] = { posts, engagementRate: Math.round(tier.median[f] * (0.3 + rand() * 2.2) * 10_000) / 10_000, avgViews: Math.round(followers * 0.4), avgReach: Math.round(followers * 0.3) };
	}
	const intent = rand() * 0.35;
	const generic = rand() * 0.4;
	const mix = { purchase_intent: intent, positive: (1 - intent - generic) * 0.8, generic, spam: rand() * 0.05, negative: (1 - intent - generic) * 0.2 };
	const flagged = rand() < 0.03;
	const risk = flagged ? 40 + Math.floor(rand() * 50) : 0;
	const sponsored = Math.round(rand() * 0.5 * 100) / 100;
	const quality = baseQuality({ engagementByFormat: engagement, followers, commentMix: mix, commentsSampled: 120, sponsoredShare: sponsored, postsConsidered: 30, risk, engagementDoubtful: false });
	insUser.run(`bench-user-${i}`, `bench.${i}@example.dz`, `Créateur ${i}`, now);
	insCreator.run(id, `bench-user-${i}`, `Créateur ${i}`, `bench.${i}`, wilaya, bio, JSON.stringify(niches), JSON.stringify(rates), JSON.stringify(audience), followers, now, now);
	insFeatures.run(
		id,
		now,
		JSON.stringify(engagement),
		sponsored,
		JSON.stringify(mix),
		20,
		null,
		JSON.stringify(creatorTermVector([bio, ...niches.map(nicheWords), ...captions])),
		risk,
		30,
		120,
		quality
	);
	if (flagged) insFlag.run(id, 'follower_spike', risk, JSON.stringify({ key: 'risk_follower_spike', params: { date: '2026-11-01', jump: 4000, percent: 12, times: 9.5 } }), now);
}
db.exec('COMMIT');
db.exec('ANALYZE');
db.close();
console.log(`seeded ${count} creators with features in ${((performance.now() - started) / 1000).toFixed(1)} s`);
