// JavaScript per page (issue 14, point 12): the real app under wrangler dev with the demo data,
// each page opened in Debian's Chromium as the user who would see it, in French and in Arabic,
// on a 390 × 844 phone screen, in a fresh context (empty cache, as a first visit). Every
// script the page fetches until the network is idle — module scripts, modulepreload links and
// dynamic imports — is gzipped here at zlib's default level (6) and summed, next to the budget
// of 60 KB: wrangler dev serves the assets uncompressed, while Cloudflare compresses them on
// the way to a phone, so the gzip size is what the phone pays. The HTML document and any
// `__data.json` are counted apart, so bytes moved out of the scripts into the page stay
// visible. KB = 1024 bytes. Then each page goes through Lighthouse's mobile performance audit
// (issue 15, point 5: score ≥ 95), Lighthouse 12.2.3 (13 does not install with Node 20)
// fetched by `npm exec` on first use and driving the same Debian Chromium; BENCH_LIGHTHOUSE=0
// skips it. Its throttled mobile run simulates a mid-range phone on slow 4G, so a machine
// busy with other work lowers the score: read it on an idle machine. Prints numbers, asserts nothing.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { demoSessions } from './download.mjs';
import { startApp } from './lib.mjs';

const TARGET_KB = 60;
const PHONE = { width: 390, height: 844 };
const LANGS = ['fr', 'ar'];

export async function runWebBench() {
	const app = await startApp({ skipBuild: process.env.BENCH_BUILD === '0' });
	let browser;
	try {
		const { base } = app;
		const { brand, creator } = await demoSessions(app, '10.86.0');
		const ids = await demoIds(brand, creator);
		const pages = [
			{ page: 'home', path: '/', who: null },
			{ page: 'feed', path: '/campaigns', who: creator },
			{ page: 'campaign', path: `/campaigns/${ids.openCampaign}`, who: creator },
			{ page: 'media kit', path: `/c/${encodeURIComponent(ids.handle)}`, who: null },
			{ page: 'matches', path: `/campaigns/${ids.campaign}/matches`, who: brand },
			{ page: 'agreement', path: `/agreements/${ids.agreement}`, who: brand }
		];

		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
		const rows = [];
		for (const p of pages) for (const lang of LANGS) rows.push({ ...p, lang, ...(await weigh(browser, base, p, lang)) });

		const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(10);
		console.log(`\nJavaScript per page (${PHONE.width}×${PHONE.height}, first visit, gzip -6)`);
		console.log(`${'page'.padEnd(11)} ${'path'.padEnd(48)} lang  JS files  JS gzip KB  HTML gzip KB  target   ok/OVER`);
		for (const r of rows) {
			const over = r.js > TARGET_KB * 1024;
			const data = r.data ? `  (HTML includes ${r.data} __data.json)` : '';
			console.log(
				`${r.page.padEnd(11)} ${r.path.padEnd(48)} ${r.lang.padEnd(4)} ${String(r.files).padStart(8)}  ${kb(r.js)}  ${kb(r.html).padStart(12)}  ≤ ${TARGET_KB} KB  ${over ? 'OVER' : 'ok'}${data}`
			);
		}
		const overCount = rows.filter((r) => r.js > TARGET_KB * 1024).length;
		console.log('JS: every script the page fetched (module scripts, modulepreload, dynamic imports). HTML: the document plus any __data.json.');
		console.log(`${overCount} of ${rows.length} pages over the ${TARGET_KB} KB JavaScript budget.`);
		if (process.env.BENCH_LIGHTHOUSE !== '0') lighthouseTable(base, pages);
	} finally {
		await browser?.close().catch(() => {});
		app.stop();
	}
}

const SCORE_TARGET = 95;

/** Lighthouse's mobile performance audit of each page in French and Arabic, as its user. */
function lighthouseTable(base, pages) {
	console.log(`\nLighthouse ${LIGHTHOUSE} mobile performance (simulated slow 4G, 4× CPU slowdown)`);
	console.log(`${'page'.padEnd(11)} lang  score  target  FCP ms  LCP ms  TBT ms    CLS  ok/LOW`);
	let low = 0;
	for (const p of pages) {
		for (const lang of LANGS) {
			const r = lighthouse(base, p, lang);
			if ('error' in r) {
				console.log(`${p.page.padEnd(11)} ${lang.padEnd(4)}  not measured: ${r.error}`);
				if (r.fatal) return;
				continue;
			}
			if (r.score < SCORE_TARGET) low += 1;
			const n = (v, w) => String(Math.round(v)).padStart(w);
			console.log(
				`${p.page.padEnd(11)} ${lang.padEnd(4)} ${n(r.score, 6)}  ≥ ${SCORE_TARGET}  ${n(r.fcp, 6)}  ${n(r.lcp, 6)}  ${n(r.tbt, 6)}  ${r.cls.toFixed(3).padStart(5)}  ${r.score >= SCORE_TARGET ? 'ok' : 'LOW'}`
			);
		}
	}
	console.log(`${low} of ${pages.length * LANGS.length} pages under a score of ${SCORE_TARGET}.`);
}

