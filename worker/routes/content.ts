/**
 * The content library (issue 11, point 7): the brand's assets with their reuse rights, one
 * asset's record, and the reuse download while the rights are active. Brand members only
 * (a creator gets 403); another brand's asset is 404.
 */
import { type Router, route } from '../route';
import { ById } from './params';
import { contentFile, getContent, listContent } from '../services/content-library';
import { ContentListResponse, ContentQuery, ContentResponse } from './content.types';

const NO_BRAND = { 403: { description: 'Not a brand account, or one that belongs to no brand (`detail_no_brand`)' } };

// ---- download headers ---------------------------------------------------------------------------
// Private until the shared helper of branch i11-upload (worker/downloads.ts: attachmentHeaders,
// downloadName) lands in main; same signature and headers, so the lead can swap the import.

/** Controls, bidirectional controls and characters file systems refuse. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/** The uploader's name without folders or unsafe characters, at most 100 characters; `fallback` when nothing is left. */
function safeName(name: string, fallback: string): string {
	const base = (name.split(/[/\\]/).pop() ?? '').replace(UNSAFE_IN_NAME, '_').replace(/^[\s.]+|[\s.]+$/g, '');
	return base.slice(-100) || fallback;
}

const encodeExtValue = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` with an ASCII `filename` and the exact `filename*` (RFC 6266), nosniff, a sandboxing CSP, no caching. */
function attachmentHeaders(opts: { type: string; name: string; size?: number }): Record<string, string> {
	const ascii = opts.name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	return {
		'content-type': opts.type,
		'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(opts.name)}`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, no-store',
		...(opts.size !== undefined ? { 'content-length': String(opts.size) } : {})
	};
}

export function contentRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/content',
			summary: 'The brand’s content library: approved content with its reuse channels and rights window, newest first, 20 a page, filtered by campaign, creator, format, channel and status',
			tags: ['content'],
			auth: 'brand',
			query: ContentQuery,
			responses: { 200: { description: 'OK', schema: ContentListResponse }, ...NO_BRAND }
		},
		async (c, { ctx, query }) => c.json(await listContent(ctx, query))
	);

	route(
		r,
		{
			method: 'get',
			path: '/content/:id',
			summary: 'One asset’s record, whatever its status (expired and withdrawn assets stay visible)',
			tags: ['content'],
			auth: 'brand',
			params: ById,
			responses: { 200: { description: 'OK', schema: ContentResponse }, ...NO_BRAND, 404: { description: 'No such asset in the caller’s brand' } }
		},
		async (c, { ctx, params }) => c.json(await getContent(ctx, { assetId: params.id }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/content/:id/file',
			summary: 'The reuse download: the approved file, only while the rights are active (published, window not over, not withdrawn; perpetual rights never end)',
			tags: ['content'],
			auth: 'brand',
			params: ById,
			responses: {
				200: { description: 'The file as stored (its detected type), as an attachment' },
				...NO_BRAND,
				404: { description: 'No such asset in the caller’s brand, or its file is gone' },
				409: {
					description:
						'Not reusable now: rights expired (`detail_content_expired`), withdrawn (`detail_content_withdrawn`) or not published yet (`detail_content_unpublished`); the record stays readable'
				}
			}
		},
		async (c, { ctx, params }) => {
			const file = await contentFile(ctx, { assetId: params.id });
			return new Response(file.body, { headers: attachmentHeaders({ type: file.type, name: safeName(file.name, 'wasla-content'), size: file.size }) });
		}
	);
}
