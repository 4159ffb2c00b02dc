/**
 * One number format per language (issue 14, point 7), shared by the pages
 * (web/src/lib/format.ts), the API's messages (match reasons, warnings), the offer pages and
 * the PDFs (contracts/clauses/format.ts, the report), so "20 000" never sits beside
 * "20.000" on one screen. Latin digits everywhere; French and Arabic group thousands with a
 * narrow no-break space and write decimals with a comma ("24 600", "3,1"): ar-DZ's own CLDR
 * grouping is a dot, which readers here take for a decimal point. English: "24,600", "3.1".
 */
export type NumberLang = 'fr' | 'ar' | 'en';

/** The Intl locale whose digits and grouping each language uses. */
export const NUMBER_LOCALE: Readonly<Record<NumberLang, string>> = { fr: 'fr-DZ', ar: 'fr-DZ', en: 'en-GB' };

const make = (opts: Intl.NumberFormatOptions) =>
	({
		fr: new Intl.NumberFormat(NUMBER_LOCALE.fr, { ...opts, numberingSystem: 'latn' }),
		ar: new Intl.NumberFormat(NUMBER_LOCALE.ar, { ...opts, numberingSystem: 'latn' }),
		en: new Intl.NumberFormat(NUMBER_LOCALE.en, { ...opts, numberingSystem: 'latn' })
	}) as const;

const integers = make({ maximumFractionDigits: 0 });
const decimals = make({ maximumFractionDigits: 2 });

/** A whole number grouped by thousands: fr/ar "24 600", en "24,600". */
export function formatInteger(n: number, lang: NumberLang): string {
	return integers[lang].format(n);
}

/** A number with up to two decimals: fr/ar "3,1", "20 000", en "3.1". */
export function formatDecimal(n: number, lang: NumberLang): string {
	return decimals[lang].format(n);
}
