/**
 * The terms of an agreement as structured data, prefilled from the campaign and the accepted
 * application, edited in draft, frozen when sent. Stored as JSON in agreements.terms and
 * agreement_versions.terms: changing this shape needs a `schemaVersion` bump and an upgrade
 * step in `upgradeTerms` (stored JSON is upgraded when read, never rewritten in place).
 *
 * Version 2 (issue 5) adds legal identities of the parties, story highlight time, the
 * disclosure's "whole life of the post" rule, reuse channels and the perpetual switch,
 * the crisis clause's requester/delay/payment, payment deadlines, termination, personal
 * data (Law 18-07) and applicable law / disputes. Absent optional values are `null`, never
 * missing keys, so the canonical JSON (and the document hash, contracts/hash.ts) has one form.
 */
import * as v from 'valibot';
import { algiersDay, isCalendarDay } from './application-rules';
import { FORMATS, OBJECTIVES, PLATFORMS, type Format, type Objective, type Platform } from './taxonomy';
import { singleLineCheck } from './text';

export const TERMS_SCHEMA_VERSION = 2;

// ---- vocabularies (the clause generator, the diff and the UI use these lists) --------------

export * from './agreement-vocabulary';
import {
	CRISIS_PAYMENTS,
	CRISIS_REQUESTERS,
	DEFAULT_REUSE_CHANNELS,
	PAYMENT_MILESTONES,
	PERSONAL_DATA_ITEMS,
	REUSE_CHANNELS,
	TERMS_LIMITS,
	type CrisisPayment,
	type CrisisRequester,
	type PaymentMilestone,
	type PersonalDataItem,
	type ReuseChannel
} from './agreement-vocabulary';

// ---- the shape --------------------------------------------------------------------------------

export interface WilayaRef {
	/** Official code, two digits ("16"). */
	code: string;
	nameFr: string;
	nameAr: string;
}

export interface BrandParty {
	id: string;
	/** Trade name shown in the app. */
	name: string;
	/** Legal name as registered (company or trader); prefilled with the trade name. */
	legalName: string;
	/** Registre du commerce number, when the brand has one. */
	rcNumber: string | null;
	/** Numéro d'identification fiscale. */
	nif: string | null;
	/** The person who signs for the brand; must be filled before sending. */
	representative: string;
}

export interface CreatorParty {
	id: string;
	displayName: string;
	handle: string;
	/** Civil or registered name; empty until the creator fills it (needed before sending). */
	legalName: string;
	/** Registre du commerce number (trade activity, CNRC 617040), if any. */
	rcNumber: string | null;
	nif: string | null;
	/** Auto-entrepreneur card number, if the creator has that status. */
	autoEntrepreneurCard: string | null;
}

export interface Deliverable {
	platform: Platform;
	format: Format;
	count: number;
	/** Stories only: minimum hours the story stays highlighted (pinned "à la une"); null for other formats. */
	storyHighlightHours: number | null;
}

/** A type alias (not an interface) so it is assignable to Record<string, unknown> for generic readers. */
export type AgreementTerms = {
	schemaVersion: typeof TERMS_SCHEMA_VERSION;
	parties: { brand: BrandParty; creator: CreatorParty };
	campaign: { id: string; title: string; objective: Objective };
	deliverables: Deliverable[];
	/** Calendar days (YYYY-MM-DD, Africa/Algiers); null when neither side gave one. */
	publicationWindow: { from: string | null; to: string | null; proposedDates: string[] };
	/** Days before publication the creator sends a draft, days the brand has to review it, rounds of corrections included. */
	validation: { draftDaysBeforePublication: number; reviewDays: number; correctionRounds: number };
	/** Platform's paid-partnership label plus hashtags, kept for the whole life of the post (both always true). */
	disclosure: { platformLabel: true; hashtags: string[]; wholeLifeOfPost: true };
	/** `days` is null exactly when `perpetual` is true; perpetual is never a default. */
	reuseRights: { days: number | null; perpetual: boolean; channels: ReuseChannel[] };
	crisis: { requestedBy: CrisisRequester; withdrawalWithinHours: number; payment: CrisisPayment };
	fee: { amountDzd: number; currency: 'DZD' };
	/** Whole dinars; the amounts add up to the fee exactly. `dueDays`: days after the milestone to pay. */
	paymentSchedule: { milestone: PaymentMilestone; amountDzd: number; dueDays: number }[];
	attribution: { promoCode: string; whatsappKeyword: string };
	/** Notice to end the agreement without fault; days to cure a breach after formal notice. */
	termination: { noticeDays: number; cureDays: number };
	/** Law 18-07: what the parties share, kept for how long after the end of the agreement. */
	personalData: { law: '18-07'; shared: PersonalDataItem[]; retentionMonths: number };
	/** Algerian law; amicable settlement for `amicableDays`, then the competent court of the wilaya. */
	law: { governingLaw: 'DZ'; amicableDays: number; courtWilaya: WilayaRef };
};

