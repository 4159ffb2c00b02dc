/** Creator domain rules: phone, RIP key, centimes warning, image sniffing, comment classifier, derived features, CSV reading. */
import { describe, expect, it } from 'vitest';
import { normaliseAlgerianPhone } from '../../worker/domain/phone';
import { ccpToRip, checkRip, ripKey } from '../../worker/domain/rip';
import { looksLikeCentimes, rateWarnings } from '../../worker/domain/rates';
import { IMAGE_TYPES, sniffFileType } from '../../worker/domain/file-types';
import { classifyComment, normaliseComment } from '../../worker/domain/comments';
import { computeCreatorFeatures, DAY_MS, type FeaturePost } from '../../worker/domain/creator-features';
import { MAX_IMPORT_ROWS, parseFollowersCsv, parsePostsCsv, sampleFollowersCsv, samplePostsCsv, splitCommentSamples } from '../../worker/domain/stats-import';

describe('normaliseAlgerianPhone', () => {
	it.each([
		['0550 12 34 56', '+213550123456'],
		['+213550123456', '+213550123456'],
		['00213 661 23 45 67', '+213661234567'],
		['+213 0770-12-34-56', '+213770123456'],
		['213550123456', '+213550123456'],
		['0550.12.34.56', '+213550123456']
	])('%s → %s', (raw, e164) => {
		expect(normaliseAlgerianPhone(raw)).toEqual({ ok: true, e164, warning: null });
	});

	it('warns, without refusing, on a prefix that is not 5, 6 or 7', () => {
		expect(normaliseAlgerianPhone('021 23 45 67 8')).toEqual({ ok: true, e164: '+213212345678', warning: 'unusual_prefix' });
		expect(normaliseAlgerianPhone('+213 850 12 34 56')).toEqual({ ok: true, e164: '+213850123456', warning: 'unusual_prefix' });
	});

	it.each(['', '0550 12 34', '0550 12 34 567', '+33 6 12 34 56 78', '0000000000', 'abc', '+2130000000000'])('refuses %j', (raw) => {
		expect(normaliseAlgerianPhone(raw)).toEqual({ ok: false, reason: 'phone_invalid' });
	});
});

describe('RIP key (97 − (agency‖account × 100 mod 97))', () => {
	it('accepts a postal (CCP) RIP with its key', () => {
		expect(checkRip('007 99999 0012345678 03')).toEqual({ ok: true, rip: '00799999001234567803', kind: 'ccp' });
		expect(ccpToRip('12345678')).toBe('00799999001234567803');
	});
	it('accepts a bank RIP with its key; the bank code is not part of the key', () => {
		expect(checkRip('00200101123456789085')).toEqual({ ok: true, rip: '00200101123456789085', kind: 'bank' });
		expect(checkRip('01000101123456789085')).toMatchObject({ ok: true, kind: 'bank' });
	});
	it('accepts 97 and 00 when the remainder is 0', () => {
		expect(ripKey('99999', '0000000004')).toBe('97');
		expect(checkRip('00799999000000000497')).toMatchObject({ ok: true });
		expect(checkRip('00799999000000000400')).toMatchObject({ ok: true });
	});
	it.each([
		['00799999001234567804', 'rip_key'],
		['00799999001234567830', 'rip_key'],
		['00200101123456789058', 'rip_key'],
		['00799999001234567800', 'rip_key'],
		['0079999900123456780', 'rip_format'],
		['007999990012345678033', 'rip_format'],
		['00799999OO1234567803', 'rip_format']
	])('refuses %s (%s)', (raw, reason) => {
		expect(checkRip(raw)).toEqual({ ok: false, reason });
	});
	it('works past 2^53 (BigInt)', () => {
		expect(ripKey('99999', '9999999999')).toBe(String(97n - ((999999999999999n * 100n) % 97n)).padStart(2, '0'));
	});
});

describe('centimes warning', () => {
	it('warns at 100× a typical price, per format', () => {
		expect(looksLikeCentimes('reel', 1_499_999)).toBe(false);
		expect(looksLikeCentimes('reel', 1_500_000)).toBe(true);
		expect(looksLikeCentimes('story', 500_000)).toBe(true);
		expect(looksLikeCentimes('story', 60_000)).toBe(false);
		expect(rateWarnings({ story: 6_000, reel: 2_500_000 })).toEqual([{ format: 'reel', code: 'looks_like_centimes', asDinars: 25_000 }]);
	});
});

