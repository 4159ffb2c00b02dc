// Issue 9: an invitation never takes over an account. A brand owner invites another brand's
// owner; signing in changes nothing for the invitee, who reads the invitation (from the
// emailed link) with what joining means, accepts, switches back to their own brand from the
// settings, and leaves the team. The inviter is told. Then, without JavaScript, a second
// invitation is declined. Last, someone without an account signs up from the emailed link
// and explicitly ticks "join the team". Screenshots in French and Arabic at 360 px wide.
export const name = 'invitations: explicit accept with explanation, switch back, leave (fr/ar, 360 px), decline without JS';

const PHONE = { width: 360, height: 780 };
const PASSWORD = 'motdepasse-solide-42';

async function newUser(browser, baseURL, ip, { js = true } = {}) {
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: PHONE, javaScriptEnabled: js, extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	return { context, page, errors };
}

async function signUpBrand(page, brandName, email) {
	await page.goto('/signup');
	await page.locator('label[for="role-brand"]').click();
	await page.fill('input[name="name"]', brandName);
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('#signup-terms').check();
	await page.locator('form.signup button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
}

async function logIn(page, email) {
	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
}

async function me(page) {
	return (await page.request.get('/api/v1/me')).json();
}

/** The invitation email sent to `to` (latest first), from the development outbox. */
async function mailTo(page, to) {
	const { messages } = await (await page.request.get(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)).json();
	const mail = messages[0];
	if (!mail) throw new Error(`no email in the outbox for ${to}`);
	return mail;
}

async function setLanguage(page, lang) {
	await page.context().addCookies([{ name: 'wasla_lang', value: lang, url: page.url() }]);
	await page.reload();
	await page.waitForSelector(`html[lang="${lang}"][dir="${lang === 'ar' ? 'rtl' : 'ltr'}"]`, { state: 'attached' });
}

/** Nothing sticks out sideways at 360 px (no horizontal scrolling). */
async function fitsWidth(page, assert) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	assert.ok(overflow <= 1, `${page.url()} scrolls sideways by ${overflow}px at 360 px`);
}