export interface PrefillInput {
	brand: {
		id: string;
		name: string;
		legalName?: string;
		rcNumber?: string | null;
		nif?: string | null;
		/** Who signs for the brand (e.g. the member who accepts). */
		representative?: string;
		/** Where the brand is established: its court hears disputes. Algiers when unknown. */
		wilaya?: WilayaRef;
	};
	creator: { id: string; displayName: string; handle: string; legalName?: string; rcNumber?: string | null; nif?: string | null; autoEntrepreneurCard?: string | null };
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
/** Reuse rights when the campaign does not say (the seed article's 30 days). */
export const DEFAULT_REUSE_DAYS = 30;
/** Algiers: the court used when the brand's wilaya is unknown. */
export const DEFAULT_COURT_WILAYA: WilayaRef = { code: '16', nameFr: 'Alger', nameAr: 'الجزائر' };

/** Defaults of the clauses that the campaign and the application say nothing about. */
export const TERMS_DEFAULTS = {
	validation: { draftDaysBeforePublication: 2, reviewDays: 2, correctionRounds: 1 },
	storyHighlightHours: 72,
	crisis: { requestedBy: 'either', withdrawalWithinHours: 24, payment: 'pro_rata' },
	paymentDueDays: 7,
	termination: { noticeDays: 7, cureDays: 3 },
	personalData: { shared: ['identity', 'contact', 'payment_details', 'audience_stats'], retentionMonths: 12 },
	amicableDays: 30
} as const satisfies {
	validation: AgreementTerms['validation'];
	storyHighlightHours: number;
	crisis: AgreementTerms['crisis'];
	paymentDueDays: number;
	termination: AgreementTerms['termination'];
	personalData: { shared: readonly PersonalDataItem[]; retentionMonths: number };
	amicableDays: number;
};

/** Latin spellings of Arabic letters as Algerian names are usually written in French. */
const ARABIC_TO_LATIN: Record<string, string> = {
	ا: 'A',
	أ: 'A',
	إ: 'A',
	آ: 'A',
	ٱ: 'A',
	ء: '',
	ؤ: 'OU',
	ئ: 'I',
	ب: 'B',
	ت: 'T',
	ث: 'T',
	ج: 'DJ',
	ح: 'H',
	خ: 'KH',
	د: 'D',
	ذ: 'D',
	ر: 'R',
	ز: 'Z',
	س: 'S',
	ش: 'CH',
	ص: 'S',
	ض: 'D',
	ط: 'T',
	ظ: 'D',
	ع: 'A',
	غ: 'GH',
	ف: 'F',
	ق: 'K',
	ك: 'K',
	ڨ: 'G',
	ل: 'L',
	م: 'M',
	ن: 'N',
	ه: 'H',
	ة: 'A',
	ى: 'A',
	پ: 'P',
	ڤ: 'V'
};

/**
 * A name in upper-case ASCII letters and digits: accents dropped (Léna → LENA), Arabic
 * transliterated (نور → NOUR, ياسمين → YASMIN); و and ي read as consonants at the start
 * of a word and as vowels (OU, I) inside it.
 */
export function asciiName(name: string): string {
	const words = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
		.split(/\s+/);
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

/**
 * A 50/50 schedule in whole dinars, half on signature and half on approval of the drafts,
 * each payable within 7 days; the odd dinar goes to the second milestone.
 */
export function defaultPaymentSchedule(feeDzd: number, dueDays: number = TERMS_DEFAULTS.paymentDueDays): AgreementTerms['paymentSchedule'] {
	const first = Math.floor(feeDzd / 2);
	return [
		{ milestone: 'signature', amountDzd: first, dueDays },
		{ milestone: 'approval', amountDzd: feeDzd - first, dueDays }
	];
}

function deliverableOf(format: Format, platform: Platform, count = 1): Deliverable {
	return { platform, format, count, storyHighlightHours: format === 'story' ? TERMS_DEFAULTS.storyHighlightHours : null };
}

/** The v2 clauses nobody has spoken about yet: the same for a new draft and an upgraded v1 draft. */
function defaultClauses(courtWilaya: WilayaRef) {
	return {
		crisis: { ...TERMS_DEFAULTS.crisis },
		termination: { ...TERMS_DEFAULTS.termination },
		personalData: { law: '18-07' as const, shared: [...TERMS_DEFAULTS.personalData.shared], retentionMonths: TERMS_DEFAULTS.personalData.retentionMonths },
		law: { governingLaw: 'DZ' as const, amicableDays: TERMS_DEFAULTS.amicableDays, courtWilaya: { ...courtWilaya } }
	};
}

/**
 * The draft terms of a newly accepted application. Pure: the same input always gives the
 * same terms, so the draft can be recomputed and compared in tests. Defaults: one of each
 * offered format on Instagram, stories highlighted 72 h, reuse for the campaign's days
 * (30 when it says 0) on the brand's website and catalogues, never perpetual,
 * #sponsorisé / #إشهار for the whole life of the post, 50/50 payment, Algerian law.
 */
export function prefillTerms(input: PrefillInput): AgreementTerms {
	const platform = input.platform ?? 'instagram';
	const proposed = [...new Set(input.application.proposedDates)].sort();
	const from = input.campaign.startsAt !== null ? algiersDay(input.campaign.startsAt) : (proposed[0] ?? null);
	const to = input.campaign.endsAt !== null ? algiersDay(input.campaign.endsAt) : (proposed.at(-1) ?? null);
	const reuseDays = input.campaign.reuseRightsDays > 0 ? input.campaign.reuseRightsDays : DEFAULT_REUSE_DAYS;
	return {
		schemaVersion: TERMS_SCHEMA_VERSION,
		parties: {
			brand: {
				id: input.brand.id,
				name: input.brand.name,
				legalName: (input.brand.legalName ?? input.brand.name).trim(),
				rcNumber: input.brand.rcNumber?.trim() || null,
				nif: input.brand.nif?.trim() || null,
				representative: (input.brand.representative ?? '').trim()
			},
			creator: {
				id: input.creator.id,
				displayName: input.creator.displayName,
				handle: input.creator.handle,
				legalName: (input.creator.legalName ?? '').trim(),
				rcNumber: input.creator.rcNumber?.trim() || null,
				nif: input.creator.nif?.trim() || null,
				autoEntrepreneurCard: input.creator.autoEntrepreneurCard?.trim() || null
			}
		},
		campaign: { id: input.campaign.id, title: input.campaign.title, objective: input.campaign.objective },
		deliverables: [...new Set(input.application.formats)].map((format) => deliverableOf(format, platform)),
		publicationWindow: { from, to, proposedDates: proposed },
		validation: { ...TERMS_DEFAULTS.validation },
		disclosure: { platformLabel: true, hashtags: [...DEFAULT_DISCLOSURE_HASHTAGS], wholeLifeOfPost: true },
		reuseRights: { days: reuseDays, perpetual: false, channels: [...DEFAULT_REUSE_CHANNELS] },
		fee: { amountDzd: input.application.feeDzd, currency: 'DZD' },
		paymentSchedule: defaultPaymentSchedule(input.application.feeDzd),
		attribution: { promoCode: promoCodeFor(input.creator.displayName), whatsappKeyword: whatsappKeywordFor(input.creator.displayName, platform) },
		...defaultClauses(input.brand.wilaya ?? DEFAULT_COURT_WILAYA)
	};
}

// ---- stored versions ------------------------------------------------------------------------

/** The v1 shape (worker/domain/agreement-terms.ts before issue 5), as prefillTerms wrote it into D1. */
const termsV1Schema = v.object({
	schemaVersion: v.literal(1),
	parties: v.object({
		brand: v.object({ id: v.string(), name: v.string() }),
		creator: v.object({ id: v.string(), displayName: v.string(), handle: v.string() })
	}),
	campaign: v.object({ id: v.string(), title: v.string(), objective: v.picklist(OBJECTIVES) }),
	deliverables: v.array(v.object({ format: v.picklist(FORMATS), platform: v.picklist(PLATFORMS), count: v.number() })),
	publicationWindow: v.object({ from: v.nullable(v.string()), to: v.nullable(v.string()), proposedDates: v.array(v.string()) }),
	validation: v.object({ draftDaysBeforePublication: v.number(), reviewDays: v.number(), correctionRounds: v.number() }),
	fee: v.object({ amountDzd: v.number(), currency: v.literal('DZD') }),
	paymentSchedule: v.array(v.object({ milestone: v.picklist(['signature', 'approval']), share: v.number(), amountDzd: v.number() })),
	reuseRights: v.object({ days: v.number(), channels: v.array(v.string()) }),
	disclosure: v.object({ platformLabel: v.boolean(), hashtags: v.array(v.string()) }),
	crisis: v.object({ suspendOnCrisis: v.boolean(), removalWithinHours: v.number(), noDisparagement: v.boolean() }),
	attribution: v.object({ promoCode: v.string(), whatsappKeyword: v.string() })
});

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/**
 * Stored terms (parsed JSON of agreements.terms or agreement_versions.terms) as v2.
 * v2 is validated and returned; v1 is upgraded: identities to complete (legal names,
 * representative), stories highlighted 72 h, reuse on the default channels (v1 listed the
 * publication platform, which v2 does not count as a reuse channel; no v1 draft could be
 * edited, so every v1 channel list is the prefilled one), crisis withdrawal within the v1
 * removal delay, 7-day payment deadlines, and the default termination, data and law clauses
 * with the court of Algiers. Throws a TypeError on anything else.
 */
export function upgradeTerms(stored: unknown): AgreementTerms {
	const version = typeof stored === 'object' && stored !== null ? (stored as { schemaVersion?: unknown }).schemaVersion : undefined;
	if (version === TERMS_SCHEMA_VERSION) {
		const parsed = v.safeParse(agreementTermsSchema, stored);
		if (!parsed.success) throw new TypeError(`upgradeTerms: stored v2 terms do not match the schema (${parsed.issues[0].message} at ${v.getDotPath(parsed.issues[0]) ?? ''})`);
		return parsed.output;
	}
	if (version !== 1) throw new TypeError(`upgradeTerms: unknown terms schemaVersion ${String(version)}`);
	const parsed = v.safeParse(termsV1Schema, stored);
	if (!parsed.success) throw new TypeError(`upgradeTerms: stored v1 terms are malformed (at ${v.getDotPath(parsed.issues[0]) ?? ''})`);
	const old = parsed.output;
	const defaults = defaultClauses(DEFAULT_COURT_WILAYA);
	return {
		schemaVersion: TERMS_SCHEMA_VERSION,
		parties: {
			brand: { id: old.parties.brand.id, name: old.parties.brand.name, legalName: old.parties.brand.name.trim(), rcNumber: null, nif: null, representative: '' },
			creator: { id: old.parties.creator.id, displayName: old.parties.creator.displayName, handle: old.parties.creator.handle, legalName: '', rcNumber: null, nif: null, autoEntrepreneurCard: null }
		},
		campaign: { ...old.campaign },
		deliverables: old.deliverables.map((d) => deliverableOf(d.format, d.platform, clamp(d.count, TERMS_LIMITS.count.min, TERMS_LIMITS.count.max))),
		publicationWindow: { from: old.publicationWindow.from, to: old.publicationWindow.to, proposedDates: [...old.publicationWindow.proposedDates] },
		validation: { ...old.validation },
		disclosure: { platformLabel: true, hashtags: old.disclosure.hashtags.length ? [...old.disclosure.hashtags] : [...DEFAULT_DISCLOSURE_HASHTAGS], wholeLifeOfPost: true },
		reuseRights: { days: old.reuseRights.days > 0 ? old.reuseRights.days : DEFAULT_REUSE_DAYS, perpetual: false, channels: [...DEFAULT_REUSE_CHANNELS] },
		fee: { ...old.fee },
		paymentSchedule: old.paymentSchedule.map((m) => ({ milestone: m.milestone, amountDzd: m.amountDzd, dueDays: TERMS_DEFAULTS.paymentDueDays })),
		attribution: { ...old.attribution },
		...defaults,
		crisis: { ...defaults.crisis, withdrawalWithinHours: clamp(old.crisis.removalWithinHours, TERMS_LIMITS.hours.min, TERMS_LIMITS.hours.max) }
	};
}

// ---- reading stored terms ------------------------------------------------------------------------

/** Stored terms (the JSON text of a terms column) as current terms; null when the text is damaged or not terms at all. */
export function readStoredTerms(raw: string): AgreementTerms | null {
	try {
		return upgradeTerms(JSON.parse(raw));
	} catch {
		return null;
	}
}

// ---- validation of terms sent by a client ----------------------------------------------------------

/** Trimmed single-line text of 1..max characters (`minLength` 0 for fields a draft may leave empty); see domain/text.ts. */
const Text = (max: number, minLength = 1) =>
	v.pipe(v.string('required'), v.trim(), singleLineCheck(), v.minLength(minLength, 'required'), v.maxLength(max, 'too_long'), v.description(`Trimmed single-line text, at most ${max} characters.`));
/** An optional identifier: absent or null means none. */
const OptionalCode = (pattern: RegExp, key: TermsMessageKey, what: string) => v.optional(v.nullable(v.pipe(v.string(key), v.trim(), v.regex(pattern, key), v.description(what))), null);
const Int = (min: number, max: number, key: TermsMessageKey, what: string) => v.pipe(v.number(key), v.safeInteger(key), v.minValue(min, key), v.maxValue(max, key), v.description(what));
const Day = v.pipe(v.string('date_invalid'), v.check(isCalendarDay, 'date_invalid'), v.description('Calendar day YYYY-MM-DD (Africa/Algiers).'));

/** RC numbers are written many ways ("16/00-1234567 B 19"): letters, digits, spaces, / and -. */
export const RC_PATTERN = /^[0-9A-Za-z][0-9A-Za-z /-]{3,29}$/;
/** NIF: 15 to 20 digits, single spaces between groups accepted. */
export const NIF_PATTERN = /^(?:\d ?){14,19}\d$/;
/** Auto-entrepreneur card number. */
export const CARD_PATTERN = /^[0-9A-Za-z][0-9A-Za-z /-]{3,29}$/;
export const PROMO_CODE_PATTERN = /^[A-Z0-9]{3,20}$/;
/** WhatsApp keyword: 2 to 30 capitals, digits and inner hyphens (INSTA-NOUR). */
export const WHATSAPP_KEYWORD_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,28}[A-Z0-9])$/;
/** One hashtag: "#" then 1 to 39 letters, digits or underscores, in any script. */
export const HASHTAG_PATTERN = /^#[\p{L}\p{M}\p{N}_]{1,39}$/u;

