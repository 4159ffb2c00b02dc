/**
 * The content library (issue 11, point 7): approved content as the brand's assets, with the
 * rights window and channels of the signed terms. Assets are written by SQL triggers on
 * `deliverables` (db/migrations/0015_content_library.sql), never by the drafts or publication
 * services; the cron marks expired ones (worker/jobs/expire-content.ts). Reads here are for
 * the members of the asset's brand only: another brand's asset is 404, a creator is refused by
 * the routes (403: creators see their content on its deliverable page).
 *
 * The status of an asset is `assetStatus` (worker/domain/content-rights.ts); STATUS_SQL says
 * the same in SQL for the filter, so a page and its filter never disagree.
 */
import type { CallerContext } from '../context';
import type { contentAssets } from '../../db/schema';
import type { SqlRow } from '../../db/schema/sql-row';
import { AppError } from '../errors';
import { iso, isoOrNull } from '../domain/dates';
import { type AssetStatus, assetStatus, reuseRefusal } from '../domain/content-rights';
import { jsonStrings } from '../domain/json';
import type { ReuseChannel } from '../domain/agreement-terms';
import type { Format } from '../domain/taxonomy';
import { actingBrand } from './viewer';

export const CONTENT_PAGE_SIZE = 20;

type AssetRow = SqlRow<typeof contentAssets> & {
	campaign_title: string | null;
	creator_name: string;
	creator_handle: string;
	file_key: string | null;
	file_type: string | null;
	file_size: number | null;
	file_name: string | null;
	post_url: string | null;
	ordinal: number;
};

const ASSET_SELECT = `SELECT a.*, c.title AS campaign_title, cr.display_name AS creator_name, cr.handle AS creator_handle,
	s.file_key, s.file_type, s.file_size, s.file_name, d.post_url, d.ordinal
	FROM content_assets a
	JOIN deliverable_submissions s ON s.id = a.submission_id
	JOIN deliverables d ON d.id = a.deliverable_id
	JOIN creators cr ON cr.id = a.creator_id
	LEFT JOIN campaigns c ON c.id = a.campaign_id`;

/** `assetStatus` in SQL, `?N` being the clock's parameter. */
export function statusSql(status: AssetStatus, now: string): string {
	const over = `(a.expired_at IS NOT NULL OR (a.perpetual = 0 AND a.rights_until IS NOT NULL AND a.rights_until <= ${now}))`;
	switch (status) {
		case 'withdrawn':
			return 'a.withdrawn_at IS NOT NULL';
		case 'expired':
			return `a.withdrawn_at IS NULL AND ${over}`;
		case 'awaiting_publication':
			return `a.withdrawn_at IS NULL AND NOT ${over} AND a.rights_from IS NULL`;
		case 'active':
			return `a.withdrawn_at IS NULL AND NOT ${over} AND a.rights_from IS NOT NULL`;
	}
}

const rightsOf = (a: AssetRow) => ({
	perpetual: Boolean(a.perpetual),
	rightsFrom: a.rights_from,
	rightsUntil: a.rights_until,
	expiredAt: a.expired_at,
	withdrawnAt: a.withdrawn_at
});

function assetOut(a: AssetRow, now: number) {
	const status = assetStatus(rightsOf(a), now);
	return {
		id: a.id,
		campaign: { id: a.campaign_id, title: a.campaign_title ?? '' },
		creator: { id: a.creator_id, displayName: a.creator_name, handle: a.creator_handle },
		deliverableId: a.deliverable_id,
		agreementId: a.agreement_id,
		platform: a.platform,
		format: a.format as Format,
		ordinal: a.ordinal,
		channels: jsonStrings<ReuseChannel>(a.channels),
		perpetual: Boolean(a.perpetual),
		rightsDays: a.rights_days,
		rightsFrom: isoOrNull(a.rights_from),
		rightsUntil: isoOrNull(a.rights_until),
		expiredAt: isoOrNull(a.expired_at),
		withdrawnAt: isoOrNull(a.withdrawn_at),
		status,
		/** Whether the reuse download is served now (rights active). */
		downloadable: status === 'active',
		file: { type: a.file_type ?? 'application/octet-stream', size: a.file_size ?? 0, name: a.file_name ?? '' },
		postUrl: a.post_url,
		createdAt: iso(a.created_at)
	};
}

export interface ContentQuery {
	campaignId?: string;
	creatorId?: string;
	format?: Format;
	channel?: ReuseChannel;
	status?: AssetStatus;
	page: number;
}

