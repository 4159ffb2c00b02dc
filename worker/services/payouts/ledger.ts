/**
 * Writing the ledger: the statement of one transaction (worker/domain/ledger.ts), for the
 * batch of the step it records. The transaction carries its entries; migration 0019's triggers
 * refuse it unless they sum to zero and write them to ledger_entries (the only way in).
 */
import type { LedgerTransaction } from '../../domain/ledger';

export interface TxMeta {
	agreementId: string;
	payoutId: string | null;
	at: number;
	/** `<user id>:<Idempotency-Key>` of the request, when it had one: unique per key and kind. */
	idempotencyKey?: string | null;
	userId?: string | null;
	/** A fixed id (an obligation is `<payout id>:obligation`, so it is recognised once); random otherwise. */
	id?: string;
}

/** The INSERT of one balanced transaction; its trigger checks the entries and writes them to ledger_entries. */
export function ledgerStatements(db: D1Database, meta: TxMeta, tx: LedgerTransaction): D1PreparedStatement[] {
	const id = meta.id ?? crypto.randomUUID();
	const entries = JSON.stringify(tx.entries.map((e) => [e.account, e.amountDzd]));
	return [
		db
			.prepare('INSERT INTO ledger_transactions (id, agreement_id, payout_id, kind, at, idempotency_key, created_by_user_id, entries, entry_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)')
			.bind(id, meta.agreementId, meta.payoutId, tx.kind, meta.at, meta.idempotencyKey ?? null, meta.userId ?? null, entries, tx.entries.length)
	];
}

/** The id of a payout's obligation: one per payout, whatever recognises it (its event, an early payment, a crisis). */
export const obligationId = (payoutId: string) => `${payoutId}:obligation`;
