// The hot reads of issue 11 under wrangler dev with the demo data: the demo brand and creator
// sign N agreements (each plans its deliverables), then the pages and API calls both sides
// open most — an agreement's deliverables, one deliverable, the creator's due list, the
// campaign timeline and the deliverable page (SSR + API) — measured for wall time and CPU
// per request, net of /health in the same run. Prints numbers, asserts nothing.
import { fmt, measure, startApp } from './lib.mjs';
import { demoSessions, signedAgreement } from './download.mjs';

const N = Number(process.env.BENCH_AGREEMENTS ?? 8);

export async function runDeliverablesBench() {
	const app = await startApp({ skipBuild: process.env.BENCH_BUILD === '0' });
	try {
		const { base } = app;
		const { brand, creator } = await demoSessions(app, '10.82.0');
		const me = await (await creator.call('GET', '/me')).json();
		const profile = (await (await creator.call('GET', `/creators/${me.creator.id}`)).json()).creator;
		const ids = [];
		for (let i = 0; i < N; i++) ids.push(await signedAgreement(brand, creator, profile, 100 + i));
		const { deliverables } = await (await brand.call('GET', `/agreements/${ids[0]}/deliverables`)).json();
		const { agreement } = await (await brand.call('GET', `/agreements/${ids[0]}`)).json();
		const dId = deliverables[0].id;
		const page = (who, path) => fetch(`${base}${path}`, { headers: { cookie: who.cookie, 'cf-connecting-ip': who.ip } });

		const health = await measure(() => fetch(`${base}/api/v1/health`), { n: 200, pid: app.pid });
		const rows = [
			['GET /api/v1/agreements/:id/deliverables', await measure((i) => brand.call('GET', `/agreements/${ids[i % N]}/deliverables`), { n: 200, pid: app.pid })],
			['GET /api/v1/deliverables/:id', await measure(() => creator.call('GET', `/deliverables/${dId}`), { n: 200, pid: app.pid })],
			[`GET /api/v1/me/deliverables (creator, ${N} agreements)`, await measure(() => creator.call('GET', '/me/deliverables'), { n: 200, pid: app.pid })],
			['GET /api/v1/campaigns/:id/timeline', await measure(() => brand.call('GET', `/campaigns/${agreement.campaignId}/timeline`), { n: 200, pid: app.pid })],
			['GET /deliverables/:id (SSR + API, creator)', await measure(() => page(creator, `/deliverables/${dId}`), { n: 100, pid: app.pid })],
			['GET /agreements/:id (SSR workspace, brand)', await measure(() => page(brand, `/agreements/${ids[0]}`), { n: 100, pid: app.pid })]
		];
		console.log(`\ndeliverables (${N} signed agreements)                    p50 ms   p95 ms   CPU/req ms (net of /health ${fmt(health.cpu).trim()})`);
		for (const [label, r] of rows) console.log(`${label.padEnd(52)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.cpu - health.cpu)}`);
		console.log('CPU is the workerd process tree under wrangler dev (one request at a time): an upper bound of the Worker CPU a request costs.');
	} finally {
		app.stop();
	}
}