describe('sniffFileType', () => {
	const sniffImage = (bytes: Uint8Array) => sniffFileType(bytes, IMAGE_TYPES);
	const enc = (text: string) => new TextEncoder().encode(text);

	it('reads the magic numbers, not the name', () => {
		expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
		expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(sniffImage(enc('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
		expect(sniffImage(enc('GIF89a'))).toBeNull();
		expect(sniffImage(enc('%PDF-1.7'))).toBeNull();
		expect(sniffImage(new Uint8Array([]))).toBeNull();
	});

	it('finds a PDF header anywhere in the first KiB, and only among the types asked for', () => {
		expect(sniffFileType(enc('%PDF-1.7\n'), ['application/pdf'])).toBe('application/pdf');
		expect(sniffFileType(enc(`${' '.repeat(1019)}%PDF-1.4`), ['application/pdf'])).toBe('application/pdf');
		expect(sniffFileType(enc(`${' '.repeat(1020)}%PDF-1.4`), ['application/pdf'])).toBeNull();
		expect(sniffFileType(enc('%PDF'), ['application/pdf'])).toBeNull();
		expect(sniffFileType(enc('%PDF-1.7'), IMAGE_TYPES)).toBeNull();
		expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), ['application/pdf'])).toBeNull();
	});
});

describe('classifyComment', () => {
	it('normalises Arabic variants, diacritics and repeated letters', () => {
		expect(normaliseComment('إِنَّ الأسعارُ مُناسبة')).toBe('ان الاسعار مناسبه');
		expect(normaliseComment('Déçue!!! Merciiii')).toBe('decue merci');
		expect(normaliseComment('مستشفى')).toBe('مستشفي');
	});
	it.each([
		['prix svp', 'purchase_intent'],
		['ch7al?', 'purchase_intent'],
		['bch7al hada?', 'purchase_intent'],
		['بكم هذا؟', 'purchase_intent'],
		['السعر من فضلك', 'purchase_intent'],
		['السّعرُ من فضلك', 'purchase_intent'],
		['kayen livraison l Oran?', 'purchase_intent'],
		['Disponible à Sétif ?', 'purchase_intent'],
		['9adach?', 'purchase_intent'],
		// the seeder's bare praise is generic (API.md, "Comment labels"), its praise about the post positive
		['tbarkallah 3lik', 'generic'],
		['ماشاء الله تبارك الله', 'generic'],
		['ما شاءَ اللهُ', 'generic'],
		['ya3tik saha', 'generic'],
		["j'adore ❤️", 'generic'],
		['la couleur te va trop bien 😍', 'positive'],
		['نحب الطريقة لي تشرحي بيها', 'positive'],
		['ghali bzf', 'negative'],
		["c'est trop cher", 'negative'],
		['déçue de la livraison', 'negative'],
		['غالي بزاف', 'negative'],
		['jarrabtou w ma 3jebnich', 'negative'],
		['follow me back', 'spam'],
		['تابعني وأتابعك', 'spam'],
		['visit https://spam.example', 'spam'],
		['🔥🔥', 'generic'],
		['❤️‍🔥', 'generic'], // emoji alone, however warm, could stand under any post
		['nice', 'generic'],
		['hmm', 'generic']
	])('%s → %s', (text, label) => {
		expect(classifyComment(text).label).toBe(label);
	});
	it('says which cue decided', () => {
		expect(classifyComment('ch7al?')).toMatchObject({ label: 'purchase_intent', cue: 'ch7al' });
		expect(classifyComment('🔥🔥')).toMatchObject({ label: 'generic', cue: 'emoji_only', emojiOnly: true });
		expect(classifyComment('hmm')).toMatchObject({ label: 'generic', cue: 'no_cue' });
	});
});

