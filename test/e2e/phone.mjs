// What the phone-sized browser tests share: a 360 px screen, signing in through the login
// page in a language, checking that a page fits the screen, and a PNG to upload.

export const PHONE = { width: 360, height: 780 };
export const PASSWORD = 'motdepasse-sur-2026';
// A 1×1 PNG (an upload's type is read from these bytes).
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5275ede0000000049454e44ae426082', 'hex');

/** A new phone-sized context in `lang`, signed in through the login page; `errors` collects script errors. */
export async function signedIn(browser, baseURL, email, lang, ip, password = PASSWORD) {
	const context = await browser.newContext({ baseURL, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');
	return { context, page, errors };
}

/** The page fits the phone: nothing wider than the viewport. */
export async function fits(page, assert, what) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `${what}: ${width}px wide on a ${PHONE.width}px screen`);
}

/** Opens the phone header's navigation (the "Menu" disclosure) when it is folded away; a no-op on a desktop. */
export async function openMenu(page) {
	const summary = page.locator('header details.menu > summary');
	if (!(await summary.isVisible())) return;
	if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
	await page.locator('header details.menu[open] nav').waitFor();
}
