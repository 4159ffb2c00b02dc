/** What each language module of the clause generator provides. */
import type { AgreementTerms } from '../../worker/domain/agreement-terms';
import type { AgreementDocument, CompletionCertificate } from '../document';

export interface ClauseContext {
	terms: AgreementTerms;
	agreementId: string;
	version: number;
	documentSha256: string;
	/** Campaign title to show (the caller's, else the one in the terms). */
	campaignTitle: string;
	/** Absolute URL of the public verification page, when the caller knows it. */
	verifyUrl: string | null;
}

export interface LanguagePack {
	title: string;
	parties(ctx: ClauseContext): AgreementDocument['parties'];
	/** Clauses in order; numbers are assigned by position (1-based). */
	clauses(ctx: ClauseContext): { heading: string; paragraphs: string[] }[];
	footer: AgreementDocument['footer'];
	certificate: Pick<CompletionCertificate, 'title' | 'intro' | 'labels' | 'legalNote'> & { partyLabels: { brand: string; creator: string } };
}
