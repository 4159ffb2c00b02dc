/** Stats import: follower points, posts as JSON and CSV (preview, 422, importValid, limits, idempotency), screenshots, derived features. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client } from './helpers';
import { brandClient, creatorClient } from './creator-factories';

const DAY = 86_400_000;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
const HEADER = 'platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored,commentSamples';

const count = async (table: string, creatorId: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE creator_id = ?1`).bind(creatorId).first<{ n: number }>())!.n;
const commentCount = async (creatorId: string) =>
	(await env.DB.prepare('SELECT count(*) AS n FROM post_comments c JOIN posts p ON p.id = c.post_id WHERE p.creator_id = ?1').bind(creatorId).first<{ n: number }>())!.n;
const features = (creatorId: string) => env.DB.prepare('SELECT * FROM creator_features WHERE creator_id = ?1').bind(creatorId).first<Record<string, unknown>>();

const csv = (lines: string[]) => ({ method: 'POST', body: [HEADER, ...lines].join('\n'), headers: { 'content-type': 'text/csv; charset=utf-8' } });
const goodLines = () => [
	`instagram,https://ig/reel/1,reel,${day(3)},12000,9000,700,40,12,8,false,prix svp | ch7al? | top la couleur 👌`,
	`instagram,https://ig/reel/2,reel,${day(10)},8000,6000,500,30,10,10,true,`,
	`instagram,https://ig/story/3,story,${day(2)},3000,,0,0,0,30,0,"🔥 | بكم؟"`
];

describe('POST /creators/me/followers', () => {
	it('upserts by date and recomputes the growth', async () => {
		const c = await creatorClient();
		const points = [
			{ date: day(40), followers: 10_000 },
			{ date: day(30), followers: 10_000 },
			{ date: day(0), followers: 11_000 }
		];
		const res = await c.client.call('/creators/me/followers', { json: { platform: 'instagram', points } });
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ imported: 3, features: { followerGrowth30d: 0.1 } });
		// Same file again: nothing duplicated; a changed value replaces the old one.
		await c.client.call('/creators/me/followers', { json: { platform: 'instagram', points: [...points.slice(0, 2), { date: day(0), followers: 12_000 }] } });
		expect(await count('follower_points', c.creatorId)).toBe(3);
		expect(await features(c.creatorId)).toMatchObject({ follower_growth_30d: 0.2 });
	});

	it.each([
		['bad date', { platform: 'instagram', points: [{ date: '2026-13-01', followers: 1 }] }, 'points.0.date'],
		['future date', { platform: 'instagram', points: [{ date: '2099-01-01', followers: 1 }] }, 'points.0.date'],
		['negative count', { platform: 'instagram', points: [{ date: '2026-01-01', followers: -5 }] }, 'points.0.followers'],
		['unknown platform', { platform: 'myspace', points: [{ date: '2026-01-01', followers: 5 }] }, 'platform']
	])('refuses a %s and saves nothing', async (_, body, path) => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me/followers', { json: body });
		expect(res.status).toBe(400);
		expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([path]);
		expect(await count('follower_points', c.creatorId)).toBe(0);
	});
});

describe('POST /creators/me/followers (CSV)', () => {
	const followersCsv = (lines: string[], query = '') => ({
		path: `/creators/me/followers${query}`,
		init: { method: 'POST', body: ['platform,date,followers', ...lines].join('\n'), headers: { 'content-type': 'text/csv; charset=utf-8' } }
	});

	it('previews without saving, then imports and upserts by (platform, date)', async () => {
		const c = await creatorClient();
		const lines = [`instagram,${day(31)},"10 000"`, `instagram,${day(1)},11000`, `tiktok,${day(1)},4000`];
		const preview = followersCsv(lines, '?mode=preview');
		const p = await c.client.call(preview.path, preview.init);
		expect(p.status).toBe(200);
		expect(await p.json()).toMatchObject({ total: 3, errors: [], rows: [{ line: 2, platform: 'instagram', date: day(31), followers: 10_000 }, { line: 3 }, { line: 4, platform: 'tiktok' }] });
		expect(await count('follower_points', c.creatorId)).toBe(0);

		const first = followersCsv(lines);
		const res = await c.client.call(first.path, first.init);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ imported: 3, rejected: [] });
		const again = followersCsv([`instagram,${day(1)},11500`]);
		await c.client.call(again.path, again.init);
		expect(await count('follower_points', c.creatorId)).toBe(3);
		const row = await env.DB.prepare("SELECT followers FROM follower_points WHERE creator_id = ?1 AND platform = 'instagram' AND date = ?2").bind(c.creatorId, day(1)).first();
		expect(row).toEqual({ followers: 11_500 });
	});

	it('answers 422 with each bad row’s line and column and saves nothing, unless asked to import the valid rows', async () => {
		const c = await creatorClient();
		const lines = [`instagram,${day(5)},9000`, 'instagram,2026-02-30,9000', `myspace,${day(4)},9100`, `instagram,${day(3)},beaucoup`, `instagram,${day(5)},9050`];
		const bad = followersCsv(lines);
		const res = await c.client.call(bad.path, bad.init);
		expect(res.status).toBe(422);
		const body = (await res.json()) as { errors: { line: number; column: string }[] };
		expect(body.errors.map((e) => [e.line, e.column])).toEqual([
			[3, 'date'],
			[4, 'platform'],
			[5, 'followers'],
			[6, 'date']
		]);
		expect(await count('follower_points', c.creatorId)).toBe(0);

		const valid = followersCsv(lines, '?importValid=1');
		const ok = await c.client.call(valid.path, valid.init);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ imported: 1, rejected: [{ line: 3 }, { line: 4 }, { line: 5 }, { line: 6 }] });
		expect(await count('follower_points', c.creatorId)).toBe(1);
	});

	it('refuses more than 5 000 rows with 413', async () => {
		const c = await creatorClient();
		const lines = Array.from({ length: 5001 }, (_, i) => `instagram,${new Date(Date.UTC(2010, 0, 1) + i * DAY).toISOString().slice(0, 10)},${1000 + i}`);
		const big = followersCsv(lines);
		expect((await c.client.call(big.path, big.init)).status).toBe(413);
		expect(await count('follower_points', c.creatorId)).toBe(0);
	});
});

describe('POST /creators/me/posts (JSON)', () => {
	it('imports posts with comment samples, upserts by (platform, ref), stores features', async () => {
		const c = await creatorClient();
		await c.client.call('/creators/me', { method: 'PUT', json: { displayName: 'Nour', wilaya: '16', niches: ['beauty'], accounts: [{ platform: 'instagram', handle: 'nour', followers: 10_000 }] } });
		const body = {
			platform: 'instagram',
			posts: [
				{
					ref: 'p1',
					format: 'reel',
					postedAt: `${day(5)}T18:00:00+01:00`,
					views: 10_000,
					reach: 8_000,
					likes: 600,
					comments: 100,
					saves: 50,
					shares: 50,
					sponsored: false,
					commentSamples: ['prix svp', 'top la texture']
				},
				{ ref: 'p2', format: 'post', postedAt: day(6), views: 2_000, likes: 150, comments: 40, sponsored: true }
			]
		};
		const res = await c.client.call('/creators/me/posts', { json: body });
		expect(res.status).toBe(200);
		const out = (await res.json()) as { imported: number; rejected: unknown[]; features: Record<string, unknown> };
		expect(out).toMatchObject({ imported: 2, rejected: [] });
		expect(out.features).toMatchObject({
			engagementByFormat: { reel: { posts: 1, engagementRate: 0.1, avgViews: 10_000, avgReach: 8_000 }, post: { posts: 1, engagementRate: 0.019 } },
			sponsoredShare: 0.5,
			commentMix: { purchase_intent: 0.5, positive: 0.5 },
			postsLast90d: 2
		});
		expect(await features(c.creatorId)).toMatchObject({ posts_last_90d: 2, sponsored_share: 0.5 });

		const again = await c.client.call('/creators/me/posts', { json: body });
		expect(again.status).toBe(200);
		expect(await count('posts', c.creatorId)).toBe(2);
		expect(await commentCount(c.creatorId)).toBe(2);
	});

	it('refuses bad items with their paths, saving nothing', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me/posts', {
			json: { platform: 'instagram', posts: [{ ref: 'a', format: 'tweet', postedAt: 'hier', views: -1, likes: 1, comments: 1 }] }
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['posts.0.format', 'posts.0.views']);
		const dup = await c.client.call('/creators/me/posts', {
			json: {
				platform: 'instagram',
				posts: [
					{ ref: 'a', format: 'reel', postedAt: 'hier', views: 1, likes: 1, comments: 1 },
					{ ref: 'a', format: 'reel', postedAt: day(1), views: 1, likes: 1, comments: 1 }
				]
			}
		});
		expect(((await dup.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['posts.0.postedAt', 'posts.1.ref']);
		expect(await count('posts', c.creatorId)).toBe(0);
	});
});

describe('POST /creators/me/posts (CSV)', () => {
	it('preview returns the rows and errors and saves nothing', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me/posts?mode=preview', csv([...goodLines(), `instagram,x,tweet,${day(1)},1,1,1,1,1,1,false,`]));
		expect(res.status).toBe(200);
		const out = (await res.json()) as { total: number; rows: { line: number; ref: string; commentSamples: string[] }[]; errors: unknown[] };
		expect(out.total).toBe(4);
		expect(out.rows.map((r) => [r.line, r.ref])).toEqual([
			[2, 'https://ig/reel/1'],
			[3, 'https://ig/reel/2'],
			[4, 'https://ig/story/3']
		]);
		expect(out.rows[0].commentSamples).toEqual(['prix svp', 'ch7al?', 'top la couleur 👌']);
		expect(out.errors).toEqual([{ line: 5, column: 'format', path: 'format', message: 'Format inconnu : reel, story, post ou live.' }]);
		expect(await count('posts', c.creatorId)).toBe(0);
		expect(await features(c.creatorId)).toBeNull();
	});

	type Case = { name: string; line: string; column: string; message: string };
	const cases: Case[] = [
		{ name: 'unknown platform', line: `myspace,a,reel,${day(1)},1,1,1,1,1,1,false,`, column: 'platform', message: 'Plateforme inconnue : instagram, tiktok, facebook, youtube ou snapchat.' },
		{ name: 'empty ref', line: `instagram,,reel,${day(1)},1,1,1,1,1,1,false,`, column: 'ref', message: 'Ce champ est obligatoire.' },
		{ name: 'unknown format', line: `instagram,a,tweet,${day(1)},1,1,1,1,1,1,false,`, column: 'format', message: 'Format inconnu : reel, story, post ou live.' },
		{ name: 'bad date', line: 'instagram,a,reel,31/12/2025,1,1,1,1,1,1,false,', column: 'postedAt', message: 'Date invalide : AAAA-MM-JJ ou date ISO complète.' },
		{ name: 'future date', line: 'instagram,a,reel,2099-01-01,1,1,1,1,1,1,false,', column: 'postedAt', message: 'Cette date est dans le futur.' },
		{ name: 'decimal views', line: `instagram,a,reel,${day(1)},1.5,1,1,1,1,1,false,`, column: 'views', message: 'Indiquez un nombre entier positif.' },
		{ name: 'missing likes', line: `instagram,a,reel,${day(1)},1,1,,1,1,1,false,`, column: 'likes', message: 'Ce champ est obligatoire.' },
		{ name: 'negative shares', line: `instagram,a,reel,${day(1)},1,1,1,1,1,-2,false,`, column: 'shares', message: 'Indiquez un nombre entier positif.' },
		{ name: 'bad sponsored', line: `instagram,a,reel,${day(1)},1,1,1,1,1,1,maybe,`, column: 'sponsored', message: 'Valeur attendue : oui/non, true/false ou 1/0.' },
		{ name: 'short row', line: 'instagram,a,reel', column: '', message: 'Le nombre de colonnes diffère de l’en-tête.' }
	];
	for (const tc of cases) {
		it(`${tc.name}: 422 with line and column, nothing saved`, async () => {
			const c = await creatorClient();
			const res = await c.client.call('/creators/me/posts', csv([goodLines()[0], tc.line]));
			expect(res.status).toBe(422);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			expect(await res.json()).toEqual({
				type: 'about:blank',
				title: 'Unprocessable content',
				status: 422,
				code: 'unprocessable',
				detail: 'Certaines lignes contiennent des erreurs : rien n’a été importé. Corrigez-les ou importez seulement les lignes valides.',
				errors: [{ line: 3, column: tc.column, path: tc.column, message: tc.message }],
				requestId: expect.any(String)
			});
			expect(await count('posts', c.creatorId)).toBe(0);
		});
	}

	it('a header problem is reported on line 1', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me/posts', { body: 'platform,ref\ninstagram,a', headers: { 'content-type': 'text/csv' } });
		expect(res.status).toBe(422);
		expect(((await res.json()) as { errors: { line: number; column: string }[] }).errors[0]).toMatchObject({ line: 1, column: 'format' });
	});

	it('importValid=1 imports the good rows and lists the rejected ones; re-importing does not duplicate', async () => {
		const c = await creatorClient();
		const file = csv([...goodLines(), `instagram,bad,reel,${day(1)},x,1,1,1,1,1,false,`]);
		const res = await c.client.call('/creators/me/posts?importValid=1', file);
		expect(res.status).toBe(200);
		const out = (await res.json()) as { imported: number; rejected: unknown[]; features: { postsLast90d: number; commentMix: Record<string, number> } };
		expect(out.imported).toBe(3);
		expect(out.rejected).toEqual([{ line: 5, column: 'views', path: 'views', message: 'Indiquez un nombre entier positif.' }]);
		expect(out.features.postsLast90d).toBe(3);
		expect(out.features.commentMix).toEqual({ purchase_intent: 0.6, positive: 0.2, generic: 0.2 });
		expect(await count('posts', c.creatorId)).toBe(3);
		expect(await commentCount(c.creatorId)).toBe(5);

		expect((await c.client.call('/creators/me/posts?importValid=1', file)).status).toBe(200);
		expect(await count('posts', c.creatorId)).toBe(3);
		expect(await commentCount(c.creatorId)).toBe(5);
	});

	it('413 for more than 5 000 rows or more than 2 MB (declared or actual); nothing saved', async () => {
		const c = await creatorClient();
		const many = Array.from({ length: 5_001 }, (_, i) => `instagram,r${i},reel,${day(1)},1,1,1,1,1,1,false,`);
		const rows = await c.client.call('/creators/me/posts', csv(many));
		expect(rows.status).toBe(413);
		expect(((await rows.json()) as { code: string }).code).toBe('payload_too_large');

		const padding = 'x'.repeat(2 * 1024 * 1024);
		const big = await c.client.call('/creators/me/posts', csv([`instagram,a,reel,${day(1)},1,1,1,1,1,1,false,"${padding}"`]));
		expect(big.status).toBe(413);

		const declared = await c.client.call('/creators/me/posts', { ...csv(goodLines()), headers: { 'content-type': 'text/csv', 'content-length': String(3 * 1024 * 1024) } });
		expect([413]).toContain(declared.status);
		expect(await count('posts', c.creatorId)).toBe(0);
	});

	it('415 for another content type', async () => {
		const c = await creatorClient();
		const res = await c.client.call('/creators/me/posts', { body: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(res.status).toBe(415);
	});
});

describe('stats routes are for creators only', () => {
	it('401 without session and 403 for a brand, on every route; nothing saved', async () => {
		const brand = await brandClient();
		const before = await env.DB.prepare('SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM follower_points) + (SELECT count(*) FROM stats_screenshots) AS n').first();
		const calls: [string, Parameters<Client['call']>[1]][] = [
			['/creators/me/followers', { json: { platform: 'instagram', points: [{ date: day(1), followers: 1 }] } }],
			['/creators/me/posts', csv(goodLines())],
			['/creators/me/posts', { json: { platform: 'instagram', posts: [] } }],
			['/creators/me/stats', {}],
			['/creators/me/screenshots', {}],
			['/creators/me/screenshots/x', {}]
		];
		for (const [path, opts] of calls) {
			expect((await new Client().call(path, opts)).status, path).toBe(401);
			expect((await brand.client.call(path, opts)).status, path).toBe(403);
		}
		const form = new FormData();
		form.append('file', new File([PNG], 'a.png'));
		expect((await brand.client.call('/creators/me/screenshots', { body: form })).status).toBe(403);
		expect(await env.DB.prepare('SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM follower_points) + (SELECT count(*) FROM stats_screenshots) AS n').first()).toEqual(before);
	});
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

describe('stats screenshots', () => {
	const upload = (client: Client, bytes: Uint8Array, name: string, type: string, note = 'stories du 20/11') => {
		const form = new FormData();
		form.append('file', new File([bytes], name, { type }));
		form.append('note', note);
		return client.call('/creators/me/screenshots', { body: form });
	};

	it('stores by detected type, lists, downloads; another creator gets 404', async () => {
		const c = await creatorClient();
		// Declared as PNG, really a JPEG: the stored type follows the bytes.
		const res = await upload(c.client, JPEG, 'capture.png', 'image/png');
		expect(res.status).toBe(201);
		const { screenshot } = (await res.json()) as { screenshot: { id: string; contentType: string; size: number } };
		expect(screenshot).toMatchObject({ contentType: 'image/jpeg', size: JPEG.byteLength });
		expect(await env.FILES.head(`screenshots/${c.creatorId}/${screenshot.id}`)).not.toBeNull();

		const list = (await (await c.client.call('/creators/me/screenshots')).json()) as { screenshots: { id: string; note: string }[] };
		expect(list.screenshots).toEqual([expect.objectContaining({ id: screenshot.id, note: 'stories du 20/11' })]);

		const dl = await c.client.call(`/creators/me/screenshots/${screenshot.id}`);
		expect(dl.status).toBe(200);
		expect(dl.headers.get('content-type')).toBe('image/jpeg');
		expect(new Uint8Array(await dl.arrayBuffer())).toEqual(JPEG);

		const other = await creatorClient('Sara');
		const stolen = await other.client.call(`/creators/me/screenshots/${screenshot.id}`);
		expect(stolen.status).toBe(404);
		expect(((await (await other.client.call('/creators/me/screenshots')).json()) as { screenshots: unknown[] }).screenshots).toEqual([]);
	});

	it('415 for a non-image declared as PNG, 413 above 5 MB, 400 without a file; nothing stored', async () => {
		const c = await creatorClient();
		const pdf = await upload(c.client, new TextEncoder().encode('%PDF-1.7 fake'), 'stats.png', 'image/png');
		expect(pdf.status).toBe(415);
		expect(((await pdf.json()) as { detail: string }).detail).toBe('Le fichier doit être une image PNG, JPEG ou WebP.');

		const huge = new Uint8Array(5 * 1024 * 1024 + 1);
		huge.set(PNG);
		const big = await upload(c.client, huge, 'big.png', 'image/png');
		expect(big.status).toBe(413);

		const form = new FormData();
		form.append('note', 'sans fichier');
		expect((await c.client.call('/creators/me/screenshots', { body: form })).status).toBe(400);
		expect((await c.client.call('/creators/me/screenshots', { json: {} })).status).toBe(415);

		expect(await count('stats_screenshots', c.creatorId)).toBe(0);
		expect((await env.FILES.list({ prefix: `screenshots/${c.creatorId}/` })).objects).toEqual([]);
	});
});
