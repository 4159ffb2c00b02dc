import { describe, expect, it } from 'vitest';
import { algiersDay } from '../../worker/domain/campaign-plan';
import { compareFit, failedFilters, type FitCampaign, type FitCreator, fitScore, offeredFormats, profileGaps, rankForCreator } from '../../worker/domain/campaign-fit';
import { BRIEF_TEMPLATES, briefTemplate } from '../../worker/domain/brief-templates';
import { budgetLooksLikeCentimes, CAMPAIGN_TRANSITIONS, type CampaignFields, checkCampaign, cleanBrief, missingForPublish, normaliseAgeBands } from '../../worker/domain/campaign-rules';
import { AGE_BANDS, CAMPAIGN_STATUSES, OBJECTIVES } from '../../worker/domain/taxonomy';
import { findPlaceholders } from '../../worker/domain/placeholders';

const DAY = 86_400_000;

// The plan's own tests are in campaign-plan.test.ts.

const now = Date.parse('2026-11-26T10:00:00Z');
const creator = (over: Partial<FitCreator> = {}): FitCreator => ({ wilaya: '16', niches: ['beauty', 'fashion'], followersTotal: 20_000, rates: { reel: 15_000, story: 6_000 }, ...over });
const campaign = (over: Partial<FitCampaign> = {}): FitCampaign => ({
	id: 'c1',
	wilayas: ['16', '09'],
	niches: ['beauty'],
	formats: ['reel', 'story'],
	followerMin: 8_000,
	followerMax: 35_000,
	budgetDzd: 120_000,
	applyBy: now + 10 * DAY,
	...over
});

describe('campaign fit: hard filters', () => {
	it('a campaign that matches on every filter fits', () => {
		expect(failedFilters(campaign(), creator())).toEqual([]);
	});

	const cases: [string, Partial<FitCampaign>, Partial<FitCreator>, string][] = [
		['another wilaya', { wilayas: ['31'] }, {}, 'wilaya'],
		['creator without wilaya', {}, { wilaya: null }, 'wilaya'],
		['no common niche', { niches: ['food'] }, {}, 'niches'],
		['too few followers', { followerMin: 25_000 }, {}, 'followers'],
		['too many followers', { followerMax: 15_000 }, {}, 'followers'],
		['no offered format', { formats: ['live'] }, {}, 'formats'],
		['a zero price is not an offer', { formats: ['post'] }, { rates: { post: 0, reel: 10_000 } }, 'formats']
	];
	for (const [name, c, cr, filter] of cases) {
		it(`${name} → fails "${filter}"`, () => expect(failedFilters(campaign(c), creator(cr))).toEqual([filter]));
	}

	it('the follower bounds are inclusive', () => {
		expect(failedFilters(campaign({ followerMin: 20_000 }), creator())).toEqual([]);
		expect(failedFilters(campaign({ followerMax: 20_000 }), creator())).toEqual([]);
	});

	it('offers only formats with a positive, finite price', () => {
		expect(offeredFormats({ reel: 10_000, story: 0, post: -5, live: 'x', other: 9 })).toEqual(['reel']);
	});

	it('names what a profile lacks for anything to fit', () => {
		expect(profileGaps(creator())).toEqual([]);
		expect(profileGaps({ wilaya: null, niches: [], followersTotal: 0, rates: {} })).toEqual(['wilaya', 'niches', 'followers', 'formats']);
	});
});

describe('campaign fit: score and order', () => {
	it('scores 0–100 and explains itself', () => {
		const fit = fitScore(campaign(), creator(), now);
		expect(fit.score).toBeGreaterThan(0);
		expect(fit.score).toBeLessThanOrEqual(100);
		expect(fit.reasons).toEqual(expect.arrayContaining(['wilaya', 'niches_all', 'formats_all', 'followers_centre', 'budget_covers']));
		expect(fit.reasons).not.toContain('deadline_soon');
	});

	it('more niches covered, more formats offered, a central follower count, enough budget and a near deadline each rank higher', () => {
		const base = fitScore(campaign({ niches: ['beauty', 'food'] }), creator(), now).score;
		expect(fitScore(campaign({ niches: ['beauty'] }), creator(), now).score).toBeGreaterThan(base);
		expect(fitScore(campaign({ formats: ['reel', 'live'] }), creator(), now).score).toBeLessThan(fitScore(campaign(), creator(), now).score);
		expect(fitScore(campaign(), creator({ followersTotal: 34_000 }), now).score).toBeLessThan(fitScore(campaign(), creator({ followersTotal: 21_500 }), now).score);
		expect(fitScore(campaign({ budgetDzd: 20_000 }), creator(), now).score).toBeLessThan(fitScore(campaign({ budgetDzd: 200_000 }), creator(), now).score);
		const soon = fitScore(campaign({ applyBy: now + 2 * DAY }), creator(), now);
		expect(soon.score).toBeGreaterThan(fitScore(campaign({ applyBy: now + 25 * DAY }), creator(), now).score);
		expect(soon.reasons).toContain('deadline_soon');
	});

	it('ranks only fitting campaigns, best first, ties by deadline then id', () => {
		const list = [
			campaign({ id: 'partial', niches: ['beauty', 'food', 'tech'] }),
			campaign({ id: 'elsewhere', wilayas: ['31'] }),
			campaign({ id: 'best' }),
			campaign({ id: 'twin-b', niches: ['beauty', 'food'], applyBy: now + 12 * DAY }),
			campaign({ id: 'twin-a', niches: ['beauty', 'food'], applyBy: now + 12 * DAY })
		];
		const ranked = rankForCreator(list, creator(), now).map((r) => r.campaign.id);
		expect(ranked).toEqual(['best', 'twin-a', 'twin-b', 'partial']);
		const a = { campaign: campaign({ id: 'a', applyBy: now + DAY }), fit: { score: 50, reasons: [] } };
		const b = { campaign: campaign({ id: 'b', applyBy: now + 2 * DAY }), fit: { score: 50, reasons: [] } };
		expect(compareFit(a, b)).toBeLessThan(0);
	});
});

