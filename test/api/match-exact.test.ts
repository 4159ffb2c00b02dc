/**
 * The exact shortlist (issue 16, point 5): page one of a campaign's matches, as the service
 * reads it (bounds in creator_niches, batches, early stop: worker/services/match-shortlist.ts),
 * is the true top of every creator who passes the hard filters, scored with the same pure
 * functions (scoreCandidates) and sorted (compareScored). 320 creators written through the
 * triggers (inserts, then changes of followers, rates, audience, niches and features, deleted
 * features), odd stored values, observed niches, doubtful engagement, past partnerships; 90
 * random campaigns with random, default and near-default weights, first reads and scans cut
 * short so that the stopping rule, further reads and every kind of scan run.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { creatorTermVector, nicheWords } from '../../worker/domain/affinity';
import type { CampaignFields } from '../../worker/domain/campaign-rules';
import { compareScored, scoreCandidates, shares, type CandidateRow } from '../../worker/domain/match-candidates';
import { featureBounds, FORMAT_SETS, NICHE_BITS, RANK_WEIGHTS } from '../../worker/domain/match-bounds';
import { benchmarkFor, CRITERIA, DEFAULT_WEIGHTS, ESTIMATED_IN_TARGET, RISK_PENALTY_PER_POINT, type MatchWeights } from '../../worker/domain/matching';
import { AGE_BANDS, FORMATS, NICHES, type Niche } from '../../worker/domain/taxonomy';
import { rankCandidates, ROW_COLUMNS, ROWS_FROM } from '../../worker/services/match-shortlist';
import { rowFields } from '../../worker/services/campaigns';
import { brandAccount, createCampaign } from './factories';

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
const rand = mulberry32(20261206);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const some = <T>(xs: readonly T[], min: number, max: number): T[] => [...xs].sort(() => rand() - 0.5).slice(0, min + Math.floor(rand() * (max - min + 1)));

const WILAYAS = ['16', '09', '31', '25', '19'];
const TOPICS: Niche[] = ['beauty', 'fashion', 'food', 'tech', 'lifestyle'];
const WORDS: Record<string, string[]> = {
	beauty: ['routine skincare', 'sérum vitamine C', 'maquillage naturel', 'مكياج سهل'],
	fashion: ['outfit du jour', 'veste en jean', 'إطلالة بسيطة'],
	food: ['chorba frik', 'gâteau sans four', 'بوراك بالدجاج'],
	tech: ['unboxing écouteurs', 'smartphone pas cher', 'أفضل هاتف'],
	lifestyle: ['ma journée', 'vlog Alger', 'favoris du mois']
};
const N = 320;
const now = Date.now();

function features(followers: number, niches: string[]) {
	const tier = benchmarkFor(followers);
	const engagement: Record<string, { posts: number; engagementRate: number; avgViews: number; avgReach: number }> = {};
	for (const f of FORMATS) {
		if (rand() < 0.35) continue;
		engagement[f] = { posts: 1 + Math.floor(rand() * 10), engagementRate: Math.round(tier.median[f] * (0.3 + rand() * 2.2) * 10_000) / 10_000, avgViews: 1000, avgReach: 800 };
	}
	const intent = rand() * 0.35;
	const generic = rand() * 0.5;
	const mix = { purchase_intent: intent, positive: (1 - intent - generic) * 0.8, generic, spam: rand() * 0.05, negative: (1 - intent - generic) * 0.2 };
	const sampled = pick([0, 8, 40, 120]);
	const postsTotal = pick([0, 5, 12, 30, 45]);
	const sponsored = Math.round(rand() * 0.6 * 100) / 100;
	const texts = [...niches.map(nicheWords), ...niches.flatMap((n) => Array.from({ length: 4 }, () => pick(WORDS[n] ?? ['vlog'])))];
	const bounds = featureBounds({ engagementByFormat: engagement, followers, commentMix: mix, commentsSampled: sampled, sponsoredShare: sponsored, postsConsidered: Math.min(30, postsTotal) });
	return { engagement, mix, sampled, postsTotal, sponsored, terms: creatorTermVector(texts), bounds, risk: rand() < 0.15 ? Math.floor(rand() * 90) : 0 };
}

/** As creator-stats.ts writes them: insert or update in place (the affinity_df triggers count updates right). */
function writeFeatures(id: string, followers: number, niches: string[], opts: { computeBounds: boolean; observed?: string }) {
	const f = features(followers, niches);
	return env.DB.prepare(
		`INSERT INTO creator_features (creator_id, computed_at, engagement_by_format, sponsored_share, comment_mix, posts_last_90d, affinity_terms, risk_score,
		   posts_total, comments_sampled, observed_niches, bound_engagement, bound_comments, bound_load, bounds_followers)
		 VALUES (?1, ?2, ?3, ?4, ?5, 10, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
		 ON CONFLICT (creator_id) DO UPDATE SET engagement_by_format = excluded.engagement_by_format, sponsored_share = excluded.sponsored_share,
		   comment_mix = excluded.comment_mix, affinity_terms = excluded.affinity_terms, risk_score = excluded.risk_score, posts_total = excluded.posts_total,
		   comments_sampled = excluded.comments_sampled, observed_niches = excluded.observed_niches, bound_engagement = excluded.bound_engagement,
		   bound_comments = excluded.bound_comments, bound_load = excluded.bound_load, bounds_followers = excluded.bounds_followers`
	).bind(
		id,
		now,
		JSON.stringify(f.engagement),
		f.sponsored,
		JSON.stringify(f.mix),
		JSON.stringify(f.terms),
		f.risk,
		f.postsTotal,
		f.sampled,
		opts.observed ? JSON.stringify([{ niche: opts.observed, confidence: 0.8, words: [] }]) : '[]',
		opts.computeBounds ? JSON.stringify(f.bounds.engagement) : '[]',
		opts.computeBounds ? f.bounds.commentQuality : 100,
		opts.computeBounds ? f.bounds.partnershipLoad : 100,
		opts.computeBounds ? followers : null
	);
}

