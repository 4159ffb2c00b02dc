// Tracked links /l/<slug> (issue 12, point 2) under wrangler dev with the demo data: the demo
// brand and creator sign two agreements, one campaign with a landing URL (objective traffic),
// one selling on WhatsApp with the brand's number. Then the redirect is measured — a new
// visitor each time (one INSERT after the answer), the same visitor again (INSERT OR IGNORE
// finds the row), the WhatsApp target, a link-preview bot (no write) and an unknown slug
// (the 404 page) — for wall time and CPU per click, net of /health in the same run, next to
// the Workers Free plan's 10 ms of CPU. Prints numbers, asserts nothing.
import { fmt, measure, startApp } from './lib.mjs';
import { demoSessions, signedAgreement } from './download.mjs';

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

export async function runLinksBench() {
	const app = await startApp({ skipBuild: process.env.BENCH_BUILD === '0' });
	try {
		const { base } = app;
		const { brand, creator } = await demoSessions(app, '10.83.0');
		const me = await (await creator.call('GET', '/me')).json();
		const profile = (await (await creator.call('GET', `/creators/${me.creator.id}`)).json()).creator;

		const slugOf = async (agreementId) => (await (await brand.call('GET', `/agreements/${agreementId}/codes`)).json()).link;
		const landingId = await signedAgreement(brand, creator, profile, 200);
		const { agreement } = await (await brand.call('GET', `/agreements/${landingId}`)).json();
		const patched = await brand.call('PATCH', `/campaigns/${agreement.campaignId}`, { objective: 'traffic', landingUrl: 'https://boutique.example.dz/serum?ref=bench' });
		if (!patched.ok) throw new Error(`landing URL: ${patched.status} ${await patched.text()}`);
		const whatsappId = await signedAgreement(brand, creator, profile, 201);
		const phone = await brand.call('PUT', '/brands/me/contact', { whatsappPhone: '0550 12 34 56' });
		if (!phone.ok) throw new Error(`WhatsApp number: ${phone.status} ${await phone.text()}`);
		const landing = await slugOf(landingId);
		const whatsapp = await slugOf(whatsappId);

		const click = (path, { ip = '10.84.0.1', ua = PHONE_UA } = {}) =>
			fetch(`${base}${path}`, { redirect: 'manual', headers: { 'user-agent': ua, 'cf-connecting-ip': ip, referer: 'https://l.instagram.com/' } });
		const check = async (res, status, location) => {
			if (res.status !== status || (location && !location.test(res.headers.get('location') ?? ''))) throw new Error(`unexpected answer ${res.status} ${res.headers.get('location')}`);
			return res;
		};
		await check(await click(landing), 302, /^https:\/\/boutique\.example\.dz\/serum\?ref=bench&utm_source=wasla/);
		await check(await click(whatsapp), 302, /^https:\/\/wa\.me\/213550123456\?text=/);
		await check(await click('/l/zzzzzzzz'), 404);

		const ipOf = (i) => `10.85.${(i >> 8) & 255}.${i & 255}`;
		const health = await measure(() => fetch(`${base}/api/v1/health`), { n: 300, pid: app.pid });
		const rows = [
			['GET /l/:slug landing URL, new visitor (1 write)', await measure((i) => click(landing, { ip: ipOf(i) }), { n: 300, pid: app.pid })],
			['GET /l/:slug landing URL, same visitor again', await measure(() => click(landing), { n: 300, pid: app.pid })],
			['GET /l/:slug WhatsApp, new visitor (1 write)', await measure((i) => click(whatsapp, { ip: ipOf(1000 + i) }), { n: 300, pid: app.pid })],
			['GET /l/:slug link-preview bot (no write)', await measure(() => click(landing, { ua: 'facebookexternalhit/1.1' }), { n: 300, pid: app.pid })],
			['GET /l/:slug unknown slug (404 page)', await measure(() => click('/l/zzzzzzzz'), { n: 300, pid: app.pid })],
			['GET / (SSR landing page, for scale)', await measure(() => fetch(`${base}/`), { n: 100, pid: app.pid })]
		];
		const clicks = await (await brand.call('GET', `/agreements/${landingId}/codes`)).json();
		console.log(`\ntracked links (link ${landing}, live: ${clicks.linkLive})          p50 ms   p95 ms  CPU/click ms  vs /health ms`);
		console.log(`${'GET /api/v1/health (baseline)'.padEnd(52)} ${fmt(health.p50)} ${fmt(health.p95)}     ${fmt(health.cpu)}`);
		for (const [label, r] of rows) console.log(`${label.padEnd(52)} ${fmt(r.p50)} ${fmt(r.p95)}     ${fmt(r.cpu)}      ${fmt(r.cpu - health.cpu)}`);
		console.log(
			'Free plan: 10 ms CPU per request. CPU/click is the whole workerd process tree under wrangler dev (local D1 and the waitUntil write included, one request at a time): an upper bound of what the Worker spends.'
		);
	} finally {
		app.stop();
	}
}
