#!/usr/bin/env node
// `npm start`: build, migrate the local D1, seed demo data, start a local SMTP server with a
// web inbox (scripts/mail-inbox.mjs), serve one Worker on 127.0.0.1 that delivers its emails
// to it. Offline by design: no Cloudflare account, no network calls.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
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
// Signed agreements are sealed with the platform key: a self-signed development pair goes
// into .dev.vars (git-ignored) unless one is already there. Production: wrangler secret put.
run('Development seal key', bin('tsx'), ['scripts/dev-seal-key.ts', path.join(root, '.dev.vars')]);
// TOTP secrets are stored encrypted with a key from the MFA_ENCRYPTION_KEY secret: a random
// development one goes into .dev.vars once (changing it would make enrolled authenticators unreadable).
{
	const devVarsPath = path.join(root, '.dev.vars');
	const text = existsSync(devVarsPath) ? readFileSync(devVarsPath, 'utf8') : '';
	if (!/^\s*MFA_ENCRYPTION_KEY\s*=/m.test(text)) {
		const sep = text && !text.endsWith('\n') ? '\n' : '';
		writeFileSync(
			devVarsPath,
			`${text}${sep}# Development key for TOTP secrets at rest. Production: wrangler secret put MFA_ENCRYPTION_KEY.\nMFA_ENCRYPTION_KEY="${randomBytes(32).toString('base64')}"\n`,
			{ mode: 0o600 }
		);
	}
}
// (before seeding: the seeded agreements signed by both parties are sealed with it)
const seedOut = run('Seeding demo data', bin('tsx'), ['db/seed/cli.ts', '--persist-to', state]);

// Email: a local SMTP server and its web inbox, unless WASLA_MAIL=off (then the Worker uses the
// SMTP_* of .dev.vars if any, or sends nothing and says so once). Ports: WASLA_SMTP_PORT and
// WASLA_INBOX_PORT (0 = any free port); a default port already taken falls back to a free one.
const SMTP_FROM = 'Wasla <no-reply@wasla.localhost>';
async function startInbox() {
	const { startMailInbox } = await import('./mail-inbox.mjs');
	const wanted = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? { port: fallback, explicit: false } : { port: Number(process.env[name]), explicit: true });
	const smtp = wanted('WASLA_SMTP_PORT', 1025);
	const web = wanted('WASLA_INBOX_PORT', 1080);
	try {
		return await startMailInbox({ host: '127.0.0.1', smtpPort: smtp.port, httpPort: web.port });
	} catch (err) {
		if (err?.code !== 'EADDRINUSE' || smtp.explicit || web.explicit) throw err;
		return startMailInbox({ host: '127.0.0.1', smtpPort: 0, httpPort: 0 });
	}
}
let inbox = null;
let mailLine;
if (process.env.WASLA_MAIL === 'off') {
	const devVars = existsSync(path.join(root, '.dev.vars')) ? readFileSync(path.join(root, '.dev.vars'), 'utf8') : '';
	mailLine = /^SMTP_HOST=/m.test(devVars)
		? 'Email: sent with the SMTP_* settings of .dev.vars (WASLA_MAIL=off: no local inbox)'
		: 'Email: not sent (WASLA_MAIL=off and no SMTP_HOST in .dev.vars); messages stay queued';
} else {
	try {
		inbox = await startInbox();
		mailLine = `Email inbox: ${inbox.url}  (local SMTP server on 127.0.0.1:${inbox.smtpPort}; every email the app sends lands here)`;
	} catch (err) {
		console.error(`The local SMTP server could not start: ${err?.message ?? err}`);
		console.error('Set WASLA_SMTP_PORT / WASLA_INBOX_PORT to free ports, or WASLA_MAIL=off to run without email.');
		process.exit(1);
	}
}

const url = `http://${host}:${port}`;
console.log(`\nWasla is starting on ${url}`);
console.log(
	seedOut
		.split('\n')
		.filter((l) => l.startsWith('  '))
		.join('\n')
);
console.log(mailLine);
console.log(`API reference: ${url}/api/docs   Development outbox: ${url}/api/v1/dev/outbox\n`);

// wrangler.toml says APP_ENV = "production" (what a deploy publishes); the development routes
// (the email outbox at /api/v1/dev/outbox) are switched on here, on this command line only,
// and so is the SMTP server the Worker delivers to (the local inbox: plain, no login).
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
		...(inbox ? ['--var', 'SMTP_HOST:127.0.0.1', '--var', `SMTP_PORT:${inbox.smtpPort}`, '--var', 'SMTP_SECURE:off', '--var', `SMTP_FROM:${SMTP_FROM}`] : []),
		'--test-scheduled',
		'--show-interactive-dev-session=false',
		'--log-level',
		process.env.WASLA_LOG_LEVEL ?? 'info'
	],
	{ cwd: root, env, stdio: 'inherit' }
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', async (code) => {
	await inbox?.close().catch(() => undefined);
	process.exit(code ?? 0);
});
