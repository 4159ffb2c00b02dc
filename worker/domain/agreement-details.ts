/**
 * What an agreement still needs before it can be sent, and who must give it (issue 14,
 * point 4): the brand names its legal name, its signatory and the publication window; the
 * creator gives their own legal identity (name, and RC / NIF / auto-entrepreneur card when
 * they have them). Pure: no D1.
 */
import * as v from 'valibot';
import type { Locale } from '../i18n';
import { type AgreementTerms, CARD_PATTERN, NIF_PATTERN, RC_PATTERN, TERMS_LIMITS, validateTermsRules } from './agreement-terms';
import { singleLineCheck } from './text';

/** The fields sending requires, in the order the agreement page lists them, with the party who fills each. */
export const REQUIRED_TO_SEND = [
	{ field: 'parties.brand.legalName', party: 'brand' },
	{ field: 'parties.brand.representative', party: 'brand' },
	{ field: 'publicationWindow.from', party: 'brand' },
	{ field: 'publicationWindow.to', party: 'brand' },
	{ field: 'parties.creator.legalName', party: 'creator' }
] as const;
export type RequiredField = (typeof REQUIRED_TO_SEND)[number]['field'];

/** The field names in each language, as the agreement page and the 422 name them. */
const LABELS: Record<Locale, Record<RequiredField, string>> = {
	fr: {
		'parties.brand.legalName': 'Raison sociale de la marque',
		'parties.brand.representative': 'Signataire pour la marque',
		'publicationWindow.from': 'Début de la fenêtre de publication',
		'publicationWindow.to': 'Fin de la fenêtre de publication',
		'parties.creator.legalName': 'Nom légal du créateur'
	},
	ar: {
		'parties.brand.legalName': 'التسمية القانونية للعلامة',
		'parties.brand.representative': 'الموقّع باسم العلامة التجارية',
		'publicationWindow.from': 'بداية فترة النشر',
		'publicationWindow.to': 'نهاية فترة النشر',
		'parties.creator.legalName': 'الاسم القانوني لصانع المحتوى'
	},
	en: {
		'parties.brand.legalName': 'Brand’s registered name',
		'parties.brand.representative': 'Signatory for the brand',
		'publicationWindow.from': 'Start of the publication window',
		'publicationWindow.to': 'End of the publication window',
		'parties.creator.legalName': 'Creator’s legal name'
	}
};

/** Who must fill it, as the 422's field messages say it. */
const WHO: Record<Locale, Record<'brand' | 'creator', string>> = {
	fr: { brand: 'à compléter par la marque', creator: 'à compléter par le créateur' },
	ar: { brand: 'تُكمله العلامة التجارية', creator: 'يُكمله صانع المحتوى' },
	en: { brand: 'to be filled in by the brand', creator: 'to be filled in by the creator' }
};

export interface MissingField {
	/** Dot path in the terms (`parties.creator.legalName`). */
	field: RequiredField;
	/** Who must fill it. */
	party: 'brand' | 'creator';
	/** Its name in the reader's language. */
	label: string;
}

/** Every field sending still needs, for whoever must fill it (empty: ready to send). */
export function missingForSending(terms: AgreementTerms, locale: Locale): MissingField[] {
	const empty = new Set(
		validateTermsRules(terms, { forSending: true })
			.filter((p) => p.key === 'terms_required_to_send')
			.map((p) => p.path)
	);
	return REQUIRED_TO_SEND.filter((r) => empty.has(r.field)).map((r) => ({ field: r.field, party: r.party, label: LABELS[locale][r.field] }));
}

/** The 422's field message: "Nom légal du créateur : à compléter par le créateur". */
export function missingMessage(m: MissingField, locale: Locale): string {
	return `${m.label}${locale === 'fr' ? '\u00a0: ' : ': '}${WHO[locale][m.party]}`;
}

/** The note of the version the creator's details make, in the creator's language. */
export const CREATOR_DETAILS_NOTE: Record<Locale, string> = {
	fr: 'Identité légale complétée par le créateur',
	ar: 'أكمل صانع المحتوى هويته القانونية',
	en: 'Legal details filled in by the creator'
};

/** The creator's own legal identity: what the agreement needs from them and what their profile keeps. */
export interface CreatorLegalDetails {
	legalName: string;
	rcNumber: string | null;
	nif: string | null;
	autoEntrepreneurCard: string | null;
}

const Code = (pattern: RegExp, key: string, what: string) =>
	v.optional(
		v.nullable(
			v.pipe(
				v.string(key),
				v.trim(),
				v.transform((s) => s || null),
				v.nullable(v.pipe(v.string(), v.regex(pattern, key))),
				v.description(what)
			)
		),
		null
	);

/** The fields of the creator's legal identity, as PUT /agreements/:id/creator-details and PUT /creators/me/legal-details take them (empty codes mean none). */
export const creatorLegalEntries = {
	legalName: v.pipe(
		v.string('required'),
		v.trim(),
		singleLineCheck(),
		v.minLength(2, 'required'),
		v.maxLength(TERMS_LIMITS.name, 'too_long'),
		v.description('Civil or registered name, as on the identity card or the trade register (2–120 characters).')
	),
	rcNumber: Code(RC_PATTERN, 'terms_rc_invalid', 'Registre du commerce number, or null/empty when none.'),
	nif: Code(NIF_PATTERN, 'terms_nif_invalid', 'Tax identification number (15–20 digits), or null/empty when none.'),
	autoEntrepreneurCard: Code(CARD_PATTERN, 'terms_card_invalid', 'Auto-entrepreneur card number, or null/empty when none.')
};

/** The draft's terms with the creator's identity replaced by `details`; everything else unchanged. */
export function withCreatorDetails(terms: AgreementTerms, details: CreatorLegalDetails): AgreementTerms {
	const creator = terms.parties.creator;
	return {
		...terms,
		parties: {
			...terms.parties,
			creator: { ...creator, legalName: details.legalName, rcNumber: details.rcNumber, nif: details.nif, autoEntrepreneurCard: details.autoEntrepreneurCard }
		}
	};
}

/** The creator's identity as the terms hold it. */
export function creatorDetailsOf(terms: AgreementTerms): CreatorLegalDetails {
	const c = terms.parties.creator;
	return { legalName: c.legalName, rcNumber: c.rcNumber, nif: c.nif, autoEntrepreneurCard: c.autoEntrepreneurCard };
}
