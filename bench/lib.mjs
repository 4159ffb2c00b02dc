// Shared helpers for benchmarks: start the real app under `wrangler dev`, time requests,
// and read the CPU time of the workerd processes from /proc (see DESIGN.md, "Measuring").
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function freePort() {
	return new Promise((resolve) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Starts `npm start` semantics (scripts/start.mjs) on a fresh state dir; resolves with base URL and stdout. */
export async function startApp({ skipBuild = true } = {}) {
	const port = await freePort();
	const state = mkdtempSync(path.join(tmpdir(), 'wasla-bench-'));
	let out = '';
	const child = spawn(process.execPath, ['scripts/start.mjs'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), WASLA_STATE: state, SKIP_BUILD: skipBuild ? '1' : '0', WASLA_LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${base}/api/v1/health`)).ok) return { base, child, output: () => out, stop: () => stopApp(child) };
		} catch {}
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	stopApp(child);
	throw new Error(`app did not start:\n${out}`);
}

export function stopApp(child) {
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {}
}

/** Sum of utime+stime (ms) of every workerd process on the machine. */
export function workerdCpuMs() {
	const tick = 100; // CLK_TCK on Linux
	let total = 0;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			if (!name.startsWith('workerd')) continue;
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			total += ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
		} catch {}
	}
	return total;
}

export function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Sends `n` sequential requests made by `makeRequest()` after `warmup` ones; returns wall
 * percentiles (ms) and workerd CPU per request (ms).
 */
export async function measure(makeRequest, { n = 300, warmup = 30 } = {}) {
	for (let i = 0; i < warmup; i++) await (await makeRequest(i)).arrayBuffer();
	const times = [];
	const cpu0 = workerdCpuMs();
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		const res = await makeRequest(i);
		await res.arrayBuffer();
		times.push(performance.now() - t);
		if (res.status >= 500) throw new Error(`status ${res.status}`);
	}
	const cpu = (workerdCpuMs() - cpu0) / n;
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), cpu };
}

export const fmt = (x) => x.toFixed(2).padStart(8);
