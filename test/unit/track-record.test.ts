/** The track-record criterion (issue 16, point 4): each part, the aggregate, no history, the sentence. */
import { describe, expect, it } from 'vitest';
import {
	aggregateTrackRecord,
	completedAgreements,
	costPart,
	median,
	trackAggregateOf,
	trackRecordScore,
	viewsPart,
	type TrackAggregate,
	type TrackDeliverable
} from '../../worker/domain/track-record';
import { renderReason, scoreCandidates, type CandidateRow } from '../../worker/domain/match-candidates';
import { DEFAULT_WEIGHTS } from '../../worker/domain/matching';

const DAY = 86_400_000;
const due = Date.UTC(2026, 10, 10);

const deliverable = (over: Partial<TrackDeliverable> = {}): TrackDeliverable => ({
	agreementId: 'a1',
	format: 'reel',
	status: 'done',
	publishDueAt: due,
	publishedAt: due - DAY,
	publicationReview: 'confirmed',
	d7Views: 3000,
	...over
});

const reasons = (locale: 'fr' | 'ar' | 'en') => ({ locale, wilayaNames: new Map() });

describe('parts', () => {
	it('median of odd and even lists, null when empty', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
	it('views: 1× the median earns half, 2× all, ½× nothing', () => {
		expect(viewsPart(1)).toBe(0.5);
		expect(viewsPart(2)).toBe(1);
		expect(viewsPart(4)).toBe(1);
		expect(viewsPart(0.5)).toBe(0);
		expect(viewsPart(0)).toBe(0);
		expect(viewsPart(Math.SQRT2)).toBeCloseTo(0.75);
	});
	it('cost: a quarter of the basket or less earns all, the whole basket nothing; no order for a fee is 0; neither is unmeasured', () => {
		expect(costPart({ feesDzd: 10_000, orders: 10, ordersAmountDzd: 40_000 })).toBe(1); // 1 000 DA per 4 000 DA order
		expect(costPart({ feesDzd: 10_000, orders: 4, ordersAmountDzd: 10_000 })).toBe(0); // 2 500 DA per 2 500 DA order
		expect(costPart({ feesDzd: 12_000, orders: 6, ordersAmountDzd: 18_000 })).toBeCloseTo(0.4444); // 2 000 of 3 000: (1 − ⅔) / 0.75
		expect(costPart({ feesDzd: 10_000, orders: 0, ordersAmountDzd: 0 })).toBe(0);
		expect(costPart({ feesDzd: 0, orders: 0, ordersAmountDzd: 0 })).toBeNull();
		expect(costPart({ feesDzd: 0, orders: 3, ordersAmountDzd: 9000 })).toBe(1);
	});
});

describe('completed campaigns and the aggregate', () => {
	it('an agreement counts once every deliverable is done or withdrawn and one was published', () => {
		const ds = [
			deliverable(),
			deliverable({ agreementId: 'a2', status: 'stats_d7' }),
			deliverable({ agreementId: 'a2', status: 'done' }),
			deliverable({ agreementId: 'a3', status: 'withdrawn', publishedAt: null })
		];
		expect([...completedAgreements(ds)]).toEqual(['a1']);
	});

	it('nothing completed → null (no history), never zeros', () => {
		expect(aggregateTrackRecord({ deliverables: [deliverable({ status: 'stats_d1' })], ownViews: {}, feesByAgreement: new Map(), ordersByAgreement: new Map() })).toBeNull();
		expect(aggregateTrackRecord({ deliverables: [], ownViews: {}, feesByAgreement: new Map(), ordersByAgreement: new Map() })).toBeNull();
	});

	it('counts on time (published by the due moment), disclosure not flagged, D+7 views against the own median of the format, fees and orders of completed agreements only', () => {
		const a = aggregateTrackRecord({
			deliverables: [
				deliverable({ d7Views: 3000 }),
				deliverable({ publishedAt: due + 1, publicationReview: 'flagged', d7Views: 1000 }),
				deliverable({ format: 'story', publishedAt: due, d7Views: 900 }),
				// The open agreement's deliverables and money count for nothing.
				deliverable({ agreementId: 'open', status: 'approved', publishedAt: null, d7Views: null })
			],
			ownViews: { reel: [1000, 2000, 3000], story: [] },
			feesByAgreement: new Map([
				['a1', 30_000],
				['open', 99_000]
			]),
			ordersByAgreement: new Map([
				['a1', { orders: 12, amountDzd: 60_000 }],
				['open', { orders: 50, amountDzd: 1 }]
			])
		})!;
		// Reels: 3 000 / 2 000 = 1.5 and 1 000 / 2 000 = 0.5; the story has no history to compare to.
		expect(a).toEqual({ campaigns: 1, published: 3, onTime: 2, disclosed: 2, viewsRatio: 1, viewsCompared: 2, feesDzd: 30_000, orders: 12, ordersAmountDzd: 60_000 });
	});
});

describe('score and reason', () => {
	const full: TrackAggregate = { campaigns: 3, published: 5, onTime: 5, disclosed: 5, viewsRatio: 1.4, viewsCompared: 5, feesDzd: 8400, orders: 20, ordersAmountDzd: 60_000 };

	it('weighs on time 35, disclosure 25, views 20, cost 20', () => {
		// 35 + 25 + 20 × (½ + ½ log2 1.4 = 0.743) + 20 × 1 (420 DA of a 3 000 DA order) = 94.9
		expect(trackRecordScore(full)).toMatchObject({ score: 95, confidence: 'high', estimated: false });
		expect(trackRecordScore({ ...full, onTime: 0 }).score).toBe(60);
		expect(trackRecordScore({ ...full, disclosed: 0, campaigns: 1 })).toMatchObject({ score: 70, confidence: 'medium' });
	});

	it('a part that cannot be measured is left out and the others scaled up', () => {
		// 4/5 on time, all disclosed, no views to compare, no fee nor order: (35 × 0.8 + 25) / 60 = 88.3
		expect(trackRecordScore({ ...full, onTime: 4, viewsRatio: null, viewsCompared: 0, feesDzd: 0, orders: 0, ordersAmountDzd: 0 }).score).toBe(88);
	});

	it('says the numbers, in each language', () => {
		const s = trackRecordScore(full);
		expect(renderReason(s.reason, reasons('fr'))).toBe(
			'3 campagne(s) terminée(s) sur Wasla\u00a0: 5/5 livrables à l’heure, mention du partenariat respectée 5/5, vues J+7 1,4× sa médiane, 420 DA par commande.'
		);
		expect(renderReason(s.reason, reasons('en'))).toBe(
			'3 completed campaign(s) on Wasla: 5/5 deliverables on time, partnership disclosure respected 5/5, D+7 views 1.4× their median, 420 DA per order.'
		);
		expect(renderReason(s.reason, reasons('ar'))).toContain('5/5 محتوى في الموعد، ');
		const noOrders = trackRecordScore({ ...full, orders: 0, ordersAmountDzd: 0, viewsRatio: null });
		expect(renderReason(noOrders.reason, reasons('fr'))).toBe('3 campagne(s) terminée(s) sur Wasla\u00a0: 5/5 livrables à l’heure, mention du partenariat respectée 5/5, aucune commande attribuée.');
		expect(renderReason(trackRecordScore({ ...full, feesDzd: 1_250_000, orders: 1 }).reason, reasons('fr'))).toContain('1\u202f250\u202f000 DA par commande');
	});

	it('no history: score null, "no history yet", never a guessed 50', () => {
		const none = trackRecordScore(null);
		expect(none.score).toBeNull();
		expect(renderReason(none.reason, reasons('fr'))).toBe('Pas encore d’historique sur Wasla (critère laissé hors du total).');
		expect(renderReason(none.reason, reasons('en'))).toBe('No history on Wasla yet (criterion left out of the total).');
	});

	it('reads the matches query columns; no joined row is no history', () => {
		expect(trackAggregateOf({})).toBeNull();
		expect(trackAggregateOf({ track_campaigns: null })).toBeNull();
		expect(
			trackAggregateOf({
				track_campaigns: 3,
				track_published: 5,
				track_on_time: 5,
				track_disclosed: 5,
				track_views_ratio: 1.4,
				track_views_compared: 5,
				track_fees_dzd: 8400,
				track_orders: 20,
				track_orders_amount_dzd: 60_000
			})
		).toEqual(full);
	});
});

describe('in the match total', () => {
	const row = (id: string, track: Partial<CandidateRow>): CandidateRow => ({
		id,
		display_name: id,
		handle: id,
		wilaya: '16',
		niches: '["beauty"]',
		rates: '{"reel":10000}',
		audience: '{}',
		followers_total: 10_000,
		engagement_by_format: JSON.stringify({ reel: { posts: 10, engagementRate: 0.07, avgViews: 2000, avgReach: 3000 } }),
		sponsored_share: 0,
		comment_mix: '{}',
		affinity_terms: '{}',
		risk_score: 0,
		posts_total: 10,
		comments_sampled: 0,
		flag_codes: null,
		...track
	});
	const campaign = {
		id: 'k',
		title: 'Sérum',
		offer: '',
		brief: { angle: '', keyMessages: [], dos: [], donts: [] },
		niches: ['beauty'],
		wilayas: ['16'],
		ageBands: [],
		formats: ['reel'],
		followerMin: 0,
		followerMax: 1_000_000
	} as unknown as Parameters<typeof scoreCandidates>[0];

	it('a newcomer is scored over the five others (weights renormalised), a good record lifts, a poor one lowers', () => {
		const track = {
			track_campaigns: 2,
			track_published: 4,
			track_on_time: 4,
			track_disclosed: 4,
			track_views_ratio: 2,
			track_views_compared: 4,
			track_fees_dzd: 0,
			track_orders: 0,
			track_orders_amount_dzd: 0
		};
		const [fresh, good, poor] = scoreCandidates(
			campaign,
			[row('fresh', {}), row('good', track), row('poor', { ...track, track_on_time: 0, track_disclosed: 0, track_views_ratio: 0.5 })],
			new Map(),
			DEFAULT_WEIGHTS
		);
		expect(fresh.criteria.trackRecord.score).toBeNull();
		expect(good.criteria.trackRecord.score).toBe(100);
		expect(poor.criteria.trackRecord.score).toBe(0);
		const others = (['engagement', 'commentQuality', 'affinity', 'partnershipLoad', 'audienceFit'] as const).reduce((s, c) => s + DEFAULT_WEIGHTS[c] * (fresh.criteria[c].score ?? 0), 0);
		expect(fresh.total.base).toBe(Math.round((others / 90) * 10) / 10);
		expect(good.total.base).toBe(Math.round(((others + 1000) / 100) * 10) / 10);
		expect(poor.total.base).toBe(Math.round((others / 100) * 10) / 10);
		expect(good.total.base).toBeGreaterThan(fresh.total.base);
		expect(poor.total.base).toBeLessThan(fresh.total.base);
	});
});

describe('"why this creator"', () => {
	it('cites the on-time count of a track record, nothing without one', async () => {
		const { highlightOf } = await import('../../worker/domain/match-why');
		const s = trackRecordScore({ campaigns: 2, published: 4, onTime: 3, disclosed: 4, viewsRatio: null, viewsCompared: 0, feesDzd: 0, orders: 0, ordersAmountDzd: 0 });
		expect(renderReason(highlightOf('trackRecord', s)!.reason, reasons('fr'))).toBe('3/4 livrables à l’heure sur 2 campagne(s) Wasla');
		expect(highlightOf('trackRecord', trackRecordScore(null))).toBeNull();
	});
});
