// What a visitor types before the page has hydrated (slow phone, slow network) is kept:
// the app's scripts are delayed, the fields are filled meanwhile, and after hydration the
// typed text must still be there. A <details> opened meanwhile stays open, although hydration
// sets its `open` back to the server's value.
export const name = 'typing before hydration is not lost (login, sign-up, campaign form), nor a <details> opened before it';

const slowScripts = (page) =>
	page.route('**/_app/immutable/**', async (route) => {
		await new Promise((r) => setTimeout(r, 800));
		await route.continue();
	});

export async function run({ browser, baseURL, assert }) {
	for (const [path, field, text] of [
		['/login', 'email', 'presse@example.dz'],
		['/signup', 'name', 'Boutique Lina Oran']
	]) {
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		await slowScripts(page);
		await page.goto(path, { waitUntil: 'commit' });
		await page.waitForSelector(`input[name="${field}"]`);
		await page.fill(`input[name="${field}"]`, text);
		await page.waitForLoadState('networkidle');
		await page.waitForFunction(() => document.querySelector('[data-sveltekit-preload-data]') !== null);
		await new Promise((r) => setTimeout(r, 300));
		assert.equal(await page.inputValue(`input[name="${field}"]`), text, `${path}: ${field} kept after hydration`);
		await context.close();
	}

	// A plain input (not the Field component) with live state: the campaign budget, for a brand.
	const context = await browser.newContext({ baseURL, extraHTTPHeaders: { 'cf-connecting-ip': '10.63.0.1' } });
	const page = await context.newPage();
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await page.fill('input[name="email"]', 'demo.marque@wasla.dz');
	await page.fill('input[name="password"]', 'wasla-demo-2026');
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	await slowScripts(page);
	await page.goto('/campaigns/new', { waitUntil: 'commit' });
	await page.waitForSelector('#campaign-budget');
	await page.fill('#campaign-budget', '12000000');
	await page.waitForLoadState('networkidle');
	await new Promise((r) => setTimeout(r, 300));
	assert.equal(await page.inputValue('#campaign-budget'), '12000000', 'budget kept after hydration');
	// The form's own state caught up too: the live centimes warning shows for the typed amount.
	await page.locator('#campaign-budget-warning').waitFor({ timeout: 5000 });

	// The matches page's weights (`<details open={…}>`, closed when no weight was sent), opened while
	// the app's script is held back.
	await page.unrouteAll();
	let release;
	const gate = new Promise((resolve) => (release = resolve));
	await page.route('**/_app/immutable/entry/app.*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/campaigns/seed-ca-02/matches', { waitUntil: 'domcontentloaded' });
	const weights = page.locator('details.mt-weights');
	assert.equal(await weights.evaluate((d) => d.open), false, 'the weights start closed');
	await weights.locator('summary').click();
	assert.equal(await weights.evaluate((d) => d.open), true);
	release();
	await page.waitForFunction(() => Reflect.get(window, '__waslaTyped') === undefined);
	await new Promise((r) => setTimeout(r, 300));
	assert.equal(await weights.evaluate((d) => d.open), true, 'opened before hydration, still open after it');
	await weights.locator('summary').click();
	assert.equal(await weights.evaluate((d) => d.open), false, 'and it still closes');
	await context.close();
}
