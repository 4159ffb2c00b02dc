/**
 * Risk signals (issue 4, point 3): hand-computed expectations for each signal, then the
 * measured recall and false-positive rate on (a) a seeded generator of clean and anomalous
 * 90-day histories and engagement sets and (b) the demo seeder's injected anomalies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	assessRisk,
	audienceAbroad,
	engagementIncoherent,
	followerSpike,
	genericComments,
	median,
	riskSummary,
	robustSigma,
	type EngagementPost,
	type FollowerPoint,
	type RiskFlag
} from '../../worker/domain/risk-signals';
import { t, isMessageKey } from '../../worker/i18n';
import { generateSeed, type SeedData } from '../../db/seed/generate';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-08-29T00:00:00Z');
const dateOf = (d: number) => new Date(START + d * DAY_MS).toISOString().slice(0, 10);

// ------------------------------------------------------------------ deterministic PRNG
function mulberry32(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let x = a;
		x = Math.imul(x ^ (x >>> 15), x | 1);
		x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}
type Rand = () => number;
const uniform = (r: Rand, a: number, b: number) => a + (b - a) * r();
const normal = (r: Rand) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

interface History {
	points: FollowerPoint[];
	postDates: string[];
	spikeDays: number[];
}

/**
 * A clean 90-day history: organic growth of 0.03–0.3 %/day with noise, a weekly rhythm
 * (Friday/Saturday, the Algerian weekend, grow more and get more posts), growth boosted the
 * day of a post and the day after, occasional viral posts (+0.8–2.5 % in a day, a post that
 * day) and occasional unfollow dips. Anomalous: 1–2 jumps of +10–40 % (sometimes spread
 * over two days) on days without a post.
 */
function history(r: Rand, anomalous: boolean, jumps: readonly [number, number] = [0.1, 0.4]): History {
	let followers = Math.exp(uniform(r, Math.log(2_000), Math.log(300_000)));
	const rate = uniform(r, 0.0003, 0.003);
	const posted: boolean[] = [];
	for (let d = 0; d < 90; d++) {
		const weekday = new Date(START + d * DAY_MS).getUTCDay();
		const weekend = weekday === 5 || weekday === 6;
		posted.push(r() < (weekend ? 0.5 : 0.3));
	}
	const spikes: { day: number; jump: number; days: number }[] = [];
	if (anomalous) {
		const count = r() < 0.5 ? 1 : 2;
		for (let k = 0; k < count; k++) {
			const day = Math.floor(uniform(r, 10, 86));
			if (spikes.some((s) => Math.abs(s.day - day) < 4)) continue;
			spikes.push({ day, jump: uniform(r, jumps[0], jumps[1]), days: r() < 0.3 ? 2 : 1 });
		}
		for (const s of spikes) for (let i = 0; i < s.days; i++) posted[s.day + i] = false;
	}
	const points: FollowerPoint[] = [{ date: dateOf(0), followers: Math.round(followers) }];
	for (let d = 1; d < 90; d++) {
		const weekday = new Date(START + d * DAY_MS).getUTCDay();
		const weekly = weekday === 5 || weekday === 6 ? 1.3 : 0.9;
		const postBoost = posted[d] || posted[d - 1] ? 1.6 : 0.7;
		let g = rate * weekly * postBoost + rate * 0.8 * normal(r);
		if (posted[d] && r() < 0.04) g += uniform(r, 0.008, 0.025); // a viral post
		if (r() < 0.03) g -= uniform(r, 0.001, 0.004); // an unfollow wave
		for (const s of spikes) if (d >= s.day && d < s.day + s.days) g += Math.pow(1 + s.jump, 1 / s.days) - 1;
		followers *= 1 + g;
		points.push({ date: dateOf(d), followers: Math.round(followers) });
	}
	return { points, postDates: posted.flatMap((p, d) => (p ? [`${dateOf(d)}T18:00:00.000Z`] : [])), spikeDays: spikes.map((s) => s.day) };
}

