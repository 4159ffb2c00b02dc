/**
 * "Why this creator" (worker/domain/match-why.ts) and the readable shared words of the
 * affinity reason (worker/domain/affinity.ts): highlights come from the evidence, never the
 * criterion's reason sentence again, and cite words people wrote, not stems.
 */
import { describe, expect, it } from 'vitest';
import { affinityTokens, campaignQueryVector, campaignTerms, creatorTermVector, readableWords, surfaceWords } from '../../worker/domain/affinity';
import { highlightOf, matchHighlights } from '../../worker/domain/match-why';
import { renderReason, scoreCandidates, type CandidateRow } from '../../worker/domain/match-candidates';
import { affinityScore, DEFAULT_WEIGHTS, strongestCriteria } from '../../worker/domain/matching';
import type { CampaignFields } from '../../worker/domain/campaign-rules';

const reasons = { locale: 'fr' as const, wilayaNames: new Map([['16', { fr: 'Alger', ar: 'الجزائر' }]]) };

describe('surface words of the affinity reason', () => {
	it('maps each stem back to a word of the texts', () => {
		const surface = surfaceWords(['Nouvelle boutique de maquillage', 'Nos boutiques et le maquillage des stars', 'Maquillage, boutique, sérum']);
		expect(affinityTokens('boutique')).toEqual(['boutiqu']);
		expect(affinityTokens('maquillage')).toEqual(['maquillag']);
		expect(surface.get('boutiqu')).toBe('boutique');
		expect(surface.get('maquillag')).toBe('maquillage');
		// Accents kept: the reader sees what the brand wrote.
		expect(surface.get(affinityTokens('sérum')[0])).toBe('sérum');
	});

	it('prefers the most frequent form, then the shortest, then the first alphabetically', () => {
		const stem = affinityTokens('robes')[0];
		expect(affinityTokens('robe')).toEqual([stem]);
		expect(surfaceWords(['robes robes robe']).get(stem)).toBe('robes');
		expect(surfaceWords(['robes robe']).get(stem)).toBe('robe');
		expect(surfaceWords(['Robes ROBES']).get(stem)).toBe('robes');
	});

	it('keeps Arabic words whole, article and all', () => {
		const surface = surfaceWords(['أفضل المكياج للعرائس']);
		const stem = affinityTokens('المكياج')[0];
		expect(stem).toBe('مكياج');
		expect(surface.get(stem)).toBe('المكياج');
	});

	it('falls back to the stem and drops duplicates', () => {
		expect(readableWords(['boutiqu', 'boutiqu', 'inconnu'], new Map([['boutiqu', 'boutique']]))).toEqual(['boutique', 'inconnu']);
	});

	it('the affinity reason cites real words, never a stem', () => {
		const texts = ['Boutique de maquillage à Blida', 'maquillage des fêtes'];
		const creator = creatorTermVector(['Ma boutique de maquillage préférée', 'maquillage du soir']);
		const other = creatorTermVector(['Recettes de gâteaux']);
		const query = campaignQueryVector(campaignTerms(texts), [creator, other]);
		const s = affinityScore({ campaignNiches: ['beauty'], creatorNiches: ['beauty'], query, creatorTerms: creator, nichePartnerships: 0, surface: surfaceWords(texts) });
		expect(s.sharedTerms).toEqual(expect.arrayContaining(['boutiqu', 'maquillag']));
		expect(s.sharedWords).toEqual(expect.arrayContaining(['boutique', 'maquillage']));
		const sentence = renderReason(s.reason, reasons);
		expect(sentence).toContain('maquillage');
		expect(sentence).not.toMatch(/\b(boutiqu|maquillag)\b/u);
	});
});

