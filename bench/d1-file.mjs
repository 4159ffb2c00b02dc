// Where miniflare keeps a D1 database under a `--persist-to` directory: shared by the Node
// benchmarks (bench/workerd.mjs) and the TypeScript ones (through bench/d1-sqlite.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The D1 database file under a `--persist-to` directory. */
export function d1File(dir) {
	const folder = path.join(dir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
	const file = readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
	if (!file) throw new Error(`no D1 database under ${folder}: migrate first`);
	return path.join(folder, file);
}
