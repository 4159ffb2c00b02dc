// The agreement journey in French, then the signed agreement in Arabic: the demo brand
// accepts the demo creator's shortlisted application, opens its agreement from the
// application page, edits the fee (and what the brand must give to send); sending without the
// creator's legal name is refused with a summary naming it, the creator fills it on the agreement
// page, the brand sends; the creator asks for a code, reads it from the dev outbox, signs; the brand signs too; both
// see it signed, with an intact audit chain, and the certificate names each signer's browser
// and Algiers times. Works on the seeded demo data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const name = 'agreements: edit, send, code by email, sign both sides (fr), signed page (ar)';

const DEMO_BRAND = { email: 'demo.marque@wasla.dz', password: 'wasla-demo-2026' };
const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };
/** A shortlisted application of the demo creator to a demo brand campaign (db/seed). */
const APPLICATION = 'seed-ap-02-demo';
const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };

async function signedIn(browser, baseURL, who, lang, ip, viewport = DESKTOP) {
	const context = await browser.newContext({ baseURL, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', viewport, extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.fill('input[name="email"]', who.email);
	await page.fill('input[name="password"]', who.password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');
	return { context, page, errors };
}

/** The latest signing code emailed to `to`, from the development outbox. */
async function codeFor(page, to) {
	const res = await page.request.get(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}`);
	if (!res.ok()) throw new Error(`GET /api/v1/dev/outbox → ${res.status()}`);
	const { messages } = await res.json();
	const mail = messages.find((m) => m.to === to && /\d{3}\s?\d{3}/.test(m.subject));
	if (!mail) throw new Error(`no signing code in the outbox for ${to}`);
	return /(\d{3})\s?(\d{3})/.exec(mail.subject).slice(1).join('');
}

async function text(page, selector) {
	return (await page.locator(selector).first().innerText()).trim();
}

async function signOnPage(page, assert, agreementPath, { email, fullName }, shot = async () => {}) {
	await page.goto(`${agreementPath}/sign`);
	assert.match(await page.locator('.agr-legal').first().innerText(), /Signature électronique simple \(non qualifiée\) — loi 15-04/);
	await page.locator('form[action="?/code"] button[type="submit"]').click();
	await page.locator('#code-sent').waitFor();
	const code = await codeFor(page, email);
	assert.match(code, /^\d{6}$/);
	// A wrong code first: refused with a translated field error, nothing signed.
	const wrong = code === '000000' ? '111111' : '000000';
	await page.fill('input[name="fullName"]', fullName);
	await page.locator('input[name="consent"]').check();
	await page.fill('input[name="code"]', wrong);
	await page.locator('form[action="?/sign"] button[type="submit"]').click();
	await page.locator('#sign-code-error').waitFor();
	await shot(page);
	assert.match(await text(page, '#sign-code-error'), /Code incorrect/);
	assert.equal(await page.inputValue('input[name="fullName"]'), fullName, 'the typed name is kept after a refusal');
	assert.equal(await page.locator('input[name="code"]').getAttribute('autocomplete'), 'one-time-code');
	// Then the right one.
	await page.fill('input[name="code"]', code);
	if (!(await page.locator('input[name="consent"]').isChecked())) await page.locator('input[name="consent"]').check();
	await page.locator('form[action="?/sign"] button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === agreementPath && url.searchParams.has('done'));
}

export async function run({ browser, baseURL, screenshot, assert }) {
	// --- the brand accepts and opens the agreement from the application page ---------------------
	const brand = await signedIn(browser, baseURL, DEMO_BRAND, 'fr', '10.70.1.1');
	let page = brand.page;
	await page.goto(`/applications/${APPLICATION}`);
	await page.locator('form[action="?/accept"] button').first().click();
	await page.locator('#view-agreement').waitFor();
	await page.locator('#view-agreement').click();
	await page.waitForURL((url) => /^\/agreements\/[^/]+$/.test(url.pathname));
	const agreementPath = new URL(page.url()).pathname;
	assert.equal(await text(page, '#agreement-status'), 'Brouillon');
	assert.match(await page.locator('.agr-legal').first().innerText(), /Signature électronique simple \(non qualifiée\) — loi 15-04/);

	// The list shows it too.
	await page.goto('/agreements');
	assert.ok(await page.locator(`a[href="${agreementPath}"]`).count(), 'the agreement is in the brand’s list');

	// --- edit the fee (and what sending needs), keeping the schedule equal to the fee -----------
	await page.goto(agreementPath);
	await page.locator(`a[href="${agreementPath}/edit"]`).first().click();
	await page.waitForURL((url) => url.pathname === `${agreementPath}/edit`);
	// A schedule that does not add up is refused, with the values kept and the summary focused.
	await page.fill('input[name="fee.amountDzd"]', '20 000');
	await page.locator('form.agr-form button[type="submit"]').click();
	await page.locator('#paymentSchedule-error').waitFor();
	assert.match(await text(page, '#paymentSchedule-error'), /échéances doivent totaliser/);
	assert.equal(await page.inputValue('input[name="fee.amountDzd"]'), '20 000');
	assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus moves to the error summary');
	await page.fill('input[name="paymentSchedule.0.amountDzd"]', '10000');
	await page.fill('input[name="paymentSchedule.1.amountDzd"]', '10000');
	await page.fill('input[name="parties.brand.representative"]', 'Yasmine Benali, gérante');
	if (!(await page.inputValue('input[name="publicationWindow.from"]'))) await page.fill('input[name="publicationWindow.from"]', '2026-12-10');
	if (!(await page.inputValue('input[name="publicationWindow.to"]'))) await page.fill('input[name="publicationWindow.to"]', '2026-12-20');
	await page.fill('textarea[name="note"]', 'Rémunération portée à 20 000 DA.');
	await page.locator('form.agr-form button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === agreementPath && url.searchParams.get('done') === 'saved');
	assert.match(await text(page, '#agreement-done'), /Conditions enregistrées \(version 2\)/);
	assert.match(await page.locator('#clauses-title ~ ol').innerText(), /20\s000\sDA/);
	// The diff of version 2 against version 1 names the fee change.
	const diff = await page.locator('#diff').innerText();
	assert.match(diff, /16\s?000/, 'the old fee is in the diff');
	assert.match(diff, /20\s?000/, 'the new fee is in the diff');
	await screenshot('fr-1-brand-edited', page);

	// --- send: the creator's legal name is missing, and the page says so ------------------------
	assert.match(await text(page, '#todo'), /Nom légal du créateur · à compléter par le créateur/);
	await page.locator('form[action="?/send"] button').click();
	await page.locator('#send-errors .error-summary').waitFor();
	assert.match(await text(page, '#send-errors'), /Nom légal du créateur\u00a0: à compléter par le créateur/);
	assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus moves to the send summary');
	assert.equal(await text(page, '#agreement-status'), 'Brouillon');

	// --- the creator gives their legal name on the agreement page --------------------------------
	const creator = await signedIn(browser, baseURL, DEMO_CREATOR, 'fr', '10.70.2.1', MOBILE);
	const cpage = creator.page;
	await cpage.goto(agreementPath);
	await cpage.locator('#todo a[href="#cd-legalName"]').click();
	assert.equal(await cpage.evaluate(() => document.activeElement?.id), 'cd-legalName', 'the checklist link focuses the input');
	await cpage.fill('#cd-legalName', 'Imène Saidi');
	await cpage.locator('#creator-details button').click();
	await cpage.waitForURL((url) => url.searchParams.get('done') === 'details');
	assert.match(await text(cpage, '#agreement-done'), /Votre identité légale est dans le contrat \(version 3\)/);

	// --- the brand sends -------------------------------------------------------------------------
	await page.goto(agreementPath);
	assert.equal(await page.locator('#todo').count(), 0, 'nothing left to complete');
	await page.locator('form[action="?/send"] button').click();
	await page.waitForURL((url) => url.searchParams.get('done') === 'sent');
	assert.equal(await text(page, '#agreement-status'), 'En attente de signature');

	// --- the creator signs -----------------------------------------------------------------------
	await cpage.goto('/agreements');
	await cpage.locator(`a[href="${agreementPath}"]`).first().click();
	await cpage.waitForURL((url) => url.pathname === agreementPath);
	await cpage.locator(`a[href="${agreementPath}/sign"]`).first().click();
	await cpage.waitForURL((url) => url.pathname === `${agreementPath}/sign`);
	await signOnPage(cpage, assert, agreementPath, { email: DEMO_CREATOR.email, fullName: 'Imène Saidi' }, (p) => screenshot('fr-2a-creator-wrong-code-mobile', p));
	assert.match(await text(cpage, '#agreement-done'), /Votre signature est enregistrée/);
	assert.equal(await text(cpage, '#agreement-status'), 'En attente de signature');
	await screenshot('fr-2-creator-signed-mobile', cpage);

	// --- the brand signs: completed --------------------------------------------------------------
	await signOnPage(page, assert, agreementPath, { email: DEMO_BRAND.email, fullName: 'Yasmine Benali' });
	assert.match(await text(page, '#agreement-done'), /les deux parties ont signé/i);
	assert.equal(await text(page, '#agreement-status'), 'Signé');
	assert.match(await page.locator('.agr-timeline').innerText(), /Conclu/);
	assert.match(await text(page, '#audit-chain'), /Chaîne d’empreintes intacte/);
	for (const lang of ['fr', 'ar', 'en']) assert.ok(await page.locator(`a[href="/api/v1/agreements/${agreementPath.split('/').pop()}/pdf?lang=${lang}"]`).count(), `download link in ${lang}`);
	await screenshot('fr-3-brand-completed', page);

	// Issue 14, point 11: signed in the browser, the certificate records each signer's browser
	// (the pages forward the User-Agent to the API) and the times in Algiers time, no raw ISO.
	const pdf = await page.request.get(`/api/v1/agreements/${agreementPath.split('/').pop()}/pdf?lang=fr`);
	assert.equal(pdf.status(), 200);
	const pdfFile = path.join(mkdtempSync(path.join(tmpdir(), 'wasla-cert-')), 'agreement-fr.pdf');
	writeFileSync(pdfFile, await pdf.body());
	const certificate = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
	const userAgents = [await cpage.evaluate(() => navigator.userAgent), await page.evaluate(() => navigator.userAgent)];
	assert.equal(certificate.match(/Navigateur/g)?.length, 2, 'a browser row for each signer');
	// A user agent wraps onto two lines of the value column: each of its words is there.
	for (const ua of userAgents) for (const word of ua.split(' ')) assert.ok(certificate.includes(word), `the certificate holds "${word}" of ${ua}`);
	assert.match(certificate, /\(heure d’Alger\)/, 'signing times in Algiers time');
	assert.doesNotMatch(certificate, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'no raw ISO time');
	await cpage.goto(agreementPath);
	assert.equal(await text(cpage, '#agreement-status'), 'Signé');

	// --- the signed agreement in Arabic ------------------------------------------------------------
	const ar = await signedIn(browser, baseURL, DEMO_CREATOR, 'ar', '10.70.3.1', MOBILE);
	await ar.page.goto(agreementPath);
	const html = await ar.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
	assert.deepEqual(html, { lang: 'ar', dir: 'rtl' });
	assert.equal(await text(ar.page, '#agreement-status'), 'موقّع');
	assert.match(await ar.page.locator('.agr-legal').first().innerText(), /توقيع إلكتروني بسيط \(غير موصوف\)/);
	await screenshot('ar-4-creator-signed', ar.page);

	for (const [who, errs] of [
		['brand', brand.errors],
		['creator', creator.errors],
		['creator ar', ar.errors]
	])
		assert.deepEqual(errs, [], `no page errors (${who})`);
}
