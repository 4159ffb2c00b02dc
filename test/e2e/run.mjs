#!/usr/bin/env node
// Browser tests against the real app: starts `node scripts/start.mjs` on a free port with an
// empty state directory (migrations + seed from scratch), runs every test/e2e/*.e2e.mjs in
// Debian's chromium, stops the server, and ends with one line: `N passed, N failed`.
//
// A test file exports `name` and `async function run({ browser, context, page, baseURL,
// inboxURL, state, screenshot, assert, serverOutput })` (inboxURL: the web inbox of the local SMTP
// server that `npm start` runs and the app delivers its emails to; state: the server's state
// directory, for the CLI scripts that take `--persist-to`). Each test gets a fresh browser context (French, desktop
// size); contexts the test opens itself are closed afterwards too.
// Usage: npm run test:e2e [-- <part of a file name>]   E2E_VERBOSE=1 streams the server log.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const shotsDir = path.join(here, 'screenshots');
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 120_000);
/** One filter or several, comma-separated: a file runs when its name holds one of them. */
const filter = process.argv[2] ?? '';
const filters = filter.split(',');

const files = readdirSync(here)
	.filter((f) => f.endsWith('.e2e.mjs') && filters.some((part) => f.includes(part)))
	.sort();
if (files.length === 0) {
	console.error(`no test file in test/e2e matches *${filter}*.e2e.mjs`);
	console.log('0 passed, 0 failed');
	process.exit(1);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

// ---- server -------------------------------------------------------------------------------
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const state = mkdtempSync(path.join(tmpdir(), 'wasla-e2e-'));
let log = '';
const server = spawn(process.execPath, ['scripts/start.mjs'], {
	cwd: root,
	// This Node first on PATH, so wrangler's `#!/usr/bin/env node` gets it too (as under npm).
	// The local SMTP server and its web inbox on free ports too (printed as "Email inbox: <url>").
	env: {
		...process.env,
		PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
		PORT: String(port),
		HOST: '127.0.0.1',
		WASLA_STATE: state,
		WASLA_SMTP_PORT: '0',
		WASLA_INBOX_PORT: '0',
		WASLA_MAIL: 'on',
		CI: 'true'
	},
	stdio: ['ignore', 'pipe', 'pipe'],
	detached: true // its own process group, so wrangler and workerd stop with it
});
for (const stream of [server.stdout, server.stderr]) {
	stream.setEncoding('utf8');
	stream.on('data', (chunk) => {
		log += chunk;
		if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
	});
}
let serverExited = false;
server.on('exit', () => (serverExited = true));

let stopped = false;
function stopServer(signal = 'SIGTERM') {
	if (stopped) return;
	if (signal === 'SIGKILL') stopped = true;
	try {
		process.kill(-server.pid, signal);
	} catch {
		/* already gone */
	}
}
/** SIGTERM (start.mjs passes it to wrangler), then SIGKILL after 5 s. */
async function stopServerGracefully() {
	if (serverExited) return;
	const exited = new Promise((r) => server.once('exit', r));
	stopServer('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
	stopServer('SIGKILL');
}
process.on('exit', () => {
	stopServer('SIGKILL');
	rmSync(state, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		console.error(`\n${sig}: stopping the server`);
		process.exit(130);
	});
}

async function waitForHealth() {
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (serverExited) throw new Error('the server exited before it was healthy');
		try {
			const res = await fetch(`${baseURL}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
			if (res.status === 200) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`no 200 from /api/v1/health within ${START_TIMEOUT_MS / 1000} s`);
}

// ---- tests --------------------------------------------------------------------------------
/** Stops here, counting every test as failed: the suite could not run at all. */
function abort(what, err, withLog = true) {
	console.error(`✗ ${what}: ${err?.message ?? err}`);
	if (withLog) console.error(`--- server log ---\n${log}\n--- end of server log ---`);
	console.log(`0 passed, ${files.length} failed`);
	process.exit(1);
}

const t0 = Date.now();
console.log(`Starting the app on ${baseURL} (state: ${state})…`);
try {
	await waitForHealth();
} catch (err) {
	abort('server did not start', err);
}
console.log(`Server healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
/** The web inbox of the local SMTP server the app delivers to, as `npm start` printed it. */
const inboxURL = /^Email inbox: (http:\/\/\S+)/m.exec(log)?.[1];
console.log(inboxURL ? `Email inbox: ${inboxURL}\n` : 'no email inbox printed\n');

mkdirSync(shotsDir, { recursive: true });
let browser;
try {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
} catch (err) {
	abort('chromium did not start (apt-get install chromium)', err, false);
}

let passed = 0;
let failed = 0;
for (const file of files) {
	const started = Date.now();
	const slug = file.replace(/\.e2e\.mjs$/, '');
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const pageErrors = [];
	page.on('pageerror', (err) => pageErrors.push(err.message));
	/** Saves a full-page PNG as test/e2e/screenshots/<file>-<shot>.png. */
	const screenshot = async (shot, target = page) => {
		const out = path.join(shotsDir, `${slug}-${shot}.png`);
		await target.screenshot({ path: out, fullPage: true });
		return out;
	};
	let name = file;
	try {
		const mod = await import(pathToFileURL(path.join(here, file)).href);
		name = mod.name ?? file;
		await mod.run({ browser, context, page, baseURL, inboxURL, state, screenshot, assert, serverOutput: () => log });
		passed += 1;
		console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	} catch (err) {
		failed += 1;
		console.log(`✗ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n  ${String(err?.stack ?? err).replace(/\n/g, '\n  ')}`);
		if (pageErrors.length) console.log(`  page errors: ${pageErrors.join(' | ')}`);
		for (const [i, p] of browser
			.contexts()
			.flatMap((c) => c.pages())
			.entries()) {
			const shot = await screenshot(`FAILED-${i}`, p).catch(() => null);
			if (shot) console.log(`  at failure, ${p.url()}: ${path.relative(root, shot)}`);
		}
	} finally {
		for (const ctx of browser.contexts()) await ctx.close().catch(() => {});
	}
}

await browser.close();
await stopServerGracefully();
if (failed > 0) console.log(`\n--- server log (end) ---\n${log.slice(-4000)}\n--- end of server log ---`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
