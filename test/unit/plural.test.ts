/** Counts in the UI read naturally in each language (issue 14, point 8): the plural helper and the catalogues that use it. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/lib/server/i18n';
import { fr } from '../../web/src/lib/i18n/fr';
import { ar } from '../../web/src/lib/i18n/ar';
import { en } from '../../web/src/lib/i18n/en';
import { pluralCategories, pluralCategory, pluralNames, selectPlurals } from '../../web/src/lib/i18n/plural';

const NNBSP = '\u202f';

describe('plural categories', () => {
	it('French: 0 and 1 are one, 2 and more other', () => {
		expect([0, 1, 2, 5, 100].map((n) => pluralCategory('fr', n))).toEqual(['one', 'one', 'other', 'other', 'other']);
	});

	it('English: only 1 is one', () => {
		expect([0, 1, 2].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other']);
	});

	it('Arabic has six forms: zero, one, two, few (3–10), many (11–99), other (100, 101, 102)', () => {
		expect(new Set(pluralCategories('ar'))).toEqual(new Set(['zero', 'one', 'two', 'few', 'many', 'other']));
		expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111].map((n) => pluralCategory('ar', n))).toEqual(['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'other', 'other', 'few', 'many']);
	});
});

describe('selectPlurals', () => {
	const ar6 = '{n, plural, zero {لا شيء} one {واحد} two {اثنان} few {# قليل} many {# كثير} other {# آخر}}';

	it('picks the Arabic form for each of the six categories and writes # as the UI writes numbers', () => {
		expect([0, 1, 2, 3, 11, 100].map((n) => selectPlurals('ar', ar6, { n }))).toEqual(['لا شيء', 'واحد', 'اثنان', '3 قليل', '11 كثير', '100 آخر']);
		expect(selectPlurals('ar', ar6, { n: 1200 })).toBe(`1${NNBSP}200 آخر`);
	});

	it('an exact =N form wins over the category; other is the fallback', () => {
		expect(selectPlurals('fr', '{n, plural, =0 {aucune} one {# seule} other {#}}', { n: 0 })).toBe('aucune');
		expect(selectPlurals('fr', '{n, plural, =0 {aucune} one {# seule} other {#}}', { n: 1 })).toBe('1 seule');
		expect(selectPlurals('ar', '{n, plural, other {# عنصر}}', { n: 2 })).toBe('2 عنصر');
	});

	it('keeps the text around the block and its other placeholders', () => {
		expect(selectPlurals('en', 'Hi {name}: {n, plural, one {# item} other {# items}} left', { n: 1, name: 'Nour' })).toBe('Hi {name}: 1 item left');
		expect(pluralNames('Hi {name}: {n, plural, one {# item} other {# items}} and {m, plural, other {#}}')).toEqual(['n', 'm']);
	});
});

describe('counts in the catalogues', () => {
	const tfr = translator('fr');
	const tar = translator('ar');
	const ten = translator('en');

	it('the dashboard link says "1 campagne", never "les 1 campagnes"', () => {
		expect(tfr('dashboard.campaigns.all', { count: 1 })).toBe('Voir 1 campagne');
		expect(tfr('dashboard.campaigns.all', { count: 4 })).toBe('Voir les 4 campagnes');
		expect(ten('dashboard.campaigns.all', { count: 1 })).toBe('See 1 campaign');
		expect(tar('dashboard.campaigns.all', { count: 2 })).toBe('عرض الحملتين');
		expect(tfr('campaigns.count', { count: 1 })).toBe('1 campagne');
		expect(tfr('campaigns.count', { count: 12 })).toBe('12 campagnes');
	});

	it('imported posts: "تم استيراد 10 منشورات", and each Arabic form', () => {
		expect(tar('stats.csv.done', { n: 10 })).toBe('تم استيراد 10 منشورات.');
		expect(tar('stats.csv.done', { n: 1 })).toBe('تم استيراد منشور واحد.');
		expect(tar('stats.csv.done', { n: 2 })).toBe('تم استيراد منشورين.');
		expect(tar('stats.csv.done', { n: 25 })).toBe('تم استيراد 25 منشورًا.');
		expect(tar('stats.csv.done', { n: 100 })).toBe('تم استيراد 100 منشور.');
		expect(tfr('stats.csv.done', { n: 1 })).toBe('1 publication importée.');
		expect(tfr('stats.csv.done', { n: 10 })).toBe('10 publications importées.');
		expect(ten('stats.csv.done', { n: 1 })).toBe('1 post imported.');
	});

	it('no count shown to users keeps the "(s)" shortcut in French or English', () => {
		for (const [name, cat] of Object.entries({ fr, en }) as [string, Record<string, string>][]) {
			const lazy = Object.entries(cat).filter(([, text]) => /\{(n|count)\}[^{]*\(s\)/.test(text));
			expect(lazy, name).toEqual([]);
		}
	});

	it('every Arabic plural block has a form for each of the six categories or an other to fall back on', () => {
		for (const [key, text] of Object.entries(ar)) {
			if (!pluralNames(text).length) continue;
			expect(text, key).toMatch(/other \{/);
		}
		expect(Object.keys(ar).length).toBe(Object.keys(fr).length);
		expect(Object.keys(en).length).toBe(Object.keys(fr).length);
	});
});