const L = TERMS_LIMITS;

/** The message keys of worker/i18n.ts the schema and the rules use (the terms_* ones were added for issue 5). */
export const TERMS_MESSAGE_KEYS = [
	'required',
	'too_long',
	'single_line',
	'date_invalid',
	'dates_too_many',
	'format_invalid',
	'creator_platform_invalid',
	'campaign_objective_invalid',
	'terms_version_invalid',
	'terms_deliverables_count',
	'terms_count_range',
	'terms_hours_range',
	'terms_days_range',
	'terms_validation_days_range',
	'terms_rounds_range',
	'terms_fee_range',
	'terms_due_days_range',
	'terms_milestones_count',
	'terms_milestones_sum',
	'terms_hashtags_count',
	'terms_hashtag_invalid',
	'terms_disclosure_required',
	'terms_option_invalid',
	'terms_pick_one',
	'terms_duplicates',
	'terms_rc_invalid',
	'terms_nif_invalid',
	'terms_card_invalid',
	'terms_promo_code_invalid',
	'terms_keyword_invalid',
	'terms_notice_range',
	'terms_cure_range',
	'terms_retention_range',
	'terms_amicable_range',
	'terms_law_invalid',
	'terms_wilaya_unknown',
	'terms_window_order',
	'terms_perpetual_days',
	'terms_story_highlight_required',
	'terms_story_highlight_only',
	'terms_immutable',
	'terms_required_to_send'
] as const;
export type TermsMessageKey = (typeof TERMS_MESSAGE_KEYS)[number];

