// Forgotten password, the first hour (issue 14, point 9), on a 360 px phone. In French: a
// creator signed in on another device forgets the password, follows "Mot de passe oublié ?"
// from the login page, asks for a link (an empty address first: the error is linked to the
// field), reads the email in the local SMTP inbox, opens the link (loading it twice leaves it
// working), is refused a too-short password, sets a good one and lands signed in; the other
// device is signed out, the used link says it no longer works, and only the new password
// signs in. In Arabic, without JavaScript: a brand asks for a link from the Arabic login
// page, the email comes in Arabic, and the link's page sets the password right to left.
import { apiClient as client } from './api-client.mjs';
import { PASSWORD, PHONE, fits, signedIn } from './phone.mjs';

export const name = 'password reset: link from the login page, email from the SMTP inbox, new password signs in and ends the other sessions (fr, ar without JS, 360 px)';

const LINK = /https?:\/\/[^\s]+\/password-reset\/[A-Za-z0-9_-]{43}/;

/** Opens the newest message for `to` whose subject is `subject` in the web inbox and returns its text part. */
async function readMail(context, inboxURL, to, subject) {
	const inbox = await context.newPage();
	const message = inbox.locator(`a.message[data-to="${to}"]`).filter({ hasText: subject });
	const until = Date.now() + 60_000;
	await inbox.goto(inboxURL);
	while ((await message.count()) === 0) {
		if (Date.now() > until) throw new Error(`no "${subject}" for ${to} in ${inboxURL}`);
		await inbox.waitForTimeout(500);
		await inbox.reload();
	}
	await message.first().click();
	await inbox.waitForURL(/\/m\/\d+$/);
	const text = await inbox.locator('#text-part').innerText();
	return { inbox, text };
}