describe('computeCreatorFeatures', () => {
	const now = Date.parse('2026-11-26T12:00:00Z');
	const post = (daysAgo: number, over: Partial<FeaturePost> = {}): FeaturePost => ({
		platform: 'instagram',
		format: 'reel',
		postedAt: now - daysAgo * DAY_MS,
		views: 1000,
		reach: 800,
		likes: 60,
		comments: 10,
		saves: 6,
		shares: 4,
		sponsored: false,
		...over
	});

	it('engagement per format over 90 days, followers standing in for a missing reach', () => {
		const f = computeCreatorFeatures({
			posts: [
				post(1),
				post(10, { reach: 1200, likes: 100, comments: 20, saves: 0, shares: 0 }),
				post(100, { likes: 9999 }),
				post(5, { format: 'story', reach: null, likes: 0, comments: 0, saves: 0, shares: 50, views: 400 })
			],
			points: [],
			comments: [],
			followersByPlatform: { instagram: 10_000 },
			now
		});
		// reels: (80 + 120) / (800 + 1200); the 100-day-old post is out of the window.
		expect(f.engagementByFormat.reel).toEqual({ posts: 2, engagementRate: 0.1, avgViews: 1000, avgReach: 1000 });
		expect(f.engagementByFormat.story).toEqual({ posts: 1, engagementRate: 0.005, avgViews: 400, avgReach: null });
		expect(f.engagementByFormat.post).toBeUndefined();
		expect(f.postsLast90d).toBe(3);
	});

	it('sponsored share among the last 30 posts', () => {
		const posts = Array.from({ length: 40 }, (_, i) => post(i, { sponsored: i < 6 || i >= 30 }));
		expect(computeCreatorFeatures({ posts, points: [], comments: [], followersByPlatform: {}, now }).sponsoredShare).toBe(0.2);
	});

	it('comment mix from the classifier, and follower growth over 30 days', () => {
		const f = computeCreatorFeatures({
			posts: [],
			points: [
				{ platform: 'instagram', date: '2026-10-20', followers: 9_000 },
				{ platform: 'instagram', date: '2026-10-27', followers: 10_000 },
				{ platform: 'instagram', date: '2026-11-26', followers: 11_000 },
				{ platform: 'tiktok', date: '2026-11-20', followers: 500 }
			],
			comments: ['prix svp', 'ch7al?', 'la couleur te va trop bien 😍', '🔥'],
			followersByPlatform: {},
			now
		});
		expect(f.commentMix).toEqual({ purchase_intent: 0.5, positive: 0.25, generic: 0.25 });
		expect(f.followerGrowth30d).toBe(0.1);
		expect(computeCreatorFeatures({ posts: [], points: [], comments: [], followersByPlatform: {}, now })).toEqual({
			engagementByFormat: {},
			sponsoredShare: 0,
			commentMix: {},
			postsLast90d: 0,
			followerGrowth30d: null,
			affinityTerms: {},
			observedNiches: [],
			risk: { score: 0, flags: [] },
			postsTotal: 0,
			commentsSampled: 0,
			// no evidence: engagement 0, comments 0, ad load a neutral 50 → 50 × 10 / 65 = 7.7
			qualityScore: 8,
			// the exact shortlist's bounds are the same scores: no posts on any set of formats, no comments, neutral ad load
			bounds: { engagement: Array(15).fill(0), commentQuality: 0, partnershipLoad: 50, followers: 0 }
		});
	});
});

