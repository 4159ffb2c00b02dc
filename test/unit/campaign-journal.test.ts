/**
 * The campaign journal (issue 12, point 6): publication times against clicks, conversations
 * and delivered orders per hour, zeros in between, coarser buckets only past a month.
 */
import { describe, expect, it } from 'vitest';
import { BUCKET_HOURS, JOURNAL_MAX_BUCKETS, bucketSizeFor, bucketStart, buildJournal } from '../../worker/domain/campaign-journal';

const H = 3_600_000;
const at = (s: string) => Date.parse(s);
const hourOf = (s: string) => Math.floor(at(s) / H);

describe('buildJournal', () => {
	it('lays publications and hourly counts on one axis, with the empty hours as zeros', () => {
		const j = buildJournal({
			publications: [{ at: at('2026-12-01T18:05:00Z'), creatorId: 'c1', format: 'reel' }],
			counts: [
				{ series: 'clicks', hour: hourOf('2026-12-01T18:00:00Z'), count: 12 },
				{ series: 'clicks', hour: hourOf('2026-12-01T21:00:00Z'), count: 3 },
				{ series: 'conversations', hour: hourOf('2026-12-01T19:00:00Z'), count: 4 },
				{ series: 'orders', hour: hourOf('2026-12-01T21:00:00Z'), count: 2 }
			]
		});
		expect(j.bucketHours).toBe(1);
		expect(j.buckets.map((b) => [new Date(b.at).toISOString(), b.clicks, b.conversations, b.orders])).toEqual([
			['2026-12-01T18:00:00.000Z', 12, 0, 0],
			['2026-12-01T19:00:00.000Z', 0, 4, 0],
			['2026-12-01T20:00:00.000Z', 0, 0, 0],
			['2026-12-01T21:00:00.000Z', 3, 0, 2]
		]);
		expect(j.publications).toEqual([{ at: at('2026-12-01T18:05:00Z'), creatorId: 'c1', format: 'reel' }]);
		expect(j.dropped).toBe(0);
	});

	it('is empty before anything happened', () => {
		expect(buildJournal({ publications: [], counts: [] })).toEqual({ bucketHours: 1, buckets: [], publications: [], dropped: 0 });
	});

	it('keeps hours up to a month, then takes the first coarser size that fits, days starting at midnight in Algiers', () => {
		const start = at('2026-11-01T00:00:00Z');
		expect(bucketSizeFor(start, start + (JOURNAL_MAX_BUCKETS - 1) * H)).toBe(1);
		expect(bucketSizeFor(start, start + JOURNAL_MAX_BUCKETS * H)).toBe(2);
		const j = buildJournal({
			publications: [],
			counts: [
				// 23:30 UTC on 1 Dec is 00:30 on 2 Dec in Algiers.
				{ series: 'orders', hour: hourOf('2026-12-01T23:30:00Z'), count: 1 },
				{ series: 'orders', hour: hourOf('2026-12-01T22:30:00Z'), count: 5 },
				{ series: 'clicks', hour: hourOf('2026-03-01T10:00:00Z'), count: 7 }
			]
		});
		// 275 days do not fit 744 buckets of 6 hours (1 100), they fit 12-hour ones (550).
		expect(j.bucketHours).toBe(12);
		expect(j.buckets.length).toBeLessThanOrEqual(JOURNAL_MAX_BUCKETS);
		const last = j.buckets[j.buckets.length - 1];
		expect(new Date(last.at).toISOString()).toBe('2026-12-01T23:00:00.000Z'); // midnight in Algiers
		expect(last.orders).toBe(1);
		expect(j.buckets[j.buckets.length - 2].orders).toBe(5);
		expect(j.buckets.reduce((s, b) => s + b.clicks, 0)).toBe(7);
		expect(bucketStart(at('2026-12-02T10:00:00Z'), 24)).toBe(at('2026-12-01T23:00:00Z'));
	});

	it('never holds more than 744 buckets: past 744 weeks it keeps the latest and counts what fell out', () => {
		const last = at('2026-12-01T12:00:00Z');
		const j = buildJournal({
			publications: [{ at: at('1990-01-01T00:00:00Z'), creatorId: 'c1', format: 'story' }],
			counts: [
				{ series: 'orders', hour: hourOf('1990-01-01T00:00:00Z'), count: 2 },
				{ series: 'orders', hour: Math.floor(last / H), count: 1 }
			]
		});
		expect(j.bucketHours).toBe(BUCKET_HOURS[BUCKET_HOURS.length - 1]);
		expect(j.buckets).toHaveLength(JOURNAL_MAX_BUCKETS);
		expect(j.dropped).toBe(3);
		expect(j.publications).toEqual([]);
		expect(j.buckets.reduce((s, b) => s + b.orders, 0)).toBe(1);
	});
});
