/**
 * The publication and stats parts of the deliverable page (web/src/lib/publication-stats.ts):
 * Algiers date-times for datetime-local inputs, typed figures, who sees which form (the
 * API's rules), and a catalogue label for every metric on every platform.
 */
import { describe, expect, it } from 'vitest';
import type { DeliverableDetail, DeliverableItem, StatsOut } from '../../web/src/lib/deliverables';
import { catalogues } from '../../web/src/lib/server/i18n';
import {
	algiersLocal,
	canAnswerQuery,
	canHighlight,
	canRecord,
	canReport,
	canReviewPost,
	canReviewStats,
	figure,
	fromAlgiersLocal,
	metricKey,
	metricsOf,
	waitsForD1,
	windowOpen
} from '../../web/src/lib/publication-stats';
import { PLATFORMS } from '../../worker/domain/taxonomy';

const DAY = 86_400_000;
const publishedAt = Date.UTC(2027, 0, 12, 17, 30);

function view(party: 'brand' | 'creator', over: Partial<DeliverableItem> = {}, stats: Partial<Record<'D1' | 'D7', Partial<StatsOut> | null>> = {}) {
	const deliverable = {
		format: 'reel',
		platform: 'instagram',
		status: 'published',
		publicationReview: 'pending',
		statsOpenAt: { D1: new Date(publishedAt + DAY).toISOString(), D7: new Date(publishedAt + 7 * DAY).toISOString() },
		...over
	} as DeliverableItem;
	return { party, deliverable, stats: { D1: (stats.D1 ?? null) as StatsOut | null, D7: (stats.D7 ?? null) as StatsOut | null } } as Pick<DeliverableDetail, 'party' | 'deliverable' | 'stats'>;
}

describe('Algiers date-times', () => {
	it('shows an instant in Algiers time (UTC+1) and reads a typed one back with its offset', () => {
		expect(algiersLocal('2027-01-12T17:30:00.000Z')).toBe('2027-01-12T18:30');
		expect(algiersLocal('2027-01-12T23:30:00.000Z')).toBe('2027-01-13T00:30');
		expect(algiersLocal(null)).toBe('');
		expect(fromAlgiersLocal('2027-01-12T18:30')).toBe('2027-01-12T18:30:00+01:00');
		expect(Date.parse(fromAlgiersLocal(algiersLocal('2027-01-12T17:30:00.000Z')))).toBe(Date.parse('2027-01-12T17:30:00.000Z'));
		// Anything else goes to the API as typed, which names the problem.
		expect(fromAlgiersLocal('12/01/2027')).toBe('12/01/2027');
	});
});

describe('typed figures', () => {
	it('accepts digits with spaces between groups; leaves anything else for the API to refuse', () => {
		expect(figure('12 000')).toBe(12_000);
		expect(figure('12\u202f000')).toBe(12_000);
		expect(figure('0')).toBe(0);
		expect(figure('1,5')).toBe('1,5');
		expect(figure('-3')).toBe('-3');
		expect(figure('')).toBe('');
	});
});

describe('who sees which form', () => {
	it('the creator records the post from approved and fixes it while stats are collected; the brand reviews it', () => {
		expect(canRecord(view('creator', { status: 'approved' }))).toBe(true);
		expect(canRecord(view('creator', { status: 'stats_d7' }))).toBe(true);
		expect(canRecord(view('creator', { status: 'done' }))).toBe(false);
		expect(canRecord(view('brand', { status: 'approved' }))).toBe(false);
		expect(canReviewPost(view('brand'), 'confirm')).toBe(true);
		expect(canReviewPost(view('brand', { publicationReview: 'flagged' }), 'confirm')).toBe(false);
		expect(canReviewPost(view('brand', { publicationReview: 'confirmed' }), 'flag')).toBe(true);
		expect(canReviewPost(view('creator'), 'confirm')).toBe(false);
		expect(canHighlight(view('creator', { format: 'story', status: 'done' }))).toBe(true);
		expect(canHighlight(view('creator', { format: 'reel' }))).toBe(false);
	});

	it('a window’s form shows once it is open, in the order of the state machine, until approved', () => {
		const before = publishedAt + DAY - 1;
		const after = publishedAt + 8 * DAY;
		expect(windowOpen(view('creator'), 'D1', before)).toBe(false);
		expect(canReport(view('creator'), 'D1', null, before)).toBe(false);
		expect(canReport(view('creator'), 'D1', null, after)).toBe(true);
		expect(canReport(view('creator'), 'D7', null, after)).toBe(false);
		expect(canReport(view('creator', { status: 'stats_d1' }), 'D7', null, after)).toBe(true);
		expect(canReport(view('creator', { status: 'stats_d1' }), 'D1', { status: 'queried' } as StatsOut, after)).toBe(true);
		expect(canReport(view('creator', { status: 'stats_d1' }), 'D1', { status: 'approved' } as StatsOut, after)).toBe(false);
		expect(canReport(view('brand'), 'D1', null, after)).toBe(false);
	});

	it('the brand approves or queries; D+7 waits for D+1; the creator answers a query', () => {
		const v = view('brand', { status: 'stats_d7' }, { D1: { status: 'submitted' }, D7: { status: 'submitted' } });
		expect(canReviewStats(v, 'D1', 'approve')).toBe(true);
		expect(canReviewStats(v, 'D7', 'approve')).toBe(false);
		expect(canReviewStats(v, 'D7', 'query')).toBe(true);
		expect(waitsForD1(v)).toBe(true);
		expect(waitsForD1(view('brand', { status: 'stats_d7' }, { D1: { status: 'approved' }, D7: { status: 'submitted' } }))).toBe(false);
		expect(canAnswerQuery(view('creator', { status: 'stats_d1' }, { D1: { status: 'queried' } }), 'D1')).toBe(true);
		expect(canAnswerQuery(view('creator', { status: 'stats_d1' }, { D1: { status: 'submitted' } }), 'D1')).toBe(false);
	});
});

describe('metric names', () => {
	it('every metric of every platform has a label in the three languages', () => {
		for (const platform of PLATFORMS) {
			for (const m of metricsOf('story')) {
				for (const cat of Object.values(catalogues)) expect(cat[metricKey(platform, m)], `${platform} ${m}`).toBeTruthy();
			}
		}
		expect(metricKey('instagram', 'reach')).toBe('dstats.metric.reach.instagram');
		expect(metricKey('tiktok', 'saves')).toBe('dstats.metric.saves.tiktok');
		expect(metricKey('instagram', 'saves')).toBe('dstats.metric.saves');
		expect(metricsOf('reel')).not.toContain('navigation');
		expect(metricsOf('story')).toEqual(expect.arrayContaining(['navigation', 'exits']));
	});
});
