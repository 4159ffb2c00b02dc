/**
 * The clause generator: structured agreement terms → an AgreementDocument in French,
 * Arabic or English (plain data the PDF renderer draws), plus the fixed texts of the
 * completion certificate. Pure and deterministic: the same terms give the same text.
 */
import type { AgreementTerms } from '../../worker/domain/agreement-terms';
import type { AgreementDocument, CompletionCertificate, DocLang } from '../document';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import type { LanguagePack } from './types';

export { diffTerms, type TermsChange } from './diff';
export { docCount, docDate, docDay, docDzd, docMoment, docNumber } from './format';
import { docMoment } from './format';
export { VOCABULARY } from './labels';

const PACKS: Record<DocLang, LanguagePack> = { fr, ar, en };

export interface BuildAgreementInput {
	agreementId: string;
	version: number;
	/** From contracts/hash.ts documentSha256(agreementId, version, terms). */
	documentSha256: string;
	terms: AgreementTerms;
	lang: DocLang;
	/** Defaults to the campaign title stored in the terms. */
	campaignTitle?: string;
	/** Absolute URL of the public verification page; the signature clause names it when given. */
	verifyUrl?: string;
}

/**
 * The agreement as a document: title, subtitle (campaign), the two parties with their
 * identities, 13 numbered clauses (purpose, parties and definitions, deliverables,
 * approval and deadlines, disclosure, reuse rights, crisis, fee and payment, promo code and
 * WhatsApp keyword, confidentiality and personal data, termination, law and disputes,
 * electronic signature) and footer labels, in the requested language.
 */
export function buildAgreementDocument(input: BuildAgreementInput): AgreementDocument {
	const pack = PACKS[input.lang];
	const campaignTitle = (input.campaignTitle ?? input.terms.campaign.title).trim() || input.terms.campaign.title;
	const ctx = {
		terms: input.terms,
		agreementId: input.agreementId,
		version: input.version,
		documentSha256: input.documentSha256,
		campaignTitle,
		verifyUrl: input.verifyUrl ?? null
	};
	return {
		lang: input.lang,
		title: pack.title,
		subtitle: campaignTitle,
		meta: { agreementId: input.agreementId, version: input.version, documentSha256: input.documentSha256 },
		parties: pack.parties(ctx),
		clauses: pack.clauses(ctx).map((c, i) => ({ number: i + 1, heading: c.heading, paragraphs: c.paragraphs })),
		footer: { ...pack.footer }
	};
}

/** The fixed texts of the completion certificate; the caller adds meta, signers, auditHead and verifyUrl. */
export interface CompletionCertificateText {
	lang: DocLang;
	title: string;
	intro: string;
	labels: CompletionCertificate['labels'];
	legalNote: string;
	/** Use as signers[].partyLabel. */
	partyLabels: { brand: string; creator: string };
	/** The same footer labels as the agreement document in this language. */
	footer: AgreementDocument['footer'];
}

export function buildCompletionCertificateText(lang: DocLang): CompletionCertificateText {
	const c = PACKS[lang].certificate;
	return { lang, title: c.title, intro: c.intro, labels: { ...c.labels }, legalNote: c.legalNote, partyLabels: { ...c.partyLabels }, footer: { ...PACKS[lang].footer } };
}

/** What a certificate of completion records, times as ISO 8601 instants. */
export interface CompletionEvidence {
	meta: CompletionCertificate['meta'];
	signers: (Omit<CompletionCertificate['signers'][number], 'partyLabel'> & { party: 'brand' | 'creator' })[];
	auditHead: string;
	verifyUrl: string;
}

/**
 * The certificate of completion in `lang`: the fixed texts, each signer under its party's
 * label, and every signing time in Algiers time in the reader's format (docMoment).
 */
export function buildCompletionCertificate(lang: DocLang, evidence: CompletionEvidence): CompletionCertificate {
	const text = buildCompletionCertificateText(lang);
	return {
		lang,
		title: text.title,
		intro: text.intro,
		labels: text.labels,
		legalNote: text.legalNote,
		footer: text.footer,
		meta: evidence.meta,
		signers: evidence.signers.map(({ party, ...s }) => ({ ...s, partyLabel: text.partyLabels[party], signedAt: docMoment(s.signedAt, lang) })),
		auditHead: evidence.auditHead,
		verifyUrl: evidence.verifyUrl
	};
}
