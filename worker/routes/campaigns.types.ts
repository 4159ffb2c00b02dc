/** Schemas of the campaign routes. Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { AGE_BANDS, CAMPAIGN_STATUSES, FORMATS, NICHES, OBJECTIVES } from '../domain/taxonomy';
import { FIT_REASONS } from '../domain/campaign-fit';
import { PLAN_PHASES } from '../domain/campaign-plan';
import { multiLineCheck, singleLineCheck } from '../domain/text';
import { IdParam } from './params';
import { LANDING_URL_MAX, normaliseLandingUrl } from '../domain/tracked-links';

const LINE_MAX = 200;
const LIST_MAX = 12;

/** One item of a brief list: a single line. */
const Line = v.pipe(v.string('invalid_type'), v.trim(), singleLineCheck(), v.maxLength(LINE_MAX, 'too_long'));
const Lines = (description: string) => v.pipe(v.array(Line, 'invalid_type'), v.maxLength(LIST_MAX, 'campaign_list_too_long'), v.description(description));

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm), e.g. 2026-12-01T23:59:00+01:00. */
export const IsoTime = v.pipe(
	v.string('campaign_date_invalid'),
	v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'campaign_date_invalid'),
	v.check((s) => !Number.isNaN(Date.parse(s)), 'campaign_date_invalid')
);

const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

export const BriefIn = v.strictObject({
	keyMessages: v.optional(Lines('Key messages the creator must get across, one per line.'), []),
	dos: v.optional(Lines('What to do.'), []),
	donts: v.optional(Lines('What not to do.'), []),
	angle: v.optional(v.pipe(v.string('invalid_type'), v.trim(), multiLineCheck(), v.maxLength(500, 'too_long'), v.description('The creative angle, in a sentence or two.')), '')
});

const Formats = v.pipe(
	v.array(v.picklist(FORMATS, 'campaign_format_invalid'), 'invalid_type'),
	v.minLength(1, 'campaign_pick_one'),
	v.check(unique, 'campaign_duplicates'),
	v.description('Content formats wanted: reel, story, post, live (at least one).')
);
const Wilayas = v.pipe(
	v.array(v.pipe(v.string('campaign_wilaya_unknown'), v.regex(/^\d{2}$/, 'campaign_wilaya_unknown')), 'invalid_type'),
	v.minLength(1, 'campaign_pick_one'),
	v.maxLength(69, 'campaign_list_too_long'),
	v.check(unique, 'campaign_duplicates'),
	v.description('Target wilayas, official codes as strings ("16" Alger), at least one.')
);
const Niches = v.pipe(
	v.array(v.picklist(NICHES, 'campaign_niche_invalid'), 'invalid_type'),
	v.minLength(1, 'campaign_pick_one'),
	v.check(unique, 'campaign_duplicates'),
	v.description('Target niches from the fixed taxonomy, at least one.')
);
const AgeBands = v.pipe(
	v.array(v.picklist(AGE_BANDS, 'campaign_age_band_invalid'), 'invalid_type'),
	v.maxLength(AGE_BANDS.length, 'campaign_list_too_long'),
	v.check(unique, 'campaign_duplicates'),
	v.description('Target audience age bands: 13-17, 18-24, 25-34, 35-44, 45-54, 55+. Optional; [] (the default) means all ages. Stored and returned youngest first. Matching uses it for audience fit.')
);
const Followers = (d: string) => v.pipe(v.number('invalid_type'), v.integer('campaign_integer'), v.minValue(0, 'campaign_min_zero'), v.maxValue(100_000_000, 'invalid_type'), v.description(d));

