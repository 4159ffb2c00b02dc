/** The match pages' pure rules (web/src/lib/matches.ts): comparison ids, weights form, bars, tags, labels. */
import { describe, expect, it } from 'vitest';
import {
	barPercent,
	compareIds,
	compareProblem,
	criterionKey,
	criterionTag,
	CRITERIA,
	explanationLeft,
	matchCountKey,
	matchPages,
	penaltyPoints,
	riskCodeKey,
	RISK_CODES,
	scoreBand,
	weightShares,
	weightStrings,
	weightsBody,
	weightValue
} from '../../web/src/lib/matches';
import { LOCALES } from '../../web/src/lib/i18n';
import { catalogues } from '../../web/src/lib/server/i18n';
import { DEFAULT_WEIGHTS } from '../../worker/domain/matching';

describe('comparison selection', () => {
	it('reads ?ids=a,b (a link) and ?ids=a&ids=b (the form) alike, dropping duplicates and junk, keeping order', () => {
		expect(compareIds(['c1,c2'])).toEqual(['c1', 'c2']);
		expect(compareIds(['c1', 'c2', 'c3'])).toEqual(['c1', 'c2', 'c3']);
		expect(compareIds(['c2,c1', 'c1', ' c3 '])).toEqual(['c2', 'c1', 'c3']);
		expect(compareIds(['', ',', 'a b', '../x', 'ok_1-2'])).toEqual(['ok_1-2']);
		expect(compareIds(['x'.repeat(65), 'y'.repeat(64)])).toEqual(['y'.repeat(64)]);
	});

	it('takes 2 to 4 creators', () => {
		expect(compareProblem([])).toBe('tooFew');
		expect(compareProblem(['a'])).toBe('tooFew');
		expect(compareProblem(['a', 'b'])).toBeNull();
		expect(compareProblem(['a', 'b', 'c', 'd'])).toBeNull();
		expect(compareProblem(['a', 'b', 'c', 'd', 'e'])).toBe('tooMany');
	});
});

describe('weights form', () => {
	it('sends whole numbers as numbers and anything else as typed, so the API refuses it with its own message', () => {
		expect(weightValue('30')).toBe(30);
		expect(weightValue(' 7 ')).toBe(7);
		expect(weightValue('0')).toBe(0);
		expect(weightValue('')).toBe('');
		expect(weightValue('2.5')).toBe('2.5');
		expect(weightValue('-1')).toBe('-1');
		expect(weightValue('1000')).toBe('1000');
	});

	it('builds the PUT body with every criterion, missing fields as empty', () => {
		expect(weightsBody({ engagement: '40', affinity: 'x' })).toEqual({ engagement: 40, commentQuality: '', affinity: 'x', partnershipLoad: '', audienceFit: '', trackRecord: '' });
		expect(Object.keys(weightsBody({}))).toEqual([...CRITERIA]);
	});

	it('shows the saved weights as strings and each one as a share of the total', () => {
		expect(weightStrings(DEFAULT_WEIGHTS)).toEqual({ engagement: '27', commentQuality: '22', affinity: '18', partnershipLoad: '9', audienceFit: '14', trackRecord: '10' });
		expect(weightShares(DEFAULT_WEIGHTS)).toEqual(DEFAULT_WEIGHTS); // they sum to 100
		expect(weightShares({ engagement: 50, commentQuality: 50, affinity: 0, partnershipLoad: 0, audienceFit: 0, trackRecord: 0 })).toEqual({
			engagement: 50,
			commentQuality: 50,
			affinity: 0,
			partnershipLoad: 0,
			audienceFit: 0,
			trackRecord: 0
		});
		expect(weightShares({ engagement: 1, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 2, trackRecord: 1 })).toEqual({
			engagement: 25,
			commentQuality: 0,
			affinity: 0,
			partnershipLoad: 0,
			audienceFit: 50,
			trackRecord: 25
		});
		expect(weightShares({ engagement: 0, commentQuality: 0, affinity: 0, partnershipLoad: 0, audienceFit: 0, trackRecord: 0 }).engagement).toBe(0);
	});
});

describe('bars, tags and penalty', () => {
	it('bands a score like the "why" rule (60 and up lifts a creator)', () => {
		expect([100, 60, 59, 35, 34, 0].map(scoreBand)).toEqual(['high', 'high', 'mid', 'mid', 'low', 'low']);
	});

	it('clamps and rounds bar widths, never NaN', () => {
		expect([-5, 0, 42.4, 42.6, 100, 130, Number.NaN, Infinity].map(barPercent)).toEqual([0, 0, 42, 43, 100, 100, 0, 0]);
	});

	it('tags an estimate as such before a low confidence, and a sure value not at all', () => {
		expect(criterionTag({ estimated: true, confidence: 'low' })).toBe('estimated');
		expect(criterionTag({ estimated: false, confidence: 'low' })).toBe('lowConfidence');
		expect(criterionTag({ estimated: false, confidence: 'medium' })).toBeNull();
		expect(criterionTag({ estimated: false, confidence: 'high' })).toBeNull();
	});

	it('shows the risk penalty in whole points, nothing when there is none', () => {
		expect(penaltyPoints(12.4)).toBe(12);
		expect(penaltyPoints(0.4)).toBe(0);
		expect(penaltyPoints(0)).toBe(0);
		expect(penaltyPoints(Number.NaN)).toBe(0);
	});

	it('counts explanation characters like the API (trimmed, 1 000 at most)', () => {
		expect(explanationLeft('')).toBe(1000);
		expect(explanationLeft('  abc  ')).toBe(997);
		expect(explanationLeft('x'.repeat(1003))).toBe(-3);
	});
});

describe('labels', () => {
	it('names every criterion and every risk code in French, Arabic and English', () => {
		for (const locale of LOCALES) {
			for (const c of CRITERIA) expect(catalogues[locale][criterionKey(c)], `${locale} ${c}`).toMatch(/\S/);
			for (const code of RISK_CODES) expect(catalogues[locale][riskCodeKey(code)], `${locale} ${code}`).toMatch(/\S/);
		}
		expect(catalogues.fr[criterionKey('partnershipLoad')]).toBe('Charge publicitaire');
		expect(catalogues.fr[riskCodeKey('follower_spike')]).toBe('Pic d’abonnés');
		expect(riskCodeKey('made_up')).toBe('match.flag.unknown');
	});
});

describe('match pages and count', () => {
	it('links every page of the total, never deeper than the 1 000 the API browses', () => {
		expect(matchPages({ total: 0 })).toBe(1);
		expect(matchPages({ total: 41 })).toBe(3);
		expect(matchPages({ total: 1000 })).toBe(50);
		expect(matchPages({ total: 10_000 })).toBe(50);
		expect(matchPages({ total: 10_000 }, 100)).toBe(10);
	});

	it('says "more than" when the API stopped counting, in every language', () => {
		expect(matchCountKey({ totalCapped: false })).toBe('match.count');
		expect(matchCountKey({ totalCapped: true })).toBe('match.countMore');
		for (const locale of LOCALES) expect(catalogues[locale]['match.countMore']).toMatch(/#/);
	});
});
