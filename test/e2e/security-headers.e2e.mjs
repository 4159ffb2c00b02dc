// Issue 9, points 6, 8 and 9 against the real app:
// - every HTML response carries a Content-Security-Policy header (nonces, frame-ancestors
//   'none'…), nosniff and a strict Referrer-Policy; pages rendered for a signed-in user are
//   `private, no-store`; the main pages render in Chromium with no CSP violation (fr and ar,
//   demo brand and demo creator), and the inline recorder in app.html still runs;
// - every form action (found by reading web/src/routes/**/+page.server.ts with test/node/form-actions.mjs,
//   so new ones are covered) answers a broken multipart body with a 400 problem, never a 5xx;
// - a GET of /lang only sets the display cookie: following a link from another site does not
//   change the account's language; the switcher posts, and works without JavaScript.
import { formActions as allFormActions } from '../node/form-actions.mjs';
import { openMenu } from './phone.mjs';
import { sessionCookie } from './api-client.mjs';

export const name = 'security headers and CSP, broken form posts are 4xx, language GET changes no account';

const DEMO_BRAND = 'demo.marque@wasla.dz';
const DEMO_CREATOR = 'demo.createur@wasla.dz';
const DEMO_PASSWORD = 'wasla-demo-2026';
const CSP_MESSAGE = /Content Security Policy|Refused to/i;

async function me(baseURL, cookie) {
	const res = await fetch(`${baseURL}/api/v1/me`, { headers: { cookie } });
	return (await res.json()).user;
}

/**
 * Every form action, with sample params: read by the shared reader (test/node/form-actions.mjs),
 * which follows spread and imported action objects that a regex over the file missed.
 */
export function formActions(params) {
	// Signing out last: on code that does not refuse the body, it would end the session.
	return allFormActions(params).sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
}

function cspOf(res) {
	const header = res.headers.get('content-security-policy') ?? '';
	return Object.fromEntries(
		header
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([k, ...v]) => [k, v])
	);
}