const LIGHTHOUSE = 'lighthouse@12.2.3';

/** One Lighthouse run; the page's cookies and client address go as extra headers. */
function lighthouse(base, { path, who }, lang) {
	const token = who && /(?:^|; )wasla_session=([^;]+)/.exec(who.cookie)?.[1];
	const headers = { cookie: `wasla_lang=${lang}${token ? `; wasla_session=${token}` : ''}`, 'cf-connecting-ip': who?.ip ?? '10.86.0.3' };
	const r = spawnSync(
		'npm',
		[
			'exec',
			'--yes',
			`--package=${LIGHTHOUSE}`,
			'--',
			'lighthouse',
			`${base}${path}`,
			'--only-categories=performance',
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			`--extra-headers=${JSON.stringify(headers)}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu'
		],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } }
	);
	if (r.status !== 0) return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-1)[0], fatal: r.error !== undefined };
	try {
		const report = JSON.parse(r.stdout);
		const audit = (id) => report.audits[id]?.numericValue ?? NaN;
		if (report.runtimeError) return { error: report.runtimeError.message };
		return {
			score: report.categories.performance.score * 100,
			fcp: audit('first-contentful-paint'),
			lcp: audit('largest-contentful-paint'),
			tbt: audit('total-blocking-time'),
			cls: audit('cumulative-layout-shift')
		};
	} catch (e) {
		return { error: `unreadable report: ${e.message}` };
	}
}

async function ok(res, what) {
	if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
	return res.json();
}

/** The seeded ids the pages need, looked up through the API as each demo user (as test/e2e/every-page-fits.e2e.mjs does). */
async function demoIds(brand, creator) {
	const { campaigns: open } = await ok(await creator.call('GET', '/campaigns'), 'creator campaigns');
	const { agreements } = await ok(await brand.call('GET', '/agreements'), 'brand agreements');
	// A signed agreement is the busiest page (the workspace), and its campaign is published, so it has matches.
	const agreement = agreements.find((a) => a.status === 'signed') ?? agreements[0];
	const me = await ok(await creator.call('GET', '/creators/me'), 'creator profile');
	if (!open[0] || !agreement) throw new Error(`no seeded open campaign or agreement: ${open.length} campaigns, ${agreements.length} agreements`);
	return { openCampaign: open[0].id, campaign: agreement.campaign.id, agreement: agreement.id, handle: (me.creator ?? me).handle };
}

/** Opens `path` in a fresh phone-sized context in `lang` as `who` (null: a guest); the gzip bytes of its scripts and of its HTML and data. */
async function weigh(browser, base, { path, who }, lang) {
	const context = await browser.newContext({
		locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR',
		viewport: PHONE,
		isMobile: true,
		hasTouch: true,
		// Its own rate-limit bucket, the one its session was opened from.
		extraHTTPHeaders: { 'cf-connecting-ip': who?.ip ?? '10.86.0.3' }
	});
	try {
		// The language is the wasla_lang cookie (what /lang sets), which wins over the account's language and Accept-Language.
		const cookies = [{ name: 'wasla_lang', value: lang, url: base }];
		const token = who && /(?:^|; )wasla_session=([^;]+)/.exec(who.cookie)?.[1];
		if (who && !token) throw new Error(`no wasla_session cookie for ${who.email}`);
		if (token) cookies.push({ name: 'wasla_session', value: token, url: base });
		await context.addCookies(cookies);
		const page = await context.newPage();
		// url → its gzip size; a URL fetched twice counts once (the second comes from the memory cache anyway).
		const js = new Map();
		const html = new Map();
		let data = 0;
		page.on('response', (res) => {
			const url = res.url();
			const type = res.request().resourceType();
			if (res.status() >= 300 && res.status() < 400) return;
			const plain = url.split(/[?#]/)[0];
			const into = type === 'script' || plain.endsWith('.js') ? js : type === 'document' || plain.endsWith('/__data.json') ? html : null;
			if (!into || into.has(url)) return;
			if (into === html && plain.endsWith('/__data.json')) data += 1;
			into.set(
				url,
				res
					.body()
					// Chromium may have dropped a body it no longer needs (a preload already consumed): fetch the same URL again.
					.catch(async () => Buffer.from(await (await fetch(url)).arrayBuffer()))
					.then((body) => gzipSync(body).length)
			);
		});
		await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
		// A redirect to /login or a page in the other language would weigh the wrong page.
		const landed = new URL(page.url()).pathname;
		if (landed !== new URL(`${base}${path}`).pathname) throw new Error(`${path} (${lang}) landed on ${landed}`);
		const htmlLang = await page.evaluate(() => document.documentElement.lang);
		if (htmlLang !== lang) throw new Error(`${path} rendered in ${htmlLang}, not ${lang}`);
		const sum = async (m) => (await Promise.all(m.values())).reduce((a, b) => a + b, 0);
		return { files: js.size, js: await sum(js), html: await sum(html), data };
	} finally {
		await context.close();
	}
}
