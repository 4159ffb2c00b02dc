/** Schemas of the creator routes (profile, stats import, screenshots). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { AGE_BANDS, CONTENT_LANGUAGES, FORMATS, NICHES, PLATFORMS } from '../domain/taxonomy';
import { MAX_RATE_DZD } from '../domain/rates';
import { normaliseAlgerianPhone } from '../domain/phone';
import { checkRip } from '../domain/rip';
import { handleProblem, normaliseHandle } from '../domain/accounts';
import { multiLineCheck, singleLineCheck } from '../domain/text';
import { UNKNOWN_PARAM } from '../route';
import { MAX_CAPTION_LENGTH, MAX_COMMENT_LENGTH, MAX_COMMENT_SAMPLES, MAX_IMPORT_ROWS, MAX_METRIC } from '../domain/stats-import';

/** Tolerance on audience splits: rounded shares may add up to a little over 1. */
export const SHARE_SUM_TOLERANCE = 0.02;

const WilayaCode = v.pipe(v.string('creator_wilaya_invalid'), v.regex(/^(0[1-9]|[1-5]\d|6[0-9])$/, 'creator_wilaya_invalid'), v.description('Official wilaya code, "01"–"69".'));
const Share = v.pipe(v.number('creator_share_invalid'), v.minValue(0, 'creator_share_invalid'), v.maxValue(1, 'creator_share_invalid'), v.description('A share between 0 and 1.'));
const Count = v.pipe(v.number('stats_not_a_count'), v.integer('stats_not_a_count'), v.minValue(0, 'stats_not_a_count'), v.maxValue(MAX_METRIC, 'stats_count_too_large'));
const Rate = v.pipe(
	v.number('creator_rate_invalid'),
	v.integer('creator_rate_invalid'),
	v.minValue(0, 'creator_rate_invalid'),
	v.maxValue(MAX_RATE_DZD, 'creator_rate_invalid'),
	v.description('Integer dinars (DA), not centimes.')
);

const sumAtMostOne = <T extends object>(shares: T) => Object.values(shares).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0) <= 1 + SHARE_SUM_TOLERANCE;

const Account = v.strictObject({
	platform: v.pipe(v.picklist(PLATFORMS, 'creator_platform_invalid'), v.description('Social platform.')),
	handle: v.pipe(
		v.string('required'),
		v.trim(),
		v.transform((s) => s.replace(/^@/, '')),
		v.nonEmpty('required'),
		v.maxLength(60, 'creator_handle_invalid'),
		v.regex(/^[\p{L}\p{N}._-]+$/u, 'creator_handle_invalid'),
		v.description('Account name on the platform, without @.')
	),
	followers: v.pipe(Count, v.description('Followers on this account.'))
});

const Audience = v.strictObject({
	wilayas: v.optional(
		v.pipe(
			v.record(WilayaCode, Share),
			v.check((r) => Object.keys(r).length <= 69, 'creator_shares_sum'),
			v.check(sumAtMostOne, 'creator_shares_sum'),
			v.description('Share of the audience per wilaya code; the rest is unlisted.')
		)
	),
	ageBands: v.optional(
		v.pipe(
			v.strictObject(Object.fromEntries(AGE_BANDS.map((b) => [b, v.optional(Share)])) as Record<(typeof AGE_BANDS)[number], v.OptionalSchema<typeof Share, undefined>>),
			v.check(sumAtMostOne, 'creator_shares_sum'),
			v.description('Share per age band.')
		)
	),
	gender: v.optional(v.pipe(v.strictObject({ f: v.optional(Share), m: v.optional(Share) }), v.check(sumAtMostOne, 'creator_shares_sum'), v.description('Share of women (f) and men (m).'))),
	countryShareDZ: v.optional(v.pipe(Share, v.description('Share of the audience in Algeria.')))
});

const Rates = v.strictObject(Object.fromEntries(FORMATS.map((f) => [f, v.optional(Rate)])) as Record<(typeof FORMATS)[number], v.OptionalSchema<typeof Rate, undefined>>);

const uniqueList = <T extends string>(items: readonly T[], key: string, min: number, max: number) =>
	v.pipe(
		v.array(v.picklist(items, key), key),
		v.minLength(min, `${key}_count`),
		v.maxLength(max, `${key}_count`),
		v.check((a) => new Set(a).size === a.length, `${key}_count`)
	);