export async function run({ browser, baseURL, inboxURL, screenshot, assert }) {
	assert.ok(inboxURL, 'npm start printed the inbox URL');
	const stamp = Date.now().toString(36);
	const api = client(baseURL, '10.83.0.1');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const creatorEmail = `createur.oubli.${stamp}@example.dz`;
	const brandEmail = `marque.oubli.${stamp}@example.dz`;
	await ok(await api('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: 'Lina Tlemcen', locale: 'fr' } }), 201);
	await ok(await api('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Zitouna Kabylie', locale: 'ar' } }), 201);

	// ---- another device, still signed in -----------------------------------------------------------
	const other = await signedIn(browser, baseURL, creatorEmail, 'fr', '10.83.1.1');
	assert.equal(new URL(other.page.url()).pathname, '/dashboard');

	// ---- French, phone: from the login page to the emailed link ----------------------------------------
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': '10.83.2.1' } });
	await context.addCookies([{ name: 'wasla_lang', value: 'fr', url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.getByRole('link', { name: 'Mot de passe oublié\u00a0?' }).click();
	await page.waitForURL((url) => url.pathname === '/password-reset');
	assert.equal(await page.locator('h1').innerText(), 'Mot de passe oublié');
	await fits(page, assert, 'fr /password-reset');

	// An empty address: the error is said, and tied to the field.
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	const emailInput = page.locator('#reset-email');
	await page.locator('#reset-email-error').waitFor();
	assert.equal(await emailInput.getAttribute('aria-invalid'), 'true');
	assert.match((await emailInput.getAttribute('aria-describedby')) ?? '', /reset-email-error/);

	await page.getByLabel('Adresse e-mail').fill(creatorEmail);
	await page.getByRole('button', { name: 'Recevoir le lien' }).click();
	const sent = page.locator('#reset-sent');
	await sent.waitFor();
	assert.ok((await sent.innerText()).includes(creatorEmail), 'the confirmation repeats the address');
	assert.equal(await sent.locator('bdi').getAttribute('dir'), 'ltr');
	await fits(page, assert, 'fr link sent');
	await screenshot('fr-phone-link-sent', page);

	const { inbox, text } = await readMail(context, inboxURL, creatorEmail, 'Réinitialiser votre mot de passe Wasla');
	assert.ok(text.includes('30\u00a0minutes'), 'the email says how long the link works');
	await screenshot('fr-inbox-reset-email', inbox);
	const link = LINK.exec(text)?.[0];
	assert.ok(link, `a reset link in: ${text}`);
	assert.ok(link.startsWith(`${baseURL}/password-reset/`), `the link points at this app: ${link}`);

	// ---- the link: opening it twice uses nothing; a short password is refused; a good one signs in ----
	await page.goto(link);
	await page.reload();
	assert.equal(await page.locator('h1').innerText(), 'Choisir un nouveau mot de passe');
	const newPassword = 'un-nouveau-départ-2026';
	await page.getByLabel('Nouveau mot de passe').fill('court');
	// The browser's own minlength check is bypassed, so the server's rule answers.
	await page.locator('#reset-password').evaluate((el) => el.removeAttribute('minlength'));
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	await page.locator('#reset-password-error').waitFor();
	assert.equal(await page.locator('#reset-password-error').innerText(), 'Le mot de passe doit contenir entre 8 et 128 caractères.');
	assert.match((await page.locator('#reset-password').getAttribute('aria-describedby')) ?? '', /reset-password-error/);
	await fits(page, assert, 'fr new password refused');
	await screenshot('fr-phone-password-refused', page);

	await page.getByLabel('Nouveau mot de passe').fill(newPassword);
	await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	await fits(page, assert, 'fr dashboard after reset');
	await screenshot('fr-phone-signed-in-after-reset', page);

	// The other device's session ended: its next page asks to sign in.
	await other.page.reload();
	await other.page.waitForURL((url) => url.pathname === '/login');

	// The used link no longer works, and says what to do.
	await page.goto(link);
	await page.locator('#reset-invalid').waitFor();
	assert.equal(await page.locator('h1').innerText(), 'Ce lien ne fonctionne plus');
	await fits(page, assert, 'fr used link');

	// Links that were never ours: the same page, never a 5xx.
	for (const odd of ['nope', 'x'.repeat(300), '%E2%82%AC', '..%2F..%2Fetc', `${link.split('/').pop()}x`]) {
		const res = await fetch(`${baseURL}/password-reset/${odd}`, { headers: { cookie: 'wasla_lang=fr', 'cf-connecting-ip': '10.83.2.9' } });
		assert.equal(res.status, 200, `/password-reset/${odd.slice(0, 20)}…`);
		assert.ok((await res.text()).includes('Ce lien ne fonctionne plus'), `/password-reset/${odd.slice(0, 20)}… says the link does not work`);
	}

	// Only the new password signs in.
	assert.equal((await api('/auth/login', { json: { email: creatorEmail, password: PASSWORD } })).status, 401);
	assert.equal((await api('/auth/login', { json: { email: creatorEmail, password: newPassword } })).status, 200);

	// ---- Arabic, phone, without JavaScript: the brand resets from the Arabic login page ---------------
	const arContext = await browser.newContext({ baseURL, locale: 'ar-DZ', viewport: PHONE, javaScriptEnabled: false, extraHTTPHeaders: { 'cf-connecting-ip': '10.83.3.1' } });
	await arContext.addCookies([{ name: 'wasla_lang', value: 'ar', url: baseURL }]);
	const ar = await arContext.newPage();
	await ar.goto('/login');
	assert.equal(await ar.locator('html').getAttribute('dir'), 'rtl');
	await ar.getByRole('link', { name: 'نسيت كلمة المرور؟' }).click();
	await ar.waitForURL((url) => url.pathname === '/password-reset');
	await ar.getByLabel('البريد الإلكتروني').fill(brandEmail);
	await ar.getByRole('button', { name: 'استلام الرابط' }).click();
	await ar.locator('#reset-sent').waitFor();
	await fits(ar, assert, 'ar link sent');
	await screenshot('ar-phone-link-sent', ar);

	const arMail = await readMail(arContext, inboxURL, brandEmail, 'إعادة تعيين كلمة مرور حسابك في وصلة');
	const arLink = LINK.exec(arMail.text)?.[0];
	assert.ok(arLink, `a reset link in: ${arMail.text}`);
	await ar.goto(arLink);
	assert.equal(await ar.locator('h1').innerText(), 'اختيار كلمة مرور جديدة');
	assert.equal(await ar.locator('#reset-password').evaluate((el) => getComputedStyle(el).direction), 'ltr');
	await fits(ar, assert, 'ar new password');
	await screenshot('ar-phone-new-password', ar);
	await ar.getByLabel('كلمة المرور الجديدة').fill('كلمة-سر-جديدة-2026');
	await ar.getByRole('button', { name: 'حفظ وتسجيل الدخول' }).click();
	await ar.waitForURL((url) => url.pathname === '/dashboard');
	assert.equal((await api('/auth/login', { json: { email: brandEmail, password: 'كلمة-سر-جديدة-2026' } })).status, 200);

	assert.deepEqual(errors, [], 'no page errors');
	assert.deepEqual(other.errors, [], 'no page errors on the other device');
}
