// `npm run bench [-- foundation|matching|seal|pdf|report-pdf|download|multipart|deliverables|links|web|load]`: every benchmark prints numbers, never
// asserts a time.
// - foundation: the real Worker under wrangler dev with the demo data; wall-clock
//   percentiles and CPU per request, net of /health measured in the same run.
// - matching: 500 000 creators in local D1, GET /campaigns/:id/matches?limit=50, Worker CPU and exactness over 1 000 random campaigns (matching.mjs).
// - seal: CPU to render and seal a typical agreement next to the OpenSign way (seal.ts).
// - pdf: the renderer alone per language against plain pdf-lib text (pdf-render.ts).
// - report-pdf: CPU to build and render a 10-creator campaign report PDF per language (report-pdf.ts).
// - download: a signed agreement's PDF sealed on demand vs. stored by the queue job (download.mjs).
// - multipart: a 90 MB upload body through the streaming multipart reader vs. formData() (multipart.ts).
// - deliverables: the hot reads of issue 11 (a deliverable, the lists, the timeline, the workspace pages) (deliverables.mjs).
// - links: the tracked link redirect /l/<slug>, latency and CPU per click next to the Free plan's 10 ms (links.mjs).
// - load: 50 concurrent clients for 30 s over the realistic mix, no error and every write found after, then CPU per request of the hot routes and the SSR dashboard next to 10 ms (load.mjs).
// - web: the JavaScript (gzip) each main page makes a phone download in Chromium, fr and ar, next to the 60 KB budget (web.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fmt, measure, root, startApp } from './lib.mjs';
import { runMatchingBench } from './matching.mjs';
import { runDownloadBench } from './download.mjs';
import { runDeliverablesBench } from './deliverables.mjs';
import { runLinksBench } from './links.mjs';
import { runWebBench } from './web.mjs';
import { runLoadBench } from './load.mjs';

const wanted = process.argv.slice(2);
const runs = (name) => wanted.length === 0 || wanted.includes(name);
const tsx = (file) => {
	const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [file], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) process.exitCode = r.status ?? 1;
};

// Build once for the app benchmarks: they must measure the code in the tree (BENCH_BUILD=0 skips it).
if ((runs('foundation') || runs('matching') || runs('download') || runs('deliverables') || runs('links') || runs('web') || runs('load')) && process.env.BENCH_BUILD !== '0') {
	const r = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: path.join(root, 'web'), stdio: ['ignore', 'ignore', 'inherit'] });
	if (r.status !== 0) throw new Error('vite build failed');
	process.env.BENCH_BUILD = '0';
}
if (runs('foundation')) await foundation();
if (runs('matching')) await runMatchingBench();
if (runs('seal')) tsx('bench/seal.ts');
if (runs('pdf')) tsx('bench/pdf-render.ts');
if (runs('report-pdf')) tsx('bench/report-pdf.ts');
if (runs('download')) await runDownloadBench();
if (runs('multipart')) tsx('bench/multipart.ts');
if (runs('deliverables')) await runDeliverablesBench();
if (runs('links')) await runLinksBench();
if (runs('web')) await runWebBench();
if (runs('load')) await runLoadBench();

async function foundation() {
	const app = await startApp({ skipBuild: true });
	try {
		const { base } = app;
		const demo = app.output().match(/Brand:\s+(\S+) \/ (\S+)/);
		const rows = [];
		const health = await measure(() => fetch(`${base}/api/v1/health`), { pid: app.pid });
		rows.push(['GET /api/v1/health (baseline)', health]);
		rows.push(['GET /api/v1/wilayas?lang=ar', await measure(() => fetch(`${base}/api/v1/wilayas?lang=ar`), { pid: app.pid })]);
		rows.push(['GET / (SSR landing, fr)', await measure(() => fetch(`${base}/`), { pid: app.pid })]);
		if (demo) {
			const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo[1], password: demo[2] }) });
			const cookie = login.headers
				.getSetCookie()
				.map((c) => c.split(';')[0])
				.join('; ');
			rows.push(['GET /api/v1/me (session lookup)', await measure(() => fetch(`${base}/api/v1/me`, { headers: { cookie } }), { pid: app.pid })]);
			rows.push(['GET /dashboard (SSR + API, brand)', await measure(() => fetch(`${base}/dashboard`, { headers: { cookie } }), { pid: app.pid })]);
			// Two of the read-replica routes (worker/d1-session.ts): the creator's feed and a public media kit.
			const creatorDemo = app.output().match(/Creator:\s+(\S+) \/ (\S+)/);
			if (creatorDemo) {
				const creatorLogin = await fetch(`${base}/api/v1/auth/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.77.255.1' },
					body: JSON.stringify({ email: creatorDemo[1], password: creatorDemo[2] })
				});
				const creatorCookie = creatorLogin.headers
					.getSetCookie()
					.map((c) => c.split(';')[0])
					.join('; ');
				const { creator } = await (await fetch(`${base}/api/v1/me`, { headers: { cookie: creatorCookie } })).json();
				rows.push(['GET /api/v1/campaigns (creator feed)', await measure(() => fetch(`${base}/api/v1/campaigns`, { headers: { cookie: creatorCookie } }), { pid: app.pid })]);
				rows.push(['GET /api/v1/media-kits/:handle (guest)', await measure(() => fetch(`${base}/api/v1/media-kits/${creator.handle}`), { pid: app.pid })]);
			}
			// Each login costs one PBKDF2 at 100 000 iterations; vary the IP to stay under the rate limit.
			rows.push([
				'POST /api/v1/auth/login (PBKDF2 100k)',
				await measure(
					(i) =>
						fetch(`${base}/api/v1/auth/login`, {
							method: 'POST',
							headers: { 'content-type': 'application/json', 'cf-connecting-ip': `10.77.${(i >> 8) & 255}.${i & 255}` },
							body: JSON.stringify({ email: demo[1], password: demo[2] })
						}),
					{ n: 60, warmup: 5, pid: app.pid }
				)
			]);
		}
		console.log('\nroute                                       p50 ms   p95 ms   p99 ms  CPU/req ms  net CPU ms');
		for (const [name, r] of rows) {
			console.log(`${name.padEnd(40)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${fmt(r.cpu)}    ${fmt(r.cpu - health.cpu)}`);
		}
		console.log('\nnet CPU = CPU per request minus the /health baseline of the same run (Workers Free plan budget: 10 ms).');
	} finally {
		app.stop();
	}
}