/** 20–30 posts with the insight ratios of real accounts; anomalous sets have likes above reach on most posts. */
function engagementSet(r: Rand, anomalous: boolean): { posts: EngagementPost[]; followers: number } {
	const followers = Math.round(Math.exp(uniform(r, Math.log(2_000), Math.log(300_000))));
	const tier = Math.min(1.4, Math.max(0.75, Math.pow(20_000 / followers, 0.15)));
	const posts: EngagementPost[] = [];
	const n = Math.floor(uniform(r, 20, 31));
	const tinyViews = r() < 0.5;
	for (let i = 0; i < n; i++) {
		const format = ['reel', 'post', 'story', 'live'][Math.floor(r() * 4)];
		const reachShare = { reel: [0.2, 0.6], post: [0.15, 0.4], story: [0.05, 0.15], live: [0.02, 0.08] }[format]!;
		const reach = Math.max(1, Math.round(followers * uniform(r, reachShare[0], reachShare[1]) * (format === 'reel' && r() < 0.05 ? 2 : 1)));
		let p: EngagementPost = {
			format,
			reach,
			views: Math.round(reach * uniform(r, 1, 2)),
			likes: Math.round(reach * uniform(r, 0.02, 0.09) * tier),
			comments: Math.round(reach * uniform(r, 0.002, 0.015) * tier),
			saves: Math.round(reach * uniform(r, 0, 0.02)),
			shares: Math.round(reach * uniform(r, 0, 0.01))
		};
		if (anomalous && r() < 0.85) {
			p = { ...p, likes: Math.round(reach * uniform(r, 1.2, 2.8)), comments: Math.round(reach * uniform(r, 0.04, 0.12)), views: tinyViews ? Math.round(reach * uniform(r, 0.15, 0.5)) : p.views };
		}
		posts.push(p);
	}
	return { posts, followers };
}

const rate = (hits: number, total: number) => Math.round((hits / total) * 1000) / 1000;