async function inviteFromDashboard(page, assert, email) {
	await page.goto('/dashboard');
	await page.fill('#invite-email', email);
	await page.locator('form[action="?/invite"] button[type="submit"]').click();
	await page.locator(':is(.notice[role="status"], [role="status"] .notice)', { hasText: email }).waitFor();
	assert.ok(await page.locator('.people li', { hasText: email }).locator('.badge', { hasText: 'En attente' }).isVisible(), 'the team list shows the invitation pending');
}

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const ownerEmail = `lina.${stamp}@example.dz`;
	const inviteeEmail = `amel.${stamp}@example.dz`;

	// --- two brands: the invitee already owns one, with a campaign ------------------------------
	const invitee = await newUser(browser, baseURL, '10.72.0.2');
	await signUpBrand(invitee.page, 'Boutique Amel', inviteeEmail);
	const own = await invitee.page.request.post('/api/v1/campaigns', { data: { title: 'Soldes Amel', objective: 'visibility' } });
	assert.equal(own.status(), 201);
	const ownBrand = (await me(invitee.page)).brand;

	const owner = await newUser(browser, baseURL, '10.72.0.1');
	await signUpBrand(owner.page, 'Atelier Lina Tlemcen', ownerEmail);
	await inviteFromDashboard(owner.page, assert, inviteeEmail);

	// --- signing in again changes nothing; the email leads to the invitations page ---------------
	await invitee.context.clearCookies();
	await logIn(invitee.page, inviteeEmail);
	let who = await me(invitee.page);
	assert.deepEqual(who.brand, { id: ownBrand.id, name: 'Boutique Amel', role: 'owner' }, 'login keeps the invitee in their own brand');
	assert.match(await invitee.page.locator('.invitations-pending').innerText(), /Invitations en attente\s*:\s*1/);
	const mail = await mailTo(invitee.page, inviteeEmail);
	assert.match(mail.subject, /Atelier Lina Tlemcen/);
	const link = /(http\S+\/invitations)\b/.exec(mail.text)?.[1];
	assert.ok(link, `the email links to /invitations: ${mail.text}`);
	await invitee.page.goto(new URL(link).pathname);

	// --- the invitation, with what joining means ---------------------------------------------------
	const card = invitee.page.locator('.invitation').first();
	await card.waitFor();
	const explained = await card.locator('.what').innerText();
	for (const expected of [/Vous faites déjà partie de\s*:.*Boutique Amel/s, /appartient à .*Atelier Lina Tlemcen/s, /Boutique Amel.*reste à vous/s, /quitter .*Atelier Lina Tlemcen/s]) {
		assert.match(explained, expected);
	}
	await fitsWidth(invitee.page, assert);
	await screenshot('invitation-fr-360', invitee.page);
	await setLanguage(invitee.page, 'ar');
	assert.equal(await card.evaluate((el) => getComputedStyle(el).direction), 'rtl');
	assert.match(await card.locator('.what').innerText(), /Boutique Amel/);
	await fitsWidth(invitee.page, assert);
	await screenshot('invitation-ar-360', invitee.page);
	await setLanguage(invitee.page, 'fr');

	// --- accept: the invitee now works in the inviter's brand --------------------------------------
	await card.locator('form[action="?/accept"] button').click();
	await invitee.page.locator(':is(.notice[role="status"], [role="status"] .notice)', { hasText: 'Vous avez rejoint' }).waitFor();
	who = await me(invitee.page);
	assert.equal(who.brand.name, 'Atelier Lina Tlemcen');
	assert.equal(who.brand.role, 'member');

	await owner.page.goto('/notifications');
	assert.match(await owner.page.locator('.note').first().innerText(), /Boutique Amel.? a accepté votre invitation et a rejoint .*Atelier Lina Tlemcen/s);

	// --- switch back to the own brand from the settings ---------------------------------------------
	await invitee.page.goto('/dashboard');
	assert.match(await invitee.page.locator('.current-brand').innerText(), /Vous travaillez dans .*Atelier Lina Tlemcen/s);
	await invitee.page.locator('.current-brand a').click();
	await invitee.page.waitForURL((url) => url.pathname === '/settings');
	await invitee.page.locator('form[action="?/switch"] button', { hasText: 'Boutique Amel' }).click();
	await invitee.page.locator(':is(.notice[role="status"], [role="status"] .notice)', { hasText: 'Vous travaillez maintenant dans' }).waitFor();
	assert.equal((await me(invitee.page)).brand.id, ownBrand.id, 'switched back to the own brand');
	const campaigns = await (await invitee.page.request.get('/api/v1/campaigns')).json();
	assert.deepEqual(
		campaigns.campaigns.map((c) => c.title),
		['Soldes Amel']
	);
	await fitsWidth(invitee.page, assert);
	await screenshot('settings-brands-fr-360', invitee.page);
	await setLanguage(invitee.page, 'ar');
	await fitsWidth(invitee.page, assert);
	await screenshot('settings-brands-ar-360', invitee.page);
	await setLanguage(invitee.page, 'fr');

	// --- leave the team ---------------------------------------------------------------------------------
	const row = invitee.page.locator('.brand-row', { hasText: 'Atelier Lina Tlemcen' });
	await row.locator('summary').click();
	assert.match(await row.locator('.hint').innerText(), /Ce que vous avez créé pour .*Atelier Lina Tlemcen.* lui reste/s);
	await row.locator('form[action="?/leave"] button').click();
	await invitee.page.locator(':is(.notice[role="status"], [role="status"] .notice)', { hasText: 'Vous avez quitté' }).waitFor();
	const brands = await (await invitee.page.request.get('/api/v1/me/brands')).json();
	assert.deepEqual(
		brands.brands.map((b) => [b.name, b.role, b.current]),
		[['Boutique Amel', 'owner', true]]
	);
	assert.equal(await invitee.page.locator('form[action="?/leave"]').count(), 0, 'no "leave" for the brand one owns');

	await owner.page.goto('/notifications');
	assert.match(await owner.page.locator('.note').first().innerText(), /Boutique Amel.? a quitté l’équipe .*Atelier Lina Tlemcen/s);

	// --- without JavaScript: a second invitation, declined -----------------------------------------
	await inviteFromDashboard(owner.page, assert, inviteeEmail);
	const nojs = await newUser(browser, baseURL, '10.72.0.3', { js: false });
	await logIn(nojs.page, inviteeEmail);
	await nojs.page.goto('/invitations');
	await nojs.page.locator('.invitation form[action="?/decline"] button').click();
	await nojs.page.locator(':is(.notice[role="status"], [role="status"] .notice)', { hasText: 'Invitation refusée' }).waitFor();
	assert.equal(await nojs.page.locator('.invitation').count(), 0, 'nothing left to answer');
	assert.equal((await me(nojs.page)).brand.id, ownBrand.id);
	await owner.page.goto('/dashboard');
	assert.ok(await owner.page.locator('.people li', { hasText: inviteeEmail }).locator('.badge', { hasText: 'Refusée' }).isVisible(), 'the owner sees it declined');
	await fitsWidth(owner.page, assert);
	await screenshot('team-declined-fr-360', owner.page);

	// --- someone without an account: the emailed sign-up link offers joining, as a box to tick ---
	const samirEmail = `samir.${stamp}@example.dz`;
	await inviteFromDashboard(owner.page, assert, samirEmail);
	const signupLink = /(http\S+\/signup\?\S+)/.exec((await mailTo(owner.page, samirEmail)).text)?.[1];
	assert.ok(signupLink, 'the email to a newcomer links to the sign-up with the invitation');
	const samir = await newUser(browser, baseURL, '10.72.0.4');
	const target = new URL(signupLink);
	await samir.page.goto(target.pathname + target.search);
	const join = samir.page.locator('#signup-join');
	assert.equal(await join.isChecked(), false, 'joining is never pre-ticked');
	assert.match(await samir.page.locator('.join-box').innerText(), /Atelier Lina Tlemcen.? vous invite à rejoindre l’équipe .*Atelier Lina Tlemcen/s);
	assert.equal(await samir.page.inputValue('input[name="email"]'), samirEmail);
	await join.check();
	assert.equal((await samir.page.locator('label[for="signup-name"]').innerText()).trim(), 'Votre nom', 'the name asked is the person’s once joining');
	await fitsWidth(samir.page, assert);
	await screenshot('signup-invitation-fr-360', samir.page);
	await setLanguage(samir.page, 'ar');
	await samir.page.locator('#signup-join').check();
	await fitsWidth(samir.page, assert);
	await screenshot('signup-invitation-ar-360', samir.page);
	await setLanguage(samir.page, 'fr');
	await samir.page.locator('#signup-join').check();
	await samir.page.fill('input[name="name"]', 'Samir');
	await samir.page.fill('input[name="password"]', PASSWORD);
	await samir.page.locator('#signup-terms').check();
	await samir.page.locator('form.signup button[type="submit"]').click();
	await samir.page.waitForURL((url) => url.pathname === '/dashboard');
	const samirMe = await me(samir.page);
	assert.deepEqual([samirMe.brand.name, samirMe.brand.role], ['Atelier Lina Tlemcen', 'member']);

	for (const u of [invitee, owner, nojs, samir]) assert.deepEqual(u.errors, [], 'no page errors');
}
