/** The UI catalogues: same keys, same placeholders, real translations. */
import { describe, expect, it } from 'vitest';
import { fr } from '../../web/src/lib/i18n/fr';
import { ar } from '../../web/src/lib/i18n/ar';
import { en } from '../../web/src/lib/i18n/en';
import { LANGUAGE_NAMES, translator as pageTranslator } from '../../web/src/lib/i18n';
import { translator } from '../../web/src/lib/server/i18n';
import { pluralNames } from '../../web/src/lib/i18n/plural';

const catalogues = { fr, ar, en } as Record<'fr' | 'ar' | 'en', Record<string, string>>;
const frKeys = Object.keys(fr).sort();
/** The names a text fills: its {placeholders} and the counts of its plural blocks ({n, plural, …}), each once. */
const placeholders = (s: string) => [...new Set([...[...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]), ...pluralNames(s)])].sort();

/** Texts that are legitimately the same in French and English (names, templates). */
const SAME_IN_FR_AND_EN = new Set([
	'app.name',
	'reportCharts.conversations',
	'pay.method.ccp',
	'pay.method.baridimob',
	'meta.titleSuffix',
	// The label of the second-factor code field (/login/verify, /reauth).
	'login.verify.code',
	'layout.menu',
	'dashboard.admin.kicker',
	'campaign.format.reel',
	'campaign.format.story',
	'campaign.format.live',
	'campaign.niche.lifestyle',
	'nav.notifications',
	'notifications.title',
	'dlv.title',
	'sales.channel.whatsapp',
	'sales.intent.whatsapp',
	'report.attention',
	'report.intention',
	'report.conversion',
	'report.none'
]);
const ARABIC_LETTER = /[\u0600-\u06ff]/;

describe('UI catalogues', () => {
	it.each(['ar', 'en'] as const)('%s has exactly the keys of fr', (locale) => {
		expect(Object.keys(catalogues[locale]).sort()).toEqual(frKeys);
	});

	it.each(['fr', 'ar', 'en'] as const)('%s has no empty or untrimmed text', (locale) => {
		for (const [key, text] of Object.entries(catalogues[locale])) {
			expect(text.trim(), `${locale} ${key}`).not.toBe('');
			expect(text, `${locale} ${key}`).toBe(text.trim());
		}
	});

	it.each(['ar', 'en'] as const)('%s uses the same {placeholders} as fr for every key', (locale) => {
		for (const key of frKeys) {
			expect(placeholders(catalogues[locale][key]), `${locale} ${key}`).toEqual(placeholders(catalogues.fr[key]));
		}
	});

	it('Arabic is written in Arabic, never a copy of English or French', () => {
		for (const key of frKeys) {
			// Pure templates such as "{field}: {message}" have no words to translate.
			if (!/\p{L}/u.test(catalogues.fr[key].replace(/\{\w+\}/g, ''))) continue;
			expect(ar[key as keyof typeof ar], key).not.toBe(en[key as keyof typeof en]);
			expect(ar[key as keyof typeof ar], key).not.toBe(catalogues.fr[key]);
			// Every Arabic text has Arabic letters once its placeholders are removed.
			expect(ar[key as keyof typeof ar].replace(/\{\w+\}/g, ''), key).toMatch(ARABIC_LETTER);
		}
	});

	it('French is not a copy of English (apart from names)', () => {
		const copies = frKeys.filter((key) => catalogues.fr[key] === catalogues.en[key] && !SAME_IN_FR_AND_EN.has(key));
		expect(copies).toEqual([]);
	});

	it('French uses typographic apostrophes and no-break spaces before : ; ? !', () => {
		for (const [key, text] of Object.entries(fr)) {
			expect(text, key).not.toMatch(/'/);
			expect(text, key).not.toMatch(/ [:;?!]/);
		}
	});

	it('translator fills placeholders', () => {
		expect(translator('fr')('dashboard.invite.sent', { email: 'a@b.dz' })).toBe('Invitation envoyée à a@b.dz.');
		expect(translator('ar')('error.title', { status: 404 })).toBe('خطأ 404');
		expect(translator('en')('home.signedIn', { name: 'Nour' })).toBe('Welcome back, Nour.');
	});

	it('a page’s translator knows only the messages it was sent: a missing one shows as its key and is reported', () => {
		const missing: string[] = [];
		const t = pageTranslator('ar', { 'error.title': ar['error.title'] }, (key) => missing.push(key));
		expect(t('error.title', { status: 404 })).toBe('خطأ 404');
		expect(t.has('error.title')).toBe(true);
		expect(t.has('home.signedIn')).toBe(false);
		expect(t.has('toString')).toBe(false);
		expect(t('home.signedIn', { name: 'Nour' })).toBe('home.signedIn');
		expect(missing).toEqual(['home.signedIn']);
	});

	it('names each language in itself', () => {
		expect(LANGUAGE_NAMES).toEqual({ fr: 'Français', ar: 'العربية', en: 'English' });
	});
});
