/**
 * UI messages. French is the source catalogue; ar.ts and en.ts must have every key (the
 * compiler checks). The locale is passed in explicitly: no global i18n state.
 *
 * This module holds no catalogue: a page gets only its own messages in its reader's language
 * (`data.messages`, chosen per route by $lib/server/route-messages.ts), and the root
 * +layout.ts turns them into `data.t`. Server code that needs any message uses the whole
 * catalogues from $lib/server/i18n.ts. Plain TypeScript (no SvelteKit imports) so unit
 * tests can load it.
 */
import type { fr } from './fr';
import { isolateDashedNumbers, isolateFor } from './bidi';
import { selectPlurals } from './plural';

export type Locale = 'fr' | 'ar' | 'en';
export type Key = keyof typeof fr;
export type Catalogue = Record<Key, string>;
/** Some of a catalogue: what one page can show. */
export type Messages = Partial<Catalogue>;
export interface Translate {
	(key: Key, params?: Record<string, string | number>): string;
	/** Whether `key` is a message of this page (a term the API added later is not). */
	has(key: string): key is Key;
}

export const LOCALES: readonly Locale[] = ['fr', 'ar', 'en'];

/** Each language named in itself: what a reader of that language looks for in a switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { fr: 'Français', ar: 'العربية', en: 'English' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Returns a translator bound to one locale and its messages: `t('login.title')`,
 * `t('x', { n: 3 })`. A count written as a plural block (`{n, plural, one {…} other {…}}`,
 * see plural.ts) takes the form of its language for `params.n`. A value that would be
 * reordered by the sentence around it (an e-mail or a code in Arabic, an Arabic name in
 * French) is isolated (bidi.ts). A key missing from `messages` shows as itself and is
 * reported to `onMissing` (the page's messages were chosen without it: a defect).
 */
export function translator(locale: Locale, messages: Messages, onMissing?: (key: string) => void): Translate {
	const fill = (key: Key, params: Record<string, string | number> = {}) => {
		const text = messages[key];
		if (text === undefined) {
			onMissing?.(key);
			return key;
		}
		return selectPlurals(locale, text, params).replace(/\{(\w+)\}/g, (_, p: string) => isolateFor(String(params[p] ?? ''), locale));
	};
	const t = (locale === 'ar' ? (key: Key, params?: Record<string, string | number>) => isolateDashedNumbers(fill(key, params)) : fill) as Translate;
	t.has = (key: string): key is Key => Object.hasOwn(messages, key);
	return t;
}
