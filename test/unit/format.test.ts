/**
 * Runs inside workerd (vitest + @cloudflare/vitest-plugin), so these are the strings the
 * Worker really renders. U+202F groups thousands, U+00A0 glues the unit to the amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayHour, formatDzd, formatLongDay, formatMonth, formatNumber, formatPercent } from '../../web/src/lib/format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const LRM = '\u200e';

describe('formatDzd', () => {
	it.each([
		['fr', 12500, `12${NNBSP}500${NBSP}DA`],
		['ar', 12500, `12${NNBSP}500${NBSP}د.ج`],
		['en', 12500, `DZD${NBSP}12,500`],
		['fr', 0, `0${NBSP}DA`],
		['fr', 4500, `4${NNBSP}500${NBSP}DA`],
		['fr', 999, `999${NBSP}DA`],
		['fr', 1250000, `1${NNBSP}250${NNBSP}000${NBSP}DA`],
		['ar', 1250000, `1${NNBSP}250${NNBSP}000${NBSP}د.ج`],
		['en', 1250000, `DZD${NBSP}1,250,000`],
		['fr', -4500, `-4${NNBSP}500${NBSP}DA`],
		['ar', -4500, `${LRM}-4${NNBSP}500${NBSP}د.ج`],
		['en', -4500, `-DZD${NBSP}4,500`]
	] as const)('%s %d → %j', (locale, amount, expected) => {
		expect(formatDzd(amount, locale)).toBe(expected);
	});

	it('reads like "12 500 DA" once the no-break spaces are made plain', () => {
		expect(formatDzd(12500, 'fr').replace(/[\u202f\u00a0]/g, ' ')).toBe('12 500 DA');
		expect(formatDzd(12500, 'ar').replace(/[\u202f\u00a0]/g, ' ')).toBe('12 500 د.ج');
	});

	it('uses Latin digits in Arabic', () => {
		expect(formatDzd(1234567, 'ar')).toMatch(/^[0-9\u202f]+\u00a0د\.ج$/);
	});

	it.each([12.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d: money is whole dinars', (amount) => {
		expect(() => formatDzd(amount, 'fr')).toThrow(RangeError);
		expect(() => formatDzd(amount, 'fr')).toThrow(/whole dinars/);
	});
});

describe('formatNumber and formatPercent', () => {
	it.each([
		['fr', 18400, `18${NNBSP}400`],
		['ar', 18400, `18${NNBSP}400`],
		['en', 18400, '18,400'],
		['fr', 3.25, '3,25'],
		['ar', 3.25, '3,25'],
		['en', 3.25, '3.25'],
		['fr', 2.456, '2,46'],
		['ar', -1200, `${LRM}-1${NNBSP}200`],
		['en', -1200, '-1,200']
	] as const)('%s %d → %j', (locale, n, expected) => {
		expect(formatNumber(n, locale)).toBe(expected);
	});

	it.each([
		['fr', 0.062, `6,2${NBSP}%`],
		['ar', 0.062, '6,2%'],
		['ar', -0.05, `${LRM}-5%`],
		['en', 0.062, '6.2%'],
		['fr', 0.71, `71${NBSP}%`]
	] as const)('%s %d → %j', (locale, ratio, expected) => {
		expect(formatPercent(ratio, locale)).toBe(expected);
	});

	it('refuses what is not a finite number', () => {
		expect(() => formatNumber(Number.NaN, 'fr')).toThrow(RangeError);
		expect(() => formatPercent(Number.POSITIVE_INFINITY, 'en')).toThrow(RangeError);
	});
});

describe('formatDate and formatDateTime (Africa/Algiers)', () => {
	it.each([
		['fr', '2026-11-26T10:00:00Z', '26 nov. 2026'],
		['ar', '2026-11-26T10:00:00Z', '26 نوفمبر 2026'],
		['en', '2026-11-26T10:00:00Z', '26 Nov 2026']
	] as const)('%s %s → %s', (locale, iso, expected) => {
		expect(formatDate(iso, locale)).toBe(expected);
	});

	it('counts the day in Algiers: 23:30 UTC on 26 Nov is already 27 Nov there', () => {
		const iso = '2026-11-26T23:30:00Z';
		expect(formatDate(iso, 'fr')).toBe('27 nov. 2026');
		expect(formatDate(iso, 'ar')).toBe('27 نوفمبر 2026');
		expect(formatDate(iso, 'en')).toBe('27 Nov 2026');
		expect(formatDateTime(iso, 'fr')).toBe('27 nov. 2026, 00:30');
		expect(formatDateTime(iso, 'ar')).toBe('27 نوفمبر 2026، 00:30');
		expect(formatDateTime(iso, 'en')).toBe('27 Nov 2026, 00:30');
	});

	it('and 22:59 UTC is still the same day (UTC+1 all year, no daylight saving)', () => {
		expect(formatDateTime('2026-11-26T22:59:00Z', 'fr')).toBe('26 nov. 2026, 23:59');
		expect(formatDateTime('2026-07-15T22:59:00Z', 'fr')).toBe('15 juil. 2026, 23:59');
		expect(formatDate('2026-07-15T23:00:00Z', 'fr')).toBe('16 juil. 2026');
	});

	it('uses the month names used in Algeria for Arabic', () => {
		expect(formatDate('2026-01-10T12:00:00Z', 'ar')).toBe('10 جانفي 2026');
		expect(formatDate('2026-02-10T12:00:00Z', 'ar')).toBe('10 فيفري 2026');
		expect(formatDate('2026-07-10T12:00:00Z', 'ar')).toBe('10 جويلية 2026');
		expect(formatDate('2026-08-10T12:00:00Z', 'ar')).toBe('10 أوت 2026');
	});

	it('accepts Date objects and uses a 24-hour clock', () => {
		const d = new Date(Date.UTC(2026, 2, 5, 14, 7));
		expect(formatDateTime(d, 'fr')).toBe('5 mars 2026, 15:07');
		expect(formatDateTime(d, 'en')).toBe('5 Mar 2026, 15:07');
		expect(formatDateTime(d, 'ar')).toBe('5 مارس 2026، 15:07');
	});

	it('refuses invalid dates', () => {
		expect(() => formatDate('not a date', 'fr')).toThrow(RangeError);
		expect(() => formatDateTime(new Date(Number.NaN), 'ar')).toThrow(RangeError);
	});
});

describe('formatDayHour (a chart axis, Africa/Algiers)', () => {
	it('gives day/month and time in Algiers, Latin digits and no direction marks', () => {
		expect(formatDayHour('2026-11-26T23:30:00Z')).toBe('27/11 00:30');
		expect(formatDayHour(new Date('2026-12-31T23:00:00Z'))).toBe('01/01 00:00');
		expect(formatDayHour('2026-12-05T09:05:00Z')).not.toMatch(/[\u200e\u200f\u061c]/);
	});
});

describe('formatMonth (a statement month, already in Algiers time)', () => {
	it('writes "YYYY-MM" as the month in words, and leaves anything else as it is', () => {
		expect(formatMonth('2026-12', 'fr')).toBe('décembre 2026');
		expect(formatMonth('2027-01', 'en')).toBe('January 2027');
		expect(formatMonth('2026-12', 'ar')).toMatch(/2026/);
		expect(formatMonth('2026-13', 'fr')).toBe('2026-13');
	});
});

describe('dates written by hand, as Intl writes them', () => {
	// formatDate, formatDateTime, formatMonth and formatLongDay build no Intl.DateTimeFormat (the
	// first one a page builds costs ~13 ms); they must write exactly what this runtime's Intl writes.
	const LOCALES = { fr: 'fr-DZ', ar: 'ar-DZ-u-nu-latn', en: 'en-GB' } as const;
	const LANGS = ['fr', 'ar', 'en'] as const;
	const day = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Africa/Algiers' } as const;
	const intl = Object.fromEntries(
		LANGS.map((l) => [
			l,
			{
				date: new Intl.DateTimeFormat(LOCALES[l], day),
				dateTime: new Intl.DateTimeFormat(LOCALES[l], { ...day, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
				month: new Intl.DateTimeFormat(LOCALES[l], { month: 'long', year: 'numeric', timeZone: 'UTC' }),
				longDay: new Intl.DateTimeFormat(LOCALES[l], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Africa/Algiers' })
			}
		])
	) as Record<(typeof LANGS)[number], Record<'date' | 'dateTime' | 'month' | 'longDay', Intl.DateTimeFormat>>;
	const sameInstant = (ms: number) => {
		const d = new Date(ms);
		for (const l of LANGS) {
			expect(formatDate(d, l), `${d.toISOString()} ${l}`).toBe(intl[l].date.format(d));
			expect(formatDateTime(d, l), `${d.toISOString()} ${l}`).toBe(intl[l].dateTime.format(d));
		}
	};
	const sameDay = (ms: number) => {
		const iso = new Date(ms).toISOString().slice(0, 10);
		const month = iso.slice(0, 7);
		for (const l of LANGS) {
			expect(formatLongDay(iso, l), `${iso} ${l}`).toBe(intl[l].longDay.format(new Date(`${iso}T11:00:00Z`)));
			expect(formatMonth(month, l), `${month} ${l}`).toBe(intl[l].month.format(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 1, 15))));
		}
	};

	it('every month and weekday, the turns of a day and a year in Algiers, from May 1981 (UTC+1 since)', () => {
		for (let m = 0; m < 12; m += 1) for (let d = 1; d <= 7; d += 1) sameDay(Date.UTC(2026, m, d));
		for (const iso of ['2026-12-31T22:59:59.999Z', '2026-12-31T23:00:00Z', '2027-02-28T23:00:00Z', '2028-02-28T23:00:00Z', '1981-05-01T00:00:00Z', '2038-01-19T03:14:08Z', '9999-12-31T22:59:59Z']) {
			sameInstant(Date.parse(iso));
		}
		expect(formatLongDay('2027-01-09', 'fr')).toBe('samedi 9 janvier 2027');
		expect(formatLongDay('2027-01-09', 'ar')).toBe('السبت، 9 جانفي 2027');
		expect(formatLongDay('2027-01-09', 'en')).toBe('Saturday, 9 January 2027');
	});

	it('over arbitrary instants and days', () => {
		const from = Date.UTC(1981, 4, 1);
		const until = Date.UTC(2300, 0, 1);
		fc.assert(
			fc.property(fc.integer({ min: from, max: until }), (ms) => {
				sameInstant(ms);
				sameDay(ms);
			}),
			{ seed: 20261207, numRuns: 2000 }
		);
	});
});
