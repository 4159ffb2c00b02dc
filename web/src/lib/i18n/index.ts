/**
 * UI messages. French is the source catalogue; ar.ts and en.ts must have every key (the
 * compiler checks). The locale is passed in explicitly: no global i18n state.
 * Plain TypeScript (no SvelteKit imports) so unit tests can load it.
 */
import { fr } from './fr';
import { ar } from './ar';
import { en } from './en';
import { isolateDashedNumbers, isolateFor } from './bidi';
import { selectPlurals } from './plural';

export type Locale = 'fr' | 'ar' | 'en';
export type Key = keyof typeof fr;
export type Catalogue = Record<Key, string>;
export type Translate = (key: Key, params?: Record<string, string | number>) => string;

export const LOCALES: readonly Locale[] = ['fr', 'ar', 'en'];
export const catalogues: Readonly<Record<Locale, Catalogue>> = { fr, ar, en };

/** Each language named in itself: what a reader of that language looks for in a switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fr: 'Français', ar: 'العربية', en: 'English' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Returns a translator bound to one locale: `t('login.title')`, `t('x', { n: 3 })`. A count
 * written as a plural block (`{n, plural, one {…} other {…}}`, see plural.ts) takes the
 * form of its language for `params.n`. A value that would be reordered by the sentence around
 * it (an e-mail or a code in Arabic, an Arabic name in French) is isolated (bidi.ts).
 */
export function translator(locale: Locale): Translate {
	const cat = catalogues[locale];
	const fill = (key: Key, params: Record<string, string | number> = {}) => selectPlurals(locale, cat[key], params).replace(/\{(\w+)\}/g, (_, p: string) => isolateFor(String(params[p] ?? ''), locale));
	return locale === 'ar' ? (key, params) => isolateDashedNumbers(fill(key, params)) : fill;
}
