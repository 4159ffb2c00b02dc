/**
 * The terms of an agreement draft, prefilled from the campaign and the accepted
 * application. Stored as JSON in agreements.terms: changing this shape needs a
 * `schemaVersion` bump and a migration of stored drafts.
 */
import { algiersDay } from './application-rules';
import type { Format, Objective, Platform } from './taxonomy';

export const TERMS_SCHEMA_VERSION = 1;

export interface AgreementTerms {
	schemaVersion: typeof TERMS_SCHEMA_VERSION;
	parties: {
		brand: { id: string; name: string };
		creator: { id: string; displayName: string; handle: string };
	};
	campaign: { id: string; title: string; objective: Objective };
	deliverables: { format: Format; platform: Platform; count: number }[];
	/** Calendar days (YYYY-MM-DD, Africa/Algiers); null when neither side gave one. */
	publicationWindow: { from: string | null; to: string | null; proposedDates: string[] };
	/** Days the creator has to send a draft, the brand to review it, rounds of corrections. */
	validation: { draftDaysBeforePublication: number; reviewDays: number; correctionRounds: number };
	fee: { amountDzd: number; currency: 'DZD' };
	paymentSchedule: { milestone: 'signature' | 'approval'; share: number; amountDzd: number }[];
	reuseRights: { days: number; channels: Platform[] };
	disclosure: { platformLabel: boolean; hashtags: string[] };
	crisis: { suspendOnCrisis: boolean; removalWithinHours: number; noDisparagement: boolean };
	attribution: { promoCode: string; whatsappKeyword: string };
}

export interface PrefillInput {
	brand: { id: string; name: string };
	creator: { id: string; displayName: string; handle: string };
	campaign: {
		id: string;
		title: string;
		objective: Objective;
		reuseRightsDays: number;
		/** Epoch ms or null. */
		startsAt: number | null;
		endsAt: number | null;
	};
	application: { formats: readonly Format[]; feeDzd: number; proposedDates: readonly string[] };
	/** Where the deliverables are published; Instagram unless the brand changes it later. */
	platform?: Platform;
}

/** Disclosure the agreement requires by default (LOCAL.md: platform label plus a hashtag). */
export const DEFAULT_DISCLOSURE_HASHTAGS = ['#sponsorisé', '#إشهار'] as const;
/** The discount the suggested promo code stands for (NOUR10 = 10 %). */
export const DEFAULT_PROMO_PERCENT = 10;

/** Latin spellings of Arabic letters as Algerian names are usually written in French. */
const ARABIC_TO_LATIN: Record<string, string> = {
	ا: 'A', أ: 'A', إ: 'A', آ: 'A', ٱ: 'A', ء: '', ؤ: 'OU', ئ: 'I', ب: 'B', ت: 'T', ث: 'T', ج: 'DJ', ح: 'H', خ: 'KH',
	د: 'D', ذ: 'D', ر: 'R', ز: 'Z', س: 'S', ش: 'CH', ص: 'S', ض: 'D', ط: 'T', ظ: 'D', ع: 'A', غ: 'GH', ف: 'F',
	ق: 'K', ك: 'K', ڨ: 'G', ل: 'L', م: 'M', ن: 'N', ه: 'H', ة: 'A', ى: 'A', پ: 'P', ڤ: 'V'
};

/**
 * A name in upper-case ASCII letters and digits: accents dropped (Léna → LENA), Arabic
 * transliterated (نور → NOUR, ياسمين → YASMIN); و and ي read as consonants at the start
 * of a word and as vowels (OU, I) inside it.
 */
export function asciiName(name: string): string {
	const words = name.normalize('NFKD').replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '').split(/\s+/);
	return words
		.map((word) =>
			[...word]
				.map((ch, i) => {
					if (ch === 'و') return i === 0 ? 'W' : 'OU';
					if (ch === 'ي') return i === 0 ? 'Y' : 'I';
					return ARABIC_TO_LATIN[ch] ?? ch;
				})
				.join('')
				.toUpperCase()
				.replace(/[^A-Z0-9]/g, '')
		)
		.filter(Boolean)
		.join(' ');
}

/** The first word of a display name in ASCII capitals, at most 10 characters (CREATEUR if none). */
export function codeStem(displayName: string): string {
	const first = asciiName(displayName).split(' ')[0] ?? '';
	return (first || 'CREATEUR').slice(0, 10);
}

/** Suggested promo code: NOUR10 for "Nour", "نور" or "Noûr Beauty". */
export function promoCodeFor(displayName: string, percent = DEFAULT_PROMO_PERCENT): string {
	return `${codeStem(displayName)}${percent}`;
}

const PLATFORM_WORD: Record<Platform, string> = { instagram: 'INSTA', tiktok: 'TIKTOK', facebook: 'FB', youtube: 'YT', snapchat: 'SNAP' };

/** Suggested WhatsApp keyword: INSTA-NOUR (short, ASCII, easy to type). */
export function whatsappKeywordFor(displayName: string, platform: Platform = 'instagram'): string {
	return `${PLATFORM_WORD[platform]}-${codeStem(displayName)}`;
}

/** A 50/50 schedule in whole dinars; the odd dinar goes to the second milestone. */
export function defaultPaymentSchedule(feeDzd: number): AgreementTerms['paymentSchedule'] {
	const first = Math.floor(feeDzd / 2);
	return [
		{ milestone: 'signature', share: 0.5, amountDzd: first },
		{ milestone: 'approval', share: 0.5, amountDzd: feeDzd - first }
	];
}

/**
 * The draft terms of a newly accepted application. Pure: the same input always gives the
 * same terms, so the draft can be recomputed and compared in tests.
 */
export function prefillTerms(input: PrefillInput): AgreementTerms {
	const platform = input.platform ?? 'instagram';
	const proposed = [...new Set(input.application.proposedDates)].sort();
	const from = input.campaign.startsAt !== null ? algiersDay(input.campaign.startsAt) : (proposed[0] ?? null);
	const to = input.campaign.endsAt !== null ? algiersDay(input.campaign.endsAt) : (proposed.at(-1) ?? null);
	return {
		schemaVersion: TERMS_SCHEMA_VERSION,
		parties: {
			brand: { id: input.brand.id, name: input.brand.name },
			creator: { id: input.creator.id, displayName: input.creator.displayName, handle: input.creator.handle }
		},
		campaign: { id: input.campaign.id, title: input.campaign.title, objective: input.campaign.objective },
		deliverables: [...new Set(input.application.formats)].map((format) => ({ format, platform, count: 1 })),
		publicationWindow: { from, to, proposedDates: proposed },
		validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
		fee: { amountDzd: input.application.feeDzd, currency: 'DZD' },
		paymentSchedule: defaultPaymentSchedule(input.application.feeDzd),
		reuseRights: { days: input.campaign.reuseRightsDays, channels: [platform] },
		disclosure: { platformLabel: true, hashtags: [...DEFAULT_DISCLOSURE_HASHTAGS] },
		crisis: { suspendOnCrisis: true, removalWithinHours: 24, noDisparagement: true },
		attribution: { promoCode: promoCodeFor(input.creator.displayName), whatsappKeyword: whatsappKeywordFor(input.creator.displayName, platform) }
	};
}
