/**
 * Reads issued together, sent together. A D1Database whose reads (`all`, `first`, and batches
 * of SELECTs) made in the same turn of the event loop go to D1 as one batch, so services that
 * run side by side (the dashboard's cards, worker/services/dashboard.ts) cost one round trip
 * per step instead of one per service and step. Each round trip costs the Worker CPU of its own
 * (the request, the JSON of the answer, its trace span): the brand dashboard read 5 → 2 of them
 * (issue 15, point 4). The services themselves are unchanged: they take a D1Database.
 *
 * - A D1 batch runs its statements in order in one transaction: the reads see one state.
 * - Writes are never held: `run`, `raw`, and a `batch` holding anything but SELECTs go to D1 at
 *   once, as they would without this wrapper (so a read that follows a write sees it).
 * - A statement that fails fails the batch it travelled in: every read of that turn rejects with
 *   its error (a failing SELECT is a defect, not an answer).
 */

/** A statement read through the wrapper: the real bound statement, and whether it only reads. */
class HeldStatement {
	constructor(
		readonly owner: BatchingDatabase,
		readonly real: D1PreparedStatement,
		readonly sql: string
	) {}

	bind(...values: unknown[]): HeldStatement {
		return new HeldStatement(this.owner, this.real.bind(...values), this.sql);
	}

	get reads(): boolean {
		return /^\s*select\b/i.test(this.sql);
	}

	async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
		if (!this.reads) return this.real.all<T>();
		const [result] = await this.owner.hold([this]);
		return result as D1Result<T>;
	}

	async first<T = unknown>(column?: string): Promise<T | null> {
		if (!this.reads) return column === undefined ? this.real.first<T>() : this.real.first<T>(column);
		const [result] = await this.owner.hold([this]);
		const row = (result.results[0] ?? null) as Record<string, unknown> | null;
		if (column === undefined || row === null) return row as T | null;
		// As D1's own first(column): a row without that column is an error, not a null.
		if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
		return row[column] as T;
	}

	run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
		return this.real.run<T>();
	}

	raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
		return options?.columnNames ? (this.real.raw<T>({ columnNames: true }) as unknown as Promise<T[]>) : this.real.raw<T>();
	}
}

interface Held {
	statements: HeldStatement[];
	resolve: (results: D1Result[]) => void;
	reject: (err: unknown) => void;
}

class BatchingDatabase {
	private queue: Held[] = [];

	constructor(private readonly db: D1Database) {}

	prepare(sql: string): HeldStatement {
		return new HeldStatement(this, this.db.prepare(sql), sql);
	}

	/** Queues reads for the next flush (one D1 batch for everything queued in this turn). */
	hold(statements: HeldStatement[]): Promise<D1Result[]> {
		return new Promise((resolve, reject) => {
			if (this.queue.length === 0) setTimeout(() => void this.flush(), 0);
			this.queue.push({ statements, resolve, reject });
		});
	}

	private async flush(): Promise<void> {
		const held = this.queue;
		this.queue = [];
		try {
			const results = await this.db.batch(held.flatMap((h) => h.statements.map((s) => s.real)));
			let at = 0;
			for (const h of held) {
				h.resolve(results.slice(at, at + h.statements.length));
				at += h.statements.length;
			}
		} catch (err) {
			for (const h of held) h.reject(err);
		}
	}

	async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
		const mine = statements.every((s) => s instanceof HeldStatement && s.owner === this);
		if (!mine) return this.db.batch<T>(statements.map((s) => (s instanceof HeldStatement ? s.real : s)));
		const held = statements as unknown as HeldStatement[];
		if (!held.every((s) => s.reads)) return this.db.batch<T>(held.map((s) => s.real));
		return (await this.hold(held)) as D1Result<T>[];
	}
}

/** `db`, with the reads each turn of the event loop makes sent to D1 in one batch (see above). */
export function batchingDatabase(db: D1Database): D1Database {
	const batching = new BatchingDatabase(db);
	return {
		prepare: (sql: string) => batching.prepare(sql) as unknown as D1PreparedStatement,
		batch: <T = unknown>(statements: D1PreparedStatement[]) => batching.batch<T>(statements),
		exec: (sql: string) => db.exec(sql),
		withSession: (constraint?: string) => db.withSession(constraint),
		dump: () => db.dump()
	} as D1Database;
}
