/** Payouts (issue 13): schedule, steps, ledger and reads. */
export { markPaid, confirmPayout, disputePayout, resolvePayout, addProof, feeBps } from './flow';
export { agreementPayouts, payoutDetail, payoutProof, agreementLedger, ledgerBalance, partyPayouts } from './read';
export { planPayoutStatements, ensurePayouts } from './plan';
export { fallDueOnChange } from './due';
export { crisisOnWithdrawal } from './crisis';
export { payoutStatement, payoutStatementJson } from './statement';
export { payoutReceiptPdf, verifyReceipt } from './receipt';
export { adminDisputes } from './admin';
