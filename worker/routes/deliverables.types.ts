/** Schemas of the deliverable routes (issue 11). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { DELIVERABLE_STATUSES } from '../domain/deliverables';
import { FORMATS, PLATFORMS } from '../domain/taxonomy';

const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));
const Party = v.picklist(['brand', 'creator']);

/** What a deliverable waits for: who acts, which step, by when, and whether that moment passed. */
export const NextOut = v.nullable(
	v.object({
		party: Party,
		step: v.picklist(['submit_draft', 'revise_draft', 'review_draft', 'answer_extra_round', 'publish', 'report_d1', 'report_d7', 'approve_stats']),
		dueAt: v.nullable(Iso),
		late: v.boolean()
	})
);

export const DeliverableItem = v.object({
	id: v.string(),
	agreementId: v.string(),
	seq: v.number(),
	platform: v.picklist(PLATFORMS),
	format: v.picklist(FORMATS),
	ordinal: v.pipe(v.number(), v.description('Its number among the agreement’s deliverables of this platform and format.')),
	status: v.picklist(DELIVERABLE_STATUSES),
	dueAt: v.pipe(Iso, v.description('Publication deadline: the end of `publishOn` in Algiers.')),
	publishOn: v.pipe(v.string(), v.description('Calendar day YYYY-MM-DD (Africa/Algiers) the post is due.')),
	draftDueAt: Iso,
	reviewDueAt: Iso,
	publishDueAt: Iso,
	next: NextOut,
	draftVersion: v.pipe(v.number(), v.description('Latest draft version; 0 before the first.')),
	roundsUsed: v.number(),
	correctionRounds: v.pipe(v.number(), v.description('Rounds of corrections the terms include; further ones need the creator’s consent.')),
	extraRoundPending: v.boolean(),
	storyHighlightHours: v.nullable(v.number()),
	postUrl: v.nullable(v.string()),
	publishedAt: v.nullable(Iso),
	disclosure: v.nullable(v.object({ label: v.boolean(), hashtags: v.array(v.string()) })),
	publicationReview: v.nullable(v.picklist(['pending', 'confirmed', 'flagged'])),
	publicationFlag: v.nullable(v.string()),
	payoutHeld: v.pipe(v.boolean(), v.description('A flagged post holds the payout tied to it until it is fixed.')),
	highlightHours: v.nullable(v.number()),
	highlightShort: v.pipe(v.nullable(v.boolean()), v.description('Stories: highlighted fewer hours than `storyHighlightHours` (null until recorded).')),
	statsOpenAt: v.pipe(v.object({ D1: v.nullable(Iso), D7: v.nullable(Iso) }), v.description('When each stats window opens (24 hours and 7 days after publication); null before publication.')),
	withdrawnAt: v.nullable(Iso),
	updatedAt: Iso
});

export const DeliverableListResponse = v.object({ party: Party, deliverables: v.array(DeliverableItem) });

const StatsOut = v.nullable(
	v.object({
		window: v.picklist(['D1', 'D7']),
		views: v.number(),
		reach: v.number(),
		likes: v.number(),
		comments: v.number(),
		saves: v.number(),
		shares: v.number(),
		replies: v.number(),
		linkClicks: v.number(),
		navigation: v.nullable(v.number()),
		exits: v.nullable(v.number()),
		screenshotId: v.nullable(v.string()),
		status: v.picklist(['submitted', 'queried', 'approved']),
		submittedAt: Iso,
		updatedAt: Iso,
		approvedAt: v.nullable(Iso)
	})
);

export const DeliverableResponse = v.object({
	party: Party,
	agreement: v.object({ id: v.string(), campaignId: v.string(), campaignTitle: v.nullable(v.string()), brandName: v.string(), creatorName: v.string(), creatorHandle: v.string() }),
	deliverable: DeliverableItem,
	terms: v.object({
		reviewDays: v.number(),
		correctionRounds: v.number(),
		draftDaysBeforePublication: v.number(),
		disclosure: v.object({ platformLabel: v.boolean(), hashtags: v.array(v.string()) }),
		crisis: v.object({ requestedBy: v.string(), withdrawalWithinHours: v.number(), payment: v.string() }),
		reuseRights: v.object({ days: v.nullable(v.number()), perpetual: v.boolean(), channels: v.array(v.string()) })
	}),
	submissions: v.array(
		v.object({
			id: v.string(),
			version: v.number(),
			note: v.string(),
			file: v.nullable(v.object({ type: v.string(), size: v.number(), name: v.string(), sha256: v.string() })),
			createdAt: Iso
		})
	),
	messages: v.array(
		v.object({
			id: v.string(),
			party: v.string(),
			authorName: v.nullable(v.string()),
			kind: v.string(),
			body: v.string(),
			draftVersion: v.nullable(v.number()),
			statsWindow: v.nullable(v.string()),
			createdAt: Iso
		})
	),
	stats: v.object({ D1: StatsOut, D7: StatsOut }),
	withdrawal: v.nullable(
		v.object({
			id: v.string(),
			requestedBy: v.string(),
			reason: v.string(),
			requestedAt: Iso,
			deadlineAt: Iso,
			status: v.string(),
			confirmedAt: v.nullable(Iso),
			late: v.boolean(),
			paymentEffect: v.record(v.string(), v.unknown())
		})
	)
});
