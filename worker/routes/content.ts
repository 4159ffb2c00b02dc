/**
 * The content library (issue 11, point 7): the brand's assets with their reuse rights, one
 * asset's record, and the reuse download while the rights are active. Brand members only
 * (a creator gets 403); another brand's asset is 404.
 */
import { type Router, route } from '../route';
import { ById } from './params';
import { contentFile, getContent, listContent } from '../services/content-library';
import { ContentListResponse, ContentQuery, ContentResponse } from './content.types';
import { attachmentHeaders, downloadName } from '../downloads';
import type { FileType } from '../domain/file-types';

const NO_BRAND = { 403: { description: 'Not a brand account, or one that belongs to no brand (`detail_no_brand`)' } };

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
			return new Response(file.body, { headers: attachmentHeaders({ type: file.type, name: downloadName(file.name, file.type as FileType, 'wasla-content'), size: file.size }) });
		}
	);
}
