// `npm run bench`: starts the real Worker under wrangler dev with seeded demo data and prints
// wall-clock percentiles and CPU per request for the foundation routes. CPU per request is
// given net of a trivial route measured in the same run (local dev plumbing costs ~4 ms).
import { fmt, measure, startApp } from './lib.mjs';

const app = await startApp({ skipBuild: process.env.BENCH_BUILD !== '1' });
try {
	const { base } = app;
	const demo = app.output().match(/Brand:\s+(\S+) \/ (\S+)/);
	const rows = [];
	const health = await measure(() => fetch(`${base}/api/v1/health`));
	rows.push(['GET /api/v1/health (baseline)', health]);
	rows.push(['GET /api/v1/wilayas?lang=ar', await measure(() => fetch(`${base}/api/v1/wilayas?lang=ar`))]);
	rows.push(['GET / (SSR landing, fr)', await measure(() => fetch(`${base}/`))]);
	if (demo) {
		const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo[1], password: demo[2] }) });
		const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
		rows.push(['GET /api/v1/me (session lookup)', await measure(() => fetch(`${base}/api/v1/me`, { headers: { cookie } }))]);
		rows.push(['GET /dashboard (SSR + API, brand)', await measure(() => fetch(`${base}/dashboard`, { headers: { cookie } }))]);
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
				{ n: 60, warmup: 5 }
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