export const ProfileBody = v.strictObject({
	displayName: v.pipe(
		v.string('required'),
		v.trim(),
		singleLineCheck(),
		v.minLength(2, 'name_length'),
		v.maxLength(80, 'name_length'),
		v.description('Name shown to brands and on the media kit: one line.')
	),
	handle: v.optional(
		v.pipe(
			v.string('invalid_type'),
			v.maxLength(100, 'creator_handle_choice_invalid'),
			v.transform(normaliseHandle),
			v.check((h) => handleProblem(h) !== 'creator_handle_choice_invalid', 'creator_handle_choice_invalid'),
			v.check((h) => handleProblem(h) !== 'creator_handle_reserved', 'creator_handle_reserved'),
			v.description(
				'The media kit’s address, /c/<handle>: 3–30 Latin letters, digits, ".", "_" or "-" (a leading "@" is dropped, stored lower case). Another creator’s handle is refused with a field error.'
			)
		)
	),
	wilaya: WilayaCode,
	niches: v.pipe(uniqueList(NICHES, 'creator_niche', 1, 5), v.description('1 to 5 niches from the taxonomy.')),
	languages: v.optional(v.pipe(uniqueList(CONTENT_LANGUAGES, 'creator_language', 0, CONTENT_LANGUAGES.length), v.description('Languages the creator publishes in.'))),
	accounts: v.optional(
		v.pipe(
			v.array(Account, 'invalid_type'),
			v.maxLength(PLATFORMS.length, 'creator_account_duplicate'),
			v.check((a) => new Set(a.map((x) => x.platform)).size === a.length, 'creator_account_duplicate'),
			v.description('Social accounts; replaces the stored list.')
		)
	),
	rates: v.optional(v.pipe(Rates, v.description('Price per format in integer dinars.'))),
	ratesPublic: v.optional(v.pipe(v.boolean('invalid_type'), v.description('Show the rates on the public media kit.'))),
	bio: v.optional(v.pipe(v.string('invalid_type'), v.trim(), multiLineCheck(), v.maxLength(500, 'too_long'))),
	audience: v.optional(Audience),
	phone: v.optional(
		v.nullable(
			v.pipe(
				v.string('creator_phone_invalid'),
				v.maxLength(30, 'creator_phone_invalid'),
				v.check((s) => s.trim() === '' || normaliseAlgerianPhone(s).ok, 'creator_phone_invalid'),
				v.description('Private. Algerian phone; stored as E.164 (+213…). Empty or null clears it.')
			)
		)
	),
	payoutRip: v.optional(
		v.nullable(
			v.pipe(
				v.string('creator_rip_format'),
				v.maxLength(40, 'creator_rip_format'),
				v.check((s) => s.trim() === '' || checkRip(s).ok || (checkRip(s) as { reason: string }).reason !== 'rip_format', 'creator_rip_format'),
				v.check((s) => s.trim() === '' || checkRip(s).ok, 'creator_rip_key'),
				v.description('Private. 20-digit RIP (bank or CCP), key checked. Empty or null clears it.')
			)
		)
	)
});
export type ProfileInput = v.InferOutput<typeof ProfileBody>;

export const FollowersBody = v.strictObject({
	platform: v.picklist(PLATFORMS, 'creator_platform_invalid'),
	points: v.pipe(
		v.array(
			v.strictObject({
				date: v.pipe(v.string('stats_date_invalid'), v.isoDate('stats_date_invalid'), v.description('Calendar day, YYYY-MM-DD.')),
				followers: Count
			}),
			'invalid_type'
		),
		v.minLength(1, 'required'),
		v.maxLength(MAX_IMPORT_ROWS, 'stats_too_many_rows')
	)
});

const PostItem = v.strictObject({
	ref: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), singleLineCheck(), v.maxLength(500, 'stats_ref_too_long'), v.description('Post URL or id; unique per platform.')),
	format: v.picklist(FORMATS, 'stats_format_invalid'),
	postedAt: v.pipe(v.string('stats_date_invalid'), v.description('ISO date or date-time.')),
	views: Count,
	reach: v.optional(v.nullable(Count)),
	likes: Count,
	comments: Count,
	saves: v.optional(Count, 0),
	shares: v.optional(Count, 0),
	sponsored: v.optional(v.boolean('stats_boolean_invalid'), false),
	commentSamples: v.optional(
		v.pipe(v.array(v.pipe(v.string('invalid_type'), v.maxLength(MAX_COMMENT_LENGTH, 'too_long')), 'invalid_type'), v.maxLength(MAX_COMMENT_SAMPLES, 'stats_too_many_rows')),
		[]
	),
	caption: v.optional(v.pipe(v.string('invalid_type'), v.trim(), v.maxLength(MAX_CAPTION_LENGTH, 'too_long'), v.description('The post’s text (matching reads it for editorial fit).')), '')
});

export const PostsBody = v.strictObject({
	platform: v.picklist(PLATFORMS, 'creator_platform_invalid'),
	posts: v.pipe(v.array(PostItem, 'invalid_type'), v.minLength(1, 'required'), v.maxLength(MAX_IMPORT_ROWS, 'stats_too_many_rows'))
});

export { ImportQuery as PostsQuery } from './csv-import';

/** `:handle` of a media kit: a handle is at most 120 characters, so a longer one names nobody (404). */
export const ByHandle = v.object({ handle: v.pipe(v.string(), v.maxLength(120, UNKNOWN_PARAM), v.description('The creator’s public handle.')) });

/** The text fields next to a screenshot's file. */
export const ScreenshotFields = v.object({
	note: v.optional(v.pipe(v.string(), v.trim(), singleLineCheck(), v.maxLength(300, 'too_long'), v.description('What the screenshot shows, one line (at most 300 characters).')), '')
});
