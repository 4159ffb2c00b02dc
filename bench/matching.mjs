// Matching at country scale (issue 4, point 4): 50 000 creators with precomputed features
// in local D1, then GET /api/v1/campaigns/:id/matches?limit=50 through the Worker under
// wrangler dev. Prints wall p50/p95/p99 and CPU per request net of /health measured in the
// same run. Targets: p50 ≤ 100 ms, net CPU within the Workers Free plan's 10 ms.
// Then GET /api/v1/creators/:id/similar (look-alikes, issue 16 point 3) for a shortlisted
// creator, alone and filtered by the typical campaign: p50 ≤ 50 ms, net CPU ≤ 10 ms.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, freshState, measure, root, startApp } from './lib.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
	const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' } });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

export async function runMatchingBench({ creators = Number(process.env.BENCH_CREATORS ?? 50_000) } = {}) {
	const state = freshState();
	run(bin('wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
	console.log(run(bin('tsx'), ['bench/seed-matching.ts', state, String(creators)]).trim());
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
		console.log(run(bin('tsx'), ['bench/matching-cpu.ts', state]).trim());
		return rows;
	} finally {
		app.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await runMatchingBench();