/**
 * A whole v2 terms object sent by a client (PATCH /agreements/:id). Messages are keys of
 * worker/i18n.ts. Structural and per-field bounds only: cross-field rules (sums, order,
 * perpetual vs days, story highlight, immutable ids) are in `validateTermsRules`.
 */
export const agreementTermsSchema = v.strictObject({
	schemaVersion: v.pipe(v.literal(TERMS_SCHEMA_VERSION, 'terms_version_invalid'), v.description('Always 2.')),
	parties: v.strictObject({
		brand: v.strictObject({
			id: Text(L.id),
			name: Text(L.name),
			legalName: Text(L.name),
			rcNumber: OptionalCode(RC_PATTERN, 'terms_rc_invalid', 'Registre du commerce number, or null.'),
			nif: OptionalCode(NIF_PATTERN, 'terms_nif_invalid', 'Tax identification number (15–20 digits), or null.'),
			representative: Text(L.name, 0)
		}),
		creator: v.strictObject({
			id: Text(L.id),
			displayName: Text(L.name),
			handle: Text(L.handle),
			legalName: Text(L.name, 0),
			rcNumber: OptionalCode(RC_PATTERN, 'terms_rc_invalid', 'Registre du commerce number, or null.'),
			nif: OptionalCode(NIF_PATTERN, 'terms_nif_invalid', 'Tax identification number (15–20 digits), or null.'),
			autoEntrepreneurCard: OptionalCode(CARD_PATTERN, 'terms_card_invalid', 'Auto-entrepreneur card number, or null.')
		})
	}),
	campaign: v.strictObject({ id: Text(L.id), title: Text(L.title), objective: v.picklist(OBJECTIVES, 'campaign_objective_invalid') }),
	deliverables: v.pipe(
		v.array(
			v.strictObject({
				platform: v.picklist(PLATFORMS, 'creator_platform_invalid'),
				format: v.picklist(FORMATS, 'format_invalid'),
				count: Int(L.count.min, L.count.max, 'terms_count_range', 'How many of this format: 1 to 20.'),
				storyHighlightHours: v.optional(v.nullable(Int(L.hours.min, L.hours.max, 'terms_hours_range', 'Stories: minimum hours highlighted, 1 to 168; null otherwise.')), null)
			}),
			'terms_deliverables_count'
		),
		v.minLength(L.deliverables.min, 'terms_deliverables_count'),
		v.maxLength(L.deliverables.max, 'terms_deliverables_count')
	),
	publicationWindow: v.strictObject({
		from: v.nullable(Day),
		to: v.nullable(Day),
		proposedDates: v.pipe(v.array(Day, 'date_invalid'), v.maxLength(L.proposedDates, 'dates_too_many'))
	}),
	validation: v.strictObject({
		draftDaysBeforePublication: Int(L.validationDays.min, L.validationDays.max, 'terms_validation_days_range', 'Days before publication the draft is due.'),
		reviewDays: Int(L.validationDays.min, L.validationDays.max, 'terms_validation_days_range', 'Days the brand has to review a draft.'),
		correctionRounds: Int(L.correctionRounds.min, L.correctionRounds.max, 'terms_rounds_range', 'Rounds of corrections included, 0 to 5.')
	}),
	disclosure: v.strictObject({
		platformLabel: v.literal(true, 'terms_disclosure_required'),
		hashtags: v.pipe(
			v.array(v.pipe(v.string('terms_hashtag_invalid'), v.trim(), v.regex(HASHTAG_PATTERN, 'terms_hashtag_invalid')), 'terms_hashtags_count'),
			v.minLength(L.hashtags.min, 'terms_hashtags_count'),
			v.maxLength(L.hashtags.max, 'terms_hashtags_count')
		),
		wholeLifeOfPost: v.literal(true, 'terms_disclosure_required')
	}),
	reuseRights: v.strictObject({
		days: v.nullable(Int(L.reuseDays.min, L.reuseDays.max, 'terms_days_range', 'Days of reuse, 1 to 3650; null only when perpetual.')),
		perpetual: v.boolean('terms_option_invalid'),
		channels: v.pipe(v.array(v.picklist(REUSE_CHANNELS, 'terms_option_invalid'), 'terms_option_invalid'), v.maxLength(REUSE_CHANNELS.length, 'terms_duplicates'))
	}),
	crisis: v.strictObject({
		requestedBy: v.picklist(CRISIS_REQUESTERS, 'terms_option_invalid'),
		withdrawalWithinHours: Int(L.hours.min, L.hours.max, 'terms_hours_range', 'Hours to withdraw the content once asked, 1 to 168.'),
		payment: v.picklist(CRISIS_PAYMENTS, 'terms_option_invalid')
	}),
	fee: v.strictObject({
		amountDzd: Int(L.feeDzd.min, L.feeDzd.max, 'terms_fee_range', 'Whole dinars, 0 to 100 000 000.'),
		currency: v.literal('DZD', 'terms_option_invalid')
	}),
	paymentSchedule: v.pipe(
		v.array(
			v.strictObject({
				milestone: v.picklist(PAYMENT_MILESTONES, 'terms_option_invalid'),
				amountDzd: Int(L.feeDzd.min, L.feeDzd.max, 'terms_fee_range', 'Whole dinars.'),
				dueDays: Int(L.paymentDueDays.min, L.paymentDueDays.max, 'terms_due_days_range', 'Days after the milestone to pay, 0 to 90.')
			}),
			'terms_milestones_count'
		),
		v.maxLength(L.milestones.max, 'terms_milestones_count')
	),
	attribution: v.strictObject({
		promoCode: v.pipe(v.string('terms_promo_code_invalid'), v.trim(), v.regex(PROMO_CODE_PATTERN, 'terms_promo_code_invalid')),
		whatsappKeyword: v.pipe(v.string('terms_keyword_invalid'), v.trim(), v.regex(WHATSAPP_KEYWORD_PATTERN, 'terms_keyword_invalid'))
	}),
	termination: v.strictObject({
		noticeDays: Int(L.noticeDays.min, L.noticeDays.max, 'terms_notice_range', 'Notice to end without fault, 0 to 90 days.'),
		cureDays: Int(L.cureDays.min, L.cureDays.max, 'terms_cure_range', 'Days to cure a breach after formal notice, 1 to 30.')
	}),
	personalData: v.strictObject({
		law: v.literal('18-07', 'terms_law_invalid'),
		shared: v.pipe(v.array(v.picklist(PERSONAL_DATA_ITEMS, 'terms_option_invalid'), 'terms_pick_one'), v.minLength(1, 'terms_pick_one'), v.maxLength(PERSONAL_DATA_ITEMS.length, 'terms_duplicates')),
		retentionMonths: Int(L.retentionMonths.min, L.retentionMonths.max, 'terms_retention_range', 'Months kept after the end, 1 to 120.')
	}),
	law: v.strictObject({
		governingLaw: v.literal('DZ', 'terms_law_invalid'),
		amicableDays: Int(L.amicableDays.min, L.amicableDays.max, 'terms_amicable_range', 'Days of amicable settlement before court, 1 to 90.'),
		courtWilaya: v.strictObject({
			code: v.pipe(v.string('terms_wilaya_unknown'), v.regex(/^\d{2}$/, 'terms_wilaya_unknown')),
			nameFr: Text(80),
			nameAr: Text(80)
		})
	})
});

