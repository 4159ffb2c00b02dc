/** Schemas of the stats routes of a deliverable (issue 11, point 4). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { STATS_FIGURE_MAX } from '../domain/deliverable-stats';
import { multiLineCheck } from '../domain/text';
import { UNKNOWN_PARAM } from '../route';
import { ID_PATTERN, IdParam } from './params';

const Figure = (what: string) =>
	v.pipe(v.number('stats_figure_invalid'), v.integer('stats_figure_invalid'), v.minValue(0, 'stats_figure_invalid'), v.maxValue(STATS_FIGURE_MAX, 'stats_figure_invalid'), v.description(what));

export const StatsBody = v.strictObject({
	window: v.pipe(v.picklist(['D1', 'D7'], 'stats_window_invalid'), v.description('D1 opens 24 hours after publication, D7 seven days after.')),
	views: Figure('Views (plays).'),
	reach: Figure('Accounts reached (unique viewers). Not bounded by views: platforms count them differently.'),
	likes: Figure('Likes.'),
	comments: Figure('Comments.'),
	saves: Figure('Saves (Instagram “saved”, TikTok favourites); 0 where the platform has none.'),
	shares: Figure('Shares.'),
	replies: Figure('Replies (stories); 0 where the platform has none.'),
	linkClicks: Figure('Link clicks (link sticker, bio link); 0 where there is none.'),
	navigation: v.optional(v.nullable(Figure('Stories only: taps forward and back, next story.'))),
	exits: v.optional(v.nullable(Figure('Stories only: exits.'))),
	screenshotId: v.optional(
		v.nullable(
			v.pipe(
				v.string('stats_screenshot_unknown'),
				v.regex(ID_PATTERN, 'stats_screenshot_unknown'),
				v.description('A screenshot of the platform’s statistics uploaded with POST /creators/me/screenshots. Required for stories (their numbers vanish after 24 hours).')
			)
		)
	)
});

const Comment = (min: number, what: string) =>
	v.pipe(v.string('stats_comment_length'), v.trim(), multiLineCheck(), v.minLength(min, 'stats_comment_length'), v.maxLength(1000, 'stats_comment_length'), v.description(what));

export const StatsReviewBody = v.pipe(
	v.strictObject({
		decision: v.pipe(v.picklist(['approve', 'query'], 'stats_decision_invalid'), v.description('approve the window’s figures (final; approving D7 closes the deliverable), or query one.')),
		comment: v.optional(Comment(0, 'Required to query: the figure asked about and why (3 to 1000 characters). Optional when approving.'), '')
	}),
	v.forward(
		v.check((b) => b.decision !== 'query' || b.comment.length >= 3, 'stats_comment_length'),
		['comment']
	)
);

export const StatsAnswerBody = v.strictObject({
	comment: Comment(3, 'The answer to the brand’s query (3 to 1000 characters). Figures are corrected with POST /deliverables/:id/stats.')
});

/** `:id` and `:window` (D1 or D7; anything else names nothing: 404). */
export const ByWindow = v.object({ id: IdParam, window: v.pipe(v.picklist(['D1', 'D7'], UNKNOWN_PARAM), v.description('D1 or D7.')) });
