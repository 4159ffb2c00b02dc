// A brand signs up in French, switches the interface to Arabic (a real right-to-left
// layout), logs out; then the demo brand printed by `npm start` logs in.
export const name = 'foundation: sign-up, French → Arabic, logout, demo login';

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };

export async function run({ page, baseURL, screenshot, assert, serverOutput }) {
	const brandName = 'Atelier Lina Tlemcen';
	const email = `yasmine.${Date.now().toString(36)}@example.dz`;
	const password = 'motdepasse-solide-42';

	// --- sign up in French ----------------------------------------------------------------
	await page.goto('/signup');
	await expectLanguage(page, assert, 'fr', 'ltr');
	await checkRadio(page, 'input[name="role"][value="brand"]');
	await page.fill('input[name="name"]', brandName);
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', password);
	await page.locator('#signup-terms').check();
	await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');

	await expectDashboard(page, assert, brandName);
	await expectLanguage(page, assert, 'fr', 'ltr');
	const frDesktop = await logoSide(page, DESKTOP);
	assert.equal(frDesktop, 'left', 'in French the logo starts the header on the left');
	await screenshot('dashboard-fr-desktop');
	assert.equal(await logoSide(page, MOBILE), 'left', 'in French (mobile) the logo is on the left');
	await screenshot('dashboard-fr-mobile');

	// --- switch to Arabic from the header (signed in: a form post that saves the account's language)
	await page.setViewportSize(DESKTOP);
	await page.locator('header form[action="/lang"] button[value="ar"]').click();
	await page.waitForSelector('html[lang="ar"][dir="rtl"]', { state: 'attached', timeout: 15_000 });
	// The choice sticks: a fresh load of the dashboard is still Arabic.
	await page.goto('/dashboard');
	await expectLanguage(page, assert, 'ar', 'rtl');
	await expectDashboard(page, assert, brandName);
	for (const selector of ['body', 'form[action="/logout"]']) {
		const dir = await page
			.locator(selector)
			.first()
			.evaluate((el) => getComputedStyle(el).direction);
		assert.equal(dir, 'rtl', `computed direction of ${selector}`);
	}
	assert.equal(await logoSide(page, DESKTOP), 'right', 'in Arabic the logo starts the header on the right');
	await screenshot('dashboard-ar-desktop');
	assert.equal(await logoSide(page, MOBILE), 'right', 'in Arabic (mobile) the logo is on the right');
	await screenshot('dashboard-ar-mobile');

	// --- log out: the session ends on the server, not only in the browser -----------------
	await page.setViewportSize(DESKTOP);
	const token = (await page.context().cookies()).find((c) => c.name === 'wasla_session')?.value;
	assert.ok(token, 'signed in with a wasla_session cookie');
	await page.locator('form[action="/logout"] button').first().click();
	await page.waitForURL((url) => url.pathname !== '/dashboard');
	assert.equal(
		(await page.context().cookies()).find((c) => c.name === 'wasla_session'),
		undefined,
		'cookie cleared'
	);
	const replay = await fetch(`${baseURL}/api/v1/me`, { headers: { cookie: `wasla_session=${token}` } });
	assert.equal(replay.status, 401, 'the old session token no longer works');
	const again = await page.request.get('/dashboard', { maxRedirects: 0 });
	assert.ok([302, 303, 307].includes(again.status()), `GET /dashboard after logout redirects (got ${again.status()})`);
	assert.equal(new URL(again.headers().location, baseURL).pathname, '/login');

	// --- the demo brand printed by `npm start` can log in ---------------------------------
	const demo = demoBrand(serverOutput());
	await page.goto('/login');
	await page.fill('input[name="email"]', demo.email);
	await page.fill('input[name="password"]', demo.password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	const me = await (await page.request.get('/api/v1/me')).json();
	assert.equal(me.user.email, demo.email);
	assert.equal(me.user.role, 'brand');
	await expectDashboard(page, assert, me.brand.name);
	await screenshot('demo-brand-dashboard');
}

async function expectLanguage(page, assert, lang, dir) {
	const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
	assert.deepEqual(html, { lang, dir }, `<html lang dir> on ${page.url()}`);
}

/** One visible <h1>, naming the brand. */
async function expectDashboard(page, assert, brandName) {
	const h1 = page.locator('h1');
	assert.equal(await h1.count(), 1, 'exactly one <h1> on the dashboard');
	assert.ok(await h1.isVisible(), '<h1> visible');
	assert.ok((await h1.innerText()).includes(brandName), `<h1> shows "${brandName}" (got "${await h1.innerText()}")`);
}

/** Which half of the viewport the header's first item (the logo link) sits in. */
async function logoSide(page, viewport) {
	await page.setViewportSize(viewport);
	const box = await page.locator('header').first().locator('a').first().boundingBox();
	if (!box) throw new Error('the header has no visible link (logo) at ' + JSON.stringify(viewport));
	return box.x + box.width / 2 < viewport.width / 2 ? 'left' : 'right';
}

/** Checks a radio, through its label when the input itself is visually hidden. */
async function checkRadio(page, selector) {
	const radio = page.locator(selector);
	if (await radio.isVisible()) await radio.check();
	else {
		const id = await radio.getAttribute('id');
		await page
			.locator(`label:has(${selector})${id ? `, label[for="${id}"]` : ''}`)
			.first()
			.click();
	}
	if (!(await radio.isChecked())) throw new Error(`${selector} is not checked`);
}

/** The demo brand's credentials from the lines `npm start` prints ("  Brand: <email> …"). */
function demoBrand(output) {
	const lines = output.split('\n');
	const brandLine = lines.find((l) => l.startsWith('  Brand:'));
	if (!brandLine) throw new Error(`npm start printed no "  Brand:" line; its output was:\n${output.slice(0, 3000)}`);
	const email = brandLine.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/)?.[0];
	const passwordLine = lines.find((l) => /^\s+(password|mot de passe)\b/i.test(l)) ?? brandLine;
	const password = passwordLine.match(/(?:password|mot de passe)\s*[:=]?\s*(\S+)/i)?.[1] ?? passwordLine.split(/[\s/]+/).at(-1);
	if (!email || !password) throw new Error(`cannot read the demo brand's credentials from: ${brandLine}`);
	return { email, password };
}
