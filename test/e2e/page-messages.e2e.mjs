// Only the language in use is downloaded (issue 14, point 12): a page's JavaScript holds no
// UI catalogue; the page is sent its own messages, in its reader's language, with its data
// (scripts/i18n-route-keys.mjs picks them per route at build time). Checked on the pages a
// guest meets first: no script holds the French, Arabic or English text of any message, the
// page's HTML holds its own messages and not another page's, its JavaScript stays within the
// 60 KB (gzip) budget, and pages reached by client-side navigation, in French and then in
// Arabic, are worded in full (no message shows as its key, none is reported missing). A
// rendered page holds its messages once, in a JSON script the browser reads when it hydrates,
// not again in its serialized data.
import { gzipSync } from 'node:zlib';
import { PHONE } from './phone.mjs';

export const name = 'a page downloads only its own messages in the language in use; client-side navigation stays translated';

const BUDGET_KB = 60;

/** Opens `path` in a fresh phone context in `lang`; returns the HTML, every script body, and the main heading. */
async function load(browser, baseURL, lang, path) {
	const context = await browser.newContext({ baseURL, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': '10.89.0.1' } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const scripts = [];
	page.on('response', async (res) => {
		if (new URL(res.url()).pathname.endsWith('.js')) scripts.push({ url: res.url(), body: await res.text().catch(() => '') });
	});
	const res = await page.goto(path, { waitUntil: 'networkidle' });
	const html = await res.text();
	const h1 = (await page.locator('h1').first().innerText()).trim();
	await context.close();
	return { html, scripts, h1 };
}

export async function run({ browser, baseURL, assert }) {
	// Headings written once per language, each the message of one page only.
	const home = { fr: await load(browser, baseURL, 'fr', '/'), ar: await load(browser, baseURL, 'ar', '/'), en: await load(browser, baseURL, 'en', '/') };
	const verify = { fr: await load(browser, baseURL, 'fr', '/verify'), ar: await load(browser, baseURL, 'ar', '/verify') };
	const squash = (s) => s.replace(/\s+/g, ' ');
	assert.notEqual(home.fr.h1, home.ar.h1, 'the home page is worded per language');

	for (const [lang, { html, scripts }] of Object.entries(home)) {
		assert.ok(scripts.length > 0, `the home page (${lang}) loads its JavaScript`);
		for (const { url, body } of scripts) {
			for (const other of Object.values(home)) assert.ok(!squash(body).includes(other.h1), `${url} holds no home-page message (${other.h1})`);
			assert.ok(!squash(body).includes(verify.fr.h1) && !squash(body).includes(verify.ar.h1), `${url} holds no other page's message`);
		}
		const kb = scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0) / 1024;
		assert.ok(kb <= BUDGET_KB, `the home page (${lang}) downloads ${kb.toFixed(1)} KB of JavaScript (gzip), over the ${BUDGET_KB} KB budget`);
		// The HTML carries this page's messages in its language only, not another page's.
		assert.ok(html.includes(home[lang].h1), `the ${lang} home page's HTML holds its heading`);
		for (const [other, page] of Object.entries(home)) if (other !== lang) assert.ok(!html.includes(page.h1), `the ${lang} home page's HTML holds no ${other} text`);
		assert.ok(!html.includes(verify.fr.h1) && !html.includes(verify.ar.h1), `the ${lang} home page's HTML holds no message of /verify`);
		// Once, as JSON in one script element, not again in the serialized page data (Worker CPU per render: $lib/i18n/page-messages.ts).
		const blocks = [...html.matchAll(/<script type="application\/json" id="wasla-messages"[^>]*>([^<]*)<\/script>/g)];
		assert.equal(blocks.length, 1, `the ${lang} home page's HTML holds its messages in one JSON script`);
		const messages = Object.values(JSON.parse(blocks[0][1])).map(String);
		assert.ok(messages.length > 10, `the ${lang} messages script holds the page's messages (${messages.length})`);
		const data = html.slice(html.indexOf('data: ['));
		assert.ok(data.includes("app.decode('PageMessages', [])"), `the ${lang} page data refers to the messages script`);
		const longest = messages.filter((m) => !/["\\<\n]/.test(m)).sort((a, b) => b.length - a.length)[0];
		assert.ok(longest.length > 20 && !data.includes(longest), `the ${lang} page data does not repeat the messages`);
	}

	// ---- client-side navigation: each page's messages come with its data ----------------------------
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': '10.89.0.2' } });
	const page = await context.newPage();
	const problems = [];
	page.on('console', (m) => m.text().includes('i18n.missing_key') && problems.push(m.text()));
	page.on('pageerror', (e) => problems.push(e.message));
	await page.goto('/', { waitUntil: 'networkidle' });
	/** Whole-page loads after the first: the router must change pages without one. */
	const documents = [];
	page.on('request', (r) => r.resourceType() === 'document' && documents.push(r.url()));
	await page.click('main a[href="/login"]');
	await page.waitForURL('**/login');
	await page.click('main a[href="/signup"]');
	await page.waitForURL('**/signup');
	assert.deepEqual(documents, [], 'the router changed pages without reloading');
	const signupFr = (await page.locator('h1').innerText()).trim();
	assert.ok(signupFr.length > 0 && !/^[a-z]+(\.[\w-]+)+$/.test(signupFr), `the signup page is worded (“${signupFr}”)`);

	// In Arabic (the language link reloads the page), then on to another page by the router.
	await page.goto('/lang?to=ar&next=%2Flogin');
	await page.waitForURL('**/login');
	assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
	await page.click('main a[href="/password-reset"]');
	await page.waitForURL('**/password-reset');
	const resetAr = (await page.locator('h1').innerText()).trim();
	assert.match(resetAr, /[\u0600-\u06ff]/, `the page reached by the router is in Arabic (“${resetAr}”)`);
	await page.click('main a[href="/login"]');
	await page.waitForURL('**/login');
	await page.click('main a[href="/signup"]');
	await page.waitForURL('**/signup');
	const signupAr = (await page.locator('h1').innerText()).trim();
	assert.match(signupAr, /[\u0600-\u06ff]/, `the signup page is in Arabic (“${signupAr}”)`);
	assert.notEqual(signupAr, signupFr);
	assert.deepEqual(problems, [], 'no message went missing and no script failed');
	await context.close();
}
