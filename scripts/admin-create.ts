/**
 * `npm run admin:create -- someone@example.dz [--remote]`: creates (or promotes) an admin in
 * the local D1 (or the remote one with --remote) and prints a generated password once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword } from '../worker/domain/password';
import { toBase64Url } from '../worker/domain/encoding';
import { adminUpsertSql } from '../worker/services/admin';

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith('--'));
const remote = args.includes('--remote');
const persistIdx = args.indexOf('--persist-to');
const persistTo = persistIdx >= 0 ? args[persistIdx + 1] : (process.env.WASLA_STATE ?? '.state');

if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
	console.error('usage: npm run admin:create -- email@example.dz [--remote] [--persist-to DIR]');
	process.exit(2);
}

const password = toBase64Url(crypto.getRandomValues(new Uint8Array(15)));
const sql = adminUpsertSql(email, await hashPassword(password), crypto.randomUUID(), Date.now());
const file = path.join(mkdtempSync(path.join(tmpdir(), 'wasla-admin-')), 'admin.sql');
writeFileSync(file, sql);
const target = remote ? ['--remote'] : ['--local', '--persist-to', persistTo];
const r = spawnSync('wrangler', ['d1', 'execute', 'DB', ...target, '--file', file, '--yes'], {
	stdio: ['ignore', 'pipe', 'pipe'],
	encoding: 'utf8',
	env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }
});
if (r.status !== 0) {
	console.error(r.stdout, r.stderr);
	console.error('Could not write to D1. Run `npm start` once first so the local database exists.');
	process.exit(1);
}
console.log(`Admin ready: ${email.trim().toLowerCase()}`);
console.log(`Password (shown once, change it in Settings): ${password}`);
