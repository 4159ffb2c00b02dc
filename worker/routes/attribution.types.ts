/** Schemas of the attribution routes (issue 12). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { multiLineCheck, singleLineCheck } from '../domain/text';
import { CONVERSION_CHANNELS, CONVERSION_SOURCES, DELIVERY_STATUSES, MAX_ORDER_DZD, ORDER_REF_MAX, REF_MAX } from '../domain/conversions';
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

export const ConversionBody = v.strictObject({
	source: v.optional(
		v.nullable(
			v.pipe(v.picklist(CONVERSION_SOURCES, 'order_source_invalid'), v.description('How the customer came: a code typed, a keyword sent, a link, or asked. Absent: every rule tried in order.'))
		),
		null
	),
	ref: v.optional(
		v.pipe(v.string('invalid_type'), v.trim(), singleLineCheck(), v.maxLength(REF_MAX, 'too_long'), v.description('What the customer gave: NOUR10, INSTA-NOUR, a link, a creator’s name.')),
		''
	),
	creatorId: v.optional(
		v.nullable(v.pipe(v.string('invalid_type'), v.maxLength(64, 'order_creator_unknown'), v.description('The creator the staff picked (one of the campaign’s); credited directly.'))),
		null
	),
	channel: v.pipe(v.picklist(CONVERSION_CHANNELS, 'order_channel_invalid'), v.description('Where the order was taken.')),
	amountDzd: v.pipe(
		v.number('order_amount_invalid'),
		v.safeInteger('order_amount_invalid'),
		v.minValue(0, 'order_amount_invalid'),
		v.maxValue(MAX_ORDER_DZD, 'order_amount_invalid'),
		v.description('Whole dinars.')
	),
	orderRef: v.optional(
		v.nullable(
			v.pipe(
				v.string('invalid_type'),
				v.trim(),
				singleLineCheck(),
				v.minLength(1, 'required'),
				v.maxLength(ORDER_REF_MAX, 'too_long'),
				v.description('The shop’s order reference; one order per reference and brand. Absent: one is made (W-…).')
			)
		),
		null
	),
	at: v.optional(v.pipe(v.string('date_invalid'), v.isoTimestamp('date_invalid'), v.description('When the order was placed (ISO 8601); now when absent.'))),
	deliveryStatus: v.optional(v.pipe(v.picklist(DELIVERY_STATUSES, 'order_status_invalid'), v.description('Cash on delivery: a sale counts once delivered.')), 'delivered')
});

const ConversionOut = v.object({
	id: v.string(),
	orderRef: v.string(),
	ref: v.string(),
	source: v.nullable(v.string()),
	channel: v.string(),
	amountDzd: v.number(),
	at: Iso,
	deliveryStatus: v.string(),
	creator: v.nullable(v.object({ id: v.string(), displayName: v.string(), handle: v.string() })),
	attributedBy: v.nullable(v.string())
});

export const ConversionResponse = v.object({ result: v.picklist(['insert', 'update', 'duplicate']), conversion: ConversionOut });

export const ImportResponse = v.object({
	preview: v.boolean(),
	imported: v.number(),
	updated: v.number(),
	duplicates: v.number(),
	unattributed: v.number(),
	rows: v.array(v.object({ orderRef: v.string(), result: v.string(), creator: v.nullable(v.string()), attributedBy: v.nullable(v.string()), deliveryStatus: v.string(), amountDzd: v.number() })),
	rejected: v.array(v.object({ line: v.number(), column: v.string(), path: v.string(), message: v.string() }))
});

export const IntentionBody = v.strictObject({
	creatorId: v.pipe(v.string('order_creator_unknown'), v.maxLength(64, 'order_creator_unknown'), v.description('One of the campaign’s creators (a signed agreement).')),
	kind: v.pipe(
		v.picklist(['asked', 'whatsapp', 'dm'], 'intention_kind_invalid'),
		v.description('asked: "where did you see us?" answered with this creator; whatsapp or dm: a conversation that came from them.')
	),
	at: v.optional(v.pipe(v.string('date_invalid'), v.isoTimestamp('date_invalid'), v.description('When; now when absent.')))
});

export const IntentionResponse = v.object({ intention: v.object({ id: v.string(), creatorId: v.string(), kind: v.string(), at: Iso }) });

const Tally = v.object({ today: v.number(), total: v.number() });

export const SalesResponse = v.object({
	campaign: v.object({ id: v.string(), title: v.string() }),
	creators: v.array(
		v.object({
			id: v.string(),
			displayName: v.string(),
			handle: v.string(),
			promoCode: v.nullable(v.string()),
			keyword: v.nullable(v.string()),
			link: v.nullable(v.string()),
			live: v.boolean(),
			intentions: v.object({ asked: Tally, whatsapp: Tally, dm: Tally })
		})
	),
	orders: v.array(
		v.object({
			id: v.string(),
			orderRef: v.string(),
			ref: v.string(),
			channel: v.string(),
			amountDzd: v.number(),
			at: Iso,
			deliveryStatus: v.string(),
			attributedBy: v.nullable(v.string()),
			creatorName: v.nullable(v.string())
		})
	),
	total: v.number(),
	page: v.number(),
	pageSize: v.number()
});

export const SalesQuery = v.object({
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1')
});

const N = v.number();
const NN = v.nullable(v.number());
const AttentionOut = v.object({
	views: N,
	reach: N,
	likes: N,
	comments: N,
	saves: N,
	shares: N,
	completion: v.pipe(NN, v.description('Stories watched to the end, (views − exits) ÷ views with two decimals; null when no story reported its exits.')),
	reported: N,
	deliverables: N
});
const IntentionOut = v.object({ clicks: N, storyReplies: N, whatsapp: N, dms: N, asked: N, conversations: N });
const ConversionTotals = v.object({ orders: N, revenueDzd: N, averageBasketDzd: NN, codeUses: N, returned: N, pending: N, returnRate: NN });
const CostsOut = v.object({ feeDzd: N, costPerClickDzd: NN, costPerConversationDzd: NN, costPerOrderDzd: NN, revenueOverFee: NN });

export const ReportResponse = v.object({
	campaign: v.object({ id: v.string(), title: v.string() }),
	totals: v.object({ attention: AttentionOut, intention: IntentionOut, conversion: ConversionTotals, costs: CostsOut, unattributedOrders: N }),
	creators: v.array(
		v.object({
			creatorId: v.string(),
			displayName: v.string(),
			handle: v.string(),
			attention: AttentionOut,
			intention: IntentionOut,
			conversion: ConversionTotals,
			costs: CostsOut,
			costPerOrderDzd: NN,
			recommendation: v.object({ keep: v.boolean(), reasons: v.array(v.object({ key: v.string(), params: v.record(v.string(), v.number()), message: v.string() })) }),
			offerWindow: v.nullable(v.object({ startsAt: Iso, endsAt: Iso, note: v.string() }))
		})
	),
	formats: v.array(v.object({ format: v.string(), attention: AttentionOut })),
	journal: v.pipe(
		v.object({
			bucketHours: v.pipe(
				v.number(),
				v.description('Hours per bucket: 1 while the span fits 744 buckets (a month), then 2, 3, 4, 6, 12, 24, 48 or 168; buckets of a day or more start at midnight in Algiers.')
			),
			buckets: v.array(v.object({ at: Iso, clicks: N, conversations: N, orders: N })),
			publications: v.array(v.object({ at: Iso, creatorId: v.string(), format: v.string() })),
			dropped: v.pipe(v.number(), v.description('Events older than the oldest bucket (only past 744 weeks of span).'))
		}),
		v.description(
			'The campaign journal: publication times against link clicks, conversations (WhatsApp and DMs) and delivered orders (at their order time), per bucket, zeros included between the first and the last event.'
		)
	)
});
