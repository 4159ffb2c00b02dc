/**
 * The demo seeder: generates the data set once, loads it into the test D1 (migrated like
 * production) and checks every promise of the seed with SQL, plus determinism,
 * idempotency and the two demo logins through the API.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSeed, HISTORY_DAYS, NICHES, seedStatements } from '../../db/seed/generate';
import { DEMO_BRAND_EMAIL, DEMO_CREATOR_EMAIL, DEMO_PASSWORD } from '../../db/seed/demo-accounts';
import { AGE_BANDS } from '../../worker/domain/taxonomy';
import { isCleanMultiLine, isSingleLine } from '../../worker/domain/text';

const ANCHOR = '2026-11-26';
const SEED = 7;
const DAY_MS = 86_400_000;
const ANCHOR_MS = Date.parse(`${ANCHOR}T00:00:00Z`);
const TABLES = ['users', 'brands', 'brand_members', 'creators', 'creator_accounts', 'follower_points', 'posts', 'post_comments', 'seed_anomalies', 'campaigns', 'applications'];
/** The ten big cities the seed weights towards. */
const BIG_CITIES = ['16', '31', '25', '09', '19', '23', '06', '15', '13', '35'];

async function apply(statements: string[]) {
	for (let i = 0; i < statements.length; i += 50) {
		await env.DB.batch(statements.slice(i, i + 50).map((s) => env.DB.prepare(s)));
	}
}

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
	return (
		await env.DB.prepare(sql)
			.bind(...params)
			.all<T>()
	).results;
}

async function value(sql: string, ...params: unknown[]): Promise<number> {
	const row = await env.DB.prepare(sql)
		.bind(...params)
		.first<Record<string, number>>();
	return Number(Object.values(row ?? {})[0]);
}

async function tableCounts(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const t of TABLES) out[t] = await value(`SELECT count(*) FROM ${t}`);
	return out;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const share = (part: number, whole: number) => part / whole;

async function anomalies(kind: 'follower_spike' | 'engagement_incoherent'): Promise<Set<string>> {
	return new Set((await rows<{ creator_id: string }>('SELECT creator_id FROM seed_anomalies WHERE kind = ?1', kind)).map((r) => r.creator_id));
}

let statements: string[];

beforeAll(async () => {
	statements = seedStatements(await generateSeed({ seed: SEED, anchorDate: ANCHOR }));
	await apply(statements);
}, 60_000);

