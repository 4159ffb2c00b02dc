// Core forms work without JavaScript (plain form actions), keep what the user typed when
// refused, and a form post from another site changes nothing.
import { openMenu } from './phone.mjs';
export const name = 'forms without JavaScript, and cross-site form posts refused';

export async function run({ browser, baseURL, screenshot, assert }) {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'ar-DZ', viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	const email = `nojs.${Date.now().toString(36)}@example.dz`;

	// Arabic from Accept-Language; a refused sign-up re-renders with the values kept.
	await page.goto('/signup');
	assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
	await page.locator('input[name="role"][value="creator"]').check({ force: true });
	await page.fill('input[name="name"]', 'Amina Blida');
	await page.fill('input[name="email"]', 'pas-un-email');
	await page.fill('input[name="password"]', 'court');
	await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
	await page.waitForLoadState('domcontentloaded');
	assert.equal(new URL(page.url()).pathname, '/signup', 'stays on the form');
	assert.equal(await page.inputValue('input[name="name"]'), 'Amina Blida', 'name kept');
	assert.equal(await page.inputValue('input[name="email"]'), 'pas-un-email', 'email kept');
	assert.equal(await page.inputValue('input[name="password"]'), '', 'password not echoed back');
	assert.ok(
		await page
			.locator('[role="alert"]')
			.first()
			.textContent()
			.then((t) => /البريد الإلكتروني غير صالح/.test(t ?? '')),
		'Arabic field error in the summary'
	);
	assert.equal(await page.getAttribute('input[name="email"]', 'aria-invalid'), 'true');
	await screenshot('signup-errors-ar-nojs', page);

	// Then a valid sign-up, the creator dashboard, and logout — all without JavaScript.
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', 'motdepasse-solide-42');
	await page.locator('#signup-terms').check();
	await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	assert.equal(await page.locator('h1').count(), 1);
	await screenshot('dashboard-creator-ar-nojs', page);
	// On a phone the logout button is in the header's Menu, a <details> that opens without JavaScript too.
	await openMenu(page);
	await page.locator('form[action="/logout"] button').first().click();
	await page.waitForURL((url) => url.pathname !== '/dashboard');
	assert.equal(
		(await context.cookies()).find((c) => c.name === 'wasla_session'),
		undefined,
		'signed out'
	);

	// Login form without JavaScript.
	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', 'motdepasse-solide-42');
	await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	await context.close();

	// A page on another site posting the sign-up form: refused with 403, no account made.
	const forgedEmail = `forged.${Date.now()}@example.dz`;
	const forged = await fetch(`${baseURL}/signup`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', accept: 'text/html' },
		body: new URLSearchParams({ role: 'brand', name: 'Forged', email: forgedEmail, password: 'motdepasse-solide-42' }),
		redirect: 'manual'
	});
	assert.equal(forged.status, 403, 'cross-site form post refused');
	assert.equal(forged.headers.get('set-cookie'), null, 'no session created');
	const login = await fetch(`${baseURL}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: forgedEmail, password: 'motdepasse-solide-42' })
	});
	assert.equal(login.status, 401, 'the forged account does not exist');
}
