/**
 * Numbers, money and dates as Algerian users read them, in the three UI languages.
 *
 * Plain TypeScript with no SvelteKit imports: the unit tests load it inside workerd, so
 * what they assert is what the Worker's own Intl produces.
 *
 * Choices (the tests pin them):
 * - Digits are Latin (0-9) in every language, Arabic included: Algerian prices, phone
 *   numbers and receipts are written with Latin digits, and CLDR's ar-DZ does the same.
 * - Thousands are grouped with a narrow no-break space (U+202F) in French and Arabic:
 *   "12 500". ar-DZ's CLDR default groups with a dot ("12.500"), which most readers here
 *   take for a decimal point, so Arabic borrows the French grouping. The separator must be
 *   a no-break space for another reason: U+202F and U+00A0 are "common separators" in the
 *   Unicode bidi algorithm, so "12 500" stays one number inside right-to-left text,
 *   whereas an ordinary space would let it be displayed as "500 12".
 * - Money is integer dinars. French: "12 500 DA" (the usual Algerian abbreviation);
 *   Arabic: "12 500 د.ج"; English: "DZD 12,500" — English readers are often outside
 *   Algeria (partners, diaspora), for whom the ISO code is unambiguous, and it is CLDR's
 *   English form. A no-break space (U+00A0) keeps the amount and unit on one line.
 * - Negative numbers in Arabic start with U+200E (left-to-right mark), as CLDR's Arabic
 *   locales do, so the minus stays on the left of the digits inside Arabic text.
 * - Dates are shown in Africa/Algiers (UTC+1, no daylight saving), wherever the server or
 *   browser runs. French "27 nov. 2026"; Arabic with the month names used in Algeria
 *   (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت …) from CLDR's ar-DZ; English in
 *   day-month-year order ("27 Nov 2026"), as in Algeria. Times use the 24-hour clock.
 */
import { formatDecimal, formatInteger, formatPercentage } from '../../../worker/domain/numbers';
import type { Locale } from './i18n';

export const TIME_ZONE = 'Africa/Algiers';

const NBSP = '\u00a0';
const LRM = '\u200e';

/*
 * Dates are written by hand as well, as the numbers are (worker/domain/numbers.ts): the first
 * Intl.DateTimeFormat a page builds costs as much as the first number formatter (ICU's data,
 * ~13 ms on a fast machine, four times that on a phone). The month and weekday names are
 * CLDR's for these locales, and test/unit/format.test.ts compares every function with Intl
 * over arbitrary instants from May 1981, since when Africa/Algiers is UTC+1 all year (tzdata).
 * An earlier instant is written in UTC+1 too, where Intl would apply that era's offsets: Wasla
 * holds no date before 2020.
 */
const MONTHS_SHORT: Readonly<Record<Locale, readonly string[]>> = {
	fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
	ar: ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
	en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']
};
const MONTHS_LONG: Readonly<Record<Locale, readonly string[]>> = {
	fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
	ar: MONTHS_SHORT.ar,
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};
const WEEKDAYS: Readonly<Record<Locale, readonly string[]>> = {
	fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
	ar: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
	en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
};
/** Between a date and its time, or a weekday and its date: "، " in Arabic. */
const COMMA: Readonly<Record<Locale, string>> = { fr: ', ', ar: '، ', en: ', ' };

const ALGIERS_OFFSET_MS = 3_600_000;

/** The wall clock in Algiers at `d` (UTC+1). */
function algiersClock(d: Date) {
	const x = new Date(d.getTime() + ALGIERS_OFFSET_MS);
	return { year: x.getUTCFullYear(), month: x.getUTCMonth(), day: x.getUTCDate(), weekday: x.getUTCDay(), hour: x.getUTCHours(), minute: x.getUTCMinutes() };
}

const two = (n: number) => String(n).padStart(2, '0');

function finite(n: number, what: string): number {
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new RangeError(`${what}: expected a finite number, got ${String(n)}`);
	return n;
}

/** Marks a leading minus as left-to-right in Arabic so it stays before the digits. */
function signed(text: string, locale: Locale): string {
	return locale === 'ar' && text.startsWith('-') ? LRM + text : text;
}