const fields = {
	title: v.pipe(
		v.string('required'),
		v.trim(),
		singleLineCheck(),
		v.minLength(3, 'too_short'),
		v.maxLength(120, 'too_long'),
		v.description('Campaign title as creators see it: one line, 3–120 characters.')
	),
	objective: v.pipe(v.picklist(OBJECTIVES, 'campaign_objective_invalid'), v.description('visibility, traffic, whatsapp_sales or signups.')),
	offer: v.pipe(v.string('invalid_type'), v.trim(), multiLineCheck(), v.maxLength(500, 'too_long'), v.description('The offer: pack, discount, delivery, duration.')),
	brief: BriefIn,
	formats: Formats,
	wilayas: Wilayas,
	niches: Niches,
	ageBands: AgeBands,
	followerMin: Followers('Smallest follower count wanted (default 8 000).'),
	followerMax: Followers('Largest follower count wanted (default 35 000).'),
	budgetDzd: v.pipe(
		v.number('invalid_type'),
		v.integer('campaign_dinars_integer'),
		v.minValue(0, 'campaign_min_zero'),
		v.maxValue(1_000_000_000, 'campaign_budget_too_high'),
		v.description('Total budget in whole dinars (not centimes). A warning comes back when it looks like centimes.')
	),
	reuseRightsDays: v.pipe(
		v.number('invalid_type'),
		v.integer('campaign_integer'),
		v.minValue(1, 'campaign_reuse_range'),
		v.maxValue(3650, 'campaign_reuse_range'),
		v.description('Days the brand may reuse the content (default 30, 1–3650).')
	),
	startsAt: v.pipe(IsoTime, v.description('First publication day, ISO 8601 with time zone.')),
	endsAt: v.pipe(IsoTime, v.description('Last publication day, ISO 8601 with time zone.')),
	applyBy: v.pipe(IsoTime, v.description('Application deadline, ISO 8601 with time zone; applyBy ≤ startsAt ≤ endsAt.')),
	landingUrl: v.pipe(
		v.string('campaign_landing_url_invalid'),
		v.trim(),
		v.maxLength(LANDING_URL_MAX, 'campaign_landing_url_invalid'),
		v.check((s) => s === '' || normaliseLandingUrl(s) !== null, 'campaign_landing_url_invalid'),
		v.transform((s) => (s === '' ? null : normaliseLandingUrl(s))),
		v.description('Where tracked links send people (https only): the brand’s page for this offer. "" or null clears it; then links go to WhatsApp or the campaign landing page.')
	)
};

/** POST /campaigns: title and objective are required; the rest has defaults or can wait for publishing. */
export const CampaignCreateBody = v.strictObject({
	title: fields.title,
	objective: fields.objective,
	offer: v.optional(fields.offer),
	brief: v.optional(fields.brief),
	formats: v.optional(fields.formats),
	wilayas: v.optional(fields.wilayas),
	niches: v.optional(fields.niches),
	ageBands: v.optional(fields.ageBands),
	followerMin: v.optional(fields.followerMin),
	followerMax: v.optional(fields.followerMax),
	budgetDzd: v.optional(fields.budgetDzd),
	reuseRightsDays: v.optional(fields.reuseRightsDays),
	startsAt: v.optional(v.nullable(fields.startsAt)),
	endsAt: v.optional(v.nullable(fields.endsAt)),
	applyBy: v.optional(v.nullable(fields.applyBy)),
	landingUrl: v.optional(v.nullable(fields.landingUrl))
});
export type CampaignCreateInput = v.InferOutput<typeof CampaignCreateBody>;

/** PATCH /campaigns/:id: any subset of the fields; the merged campaign is validated again. */
export const CampaignPatchBody = v.strictObject({
	title: v.optional(fields.title),
	objective: v.optional(fields.objective),
	offer: v.optional(fields.offer),
	brief: v.optional(fields.brief),
	formats: v.optional(fields.formats),
	wilayas: v.optional(fields.wilayas),
	niches: v.optional(fields.niches),
	ageBands: v.optional(fields.ageBands),
	followerMin: v.optional(fields.followerMin),
	followerMax: v.optional(fields.followerMax),
	budgetDzd: v.optional(fields.budgetDzd),
	reuseRightsDays: v.optional(fields.reuseRightsDays),
	startsAt: v.optional(v.nullable(fields.startsAt)),
	endsAt: v.optional(v.nullable(fields.endsAt)),
	applyBy: v.optional(v.nullable(fields.applyBy)),
	landingUrl: v.optional(v.nullable(fields.landingUrl))
});
export type CampaignPatchInput = v.InferOutput<typeof CampaignPatchBody>;

const PositiveInt = (def: number, max: number, d: string) =>
	v.optional(
		v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'campaign_integer'), v.transform(Number), v.minValue(1, 'campaign_integer'), v.maxValue(max, 'campaign_page_limit'), v.description(d)),
		String(def)
	);

export const CampaignListQuery = v.object({
	status: v.optional(v.pipe(v.picklist(CAMPAIGN_STATUSES, 'campaign_status_invalid'), v.description('Brand: only this status.'))),
	niche: v.optional(v.pipe(v.picklist(NICHES, 'campaign_niche_invalid'), v.description('Creator feed: campaigns targeting this niche.'))),
	wilaya: v.optional(v.pipe(v.string(), v.regex(/^\d{2}$/, 'campaign_wilaya_unknown'), v.description('Creator feed: campaigns targeting this wilaya.'))),
	format: v.optional(v.pipe(v.picklist(FORMATS, 'campaign_format_invalid'), v.description('Creator feed: campaigns asking for this format.'))),
	minBudget: v.optional(v.pipe(v.string(), v.regex(/^\d{1,10}$/, 'campaign_dinars_integer'), v.transform(Number), v.description('Creator feed: budget of at least this many dinars.'))),
	page: PositiveInt(1, 100_000, 'Page number, from 1.'),
	limit: PositiveInt(20, 50, 'Items per page, 1–50 (default 20).')
});

