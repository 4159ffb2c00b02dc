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

/**
 * One value per language, built on first use and kept: a page in French never builds the
 * Arabic or English one (the plural rules, web/src/lib/i18n/plural.ts).
 */
export function perLanguage<T>(make: (lang: NumberLang) => T): (lang: NumberLang) => T {
	const built: Partial<Record<NumberLang, T>> = {};
	return (lang) => (built[lang] ??= make(lang));
}

/*
 * Numbers are written here by hand, digit for digit what Intl.NumberFormat writes for
 * NUMBER_LOCALE (test/unit/numbers.test.ts compares the two over arbitrary numbers):
 * the first Intl.NumberFormat a page builds costs about 12 ms of a fast machine's main
 * thread (the browser loads ICU's number data), four times that on a phone, on every page
 * that shows a number. ICU's rules, reproduced: the number's shortest round-trip decimal
 * digits (what String(n) prints), rounded half away from zero to the maximum fraction
 * digits, trailing zeros dropped, the sign kept on a negative number that rounds to zero
 * ("-0"), thousands grouped from four digits; "∞", "-∞" and "NaN" as ICU writes them.
 */
const GROUP: Readonly<Record<NumberLang, string>> = { fr: '\u202f', ar: '\u202f', en: ',' };
const DECIMAL: Readonly<Record<NumberLang, string>> = { fr: ',', ar: ',', en: '.' };
/** fr-DZ writes a no-break space before "%", en-GB nothing. */
const PERCENT: Readonly<Record<NumberLang, string>> = { fr: '\u00a0%', ar: '\u00a0%', en: '%' };

const INTEGER_OPTIONS = { maximumFractionDigits: 0 };
const DECIMAL_OPTIONS = { maximumFractionDigits: 2 };
const PERCENT_OPTIONS = { style: 'percent', maximumFractionDigits: 1 } as const;

/** Adds one to a string of decimal digits ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
	let i = digits.length - 1;
	while (i >= 0 && digits[i] === '9') i -= 1;
	if (i < 0) return `1${'0'.repeat(digits.length)}`;
	return digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - i - 1);
}

/** |n| × 10^shift as integer and fraction digits, rounded half away from zero to `maxFraction` digits. */
function decimalDigits(n: number, shift: number, maxFraction: number): { int: string; frac: string } {
	const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(n)));
	if (!m) throw new RangeError(`not a finite number: ${String(n)}`);
	const digits = m[1] + (m[2] ?? '');
	const point = m[1].length + Number(m[3] ?? 0) + shift;
	let int = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
	let frac = point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
	if (frac.length > maxFraction) {
		const up = frac[maxFraction] >= '5';
		frac = frac.slice(0, maxFraction);
		if (up) {
			const all = increment(int + frac);
			int = all.slice(0, all.length - maxFraction);
			frac = all.slice(all.length - maxFraction);
		}
	}
	return { int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') };
}

function written(n: number, lang: NumberLang, shift: number, maxFraction: number): string {
	if (Number.isNaN(n)) return 'NaN';
	if (!Number.isFinite(n)) return n < 0 ? '-∞' : '∞';
	const { int, frac } = decimalDigits(n, shift, maxFraction);
	const sign = n < 0 || Object.is(n, -0) ? '-' : '';
	const grouped = int.replace(/\B(?=(\d{3})+$)/g, GROUP[lang]);
	return sign + grouped + (frac ? DECIMAL[lang] + frac : '');
}

/** A whole number grouped by thousands: fr/ar "24 600", en "24,600" (a fraction is rounded). */
export function formatInteger(n: number, lang: NumberLang): string {
	return written(n, lang, 0, 0);
}

/** A number with up to two decimals: fr/ar "3,1", "20 000", en "3.1". */
export function formatDecimal(n: number, lang: NumberLang): string {
	return written(n, lang, 0, 2);
}

/** A ratio as a percentage with up to one decimal: fr/ar "6,2 %" (no-break space), en "6.2%". */
export function formatPercentage(ratio: number, lang: NumberLang): string {
	return written(ratio, lang, 2, 1) + PERCENT[lang];
}

/** The Intl formatters these functions write like, for the tests that compare them. */
export const INTL_NUMBER_OPTIONS = { integer: INTEGER_OPTIONS, decimal: DECIMAL_OPTIONS, percent: PERCENT_OPTIONS } as const;
