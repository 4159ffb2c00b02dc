/** Schemas of the attribution routes (issue 12). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { multiLineCheck } from '../domain/text';
import { OFFER_WINDOW_HOURS } from '../domain/attribution-codes';

const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));
const CodeOut = v.object({
	code: v.string(),
	live: v.pipe(v.boolean(), v.description('Counting now: from the signature to the campaign’s end.')),
	activatedAt: v.nullable(Iso),
	deactivatedAt: v.nullable(Iso)
});

export const CodesResponse = v.object({
	party: v.picklist(['brand', 'creator']),
	status: v.string(),
	promoCode: v.string(),
	whatsappKeyword: v.string(),
	link: v.pipe(v.nullable(v.string()), v.description('The tracked link’s path, /l/<slug>; null until the agreement is signed.')),
	linkUrl: v.nullable(v.string()),
	codes: v.object({ promo: CodeOut, keyword: CodeOut }),
	linkLive: v.boolean(),
	offerWindow: v.nullable(v.object({ startsAt: Iso, endsAt: Iso, note: v.string(), current: v.boolean() }))
});

export const OfferWindowBody = v.strictObject({
	startsAt: v.pipe(v.string('date_invalid'), v.isoTimestamp('date_invalid'), v.description('When the offer starts (ISO 8601 with an offset).')),
	hours: v.pipe(
		v.number('offer_hours_range'),
		v.integer('offer_hours_range'),
		v.minValue(OFFER_WINDOW_HOURS.min, 'offer_hours_range'),
		v.maxValue(OFFER_WINDOW_HOURS.max, 'offer_hours_range'),
		v.description('How long it lasts: 24 to 48 hours.')
	),
	note: v.optional(v.pipe(v.string('too_long'), v.trim(), multiLineCheck(), v.maxLength(300, 'too_long'), v.description('What the offer is, at most 300 characters.')), '')
});