describe('match highlights', () => {
	it('builds one short line of evidence per strongest criterion, never the reason sentence', () => {
		const engagement = {
			score: 90,
			confidence: 'high' as const,
			estimated: false,
			reason: { key: 'match_engagement_format' as const, params: { format: 'reel', rate: 12.6, times: 1.8, median: 7, posts: 6, tierMin: 5000, tierMax: 20000 } }
		};
		const h = highlightOf('engagement', engagement)!;
		expect(renderReason(h.reason, reasons)).toBe('En Reels, engagement 1,8 fois la médiane de sa taille');
		expect(renderReason(h.reason, reasons)).not.toBe(renderReason(engagement.reason, reasons));

		const comments = { score: 85, confidence: 'high' as const, estimated: false, reason: { key: 'match_comments' as const, params: { intent: 32, noise: 10, total: 40 } } };
		expect(renderReason(highlightOf('commentQuality', comments)!.reason, reasons)).toBe('32 % de ses commentaires veulent acheter');

		const audience = { score: 60, confidence: 'low' as const, estimated: true, reason: { key: 'match_audience_estimated_in' as const, params: { wilaya: '16' } } };
		expect(renderReason(highlightOf('audienceFit', audience)!.reason, reasons)).toBe('Vit à Alger, dans votre zone');
		const national = { score: 95, confidence: 'medium' as const, estimated: false, reason: { key: 'match_audience_national' as const, params: { percent: 93 } } };
		expect(renderReason(highlightOf('audienceFit', national)!.reason, reasons)).toBe('93 % de son audience en Algérie');

		const load = { score: 100, confidence: 'high' as const, estimated: false, reason: { key: 'match_load' as const, params: { sponsored: 1, total: 20, percent: 5 } } };
		expect(renderReason(highlightOf('partnershipLoad', load)!.reason, reasons)).toBe('Peu de publicité\u00a0: 5 % de contenus sponsorisés');
	});

	it('affinity: the shared words first (three at most), else past partnerships, else the niches', () => {
		const base = { score: 80, confidence: 'high' as const, estimated: false };
		const withWords = {
			...base,
			sharedWords: ['boutique', 'maquillage', 'sérum', 'robe'],
			reason: { key: 'match_affinity_words' as const, params: { shared: 1, niches: 1, similarity: 0.4, words: 'x', partnerships: 0 } }
		};
		expect(renderReason(highlightOf('affinity', withWords)!.reason, reasons)).toBe('Parle déjà de\u00a0: boutique, maquillage, sérum');
		const partners = { ...base, reason: { key: 'match_affinity' as const, params: { shared: 1, niches: 2, similarity: 0, partnerships: 2 } } };
		expect(highlightOf('affinity', partners)!.reason.key).toBe('why_affinity_partnerships');
		const all = { ...base, reason: { key: 'match_affinity' as const, params: { shared: 2, niches: 2, similarity: 0, partnerships: 0 } } };
		expect(highlightOf('affinity', all)!.reason.key).toBe('why_affinity_all_niches');
		const some = { ...base, reason: { key: 'match_affinity' as const, params: { shared: 1, niches: 2, similarity: 0, partnerships: 0 } } };
		expect(renderReason(highlightOf('affinity', some)!.reason, reasons)).toBe('Couvre 1 des 2 thématiques de la campagne');
	});

	it('leaves out what has nothing to cite: doubtful engagement, no purchase intent', () => {
		const doubtful = {
			score: 50,
			confidence: 'low' as const,
			estimated: false,
			reason: { key: 'match_engagement_doubtful' as const, params: { rate: 30, times: 4, posts: 5, tierMin: 0, tierMax: 5000 } }
		};
		expect(highlightOf('engagement', doubtful)).toBeNull();
		const noIntent = { score: 60, confidence: 'high' as const, estimated: false, reason: { key: 'match_comments' as const, params: { intent: 0, noise: 5, total: 30 } } };
		expect(highlightOf('commentQuality', noIntent)).toBeNull();
	});

	it('on scored candidates: one highlight per "why" criterion, none equal to any reason sentence', () => {
		const campaign: CampaignFields & { id: string } = {
			id: 'c1',
			title: 'Boutique de maquillage : routine sérum',
			objective: 'whatsapp_sales',
			offer: 'Sérum vitamine C',
			brief: { keyMessages: ['maquillage léger'], dos: [], donts: [], angle: '' },
			formats: ['reel'],
			wilayas: ['16'],
			niches: ['beauty'],
			ageBands: [],
			followerMin: 5000,
			followerMax: 40000,
			budgetDzd: 100000,
			reuseRightsDays: 30,
			startsAt: null,
			endsAt: null,
			applyBy: null
		};
		const row = (id: string, terms: Record<string, number>): CandidateRow => ({
			id,
			display_name: id,
			handle: id,
			wilaya: '16',
			niches: '["beauty"]',
			rates: '{"reel":15000}',
			audience: '{"wilayas":{"16":0.45}}',
			followers_total: 12000,
			engagement_by_format: JSON.stringify({ reel: { posts: 8, engagementRate: 0.12 } }),
			sponsored_share: 0.05,
			comment_mix: JSON.stringify({ purchase_intent: 0.3, positive: 0.4, generic: 0.2, spam: 0.1 }),
			affinity_terms: JSON.stringify(terms),
			risk_score: 0,
			posts_total: 20,
			comments_sampled: 40,
			flag_codes: null
		});
		const scored = scoreCandidates(campaign, [row('a', creatorTermVector(['boutique maquillage sérum'])), row('b', creatorTermVector(['gâteaux recettes']))], new Map(), DEFAULT_WEIGHTS);
		for (const s of scored) {
			const why = strongestCriteria(s.criteria, DEFAULT_WEIGHTS);
			const highlights = matchHighlights(s.criteria, why);
			expect(highlights.map((h) => h.criterion)).toEqual(why);
			const sentences = Object.values(s.criteria).map((c) => renderReason(c.reason, reasons));
			for (const h of highlights) expect(sentences).not.toContain(renderReason(h.reason, reasons));
		}
		expect(renderReason(scored.find((s) => s.row.id === 'a')!.criteria.affinity.reason, reasons)).toMatch(/maquillage|boutique|sérum/u);
	});
});