// ------------------------------------------------------------------ hand-computed cases
describe('robust statistics', () => {
	it('median and scaled MAD', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		// deviations from 3: 2,1,0,1,97 → MAD 1 → σ 1.4826
		expect(robustSigma([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 6);
	});
});

describe('followerSpike', () => {
	/** 30 days of +10/+12/+8 growth from 10 000, a +2 000 jump on day 20. */
	function steady(jumpDay: number | null, jump = 2_000): FollowerPoint[] {
		const pts: FollowerPoint[] = [{ date: dateOf(0), followers: 10_000 }];
		for (let d = 1; d < 30; d++) pts.push({ date: dateOf(d), followers: pts[d - 1].followers + [10, 12, 8][d % 3] + (d === jumpDay ? jump : 0) });
		return pts;
	}

	it('flags an unexplained jump and cites the day, the jump and the multiple of the usual change', () => {
		const pts = steady(20);
		const flag = followerSpike(pts, [dateOf(5), dateOf(10)]);
		// day 20: 2 000 + [10,12,8][20 % 3 = 2] = 2 008
		const before = pts[19].followers;
		expect(pts[20].followers - before).toBe(2_008);
		// median |delta| = 10 → 201×; percent = 2 008 / before
		expect(flag).toEqual({
			code: 'follower_spike',
			score: Math.min(100, Math.round(40 + (2 * Math.round((2_008 / before) * 1000)) / 10 + 10)),
			reason: { key: 'risk_follower_spike_no_post', params: { date: dateOf(20), jump: 2_008, percent: Math.round((2_008 / before) * 1000) / 10, times: 201, z: expect.any(Number) } }
		});
		// before = 10 000 + 6×10 + 7×12 + 6×8 = 10 192 → 19.7 % → 40 + 39.4 + 10 = 89.4 → 89
		expect(before).toBe(10_192);
		expect(flag!.score).toBe(89);
	});

	it('uses the stricter threshold when a post explains the day, and still flags a +20 % jump', () => {
		const flag = followerSpike(steady(20), [dateOf(20)]);
		expect(flag?.reason.key).toBe('risk_follower_spike');
		expect(flag?.score).toBe(79);
	});

	it('ignores steady growth, small jumps, drops, and short histories', () => {
		expect(followerSpike(steady(null), [])).toBeNull();
		// +200 on a 10 000 account: z is huge but 2 % < 3 % and < 500
		expect(followerSpike(steady(20, 200), [])).toBeNull();
		// a follower purge (drop) is not a spike
		expect(followerSpike(steady(20, -3_000), [])).toBeNull();
		expect(followerSpike(steady(20).slice(0, 10), [])).toBeNull();
		expect(followerSpike([], [])).toBeNull();
	});

	it('flags a big account’s +600 without a post but not with one (+600 on 100k is 0.6 %)', () => {
		const pts: FollowerPoint[] = [{ date: dateOf(0), followers: 100_000 }];
		for (let d = 1; d < 30; d++) pts.push({ date: dateOf(d), followers: pts[d - 1].followers + [40, 50, 60][d % 3] + (d === 15 ? 600 : 0) });
		expect(followerSpike(pts, [])?.reason.key).toBe('risk_follower_spike_no_post');
		expect(followerSpike(pts, [dateOf(15)])).toBeNull();
	});

	it('spreads the change over gaps in the history', () => {
		const pts = steady(null).filter((_, d) => d % 2 === 0);
		expect(followerSpike(pts, [])).toBeNull();
	});
});

describe('engagementIncoherent', () => {
	const ok: EngagementPost = { format: 'reel', views: 6_000, reach: 4_000, likes: 200, comments: 20, saves: 30, shares: 10 };

	it('flags likes above reach on a third or more of the posts', () => {
		const bad: EngagementPost = { ...ok, likes: 6_000 }; // 1.5 likes per account reached
		const flag = engagementIncoherent([ok, ok, bad, bad], 20_000);
		// 2 of 4 → 40 + 60 × 0.5 = 70
		expect(flag).toEqual({ code: 'engagement_incoherent', score: 70, reason: { key: 'risk_engagement_likes_reach', params: { count: 2, total: 4, ratio: 1.5 } } });
	});

	it('flags likes far above views and more comments than likes', () => {
		const tiny: EngagementPost = { ...ok, reach: null, views: 300, likes: 250 };
		expect(engagementIncoherent([tiny, tiny, ok], 20_000)?.reason).toEqual({ key: 'risk_engagement_likes_views', params: { count: 2, total: 3, ratio: 0.8 } });
		const chatty: EngagementPost = { ...ok, likes: 100, comments: 300 };
		expect(engagementIncoherent([chatty, chatty, ok], 20_000)?.reason).toEqual({ key: 'risk_engagement_comments_likes', params: { count: 2, total: 3, ratio: 3 } });
	});

	it('flags a median engagement far above the tier ceiling', () => {
		// micro tier (10–50k): high 4 % → ceiling 16 %; (3 500 + 100) / 20 000 = 18 %
		const loud: EngagementPost = { ...ok, reach: 20_000, views: 40_000, likes: 3_500, comments: 100 };
		const flag = engagementIncoherent([loud, loud, loud], 20_000);
		expect(flag?.reason).toEqual({ key: 'risk_engagement_tier', params: { rate: 18, ceiling: 16, tierMin: 10_000, tierMax: 50_000, times: 4.5 } });
		// 40 + 10 × 18/16 = 51.25 → 51
		expect(flag?.score).toBe(51);
	});

	it('leaves coherent profiles and a single odd post alone', () => {
		expect(engagementIncoherent([ok, ok, ok, ok], 20_000)).toBeNull();
		expect(engagementIncoherent([ok, ok, ok, ok, { ...ok, likes: 5_000 }], 20_000)).toBeNull();
		expect(engagementIncoherent([], 20_000)).toBeNull();
	});
});

describe('genericComments', () => {
	const intent = 'chhal le prix ? livraison l wahran ?';
	it('flags when generic comments (emoji alone among them) are 60 % or more', () => {
		const comments = [...Array(7).fill('🔥🔥🔥'), ...Array(3).fill(intent)];
		// 7 of 10 = 70 % → 40 + 60 × 0.1 / 0.4 = 55
		expect(genericComments(comments)).toEqual({ code: 'generic_comments', score: 55, reason: { key: 'risk_generic_comments', params: { percent: 70, count: 7, total: 10 } } });
	});
	it('counts praise that names nothing of the post (API.md "Comment labels"), not praise about it, nor spam', () => {
		const pod = ['trop stylé 😘', 'rabi y7fdek', 'so cute', '😍😍😍', 'ما شاء الله', 'bravo', 'magnifique ❤️'];
		const specific = ['le gloss rend super bien sur toi', 'نحب الطريقة لي تشرحي بيها', 'the colour suits you'];
		// 7 generic of 10 → flagged, 70 %
		expect(genericComments([...pod, ...specific])).toMatchObject({ code: 'generic_comments', reason: { params: { percent: 70, count: 7, total: 10 } } });
		// the same 7 praises said about the post: 0 generic
		expect(genericComments([...specific, ...specific, ...specific, 'superbe vidéo, on voit bien la texture'])).toBeNull();
		// spam is another label: 7 spam + 3 intent is not a generic share
		expect(genericComments([...Array(7).fill('follow me n3awdek follow'), ...Array(3).fill(intent)])).toBeNull();
	});
	it('stays quiet below the threshold or on too few comments', () => {
		expect(genericComments([...Array(5).fill('😍'), ...Array(5).fill(intent)])).toBeNull();
		expect(genericComments(Array(9).fill('😍'))).toBeNull();
	});
});

describe('audienceAbroad and riskSummary', () => {
	it('flags below 70 % in Algeria', () => {
		// 45 %: 40 + 100 × 0.25 = 65
		expect(audienceAbroad(0.45)).toEqual({ code: 'audience_abroad', score: 65, reason: { key: 'risk_audience_abroad', params: { percent: 45, threshold: 70 } } });
		expect(audienceAbroad(0.7)).toBeNull();
		expect(audienceAbroad(undefined)).toBeNull();
		expect(audienceAbroad(Number.NaN)).toBeNull();
	});
	it('max plus 10 per extra flag, capped at 100, strongest first', () => {
		const f = (score: number): RiskFlag => ({ code: 'audience_abroad', score, reason: { key: 'risk_audience_abroad', params: {} } });
		expect(riskSummary([])).toEqual({ score: 0, flags: [] });
		expect(riskSummary([null, f(50)]).score).toBe(50);
		expect(riskSummary([f(50), f(70), null, f(40)])).toMatchObject({ score: 90, flags: [{ score: 70 }, { score: 50 }, { score: 40 }] });
		expect(riskSummary([f(95), f(90)]).score).toBe(100);
	});
	it('every risk reason key has the same {placeholders} in fr, ar and en', () => {
		const marker = new Proxy({}, { get: (_, p) => `⟦${String(p)}⟧` }) as Record<string, string>;
		const keys = [
			'risk_follower_spike',
			'risk_follower_spike_no_post',
			'risk_engagement_likes_reach',
			'risk_engagement_likes_views',
			'risk_engagement_comments_likes',
			'risk_engagement_tier',
			'risk_generic_comments',
			'risk_audience_abroad'
		] as const;
		const used = (locale: 'fr' | 'ar' | 'en', key: (typeof keys)[number]) => [...t(locale, key, marker).matchAll(/⟦(\w+)⟧/g)].map((m) => m[1]).sort();
		for (const key of keys) {
			expect(used('fr', key).length, key).toBeGreaterThan(0);
			expect(used('ar', key), key).toEqual(used('fr', key));
			expect(used('en', key), key).toEqual(used('fr', key));
		}
	});

	it('every reason key exists and renders with its numbers in fr, ar and en', () => {
		const flag = audienceAbroad(0.45)!;
		expect(isMessageKey(flag.reason.key)).toBe(true);
		expect(t('fr', flag.reason.key, flag.reason.params)).toBe('Seulement 45 % de l’audience en Algérie (seuil 70 %).');
		expect(t('ar', flag.reason.key, flag.reason.params)).toContain('45');
		expect(t('en', flag.reason.key, flag.reason.params)).toBe('Only 45 % of the audience is in Algeria (threshold 70 %).');
	});
});

// ------------------------------------------------------------------ measured on the generator
describe('measured on generated histories', () => {
	const N = 500;

	it(`follower_spike: recall on ${N} anomalous, false positives on ${N} clean histories`, () => {
		const r = mulberry32(20261126);
		let hits = 0;
		let fps = 0;
		for (let i = 0; i < N; i++) {
			const h = history(r, true);
			if (followerSpike(h.points, h.postDates)) hits++;
		}
		for (let i = 0; i < N; i++) {
			const h = history(r, false);
			if (followerSpike(h.points, h.postDates)) fps++;
		}
		console.log(`[risk] generator follower_spike: recall ${rate(hits, N)} (${hits}/${N}), false positives ${rate(fps, N)} (${fps}/${N})`);
		// issue targets: recall ≥ 0.9, FP ≤ 5 %; measured 500/500 and 1/500, asserted near that level
		expect(hits / N).toBeGreaterThanOrEqual(0.99);
		expect(fps / N).toBeLessThanOrEqual(0.01);
	});

	it('follower_spike: recall by jump size, below the injected range (printed, the limit of the detector)', () => {
		const bands: [number, number][] = [
			[0.02, 0.03],
			[0.03, 0.05],
			[0.05, 0.1],
			[0.1, 0.2],
			[0.2, 0.4]
		];
		const r = mulberry32(99);
		const out = bands.map(([a, b]) => {
			let hits = 0;
			for (let i = 0; i < 200; i++) {
				const h = history(r, true, [a, b]);
				if (followerSpike(h.points, h.postDates)) hits++;
			}
			return `+${a * 100}–${b * 100} %: ${rate(hits, 200)}`;
		});
		console.log(`[risk] generator follower_spike recall by jump: ${out.join('; ')}`);
		expect(out).toHaveLength(bands.length);
	});

	it(`engagement_incoherent: recall on ${N} anomalous, false positives on ${N} clean sets`, () => {
		const r = mulberry32(4242);
		let hits = 0;
		let fps = 0;
		for (let i = 0; i < N; i++) {
			const s = engagementSet(r, true);
			if (engagementIncoherent(s.posts, s.followers)) hits++;
		}
		for (let i = 0; i < N; i++) {
			const s = engagementSet(r, false);
			if (engagementIncoherent(s.posts, s.followers)) fps++;
		}
		console.log(`[risk] generator engagement_incoherent: recall ${rate(hits, N)} (${hits}/${N}), false positives ${rate(fps, N)} (${fps}/${N})`);
		expect(hits / N).toBeGreaterThanOrEqual(0.99);
		expect(fps / N).toBeLessThanOrEqual(0.02);
	});
});

// ------------------------------------------------------------------ measured on the demo seeder
describe('measured on the demo seeder data', () => {
	const seeds = [2026, 7, 11];
	const datasets: SeedData[] = [];
	beforeAll(async () => {
		for (const seed of seeds) datasets.push(await generateSeed({ seed, anchorDate: '2026-11-26' }));
	}, 180_000);

	function perCreator(data: SeedData) {
		return data.creators.map((c) => {
			const points = data.followerPoints.filter((p) => p.creatorId === c.id && p.platform === 'instagram').map((p) => ({ date: p.date, followers: p.followers }));
			const posts = data.posts.filter((p) => p.creatorId === c.id && p.platform === 'instagram');
			const postIds = new Set(posts.map((p) => p.id));
			const comments = data.postComments.filter((pc) => postIds.has(pc.postId)).map((pc) => pc.text);
			const ig = data.creatorAccounts.find((a) => a.creatorId === c.id && a.platform === 'instagram')?.followers ?? c.followersTotal;
			const audience = JSON.parse(c.audience) as { countryShareDZ?: number };
			const kind = data.seedAnomalies.find((a) => a.creatorId === c.id)?.kind ?? null;
			const risk = assessRisk({
				followerPoints: points,
				posts: posts.map((p) => ({ ...p, postedAt: new Date(p.postedAt).toISOString() })),
				followers: ig,
				comments,
				countryShareDZ: audience.countryShareDZ
			});
			return { id: c.id, kind, risk, codes: new Set(risk.flags.map((f) => f.code)) };
		});
	}

	it('recall on the seeded anomalies and false positives on the clean creators', () => {
		const rows = datasets.flatMap(perCreator);
		const figures: Record<string, { recall: string; fp: string; r: number; f: number }> = {};
		for (const code of ['follower_spike', 'engagement_incoherent'] as const) {
			const injected = rows.filter((x) => x.kind === code);
			const clean = rows.filter((x) => x.kind === null);
			const hits = injected.filter((x) => x.codes.has(code)).length;
			const fps = clean.filter((x) => x.codes.has(code)).length;
			figures[code] = { recall: `${hits}/${injected.length}`, fp: `${fps}/${clean.length}`, r: hits / injected.length, f: fps / clean.length };
		}
		const clean = rows.filter((x) => x.kind === null);
		const incoherent = rows.filter((x) => x.kind === 'engagement_incoherent');
		console.log(
			`[risk] seeder engagement_incoherent profiles also flagged: generic_comments ${incoherent.filter((x) => x.codes.has('generic_comments')).length}/${incoherent.length}, ` +
				`audience_abroad ${incoherent.filter((x) => x.codes.has('audience_abroad')).length}/${incoherent.length}`
		);
		const anyFlag = clean.filter((x) => x.risk.flags.length > 0);
		const byCode = (code: RiskFlag['code']) => clean.filter((x) => x.codes.has(code)).length;
		console.log(
			`[risk] seeder (seeds ${seeds.join(', ')}): follower_spike recall ${figures.follower_spike.recall}, FP ${figures.follower_spike.fp}; ` +
				`engagement_incoherent recall ${figures.engagement_incoherent.recall}, FP ${figures.engagement_incoherent.fp}; ` +
				`clean creators with any flag ${anyFlag.length}/${clean.length} (generic_comments ${byCode('generic_comments')}, audience_abroad ${byCode('audience_abroad')})`
		);
		// issue targets: recall ≥ 0.9, FP ≤ 5 %; measured 24/24 and 0/915 for both, 1/915 clean creators with any flag
		expect(figures.follower_spike.r).toBe(1);
		expect(figures.engagement_incoherent.r).toBe(1);
		expect(figures.follower_spike.f).toBe(0);
		expect(figures.engagement_incoherent.f).toBe(0);
		expect(anyFlag.length / clean.length).toBeLessThanOrEqual(0.005);
	});

	it('an injected spike is reported on its day, with a reason that names it', () => {
		const data = datasets[0];
		const spike = data.seedAnomalies.find((a) => a.kind === 'follower_spike')!;
		const row = perCreator(data).find((x) => x.id === spike.creatorId)!;
		const flag = row.risk.flags.find((f) => f.code === 'follower_spike')!;
		expect(spike.detail).toContain(String(flag.reason.params.date));
		expect(t('fr', flag.reason.key, flag.reason.params)).toContain(String(flag.reason.params.date));
	});
});
