/**
 * The post of a deliverable (issue 11, point 3): the creator records it with its disclosure,
 * the brand confirms or flags it, stories record their highlight hours. Each answers the
 * deliverable's whole record (as GET /deliverables/:id). Another tenant gets 404, the other
 * party 403, the wrong step 409 `invalid_state` with nothing changed.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import { recordHighlight, recordPublication, reviewPublication } from '../services/deliverables';
import { DeliverableResponse } from './deliverables.types';
import { HighlightBody, PublicationBody, PublicationReviewBody } from './deliverable-publication.types';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' }, 403: { description: 'The other party’s step' } };

export function deliverablePublicationRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/publication',
			summary:
				'The creator records the post (URL on the deliverable’s platform, time, disclosure): approved → published; again while its stats are collected to fix it. An incomplete disclosure flags the post (`disclosure_missing`) and holds its payout; a complete one sets the brand’s check to pending',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(PublicationBody),
			responses: {
				200: { description: 'Recorded; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'A URL that is not a post of the platform, a time in the future or before the signature, a bad hashtag (field errors)' },
				...COMMON,
				409: { description: '`invalid_state`: not approved yet, or done or withdrawn' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await recordPublication(ctx, { deliverableId: params.id, ...body }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/publication/review',
			summary: 'The brand confirms the recorded post, or flags it with a reason (the payout tied to it is held until the creator records it again)',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(PublicationReviewBody),
			responses: {
				200: { description: 'Reviewed; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'Unknown decision, or a flag without its reason' },
				...COMMON,
				409: { description: '`invalid_state`: no post recorded, already confirmed (confirm), already flagged, or the deliverable is done or withdrawn' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await reviewPublication(ctx, { deliverableId: params.id, decision: body.decision, reason: body.reason }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/highlight',
			summary: 'Stories: the creator records how many hours the story stayed highlighted, shown against the terms’ hours (`highlightShort`)',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(HighlightBody),
			responses: {
				200: { description: 'Recorded; the deliverable’s record', schema: DeliverableResponse },
				400: { description: 'Hours not a whole number from 0 to 8760' },
				...COMMON,
				409: { description: '`invalid_state`: not a story, not published yet, or withdrawn' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await recordHighlight(ctx, { deliverableId: params.id, hours: body.hours }))
	);
}
