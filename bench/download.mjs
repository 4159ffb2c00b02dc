// Download of a signed agreement's PDF, before and after sealing moved off the request path
// (issue 10, point 5). Under wrangler dev with the demo data, the demo brand and creator
// sign N agreements through the API. For each one, the first download right after the last
// signature is the old path (the request renders, seals and stores the PDF: the queue job
// has not run yet); the download after the job ran is the new path (stored bytes from R2).
// Prints wall percentiles for both, and CPU per request for the stored path.
import { fmt, measure, percentile, startApp, workerdCpuMs } from './lib.mjs';

const N = Number(process.env.BENCH_AGREEMENTS ?? 12);

export async function runDownloadBench() {
	const app = await startApp({ skipBuild: process.env.BENCH_BUILD === '0' });
	try {
		const { base } = app;
		const health = await measure(() => fetch(`${base}/api/v1/health`), { n: 100, warmup: 10, pid: app.pid });
		const demo = /Brand:\s+(\S+) \/ (\S+)/.exec(app.output());
		const demoCreator = /Creator:\s+(\S+) \/ (\S+)/.exec(app.output());
		if (!demo || !demoCreator) throw new Error(`no demo logins in the start output:\n${app.output()}`);
		const brand = await session(base, demo[1], demo[2], '10.81.0.1');
		const creator = await session(base, demoCreator[1], demoCreator[2], '10.81.0.2');
		const me = await (await creator.call('GET', '/me')).json();
		const profile = (await (await creator.call('GET', `/creators/${me.creator.id}`)).json()).creator;

		const ids = [];
		for (let i = 0; i < N; i++) ids.push(await signedAgreement(brand, creator, profile, i));

		// Old path: the first download, before the sealing job ran (it waits up to 2 s for its batch).
		const onDemand = [];
		for (const id of ids) onDemand.push(await timed(() => creator.call('GET', `/agreements/${id}/pdf?lang=fr`)));
		await new Promise((r) => setTimeout(r, 10_000));
		// New path: the same download once the job stored every language.
		const stored = [];
		const cpu0 = workerdCpuMs(app.pid);
		for (let round = 0; round < 3; round++) for (const id of ids) stored.push(await timed(() => brand.call('GET', `/agreements/${id}/pdf?lang=ar`)));
		const cpuStored = (workerdCpuMs(app.pid) - cpu0) / stored.length;

		const row = (name, times, cpu) => {
			const s = [...times].sort((a, b) => a - b);
			console.log(`${name.padEnd(52)} ${fmt(percentile(s, 50))} ${fmt(percentile(s, 95))}   ${cpu === null ? '     —' : fmt(cpu)}`);
		};
		console.log(`\nsigned agreement PDF download (${N} agreements)           p50 ms   p95 ms   CPU/req ms (net of /health ${fmt(health.cpu).trim()})`);
		row('first download, sealed on demand (before)', onDemand, null);
		row('download of the stored, sealed PDF (after)', stored, cpuStored - health.cpu);
		console.log('CPU of the on-demand path overlaps the queue job sealing the other languages, so only wall time is shown for it.');
	} finally {
		app.stop();
	}
}

async function timed(send) {
	const t = performance.now();
	const res = await send();
	const body = await res.arrayBuffer();
	if (res.status !== 200 || res.headers.get('x-wasla-sealed') !== '1') throw new Error(`download: ${res.status}, sealed ${res.headers.get('x-wasla-sealed')}`);
	if (body.byteLength < 1000) throw new Error('download: no PDF');
	return performance.now() - t;
}

/** The demo brand and creator that `npm start` printed, each signed in from its own address (`${ipPrefix}.1`, `.2`). */
export async function demoSessions(app, ipPrefix) {
	const demo = /Brand:\s+(\S+) \/ (\S+)/.exec(app.output());
	const demoCreator = /Creator:\s+(\S+) \/ (\S+)/.exec(app.output());
	if (!demo || !demoCreator) throw new Error(`no demo logins in the start output:\n${app.output()}`);
	return { brand: await session(app.base, demo[1], demo[2], `${ipPrefix}.1`), creator: await session(app.base, demoCreator[1], demoCreator[2], `${ipPrefix}.2`) };
}

