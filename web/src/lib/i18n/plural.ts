/**
 * Counts that read naturally (issue 14, point 8): "1 campagne", "3 campagnes", "تم استيراد
 * 10 منشورات". A catalogue text may hold one ICU-like plural block per count:
 *
 *   '{count, plural, one {# campagne} other {# campagnes}}'
 *   '{n, plural, =0 {لا حملة} one {حملة واحدة} two {حملتان} few {# حملات} many {# حملة} other {# حملة}}'
 *
 * The form is chosen with Intl.PluralRules for the catalogue's language (French: one, many,
 * other; Arabic: zero, one, two, few, many, other; English: one, other); `=N` matches an
 * exact number first; `other` is required and the fallback. `#` is the number formatted as
 * the rest of the UI formats numbers (Latin digits, grouped with a no-break space). The
 * rest of the text keeps the `{name}` placeholders, filled afterwards. Plain TypeScript: the
 * unit tests run it inside workerd.
 */
import { formatNumber } from '../format';
import { perLanguage } from '../../../../worker/domain/numbers';
import type { Locale } from './index';

/** The Intl locale whose plural rules apply: Algerian French and Arabic have the rules of their language. */
const RULES_LOCALE: Record<Locale, string> = { fr: 'fr', ar: 'ar', en: 'en' };
const rules = perLanguage((l) => new Intl.PluralRules(RULES_LOCALE[l]));

/** The plural category of `n` in `locale` (zero, one, two, few, many or other). */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
	return rules(locale).select(n);
}

/** Every category a language distinguishes, for tests and for writing catalogues. */
export function pluralCategories(locale: Locale): Intl.LDMLPluralRule[] {
	return rules(locale).resolvedOptions().pluralCategories;
}

const BLOCK = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /\s*(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The forms of one plural block, by selector. */
function formsOf(body: string): Map<string, string> {
	const forms = new Map<string, string>();
	for (const m of body.matchAll(FORM)) forms.set(m[1], m[2]);
	return forms;
}

/** Chooses the form of every plural block of `text` for the counts in `params`; other text is left as it is. */
export function selectPlurals(locale: Locale, text: string, params: Record<string, string | number>): string {
	if (!text.includes(', plural,')) return text;
	return text.replace(BLOCK, (whole, name: string, body: string) => {
		const value = params[name];
		const n = typeof value === 'number' ? value : Number(value);
		const forms = formsOf(body);
		if (!Number.isFinite(n)) return (forms.get('other') ?? whole).replaceAll('#', String(value ?? ''));
		const form = forms.get(`=${n}`) ?? forms.get(pluralCategory(locale, n)) ?? forms.get('other') ?? '';
		return form.replaceAll('#', formatNumber(n, locale));
	});
}

/** The names counted by plural blocks of `text` (the catalogue test checks them like placeholders). */
export function pluralNames(text: string): string[] {
	return [...text.matchAll(BLOCK)].map((m) => m[1]);
}
