/**
 * Right-to-left text stays right (issue 14, point 7). A value put into a translated sentence
 * — an e-mail, a handle, a promo code, a brand name, a date like "15-04" — is laid out by
 * the Unicode bidi algorithm together with the sentence around it, so in Arabic "(@nour)"
 * shows as "(nour@)" and the full stops of an e-mail jump to its front; in French an Arabic
 * name next to punctuation drags the punctuation to the wrong side. Wrapped in FIRST STRONG
 * ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), the value is laid out on its own, in
 * its own direction, and the sentence treats it as one neutral character.
 *
 * Only values that need it are wrapped, so plain counts stay bare ("3 حملات", "12 500 DA"):
 * in Arabic, anything with a Latin letter, an "@", or digits joined by "-", "/", "." or ":", and
 * no Arabic letter (a mixed name such as "SARL عطور الصحراء" reads right in the Arabic sentence
 * as it is, and an isolate would lay it out left to right); in French and English, anything
 * with a right-to-left letter.
 */
import type { Locale } from './index';

export const FSI = '\u2068';
export const PDI = '\u2069';

const LATIN_OR_HANDLE = /[A-Za-z\u00C0-\u024F@]|\d[-/.:]\d/u;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** True when `value` must be isolated to keep its order inside a sentence in `locale`. */
export function needsIsolation(value: string, locale: Locale): boolean {
	if (value === '' || value.startsWith(FSI)) return false;
	return locale === 'ar' ? LATIN_OR_HANDLE.test(value) && !RTL_LETTER.test(value) : RTL_LETTER.test(value);
}

/** `value` wrapped in FSI … PDI when it needs it (see above), as it is otherwise. */
export function isolateFor(value: string, locale: Locale): string {
	return needsIsolation(value, locale) ? `${FSI}${value}${PDI}` : value;
}

const LRI = '\u2066';

/** A handle, code or e-mail where no element can isolate it (an <option>, a title): "(@nour)" stays "(@nour)" in Arabic. */
export function ltr(value: string): string {
	return `${LRI}${value}${PDI}`;
}

/**
 * Numbers joined by hyphens ("15-04", "18-24") isolated left to right in an Arabic text. After
 * an Arabic letter the bidi algorithm reads digits as Arabic numbers, which a hyphen does not
 * join, so "القانون 15-04" would show "04-15". Commas, colons, slashes and no-break spaces do
 * join them ("3,1", "20:30", "12 500"), so only hyphens need this.
 */
export function isolateDashedNumbers(text: string): string {
	return text.includes('-') ? text.replace(/(?<![\u2066\u2068\d])\d+(?:-\d+)+(?![\d\u2069])/gu, (m) => ltr(m)) : text;
}
