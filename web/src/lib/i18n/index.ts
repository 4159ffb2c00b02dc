/**
 * UI messages. French is the source catalogue; ar.ts and en.ts must have every key (the
 * compiler checks). The locale is passed in explicitly: no global i18n state.
 */
import { fr } from './fr';
import { ar } from './ar';
import { en } from './en';

export type Locale = 'fr' | 'ar' | 'en';
export type Key = keyof typeof fr;
export type Catalogue = Record<Key, string>;

export const LOCALES: readonly Locale[] = ['fr', 'ar', 'en'];
const catalogues: Record<Locale, Catalogue> = { fr, ar, en };

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Returns a translator bound to one locale: `t('login.title')`, `t('x', { n: 3 })`. */
export function translator(locale: Locale) {
	const cat = catalogues[locale];
	return (key: Key, params: Record<string, string | number> = {}) => cat[key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}