function assertPageHeaders(assert, res, html, what, { signedIn }) {
	const csp = cspOf(res);
	assert.ok(csp['default-src'], `${what}: a Content-Security-Policy header (got ${res.headers.get('content-security-policy')})`);
	assert.deepEqual(csp['frame-ancestors'], ["'none'"], `${what}: frame-ancestors`);
	assert.deepEqual(csp['object-src'], ["'none'"], `${what}: object-src`);
	assert.deepEqual(csp['base-uri'], ["'self'"], `${what}: base-uri`);
	assert.deepEqual(csp['form-action'], ["'self'"], `${what}: form-action`);
	assert.ok(!csp['script-src'].includes("'unsafe-inline'") && !csp['script-src'].includes("'unsafe-eval'"), `${what}: no inline/eval script`);
	const nonce = csp['script-src'].find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
	assert.ok(nonce, `${what}: script-src has a nonce`);
	// The inline recorder in app.html and SvelteKit's start script carry that nonce; no script
	// in the page goes without it.
	const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
	assert.ok(scripts.length >= 2, `${what}: recorder and start scripts`);
	for (const attrs of scripts) {
		if (/\bsrc=/.test(attrs)) continue;
		assert.ok(attrs.includes(`nonce="${nonce}"`), `${what}: inline <script${attrs}> carries the nonce`);
	}
	assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	assert.equal(res.headers.get('referrer-policy'), 'same-origin', `${what}: referrer-policy`);
	assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: x-frame-options`);
	const cache = res.headers.get('cache-control') ?? '';
	if (signedIn) assert.equal(cache, 'private, no-store', `${what}: signed-in pages are not stored`);
	else assert.match(cache, /\bprivate\b/, `${what}: guest pages vary by language cookie: private`);
}

/** Bodies that claim to be multipart and do not parse. */
const BROKEN = [
	// Truncated: no closing boundary.
	[
		'multipart/form-data; boundary=wasla',
		'--wasla\r\nContent-Disposition: form-data; name="email"\r\n\r\nx@example.dz\r\n--wasla\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'
	],
	// No boundary at all.
	['multipart/form-data', 'email=x%40example.dz']
];

export async function run({ browser, baseURL, screenshot, assert }) {
	const brandCookie = await sessionCookie(baseURL, DEMO_BRAND, DEMO_PASSWORD, '10.91.0.1');
	const creatorCookie = await sessionCookie(baseURL, DEMO_CREATOR, DEMO_PASSWORD, '10.91.0.2');
	// Each part runs even when an earlier one fails, so one run reports every broken point.
	const failed = [];
	const part = async (title, fn) => {
		try {
			await fn();
		} catch (err) {
			failed.push(`${title}: ${err?.message ?? err}`);
		}
	};

	// ---- 6. headers on guest and signed-in pages, error pages included ------------------------
	await part('headers', async () => {
		const headerCases = [
			['guest', '', ['/', '/login', '/signup', '/verify', '/c/imene.beauty.blida', '/does-not-exist']],
			['brand', brandCookie, ['/dashboard', '/campaigns', '/campaigns/seed-ca-01', '/settings', '/campaigns/nope', '/does-not-exist']],
			['creator', creatorCookie, ['/dashboard', '/profile', '/applications', '/notifications']]
		];
		for (const [who, cookie, paths] of headerCases) {
			for (const p of paths) {
				for (const lang of ['fr', 'ar']) {
					const res = await fetch(`${baseURL}${p}`, { headers: { cookie: [cookie, `wasla_lang=${lang}`].filter(Boolean).join('; ') }, redirect: 'manual' });
					const html = await res.text();
					assert.ok(res.status === 200 || res.status === 404, `${who} ${p}: ${res.status}`);
					assertPageHeaders(assert, res, html, `${who} ${p} (${lang}, ${res.status})`, { signedIn: Boolean(cookie) });
				}
			}
		}
		// Page data for client-side navigation and form answers are per user too.
		const data = await fetch(`${baseURL}/dashboard/__data.json`, { headers: { cookie: brandCookie } });
		await data.arrayBuffer();
		assert.equal(data.headers.get('cache-control'), 'private, no-store', '__data.json of a signed-in page');
		assert.equal(data.headers.get('x-content-type-options'), 'nosniff');
		// A redirect that sets a cookie is not stored either.
		const langGet = await fetch(`${baseURL}/lang?to=en&next=/`, { redirect: 'manual' });
		assert.equal(langGet.status, 303);
		assert.equal(langGet.headers.get('cache-control'), 'private, no-store', 'a response setting a cookie');
		// The API's HTML reference and JSON answers.
		const docs = await fetch(`${baseURL}/api/docs`);
		await docs.text();
		const docsCsp = cspOf(docs);
		assert.deepEqual(docsCsp['default-src'], ["'none'"], '/api/docs: nothing loads but its own inline style');
		assert.deepEqual(docsCsp['frame-ancestors'], ["'none'"]);
		assert.ok(
			docsCsp['style-src']?.some((s) => s.startsWith("'sha256-")),
			'/api/docs: its style by hash'
		);
		assert.equal(docs.headers.get('x-content-type-options'), 'nosniff', '/api/docs nosniff');
		assert.equal(docs.headers.get('referrer-policy'), 'same-origin', '/api/docs referrer-policy');
		const api = await fetch(`${baseURL}/api/v1/me`, { headers: { cookie: brandCookie } });
		await api.arrayBuffer();
		assert.equal(api.headers.get('x-content-type-options'), 'nosniff', 'API answers: nosniff');
		// Static files, served before the Worker runs (web/_headers).
		const icon = await fetch(`${baseURL}/favicon.svg`);
		await icon.arrayBuffer();
		assert.equal(icon.status, 200);
		assert.equal(icon.headers.get('x-content-type-options'), 'nosniff', 'static files: nosniff');
	});

	// ---- 6. in Chromium: the main pages render with no CSP violation, fr and ar -----------------
	await part('CSP in Chromium', async () => {
		const violations = [];
		const tour = [
			['guest', '', ['/', '/login', '/signup', '/verify', '/c/imene.beauty.blida', '/does-not-exist']],
			[
				'brand',
				brandCookie,
				[
					'/dashboard',
					'/campaigns',
					'/campaigns/new',
					'/campaigns/seed-ca-01',
					'/campaigns/seed-ca-01/applicants',
					'/campaigns/seed-ca-02/matches',
					'/agreements',
					'/notifications',
					'/settings',
					'/c/imene.beauty.blida'
				]
			],
			['creator', creatorCookie, ['/dashboard', '/campaigns', '/applications', '/profile', '/profile/stats', '/profile/signals', '/agreements', '/settings']]
		];
		for (const [who, cookie, paths] of tour) {
			for (const lang of ['fr', 'ar']) {
				const context = await browser.newContext({ baseURL, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', viewport: { width: 390, height: 844 } });
				const cookies = [{ name: 'wasla_lang', value: lang, url: baseURL }];
				if (cookie) cookies.push({ name: 'wasla_session', value: cookie.slice('wasla_session='.length), url: baseURL, httpOnly: true });
				await context.addCookies(cookies);
				const page = await context.newPage();
				page.on('console', (msg) => {
					if (CSP_MESSAGE.test(msg.text())) violations.push(`${who} ${lang} ${page.url()}: ${msg.text()}`);
				});
				page.on('pageerror', (err) => violations.push(`${who} ${lang} ${page.url()}: page error ${err.message}`));
				for (const p of paths) {
					await page.goto(p);
					await page.waitForLoadState('networkidle');
					assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
				}
				// Client-side navigation (page data by fetch) works under the policy too.
				await page.goto(paths[0]);
				await page.waitForLoadState('networkidle');
				await openMenu(page);
				const link = page.locator('header a[href="/settings"], header a[href="/login"]').first();
				await link.click();
				await page.waitForURL((url) => url.pathname === '/settings' || url.pathname === '/login');
				await page.waitForLoadState('networkidle');
				await context.close();
			}
		}
		assert.deepEqual(violations, [], 'no CSP violation or page error');

		// The recorder in app.html runs under the policy: with the app's scripts blocked, what is
		// typed is still recorded.
		{
			const context = await browser.newContext({ baseURL });
			const page = await context.newPage();
			page.on('console', (msg) => {
				if (CSP_MESSAGE.test(msg.text())) violations.push(`recorder: ${msg.text()}`);
			});
			await page.route('**/_app/immutable/**', (route) => route.abort());
			await page.goto('/login');
			await page.fill('input[name="email"]', 'avant@example.dz');
			assert.equal(await page.evaluate(() => window.__waslaTyped?.size ?? -1), 1, 'the inline recorder ran');
			assert.deepEqual(violations, []);
			await context.close();
		}
	});

	// ---- 9. language: GET changes no account; the switcher posts, without JavaScript -------------
	await part('language', async () => {
		const ip = '10.91.0.3';
		const email = `lang.${Date.now().toString(36)}@example.dz`;
		const password = 'motdepasse-solide-42';
		const reg = await fetch(`${baseURL}/api/v1/auth/register`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
			body: JSON.stringify({ email, password, role: 'brand', name: 'Boutique Langues' })
		});
		assert.equal(reg.status, 201);
		const cookie = await sessionCookie(baseURL, email, password, ip);
		assert.equal((await me(baseURL, cookie)).locale, 'fr');

		// A link on another site, followed in the browser with the Lax session cookie.
		const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'fr-FR', viewport: { width: 360, height: 740 } });
		await context.addCookies([{ name: 'wasla_session', value: cookie.slice('wasla_session='.length), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
		const page = await context.newPage();
		await page.route('http://evil.example/**', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><a id="go" href="${baseURL}/lang?to=ar&amp;next=/settings">Wasla</a>` }));
		await page.goto('http://evil.example/');
		await page.click('#go');
		await page.waitForURL((url) => url.pathname === '/settings');
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl', 'the display language follows the link');
		// (On /settings, not /login: the session cookie went with the request.)
		assert.equal((await me(baseURL, cookie)).locale, 'fr', 'a cross-site link does not change the account language');

		// A plain GET (what a link, an <img> or a prefetch does) sets the display cookie only.
		const get = await fetch(`${baseURL}/lang?to=ar&next=/settings`, { headers: { cookie }, redirect: 'manual' });
		assert.equal(get.status, 303);
		assert.equal(get.headers.get('location'), '/settings');
		assert.match(get.headers.getSetCookie().join('\n'), /wasla_lang=ar/);
		assert.equal((await me(baseURL, cookie)).locale, 'fr', 'GET /lang does not save the account language');

		// A cross-site POST is refused and changes nothing.
		const forged = await fetch(`${baseURL}/lang`, {
			method: 'POST',
			headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'to=en&next=/',
			redirect: 'manual'
		});
		assert.equal(forged.status, 403);
		assert.equal((await me(baseURL, cookie)).locale, 'fr');

		// The header switcher, without JavaScript, at 360 px: a form post that saves the account.
		const english = page.locator('header form[action="/lang"] button[value="en"]');
		assert.equal(await english.count(), 1, 'the signed-in switcher is a form with one button per language');
		assert.equal(await english.getAttribute('lang'), 'en');
		await english.click();
		await page.waitForURL((url) => url.pathname === '/settings');
		assert.equal(await page.getAttribute('html', 'lang'), 'en');
		assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
		assert.equal((await me(baseURL, cookie)).locale, 'en', 'the switcher saved the account language');
		assert.equal(await page.locator('header form[action="/lang"] button[aria-current="true"]').getAttribute('value'), 'en');
		await screenshot('switcher-en-360', page);

		// The settings form too (radio + submit), back to Arabic, right to left.
		await page.locator('main input[name="to"][value="ar"]').check();
		await page.locator('main form[action="/lang"] button[type="submit"]').click();
		await page.waitForURL((url) => url.pathname === '/settings');
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		assert.equal((await me(baseURL, cookie)).locale, 'ar', 'the settings form saved the account language');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px)`);
		await screenshot('switcher-ar-360', page);
		// Keyboard: the switcher's buttons are reachable with Tab and named by their language.
		const names = await page.locator('header form[action="/lang"] button').evaluateAll((els) => els.map((el) => [el.textContent?.trim(), el.tabIndex]));
		assert.deepEqual(names, [
			['Français', 0],
			['العربية', 0],
			['English', 0]
		]);
		await context.close();

		// Guests keep plain links (no account to save).
		const guest = await fetch(`${baseURL}/login`);
		assert.match(await guest.text(), /href="\/lang\?to=ar&amp;next=/);
	});

	// ---- 8. a broken multipart body gives a 400 problem on every form action ---------------------
	await part('broken form posts', async () => {
		const agreements = await fetch(`${baseURL}/api/v1/agreements`, { headers: { cookie: brandCookie } }).then((r) => r.json());
		const actions = formActions({
			'campaigns/id': 'seed-ca-01',
			'applications/id': 'seed-ap-02-demo',
			'agreements/id': agreements.agreements?.[0]?.id ?? 'nope',
			handle: 'imene.beauty.blida'
		});
		assert.ok(actions.length >= 30, `found ${actions.length} form actions`);
		/** url → what each caller got that was not the 400 problem ("brand 500", "guest 303"…). */
		const wrong = new Map();
		for (const [who, cookie] of [
			['guest', ''],
			['brand', brandCookie],
			['creator', creatorCookie]
		]) {
			for (const { url } of actions) {
				for (const [type, body] of BROKEN) {
					for (const accept of ['text/html', 'application/json']) {
						const res = await fetch(`${baseURL}${url}`, {
							method: 'POST',
							headers: { 'content-type': type, accept, origin: baseURL, ...(cookie ? { cookie } : {}) },
							body,
							redirect: 'manual'
						});
						const text = await res.text();
						let code = null;
						try {
							code = JSON.parse(text).code;
						} catch {
							/* not JSON */
						}
						if (res.status !== 400 || !/^application\/problem\+json/.test(res.headers.get('content-type') ?? '') || code !== 'malformed_form') {
							wrong.set(url, new Set([...(wrong.get(url) ?? []), `${who} ${res.status}`]));
						}
					}
				}
			}
		}
		const report = [...wrong].map(([url, got]) => `${url}: ${[...got].join(', ')}`);
		const with5xx = [...wrong.values()].filter((got) => [...got].some((g) => / 5\d\d$/.test(g))).length;
		assert.deepEqual(report, [], `${wrong.size} of ${actions.length} form actions do not answer a broken body with 400 malformed_form (${with5xx} with a 5xx)`);
	});

	await part('other bodies', async () => {
		// The problem is in the visitor's language, and the same guard covers POST /lang.
		const ar = await fetch(`${baseURL}/lang`, { method: 'POST', headers: { 'content-type': BROKEN[0][0], cookie: 'wasla_lang=ar' }, body: BROKEN[0][1] });
		assert.equal(ar.status, 400);
		const arProblem = await ar.json();
		assert.equal(arProblem.code, 'malformed_form');
		assert.match(arProblem.detail, /[\u0600-\u06FF]/, 'Arabic detail');
		// Not a form at all: 415, not a 500 (text/plain is a form type for SvelteKit, not for us).
		for (const type of ['text/plain', 'application/json']) {
			const res = await fetch(`${baseURL}/login`, { method: 'POST', headers: { 'content-type': type }, body: type === 'text/plain' ? 'email=a' : '{"email":"a"}' });
			assert.equal(res.status, 415, `${type} on a form action`);
			assert.equal((await res.json()).code, 'unsupported_media_type');
		}
		// Too large: 413 before any action reads it.
		const big = await fetch(`${baseURL}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: `email=${'a'.repeat(17 * 1024 * 1024)}`
		});
		assert.equal(big.status, 413, 'oversized form post');
		assert.equal((await big.json()).code, 'payload_too_large');
		// Nothing changed: the broken logout posts did not end the sessions.
		assert.equal((await fetch(`${baseURL}/api/v1/me`, { headers: { cookie: brandCookie } })).status, 200, 'brand still signed in');
		assert.equal((await fetch(`${baseURL}/api/v1/me`, { headers: { cookie: creatorCookie } })).status, 200, 'creator still signed in');
	});

	assert.deepEqual(failed, [], `${failed.length} part(s) failed`);
}
