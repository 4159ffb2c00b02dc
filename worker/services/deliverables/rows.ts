/** Rows as the deliverable services read them with raw SQL (column types from db/schema/deliverables.ts). */
import type { deliverableMessages, deliverableStats, deliverableSubmissions, deliverableWithdrawals, deliverables } from '../../../db/schema';
import type { SqlRow } from '../../../db/schema/sql-row';

export type DeliverableRow = SqlRow<typeof deliverables>;
export type SubmissionRow = SqlRow<typeof deliverableSubmissions>;
export type MessageRow = SqlRow<typeof deliverableMessages> & { author_name: string | null };
export type StatsRow = SqlRow<typeof deliverableStats>;
export type WithdrawalRow = SqlRow<typeof deliverableWithdrawals>;

export const DELIVERABLE_SELECT = 'SELECT * FROM deliverables';
