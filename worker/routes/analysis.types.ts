/** Schemas of the analysis routes. Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { COMMENT_LABELS } from '../domain/comments';

export const COMMENTS_MAX = 500;
export const COMMENT_MAX_CHARS = 1000;

export const CommentsBody = v.strictObject({
	comments: v.pipe(
		v.array(v.pipe(v.string('analysis_comment_type'), v.maxLength(COMMENT_MAX_CHARS, 'analysis_comment_length')), 'analysis_comments_count'),
		v.minLength(1, 'analysis_comments_count'),
		v.maxLength(COMMENTS_MAX, 'analysis_comments_count'),
		v.description('1 to 500 comments, each at most 1,000 characters (French, Arabic, Darija, English, emoji).')
	)
});

export const CommentsResponse = v.object({
	results: v.array(
		v.object({
			label: v.picklist(COMMENT_LABELS),
			reason: v.pipe(v.string(), v.description('One sentence in the caller’s language citing the cue that decided the label.'))
		})
	)
});
