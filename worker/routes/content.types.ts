/** Schemas of the content library routes (issue 11, point 7). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { REUSE_CHANNELS } from '../domain/agreement-terms';
import { ASSET_STATUSES } from '../domain/content-rights';
import { FORMATS, PLATFORMS } from '../domain/taxonomy';
import { ID_PATTERN } from './params';

const Id = (message: string, description: string) => v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, message), v.description(description)));

export const ContentQuery = v.object({
	campaignId: Id('content_campaign_invalid', 'Only the assets of this campaign (another brand’s campaign matches nothing).'),
	creatorId: Id('content_creator_invalid', 'Only the assets of this creator.'),
	format: v.optional(v.pipe(v.picklist(FORMATS, 'content_format_invalid'), v.description('Only this format.'))),
	channel: v.optional(v.pipe(v.picklist(REUSE_CHANNELS, 'content_channel_invalid'), v.description('Only assets the terms let the brand reuse on this channel.'))),
	status: v.optional(
		v.pipe(
			v.picklist(ASSET_STATUSES, 'content_status_invalid'),
			v.description('active (reusable now), awaiting_publication (approved, not online: rights run from publication), expired, withdrawn (crisis clause).')
		)
	),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid'), v.description('Page number, from 1 (20 a page).')), '1')
});

const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));

export const ContentAsset = v.object({
	id: v.string(),
	campaign: v.object({ id: v.string(), title: v.string() }),
	creator: v.object({ id: v.string(), displayName: v.string(), handle: v.string() }),
	deliverableId: v.string(),
	agreementId: v.string(),
	platform: v.picklist(PLATFORMS),
	format: v.picklist(FORMATS),
	ordinal: v.number(),
	channels: v.pipe(v.array(v.picklist(REUSE_CHANNELS)), v.description('Where the terms let the brand reuse it.')),
	perpetual: v.boolean(),
	rightsDays: v.pipe(v.nullable(v.number()), v.description('Days of reuse from publication; null when perpetual.')),
	rightsFrom: v.pipe(v.nullable(Iso), v.description('The publication: null until the post is online.')),
	rightsUntil: v.pipe(v.nullable(Iso), v.description('rightsFrom + rightsDays; null while unpublished or when perpetual.')),
	expiredAt: v.pipe(v.nullable(Iso), v.description('When the cron marked it expired (a passed rightsUntil is expired even before).')),
	withdrawnAt: v.nullable(Iso),
	status: v.picklist(ASSET_STATUSES),
	downloadable: v.pipe(v.boolean(), v.description('Whether GET /content/:id/file serves it now (status active).')),
	file: v.object({ type: v.string(), size: v.number(), name: v.string() }),
	postUrl: v.nullable(v.string()),
	createdAt: Iso
});

export const ContentListResponse = v.object({
	assets: v.array(ContentAsset),
	total: v.number(),
	page: v.number(),
	pageSize: v.number(),
	options: v.pipe(
		v.object({
			campaigns: v.array(v.object({ id: v.string(), title: v.string() })),
			creators: v.array(v.object({ id: v.string(), displayName: v.string(), handle: v.string() }))
		}),
		v.description('The campaigns and creators the brand has assets of: the filter’s choices.')
	)
});

export const ContentResponse = v.object({ asset: ContentAsset });
