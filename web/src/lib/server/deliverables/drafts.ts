/** Form actions of the deliverable page: the drafts part (issue 11). See actions.ts. */
import type { DeliverableAction } from './actions';

export const draftsActions: Record<string, DeliverableAction> = {};