// The schema's output must be exactly an AgreementTerms (checked by the compiler both ways).
type SchemaOutput = v.InferOutput<typeof agreementTermsSchema>;
const _schemaMatches: [SchemaOutput extends AgreementTerms ? true : false, AgreementTerms extends SchemaOutput ? true : false] = [true, true];
void _schemaMatches;

export interface TermsProblem {
	/** Dot path of the field, as in problem+json `errors[].path`. */
	path: string;
	key: TermsMessageKey;
}

export interface TermsRuleOptions {
	/** The stored version being edited: ids, names of the parties' accounts and the campaign may not change. */
	current?: AgreementTerms;
	/** Sending needs the signatory identities and a publication window. */
	forSending?: boolean;
	/** Whether a wilaya code exists (from the wilayas table). */
	wilayaExists?: (code: string) => boolean;
}

function duplicates<T>(items: readonly T[], keyOf: (x: T) => string = String): number[] {
	const seen = new Set<string>();
	const out: number[] = [];
	items.forEach((x, i) => {
		const k = keyOf(x);
		if (seen.has(k)) out.push(i);
		seen.add(k);
	});
	return out;
}

/**
 * Cross-field rules of schema-valid terms: payment milestones add up to the fee exactly and
 * are not repeated; the window ends on or after its start; reuse days are set unless
 * perpetual (and null when perpetual); stories and only stories carry highlight hours;
 * no repeated deliverable, hashtag, channel or data item; the court's wilaya exists; the
 * ids stay those of `current`; before sending, legal names, representative and window are set.
 */