describe('demo seed: creators', () => {
	it('has at least 300 creator profiles whose users cannot sign in, except the demo creator', async () => {
		const creators = await value('SELECT count(*) FROM creators');
		expect(creators).toBeGreaterThanOrEqual(300);
		expect(await value("SELECT count(*) FROM creators c JOIN users u ON u.id = c.user_id WHERE u.role = 'creator'")).toBe(creators);
		expect(await value("SELECT count(*) FROM users WHERE email LIKE 'createur%@demo.wasla.dz' AND password_hash IS NULL")).toBe(creators - 1);
		const loginable = await rows<{ email: string }>("SELECT email FROM users WHERE role = 'creator' AND password_hash IS NOT NULL");
		expect(loginable.map((r) => r.email)).toEqual([DEMO_CREATOR_EMAIL]);
	});

	it('spreads creators over at least 25 official wilayas, weighted towards the big cities', async () => {
		const byWilaya = await rows<{ wilaya: string; n: number }>('SELECT wilaya, count(*) AS n FROM creators GROUP BY wilaya ORDER BY n DESC');
		expect(byWilaya.length).toBeGreaterThanOrEqual(25);
		expect(await value('SELECT count(*) FROM creators c LEFT JOIN wilayas w ON w.code = c.wilaya WHERE w.code IS NULL')).toBe(0);
		expect(byWilaya[0].wilaya).toBe('16');
		const total = byWilaya.reduce((s, r) => s + r.n, 0);
		const big = byWilaya.filter((r) => BIG_CITIES.includes(r.wilaya)).reduce((s, r) => s + r.n, 0);
		expect(share(big, total)).toBeGreaterThan(0.5);
	});

	it('uses at least 8 niches, all from the taxonomy, 1 to 3 per creator', async () => {
		const niches = (await rows<{ value: string }>('SELECT DISTINCT j.value FROM creators, json_each(creators.niches) j')).map((r) => r.value);
		expect(niches.length).toBeGreaterThanOrEqual(8);
		for (const n of niches) expect(NICHES).toContain(n);
		expect(await value('SELECT count(*) FROM creators WHERE json_array_length(niches) NOT BETWEEN 1 AND 3')).toBe(0);
	});

	it('fills languages, rates in whole dinars, bios and (for most) an audience split', async () => {
		const list = await rows<{ display_name: string; bio: string; languages: string; rates: string; audience: string }>('SELECT display_name, bio, languages, rates, audience FROM creators');
		let empty = 0;
		for (const c of list) {
			const langs = JSON.parse(c.languages) as string[];
			expect(langs.length).toBeGreaterThan(0);
			for (const l of langs) expect(['ar', 'fr', 'dz', 'ber', 'en']).toContain(l);
			const rates = JSON.parse(c.rates) as Record<string, number>;
			for (const f of ['story', 'reel', 'post']) expect(Number.isInteger(rates[f]) && rates[f] > 0).toBe(true);
			expect(rates.story).toBeLessThan(rates.reel);
			expect(c.bio.length).toBeGreaterThan(10);
			const audience = JSON.parse(c.audience) as {
				wilayas?: Record<string, number>;
				ageBands?: Record<string, number>;
				gender?: { f: number; m: number };
				countryShareDZ?: number;
			};
			if (Object.keys(audience).length === 0) {
				empty++;
				continue;
			}
			const ages = Object.values(audience.ageBands ?? {}).reduce((s, v) => s + v, 0);
			expect(ages).toBeCloseTo(1, 2);
			expect(audience.gender!.f + audience.gender!.m).toBeCloseTo(1, 2);
			const listed = Object.values(audience.wilayas ?? {}).reduce((s, v) => s + v, 0);
			expect(listed).toBeGreaterThan(0.3);
			expect(listed).toBeLessThanOrEqual(1);
			expect(audience.countryShareDZ).toBeGreaterThan(0);
		}
		// About 30 % of real profiles have no audience data.
		expect(share(empty, list.length)).toBeGreaterThan(0.2);
		expect(share(empty, list.length)).toBeLessThan(0.4);
		// Some display names carry Arabic script.
		expect(list.filter((c) => /[\u0600-\u06FF]/.test(c.display_name)).length).toBeGreaterThan(list.length * 0.05);
	});

	it('sums the accounts into followers_total: Instagram for all, TikTok for about half, mostly 5 000–60 000', async () => {
		const creators = await value('SELECT count(*) FROM creators');
		expect(await value('SELECT count(*) FROM creators c WHERE c.followers_total <> (SELECT sum(followers) FROM creator_accounts a WHERE a.creator_id = c.id)')).toBe(0);
		expect(await value("SELECT count(*) FROM creator_accounts WHERE platform = 'instagram'")).toBe(creators);
		const tiktok = await value("SELECT count(*) FROM creator_accounts WHERE platform = 'tiktok'");
		expect(share(tiktok, creators)).toBeGreaterThan(0.35);
		expect(share(tiktok, creators)).toBeLessThan(0.65);
		const inBand = await value('SELECT count(*) FROM creators WHERE followers_total BETWEEN 5000 AND 60000');
		expect(share(inBand, creators)).toBeGreaterThanOrEqual(0.8);
		expect(await value('SELECT count(*) FROM creators WHERE followers_total < 5000')).toBeGreaterThan(0);
		expect(await value('SELECT count(*) FROM creators WHERE followers_total > 60000')).toBeGreaterThan(0);
		expect(await value('SELECT min(followers_total) FROM creators')).toBeGreaterThanOrEqual(1000);
		expect(await value('SELECT max(followers_total) FROM creators')).toBeLessThanOrEqual(250_000);
	});

	it('has 90 days of Instagram follower history ending on the anchor at the account count', async () => {
		const first = new Date(ANCHOR_MS - (HISTORY_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
		const history = await rows<{ n: number; first: string; last: string; platforms: number }>(
			'SELECT count(*) AS n, min(date) AS first, max(date) AS last, count(DISTINCT platform) AS platforms FROM follower_points GROUP BY creator_id'
		);
		expect(history.length).toBe(await value('SELECT count(*) FROM creators'));
		for (const h of history) expect(h).toEqual({ n: 90, first, last: ANCHOR, platforms: 1 });
		expect(
			await value(
				`SELECT count(*) FROM follower_points p JOIN creator_accounts a ON a.creator_id = p.creator_id AND a.platform = 'instagram'
				 WHERE p.platform = 'instagram' AND p.date = ?1 AND p.followers <> a.followers`,
				ANCHOR
			)
		).toBe(0);
	});

	it('has the demo creator as a full profile: Blida, beauty, about 18 000 followers, with posts', async () => {
		const demo = await env.DB.prepare(
			'SELECT c.id, c.wilaya, c.niches, c.followers_total, (SELECT count(*) FROM posts p WHERE p.creator_id = c.id) AS posts FROM creators c JOIN users u ON u.id = c.user_id WHERE u.email = ?1'
		)
			.bind(DEMO_CREATOR_EMAIL)
			.first<{ id: string; wilaya: string; niches: string; followers_total: number; posts: number }>();
		expect(demo?.wilaya).toBe('09');
		expect(JSON.parse(demo!.niches)).toContain('beauty');
		expect(demo!.followers_total).toBeGreaterThan(15_000);
		expect(demo!.followers_total).toBeLessThan(21_000);
		expect(demo!.posts).toBeGreaterThanOrEqual(20);
		expect(await value('SELECT count(*) FROM seed_anomalies WHERE creator_id = ?1', demo!.id)).toBe(0);
	});
});

describe('demo seed: audience', () => {
	it('uses only the taxonomy’s age bands and existing wilaya codes, so the profile form keeps them', async () => {
		const { results } = await env.DB.prepare("SELECT audience FROM creators WHERE audience != '{}'").all<{ audience: string }>();
		expect(results.length).toBeGreaterThan(100);
		const codes = new Set((await env.DB.prepare('SELECT code FROM wilayas').all<{ code: string }>()).results.map((w) => w.code));
		for (const { audience } of results) {
			const a = JSON.parse(audience) as { ageBands?: Record<string, number>; wilayas?: Record<string, number> };
			for (const band of Object.keys(a.ageBands ?? {})) expect(AGE_BANDS).toContain(band);
			for (const code of Object.keys(a.wilayas ?? {})) expect(codes.has(code)).toBe(true);
		}
	});
});

describe('demo seed: posts and comments', () => {
	it('has at least 20 posts per creator over the last 90 days, with every metric', async () => {
		expect(await value('SELECT min(n) FROM (SELECT count(*) AS n FROM posts GROUP BY creator_id)')).toBeGreaterThanOrEqual(20);
		expect(await value('SELECT count(DISTINCT creator_id) FROM posts')).toBe(await value('SELECT count(*) FROM creators'));
		expect(await value('SELECT count(*) FROM posts WHERE reach IS NULL OR views IS NULL OR likes IS NULL OR comments IS NULL OR saves IS NULL OR shares IS NULL OR reach < 1')).toBe(0);
		expect(await value('SELECT count(*) FROM posts WHERE posted_at < ?1 OR posted_at > ?2', ANCHOR_MS - 90 * DAY_MS, ANCHOR_MS)).toBe(0);
		const formats = (await rows<{ format: string }>('SELECT DISTINCT format FROM posts ORDER BY format')).map((r) => r.format);
		expect(formats).toEqual(['live', 'post', 'reel', 'story']);
		const sponsored = share(await value('SELECT count(*) FROM posts WHERE sponsored = 1'), await value('SELECT count(*) FROM posts'));
		expect(sponsored).toBeGreaterThanOrEqual(0.1);
		expect(sponsored).toBeLessThanOrEqual(0.3);
		expect(await value("SELECT count(*) FROM posts WHERE sponsored = 1 AND (caption LIKE '%#sponsoris%' OR caption LIKE '%#إشهار%')")).toBe(
			await value('SELECT count(*) FROM posts WHERE sponsored = 1')
		);
	});

	it('gives clean creators realistic metrics: reels reach 20–60 % of followers, views ≥ reach, likes a few % of reach', async () => {
		const clean = await rows<{ format: string; reach: number; views: number; likes: number; comments: number; followers: number }>(
			`SELECT p.format, p.reach, p.views, p.likes, p.comments, a.followers FROM posts p
			 JOIN creator_accounts a ON a.creator_id = p.creator_id AND a.platform = 'instagram'
			 WHERE p.creator_id NOT IN (SELECT creator_id FROM seed_anomalies)`
		);
		const reels = clean.filter((p) => p.format === 'reel');
		const reelReach = median(reels.map((p) => p.reach / p.followers));
		expect(reelReach).toBeGreaterThan(0.2);
		expect(reelReach).toBeLessThan(0.6);
		expect(clean.filter((p) => p.views < p.reach)).toEqual([]);
		expect(clean.filter((p) => p.likes > p.reach)).toEqual([]);
		const likeRate = median(clean.map((p) => p.likes / p.reach));
		expect(likeRate).toBeGreaterThan(0.02);
		expect(likeRate).toBeLessThan(0.08);
		const commentRate = median(clean.filter((p) => p.reach > 2000).map((p) => p.comments / p.reach));
		expect(commentRate).toBeGreaterThan(0.002);
		expect(commentRate).toBeLessThan(0.015);
	});

	it('samples 2–6 comments per post in French, Arabic script and Latin-script Darija', async () => {
		expect(await value('SELECT count(*) FROM posts p WHERE NOT EXISTS (SELECT 1 FROM post_comments c WHERE c.post_id = p.id)')).toBe(0);
		const perPost = await rows<{ lo: number; hi: number }>('SELECT min(n) AS lo, max(n) AS hi FROM (SELECT count(*) AS n FROM post_comments GROUP BY post_id)');
		expect(perPost[0]).toEqual({ lo: 2, hi: 6 });
		expect(await value('SELECT count(*) FROM posts p WHERE p.comments < (SELECT count(*) FROM post_comments c WHERE c.post_id = p.id)')).toBe(0);

		const texts = (await rows<{ text: string }>('SELECT text FROM post_comments')).map((r) => r.text);
		const arabic = texts.filter((t) => /[\u0600-\u06FF]/.test(t));
		// Arabizi: a Latin word that uses 3, 7 or 9 for ع, ح, ق (ch7al, 3lik, 9ima).
		const darija = texts.filter((t) => t.split(/[^a-z0-9]+/i).some((w) => /[a-z]/i.test(w) && /[379]/.test(w)));
		const french = texts.filter((t) => /\b(svp|livraison|prix|merci|trop|qualité|c'est|pour|dispo|la|le)\b/i.test(t));
		const emojiOnly = texts.filter((t) => /^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+$/u.test(t));
		const spam = texts.filter((t) => /follow me back|check my page/i.test(t));
		for (const group of [arabic, darija, french, emojiOnly]) expect(share(group.length, texts.length)).toBeGreaterThan(0.05);
		expect(spam.length).toBeGreaterThan(0);
		expect(texts).toContain('ch7al?');
		expect(texts).toContain('بكم هذا؟');
	});
});

describe('demo seed: injected anomalies', () => {
	it('records about 5 % of creators, both kinds', async () => {
		const creators = await value('SELECT count(*) FROM creators');
		const flagged = await value('SELECT count(DISTINCT creator_id) FROM seed_anomalies');
		expect(share(flagged, creators)).toBeGreaterThanOrEqual(0.03);
		expect(share(flagged, creators)).toBeLessThanOrEqual(0.08);
		expect((await anomalies('follower_spike')).size).toBeGreaterThan(0);
		expect((await anomalies('engagement_incoherent')).size).toBeGreaterThan(0);
		expect(await value("SELECT count(*) FROM seed_anomalies WHERE magnitude <= 0 OR detail = ''")).toBe(0);
	});

	it('shows every follower spike as an unexplained one-day jump, and no such jump on other creators', async () => {
		const spiked = await anomalies('follower_spike');
		const points = await rows<{ creator_id: string; date: string; followers: number }>('SELECT creator_id, date, followers FROM follower_points ORDER BY creator_id, date');
		const series = new Map<string, { date: string; followers: number }[]>();
		for (const p of points) {
			if (!series.has(p.creator_id)) series.set(p.creator_id, []);
			series.get(p.creator_id)!.push(p);
		}
		// Posting days in Algiers time (UTC+1).
		const postDays = new Set((await rows<{ k: string }>("SELECT creator_id || '|' || date((posted_at + 3600000) / 1000, 'unixepoch') AS k FROM posts")).map((r) => r.k));

		/** The biggest day-over-day jump, as a share of the day before and against the median daily move. */
		function biggestJump(days: { date: string; followers: number }[]) {
			let best = { date: '', rel: 0, delta: 0 };
			const moves: number[] = [];
			for (let i = 1; i < days.length; i++) {
				const delta = days[i].followers - days[i - 1].followers;
				moves.push(Math.abs(delta));
				const rel = delta / days[i - 1].followers;
				if (rel > best.rel) best = { date: days[i].date, rel, delta };
			}
			return { ...best, overMedian: best.delta / Math.max(1, median(moves)) };
		}
		// What a detector might use: a one-day gain of 10 % or more, 10 times the usual daily move.
		const isSpike = (j: ReturnType<typeof biggestJump>) => j.rel >= 0.1 && j.overMedian >= 10;

		for (const [creatorId, days] of series) {
			const jump = biggestJump(days);
			if (spiked.has(creatorId)) {
				expect(isSpike(jump), `${creatorId} ${JSON.stringify(jump)}`).toBe(true);
				expect(postDays.has(`${creatorId}|${jump.date}`), `${creatorId} posted on ${jump.date}`).toBe(false);
			} else {
				expect(isSpike(jump), `${creatorId} ${JSON.stringify(jump)}`).toBe(false);
				// Clean growth is smooth: no day moves more than a few percent.
				expect(jump.rel).toBeLessThan(0.03);
			}
		}
	});

	it('makes engagement_incoherent creators stand out on likes per reach', async () => {
		const incoherent = await anomalies('engagement_incoherent');
		const perCreator = await rows<{ creator_id: string; rate: number; over: number; n: number }>(
			'SELECT creator_id, avg(likes * 1.0 / reach) AS rate, sum(likes > reach) AS over, count(*) AS n FROM posts GROUP BY creator_id'
		);
		const flagged = perCreator.filter((c) => incoherent.has(c.creator_id));
		const clean = perCreator.filter((c) => !incoherent.has(c.creator_id));
		expect(flagged.length).toBe(incoherent.size);
		const cleanMax = Math.max(...clean.map((c) => c.rate));
		expect(Math.min(...flagged.map((c) => c.rate))).toBeGreaterThan(5 * cleanMax);
		// "Most posts": more than half of each incoherent creator's posts have more likes than reach.
		for (const c of flagged) expect(c.over / c.n).toBeGreaterThan(0.5);
		expect(clean.every((c) => c.over === 0)).toBe(true);
	});
});

describe('demo seed: brands, campaigns and applications', () => {
	it('has at least 10 brands, each owned by a brand user', async () => {
		const brands = await value('SELECT count(*) FROM brands');
		expect(brands).toBeGreaterThanOrEqual(10);
		expect(
			await value(
				"SELECT count(*) FROM brands b JOIN brand_members m ON m.brand_id = b.id AND m.user_id = b.owner_user_id AND m.role = 'owner' JOIN users u ON u.id = b.owner_user_id AND u.role = 'brand'"
			)
		).toBe(brands);
		const loginable = await rows<{ email: string }>("SELECT email FROM users WHERE role = 'brand' AND password_hash IS NOT NULL");
		expect(loginable.map((r) => r.email)).toEqual([DEMO_BRAND_EMAIL]);
	});

	it('has campaigns in every status with full fields, and the demo brand owns one of each', async () => {
		const all = await rows<{
			status: string;
			email: string;
			objective: string;
			offer: string;
			brief: string;
			formats: string;
			wilayas: string;
			niches: string;
			follower_min: number;
			follower_max: number;
			budget_dzd: number;
			reuse_rights_days: number;
			starts_at: number;
			ends_at: number;
			apply_by: number;
			published_at: number | null;
		}>('SELECT c.*, u.email FROM campaigns c JOIN brands b ON b.id = c.brand_id JOIN users u ON u.id = b.owner_user_id');
		const statuses = ['draft', 'open', 'active', 'completed', 'closed'];
		expect([...new Set(all.map((c) => c.status))].sort()).toEqual([...statuses].sort());
		expect(
			all
				.filter((c) => c.email === DEMO_BRAND_EMAIL)
				.map((c) => c.status)
				.sort()
		).toEqual([...statuses].sort());
		const codes = new Set((await rows<{ code: string }>('SELECT code FROM wilayas')).map((r) => r.code));
		for (const c of all) {
			const brief = JSON.parse(c.brief) as { keyMessages: string[]; dos: string[]; donts: string[]; angle: string };
			expect(brief.keyMessages.length && brief.dos.length && brief.donts.length && brief.angle.length).toBeGreaterThan(0);
			expect(['visibility', 'traffic', 'whatsapp_sales', 'signups']).toContain(c.objective);
			expect(c.offer.length).toBeGreaterThan(0);
			for (const f of JSON.parse(c.formats) as string[]) expect(['reel', 'story', 'post', 'live']).toContain(f);
			for (const w of JSON.parse(c.wilayas) as string[]) expect(codes.has(w)).toBe(true);
			for (const n of JSON.parse(c.niches) as string[]) expect(NICHES).toContain(n);
			expect(c.follower_min).toBeLessThan(c.follower_max);
			expect(Number.isInteger(c.budget_dzd) && c.budget_dzd > 0).toBe(true);
			expect(c.reuse_rights_days).toBe(30);
			expect(c.apply_by).toBeLessThanOrEqual(c.starts_at);
			expect(c.starts_at).toBeLessThan(c.ends_at);
			expect(c.published_at === null).toBe(c.status === 'draft');
			// Dated around the anchor the way the status says.
			if (c.status === 'open') expect(c.apply_by).toBeGreaterThan(ANCHOR_MS);
			if (c.status === 'active') expect(c.starts_at < ANCHOR_MS && ANCHOR_MS < c.ends_at).toBe(true);
			if (c.status === 'completed') expect(c.ends_at).toBeLessThan(ANCHOR_MS);
		}
		expect(all.filter((c) => c.follower_min === 8000 && c.follower_max === 35000).length).toBeGreaterThan(all.length / 2);
	});

	it('has applications from fitting creators on open, active and completed campaigns', async () => {
		const perCampaign = await rows<{ status: string; n: number }>('SELECT c.status, (SELECT count(*) FROM applications a WHERE a.campaign_id = c.id) AS n FROM campaigns c');
		for (const c of perCampaign) {
			if (['open', 'active', 'completed'].includes(c.status)) expect(c.n).toBeGreaterThan(0);
			if (c.status === 'draft') expect(c.n).toBe(0);
		}
		const statuses = (await rows<{ status: string }>('SELECT DISTINCT status FROM applications ORDER BY status')).map((r) => r.status);
		expect(statuses).toEqual(['accepted', 'declined', 'pending', 'shortlisted']);
		// Every applicant shares a niche with the campaign.
		expect(
			await value(
				`SELECT count(*) FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN creators cr ON cr.id = a.creator_id
				 WHERE NOT EXISTS (SELECT 1 FROM json_each(c.niches) cn JOIN json_each(cr.niches) rn ON rn.value = cn.value)`
			)
		).toBe(0);
		expect(await value("SELECT count(*) FROM applications a JOIN campaigns c ON c.id = a.campaign_id WHERE c.status = 'open' AND a.status = 'accepted'")).toBe(0);
		expect(await value('SELECT count(*) FROM applications WHERE fee_dzd <= 0 OR length(pitch) < 20')).toBe(0);
		// The two demo accounts meet: the demo creator applied to the demo brand.
		expect(
			await value(
				`SELECT count(*) FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN brands b ON b.id = c.brand_id
				 JOIN users bu ON bu.id = b.owner_user_id JOIN creators cr ON cr.id = a.creator_id JOIN users cu ON cu.id = cr.user_id
				 WHERE bu.email = ?1 AND cu.email = ?2`,
				DEMO_BRAND_EMAIL,
				DEMO_CREATOR_EMAIL
			)
		).toBeGreaterThan(0);
	});
});

describe('demo seed: generation', () => {
	it('is deterministic: the same seed gives the same statements, another seed does not', async () => {
		expect(seedStatements(await generateSeed({ seed: SEED, anchorDate: ANCHOR }))).toEqual(statements);
		const other = seedStatements(await generateSeed({ seed: SEED + 1, anchorDate: ANCHOR }));
		expect(other).not.toEqual(statements);
	}, 120_000);

	it('writes INSERT OR IGNORE statements of at most 100 rows', () => {
		for (const s of statements) {
			expect(s.startsWith('INSERT OR IGNORE INTO ')).toBe(true);
			// One row per line after the header line.
			expect(s.split('\n').length - 1).toBeLessThanOrEqual(100);
		}
	});

	it('is idempotent: applying the statements again changes no table', async () => {
		const before = await tableCounts();
		const sample = await value('SELECT sum(followers) FROM follower_points');
		await apply(statements);
		expect(await tableCounts()).toEqual(before);
		expect(await value('SELECT sum(followers) FROM follower_points')).toBe(sample);
	}, 60_000);

	it('lets the demo brand and the demo creator sign in through the API, and no one else', async () => {
		const login = (email: string, password: string) =>
			exports.default.fetch('http://wasla.test/api/v1/auth/login', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.9.9.9' },
				body: JSON.stringify({ email, password })
			});
		for (const [email, role] of [
			[DEMO_BRAND_EMAIL, 'brand'],
			[DEMO_CREATOR_EMAIL, 'creator']
		] as const) {
			const res = await login(email, DEMO_PASSWORD);
			expect(res.status, email).toBe(200);
			expect(((await res.json()) as { user: { role: string } }).user.role).toBe(role);
		}
		expect((await login('createur0001@demo.wasla.dz', DEMO_PASSWORD)).status).toBe(401);
	});
});

describe('demo seed: text passes the single-line and multi-line rules (issue 9, point 10)', () => {
	it('names, titles, handles, brief lines and refs are one line; bios, offers, angles and pitches hold no control or bidi override', async () => {
		const single: [string, string][] = [
			['SELECT name AS v FROM users', 'users.name'],
			['SELECT name AS v FROM brands', 'brands.name'],
			['SELECT display_name AS v FROM creators', 'creators.display_name'],
			['SELECT handle AS v FROM creators', 'creators.handle'],
			['SELECT handle AS v FROM creator_accounts', 'creator_accounts.handle'],
			['SELECT title AS v FROM campaigns', 'campaigns.title'],
			["SELECT j.value AS v FROM campaigns c, json_each(c.brief, '$.keyMessages') j", 'brief.keyMessages'],
			["SELECT j.value AS v FROM campaigns c, json_each(c.brief, '$.dos') j", 'brief.dos'],
			["SELECT j.value AS v FROM campaigns c, json_each(c.brief, '$.donts') j", 'brief.donts'],
			['SELECT ref AS v FROM posts', 'posts.ref']
		];
		const multi: [string, string][] = [
			['SELECT bio AS v FROM creators WHERE bio IS NOT NULL', 'creators.bio'],
			['SELECT offer AS v FROM campaigns', 'campaigns.offer'],
			["SELECT json_extract(brief, '$.angle') AS v FROM campaigns WHERE json_extract(brief, '$.angle') IS NOT NULL", 'brief.angle'],
			['SELECT pitch AS v FROM applications', 'applications.pitch'],
			['SELECT decline_reason AS v FROM applications WHERE decline_reason IS NOT NULL', 'applications.decline_reason']
		];
		for (const [sql, what] of single) {
			const values = (await rows<{ v: string }>(sql)).map((r) => r.v);
			expect(values.length, what).toBeGreaterThan(0);
			expect(
				values.filter((s) => !isSingleLine(s)),
				what
			).toEqual([]);
		}
		for (const [sql, what] of multi) {
			const values = (await rows<{ v: string }>(sql)).map((r) => r.v);
			expect(
				values.filter((s) => !isCleanMultiLine(s)),
				what
			).toEqual([]);
		}
	});
});
