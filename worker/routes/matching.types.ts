/** Schemas of the matching routes (match scores, weights, creators' risk flags). */
import * as v from 'valibot';
import { CRITERIA } from '../domain/matching';
import { RISK_CODES } from '../domain/risk-signals';
import { multiLineCheck } from '../domain/text';
import { UNKNOWN_PARAM } from '../route';
import { FORMATS } from '../domain/taxonomy';
import { ID_PATTERN } from './params';

const Int = (def: number, min: number, max: number, d: string) =>
	v.optional(
		v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'campaign_integer'), v.transform(Number), v.minValue(min, 'campaign_integer'), v.maxValue(max, 'campaign_page_limit'), v.description(d)),
		String(def)
	);

export const MatchesQuery = v.object({
	limit: Int(50, 1, 100, 'Matches per page, 1–100 (default 50).'),
	page: Int(1, 1, 100_000, 'Page number, from 1; page × limit at most 1 000 (deeper: 400 `match_page_depth`).'),
	ids: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,3}$/, 'match_compare_ids'),
			v.transform((s) => [...new Set(s.split(','))]),
			v.description('Only these creators (comma-separated ids, at most 4): the side-by-side comparison.')
		)
	),
	lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'))
});

const Weight = v.pipe(v.number('invalid_type'), v.integer('match_weight_range'), v.minValue(0, 'match_weight_range'), v.maxValue(100, 'match_weight_range'));

const weight = (c: string) => v.pipe(Weight, v.description(`Weight of ${c}, 0–100.`));
export const WeightsBody = v.strictObject({
	engagement: weight('engagement'),
	commentQuality: weight('commentQuality'),
	affinity: weight('affinity'),
	partnershipLoad: weight('partnershipLoad'),
	audienceFit: weight('audienceFit'),
	trackRecord: v.optional(v.pipe(Weight, v.description('Weight of trackRecord (what the creator delivered on Wasla), 0–100; 0 when left out.')))
});

const CriterionOut = v.object({
	score: v.number(),
	reason: v.string(),
	confidence: v.picklist(['high', 'medium', 'low']),
	estimated: v.boolean()
});

/** The track record: no score (null) and the reason "no history yet" while the creator has no completed campaign on Wasla. */
const TrackRecordOut = v.object({
	score: v.pipe(v.nullable(v.number()), v.description('0–100, or null without any completed campaign on Wasla (then left out of the total, the other weights rescaled).')),
	reason: v.string(),
	confidence: v.picklist(['high', 'medium', 'low']),
	estimated: v.boolean()
});

export const WeightsOut = v.object(Object.fromEntries(CRITERIA.map((c) => [c, v.number()])) as Record<(typeof CRITERIA)[number], v.NumberSchema<undefined>>);

export const MatchesResponse = v.object({
	matches: v.array(
		v.object({
			creatorId: v.string(),
			score: v.pipe(v.number(), v.description('Weighted criteria minus the risk penalty, 0–100.')),
			baseScore: v.number(),
			riskPenalty: v.number(),
			creator: v.object({
				id: v.string(),
				displayName: v.string(),
				handle: v.string(),
				wilaya: v.nullable(v.string()),
				niches: v.array(v.string()),
				followersTotal: v.number(),
				mediaKitUrl: v.string()
			}),
			criteria: v.object({
				...(Object.fromEntries(CRITERIA.filter((c) => c !== 'trackRecord').map((c) => [c, CriterionOut])) as Record<Exclude<(typeof CRITERIA)[number], 'trackRecord'>, typeof CriterionOut>),
				trackRecord: TrackRecordOut
			}),
			why: v.pipe(v.array(v.picklist(CRITERIA)), v.description('The criteria that lift this creator most ("why this creator").')),
			risk: v.object({
				score: v.number(),
				flags: v.array(v.object({ code: v.picklist(RISK_CODES), score: v.number(), reason: v.string(), explanation: v.nullable(v.string()), explainedAt: v.nullable(v.string()) }))
			}),
			application: v.nullable(v.object({ id: v.string(), status: v.string() })),
			highlights: v.pipe(
				v.array(v.object({ criterion: v.picklist(CRITERIA), text: v.string() })),
				v.description('"Why this creator": one short line of evidence per criterion in `why`, in the requested language (never the criterion’s reason repeated).')
			),
			rates: v.pipe(
				v.array(v.object({ format: v.picklist(FORMATS), amountDzd: v.number() })),
				v.description('The creator’s prices for the campaign’s formats, in dinars (unpriced formats left out).')
			),
			invitedAt: v.pipe(v.nullable(v.string()), v.description('When the brand invited this creator to apply (ISO 8601), or null.'))
		})
	),
	total: v.pipe(v.number(), v.description('Creators that pass the campaign’s hard filters, counted up to 10 000 (then `totalCapped`).')),
	totalCapped: v.pipe(v.boolean(), v.description('True when more creators than `total` pass the filters (counting stops at 10 000).')),
	limit: v.number(),
	offset: v.number(),
	weights: WeightsOut,
	defaultWeights: WeightsOut,
	customWeights: v.boolean()
});

/** `:code` of a risk signal; an unknown code is a 404. */
export const ByRiskCode = v.object({ code: v.pipe(v.picklist(RISK_CODES, UNKNOWN_PARAM), v.description('A risk signal code.')) });

export const ExplanationBody = v.strictObject({
	explanation: v.pipe(
		v.string('invalid_type'),
		v.trim(),
		multiLineCheck(),
		v.maxLength(1000, 'risk_explanation_too_long'),
		v.description('What explains the signal (e.g. "TV appearance on 12 October"); empty removes it.')
	)
});

export const OwnRiskResponse = v.object({
	score: v.number(),
	flags: v.array(v.object({ code: v.picklist(RISK_CODES), score: v.number(), reason: v.string(), computedAt: v.string(), explanation: v.nullable(v.string()), explainedAt: v.nullable(v.string()) }))
});

export const InvitationBody = v.strictObject({
	creatorId: v.pipe(v.string('invitation_creator_id'), v.regex(ID_PATTERN, 'invitation_creator_id'), v.description('The creator to invite (an id from the campaign’s matches).'))
});

export const InvitationResponse = v.object({
	invitation: v.object({ id: v.string(), campaignId: v.string(), creatorId: v.string(), invitedAt: v.pipe(v.string(), v.description('ISO 8601.')) })
});
