// The Worker as production runs it, for CPU measurements (issue 15, point 4). Under
// `wrangler dev` the workerd process also runs the dev tooling (the inspector wrangler
// attaches, miniflare's proxy and entry workers) and D1 itself (SQLite inside a Durable
// Object): a /health there costs ~7 ms of workerd CPU, a guest page's render three times
// what it costs without them. None of that is the Worker's CPU in production, where D1 runs
// elsewhere. So this runs the bundle `wrangler deploy` would upload (`--dry-run --outdir`)
// in workerd alone (the same workerd release wrangler uses, no inspector), with D1 served from
// outside its process: this Node process answers D1's HTTP protocol (the one
// `cloudflare-internal:d1-api` speaks to miniflare's D1 object) over node:sqlite, on a copy
// of the database. What workerd spends per request is then the Worker's own CPU plus what any
// process serving HTTP spends (parsing, the D1 client's JSON): if anything, more than the
// Worker is billed.
//
// Per request, not averaged: /proc/<pid>/task/*/schedstat gives each thread's time on a CPU in
// nanoseconds (the stat file counts in 10 ms ticks). V8's helper threads (GC, compilers) count.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { d1File } from './d1-file.mjs';
import { freePort } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The workerd that wrangler itself runs (its dependency, so the same release `wrangler dev` uses).
const require = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'));