const AUDIENCES = [
	() => ({}),
	() => ({ wilayas: { [pick(WILAYAS)]: Math.round(rand() * 60) / 100, '16': 0.1 }, ageBands: { '18-24': 0.5, '25-34': 0.3 }, countryShareDZ: 0.9 }),
	() => ({ wilayas: { [pick(WILAYAS)]: Math.round(rand() * 90) / 100 } }),
	() => ({ wilayas: [] }),
	() => ({ wilayas: { '16': '0.5' } }),
	() => ({ countryShareDZ: 0.7 })
];
const RATES = [() => ({ reel: 12000, story: 5000 }), () => ({ post: 8000 }), () => ({ live: 20000, reel: 0 }), () => ({ story: '5000' }), () => ({ reel: 9000, post: 7000, live: 1 })];

/** A campaign over every test wilaya and almost any follower count: most creators are candidates. */
function wideCampaign(id: string, title: string, formats: CampaignFields['formats'], niches: Niche[]): CampaignFields & { id: string } {
	return {
		id,
		title,
		objective: 'whatsapp_sales',
		offer: 'Pack découverte -20 %',
		brief: { keyMessages: [], dos: [], donts: [], angle: '' },
		formats,
		wilayas: WILAYAS,
		niches,
		ageBands: [],
		followerMin: 1000,
		followerMax: 1_000_000,
		budgetDzd: 100_000,
		reuseRightsDays: 30,
		startsAt: null,
		endsAt: null,
		applyBy: null
	};
}

const ROWS_SQL = `SELECT ${ROW_COLUMNS} ${ROWS_FROM}`;

/** The truth, from the rows themselves: idf over every creator_features row, partnerships counted here. */
async function everyone() {
	const rows = (await env.DB.prepare(ROWS_SQL).all<CandidateRow>()).results;
	const df = new Map<string, number>();
	let n = 0;
	for (const r of (await env.DB.prepare('SELECT affinity_terms FROM creator_features').all<{ affinity_terms: string }>()).results) {
		n += 1;
		for (const term of Object.keys(shares(JSON.parse(r.affinity_terms)))) df.set(term, (df.get(term) ?? 0) + 1);
	}
	return { rows, collection: { df, n } };
}