/** A plain number with up to two decimals: fr/ar "12 500,5", en "12,500.5". */
export function formatNumber(n: number, locale: Locale): string {
	finite(n, 'formatNumber');
	return signed(Number.isInteger(n) ? formatInteger(n, locale) : formatDecimal(n, locale), locale);
}

/**
 * A share between 0 and 1 as a percentage with one decimal: fr "6,2 %", ar "6,2%",
 * en "6.2%". Arabic drops the space: glued to the digits, "%" joins the number's
 * left-to-right run, so "71%" does not turn into "% 71" inside right-to-left text.
 */
export function formatPercent(ratio: number, locale: Locale): string {
	finite(ratio, 'formatPercent');
	const text = formatPercentage(ratio, locale);
	return signed(locale === 'ar' ? text.replace(/[\s\u00a0\u202f]+%$/, '%') : text, locale);
}

/**
 * An amount of dinars: fr "12 500 DA", ar "12 500 د.ج", en "DZD 12,500".
 * Money is integer dinars everywhere in Wasla, so a fraction is a bug upstream (often a
 * centimes/dinars mix-up): it is refused, not rounded.
 */
export function formatDzd(amount: number, locale: Locale): string {
	if (!Number.isSafeInteger(amount)) {
		throw new RangeError(`formatDzd: amounts are whole dinars (a safe integer), got ${String(amount)}`);
	}
	const digits = formatInteger(Math.abs(amount), locale);
	const minus = amount < 0 ? '-' : '';
	switch (locale) {
		case 'fr':
			return `${minus}${digits}${NBSP}DA`;
		case 'ar':
			return signed(`${minus}${digits}${NBSP}د.ج`, locale);
		case 'en':
			return `${minus}DZD${NBSP}${digits}`;
	}
}

function toDate(value: string | Date, what: string): Date {
	const d = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(d.getTime())) throw new RangeError(`${what}: not a valid date: ${String(value)}`);
	return d;
}

/** The calendar day in Algiers: fr "27 nov. 2026", ar "27 نوفمبر 2026", en "27 Nov 2026". */
export function formatDate(value: string | Date, locale: Locale): string {
	const d = toDate(value, 'formatDate');
	const c = algiersClock(d);
	return `${c.day} ${MONTHS_SHORT[locale][c.month]} ${c.year}`;
}

/** A calendar month written "YYYY-MM" (already in Algiers time) as words: fr "décembre 2026", ar "ديسمبر 2026". */
export function formatMonth(month: string, locale: Locale): string {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return month;
	const year = Number(m[1]);
	return `${MONTHS_LONG[locale][Number(m[2]) - 1]} ${year}`;
}

/**
 * Day/month and time in Algiers (UTC+1 all year), for a chart's time axis: "27/11 00:30" in
 * every language — short, Latin digits, and no direction marks to reorder inside a plot.
 */
export function formatDayHour(value: string | Date): string {
	const d = new Date(toDate(value, 'formatDayHour').getTime() + ALGIERS_OFFSET_MS);
	return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Day and 24-hour time in Algiers: fr "27 nov. 2026, 00:30", ar "27 نوفمبر 2026، 00:30". */
export function formatDateTime(value: string | Date, locale: Locale): string {
	const d = toDate(value, 'formatDateTime');
	const c = algiersClock(d);
	return `${c.day} ${MONTHS_SHORT[locale][c.month]} ${c.year}${COMMA[locale]}${two(c.hour)}:${two(c.minute)}`;
}

/** A calendar day (YYYY-MM-DD, Algiers) with its weekday, written out: fr "samedi 9 janvier 2027", ar "السبت، 9 جانفي 2027", en "Saturday, 9 January 2027". */
export function formatLongDay(day: string, locale: Locale): string {
	// Noon in Algiers: the same calendar day whatever the formatter's arithmetic.
	const d = toDate(`${day}T11:00:00Z`, 'formatLongDay');
	const c = algiersClock(d);
	const date = `${c.day} ${MONTHS_LONG[locale][c.month]} ${c.year}`;
	return `${WEEKDAYS[locale][c.weekday]}${locale === 'fr' ? ' ' : COMMA[locale]}${date}`;
}
