/** Comment understanding: labels and explains comments (deterministic, offline, in the Worker). */
import { type Router, route } from '../route';
import { json } from '../body';
import { t } from '../i18n';
import { classifyComment, commentReason } from '../domain/comments';
import { COMMENTS_MAX, COMMENT_MAX_CHARS, CommentsBody, CommentsResponse } from './analysis.types';

export function analysisRoutes(r: Router) {
	route(
		r,
		{
			method: 'post',
			path: '/analysis/comments',
			summary: 'Label comments (purchase_intent, positive, negative, generic, spam) with the cue that decided each',
			tags: ['analysis'],
			auth: 'user',
			// Each character may take up to 6 bytes in JSON (\uXXXX escapes).
			body: json(CommentsBody, { maxBytes: COMMENTS_MAX * COMMENT_MAX_CHARS * 6 + 64 * 1024 }),
			responses: {
				200: { description: 'One result per comment, in order', schema: CommentsResponse },
				400: { description: 'Invalid input' },
				401: { description: 'Not signed in' }
			}
		},
		(c, { ctx, body }) => {
			const { locale } = ctx;
			const results = body.comments.map((text) => {
				const classification = classifyComment(text);
				const { key, params } = commentReason(classification);
				return { label: classification.label, reason: t(locale, key, params) };
			});
			return c.json({ results });
		}
	);
}
