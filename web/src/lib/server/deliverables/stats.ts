/** Form actions of the deliverable page: the stats part (issue 11). See actions.ts. */
import type { DeliverableAction } from './actions';

export const statsActions: Record<string, DeliverableAction> = {};
