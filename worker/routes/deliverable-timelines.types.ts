/** Schemas of the timeline routes (issue 11, point 8). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { CAMPAIGN_STATUSES } from '../domain/taxonomy';
import { DUE_FILTERS } from '../domain/deliverable-timeline';
import { DeliverableItem } from './deliverables.types';

const PageParam = v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1');

export const DueQuery = v.object({
	status: v.optional(v.pipe(v.picklist(DUE_FILTERS, 'status_invalid'), v.description('open: what still needs someone (default); done: done or withdrawn; all: both.')), 'open'),
	page: PageParam
});

/** A deliverable in a timeline or due list: the list item plus who, where, and when it sits in time. */
export const TimelineItem = v.object({
	...DeliverableItem.entries,
	campaign: v.object({ id: v.string(), title: v.string() }),
	brand: v.object({ id: v.string(), name: v.string() }),
	creator: v.object({ id: v.string(), displayName: v.string(), handle: v.string() }),
	at: v.pipe(v.string(), v.description('ISO 8601, UTC: the next deadline, or the publication deadline when the next step has none or nothing is left to do. The order is by this moment.')),
	day: v.pipe(v.string(), v.description('YYYY-MM-DD: the Algiers day of `at` (a deadline at midnight belongs to the day it ends).'))
});

const Next = v.pipe(v.array(TimelineItem), v.description('What comes next: at most 3 open deliverables whose next deadline has not passed, soonest first.'));

export const CampaignTimelineResponse = v.object({
	campaign: v.object({ id: v.string(), title: v.string(), status: v.picklist(CAMPAIGN_STATUSES) }),
	deliverables: v.pipe(v.array(TimelineItem), v.description('Every deliverable of the campaign’s signed agreements, by `at`.')),
	late: v.pipe(v.number(), v.description('How many have a next step past its deadline.')),
	next: Next
});

export const DueListResponse = v.object({
	side: v.picklist(['brand', 'creator']),
	status: v.picklist(DUE_FILTERS),
	deliverables: v.pipe(v.array(TimelineItem), v.description('This page: late first (longest overdue first), then open by next deadline, then done or withdrawn, latest first.')),
	page: v.number(),
	pageSize: v.number(),
	total: v.pipe(v.number(), v.description('Deliverables matching `status`.')),
	open: v.pipe(v.number(), v.description('Open deliverables, whatever the filter.')),
	late: v.pipe(v.number(), v.description('Open deliverables past their next deadline, whatever the filter.')),
	next: Next
});
