// Passkeys (issue 15, point 3), on a 360 px phone in French, with Chromium's virtual
// authenticator (CDP WebAuthn: CTAP2, internal, resident keys, user verified). A brand signs
// in with the password, adds a passkey on Paramètres → Sécurité, signs out; signing in again
// asks for the second step (the account has no TOTP), which the passkey answers. /reauth takes
// the password and the passkey; the passkey is removed and signing in needs only the password.
// The Security page with a passkey listed is also opened in Arabic, right to left. Last, the
// email address is changed from the same page: the link emailed to the new address confirms
// it, the old address is told, and the new one signs in.
// WebAuthn needs a domain as RP ID (not an IP address): the browser uses http://localhost:<port>,
// and the development server takes the RP from the request's origin.
import { apiClient as client } from './api-client.mjs';
import { PASSWORD, fits, signedIn } from './phone.mjs';

export const name =
	'passkeys: add one on /settings/security, sign in with it (second step), reauth with it, remove it (virtual authenticator; fr 360 px, ar RTL); then change the email address through the emailed link';

export async function run({ browser, baseURL, screenshot, assert }) {
	const local = baseURL.replace('127.0.0.1', 'localhost');
	const stamp = Date.now().toString(36);
	const email = `marque.passkey.${stamp}@example.dz`;
	const reg = await client(baseURL, '10.108.0.1')('/auth/register', { json: { email, password: PASSWORD, role: 'brand', name: 'Atlas Cosmétiques', locale: 'fr' } });
	assert.equal(reg.status, 201, await reg.text());

	const { context, page, errors } = await signedIn(browser, local, email, 'fr', '10.108.1.1');
	assert.equal(new URL(page.url()).pathname, '/dashboard');
	const cdp = await context.newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true }
	});

	// ---- add a passkey (the session is fresh: no confirmation asked) --------------------------------
	await page.goto('/settings/security');
	assert.equal((await page.locator('#passkeys-none').innerText()).trim(), 'Aucune clé d’accès pour le moment.');
	await page.getByLabel('Nom de la clé').fill('Téléphone de Lina');
	await page.locator('#passkey-add').click();
	await page.locator('.notice', { hasText: 'La clé d’accès est ajoutée.' }).waitFor();
	assert.equal(await page.locator('#passkey-list li').count(), 1);
	assert.match(await page.locator('#passkey-list li').innerText(), /Téléphone de Lina/);
	const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
	assert.equal(credentials.length, 1, 'the virtual authenticator holds the new passkey');
	assert.equal(credentials[0].rpId, 'localhost');
	await fits(page, assert, 'fr /settings/security with a passkey');
	await screenshot('fr-phone-passkey-added', page);

	// ---- Arabic: right to left, the page fits with the list -------------------------------------------
	await context.addCookies([{ name: 'wasla_lang', value: 'ar', url: local }]);
	await page.goto('/settings/security');
	assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
	assert.equal(await page.locator('#passkeys-title').innerText(), 'مفاتيح المرور');
	await fits(page, assert, 'ar /settings/security with a passkey');
	await screenshot('ar-phone-passkeys', page);
	await context.addCookies([{ name: 'wasla_lang', value: 'fr', url: local }]);

	// ---- sign out; sign in: the password, then the passkey --------------------------------------------
	await page.goto('/logout');
	await page.locator('main form[action="/logout"] button[type="submit"], .card form[action="/logout"] button[type="submit"]').first().click();
	await page.waitForURL((url) => url.pathname === '/');
	await page.goto('/login?next=/settings/security');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/login/verify');
	assert.ok(!(await context.cookies()).some((c) => c.name === 'wasla_session'), 'no session before the second step');
	await fits(page, assert, 'fr /login/verify with the passkey button');
	await page.getByRole('button', { name: 'Utiliser une clé d’accès' }).click();
	await page.waitForURL((url) => url.pathname === '/settings/security');
	const cookies = await context.cookies();
	assert.ok(
		cookies.some((c) => c.name === 'wasla_session'),
		'signed in with the passkey'
	);
	assert.ok(!cookies.some((c) => c.name === 'wasla_login'), 'the pending login is gone');
	assert.match(await page.locator('#passkey-list li').innerText(), /dernière utilisation le/);

	// ---- /reauth with the password and the passkey -----------------------------------------------------
	await page.goto('/reauth?next=/settings/security');
	assert.equal(await page.locator('h1').innerText(), 'Confirmez votre identité');
	await fits(page, assert, 'fr /reauth with a passkey');
	await page.getByLabel('Mot de passe').fill(PASSWORD);
	await page.getByRole('button', { name: 'Confirmer avec une clé d’accès' }).click();
	await page.waitForURL((url) => url.pathname === '/settings/security');

	// ---- remove it; signing in needs only the password again -------------------------------------------
	await page.getByRole('button', { name: /Supprimer la clé d’accès .+Téléphone de Lina/ }).click();
	await page.locator('.notice', { hasText: 'La clé d’accès est supprimée.' }).waitFor();
	await page.locator('#passkeys-none').waitFor();

	const again = await signedIn(browser, local, email, 'fr', '10.108.2.1');
	assert.equal(new URL(again.page.url()).pathname, '/dashboard');
	await again.context.close();

	// ---- change the email address (the reauth above is still fresh) -----------------------------------
	const next = `nouvelle.${stamp}@example.dz`;
	await page.goto('/settings/security');
	assert.equal(await page.locator('#current-email').innerText(), email);
	await page.getByLabel('Nouvelle adresse').fill(next);
	await page.locator('#email-change').click();
	await page.locator('#email-sent').waitFor();
	assert.equal(await page.locator('#current-email').innerText(), email, 'unchanged until confirmed');
	const outbox = async (to) => (await (await fetch(`${baseURL}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)).json()).messages;
	const link = /https?:\/\/\S+\/email\/confirm\/[\w-]{43}/.exec((await outbox(next))[0]?.text ?? '')?.[0];
	assert.ok(link, 'a confirmation link was emailed to the new address');
	await page.goto(new URL(link).pathname);
	await fits(page, assert, 'fr /email/confirm');
	await page.locator('#email-confirm').click();
	await page.locator('#email-changed').waitFor();
	assert.match(await page.locator('#email-changed').innerText(), new RegExp(next.replaceAll('.', '\\.')));
	assert.ok(
		(await outbox(email)).some((m) => m.subject === 'L’adresse e-mail de votre compte Wasla a changé'),
		'the old address is told'
	);
	const renamed = await signedIn(browser, local, next, 'fr', '10.108.3.1');
	assert.equal(new URL(renamed.page.url()).pathname, '/dashboard');
	await renamed.context.close();

	assert.deepEqual(errors, [], 'no script errors');
	await context.close();
}