export function validateTermsRules(terms: AgreementTerms, opts: TermsRuleOptions = {}): TermsProblem[] {
	const problems: TermsProblem[] = [];
	const sum = terms.paymentSchedule.reduce((s, m) => s + m.amountDzd, 0);
	if (sum !== terms.fee.amountDzd) problems.push({ path: 'paymentSchedule', key: 'terms_milestones_sum' });
	for (const i of duplicates(terms.paymentSchedule, (m) => m.milestone)) problems.push({ path: `paymentSchedule.${i}.milestone`, key: 'terms_duplicates' });

	const { from, to } = terms.publicationWindow;
	if (from !== null && to !== null && from > to) problems.push({ path: 'publicationWindow.to', key: 'terms_window_order' });

	if (terms.reuseRights.perpetual && terms.reuseRights.days !== null) problems.push({ path: 'reuseRights.days', key: 'terms_perpetual_days' });
	if (!terms.reuseRights.perpetual && terms.reuseRights.days === null) problems.push({ path: 'reuseRights.days', key: 'terms_days_range' });
	for (const i of duplicates(terms.reuseRights.channels)) problems.push({ path: `reuseRights.channels.${i}`, key: 'terms_duplicates' });

	terms.deliverables.forEach((d, i) => {
		if (d.format === 'story' && d.storyHighlightHours === null) problems.push({ path: `deliverables.${i}.storyHighlightHours`, key: 'terms_story_highlight_required' });
		if (d.format !== 'story' && d.storyHighlightHours !== null) problems.push({ path: `deliverables.${i}.storyHighlightHours`, key: 'terms_story_highlight_only' });
	});
	for (const i of duplicates(terms.deliverables, (d) => `${d.platform}/${d.format}`)) problems.push({ path: `deliverables.${i}`, key: 'terms_duplicates' });
	for (const i of duplicates(terms.disclosure.hashtags, (h) => h.toLowerCase())) problems.push({ path: `disclosure.hashtags.${i}`, key: 'terms_duplicates' });
	for (const i of duplicates(terms.personalData.shared)) problems.push({ path: `personalData.shared.${i}`, key: 'terms_duplicates' });

	if (opts.wilayaExists && !opts.wilayaExists(terms.law.courtWilaya.code)) problems.push({ path: 'law.courtWilaya.code', key: 'terms_wilaya_unknown' });

	if (opts.current) {
		const c = opts.current;
		const fixed: [string, unknown, unknown][] = [
			['parties.brand.id', c.parties.brand.id, terms.parties.brand.id],
			['parties.brand.name', c.parties.brand.name, terms.parties.brand.name],
			['parties.creator.id', c.parties.creator.id, terms.parties.creator.id],
			['parties.creator.displayName', c.parties.creator.displayName, terms.parties.creator.displayName],
			['parties.creator.handle', c.parties.creator.handle, terms.parties.creator.handle],
			['campaign.id', c.campaign.id, terms.campaign.id],
			['campaign.title', c.campaign.title, terms.campaign.title],
			['campaign.objective', c.campaign.objective, terms.campaign.objective]
		];
		for (const [path, before, after] of fixed) if (before !== after) problems.push({ path, key: 'terms_immutable' });
	}

	if (opts.forSending) {
		if (!terms.parties.brand.legalName) problems.push({ path: 'parties.brand.legalName', key: 'terms_required_to_send' });
		if (!terms.parties.brand.representative) problems.push({ path: 'parties.brand.representative', key: 'terms_required_to_send' });
		if (!terms.parties.creator.legalName) problems.push({ path: 'parties.creator.legalName', key: 'terms_required_to_send' });
		if (from === null) problems.push({ path: 'publicationWindow.from', key: 'terms_required_to_send' });
		if (to === null) problems.push({ path: 'publicationWindow.to', key: 'terms_required_to_send' });
	}
	return problems;
}
