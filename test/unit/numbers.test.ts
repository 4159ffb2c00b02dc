// One number format per language (issue 14, point 7): the pages, the API's match reasons, the
// offer pages and the PDFs write the same number the same way, so "20.000" never sits beside
// "24 600" on an Arabic screen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docDzd, docNumber } from '../../contracts/clauses/format';
import { formatNumber as matchNumber } from '../../worker/domain/match-candidates';
import { INTL_NUMBER_OPTIONS, NUMBER_LOCALE, formatDecimal, formatInteger, formatPercentage } from '../../worker/domain/numbers';
import { formatPercent } from '../../web/src/lib/format';
import { formatPriceDzd } from '../../worker/domain/offer-page';
import { formatDzd, formatNumber } from '../../web/src/lib/format';
import { translator } from '../../web/src/lib/server/i18n';
import { FSI, PDI, isolateDashedNumbers, isolateFor } from '../../web/src/lib/i18n/bidi';

const NNBSP = '\u202f';
const LANGS = ['fr', 'ar', 'en'] as const;

describe('one number format per language', () => {
	it('groups thousands with a narrow no-break space in French and Arabic, a comma in English', () => {
		expect(formatInteger(20_000, 'fr')).toBe(`20${NNBSP}000`);
		expect(formatInteger(20_000, 'ar')).toBe(`20${NNBSP}000`);
		expect(formatInteger(20_000, 'en')).toBe('20,000');
		expect(formatDecimal(3.1, 'ar')).toBe('3,1');
		expect(formatDecimal(3.1, 'en')).toBe('3.1');
	});

	it.each(LANGS)('writes every number the same way everywhere in %s', (lang) => {
		for (const n of [0, 7, 1_234, 20_000, 24_600, 1_500_000]) {
			const expected = formatInteger(n, lang);
			expect(formatNumber(n, lang)).toBe(expected);
			expect(matchNumber(lang, n)).toBe(expected);
			expect(docNumber(n, lang)).toBe(expected);
			expect(formatPriceDzd(n, lang)).toBe(formatDzd(n, lang));
			expect(docDzd(n, lang)).toBe(formatDzd(n, lang));
		}
		expect(matchNumber(lang, 3.14)).toBe(formatNumber(3.14, lang));
	});
});

describe('numbers written by hand, as Intl writes them', () => {
	// formatInteger, formatDecimal and formatPercentage do not build an Intl.NumberFormat (its
	// first construction loads ICU's number data, ~12 ms on a page); they must still write every
	// number exactly as this runtime's Intl does for the same locale and options.
	const intl = Object.fromEntries(
		LANGS.map((lang) => [
			lang,
			{
				integer: new Intl.NumberFormat(NUMBER_LOCALE[lang], { ...INTL_NUMBER_OPTIONS.integer, numberingSystem: 'latn' }),
				decimal: new Intl.NumberFormat(NUMBER_LOCALE[lang], { ...INTL_NUMBER_OPTIONS.decimal, numberingSystem: 'latn' }),
				percent: new Intl.NumberFormat(NUMBER_LOCALE[lang], { ...INTL_NUMBER_OPTIONS.percent, numberingSystem: 'latn' })
			}
		])
	) as Record<(typeof LANGS)[number], Record<'integer' | 'decimal' | 'percent', Intl.NumberFormat>>;
	const same = (n: number) => {
		for (const lang of LANGS) {
			expect(formatInteger(n, lang), `integer ${n} ${lang}`).toBe(intl[lang].integer.format(n));
			expect(formatDecimal(n, lang), `decimal ${n} ${lang}`).toBe(intl[lang].decimal.format(n));
			expect(formatPercentage(n, lang), `percent ${n} ${lang}`).toBe(intl[lang].percent.format(n));
		}
	};

	it('on the edges: ties, carries, negative zero, exponents, the extremes', () => {
		const edges = [0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 0.4999, 1.005, 0.125, 9.995, 99.95, 999.5, 999_999.999, 0.0625, 0.1425, 0.00095, 12.345];
		const far = [1e21, 2 ** 60, 1e-7, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN];
		for (const n of [...edges, ...edges.map((x) => -x), ...far]) same(n);
		expect(formatDecimal(1.005, 'fr')).toBe('1,01');
		expect(formatInteger(-0.4, 'en')).toBe('-0');
		expect(formatPercentage(0.062, 'fr')).toBe('6,2\u00a0%');
		expect(formatPercent(0.062, 'ar')).toBe('6,2%');
	});

	it('on arbitrary numbers, money and ratios', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.double({ noNaN: true }),
					fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 1000),
					fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100_000)
				),
				(n) => same(n)
			),
			{ seed: 20261207, numRuns: 3000 }
		);
	});
});

describe('values isolated inside sentences', () => {
	it('isolates Latin text, handles, e-mails and dashed numbers in Arabic, not plain counts', () => {
		expect(isolateFor('demo.createur@wasla.dz', 'ar')).toBe(`${FSI}demo.createur@wasla.dz${PDI}`);
		expect(isolateFor('@nour.beauty', 'ar')).toBe(`${FSI}@nour.beauty${PDI}`);
		expect(isolateFor('NOUR-10', 'ar')).toBe(`${FSI}NOUR-10${PDI}`);
		expect(isolateFor('15-04', 'ar')).toBe(`${FSI}15-04${PDI}`);
		expect(isolateFor(`12${NNBSP}500`, 'ar')).toBe(`12${NNBSP}500`);
		expect(isolateFor('3,1%', 'ar')).toBe('3,1%');
		expect(isolateFor('حملة الصيف', 'ar')).toBe('حملة الصيف');
		expect(isolateFor('SARL عطور الصحراء', 'ar')).toBe('SARL عطور الصحراء');
	});

	it('isolates Arabic text in French and English, not Latin text', () => {
		expect(isolateFor('محمد بن علي', 'fr')).toBe(`${FSI}محمد بن علي${PDI}`);
		expect(isolateFor('Nour Cosmetics', 'fr')).toBe('Nour Cosmetics');
		expect(isolateFor('محمد', 'en')).toBe(`${FSI}محمد${PDI}`);
		// Already isolated (applications.ts isolate()): not wrapped twice.
		expect(isolateFor(`${FSI}محمد${PDI}`, 'fr')).toBe(`${FSI}محمد${PDI}`);
	});

	it('the translator isolates the values that need it', () => {
		const ar = translator('ar');
		expect(ar('agr.sign.codeSent', { email: 'demo@wasla.dz' })).toContain(`${FSI}demo@wasla.dz${PDI}`);
		expect(translator('fr')('agr.sign.codeSent', { email: 'demo@wasla.dz' })).toContain(' demo@wasla.dz');
		expect(translator('fr')('agr.list.with', { name: 'متجر نور' })).toBe(`Avec ${FSI}متجر نور${PDI}`);
	});

	it('keeps "15-04" and "18-24" in order after Arabic letters', () => {
		expect(isolateDashedNumbers('القانون 15-04')).toBe('القانون \u206615-04\u2069');
		expect(isolateDashedNumbers('18-24 و25-34')).toBe('\u206618-24\u2069 و\u206625-34\u2069');
		expect(isolateDashedNumbers('12 500 د.ج')).toBe('12 500 د.ج');
		expect(translator('ar')('agr.legal')).toContain('\u206615-04\u2069');
		expect(translator('fr')('agr.legal')).toContain(' 15-04');
		// Already isolated values are not wrapped again.
		expect(isolateDashedNumbers(`${FSI}15-04${PDI}`)).toBe(`${FSI}15-04${PDI}`);
	});
});
