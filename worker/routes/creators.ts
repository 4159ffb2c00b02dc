/** Creators: own profile, public profile and media kit, stats import (JSON and CSV), stats screenshots. */
import * as v from 'valibot';
import type { Locale } from '../env';
import { AppError } from '../errors';
import { isMessageKey, t, type MessageKey } from '../i18n';
import { type Router, route } from '../route';
import { either, json, upload } from '../body';
import { ById } from './params';
import { csvRowsProblem, importCsv, rowErrorsOut, wantsValidRows } from './csv-import';
import { type FollowerPointImport, MAX_IMPORT_BYTES, parseDay, parseFollowersCsv, parsePostedAt, parsePostsCsv, type PostImport, type RowError } from '../domain/stats-import';
import { getCreatorFor, getMediaKit, getOwnProfile, updateOwnProfile, type InputWarning } from '../services/creators';
import { ownCreatorId } from '../services/viewer';
import { importFollowerPoints, importPosts, listOwnStats, recomputeFeatures } from '../services/creator-stats';
import { listScreenshots, MAX_SCREENSHOT_BYTES, readScreenshot, saveScreenshot } from '../services/screenshots';
import { ByHandle, FollowersBody, PostsBody, PostsQuery, ProfileBody, ScreenshotFields } from './creators.types';
import { IMAGE_TYPES } from '../domain/file-types';
import { iso } from '../domain/dates';
import { formatInteger } from '../domain/numbers';

const msg = (locale: Locale, key: string, params: Record<string, string | number> = {}) => (isMessageKey(key) ? t(locale, key as MessageKey, params) : key);

/** Amounts in messages grouped as the UI shows them: 25 000 (narrow no-break space), en 25,000. */
const grouped = (locale: Locale, n: number) => formatInteger(n, locale);

const warningsOut = (locale: Locale, warnings: InputWarning[]) =>
	warnings.map((w) => ({
		path: w.path,
		code: w.code,
		message: msg(locale, w.key, Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'number' ? grouped(locale, v) : v])))
	}));

/** A stats CSV: what the followers and posts imports take besides JSON. */
const statsCsv = importCsv;

const StatsListQuery = v.object({
	page: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,4}$/, 'invalid_type'))),
	limit: v.optional(v.pipe(v.string(), v.regex(/^([1-9]|[1-9]\d|100)$/, 'invalid_type')))
});

