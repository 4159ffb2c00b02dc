/**
 * What "nothing changed in D1" means in the API tests (fuzzing, the isolation matrix): every
 * table's row count and a SHA-256 of its rows in a stable order, read in one D1 batch. The
 * rate-limit counters are left out (they count attempts before the work, by design), and so
 * are D1's and SQLite's own tables.
 */
import { env } from 'cloudflare:workers';

export interface DbSnapshot {
	/** Rows per table. */
	counts: Record<string, number>;
	/** SHA-256 (hex) of each table's rows, sorted. */
	hashes: Record<string, string>;
}

let tables: string[] | null = null;

async function tableNames(): Promise<string[]> {
	// Read each time until a table list is seen: migrations ran before any test, so it does not change after.
	tables ??= (
		await env.DB.prepare(
			"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('rate_limits', 'd1_migrations') ORDER BY name"
		).all<{ name: string }>()
	).results.map((r) => r.name);
	return tables;
}

async function sha256(text: string): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Every table's count and content hash, now. */
export async function dbSnapshot(): Promise<DbSnapshot> {
	const names = await tableNames();
	const results = await env.DB.batch(names.map((name) => env.DB.prepare(`SELECT * FROM "${name}"`)));
	const counts: Record<string, number> = {};
	const hashes: Record<string, string> = {};
	for (const [i, name] of names.entries()) {
		const rows = results[i].results.map((r) => JSON.stringify(r)).sort();
		counts[name] = rows.length;
		hashes[name] = await sha256(rows.join('\n'));
	}
	return { counts, hashes };
}

/** The tables whose count or content differ between two snapshots (empty when nothing changed). */
export function changedTables(before: DbSnapshot, after: DbSnapshot): string[] {
	return Object.keys({ ...before.hashes, ...after.hashes }).filter((t) => before.counts[t] !== after.counts[t] || before.hashes[t] !== after.hashes[t]);
}

/** Every table's rows as text (to look for a value that must not have been stored anywhere). */
export async function dbText(): Promise<string> {
	const names = await tableNames();
	const results = await env.DB.batch(names.map((name) => env.DB.prepare(`SELECT * FROM "${name}"`)));
	return names.map((name, i) => `${name}: ${JSON.stringify(results[i].results)}`).join('\n');
}