/**
 * GET /content: the brand's assets, newest first, 20 a page, filtered by campaign, creator,
 * format, reuse channel and status; with the campaigns and creators that have assets (the
 * filter's choices). Another brand's campaign or creator id simply matches nothing.
 */
export async function listContent(ctx: CallerContext, query: ContentQuery) {
	const brand = await actingBrand(ctx);
	const params: unknown[] = [brand.id];
	const where = ['a.brand_id = ?1'];
	const add = (sql: (mark: string) => string, value: unknown) => {
		params.push(value);
		where.push(sql(`?${params.length}`));
	};
	if (query.campaignId) add((m) => `a.campaign_id = ${m}`, query.campaignId);
	if (query.creatorId) add((m) => `a.creator_id = ${m}`, query.creatorId);
	if (query.format) add((m) => `a.format = ${m}`, query.format);
	if (query.channel) add((m) => `EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(a.channels) THEN a.channels ELSE '[]' END) WHERE value = ${m})`, query.channel);
	if (query.status) {
		// The clock is bound only when the condition reads it (D1 refuses unused parameters).
		const mark = `?${params.length + 1}`;
		const sql = statusSql(query.status, mark);
		if (sql.includes(mark)) params.push(ctx.now);
		where.push(sql);
	}
	const filter = where.join(' AND ');
	const offset = (query.page - 1) * CONTENT_PAGE_SIZE;
	const { db } = ctx;
	const [rows, total, campaigns, creators] = await db.batch([
		db.prepare(`${ASSET_SELECT} WHERE ${filter} ORDER BY a.created_at DESC, a.id LIMIT ${CONTENT_PAGE_SIZE} OFFSET ${offset}`).bind(...params),
		db.prepare(`SELECT count(*) AS n FROM content_assets a WHERE ${filter}`).bind(...params),
		db
			.prepare("SELECT DISTINCT a.campaign_id AS id, coalesce(c.title, '') AS title FROM content_assets a LEFT JOIN campaigns c ON c.id = a.campaign_id WHERE a.brand_id = ?1 ORDER BY title, id")
			.bind(brand.id),
		db
			.prepare(
				'SELECT DISTINCT a.creator_id AS id, cr.display_name AS displayName, cr.handle FROM content_assets a JOIN creators cr ON cr.id = a.creator_id WHERE a.brand_id = ?1 ORDER BY displayName, id'
			)
			.bind(brand.id)
	]);
	return {
		assets: (rows.results as AssetRow[]).map((a) => assetOut(a, ctx.now)),
		total: (total.results as { n: number }[])[0]?.n ?? 0,
		page: query.page,
		pageSize: CONTENT_PAGE_SIZE,
		options: {
			campaigns: campaigns.results as { id: string; title: string }[],
			creators: creators.results as { id: string; displayName: string; handle: string }[]
		}
	};
}

/** The asset if it is the caller's brand's; 404 otherwise. */
async function loadAsset(ctx: CallerContext, assetId: string): Promise<AssetRow> {
	const brand = await actingBrand(ctx);
	const row = await ctx.db.prepare(`${ASSET_SELECT} WHERE a.id = ?1 AND a.brand_id = ?2`).bind(assetId, brand.id).first<AssetRow>();
	if (!row) throw new AppError('not_found');
	return row;
}

/** GET /content/:id: the record, whatever its status (an expired or withdrawn asset stays visible). */
export async function getContent(ctx: CallerContext, input: { assetId: string }) {
	return { asset: assetOut(await loadAsset(ctx, input.assetId), ctx.now) };
}

const REFUSAL_DETAIL = {
	expired: 'detail_content_expired',
	withdrawn: 'detail_content_withdrawn',
	awaiting_publication: 'detail_content_unpublished'
} as const;

/**
 * GET /content/:id/file: the reuse download, served only while the rights are active
 * (published, window not over, not withdrawn; perpetual rights never end). Otherwise 409
 * `invalid_state` with the reason (expired, withdrawn, not published yet) — 409 rather than
 * 410 because the asset itself is still there and readable. The bytes come from R2 as stored.
 */
export async function contentFile(ctx: CallerContext, input: { assetId: string }) {
	const a = await loadAsset(ctx, input.assetId);
	const refusal = reuseRefusal(rightsOf(a), ctx.now);
	if (refusal) throw new AppError('invalid_state', { detailKey: REFUSAL_DETAIL[refusal] });
	const object = a.file_key ? await ctx.files.get(a.file_key) : null;
	if (!object) throw new AppError('not_found');
	return { body: object.body, size: object.size, type: a.file_type ?? 'application/octet-stream', name: a.file_name ?? '' };
}
