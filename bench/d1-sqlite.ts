/**
 * The part of the D1 API the matching shortlist uses (prepare, bind, all, batch),
 * over a local D1 file opened with node:sqlite: the benchmark runs the service's own code
 * (worker/services/match-shortlist.ts) on 20 000 creators a thousand times without a Worker.
 * Same SQLite engine family and the same file wrangler dev serves; only the transport differs.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { ShortlistDb } from '../worker/services/match-shortlist';

export { d1File } from './d1-file.mjs';

const cpuMs = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

class Statement {
	constructor(
		private readonly db: DatabaseSync,
		private readonly spent: { sqlCpuMs: number },
		readonly sql: string,
		readonly params: SQLInputValue[] = []
	) {}
	bind(...params: unknown[]) {
		return new Statement(this.db, this.spent, this.sql, params as SQLInputValue[]);
	}
	async all<T>() {
		const started = cpuMs();
		const results = this.db.prepare(this.sql).all(...this.params) as T[];
		this.spent.sqlCpuMs += cpuMs() - started;
		return { results };
	}
}

/**
 * The shortlist's part of D1 over node:sqlite, read-only; `sqlCpuMs` adds up the CPU spent
 * inside SQLite (in production D1 runs outside the Worker), so a caller can tell the Worker's
 * own CPU from the database's.
 */
export function sqliteD1(file: string): ShortlistDb & { sqlCpuMs: number } {
	const db = new DatabaseSync(file, { readOnly: true });
	const spent = { sqlCpuMs: 0 };
	return {
		prepare: (sql: string) => new Statement(db, spent, sql),
		batch: async (statements) => Promise.all((statements as Statement[]).map((s) => s.all())),
		get sqlCpuMs() {
			return spent.sqlCpuMs;
		}
	};
}
