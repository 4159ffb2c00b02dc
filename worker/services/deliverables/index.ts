/**
 * Deliverables of signed agreements (issue 11), one verb per file like the agreements'
 * services: planning from the terms (`plan.ts`), reading (`read.ts`); `load.ts` (access,
 * guard, commit), `thread.ts` (messages, notices), `view.ts` and `rows.ts` are shared.
 *
 * Every change writes its audit event on the agreement's chain in the same D1 batch as the
 * change (load.ts `commit`), so the chain head is the optimistic lock, as for agreements.
 */
export { getDeliverable, listDeliverables } from './read';
export { ensureDeliverables, planStatements } from './plan';
export { confirmWithdrawal, requestWithdrawal, withdrawalOut } from './withdrawals';
export { DUE_PAGE_SIZE, campaignTimeline, myDeliverables } from './timelines';
export { answerExtraRound, draftFile, postDeliverableMessage, reviewDraft, submitDraft } from './drafts';
export { recordHighlight, recordPublication, reviewPublication } from './publication';
export { answerStats, readStatsScreenshot, reportStats, reviewStats } from './stats';
