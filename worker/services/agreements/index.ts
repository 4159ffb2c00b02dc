/**
 * Agreements between a brand and a creator, one verb per file: reading (`read.ts`), new
 * versions of the terms (`edit-terms.ts`), sending (`send.ts`), reopening (`reopen.ts`),
 * voiding (`void.ts`), signing codes (`request-code.ts`), signing (`sign.ts`), the audit
 * trail (`audit.ts`) and what the PDFs read (`documents.ts`); `load.ts` (access and guards),
 * `history.ts` (chained events and versions), `view.ts` and `rows.ts` are shared by them.
 *
 * Concurrency: every state change writes its audit event in the SAME D1 batch, at the seq
 * after the chain head read at the start of the request. The primary key (agreement_id,
 * seq) makes a racing writer's whole batch fail, so the chain head doubles as an optimistic
 * lock on the agreement: an operation that loses is re-run once from fresh rows (its guards
 * then see the winner's change), and a second loss is a 409, never a 5xx.
 *
 * Access: only the members of the agreement's brand and its creator; anyone else gets 404.
 */
export { AGREEMENTS_PAGE_SIZE, type ListQuery, diffVersions, getAgreement, getVersion, listAgreements } from './read';
export { editTerms, proposeTerms } from './edit-terms';
export { sendAgreement } from './send';
export { reopenAgreement } from './reopen';
export { voidAgreement, voidUnsignedAgreementsOfCreator } from './void';
export { requestSigningCode } from './request-code';
export { type SignInput, signAgreement } from './sign';
export { agreementChainVerdict, appendAgreementEvent, getAuditTrail, recordDownload } from './audit';
export { agreementForDocument, agreementParty, signedAgreementForSealing } from './documents';
export { firstVersionStatements } from './history';
export { fillCreatorDetails } from './creator-details';