describe('parsePostsCsv', () => {
	const now = Date.parse('2026-11-26T12:00:00Z');
	const header = 'platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored,commentSamples';

	it('reads quoted cells, embedded commas and newlines, and comment samples', () => {
		const csv = `\ufeff${header}\ninstagram,"https://ig/p/1,a",reel,2026-11-20,"12 500",9000,700,40,12,5,oui,"prix svp | ch7al? | top, merci"\ntiktok,v2,story,2026-11-21T10:00:00+01:00,300,,10,1,0,0,0,"ligne 1\nligne 2"\n`;
		const out = parsePostsCsv(csv, now);
		expect(out.errors).toEqual([]);
		expect(out.rows).toHaveLength(2);
		expect(out.rows[0]).toMatchObject({ line: 2, ref: 'https://ig/p/1,a', views: 12500, sponsored: true, commentSamples: ['prix svp', 'ch7al?', 'top, merci'] });
		expect(out.rows[1]).toMatchObject({ line: 4, platform: 'tiktok', reach: null, sponsored: false, commentSamples: ['ligne 1\nligne 2'] });
	});

	it('reports each bad cell with its file line and column', () => {
		const csv = `${header}\ninstagram,a,reel,2026-11-20,10,10,1,1,1,1,false,\nmyspace,b,tweet,hier,-3,10,1,1,1,1,peut-être,\ninstagram,a,reel,2026-11-20,10,10,1,1,1,1,false,\ninstagram,c,reel\n`;
		const out = parsePostsCsv(csv, now);
		expect(out.rows.map((r) => r.ref)).toEqual(['a']);
		expect(out.errors).toEqual([
			{ line: 3, column: 'platform', key: 'creator_platform_invalid' },
			{ line: 3, column: 'format', key: 'stats_format_invalid' },
			{ line: 3, column: 'postedAt', key: 'stats_date_invalid' },
			{ line: 3, column: 'views', key: 'stats_not_a_count' },
			{ line: 3, column: 'sponsored', key: 'stats_boolean_invalid' },
			{ line: 4, column: 'ref', key: 'stats_ref_duplicate' },
			{ line: 5, column: '', key: 'stats_csv_column_count' }
		]);
	});

	it('checks the header, malformed files and the row limit without throwing', () => {
		expect(parsePostsCsv('platform,ref\ninstagram,a\n', now).errors[0]).toEqual({ line: 1, column: 'format', key: 'stats_csv_column_missing' });
		expect(parsePostsCsv(`${header},extra\n`, now).errors).toEqual([{ line: 1, column: 'extra', key: 'stats_csv_column_unknown' }]);
		expect(parsePostsCsv(`${header}\ninstagram,"a,reel\n`, now).errors[0]).toMatchObject({ column: '', key: 'stats_csv_malformed' });
		expect(parsePostsCsv('', now).errors).toEqual([{ line: 1, column: '', key: 'stats_csv_empty' }]);
		const big = `${header}\n` + Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `instagram,r${i},reel,2026-11-20,1,1,1,1,1,1,0,`).join('\n');
		expect(parsePostsCsv(big, now).tooManyRows).toBe(true);
		expect(parsePostsCsv(`${header}\ninstagram,a,reel,2027-01-01,1,1,1,1,1,1,0,\n`, now).errors).toEqual([{ line: 2, column: 'postedAt', key: 'stats_date_future' }]);
	});
});

describe('comment samples and the sample files', () => {
	const now = Date.parse('2026-11-26T12:00:00Z');

	it('splits comment samples on a bar with or without spaces', () => {
		expect(splitCommentSamples('prix ?|livraison Oran ?')).toEqual(['prix ?', 'livraison Oran ?']);
		expect(splitCommentSamples('a |b|  c | | ')).toEqual(['a', 'b', 'c']);
		expect(splitCommentSamples('كم السعر؟|واش كاين توصيل')).toEqual(['كم السعر؟', 'واش كاين توصيل']);
	});

	it('offers a posts sample with every column that imports as it is, dated before now', () => {
		const csv = samplePostsCsv(now);
		expect(csv.split('\r\n')[0]).toBe('platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored,commentSamples,caption');
		const out = parsePostsCsv(csv, now);
		expect(out.errors).toEqual([]);
		expect(out.rows).toHaveLength(3);
		expect(out.rows[0].commentSamples).toEqual(['Prix svp ?', 'Livraison à Oran ?', 'Dispo en rose ?']);
		expect(out.rows[1].caption).toBe('Collaboration, code promo en story');
		expect(out.rows[2].reach).toBeNull();
		for (const row of out.rows) expect(row.postedAt).toBeLessThan(now);
	});

	it('offers a follower-history sample that imports as it is', () => {
		const out = parseFollowersCsv(sampleFollowersCsv(now), now);
		expect(out.errors).toEqual([]);
		expect(out.rows.map((r) => `${r.platform} ${r.date} ${r.followers}`)).toEqual(['instagram 2026-10-27 17650', 'instagram 2026-11-11 17980', 'instagram 2026-11-25 18320', 'tiktok 2026-11-25 5200']);
	});
});

describe('demo seed features', () => {
	it('has a creator_features row per creator, computed by computeCreatorFeatures', async () => {
		const { generateSeed } = await import('../../db/seed/generate');
		const data = await generateSeed({ anchorDate: '2026-11-26', creators: 12, seed: 3 });
		expect(data.creatorFeatures.map((f) => f.creatorId).sort()).toEqual(data.creators.map((c) => c.id).sort());
		const demo = data.creatorFeatures.find((f) => f.creatorId === 'seed-cr-demo')!;
		expect(demo.postsLast90d).toBe(26);
		expect(Object.keys(JSON.parse(demo.engagementByFormat)).length).toBeGreaterThan(0);
		expect(JSON.parse(demo.commentMix)).toHaveProperty('purchase_intent');
	});
});
