// A creator downloads their data and deletes their account from /settings/privacy, in
// Arabic on a 360 px phone: the page lists what is erased and what is kept, refuses the
// deletion until the box is ticked, then signs the person out for good.
export const name = 'privacy: export and erase the account from the settings (ar, 360 px)';

const PHONE = { width: 360, height: 740 };

export async function run({ page, baseURL, screenshot, assert }) {
	const email = `amina.${Date.now().toString(36)}@example.dz`;
	const password = 'motdepasse-solide-42';
	const res = await page.request.post('/api/v1/auth/register', { data: { email, password, role: 'creator', name: 'Amina Oran', locale: 'ar' } });
	assert.equal(res.status(), 201, 'sign-up through the API');

	await page.setViewportSize(PHONE);
	await page.goto('/lang?to=ar&next=/settings');
	await page.locator('a[href="/settings/privacy"]').click();
	await page.waitForURL((url) => url.pathname === '/settings/privacy');
	await page.waitForSelector('html[lang="ar"][dir="rtl"]', { state: 'attached' });
	assert.equal(await page.locator('h1').innerText(), 'بياناتك الشخصية');
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `no horizontal scroll at 360 px (scrollWidth ${width})`);
	await screenshot('privacy-ar-phone', page);

	// The export link is the API's own export, with the caller's data.
	const href = await page.locator('a[href="/api/v1/me/export"]').getAttribute('href');
	const exported = await (await page.request.get(href)).json();
	assert.equal(exported.account.email, email);

	// Refused until confirmed: nothing is erased.
	await page.locator('form[action="?/erase"] button[type="submit"]').click();
	await page.locator('#erase-confirm-error').waitFor();
	assert.equal((await page.request.get('/api/v1/me')).status(), 200, 'still signed in after the refused form');

	await page.locator('#erase-confirm').check();
	await page.locator('form[action="?/erase"] button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/account-erased');
	assert.ok((await page.locator('h1').innerText()).length > 0);
	await screenshot('account-erased-ar-phone', page);
	assert.equal(await (await page.context().cookies()).find((c) => c.name === 'wasla_session'), undefined, 'session cookie cleared');
	assert.equal((await page.request.get('/api/v1/me')).status(), 401);
	const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
	assert.equal(login.status, 401, 'the erased account cannot log in');
}
