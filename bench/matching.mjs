// Matching at national scale (issue 16, point 5): 500 000 creators (BENCH_CREATORS) with
// precomputed features in local D1, then GET /api/v1/campaigns/:id/matches?limit=50 through
// the Worker under wrangler dev. Prints every figure next to its target: seeding time;
// typical campaign p50/p95 ≤ 50 ms; broad (10 wilayas, 3 niches, all formats) p50/p95 ≤ 100
// ms; CPU per request net of /health measured in the same run (which under wrangler dev
// includes SQLite) and the Worker's own CPU without SQLite (bench/matching-cpu.ts) ≤ 10 ms;
// and exactness: page one of the real shortlist against every candidate scored, over 1 000
// random campaigns on BENCH_EXACT_CREATORS (20 000) creators (bench/matching-exact.ts).
// Then GET /api/v1/creators/:id/similar (look-alikes, issue 16 point 3) for a shortlisted
// creator, alone and filtered by the typical campaign: p50 ≤ 50 ms, net CPU ≤ 10 ms.
import { cpSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, freshState, measure, root, startApp } from './lib.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
	const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' } });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

const mark = (value, target) => `${value <= target ? '✓' : '✗'} target ≤ ${target}`;

export async function runMatchingBench({
	creators = Number(process.env.BENCH_CREATORS ?? 500_000),
	exactCreators = Number(process.env.BENCH_EXACT_CREATORS ?? 20_000),
	exactCampaigns = Number(process.env.BENCH_EXACT_CAMPAIGNS ?? 1000)
} = {}) {
	const state = freshState();
	run(bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
	// The exactness check gets its own smaller population, seeded from the same migrated state.
	const exactState = freshState();
	cpSync(state, exactState, { recursive: true });
	const seeded = run(bin('tsx'), ['bench/seed-matching.ts', state, String(creators)]).trim();
	console.log(seeded);
	const seedSeconds = Number(seeded.match(/in ([\d.]+) s/)?.[1]);
	// Built unless BENCH_BUILD=0: the bench must measure the code in the tree, not an older build.
	const app = await startApp({ state, skipBuild: process.env.BENCH_BUILD === '0' });
	try {
		const { base } = app;
		const demo = app.output().match(/Brand:\s+(\S+) \/ (\S+)/);
		if (!demo) throw new Error(`no demo login in the start output:\n${app.output()}`);
		const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo[1], password: demo[2] }) });
		const cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.join('; ');
		const headers = { cookie, 'content-type': 'application/json', origin: base };
		const campaigns = [
			['typical: 3 wilayas, 1 niche, 5–50k, reel+story', { wilayas: ['16', '09', '31'], niches: ['beauty'], formats: ['reel', 'story'], followerMin: 5000, followerMax: 50000 }],
			[
				'broad: 10 wilayas, 3 niches, 2–200k, all formats',
				{
					wilayas: ['16', '09', '31', '25', '19', '06', '15', '35', '42', '13'],
					niches: ['beauty', 'fashion', 'lifestyle'],
					formats: ['reel', 'story', 'post', 'live'],
					followerMin: 2000,
					followerMax: 200000
				}
			]
		];
		const health = await measure(() => fetch(`${base}/api/v1/health`), { n: 200, warmup: 20, pid: app.pid });
		const rows = [['GET /api/v1/health (baseline)', health, '']];
		const similar = [];
		for (const [label, target] of campaigns) {
			const res = await fetch(`${base}/api/v1/campaigns`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ title: 'Sérum vitamine C : routine skincare', objective: 'whatsapp_sales', offer: 'Pack découverte -20 %', budgetDzd: 150000, ...target })
			});
			if (res.status !== 201) throw new Error(`campaign: ${res.status} ${await res.text()}`);
			const { campaign } = await res.json();
			const url = `${base}/api/v1/campaigns/${campaign.id}/matches?limit=50`;
			const firstRes = await fetch(url, { headers: { cookie } });
			if (firstRes.status !== 200) throw new Error(`matches: ${firstRes.status} ${await firstRes.text()}`);
			const first = await firstRes.json();
			const r = await measure(() => fetch(url, { headers: { cookie } }), { n: 200, warmup: 20, pid: app.pid });
			rows.push([`matches?limit=50, ${label}`, r, `${first.total} candidates`]);
			if (similar.length === 0 && first.matches.length > 0) {
				const creatorId = first.matches[0].creatorId;
				for (const [name, query] of [
					['similar, no campaign', ''],
					['similar?campaignId=, typical campaign', `?campaignId=${campaign.id}`]
				]) {
					const similarUrl = `${base}/api/v1/creators/${creatorId}/similar${query}`;
					const one = await fetch(similarUrl, { headers: { cookie } });
					if (one.status !== 200) throw new Error(`similar: ${one.status} ${await one.text()}`);
					const { creators: found } = await one.json();
					similar.push([name, await measure(() => fetch(similarUrl, { headers: { cookie } }), { n: 200, warmup: 20, pid: app.pid }), `${found.length} look-alikes`]);
				}
			}
		}
		console.log(`\nmatching over ${creators} creators (+ the demo seed)`);
		console.log('route                                                              p50 ms   p95 ms   p99 ms  CPU/req ms  net CPU ms');
		for (const [name, r, note] of rows) {
			console.log(`${name.padEnd(64)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${fmt(r.cpu)}    ${fmt(r.cpu - health.cpu)}  ${note}`);
		}
		console.log('\nlook-alikes (GET /api/v1/creators/:id/similar)                      p50 ms  target   net CPU ms  target');
		for (const [name, r, note] of similar) {
			const net = r.cpu - health.cpu;
			console.log(`${name.padEnd(64)} ${fmt(r.p50)}  ≤ 50 ${r.p50 <= 50 ? 'ok' : 'MISS'}  ${fmt(net)}  ≤ 10 ${net <= 10 ? 'ok' : 'MISS'}  ${note}`);
		}
		rows.push(...similar.map(([name, r, note]) => [name, r, note]));
		console.log('net CPU includes local D1 (SQLite runs inside workerd under wrangler dev), so it over-counts what the Worker itself spends.');
		const [, typical, broad] = rows;
		const cpuLines = run(bin('tsx'), ['bench/matching-cpu.ts', state]).trim();
		console.log(cpuLines);
		const workerCpu = [...cpuLines.matchAll(/→ p50 ([\d.]+) ms/g)].map((m) => Number(m[1]));
		const exact = spawnSync(bin('tsx'), ['bench/seed-matching.ts', exactState, String(exactCreators)], { cwd: root, encoding: 'utf8' });
		if (exact.status !== 0) throw new Error(`exactness seed failed:\n${exact.stderr}`);
		const check = spawnSync(bin('tsx'), ['bench/matching-exact.ts', exactState, String(exactCampaigns)], { cwd: root, encoding: 'utf8' });
		const exactLine = (check.stdout || check.stderr).trim();
		const differs = Number(exactLine.match(/differs in (\d+)/)?.[1] ?? NaN);
		console.log(exactLine);
		const [one, five] = loadavg();
		console.log(
			`\nissue 16 point 5 at ${creators} creators, figure next to target (load average ${one.toFixed(1)} / ${five.toFixed(1)} on ${cpus().length} cores; /health p50 ${health.p50.toFixed(1)} ms):`
		);
		const line = (label, value, unit, target) => console.log(`  ${label.padEnd(52)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${mark(value, target)} ${unit}`);
		console.log(`  ${'seeding (one transaction; no target given)'.padEnd(52)} ${seedSeconds.toFixed(1).padStart(8)} s`);
		line(`typical p50 (${typical[2]})`, typical[1].p50, 'ms', 50);
		line('typical p95', typical[1].p95, 'ms', 50);
		line(`broad p50 (${broad[2]})`, broad[1].p50, 'ms', 100);
		line('broad p95', broad[1].p95, 'ms', 100);
		line('Worker CPU per request, typical (without SQLite)', workerCpu[0] ?? NaN, 'ms', 10);
		line('Worker CPU per request, broad (without SQLite)', workerCpu[1] ?? NaN, 'ms', 10);
		line('CPU per request net of /health, typical (with SQLite)', typical[1].cpu - health.cpu, 'ms', 10);
		line('CPU per request net of /health, broad (with SQLite)', broad[1].cpu - health.cpu, 'ms', 10);
		console.log(`  ${'exactness: page one differs in N /'.padEnd(52)} ${String(differs).padStart(8)}     ${differs === 0 ? '✓' : '✗'} target 0 / ${exactCampaigns}`);
		return rows;
	} finally {
		app.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await runMatchingBench();