describe('brief templates', () => {
	it('exist for every objective in every language, with real content', () => {
		for (const objective of OBJECTIVES) {
			for (const lang of ['fr', 'ar', 'en'] as const) {
				const b = BRIEF_TEMPLATES[objective][lang];
				expect(b.keyMessages.length, `${objective}/${lang}`).toBeGreaterThanOrEqual(2);
				expect(b.dos.length).toBeGreaterThanOrEqual(2);
				expect(b.donts.length).toBeGreaterThanOrEqual(2);
				expect(b.angle.length).toBeGreaterThan(10);
				if (lang === 'ar') expect(b.angle).toMatch(/[\u0600-\u06ff]/);
			}
		}
		expect(briefTemplate('whatsapp_sales', 'fr', { brandName: 'Yasmine', wilayaCount: 69 }).keyMessages.join(' ')).toMatch(/\{mot-clé du créateur\}.*69 wilayas, paiement à la livraison/s);
	});

	it('returns a copy the caller may change', () => {
		briefTemplate('visibility', 'fr', { wilayaCount: 69 }).dos.push('x');
		expect(BRIEF_TEMPLATES.visibility.fr.dos).not.toContain('x');
	});
});

const fields = (over: Partial<CampaignFields> = {}): CampaignFields => ({
	title: 'Crèmes solaires',
	objective: 'whatsapp_sales',
	offer: '',
	brief: { keyMessages: [], dos: [], donts: [], angle: '' },
	formats: ['reel'],
	wilayas: ['16'],
	niches: ['beauty'],
	ageBands: [],
	followerMin: 8_000,
	followerMax: 35_000,
	budgetDzd: 120_000,
	reuseRightsDays: 30,
	startsAt: now + 10 * DAY,
	endsAt: now + 20 * DAY,
	applyBy: now + 5 * DAY,
	...over
});

describe('campaign rules', () => {
	const known = (code: string) => /^(0[1-9]|[1-5]\d|6[0-9])$/.test(code);

	it('accepts a consistent campaign, and dates left out', () => {
		expect(checkCampaign(fields(), known)).toEqual([]);
		expect(checkCampaign(fields({ startsAt: null, endsAt: null, applyBy: null }), known)).toEqual([]);
		expect(checkCampaign(fields({ applyBy: now + 10 * DAY }), known)).toEqual([]); // applyBy = startsAt is allowed
	});

	it('refuses unknown wilayas, a reversed follower range and dates out of order', () => {
		expect(checkCampaign(fields({ wilayas: ['16', '70'] }), known)).toEqual([{ path: 'wilayas.1', key: 'campaign_wilaya_unknown' }]);
		expect(checkCampaign(fields({ followerMin: 40_000 }), known)).toEqual([{ path: 'followerMax', key: 'campaign_followers_order' }]);
		expect(checkCampaign(fields({ applyBy: now + 11 * DAY }), known)).toEqual([{ path: 'applyBy', key: 'campaign_apply_after_start' }]);
		expect(checkCampaign(fields({ endsAt: now + 9 * DAY }), known)).toEqual([{ path: 'endsAt', key: 'campaign_end_before_start' }]);
	});

	it('publishing needs formats, wilayas, niches and a future deadline', () => {
		expect(missingForPublish(fields(), now)).toEqual([]);
		expect(missingForPublish(fields({ formats: [], wilayas: [], niches: [], applyBy: null }), now).map((p) => p.path)).toEqual(['formats', 'wilayas', 'niches', 'applyBy']);
		expect(missingForPublish(fields({ applyBy: now - 1 }), now)).toEqual([{ path: 'applyBy', key: 'campaign_apply_past' }]);
	});

	it('covers every status in the transition table', () => {
		expect(Object.keys(CAMPAIGN_TRANSITIONS).sort()).toEqual([...CAMPAIGN_STATUSES].sort());
		expect(CAMPAIGN_TRANSITIONS.draft.publish).toBe(true);
		expect(CAMPAIGN_TRANSITIONS.open.editable && CAMPAIGN_TRANSITIONS.open.close).toBe(true);
		expect(CAMPAIGN_TRANSITIONS.active.editable).toBe(false);
		expect(CAMPAIGN_TRANSITIONS.closed.close).toBe(false);
	});

	it('warns on budgets that look like centimes', () => {
		expect(budgetLooksLikeCentimes(120_000)).toBe(false);
		expect(budgetLooksLikeCentimes(12_000_000)).toBe(true);
		expect(budgetLooksLikeCentimes(5_000_050)).toBe(false);
	});

	it('cleans blank brief lines', () => {
		expect(cleanBrief({ keyMessages: [' a ', ''], dos: ['  '], donts: ['b'], angle: ' c ' })).toEqual({ keyMessages: ['a'], dos: [], donts: ['b'], angle: 'c' });
	});
});