export async function session(base, email, password, ip) {
	const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip }, body: JSON.stringify({ email, password }) });
	if (!login.ok) throw new Error(`login ${email}: ${login.status}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return {
		email,
		base,
		cookie,
		ip,
		call: (method, path, json) =>
			fetch(`${base}/api/v1${path}`, {
				method,
				headers: { cookie, origin: base, 'cf-connecting-ip': ip, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
				body: json === undefined ? undefined : JSON.stringify(json)
			})
	};
}

async function ok(res, what) {
	if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
	return res.status === 204 ? null : res.json();
}

/** A campaign made for the demo creator, their application, its acceptance, the terms completed, sent and signed by both. */
export async function signedAgreement(brand, creator, profile, i) {
	const day = 24 * 3600 * 1000;
	const followers = profile.followersTotal ?? 10_000;
	const { campaign } = await ok(
		await brand.call('POST', '/campaigns', {
			title: `Bench ${i + 1} : sérum éclat`,
			objective: 'whatsapp_sales',
			offer: 'Pack découverte -20 %',
			brief: { keyMessages: ['Texture légère'], dos: ['Montrer le produit'], donts: ['Comparer aux concurrents'], angle: 'Routine du soir' },
			formats: ['reel'],
			wilayas: [profile.wilaya],
			niches: profile.niches.slice(0, 1),
			followerMin: Math.max(1000, Math.floor(followers / 2)),
			followerMax: followers * 2,
			budgetDzd: 100000,
			reuseRightsDays: 30,
			startsAt: new Date(Date.now() + 7 * day).toISOString(),
			endsAt: new Date(Date.now() + 21 * day).toISOString(),
			applyBy: new Date(Date.now() + 5 * day).toISOString()
		}),
		'create campaign'
	);
	await ok(await brand.call('POST', `/campaigns/${campaign.id}/publish`), 'publish');
	const { application } = await ok(await creator.call('POST', `/campaigns/${campaign.id}/applications`, { pitch: 'Un reel tutoriel pour mes abonnées.', feeDzd: 20000, formats: ['reel'] }), 'apply');
	const { agreement } = await ok(await brand.call('POST', `/applications/${application.id}/accept`), 'accept');
	const current = (await ok(await brand.call('GET', `/agreements/${agreement.id}`), 'read')).agreement;
	const terms = {
		...current.terms,
		parties: {
			brand: { ...current.terms.parties.brand, representative: 'Lina Benali' },
			creator: { ...current.terms.parties.creator, legalName: 'Nour El Houda Saidi' }
		},
		// A code is the brand's once and forever (issue 12): each bench agreement gets its own.
		attribution: { ...current.terms.attribution, promoCode: `BENCH${i + 1}`, whatsappKeyword: `BENCH-WA${i + 1}` }
	};
	await ok(await brand.call('PATCH', `/agreements/${agreement.id}`, { terms }), 'edit');
	await ok(await brand.call('POST', `/agreements/${agreement.id}/send`), 'send');
	for (const [who, name] of [
		[creator, 'Nour El Houda Saidi'],
		[brand, 'Lina Benali']
	]) {
		await ok(await who.call('POST', `/agreements/${agreement.id}/sign/code`), 'code');
		const { messages } = await ok(await fetch(`${who.base}/api/v1/dev/outbox?limit=20`), 'outbox');
		const code = /(\d{3})\s?(\d{3})/
			.exec(messages.find((m) => m.to === who.email && /\d{3}\s?\d{3}/.test(m.subject)).subject)
			.slice(1)
			.join('');
		await ok(await who.call('POST', `/agreements/${agreement.id}/sign`, { fullName: name, consent: true, code }), 'sign');
	}
	return agreement.id;
}
