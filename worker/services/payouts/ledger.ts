/**
 * Writing the ledger: the statements of one transaction (worker/domain/ledger.ts), for the
 * batch of the step it records. Entries first, then the transaction row: migration 0019's
 * trigger refuses the row unless its entries sum to zero, and refuses any entry added after it.
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

/** The INSERTs of one balanced transaction. */
export function ledgerStatements(db: D1Database, meta: TxMeta, tx: LedgerTransaction): D1PreparedStatement[] {
	const id = meta.id ?? crypto.randomUUID();
	const values = tx.entries.map((_, i) => `(?1, ${i + 1}, ?${2 * i + 2}, ?${2 * i + 3})`).join(', ');
	return [
		db.prepare(`INSERT INTO ledger_entries (transaction_id, seq, account, amount_dzd) VALUES ${values}`).bind(id, ...tx.entries.flatMap((e) => [e.account, e.amountDzd])),
		db
			.prepare('INSERT INTO ledger_transactions (id, agreement_id, payout_id, kind, at, idempotency_key, created_by_user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
			.bind(id, meta.agreementId, meta.payoutId, tx.kind, meta.at, meta.idempotencyKey ?? null, meta.userId ?? null)
	];
}

/** The id of a payout's obligation: one per payout, whatever recognises it (its event, an early payment, a crisis). */
export const obligationId = (payoutId: string) => `${payoutId}:obligation`;