describe('demo seed: campaign plans', () => {
	it('gives every published campaign its 14 dated tasks, and none to drafts', async () => {
		const { generateSeed } = await import('../../db/seed/generate');
		const data = await generateSeed({ anchorDate: '2026-11-26', creators: 4 });
		for (const c of data.campaigns) {
			const tasks = data.campaignTasks.filter((t) => t.campaignId === c.id);
			expect(tasks.length, c.id).toBe(c.publishedAt === null ? 0 : 14);
			if (c.publishedAt !== null) expect(tasks[0].dueDate).toBe(algiersDay(c.publishedAt));
		}
		// Steps due before the anchor day are done; later ones are not.
		expect(data.campaignTasks.every((t) => (t.doneAt !== null) === t.dueDate < '2026-11-26')).toBe(true);
	});

	it('lays each plan on its campaign’s own dates, and no seeded campaign holds a […] blank', async () => {
		const { generateSeed } = await import('../../db/seed/generate');
		const data = await generateSeed({ anchorDate: '2026-11-26', creators: 4 });
		for (const c of data.campaigns) {
			expect(findPlaceholders({ title: c.title, offer: c.offer, brief: JSON.parse(c.brief) }), c.id).toEqual([]);
			if (c.publishedAt === null || c.startsAt === null || c.applyBy === null) continue;
			const due = Object.fromEntries(data.campaignTasks.filter((t) => t.campaignId === c.id).map((t) => [t.key, t.dueDate]));
			if (c.startsAt >= c.publishedAt) expect(due.execution_publish, c.id).toBe(algiersDay(c.startsAt));
			if (c.applyBy >= c.publishedAt) expect(due.selection_shortlist, c.id).toBe(algiersDay(c.applyBy));
		}
	});
});

describe('campaign target age bands', () => {
	it('keeps known bands once each, youngest first, whatever the order ticked', () => {
		expect(normaliseAgeBands(['35-44', '18-24', '55+', '18-24'])).toEqual(['18-24', '35-44', '55+']);
		expect(normaliseAgeBands([...AGE_BANDS].reverse())).toEqual([...AGE_BANDS]);
		expect(normaliseAgeBands([])).toEqual([]);
	});

	it('drops what is not a band, so a damaged stored value reads as all ages', () => {
		expect(normaliseAgeBands(['18-25', 18, null, '25-34', { b: '13-17' }])).toEqual(['25-34']);
		expect(normaliseAgeBands(['adults'])).toEqual([]);
	});

	it('is not a reason to refuse or hold back a campaign', () => {
		const known = () => true;
		expect(checkCampaign(fields({ ageBands: ['18-24'] }), known)).toEqual([]);
		expect(missingForPublish(fields({ ageBands: [] }), now)).toEqual([]);
	});

	it('is set on some seeded campaigns and left empty (all ages) on others, the same on every run', async () => {
		const { generateSeed } = await import('../../db/seed/generate');
		const [a, b] = await Promise.all([1, 2].map(() => generateSeed({ anchorDate: '2026-11-26', creators: 4 })));
		const bands = a.campaigns.map((c) => JSON.parse(c.ageBands) as string[]);
		expect(bands.filter((x) => x.length > 0).length).toBeGreaterThanOrEqual(3);
		expect(bands.filter((x) => x.length === 0).length).toBeGreaterThanOrEqual(3);
		for (const x of bands) expect(x).toEqual(normaliseAgeBands(x));
		// Open campaigns of both kinds, so matching shows the difference.
		const open = a.campaigns.filter((c) => c.status === 'open').map((c) => c.ageBands);
		expect(open).toContain('[]');
		expect(open.some((x) => x !== '[]')).toBe(true);
		expect(a.campaigns.every((c) => c.matchWeights === null)).toBe(true);
		expect(b.campaigns.map((c) => c.ageBands)).toEqual(a.campaigns.map((c) => c.ageBands));
	});
});