export function creatorRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/creators/me',
			summary: 'The caller’s own creator profile, private fields included',
			tags: ['creators'],
			auth: 'creator',
			responses: { 200: { description: 'OK' }, 401: { description: 'No session' }, 403: { description: 'Not a creator' } }
		},
		async (c, { ctx }) => c.json({ creator: await getOwnProfile(ctx) })
	);

	route(
		r,
		{
			method: 'put',
			path: '/creators/me',
			summary: 'Save the creator profile; fields left out keep their value. Answers warnings (e.g. a rate that looks like centimes) without refusing.',
			tags: ['creators'],
			auth: 'creator',
			body: json(ProfileBody),
			responses: {
				200: { description: 'Saved: {creator, warnings:[{path, code, message}]}' },
				400: { description: 'Invalid input' },
				403: { description: 'Not a creator; or a new payoutRip without a re-authentication in the last 5 minutes (`reauth_required`): nothing saved' }
			}
		},
		async (c, { ctx, body }) => {
			const { creator, warnings } = await updateOwnProfile(ctx, body);
			// Followers feed engagement rates, bio and niches feed affinity, the audience feeds
			// the audience_abroad signal: any of them changes the stored features.
			const featureInputs = [body.accounts, body.bio, body.niches, body.audience];
			if (featureInputs.some((v) => v !== undefined)) await recomputeFeatures(ctx, { creatorId: creator.id });
			return c.json({ creator: body.accounts !== undefined ? await getOwnProfile(ctx) : creator, warnings: warningsOut(ctx.locale, warnings) });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/creators/me/followers',
			summary:
				'Import follower history: JSON {platform, points:[{date, followers}]} or text/csv (platform,date,followers). ?mode=preview saves nothing; a CSV with bad rows answers 422 unless ?importValid=1. Upserts by (platform, date).',
			tags: ['creators'],
			auth: 'creator',
			query: PostsQuery,
			body: either(json(FollowersBody, { maxBytes: MAX_IMPORT_BYTES }), statsCsv('platform,date,followers')),
			responses: {
				200: { description: '{imported, rejected:[{line, column, message}], features} or, in preview, {rows, errors, total}' },
				400: { description: 'Invalid JSON input' },
				413: { description: 'More than 5 000 rows or 2 MB' },
				415: { description: 'Neither JSON nor CSV' },
				422: { description: 'CSV rows with errors, nothing saved' }
			}
		},
		async (c, { ctx, query, body: input }) => {
			const { locale, now } = ctx;
			const creatorId = await ownCreatorId(ctx);
			let points: FollowerPointImport[];
			let rejected: RowError[] = [];
			if (input.kind === 'csv') {
				const parsed = parseFollowersCsv(input.value, now);
				if (parsed.tooManyRows) throw new AppError('payload_too_large', { detailKey: 'detail_import_too_large' });
				if (query.mode === 'preview') return c.json({ total: parsed.total, rows: parsed.rows, errors: rowErrorsOut(locale, parsed.errors) });
				if (parsed.errors.length > 0 && !wantsValidRows(query)) return csvRowsProblem(c, parsed.errors);
				points = parsed.rows.map(({ platform, date, followers }) => ({ platform, date, followers }));
				rejected = parsed.errors;
			} else {
				const body = input.value;
				const bad = body.points.findIndex((p) => typeof parseDay(p.date, now) !== 'string');
				if (bad >= 0) {
					const error = parseDay(body.points[bad].date, now) as { error: string };
					throw new AppError('invalid_request', { fieldKeys: [{ path: `points.${bad}.date`, key: error.error }] });
				}
				points = body.points.map((p) => ({ platform: body.platform, ...p }));
				if (query.mode === 'preview') return c.json({ total: points.length, rows: points.map((p, i) => ({ line: i + 1, ...p })), errors: [] });
			}
			let imported = 0;
			for (const platform of new Set(points.map((p) => p.platform))) {
				imported += await importFollowerPoints(ctx, { creatorId, platform, points: points.filter((p) => p.platform === platform) });
			}
			const features = await recomputeFeatures(ctx, { creatorId });
			return c.json({ imported, rejected: rowErrorsOut(locale, rejected), features });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/creators/me/posts',
			summary:
				'Import post metrics: JSON {platform, posts:[…]} or text/csv (platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored[,commentSamples separated by " | "][,caption]). ?mode=preview saves nothing; a CSV with bad rows answers 422 unless ?importValid=1. Upserts by (platform, ref).',
			tags: ['creators'],
			auth: 'creator',
			query: PostsQuery,
			body: either(json(PostsBody, { maxBytes: MAX_IMPORT_BYTES }), statsCsv('platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored[,commentSamples][,caption]')),
			responses: {
				200: { description: '{imported, rejected:[{line, column, message}], features} or, in preview, {rows, errors, total}' },
				400: { description: 'Invalid JSON input' },
				413: { description: 'More than 5 000 rows or 2 MB' },
				415: { description: 'Neither JSON nor CSV' },
				422: { description: 'CSV rows with errors, nothing saved' }
			}
		},
		async (c, { ctx, query, body: input }) => {
			const { locale, now } = ctx;
			const preview = query.mode === 'preview';
			const importValid = wantsValidRows(query);
			const creatorId = await ownCreatorId(ctx);

			let posts: PostImport[];
			let rejected: RowError[] = [];
			if (input.kind === 'csv') {
				const parsed = parsePostsCsv(input.value, now);
				if (parsed.tooManyRows) throw new AppError('payload_too_large', { detailKey: 'detail_import_too_large' });
				if (preview) {
					return c.json({
						total: parsed.total,
						rows: parsed.rows.map(({ line, ...row }) => ({ line, ...row, postedAt: iso(row.postedAt) })),
						errors: rowErrorsOut(locale, parsed.errors)
					});
				}
				if (parsed.errors.length > 0 && !importValid) return csvRowsProblem(c, parsed.errors);
				posts = parsed.rows;
				rejected = parsed.errors;
			} else {
				const body = input.value;
				const fieldKeys: { path: string; key: string }[] = [];
				posts = body.posts.map((p, i) => {
					const postedAt = parsePostedAt(p.postedAt, now);
					if (typeof postedAt !== 'number') fieldKeys.push({ path: `posts.${i}.postedAt`, key: postedAt.error });
					return { ...p, platform: body.platform, reach: p.reach ?? null, postedAt: typeof postedAt === 'number' ? postedAt : 0 };
				});
				const seen = new Set<string>();
				posts.forEach((p, i) => {
					if (seen.has(p.ref)) fieldKeys.push({ path: `posts.${i}.ref`, key: 'stats_ref_duplicate' });
					seen.add(p.ref);
				});
				if (fieldKeys.length > 0) throw new AppError('invalid_request', { fieldKeys });
				if (preview) return c.json({ total: posts.length, rows: posts.map((p, i) => ({ line: i + 1, ...p, postedAt: iso(p.postedAt) })), errors: [] });
			}
			const imported = posts.length > 0 ? await importPosts(ctx, { creatorId, posts }) : 0;
			const features = await recomputeFeatures(ctx, { creatorId });
			return c.json({ imported, rejected: rowErrorsOut(locale, rejected), features });
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/creators/me/stats',
			summary: 'The caller’s posts (paginated) and latest follower points',
			tags: ['creators'],
			auth: 'creator',
			query: StatsListQuery,
			responses: { 200: { description: '{posts, total, page, limit, recentFollowerPoints}' } }
		},
		async (c, { ctx, query }) => {
			const limit = Number(query.limit ?? 20);
			const page = Number(query.page ?? 1);
			const creatorId = await ownCreatorId(ctx);
			return c.json({ ...(await listOwnStats(ctx, { creatorId, limit, offset: (page - 1) * limit })), page, limit });
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/creators/me/screenshots',
			summary: 'Attach a stats screenshot (multipart: file, note). PNG, JPEG or WebP by content, at most 5 MB.',
			tags: ['creators'],
			auth: 'creator',
			body: upload({
				maxBytes: MAX_SCREENSHOT_BYTES,
				types: IMAGE_TYPES,
				fields: ScreenshotFields,
				messages: { tooLarge: 'detail_screenshot_too_large', wrongContent: 'detail_image_type' },
				description: 'A screenshot of the platform’s statistics'
			}),
			responses: { 201: { description: '{screenshot}' }, 400: { description: 'No file, or a bad note' }, 413: { description: 'Over 5 MB' }, 415: { description: 'Not PNG/JPEG/WebP' } }
		},
		async (c, { ctx, body }) => {
			const creatorId = await ownCreatorId(ctx);
			const screenshot = await saveScreenshot(ctx, { creatorId, file: body.file, note: body.fields.note });
			return c.json({ screenshot }, 201);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/creators/me/screenshots',
			summary: 'The caller’s stats screenshots, newest first',
			tags: ['creators'],
			auth: 'creator',
			responses: { 200: { description: '{screenshots}' } }
		},
		async (c, { ctx }) => c.json({ screenshots: await listScreenshots(ctx, { creatorId: await ownCreatorId(ctx) }) })
	);

	route(
		r,
		{
			method: 'get',
			path: '/creators/me/screenshots/:id',
			summary: 'Download one of the caller’s screenshots',
			tags: ['creators'],
			auth: 'creator',
			params: ById,
			responses: { 200: { description: 'The image' }, 404: { description: 'Unknown or someone else’s' } }
		},
		async (c, { ctx, params }) => {
			const creatorId = await ownCreatorId(ctx);
			const shot = await readScreenshot(ctx, { creatorId, screenshotId: params.id });
			return new Response(shot.body, {
				headers: {
					'content-type': shot.contentType,
					'content-length': String(shot.size),
					'x-content-type-options': 'nosniff',
					'cache-control': 'private, max-age=0',
					'content-disposition': 'inline'
				}
			});
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/media-kits/:handle',
			summary: 'Public media kit by handle: profile, key numbers, recent posts; never contact or payout data',
			tags: ['creators'],
			auth: 'public',
			replica: true,
			params: ByHandle,
			responses: { 200: { description: '{creator, wilayaName, recentPosts}' }, 404: { description: 'Unknown handle' } }
		},
		async (c, { ctx, params }) => c.json(await getMediaKit(ctx, { handle: params.handle }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/creators/:id',
			summary: 'A creator’s public profile; phone and payout RIP only for the creator and for a brand with a signed agreement',
			tags: ['creators'],
			auth: 'public',
			params: ById,
			responses: { 200: { description: '{creator}' }, 404: { description: 'Unknown creator' } }
		},
		async (c, { ctx, params }) => c.json({ creator: await getCreatorFor(ctx, { creatorId: params.id }) })
	);
}