describe('the exact shortlist', () => {
	const partnered: { creatorId: string; niches: string[]; campaignId: string }[] = [];
	let brand: Awaited<ReturnType<typeof brandAccount>>;

	beforeAll(async () => {
		const creators: { id: string; followers: number; niches: string[] }[] = [];
		const inserts: D1PreparedStatement[] = [];
		for (let i = 0; i < N; i++) {
			const id = `exact-${String(i).padStart(3, '0')}`;
			const niches = some(TOPICS, 1, 3);
			const followers = Math.round(Math.exp(Math.log(2_000) + rand() * Math.log(100)));
			creators.push({ id, followers, niches });
			inserts.push(
				env.DB.prepare("INSERT INTO users (id, email, name, role, locale, created_at) VALUES (?1, ?2, ?3, 'creator', 'fr', ?4)").bind(`u-${id}`, `${id}@example.dz`, id, now),
				env.DB.prepare(
					`INSERT INTO creators (id, user_id, display_name, handle, wilaya, bio, niches, languages, rates, audience, rates_public, followers_total, created_at, updated_at)
					 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, '["fr"]', ?7, ?8, 0, ?9, ?10, ?10)`
				).bind(id, `u-${id}`, id, id, pick(WILAYAS), JSON.stringify(niches), JSON.stringify(pick(RATES)()), JSON.stringify(pick(AUDIENCES)()), followers, now)
			);
			// 5 % without features; 10 % with features whose bounds were never computed; 4 % whose content is about another niche.
			const roll = rand();
			if (roll >= 0.05)
				inserts.push(writeFeatures(id, followers, niches, { computeBounds: roll >= 0.15, observed: roll >= 0.15 && roll < 0.19 ? pick(TOPICS.filter((t) => !niches.includes(t))) : undefined }));
			// A third with a track record on Wasla (the sixth criterion), the others without one (left out of the mean).
			if (rand() < 0.33) {
				const campaigns = 1 + Math.floor(rand() * 4);
				const published = campaigns + Math.floor(rand() * 3);
				inserts.push(
					env.DB.prepare(
						`INSERT INTO creator_track_records (creator_id, computed_at, campaigns, published, on_time, disclosed, views_ratio, views_compared, fees_dzd, orders, orders_amount_dzd)
						 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`
					).bind(
						id,
						now,
						campaigns,
						published,
						Math.floor(rand() * (published + 1)),
						Math.floor(rand() * (published + 1)),
						rand() < 0.2 ? null : 0.3 + rand() * 2,
						Math.floor(rand() * (published + 1)),
						10000 * campaigns,
						Math.floor(rand() * 12),
						3000 * Math.floor(rand() * 12)
					)
				);
			}
			if (rand() < 0.05) inserts.push(env.DB.prepare("INSERT INTO creator_risk_flags (creator_id, code, score, reason, computed_at) VALUES (?1, 'engagement_incoherent', 40, '{}', ?2)").bind(id, now));
		}
		for (let i = 0; i < inserts.length; i += 200) await env.DB.batch(inserts.slice(i, i + 200));

		// Then the changes every trigger must follow.
		const changes: D1PreparedStatement[] = [];
		for (const c of creators.slice(0, 40)) {
			const what = rand();
			if (what < 0.2) changes.push(env.DB.prepare('UPDATE creators SET followers_total = followers_total * 2 WHERE id = ?1').bind(c.id));
			else if (what < 0.4) changes.push(env.DB.prepare('UPDATE creators SET rates = ?2 WHERE id = ?1').bind(c.id, JSON.stringify(pick(RATES)())));
			else if (what < 0.6) changes.push(env.DB.prepare('UPDATE creators SET audience = ?2 WHERE id = ?1').bind(c.id, JSON.stringify(pick(AUDIENCES)())));
			else if (what < 0.75) changes.push(env.DB.prepare('UPDATE creators SET niches = ?2 WHERE id = ?1').bind(c.id, JSON.stringify(some(TOPICS, 1, 3))));
			else if (what < 0.95) changes.push(writeFeatures(c.id, c.followers, c.niches, { computeBounds: true }));
			else changes.push(env.DB.prepare('DELETE FROM creator_features WHERE creator_id = ?1').bind(c.id));
		}
		await env.DB.batch(changes);

		// Past partnerships in some niches (another brand's campaigns).
		brand = await brandAccount('Exact Cosmétiques');
		const other = await brandAccount('Ancienne Marque');
		for (const niches of [['beauty'], ['food', 'tech']] as Niche[][]) {
			const campaignId = await createCampaign(env, { brandId: other.brandId, niches, status: 'closed' });
			for (const c of some(creators, 6, 10)) {
				await env.DB.prepare("INSERT INTO applications (id, campaign_id, creator_id, pitch, fee_dzd, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'pitch', 10000, 'accepted', ?4, ?4)")
					.bind(crypto.randomUUID(), campaignId, c.id, now)
					.run();
				partnered.push({ creatorId: c.id, niches, campaignId });
			}
		}
	});

	const partnershipsFor = (campaign: { id: string; niches: string[] }) => {
		const out = new Map<string, number>();
		for (const p of partnered) if (p.campaignId !== campaign.id && p.niches.some((n) => campaign.niches.includes(n))) out.set(p.creatorId, (out.get(p.creatorId) ?? 0) + 1);
		return out;
	};

	it('keeps affinity_df equal to the document frequencies of creator_features, through inserts, updates and deletes', async () => {
		const { collection } = await everyone();
		const stored = (await env.DB.prepare('SELECT term, df FROM affinity_df WHERE df > 0').all<{ term: string; df: number }>()).results;
		expect(new Map(stored.filter((r) => r.term !== '').map((r) => [r.term, r.df]))).toEqual(collection.df);
		expect(stored.find((r) => r.term === '')?.df).toBe(collection.n);
	});

	it('has the niche bits of the taxonomy in match_niche_bits', async () => {
		const rows = (await env.DB.prepare('SELECT niche, bit FROM match_niche_bits ORDER BY bit').all<{ niche: string; bit: number }>()).results;
		expect(Object.fromEntries(rows.map((r) => [r.niche, r.bit]))).toEqual(NICHE_BITS);
		expect(rows.map((r) => r.niche)).toEqual([...NICHES]);
	});

	it('keeps rank_key equal to its definition with RANK_WEIGHTS (match-bounds.ts)', async () => {
		const rows = (await env.DB.prepare('SELECT * FROM creator_niches').all<Record<string, number>>()).results;
		expect(rows.length).toBeGreaterThan(N);
		for (const r of rows) {
			const engagement = Math.max(...FORMAT_SETS.map((set) => r[`bound_e${set}`]));
			const expected =
				RANK_WEIGHTS.engagement * engagement +
				RANK_WEIGHTS.commentQuality * r.bound_comments +
				RANK_WEIGHTS.partnershipLoad * r.bound_load +
				RANK_WEIGHTS.audienceFit * Math.max(r.bound_audience, ESTIMATED_IN_TARGET + (100 - ESTIMATED_IN_TARGET) * r.breakdown) -
				RISK_PENALTY_PER_POINT * r.risk;
			expect(r.rank_key).toBeCloseTo(expected, 9);
		}
		// What the index's weights are: the default ones (a campaign with them reads the least).
		for (const c of Object.keys(RANK_WEIGHTS) as (keyof typeof RANK_WEIGHTS)[]) expect(RANK_WEIGHTS[c]).toBeCloseTo(DEFAULT_WEIGHTS[c] / 100, 9);
	});

	it('gives page one of 90 random campaigns exactly as scoring every candidate would', async () => {
		const { rows, collection } = await everyone();
		let multiRead = 0;
		const kinds = { drain: 0, range: 0, deeper: 0 };
		for (let i = 0; i < 90; i++) {
			const followerMin = Math.round(Math.exp(Math.log(1_500) + rand() * Math.log(40)));
			const campaign: CampaignFields & { id: string } = {
				id: `campaign-${i}`,
				title: pick(['Sérum vitamine C : routine skincare', 'Veste en jean et outfit', 'Smartphone pas cher', 'Chorba et gâteau']),
				objective: 'whatsapp_sales',
				offer: 'Pack découverte -20 %',
				brief: { keyMessages: [], dos: [], donts: [], angle: '' },
				formats: some(FORMATS, 1, 4),
				wilayas: some(WILAYAS, 1, 5),
				niches: some(TOPICS, 1, 5),
				ageBands: rand() < 0.3 ? some(AGE_BANDS, 1, 2) : [],
				followerMin,
				followerMax: Math.round(followerMin * (2 + rand() * 60)),
				budgetDzd: 100_000,
				reuseRightsDays: 30,
				startsAt: null,
				endsAt: null,
				applyBy: null
			};
			// Random weights (rank_key then bounds loosely: most of the index is read), the default
			// ones and weights near them (the index's order stops the scans early).
			const shape = i % 3;
			const weights =
				shape === 0
					? (Object.fromEntries(CRITERIA.map((c) => [c, rand() < 0.15 ? 0 : Math.floor(rand() * 101)])) as MatchWeights)
					: shape === 1
						? { ...DEFAULT_WEIGHTS }
						: (Object.fromEntries(CRITERIA.map((c) => [c, Math.max(0, DEFAULT_WEIGHTS[c] + Math.floor(rand() * 9) - 4)])) as MatchWeights);
			if (CRITERIA.every((c) => weights[c] === 0)) weights.affinity = 10;
			const offset = pick([0, 0, 3]);
			const limit = pick([5, 10, 30]);
			const truth = scoreCandidates(campaign, rows, partnershipsFor(campaign), weights, collection)
				.sort(compareScored)
				.slice(offset, offset + limit)
				.map((s) => [s.row.id, s.total.score]);
			// Short first reads and scans, so that further reads, deeper and range scans and drains
			// all run; sometimes too few partners read up front (unread ones bounded by the most).
			const ranked = await rankCandidates(env.DB, campaign, weights, {
				limit,
				offset,
				margin: i % 2,
				perScan: pick([3, 8, 20, undefined]),
				partners: i % 4 === 0 ? 2 : undefined
			});
			if (ranked.reads > 1) multiRead += 1;
			for (const kind of ['drain', 'range', 'deeper'] as const) kinds[kind] += ranked.kinds[kind];
			const page = ranked.scored.slice(offset, offset + limit).map((s) => [s.row.id, s.total.score]);
			expect(page, `campaign ${i}: ${JSON.stringify({ ...campaign, weights })}`).toEqual(truth);
		}
		// The stopping rule was put to work: most campaigns needed more than the first read, and
		// every kind of later scan ran.
		expect(multiRead).toBeGreaterThan(30);
		expect(kinds.drain).toBeGreaterThan(0);
		expect(kinds.range).toBeGreaterThan(0);
		expect(kinds.deeper).toBeGreaterThan(0);
	});

	it('counts the candidates up to a cap and says when there are more', async () => {
		const { rows, collection } = await everyone();
		const campaign = wideCampaign('campaign-count', 'Veste en jean et outfit', ['reel', 'story', 'post', 'live'], TOPICS);
		// What passes the hard filters in SQL (the count does not read the rows; fits() may still
		// leave out a row whose stored values disagree, such as a rate written as text).
		const all = (await env.DB.prepare('SELECT count(*) AS n FROM creators WHERE wilaya IS NOT NULL').first<{ n: number }>())!.n;
		expect(scoreCandidates(campaign, rows, partnershipsFor(campaign), DEFAULT_WEIGHTS, collection).length).toBeGreaterThan(100);
		const exact = await rankCandidates(env.DB, campaign, DEFAULT_WEIGHTS, { limit: 10, offset: 0 });
		expect([exact.total, exact.totalCapped]).toEqual([all, false]);
		const capped = await rankCandidates(env.DB, campaign, DEFAULT_WEIGHTS, { limit: 10, offset: 0, totalCap: 100 });
		expect([capped.total, capped.totalCapped]).toEqual([100, true]);
		expect((await rankCandidates(env.DB, campaign, DEFAULT_WEIGHTS, { limit: 10, offset: 0, totalCap: all })).totalCapped).toBe(false);
		// The page itself does not depend on the count.
		expect(capped.scored.slice(0, 10).map((s) => s.row.id)).toEqual(exact.scored.slice(0, 10).map((s) => s.row.id));
	});

	it('scores exactly the creators asked for in the comparison view', async () => {
		const { rows, collection } = await everyone();
		const campaign = wideCampaign('campaign-compare', 'Sérum vitamine C : routine skincare', ['reel', 'story', 'post'], ['beauty', 'fashion', 'lifestyle']);
		const truth = scoreCandidates(campaign, rows, partnershipsFor(campaign), DEFAULT_WEIGHTS, collection).sort(compareScored);
		const ids = [truth[7].row.id, truth[0].row.id, truth[40].row.id, 'exact-missing'];
		const ranked = await rankCandidates(env.DB, campaign, DEFAULT_WEIGHTS, { limit: 10, offset: 0, ids });
		expect(ranked.scored.map((s) => [s.row.id, s.total.score])).toEqual([truth[0], truth[7], truth[40]].map((s) => [s.row.id, s.total.score]));
	});

	it('answers the route with the same page', async () => {
		const { rows, collection } = await everyone();
		const campaignId = await createCampaign(env, {
			brandId: brand.brandId,
			wilayas: ['16', '09', '31'],
			niches: ['beauty', 'fashion'],
			formats: ['reel', 'story'],
			followerMin: 2000,
			followerMax: 150000
		});
		const row = await env.DB.prepare('SELECT * FROM campaigns WHERE id = ?1').bind(campaignId).first();
		const campaign = { id: campaignId, ...rowFields(row as never) };
		const truth = scoreCandidates(campaign, rows, partnershipsFor(campaign), DEFAULT_WEIGHTS, collection).sort(compareScored).slice(0, 10);
		const res = await brand.client.call(`/campaigns/${campaignId}/matches?limit=10`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { matches: { creatorId: string; score: number }[] };
		expect(body.matches.map((m) => [m.creatorId, m.score])).toEqual(truth.map((s) => [s.row.id, s.total.score]));
	});
});
