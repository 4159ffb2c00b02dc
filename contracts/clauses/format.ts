/**
 * Numbers, money, dates and counted nouns for agreement documents, with the same rules as
 * the UI's web/src/lib/format.ts (contracts must not import web code):
 * - Latin digits everywhere; thousands grouped with a narrow no-break space in French and
 *   Arabic ("25 000"), a comma in English ("25,000").
 * - Money in whole dinars: "25 000 DA", "25 000 د.ج", "DZD 25,000", with a no-break space
 *   between amount and unit.
 * - Calendar days written out in Africa/Algiers: "12 novembre 2026", "12 نوفمبر 2026",
 *   "12 November 2026" (ar-DZ month names, as used in Algeria).
 */
import type { DocLang } from '../document';
import { formatInteger } from '../../worker/domain/numbers';

export const TIME_ZONE = 'Africa/Algiers';
const NBSP = '\u00a0';

const DATE_LOCALE: Record<DocLang, string> = { fr: 'fr-DZ', ar: 'ar-DZ-u-nu-latn', en: 'en-GB' };

const longDates = {
	fr: new Intl.DateTimeFormat(DATE_LOCALE.fr, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }),
	ar: new Intl.DateTimeFormat(DATE_LOCALE.ar, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }),
	en: new Intl.DateTimeFormat(DATE_LOCALE.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })
} as const;

/** An integer with the language's grouping: "3 650" / "3,650". */
export function docNumber(n: number, lang: DocLang): string {
	if (!Number.isSafeInteger(n)) throw new RangeError(`docNumber: expected an integer, got ${String(n)}`);
	return formatInteger(n, lang);
}

/** Whole dinars: "25 000 DA", "25 000 د.ج", "DZD 25,000". */
export function docDzd(amount: number, lang: DocLang): string {
	if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`docDzd: amounts are whole non-negative dinars, got ${String(amount)}`);
	const digits = formatInteger(amount, lang);
	if (lang === 'fr') return `${digits}${NBSP}DA`;
	if (lang === 'ar') return `${digits}${NBSP}د.ج`;
	return `DZD${NBSP}${digits}`;
}

/** A calendar day (YYYY-MM-DD, Algiers) written out: "12 novembre 2026". */
export function docDay(day: string, lang: DocLang): string {
	// Noon UTC is 13:00 in Algiers: the same calendar day whatever the formatter's rounding.
	const d = new Date(`${day}T12:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime())) throw new RangeError(`docDay: not a calendar day: ${day}`);
	return longDates[lang].format(d);
}

/** A time of day in Algiers, 24-hour clock with Latin digits: "15:07". */
export const docClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

const MOMENT: Record<DocLang, string> = {
	fr: '{date} à {time} (heure d’Alger)',
	ar: '{date} على الساعة {time} (بتوقيت الجزائر)',
	en: '{date} at {time} (Algiers time)'
};

/**
 * An instant as a reader of the document says it, in Algiers time (UTC+1, no summer time):
 * "4 décembre 2026 à 15:07 (heure d’Alger)", "4 ديسمبر 2026 على الساعة 15:07 (بتوقيت الجزائر)",
 * "4 December 2026 at 15:07 (Algiers time)". The digits are Latin: in Arabic the renderer
 * lays the day, year and time out as left-to-right runs.
 */
export function docMoment(at: string | number | Date, lang: DocLang): string {
	const d = at instanceof Date ? at : new Date(at);
	return MOMENT[lang].replace('{date}', docDate(d, lang)).replace('{time}', docClock.format(d));
}

/** An instant (ISO 8601 or epoch ms) as a calendar day in Algiers. */
export function docDate(at: string | number | Date, lang: DocLang): string {
	const d = at instanceof Date ? at : new Date(at);
	if (Number.isNaN(d.getTime())) throw new RangeError(`docDate: invalid instant ${String(at)}`);
	return longDates[lang].format(d);
}

export type CountNoun = 'day' | 'hour' | 'month' | 'round';

const FR: Record<CountNoun, [string, string]> = { day: ['jour', 'jours'], hour: ['heure', 'heures'], month: ['mois', 'mois'], round: ['série', 'séries'] };
const EN: Record<CountNoun, [string, string]> = { day: ['day', 'days'], hour: ['hour', 'hours'], month: ['month', 'months'], round: ['round', 'rounds'] };
/**
 * Arabic forms after a preposition or as an object (the way counts appear in the clauses):
 * one, two (oblique dual), 3–10 (plural), 11–99 (singular, accusative), hundreds (singular).
 */
const AR: Record<CountNoun, { one: string; two: string; few: string; many: string; hundred: string }> = {
	day: { one: 'يوم واحد', two: 'يومين', few: 'أيام', many: 'يومًا', hundred: 'يوم' },
	hour: { one: 'ساعة واحدة', two: 'ساعتين', few: 'ساعات', many: 'ساعة', hundred: 'ساعة' },
	month: { one: 'شهر واحد', two: 'شهرين', few: 'أشهر', many: 'شهرًا', hundred: 'شهر' },
	round: { one: 'جولة واحدة', two: 'جولتين', few: 'جولات', many: 'جولة', hundred: 'جولة' }
};

/** "30 jours", "1 heure", "30 يومًا", "يومين", "3 أيام", "2 days". */
export function docCount(n: number, noun: CountNoun, lang: DocLang): string {
	const digits = docNumber(n, lang);
	if (lang === 'fr') return `${digits} ${n >= 2 ? FR[noun][1] : FR[noun][0]}`;
	if (lang === 'en') return `${digits} ${n === 1 ? EN[noun][0] : EN[noun][1]}`;
	const f = AR[noun];
	if (n === 1) return f.one;
	if (n === 2) return f.two;
	const rest = n % 100;
	if (n >= 3 && n <= 10) return `${digits} ${f.few}`;
	if (n < 100) return `${digits} ${f.many}`;
	if (rest >= 3 && rest <= 10) return `${digits} ${f.few}`;
	if (rest >= 11) return `${digits} ${f.many}`;
	return `${digits} ${f.hundred}`;
}

/** "a, b et c" / "أ وب وج" / "a, b and c". */
export function docList(items: readonly string[], lang: DocLang): string {
	if (items.length <= 1) return items[0] ?? '';
	const head = items.slice(0, -1);
	const last = items.at(-1)!;
	if (lang === 'ar') return `${head.join('، ')} و${last}`;
	return `${head.join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}