export const TemplatesQuery = v.object({
	objective: v.optional(v.picklist(OBJECTIVES, 'campaign_objective_invalid')),
	lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'))
});

export const TaskPatchBody = v.strictObject({ done: v.pipe(v.boolean('invalid_type'), v.description('Whether the task is done.')) });

const BriefOut = v.object({ keyMessages: v.array(v.string()), dos: v.array(v.string()), donts: v.array(v.string()), angle: v.string() });

export const TaskOut = v.object({
	id: v.string(),
	day: v.number(),
	phase: v.picklist(PLAN_PHASES),
	key: v.string(),
	dueDate: v.pipe(v.string(), v.description('YYYY-MM-DD, Africa/Algiers.')),
	done: v.boolean(),
	doneAt: v.nullable(v.string())
});

const PublicCampaign = {
	id: v.string(),
	brand: v.object({ id: v.string(), name: v.string() }),
	title: v.string(),
	objective: v.picklist(OBJECTIVES),
	offer: v.string(),
	brief: BriefOut,
	formats: v.array(v.picklist(FORMATS)),
	wilayas: v.array(v.string()),
	niches: v.array(v.picklist(NICHES)),
	ageBands: v.pipe(v.array(v.picklist(AGE_BANDS)), v.description('Target age bands, youngest first; [] = all ages.')),
	followerMin: v.number(),
	followerMax: v.number(),
	budgetDzd: v.number(),
	reuseRightsDays: v.number(),
	startsAt: v.nullable(v.string()),
	endsAt: v.nullable(v.string()),
	applyBy: v.nullable(v.string()),
	status: v.picklist(CAMPAIGN_STATUSES)
};

export const CampaignOut = v.object({
	...PublicCampaign,
	// The owning brand's view only; a creator reading an open campaign gets the public offer.
	publishedAt: v.optional(v.nullable(v.string())),
	closedAt: v.optional(v.nullable(v.string())),
	landingUrl: v.optional(v.pipe(v.nullable(v.string()), v.description('Where tracked links send people (https), or null.'))),
	createdAt: v.optional(v.string()),
	updatedAt: v.optional(v.string())
});

const Warning = v.object({
	path: v.string(),
	code: v.literal('looks_like_centimes'),
	message: v.string(),
	asDinars: v.pipe(v.number(), v.description('The amount in dinars if the figure was meant in centimes.'))
});

/** A signed creator's own codes, which replaced the creator tokens of the brief they read. */
const CreatorCodesOut = v.pipe(
	v.object({
		keyword: v.optional(v.pipe(v.string(), v.description('Their WhatsApp keyword (replaces `{mot-clé du créateur}`).'))),
		promo: v.optional(v.pipe(v.string(), v.description('Their promo code (replaces `{code promo du créateur}`).'))),
		link: v.optional(v.pipe(v.string(), v.description('Their tracked link (replaces `{lien suivi du créateur}`).')))
	}),
	v.description('Only for a creator whose agreement on this campaign is signed.')
);

export const CampaignResponse = v.object({
	campaign: CampaignOut,
	tasks: v.optional(v.array(TaskOut)),
	warnings: v.optional(v.array(Warning)),
	codes: v.optional(CreatorCodesOut),
	redated: v.optional(v.pipe(v.number(), v.description('PATCH: how many unticked plan tasks were laid again on the new dates (0 when the dates did not change).'))),
	invitedAt: v.optional(v.pipe(v.nullable(v.string()), v.description('GET by a creator: when the campaign’s brand invited them to apply (ISO 8601), or null.')))
});

export const CampaignListResponse = v.object({
	campaigns: v.array(
		v.object({
			...PublicCampaign,
			fit: v.optional(v.object({ score: v.number(), reasons: v.array(v.picklist(FIT_REASONS)) })),
			invitedAt: v.optional(v.pipe(v.nullable(v.string()), v.description('Feed only: when the campaign’s brand invited the caller to apply (ISO 8601), or null; invited campaigns come first.')))
		})
	),
	total: v.number(),
	page: v.number(),
	limit: v.number(),
	profileGaps: v.optional(v.array(v.picklist(['wilaya', 'niches', 'followers', 'formats'])))
});

export const TemplatesResponse = v.object({
	templates: v.array(v.object({ objective: v.picklist(OBJECTIVES), lang: v.picklist(['fr', 'ar', 'en']), ...BriefOut.entries }))
});

/** `:id` (the campaign) and `:taskId` (a task of its plan). */
export const TaskParams = v.object({ id: IdParam, taskId: IdParam });
