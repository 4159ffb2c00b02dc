/**
 * The deliverables seen across agreements (issue 11, point 8): a campaign's timeline for its
 * brand and a creator's due list. Which moment places a deliverable in time, the two orders,
 * what counts as late and as next, the Algiers day a row is grouped under. Pure: no D1.
 */
import { type DeliverableStatus, FINAL_STATUSES, algiersDayOf } from './deliverables';

/** What the due list can show: what still needs someone (open), what is over (done), or both. */
export const DUE_FILTERS = ['open', 'done', 'all'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** A deliverable as these views order it. */
export interface TimedDeliverable {
	status: DeliverableStatus;
	/** The next step's deadline (epoch ms); null when the step has none or nothing is left to do. */
	nextDueAt: number | null;
	/** Whether there is a next step at all. */
	hasNext: boolean;
	late: boolean;
	/** The publication deadline (end of the publication day in Algiers). */
	publishDueAt: number;
	/** Tie-breakers, so equal moments keep one order: the agreement, then the deliverable's place in it. */
	agreementId: string;
	seq: number;
}

/**
 * The moment that places a deliverable in time: its next deadline, or its publication
 * deadline when the next step has none (a revision, the brand's approval of the stats) or
 * when nothing is left to do.
 */
export function timelineAt(d: Pick<TimedDeliverable, 'nextDueAt' | 'publishDueAt'>): number {
	return d.nextDueAt ?? d.publishDueAt;
}

/**
 * The Algiers calendar day a moment belongs to, for grouping by day. Deadlines are the
 * end of a day, i.e. midnight at the start of the next one in Algiers: such a deadline
 * belongs to the day it ends, hence the millisecond taken off.
 */
export function timelineDay(at: number): string {
	return algiersDayOf(at - 1);
}

export const isFinal = (s: DeliverableStatus) => (FINAL_STATUSES as readonly DeliverableStatus[]).includes(s);

export function matchesFilter(s: DeliverableStatus, filter: DueFilter): boolean {
	if (filter === 'all') return true;
	return filter === 'done' ? isFinal(s) : !isFinal(s);
}

function tie(a: TimedDeliverable, b: TimedDeliverable): number {
	return a.agreementId < b.agreementId ? -1 : a.agreementId > b.agreementId ? 1 : a.seq - b.seq;
}

/** The campaign timeline's order: by date (next deadline, else publication), whatever the status. */
export function compareTimeline(a: TimedDeliverable, b: TimedDeliverable): number {
	return timelineAt(a) - timelineAt(b) || tie(a, b);
}

/** 0 late, 1 open, 2 over: the groups of the due list, in this order. */
function dueRank(d: TimedDeliverable): number {
	return d.late ? 0 : isFinal(d.status) ? 2 : 1;
}

/**
 * The due list's order: late first (the longest overdue first), then the open ones by
 * their next deadline, then those over, the most recent first.
 */
export function compareDue(a: TimedDeliverable, b: TimedDeliverable): number {
	const rank = dueRank(a) - dueRank(b);
	if (rank !== 0) return rank;
	const by = dueRank(a) === 2 ? timelineAt(b) - timelineAt(a) : timelineAt(a) - timelineAt(b);
	return by || tie(a, b);
}

/** How many "next" deliverables the views put forward. */
export const NEXT_COUNT = 3;

/** What comes next: open deliverables whose next deadline has not passed, soonest first, at most `n`. */
export function upcoming<T extends TimedDeliverable>(items: readonly T[], n = NEXT_COUNT): T[] {
	return items
		.filter((d) => d.hasNext && !d.late && d.nextDueAt !== null)
		.sort(compareTimeline)
		.slice(0, n);
}
