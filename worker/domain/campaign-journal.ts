/**
 * The campaign journal (issue 12, point 6; the seed's "journal de campagne"): publication
 * times against link clicks, conversations (WhatsApp and DMs) and delivered orders, hour by
 * hour, so a brand sees which post moved what. Pure: the service reads hourly counts, this
 * lays them on one time axis.
 *
 * - Buckets are one hour while the span fits {@link JOURNAL_MAX_BUCKETS} of them (a month);
 *   a longer span takes the first of {@link BUCKET_HOURS} that fits, so the chart never
 *   holds more points than a phone can draw. Buckets of a day or more start at midnight in
 *   Algiers (UTC+1 all year, no daylight saving).
 * - Empty buckets between the first and the last event are written as zeros: an hour with
 *   nothing is a fact the chart must show.
 * - Orders are counted at their order time and only once delivered (cash on delivery: an
 *   order is a sale once paid at the door), like the report's conversion level.
 */

const HOUR = 3_600_000;
/** Algiers is UTC+1 all year. */
const ALGIERS_OFFSET = HOUR;

/** Most points the journal holds: 31 days of hours. */
export const JOURNAL_MAX_BUCKETS = 744;
/** Bucket sizes tried in order, in hours. */
export const BUCKET_HOURS = [1, 2, 3, 4, 6, 12, 24, 48, 168] as const;

export type JournalSeries = 'clicks' | 'conversations' | 'orders';

export interface JournalInput {
	/** Counts per UTC hour: `hour` is the epoch hour number (⌊ms / 3 600 000⌋). */
	counts: { series: JournalSeries; hour: number; count: number }[];
	publications: { at: number; creatorId: string; format: string }[];
}

export interface JournalBucket {
	/** Start of the bucket (epoch ms). */
	at: number;
	clicks: number;
	conversations: number;
	orders: number;
}

export interface Journal {
	bucketHours: number;
	buckets: JournalBucket[];
	publications: { at: number; creatorId: string; format: string }[];
	/** Events older than the window the buckets could hold (only when the span exceeds 744 weeks). */
	dropped: number;
}

/** Start of the bucket of `size` hours holding instant `ms`, aligned on Algiers midnight. */
export function bucketStart(ms: number, sizeHours: number): number {
	const size = sizeHours * HOUR;
	return Math.floor((ms + ALGIERS_OFFSET) / size) * size - ALGIERS_OFFSET;
}

/** The smallest bucket size whose buckets cover [first, last] in at most JOURNAL_MAX_BUCKETS. */
export function bucketSizeFor(first: number, last: number): number {
	for (const size of BUCKET_HOURS) {
		if ((bucketStart(last, size) - bucketStart(first, size)) / (size * HOUR) + 1 <= JOURNAL_MAX_BUCKETS) return size;
	}
	return BUCKET_HOURS[BUCKET_HOURS.length - 1];
}

export function buildJournal(input: JournalInput): Journal {
	const counts = input.counts.filter((c) => Number.isSafeInteger(c.hour) && c.count > 0);
	const publications = input.publications.filter((p) => Number.isFinite(p.at)).sort((a, b) => a.at - b.at || a.creatorId.localeCompare(b.creatorId));
	const instants = [...counts.map((c) => c.hour * HOUR), ...publications.map((p) => p.at)];
	if (instants.length === 0) return { bucketHours: 1, buckets: [], publications: [], dropped: 0 };
	const first = instants.reduce((a, b) => Math.min(a, b));
	const last = instants.reduce((a, b) => Math.max(a, b));
	const size = bucketSizeFor(first, last);
	const step = size * HOUR;
	const end = bucketStart(last, size);
	// Only reachable past 744 weeks: keep the most recent window, count what falls out.
	const start = Math.max(bucketStart(first, size), end - (JOURNAL_MAX_BUCKETS - 1) * step);
	const buckets: JournalBucket[] = [];
	for (let at = start; at <= end; at += step) buckets.push({ at, clicks: 0, conversations: 0, orders: 0 });
	let dropped = 0;
	for (const c of counts) {
		const i = (bucketStart(c.hour * HOUR, size) - start) / step;
		if (i < 0) dropped += c.count;
		else buckets[i][c.series] += c.count;
	}
	const kept = publications.filter((p) => p.at >= start);
	return { bucketHours: size, buckets, publications: kept, dropped: dropped + publications.length - kept.length };
}
