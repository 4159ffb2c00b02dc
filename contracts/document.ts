/**
 * The agreement as a document: what the clause generator (contracts/clauses) produces from
 * the structured terms and what the PDF renderer (contracts/pdf) draws. Plain data, already
 * in the reader's language, so the renderer knows nothing about terms and the clause
 * generator knows nothing about PDF.
 */
export type DocLang = 'fr' | 'ar' | 'en';

/** Every language an agreement is rendered in. */
export const DOC_LANGS: readonly DocLang[] = ['fr', 'ar', 'en'];

export interface DocumentMeta {
	agreementId: string;
	version: number;
	/** SHA-256 (hex) of the canonical terms of this version: the same in fr, ar and en. */
	documentSha256: string;
}

export interface AgreementDocument {
	lang: DocLang;
	/** "Contrat de partenariat de contenu" / "عقد شراكة محتوى" / "Content partnership agreement". */
	title: string;
	/** e.g. the campaign title. */
	subtitle?: string;
	meta: DocumentMeta;
	/** One block per party: a label ("La marque") and its lines (legal name, RC/NIF, …). */
	parties: { label: string; lines: string[] }[];
	/** Numbered clauses in order; each paragraph is one line of flowing text (wrapped by the renderer). */
	clauses: { number: number; heading: string; paragraphs: string[] }[];
	/** Footer labels in the document's language. `{n}` and `{total}` are replaced by page numbers. */
	footer: { page: string; agreement: string; version: string; hash: string };
}

/** The certificate of completion appended when both parties have signed. */
export interface CompletionCertificate {
	lang: DocLang;
	title: string;
	intro: string;
	meta: DocumentMeta;
	signers: {
		/** "La marque" / "Le créateur" (in the certificate's language). */
		partyLabel: string;
		name: string;
		/** As the reader says it, in Algiers time (docMoment in contracts/clauses). */
		signedAt: string;
		ip: string;
		userAgent: string;
		documentSha256: string;
		consentSha256: string;
	}[];
	/** Hash of the last audit event when the certificate was made. */
	auditHead: string;
	/** Absolute URL of the public verification page. Drawn as text and as a QR code. */
	verifyUrl: string;
	/** Labels for the rows above, in the certificate's language. */
	labels: {
		signer: string;
		signedAt: string;
		ip: string;
		userAgent: string;
		documentSha256: string;
		consentSha256: string;
		auditHead: string;
		verifyUrl: string;
	};
	/** "Signature électronique simple (non qualifiée) au sens de la loi 15-04 …". */
	legalNote: string;
	/**
	 * The agreement's footer labels, so the certificate pages and the renumbered pages
	 * ("Page n / total") match the document. Defaults to built-in labels for `lang`.
	 */
	footer?: AgreementDocument['footer'];
}

/**
 * Custom entries of the PDF Info dictionary that identify the agreement (written in clear in
 * every sealed PDF). POST /verify does not trust them: it finds the agreement from the stored
 * SHA-256 of a file whose seal verified (issue 9).
 */
export const PDF_INFO_KEYS = {
	agreementId: 'WaslaAgreementId',
	version: 'WaslaVersion',
	documentSha256: 'WaslaDocumentSha256'
} as const;
