#!/usr/bin/env node
// `npm start`: build, migrate the local D1, seed demo data, serve one Worker on 127.0.0.1.
// Offline by design: no Cloudflare account, no network calls.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const state = process.env.WASLA_STATE ?? path.join(root, '.state');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = {
	...process.env,
	// wrangler needs Node 22+: put the Node running this script (the project's, via npm) first.
	PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
	// Keep wrangler and miniflare from phoning home (metrics, the Request.cf fetch).
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
	WRANGLER_SEND_METRICS: 'false',
	CI: process.env.CI ?? '1'
};

function run(label, cmd, args, opts = {}) {
	process.stdout.write(`• ${label}… `);
	const started = Date.now();
	const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', ...opts });
	if (r.status !== 0) {
		console.log('failed');
		console.error(r.stdout, r.stderr);
		process.exit(r.status ?? 1);
	}
	console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return r.stdout;
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
	console.error(`Node ${process.versions.node} found; run through npm (npm start) so the project's Node 24 is used.`);
	process.exit(1);
}

if (process.env.SKIP_BUILD !== '1' || !existsSync(path.join(root, 'web/.svelte-kit/cloudflare/_worker.js'))) {
	run('Building the app', bin('vite'), ['build'], { cwd: path.join(root, 'web') });
}
run('Applying D1 migrations (local)', bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
const seedOut = run('Seeding demo data', bin('tsx'), ['db/seed/cli.ts', '--persist-to', state]);
// Signed agreements are sealed with the platform key: a self-signed development pair goes
// into .dev.vars (git-ignored) unless one is already there. Production: wrangler secret put.
run('Development seal key', bin('tsx'), ['scripts/dev-seal-key.ts', path.join(root, '.dev.vars')]);

const url = `http://${host}:${port}`;
console.log(`\nWasla is starting on ${url}`);
console.log(
	seedOut
		.split('\n')
		.filter((l) => l.startsWith('  '))
		.join('\n')
);
console.log(`API reference: ${url}/api/docs\n`);

// wrangler.toml says APP_ENV = "production" (what a deploy publishes); the development routes
// (the email outbox at /api/v1/dev/outbox) are switched on here, on this command line only.
const child = spawn(
	bin('wrangler'),
	[
		'dev',
		'--port',
		port,
		'--ip',
		host,
		'--persist-to',
		state,
		'--var',
		'APP_ENV:development',
		'--var',
		`APP_URL:${url}`,
		'--test-scheduled',
		'--show-interactive-dev-session=false',
		'--log-level',
		process.env.WASLA_LOG_LEVEL ?? 'info'
	],
	{ cwd: root, env, stdio: 'inherit' }
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
