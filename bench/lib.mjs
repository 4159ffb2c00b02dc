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

/** A fresh directory for a local D1/R2 state. */
export function freshState() {
	return mkdtempSync(path.join(tmpdir(), 'wasla-bench-'));
}

/** Starts `npm start` semantics (scripts/start.mjs) on a state dir (fresh by default); resolves with base URL and stdout. */
export async function startApp({ skipBuild = true, state = freshState(), timeoutMs = 600_000 } = {}) {
	const port = await freePort();
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
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${base}/api/v1/health`)).ok) return { base, child, pid: child.pid, output: () => out, stop: () => stopApp(child) };
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	stopApp(child);
	throw new Error(`app did not start:\n${out}`);
}

export function stopApp(child) {
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		// already gone
	}
}

/**
 * Sum of utime+stime (ms) of the workerd processes started under `rootPid` (the app's
 * process group leader), or of every workerd on the machine without one. Other sessions'
 * workerds (tests, other dev servers) must not count against the app being measured.
 */
export function workerdCpuMs(rootPid) {
	let total = 0;
	for (const cpu of workerdCpuByPid(rootPid).values()) total += cpu;
	return total;
}

/** CPU ms of each workerd process under rootPid (a sum over processes drops when one ends: compare per process). */
export function workerdCpuByPid(rootPid) {
	const tick = 100; // CLK_TCK on Linux
	const procs = new Map();
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			procs.set(Number(pid), { name, ppid: Number(fields[1]), cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / tick });
		} catch {
			// the process ended while we read /proc
		}
	}
	const under = (pid) => {
		for (let p = pid, hops = 0; p > 1 && hops < 64; p = procs.get(p)?.ppid ?? 0, hops++) if (p === rootPid) return true;
		return false;
	};
	const out = new Map();
	for (const [pid, p] of procs) if (p.name.startsWith('workerd') && (rootPid === undefined || under(pid))) out.set(pid, p.cpu);
	return out;
}

/** CPU ms spent between two readings of workerdCpuByPid: per process, a process started since counted whole, one that ended lost (flagged). */
export function cpuSpent(before, after) {
	let ms = 0;
	for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
	return { ms, partial: [...before.keys()].some((pid) => !after.has(pid)) };
}

export function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Sends `n` sequential requests made by `makeRequest()` after `warmup` ones; returns wall
 * percentiles (ms) and workerd CPU per request (ms).
 */
export async function measure(makeRequest, { n = 300, warmup = 30, pid } = {}) {
	for (let i = 0; i < warmup; i++) await (await makeRequest(i)).arrayBuffer();
	const times = [];
	const cpu0 = workerdCpuByPid(pid);
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		const res = await makeRequest(i);
		await res.arrayBuffer();
		times.push(performance.now() - t);
		if (res.status >= 500) throw new Error(`status ${res.status}`);
	}
	const spent = cpuSpent(cpu0, workerdCpuByPid(pid));
	if (spent.partial) console.warn('(a workerd process ended during this measurement: its CPU since the start is not counted)');
	const cpu = spent.ms / n;
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), cpu };
}

export const fmt = (x) => x.toFixed(2).padStart(8);
