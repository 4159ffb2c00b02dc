// Admins in the browser tests: made the way an operator makes one, with the admin-create script
// against the running app's local database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** An admin in the running app's database, through the script an operator runs; returns the printed password. */
export function createAdmin(state, email) {
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/admin-create.ts', email, '--persist-to', state], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` }
	});
	const password = /Password \(shown once[^)]*\): (\S+)/.exec(r.stdout)?.[1];
	if (r.status !== 0 || !password) throw new Error(`admin-create failed (${r.status}): ${r.stdout}\n${r.stderr}`);
	return password;
}
