/**
 * Writes N synthetic creators (default 500 000) with their precomputed features and risk
 * flags straight into a local D1 file, for the matching benchmark:
 *
 *   tsx bench/seed-matching.ts <persist dir> [count]
 *
 * The local D1 database must already be migrated (wrangler d1 migrations apply --local).
 * Matching reads only creators, creator_features, creator_risk_flags, creator_niches and
 * affinity_df, so that is what is written: raw posts for 500 000 creators would take minutes
 * to insert and are never read by the route under test. Values are deterministic (seeded
 * PRNG) and shaped like the demo seeder's: wilayas weighted towards the big cities, 1–3
 * niches, followers log-uniform between 2 000 and 200 000, engagement around the tier
 * benchmarks, comment mixes, ad load, half the creators with an audience breakdown, 3 % with
 * a risk flag.
 *
 * Fast at 500 000 (one transaction, node:sqlite): the triggers of creators and
 * creator_features and the matching indexes are dropped for the load and put back from their
 * own SQL after it (indexes built once, sorted); what the triggers would write —
 * creator_niches rows with their bounds, affinity_df counts — is written here instead, and
 * `npm run bench -- matching` checks the result (page one against every candidate scored,
 * bench/matching-exact.ts). Term vectors count each distinct caption's tokens once.
 */
import { DatabaseSync } from 'node:sqlite';
import { affinityTokens, nicheWords, termVectorOfCounts } from '../worker/domain/affinity';
import { d1File } from './d1-sqlite';
import { baseQuality, benchmarkFor } from '../worker/domain/matching';
import { featureBounds, FORMAT_BITS, FORMAT_SETS, NICHE_BITS } from '../worker/domain/match-bounds';
import { NICHES, FORMATS, type Niche } from '../worker/domain/taxonomy';

const [stateDir, countArg] = process.argv.slice(2);
if (!stateDir) {
	console.error('usage: tsx bench/seed-matching.ts <persist dir> [count]');
	process.exit(2);
}
const count = Number(countArg ?? 500_000);

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
db.exec('PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;');
const started = performance.now();
// Put aside the triggers that maintain creator_niches and affinity_df, and the secondary indexes the
// load would otherwise update row by row; restored from their own SQL below.
const aside = db
	.prepare(
		"SELECT type, name, sql FROM sqlite_master WHERE (type = 'trigger' AND tbl_name IN ('creators', 'creator_features')) OR (type = 'index' AND tbl_name IN ('creator_niches', 'creators', 'users') AND sql IS NOT NULL)"
	)
	.all() as { type: string; name: string; sql: string }[];
for (const o of aside) db.exec(`DROP ${o.type.toUpperCase()} "${o.name}"`);
const now = Date.now();
const insUser = db.prepare("INSERT OR IGNORE INTO users (id, email, name, role, locale, created_at) VALUES (?, ?, ?, 'creator', 'fr', ?)");
const insCreator = db.prepare(
	`INSERT OR IGNORE INTO creators (id, user_id, display_name, handle, wilaya, bio, niches, languages, rates, audience, rates_public, followers_total, created_at, updated_at)
	 VALUES (?, ?, ?, ?, ?, ?, ?, '["fr","ar"]', ?, ?, 0, ?, ?, ?)`
);
const insFeatures = db.prepare(
	`INSERT OR REPLACE INTO creator_features (creator_id, computed_at, engagement_by_format, sponsored_share, comment_mix, posts_last_90d, follower_growth_30d,
	   affinity_terms, risk_score, posts_total, comments_sampled, quality_score, bound_engagement, bound_comments, bound_load, bounds_followers)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
);
const insFlag = db.prepare('INSERT OR REPLACE INTO creator_risk_flags (creator_id, code, score, reason, computed_at) VALUES (?, ?, ?, ?, ?)');
const nicheColumns = [
	'niche',
	'creator_id',
	'wilaya',
	'followers_total',
	'niche_bit',
	'niches_mask',
	'priced',
	'breakdown',
	'bound_audience',
	'risk',
	...FORMAT_SETS.map((m) => `bound_e${m}`),
	'bound_comments',
	'bound_load'
];
const insNiche = db.prepare(`INSERT OR REPLACE INTO creator_niches (${nicheColumns.join(', ')}) VALUES (${nicheColumns.map(() => '?').join(', ')})`);
const insDf = db.prepare('INSERT INTO affinity_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df');
/** Tokens of each distinct text, counted once (the texts repeat across creators). */
const tokenCache = new Map<string, string[]>();
const tokensOf = (text: string) => {
	let tokens = tokenCache.get(text);
	if (!tokens) tokenCache.set(text, (tokens = affinityTokens(text)));
	return tokens;
};
const df = new Map<string, number>();

db.exec('BEGIN');
for (let i = 0; i < count; i++) {
	// Zero-padded: ids, emails and handles arrive in index order, so every B-tree insert appends.
	const n7 = String(i).padStart(7, '0');
	const id = `bench-cr-${n7}`;
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
	const counts = new Map<string, number>();
	for (const text of [bio, ...niches.map(nicheWords), ...captions]) for (const token of tokensOf(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
	const terms = termVectorOfCounts(counts);
	for (const term of Object.keys(terms)) df.set(term, (df.get(term) ?? 0) + 1);
	const bounds = featureBounds({ engagementByFormat: engagement, followers, commentMix: mix, commentsSampled: 120, sponsoredShare: sponsored, postsConsidered: 30 });
	const mask = niches.reduce((m, n) => m | NICHE_BITS[n as Niche], 0);
	const priced = FORMATS.reduce((m, f) => ((rates[f] ?? 0) > 0 ? m | FORMAT_BITS[f] : m), 0);
	// As the trigger computes it (migration match_bounds): 60 without a breakdown, else 200 × the positive shares + 1, at most 100.
	const shareSum = Object.values((audience as { wilayas?: Record<string, number> }).wilayas ?? {}).reduce((t, v) => t + Math.max(0, v), 0);
	const audienceBound = withBreakdown ? Math.min(100, Math.floor(200 * shareSum) + 1) : 60;
	for (const n of niches) {
		insNiche.run(n, id, wilaya, followers, NICHE_BITS[n as Niche], mask, priced, withBreakdown ? 1 : 0, audienceBound, risk, ...bounds.engagement, bounds.commentQuality, bounds.partnershipLoad);
	}
	insUser.run(`bench-user-${n7}`, `bench.${n7}@example.dz`, `Créateur ${i}`, now);
	insCreator.run(id, `bench-user-${n7}`, `Créateur ${i}`, `bench.${n7}`, wilaya, bio, JSON.stringify(niches), JSON.stringify(rates), JSON.stringify(audience), followers, now, now);
	insFeatures.run(
		id,
		now,
		JSON.stringify(engagement),
		sponsored,
		JSON.stringify(mix),
		20,
		null,
		JSON.stringify(terms),
		risk,
		30,
		120,
		quality,
		JSON.stringify(bounds.engagement),
		bounds.commentQuality,
		bounds.partnershipLoad,
		bounds.followers
	);
	if (flagged) insFlag.run(id, 'follower_spike', risk, JSON.stringify({ key: 'risk_follower_spike', params: { date: '2026-11-01', jump: 4000, percent: 12, times: 9.5 } }), now);
}
insDf.run('', count);
for (const [term, n] of df) insDf.run(term, n);
for (const o of aside) db.exec(o.sql);
db.exec('COMMIT');
db.exec('ANALYZE');
db.close();
console.log(`seeded ${count} creators with features in ${((performance.now() - started) / 1000).toFixed(1)} s`);
