/**
 * Drafts, reviews and the thread of a deliverable (issue 11, point 2). Only the agreement's
 * parties see them (404 for anyone else); only the creator submits and answers an extra
 * round, only the brand reviews (403 for the other side); a step the status does not allow
 * is 409 and changes nothing.
 */
import { json, streamedUpload } from '../body';
import { DRAFT_FILE_TYPES, MAX_DRAFT_BYTES } from '../domain/deliverable-drafts';
import { type Router, route } from '../route';
import { answerExtraRound, draftFile, postDeliverableMessage, reviewDraft, submitDraft } from '../services/deliverables';
import { DeliverableChangeResponse, DraftFields, ExtraRoundBody, MessageBody, MessageResponse, ReviewBody, SubmissionParams, SubmissionResponse } from './deliverable-drafts.types';
import { ById } from './params';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'No such deliverable, or not one of its parties' } };
const SMALL_JSON = { maxBytes: 16 * 1024 };

export function deliverableDraftRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/submissions',
			summary:
				'The creator sends a draft (multipart: note, file): a new version, kept with every earlier one. The file (image or video, at most 95 MB = 95,000,000 bytes) is streamed to storage only after the access and status checks; its type is detected from its bytes',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: streamedUpload({
				maxBytes: MAX_DRAFT_BYTES,
				types: DRAFT_FILE_TYPES,
				fields: DraftFields,
				messages: { tooLarge: 'detail_draft_too_large', wrongContent: 'detail_draft_type' },
				description: 'The draft: a PNG, JPEG or WebP image, or an MP4, QuickTime or WebM video. Optional when the note says it all.'
			}),
			responses: {
				201: { description: 'The version and the deliverable, now draft_submitted', schema: SubmissionResponse },
				400: { description: 'Neither note nor file, a bad note, or an unreadable form' },
				403: { description: 'Not the creator of the agreement' },
				409: { description: '`invalid_state`: only a planned deliverable or one with changes requested takes a draft' },
				413: { description: 'The file is over 95 MB' },
				415: { description: 'Not multipart/form-data, or the file is not an accepted image or video' },
				...COMMON
			}
		},
		async (c, { ctx, params, body }) => c.json(await submitDraft(ctx, { deliverableId: params.id, upload: body }), 201)
	);

	route(
		r,
		{
			method: 'get',
			path: '/deliverables/:id/submissions/:submissionId/file',
			summary: 'The file of one version of a draft, as a download (attachment, nosniff, sandboxed); the download is recorded on the agreement’s audit trail',
			tags: ['deliverables'],
			auth: 'user',
			params: SubmissionParams,
			responses: {
				200: { description: 'The file, with the type detected when it was received' },
				401: { description: 'No session' },
				404: { description: 'No such deliverable or version, not one of its parties, or a version without a file' }
			}
		},
		async (_c, { ctx, params }) => draftFile(ctx, { deliverableId: params.id, submissionId: params.submissionId })
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/review',
			summary:
				'The brand reviews the latest draft: `approve`, or `changes` with a comment. Within the correction rounds of the terms the draft goes back to the creator; once they are used up, a change request asks the creator for an extra round (`extraRoundPending`), which needs their consent',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(ReviewBody, SMALL_JSON),
			responses: {
				200: { description: 'The deliverable after the review', schema: DeliverableChangeResponse },
				400: { description: 'Unknown decision, or `changes` without a comment of 3 to 2,000 characters' },
				403: { description: 'Not the brand of the agreement' },
				409: { description: '`invalid_state`: no draft waiting for review, an extra round already asked, or the agreement changed meanwhile' },
				...COMMON
			}
		},
		async (c, { ctx, params, body }) => c.json(await reviewDraft(ctx, { deliverableId: params.id, ...body }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/extra-round',
			summary:
				'The creator answers the brand’s request for a correction round beyond those the terms include: accepting it sends the draft back for changes, refusing leaves it submitted. The answer is recorded',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(ExtraRoundBody, SMALL_JSON),
			responses: {
				200: { description: 'The deliverable after the answer', schema: DeliverableChangeResponse },
				403: { description: 'Not the creator of the agreement' },
				409: { description: '`invalid_state`: no extra round is waiting for an answer' },
				...COMMON
			}
		},
		async (c, { ctx, params, body }) => c.json(await answerExtraRound(ctx, { deliverableId: params.id, ...body }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/deliverables/:id/messages',
			summary: 'A comment in the deliverable’s thread, by either party, whatever its status (the thread is read with GET /deliverables/:id)',
			tags: ['deliverables'],
			auth: 'user',
			params: ById,
			body: json(MessageBody, SMALL_JSON),
			responses: { 201: { description: 'The message', schema: MessageResponse }, 400: { description: 'Empty or too long' }, ...COMMON }
		},
		async (c, { ctx, params, body }) => c.json(await postDeliverableMessage(ctx, { deliverableId: params.id, body: body.body }), 201)
	);
}
