// Consent at sign-up (issue 15, point 6), in French on a 360 px phone without JavaScript:
// the sign-up form refuses an unticked "I accept the terms and the privacy notice" box with a
// French error and creates nothing, the legal pages it links to show their version and date
// (also from the footer, and in Arabic), and once accepted the export names the versions.
import { PHONE, fits } from './phone.mjs';

export const name = 'consent: the sign-up box, the legal pages and the export (fr, no JS, 360 px)';

export async function run({ browser, baseURL, screenshot, assert }) {
	const email = `consent.${Date.now().toString(36)}@example.dz`;
	const password = 'motdepasse-solide-42';
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: PHONE, javaScriptEnabled: false, extraHTTPHeaders: { 'cf-connecting-ip': '10.96.0.1' } });
	const page = await context.newPage();

	await page.goto('/signup');
	await page.waitForSelector('html[lang="fr"]', { state: 'attached' });
	await page.locator('input[name="role"][value="creator"]').check({ force: true });
	await page.fill('input[name="name"]', 'Yasmine Béjaïa');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', password);
	const box = page.locator('#signup-terms');
	assert.equal(await box.isChecked(), false, 'the box starts unticked');
	assert.equal((await page.locator('label[for="signup-terms"]').innerText()).trim(), 'J’accepte les conditions d’utilisation et la politique de confidentialité de Wasla');

	// Unticked: refused, in French, values kept, no account.
	await page.locator('form.signup button[type="submit"]').click();
	await page.waitForLoadState('domcontentloaded');
	assert.equal(new URL(page.url()).pathname, '/signup', 'stays on the form');
	assert.match(await page.locator('#signup-terms-error').innerText(), /Cochez cette case pour accepter les conditions d’utilisation/);
	assert.equal(await page.getAttribute('#signup-terms', 'aria-invalid'), 'true');
	assert.equal(await page.inputValue('input[name="email"]'), email, 'email kept');
	await fits(page, assert, 'sign-up with the error');
	await screenshot('consent-signup-error-fr-phone', page);
	const login = await fetch(`${baseURL}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'cf-connecting-ip': '10.96.0.2' },
		body: JSON.stringify({ email, password })
	});
	assert.equal(login.status, 401, 'no account was created');

	// The legal pages the form links to: version and date, readable on the phone.
	const termsHref = await page.locator('#signup-terms-links a').first().getAttribute('href');
	assert.equal(termsHref, '/legal/terms');
	const legal = await context.newPage();
	await legal.goto(termsHref);
	assert.equal((await legal.locator('h1').innerText()).trim(), 'Conditions d’utilisation');
	assert.match(await legal.locator('.legal-version').innerText(), /Version 2026-12-01, en vigueur depuis le 1 déc/);
	await fits(legal, assert, '/legal/terms');
	await screenshot('legal-terms-fr-phone', legal);
	await legal.locator('footer a[href="/legal/privacy"]').click();
	await legal.waitForURL((url) => url.pathname === '/legal/privacy');
	assert.equal((await legal.locator('h1').innerText()).trim(), 'Politique de confidentialité');
	assert.match(await legal.locator('main').innerText(), /Europe de l’Ouest/);
	await fits(legal, assert, '/legal/privacy');
	await legal.goto('/lang?to=ar&next=/legal/privacy');
	await legal.waitForSelector('html[lang="ar"][dir="rtl"]', { state: 'attached' });
	assert.equal((await legal.locator('h1').innerText()).trim(), 'سياسة الخصوصية');
	await fits(legal, assert, '/legal/privacy (ar)');
	await screenshot('legal-privacy-ar-phone', legal);
	await legal.goto('/lang?to=fr&next=/signup');
	await legal.close();

	// Ticked: signed up; the export lists the accepted versions with the time and the source.
	await box.check();
	await page.fill('input[name="password"]', password);
	await page.locator('form.signup button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	const exported = await (await page.request.get('/api/v1/me/export')).json();
	assert.deepEqual(exported.consents.map((c) => `${c.document}@${c.version}:${c.source}:${c.locale}`).sort(), ['privacy@2026-12-01:web:fr', 'terms@2026-12-01:web:fr']);
	assert.ok(
		exported.consents.every((c) => /Z$/.test(c.acceptedAt)),
		'acceptance times in UTC'
	);
	assert.deepEqual(
		exported.storage.map((s) => s.service),
		['Cloudflare D1', 'Cloudflare R2', 'SMTP mail provider']
	);
	await context.close();
}
