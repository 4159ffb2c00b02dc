/** Schemas of the look-alike creators route (issue 16, point 3). */
import * as v from 'valibot';
import { LOOK_ALIKE_FACTORS } from '../domain/look-alikes';
import { NICHES } from '../domain/taxonomy';
import { ID_PATTERN } from './params';

export const SimilarQuery = v.object({
	campaignId: v.optional(
		v.pipe(
			v.string(),
			v.regex(ID_PATTERN, 'similar_campaign_id'),
			v.description('Filter by this campaign’s hard filters (wilayas, niches, follower range, a priced format). Must be the caller’s own campaign (an admin: any); else 404.')
		)
	),
	lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'))
});

const Factors = v.object(
	Object.fromEntries(LOOK_ALIKE_FACTORS.map((f) => [f, v.pipe(v.number(), v.description(`${f}, 0–100`))])) as Record<
		(typeof LOOK_ALIKE_FACTORS)[number],
		v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.DescriptionAction<number, string>]>
	>
);

export const SimilarResponse = v.object({
	creator: v.pipe(v.object({ id: v.string(), displayName: v.string(), handle: v.string(), mediaKitUrl: v.string() }), v.description('The creator the list is like.')),
	campaign: v.pipe(v.nullable(v.object({ id: v.string(), title: v.string() })), v.description('The campaign whose hard filters apply, or null.')),
	creators: v.pipe(
		v.array(
			v.object({
				creatorId: v.string(),
				similarity: v.pipe(v.number(), v.description('0–100: content 30, niches 20, tier 15, engagement by format 20, audience wilayas 15 (worker/domain/look-alikes.ts).')),
				reason: v.pipe(v.string(), v.description('The 1–3 factors that made this creator close, as one sentence in the requested language.')),
				reasonFactors: v.array(v.picklist(LOOK_ALIKE_FACTORS)),
				factors: v.pipe(Factors, v.description('Each factor, 0–100.')),
				displayName: v.string(),
				handle: v.string(),
				mediaKitUrl: v.string(),
				wilaya: v.nullable(v.string()),
				followersTotal: v.number(),
				tier: v.pipe(v.object({ min: v.number(), max: v.nullable(v.number()) }), v.description('The follower band [min, max) the similarity compares; max null for the top band.')),
				niches: v.array(v.string()),
				observedNiches: v.array(v.object({ niche: v.picklist(NICHES), confidence: v.number(), words: v.array(v.string()) })),
				effectiveNiches: v.array(v.string()),
				nicheCheck: v.object({ confirmed: v.array(v.string()), declaredOnly: v.array(v.string()), observedOnly: v.array(v.string()), mismatch: v.boolean() })
			})
		),
		v.description('Up to 10, most similar first (ties by id); public profile fields only, never contact, payout or rates.')
	)
});
