/** Rows of the payouts tables as the services read them with raw SQL (types from db/schema/payouts.ts). */
import type { payouts } from '../../../db/schema';
import type { SqlRow } from '../../../db/schema/sql-row';

export type PayoutRow = SqlRow<typeof payouts>;
