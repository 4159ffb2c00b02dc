/**
 * `npm run db:restore -- backup.sql [--remote] [--persist-to DIR]`: restores an export made by
 * `wrangler d1 export` into the empty database bound as DB (README, "Backups and restore").
 * The export is first put in an order that imports (every CREATE TABLE before the first row:
 * worker/domain/sql-dump.ts `restoreOrder`), written next to it as `<file>.restore.sql`, then
 * run by `wrangler d1 execute DB --file`. Point DB (wrangler.toml database_id) at the new,
 * empty database before running it with --remote; never at the one you restore from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { restoreOrder, splitSqlStatements } from '../worker/domain/sql-dump';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--persist-to');
const remote = args.includes('--remote');
const persistIdx = args.indexOf('--persist-to');
const persistTo = persistIdx >= 0 ? args[persistIdx + 1] : (process.env.WASLA_STATE ?? '.state');

if (!file) {
	console.error('usage: npm run db:restore -- backup.sql [--remote] [--persist-to DIR]');
	process.exit(2);
}

const statements = restoreOrder(splitSqlStatements(readFileSync(file, 'utf8')));
const ordered = `${file.replace(/\.sql$/, '')}.restore.sql`;
writeFileSync(ordered, statements.map((s) => `${s};`).join('\n') + '\n');
console.log(`${statements.length} statements, tables first: ${ordered}`);

const target = remote ? ['--remote'] : ['--local', '--persist-to', persistTo];
const r = spawnSync('wrangler', ['d1', 'execute', 'DB', ...target, '--file', ordered, '--yes'], {
	stdio: 'inherit',
	env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }
});
process.exit(r.status ?? 1);
