/**
 * The legal documents a user accepts (issue 15, point 6) and where their data is stored.
 * Pure data: the sign-up records acceptance of the current versions (services/consents.ts),
 * `GET /me/consent` compares what a user accepted with them, the export repeats the storage
 * list, and the pages /legal/terms and /legal/privacy show the same version and date.
 *
 * A new text is a new version: change the document's `version` and `effective` here (and its
 * page's messages); users who accepted an older one then show `reacceptDue` in /me/consent.
 */

export const LEGAL_DOCUMENT_KINDS = ['terms', 'privacy'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number];

export interface LegalDocument {
	/** The version a consent row names: the date its text was fixed (`YYYY-MM-DD`). */
	version: string;
	/** The day (Algiers) the text applies from, ISO `YYYY-MM-DD`. */
	effective: string;
	/** Where the text is read (a page of the app, fr/ar/en). */
	path: string;
}

/** The current terms of use and privacy notice. */
export const LEGAL_DOCUMENTS: Readonly<Record<LegalDocumentKind, LegalDocument>> = {
	terms: { version: '2026-12-01', effective: '2026-12-01', path: '/legal/terms' },
	privacy: { version: '2026-12-01', effective: '2026-12-01', path: '/legal/privacy' }
};

/** How an acceptance was given: the sign-up form's ticked box, or an API client that registered without `acceptTerms`. */
export type ConsentSource = 'web' | 'api';

export interface AcceptedVersion {
	document: LegalDocumentKind;
	version: string;
	acceptedAt: string;
	locale: string;
	source: ConsentSource;
}

/**
 * Per document: the current version, the latest version the user accepted (or null) and
 * whether they must accept again (never accepted, or an older version than the current one).
 * `accepted` is every acceptance, in any order.
 */
export function consentStatus(accepted: readonly AcceptedVersion[]) {
	return LEGAL_DOCUMENT_KINDS.map((document) => {
		const current = LEGAL_DOCUMENTS[document];
		const mine = accepted.filter((a) => a.document === document).sort((a, b) => (a.acceptedAt < b.acceptedAt ? 1 : a.acceptedAt > b.acceptedAt ? -1 : 0));
		const latest = mine[0] ?? null;
		return {
			document,
			currentVersion: current.version,
			effective: current.effective,
			path: current.path,
			accepted: latest && { version: latest.version, acceptedAt: latest.acceptedAt, locale: latest.locale, source: latest.source },
			reacceptDue: !mine.some((a) => a.version === current.version)
		};
	});
}

/** One place personal data lives, as the privacy notice and the export name it. */
export interface StorageLocation {
	what: string;
	service: string;
	name: string;
	region: string;
}

/**
 * Where the data is stored. Both Cloudflare stores are created with the Western Europe
 * location hint (README, Deploy: `--location weur`), the closest to Algeria; the mail
 * provider is whatever SMTP server the deployment names (`SMTP_HOST`), passed in.
 */
export function dataStorage(opts: { smtpHost: string | null }): StorageLocation[] {
	return [
		{ what: 'account, profile, campaigns, applications, messages, agreements, audit trails, ledger, consents', service: 'Cloudflare D1', name: 'wasla', region: 'weur (Western Europe)' },
		{ what: 'uploaded files: stats screenshots, deliverable drafts, payment proofs, sealed agreement PDFs', service: 'Cloudflare R2', name: 'wasla-files', region: 'weur (Western Europe)' },
		{ what: 'emails on their way to you (signing codes, notifications)', service: 'SMTP mail provider', name: opts.smtpHost ?? 'not configured (emails stay queued in D1)', region: 'the provider’s' }
	];
}

/**
 * What erasure (`DELETE /me`) keeps (worker/services/personal-data.ts) and for how long; the
 * README and the privacy page say the same. `retentionYears` is the period the record falls
 * under; nothing deletes these rows automatically yet: past it, an operator does.
 */
export const KEPT_AFTER_ERASURE = [
	{ what: 'agreements signed by both parties, their signatures and sealed PDFs', why: 'contract evidence (Law 15-04) and commercial records', retentionYears: 10 },
	{ what: 'ledger transactions and entries of payouts', why: 'accounting records (Commercial Code art. 12)', retentionYears: 10 },
	{ what: 'every agreement’s hash-chained audit trail', why: 'evidence of signature; rewriting it would break the chain', retentionYears: 10 },
	{ what: 'consents: which terms and privacy notice versions were accepted, when', why: 'proof of the basis of past processing', retentionYears: 5 }
] as const;
