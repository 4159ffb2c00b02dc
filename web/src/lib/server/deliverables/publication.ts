/** Form actions of the deliverable page: the publication part (issue 11). See actions.ts. */
import type { DeliverableAction } from './actions';

export const publicationActions: Record<string, DeliverableAction> = {};
