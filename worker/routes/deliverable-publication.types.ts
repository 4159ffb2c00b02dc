/** Schemas of the publication and highlight routes of a deliverable (issue 11, point 3). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { HASHTAG_PATTERN } from '../domain/agreement-terms';
import { HIGHLIGHT_HOURS_MAX } from '../domain/publication';
import { POST_URL_MAX } from '../domain/post-urls';
import { multiLineCheck } from '../domain/text';

const Hashtag = v.pipe(v.string('publication_hashtag_invalid'), v.trim(), v.regex(HASHTAG_PATTERN, 'publication_hashtag_invalid'));

export const PublicationBody = v.strictObject({
	url: v.pipe(
		v.string('publication_url_invalid'),
		v.trim(),
		v.minLength(1, 'publication_url_invalid'),
		v.maxLength(POST_URL_MAX, 'publication_url_invalid'),
		v.description(
			'The post’s https URL on the deliverable’s platform: Instagram /p/, /reel/, /reels/, /tv/, /stories/<user>/<id>; TikTok www.tiktok.com/@user/video/<id>, vm.tiktok.com, vt.tiktok.com; Facebook facebook.com/…, fb.watch; YouTube youtube.com/watch?v=, /shorts/, youtu.be; Snapchat snapchat.com/… (worker/domain/post-urls.ts).'
		)
	),
	publishedAt: v.pipe(
		v.string('publication_date_invalid'),
		v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'publication_date_invalid'),
		v.check((s) => !Number.isNaN(Date.parse(s)), 'publication_date_invalid'),
		v.description('When the post went online, ISO 8601 with an offset. May lie in the past; not in the future (5 minutes of clock skew allowed) nor before the agreement was signed.')
	),
	disclosure: v.pipe(
		v.strictObject({
			label: v.pipe(v.boolean('publication_label_invalid'), v.description('The platform’s paid-partnership label is on the post.')),
			hashtag: v.optional(v.pipe(Hashtag, v.description('One hashtag used on the post (API.md shape).'))),
			hashtags: v.optional(
				v.pipe(v.array(Hashtag, 'publication_hashtag_invalid'), v.maxLength(10, 'publication_hashtags_count'), v.description('The hashtags used on the post (with or instead of `hashtag`).'))
			)
		}),
		v.description(
			'What the post carries. Complete when `label` is true and at least one of the terms’ hashtags is among `hashtag`/`hashtags` (case-insensitive); an incomplete disclosure flags the post (`disclosure_missing`) and holds its payout.'
		)
	)
});

export const PublicationReviewBody = v.pipe(
	v.strictObject({
		decision: v.pipe(v.picklist(['confirm', 'flag'], 'publication_decision_invalid'), v.description('confirm the post as recorded, or flag it (its payout is held until the creator fixes it).')),
		reason: v.optional(
			v.pipe(
				v.string('publication_reason_length'),
				v.trim(),
				multiLineCheck(),
				v.maxLength(500, 'publication_reason_length'),
				v.description('Required to flag: what is wrong with the post (3 to 500 characters), shown to the creator.')
			),
			''
		)
	}),
	v.forward(
		v.check((b) => b.decision !== 'flag' || b.reason.length >= 3, 'publication_reason_length'),
		['reason']
	)
);

export const HighlightBody = v.strictObject({
	hours: v.pipe(
		v.number('highlight_hours_invalid'),
		v.integer('highlight_hours_invalid'),
		v.minValue(0, 'highlight_hours_invalid'),
		v.maxValue(HIGHLIGHT_HOURS_MAX, 'highlight_hours_invalid'),
		v.description('Hours the story stayed highlighted (0 to 8760); compared with the terms’ `storyHighlightHours`.')
	)
});
