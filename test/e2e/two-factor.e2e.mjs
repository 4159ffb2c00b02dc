// Two-factor authentication (issue 15, point 3), on a 360 px phone in French. A brand signs
// in, opens Paramètres → Sécurité, confirms the password, reads the key shown under the QR code
// (left to right, in groups of four) and computes the code from it as an authenticator app
// would, turns the factor on and gets ten recovery codes; signs out; signs in again: after the
// password the login asks for the code, refuses the code already used to turn it on (a
// replay), and accepts the next one. Then /reauth (what a sensitive change sends the browser
// to) takes the password and a recovery code and comes back, and the factor is turned off.
// The Security page is also opened in Arabic, right to left, with the key still left to right.
import { decodeBase32 } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { apiClient as client } from './api-client.mjs';
import { PASSWORD, fits, signedIn } from './phone.mjs';

export const name = 'two-factor: enrol from the shown key, sign out, sign in with the code (replay refused), reauth with a recovery code, turn off (fr, 360 px; ar page RTL)';

const step = (ms) => Math.floor(ms / 30_000);
const codeAt = (secret, s) => generateHOTP(secret, BigInt(s), 6);

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const email = `marque.2fa.${stamp}@example.dz`;
	const reg = await client(baseURL, '10.98.0.1')('/auth/register', { json: { email, password: PASSWORD, role: 'brand', name: 'Atlas Cosmétiques', locale: 'fr' } });
	assert.equal(reg.status, 201, await reg.text());

	const { context, page, errors } = await signedIn(browser, baseURL, email, 'fr', '10.98.1.1');
	await page.goto('/settings');
	await page.locator('#settings-security').click();
	await page.waitForURL((url) => url.pathname === '/settings/security');
	assert.equal(await page.locator('h1').innerText(), 'Sécurité du compte');
	assert.equal((await page.locator('#mfa-status').innerText()).trim(), 'Inactive.');
	await fits(page, assert, 'fr /settings/security');

	// A wrong password first: said on the field, nothing starts.
	await page.getByLabel('Mot de passe').fill('pas-le-bon');
	await page.getByRole('button', { name: 'Commencer' }).click();
	await page.locator('#enrol-password-error').waitFor();
	await page.getByLabel('Mot de passe').fill(PASSWORD);
	await page.getByRole('button', { name: 'Commencer' }).click();

	const qr = page.locator('.qr svg');
	await qr.waitFor();
	assert.equal(await page.locator('.qr').getAttribute('role'), 'img');
	const shown = (await page.locator('#totp-secret').innerText()).trim();
	assert.match(shown, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the key is shown in groups of four');
	assert.equal(await page.locator('.secret').getAttribute('dir'), 'ltr');
	await fits(page, assert, 'fr enrolment with QR code');
	await screenshot('fr-phone-enrol-qr', page);
	const secret = decodeBase32(shown.replaceAll(' ', ''));

	const enrolStep = step(Date.now());
	const enrolCode = codeAt(secret, enrolStep);
	await page.getByLabel('Code à 6\u00a0chiffres').fill(enrolCode);
	await page.getByRole('button', { name: 'Activer' }).click();
	const codes = page.locator('#recovery-codes li');
	await page.locator('#recovery-codes').waitFor();
	assert.equal(await codes.count(), 10);
	const recovery = (await codes.allInnerTexts()).map((c) => c.trim());
	for (const c of recovery) assert.match(c, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	assert.equal(await page.locator('#recovery-codes').getAttribute('dir'), 'ltr');
	await fits(page, assert, 'fr recovery codes');
	await screenshot('fr-phone-recovery-codes', page);
	await page.getByRole('link', { name: 'J’ai noté mes codes' }).click();
	await page.waitForURL((url) => url.pathname === '/settings/security');
	assert.match(await page.locator('#mfa-status').innerText(), /^Active depuis le /);

	// ---- sign out, sign in again: the password, then the code ---------------------------------------
	await page.goto('/logout');
	await page.locator('main form[action="/logout"] button[type="submit"], .card form[action="/logout"] button[type="submit"]').first().click();
	await page.waitForURL((url) => url.pathname === '/');
	await page.goto('/login?next=/settings/security');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/login/verify');
	assert.equal(await page.locator('h1').innerText(), 'Code de vérification');
	assert.ok(!(await context.cookies()).some((c) => c.name === 'wasla_session'), 'no session before the code');
	const pending = (await context.cookies()).find((c) => c.name === 'wasla_login');
	assert.ok(pending?.httpOnly, 'the pending login is an HttpOnly cookie');
	await fits(page, assert, 'fr /login/verify');

	// The code that turned the factor on is refused (a replay), if its step is still current.
	if (step(Date.now()) === enrolStep) {
		await page.getByLabel('Code').fill(enrolCode);
		await page.getByRole('button', { name: 'Vérifier' }).click();
		await page.locator('#login-code-error').waitFor();
		assert.equal(new URL(page.url()).pathname, '/login/verify');
	}
	// An authenticator shows the next code when the 30 seconds turn.
	while (step(Date.now()) <= enrolStep) await page.waitForTimeout(500);
	await page.getByLabel('Code').fill(codeAt(secret, step(Date.now())));
	await page.getByRole('button', { name: 'Vérifier' }).click();
	await page.waitForURL((url) => url.pathname === '/settings/security');
	assert.ok(
		(await context.cookies()).some((c) => c.name === 'wasla_session'),
		'signed in after the code'
	);
	assert.ok(!(await context.cookies()).some((c) => c.name === 'wasla_login'), 'the pending login is gone');

	// ---- /reauth with a recovery code, back to the page; then the factor goes off -----------------------
	await page.goto('/reauth?next=/settings/security');
	assert.equal(await page.locator('h1').innerText(), 'Confirmez votre identité');
	await fits(page, assert, 'fr /reauth');
	await page.getByLabel('Mot de passe').fill(PASSWORD);
	await page.getByLabel('Code').fill(recovery[0]);
	await page.getByRole('button', { name: 'Confirmer et continuer' }).click();
	await page.waitForURL((url) => url.pathname === '/settings/security');
	assert.match(await page.locator('#mfa-status').innerText(), /^Active depuis le /);
	assert.match(await page.locator('.security').innerText(), /Codes de secours restants\u00a0: 9/);

	// ---- Arabic: right to left, the status and the page fit ----------------------------------------------
	await context.addCookies([{ name: 'wasla_lang', value: 'ar', url: baseURL }]);
	await page.goto('/settings/security');
	assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
	assert.equal(await page.locator('h1').innerText(), 'أمان الحساب');
	await fits(page, assert, 'ar /settings/security');
	await screenshot('ar-phone-security', page);
	await context.addCookies([{ name: 'wasla_lang', value: 'fr', url: baseURL }]);

	await page.goto('/settings/security');
	await page.locator('#mfa-disable').click();
	await page.locator('.notice', { hasText: 'La double authentification est désactivée.' }).waitFor();
	assert.equal((await page.locator('#mfa-status').innerText()).trim(), 'Inactive.');

	// Signing in needs only the password again.
	const again = await signedIn(browser, baseURL, email, 'fr', '10.98.2.1');
	assert.equal(new URL(again.page.url()).pathname, '/dashboard');
	await again.context.close();

	assert.deepEqual(errors, [], 'no script errors');
	await context.close();
}
