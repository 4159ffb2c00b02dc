/** Schemas of the drafts, reviews and thread routes of a deliverable (issue 11, point 2). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { DRAFT_TEXT } from '../domain/deliverable-drafts';
import { multiLineCheck } from '../domain/text';
import { DeliverableItem, DeliverableResponse } from './deliverables.types';
import { IdParam } from './params';

/** `:id` (the deliverable) and `:submissionId` (one of its versions). */
export const SubmissionParams = v.object({ id: IdParam, submissionId: IdParam });

/** The text fields of a draft's multipart form (the file is the body kind's). */
export const DraftFields = v.object({
	note: v.optional(
		v.pipe(
			v.string('draft_note_length'),
			v.trim(),
			multiLineCheck(),
			v.maxLength(DRAFT_TEXT.noteMax, 'draft_note_length'),
			v.description('The script or caption, or what changed since the last version (at most 8,000 characters). A draft needs a note, a file, or both.')
		),
		''
	)
});

/** An optional comment: multi-line, at most 2,000 characters. */
const Comment = (what: string) => v.optional(v.pipe(v.string('comment_length'), v.trim(), multiLineCheck(), v.maxLength(DRAFT_TEXT.commentMax, 'comment_length'), v.description(what)), '');

export const ReviewBody = v.pipe(
	v.strictObject({
		decision: v.pipe(v.picklist(['approve', 'changes'], 'review_decision_invalid'), v.description('`approve` the latest draft, or ask for `changes` to it.')),
		comment: Comment('What to change (required for `changes`, 3 to 2,000 characters), or a word with the approval. Shown in the thread.')
	}),
	v.forward(
		v.partialCheck([['decision'], ['comment']], (input) => input.decision !== 'changes' || input.comment.length >= DRAFT_TEXT.commentMin, 'review_comment_length'),
		['comment']
	)
);

export const ExtraRoundBody = v.strictObject({
	accept: v.pipe(v.boolean('extra_round_accept_invalid'), v.description('true: the creator agrees to one more round of corrections beyond those the terms include; false: they decline it.')),
	comment: Comment('Why, shown in the thread (at most 2,000 characters).')
});

export const MessageBody = v.strictObject({
	body: v.pipe(
		v.string('message_body_length'),
		v.trim(),
		multiLineCheck(),
		v.minLength(DRAFT_TEXT.messageMin, 'message_body_length'),
		v.maxLength(DRAFT_TEXT.messageMax, 'message_body_length'),
		v.description('The comment (1 to 2,000 characters, line breaks kept).')
	)
});

const SubmissionOut = DeliverableResponse.entries.submissions.item;
const MessageOut = DeliverableResponse.entries.messages.item;

export const SubmissionResponse = v.object({ submission: SubmissionOut, deliverable: DeliverableItem });
export const DeliverableChangeResponse = v.object({ deliverable: DeliverableItem });
export const MessageResponse = v.object({ message: MessageOut });