/** The Worker's bundle exactly as `wrangler deploy` would upload it (needs `npm run build` first). */
export function productionBundle(outDir) {
	const r = spawnSync(path.join(root, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', outDir], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' }
	});
	if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}${r.stderr}`);
	const entry = readdirSync(outDir).find((f) => f.endsWith('.js'));
	if (!entry) throw new Error(`no bundle in ${outDir}`);
	return path.join(outDir, entry);
}

/**
 * D1's HTTP protocol over node:sqlite: POST /query and /execute with one query or a list
 * ({ sql, params }), run in one transaction; answers a list of { success, results, meta }
 * (rows as objects, or { columns, rows } for `?resultsFormat=ROWS_AND_COLUMNS`), blobs as byte
 * arrays, a session commit token in `x-cf-d1-session-commit-token`; a failed query answers
 * { success: false, error }, as D1 does.
 */
export function serveD1(file) {
	const db = new DatabaseSync(file);
	db.exec('PRAGMA foreign_keys = ON');
	const statements = new Map();
	const prepare = (sql) => {
		let s = statements.get(sql);
		if (!s) statements.set(sql, (s = db.prepare(sql)));
		return s;
	};
	const totals = db.prepare('SELECT total_changes() AS changes, last_insert_rowid() AS lastRowId');
	let commits = 0;
	/** What the Worker asked of D1 so far: HTTP round trips, statements, rows returned. */
	const stats = { calls: 0, queries: 0, rows: 0 };
	const run = (query, format) => {
		stats.queries++;
		const before = totals.get();
		const params = (query.params ?? []).map((p) => (Array.isArray(p) ? new Uint8Array(p) : p));
		const statement = prepare(query.sql);
		const columns = statement.columns().map((c) => c.name);
		let rows = [];
		if (columns.length > 0) rows = statement.all(...params).map((row) => columns.map((c) => (row[c] instanceof Uint8Array ? Array.from(row[c]) : row[c])));
		else statement.run(...params);
		stats.rows += rows.length;
		const after = totals.get();
		const changes = after.changes - before.changes;
		const results = format === 'ROWS_AND_COLUMNS' ? { columns, rows } : rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
		const meta = {
			served_by: 'bench',
			served_by_primary: true,
			duration: 0,
			changes,
			last_row_id: after.lastRowId,
			changed_db: changes > 0,
			size_after: 0,
			rows_read: rows.length,
			rows_written: changes
		};
		return { success: true, results, meta };
	};
	const server = createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			let answer;
			stats.calls++;
			try {
				const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				const queries = Array.isArray(body) ? body : [body];
				const format = new URL(req.url, 'http://d1').searchParams.get('resultsFormat');
				db.exec('BEGIN');
				try {
					answer = queries.map((q) => run(q, format));
					db.exec('COMMIT');
				} catch (err) {
					db.exec('ROLLBACK');
					throw err;
				}
				commits++;
			} catch (err) {
				answer = { success: false, error: String(err?.message ?? err) };
			}
			const body = Buffer.from(JSON.stringify(answer));
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': String(body.length),
				'x-cf-d1-session-commit-token': `00000001-00000000-00000000-${String(commits).padStart(16, '0')}`
			});
			res.end(body);
		});
	});
	return listen(server, () => db.close(), stats);
}

/**
 * R2 reads (get, head) over the objects the load stored under `stateDir` (miniflare's R2 files:
 * an index in SQLite, the values as blob files), in the protocol workerd's R2 binding speaks
 * (the request in `cf-r2-request`; the answer's body is the object's metadata as JSON then its
 * value, the split in `cf-r2-metadata-size`). Writes are refused with an R2 error: the routes
 * measured here only read (the stored PDF).
 */
export function serveR2(stateDir) {
	const folder = path.join(stateDir, 'v3', 'r2', 'miniflare-R2BucketObject');
	const file = readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
	const blobs = path.join(stateDir, 'v3', 'r2', 'wasla-files', 'blobs');
	const db = new DatabaseSync(path.join(folder, file), { readOnly: true });
	const byKey = db.prepare('SELECT key, blob_id, version, size, etag, uploaded, http_metadata, custom_metadata FROM _mf_objects WHERE key = ?');
	const error = (res, status, v4code, message) => {
		res.writeHead(status, { 'cf-r2-error': JSON.stringify({ message, version: 1, v4code }), 'content-type': 'application/json' });
		res.end();
	};
	const server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			let ask;
			try {
				ask = JSON.parse(req.headers['cf-r2-request'] ?? '');
			} catch {
				return error(res, 400, 10001, 'this bench serves R2 reads only');
			}
			if (ask.method !== 'get' && ask.method !== 'head') return error(res, 400, 10001, `this bench serves R2 reads only, not ${ask.method}`);
			const row = byKey.get(ask.object);
			if (!row) return error(res, 404, 10007, 'The specified key does not exist.');
			const custom = JSON.parse(row.custom_metadata);
			const metadata = Buffer.from(
				JSON.stringify({
					name: row.key,
					version: row.version,
					size: row.size,
					etag: row.etag,
					uploaded: row.uploaded,
					httpFields: JSON.parse(row.http_metadata),
					customFields: Object.entries(custom).map(([k, v]) => ({ k, v })),
					checksums: { 0: row.etag }
				})
			);
			const value = ask.method === 'get' ? readFileSync(path.join(blobs, row.blob_id)) : Buffer.alloc(0);
			res.writeHead(200, { 'cf-r2-metadata-size': String(metadata.length), 'content-type': 'application/json', 'content-length': String(metadata.length + value.length) });
			res.end(Buffer.concat([metadata, value]));
		});
	});
	return listen(server, () => db.close());
}

/** What the Worker sends to the Cache API (every lookup a miss) and to its queue (accepted): answered here, outside workerd. */
function serveSink() {
	const server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			res.writeHead(req.headers['x-wasla-sink'] === 'cache' && req.method === 'GET' ? 504 : 200, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	return listen(server, () => undefined);
}

async function listen(server, onClose, stats = null) {
	const port = await freePort();
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		port,
		stats,
		close: () => {
			server.closeAllConnections?.();
			server.close();
			onClose();
		}
	};
}

/** Secrets as `npm start` gives them to the Worker (.dev.vars: KEY="value", newlines escaped). */
function devVars() {
	try {
		const vars = {};
		for (const line of readFileSync(path.join(root, '.dev.vars'), 'utf8').split('\n')) {
			const m = /^([A-Z_][A-Z0-9_]*)="?(.*?)"?$/.exec(line.trim());
			if (m) vars[m[1]] = m[2].replace(/\\n/g, '\n');
		}
		return vars;
	} catch {
		return {};
	}
}

/** A capnp text literal (JSON's escapes are capnp's for these strings). */
const text = (s) => JSON.stringify(String(s));

/**
 * Starts workerd on the production bundle with a copy of the D1 database under `stateDir` and
 * its R2 objects (read-only) served from here; APP_ENV
 * production. Returns the origin, the workerd pid, `cpuNs()` (its threads' CPU so far, ns) and
 * `stop()`.
 */
export async function startProductionWorker({ bundle, stateDir, workDir, inspect = null }) {
	const d1Source = d1File(stateDir);
	mkdirSync(workDir, { recursive: true });
	const copy = path.join(workDir, 'd1.sqlite');
	// A consistent copy (the WAL folded in) the measurement may write to; the original stays as the load left it.
	for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
	const source = new DatabaseSync(d1Source, { readOnly: true });
	source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
	source.close();
	const d1 = await serveD1(copy);
	const r2 = await serveR2(stateDir);
	const sink = await serveSink();
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const vars = { ...devVars(), APP_ENV: 'production', APP_URL: origin };
	const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .wasla),
    (name = "d1", external = (address = "127.0.0.1:${d1.port}", http = ())),
    (name = "r2", external = (address = "127.0.0.1:${r2.port}", http = ())),
    (name = "jobs", external = (address = "127.0.0.1:${sink.port}", http = (injectRequestHeaders = [(name = "x-wasla-sink", value = "queue")]))),
    (name = "cache", external = (address = "127.0.0.1:${sink.port}", http = (injectRequestHeaders = [(name = "x-wasla-sink", value = "cache")])))
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")]
);
const wasla :Workerd.Worker = (
  modules = [(name = ${text(path.basename(bundle))}, esModule = embed ${text(path.basename(bundle))})],
  compatibilityDate = "2026-10-01",
  compatibilityFlags = ["nodejs_als", "nodejs_compat"],
  cacheApiOutbound = "cache",
  bindings = [
${Object.entries(vars)
	.map(([name, value]) => `    (name = ${text(name)}, text = ${text(value)}),`)
	.join('\n')}
    (name = "DB", wrapped = (moduleName = "cloudflare-internal:d1-api", innerBindings = [(name = "fetcher", service = "d1")])),
    (name = "FILES", r2Bucket = "r2"),
    (name = "JOBS", queue = "jobs")
  ]
);
`;
	const configFile = path.join(path.dirname(bundle), 'bench.capnp');
	writeFileSync(configFile, config);
	let out = '';
	const child = spawn(require('workerd').default, ['serve', configFile, ...(inspect ? [`--inspector-addr=${inspect}`] : [])], { cwd: path.dirname(bundle), stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.on('data', (d) => (out = (out + d).slice(-20_000)));
	child.stderr.on('data', (d) => (out = (out + d).slice(-20_000)));
	const stop = () => {
		child.kill('SIGTERM');
		d1.close();
		r2.close();
		sink.close();
	};
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(`${origin}/api/v1/health`)).ok)
				return { origin, pid: child.pid, cpuNs: () => threadsCpuNs(child.pid), mainThreadCpuNs: () => threadsCpuNs(child.pid, true), d1: d1.stats, output: () => out, stop };
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	stop();
	throw new Error(`workerd did not start:\n${out}`);
}

/** CPU time (ns) of every thread of a process (or of its main thread only), from /proc/<pid>/task/<tid>/schedstat. */
function threadsCpuNs(pid, mainOnly = false) {
	let total = 0;
	for (const tid of mainOnly ? [String(pid)] : readdirSync(`/proc/${pid}/task`)) {
		try {
			total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
		} catch {
			// the thread ended while we read
		}
	}
	return total;
}
