/**
 * Backups and restore (issue 15, point 7; README, "Backups and restore"). Production
 * backups are D1 Time Travel and `wrangler d1 export`; these functions restore such an export
 * into an empty database and check what was restored, on any D1 binding.
 */
import { isUserTable, restoreOrder, splitSqlStatements } from '../domain/sql-dump';
import { chainVerdictIn } from './agreements/audit';

/**
 * Runs every statement of an export (schema, rows, then indexes and triggers, as
 * `wrangler d1 export` writes them) against `db` in one batch, every table created first
 * (`restoreOrder`): one transaction, so foreign keys are checked once at the end (the export
 * starts with `PRAGMA defer_foreign_keys`) and a failure leaves `db` as it was. `db` must be
 * empty: the export creates its tables, and triggers only after the rows (a ledger entry is
 * restored as it was, not written again by its transaction's trigger).
 */
export async function restoreSqlDump(db: D1Database, sql: string): Promise<{ statements: number }> {
	const statements = restoreOrder(splitSqlStatements(sql));
	if (statements.length === 0) throw new Error('restore: the dump holds no statement');
	await db.batch(statements.map((s) => db.prepare(s)));
	return { statements: statements.length };
}

export interface DatabaseCheck {
	/** Rows per table (platform tables left out), by table name. */
	counts: Record<string, number>;
	/** Every agreement's audit chain re-walked from seq 1. */
	chains: { agreementId: string; events: number; valid: boolean; brokenAt?: number }[];
	/** Ledger transactions whose entries do not sum to zero, or whose number of entries is not the one recorded. */
	unbalanced: string[];
	/** The migrations the database records as applied, in order. */
	migrations: string[];
}

/**
 * What a restored database must show: the same row counts as the original, every audit
 * chain verifying and every ledger transaction summing to zero. Reads only.
 */
export async function checkDatabase(db: D1Database): Promise<DatabaseCheck> {
	const tables = (await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>()).results.map((t) => t.name).filter(isUserTable);
	const counted = tables.length === 0 ? [] : await db.batch(tables.map((t) => db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`)));
	const counts = Object.fromEntries(tables.map((t, i) => [t, (counted[i].results[0] as { n: number }).n]));
	const has = (t: string) => tables.includes(t);

	const chains: DatabaseCheck['chains'] = [];
	if (has('agreement_events')) {
		const ids = (await db.prepare('SELECT DISTINCT agreement_id FROM agreement_events ORDER BY agreement_id').all<{ agreement_id: string }>()).results;
		for (const { agreement_id } of ids) {
			const { valid, brokenAt, events } = await chainVerdictIn(db, agreement_id);
			chains.push({ agreementId: agreement_id, events, valid, ...(brokenAt === undefined ? {} : { brokenAt }) });
		}
	}
	const unbalanced = has('ledger_transactions')
		? (
				await db
					.prepare(
						`SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id
						 GROUP BY t.id HAVING coalesce(sum(e.amount_dzd), 0) <> 0 OR count(e.transaction_id) <> max(t.entry_count) OR count(e.transaction_id) < 2 ORDER BY t.id`
					)
					.all<{ id: string }>()
			).results.map((r) => r.id)
		: [];
	const migrations = has('d1_migrations') ? (await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()).results.map((m) => m.name) : [];
	return { counts, chains, unbalanced, migrations };
}
