/**
 * Which message explains a classification: a key of worker/i18n.ts and its parameters,
 * so the route can phrase the reason in the caller's language, citing the cue.
 */
import type { CommentClassification } from './classify-comment';

export type CommentReasonKey =
	| 'comment_reason_price'
	| 'comment_reason_availability'
	| 'comment_reason_size'
	| 'comment_reason_delivery'
	| 'comment_reason_order'
	| 'comment_reason_purchase_emoji'
	| 'comment_reason_positive'
	| 'comment_reason_negative'
	| 'comment_reason_spam'
	| 'comment_reason_link'
	| 'comment_reason_generic'
	| 'comment_reason_mention'
	| 'comment_reason_emoji_only'
	| 'comment_reason_none';

export function commentReason(c: CommentClassification): { key: CommentReasonKey; params: { cue: string } } {
	const params = { cue: c.cue };
	if (c.topic === 'link') return { key: 'comment_reason_link', params };
	if (c.topic === 'mention') return { key: 'comment_reason_mention', params };
	if (c.topic === 'none') return { key: 'comment_reason_none', params };
	switch (c.label) {
		case 'purchase_intent':
			if (c.topic === 'price' || c.topic === 'availability' || c.topic === 'size' || c.topic === 'delivery' || c.topic === 'order') {
				return { key: `comment_reason_${c.topic}`, params };
			}
			return { key: 'comment_reason_purchase_emoji', params };
		case 'positive':
			return { key: 'comment_reason_positive', params };
		case 'negative':
			return { key: 'comment_reason_negative', params };
		case 'spam':
			return { key: 'comment_reason_spam', params };
		default:
			return c.cue === 'emoji_only' ? { key: 'comment_reason_emoji_only', params } : { key: 'comment_reason_generic', params };
	}
}
