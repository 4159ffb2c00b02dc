/** Form actions of the deliverable page: the crisis part (issue 11). See actions.ts. */
import type { DeliverableAction } from './actions';

export const crisisActions: Record<string, DeliverableAction> = {};
