// Campaign offers in the browser: the one-page form without JavaScript (template applied by
// a form post, values kept, errors in the summary), publishing with the 14-step plan (the
// template's "[…]" blank replaced first) and ticking a step in one submit, in Arabic on a phone; then with JavaScript in French (template filled in
// place, live centimes warning) and the creator feed's filters.
export const name = 'campaigns: one-page form with templates, publish and plan, creator feed filters';

const MOBILE = { width: 390, height: 844 };
const DEMO_BRAND = { email: 'demo.marque@wasla.dz', password: 'wasla-demo-2026' };
const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };
const DAY = 24 * 3600 * 1000;
const day = (ms) => new Date(ms + 3600_000).toISOString().slice(0, 10);

async function signedIn(browser, baseURL, { lang, js, who, ip }) {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: js, viewport: MOBILE, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	// With JavaScript, let the page hydrate before typing (a slow CI machine can otherwise
	// hydrate between two keystrokes).
	if (js) await page.waitForLoadState('networkidle');
	await page.fill('input[name="email"]', who.email);
	await page.fill('input[name="password"]', who.password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	return { context, page, errors };
}

const submitSave = (page) => page.locator('form.campaign-form button[type="submit"]:not([formaction])').click();

export async function run({ browser, baseURL, screenshot, assert }) {
	const now = Date.now();

	// --- Arabic, no JavaScript -------------------------------------------------------------------
	{
		const { context, page } = await signedIn(browser, baseURL, { lang: 'ar', js: false, who: DEMO_BRAND, ip: '10.70.0.1' });
		await page.goto('/campaigns/new');
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		await page.fill('#campaign-title', 'عبايات الصيف الخفيفة');
		await page.check('#format-reel');
		await page.fill('#campaign-budget', '12000000');
		await page.selectOption('#campaign-template', 'whatsapp_sales');
		await page.click('button[formaction="?/template"]');
		await page.waitForLoadState('domcontentloaded');
		assert.match(await page.inputValue('#campaign-keyMessages'), /\{كلمة صانع المحتوى المفتاحية\}/, 'the template filled the key messages, with a token for each creator’s keyword');
		assert.equal(await page.inputValue('#campaign-title'), 'عبايات الصيف الخفيفة', 'title kept');
		assert.ok(await page.isChecked('#format-reel'), 'format kept');
		assert.equal(await page.inputValue('#campaign-budget'), '12000000', 'budget kept');
		await screenshot('ar-nojs-template', page);

		// Dates out of order: refused, values kept, the summary names the field.
		await page.fill('#campaign-applyBy', day(now + 10 * DAY));
		await page.fill('#campaign-startsAt', day(now + 8 * DAY));
		await page.fill('#campaign-endsAt', day(now + 20 * DAY));
		await submitSave(page);
		await page.waitForLoadState('domcontentloaded');
		assert.match(await page.locator('.error-summary').innerText(), /آخر أجل للترشح/, 'date error in the summary');
		assert.equal(await page.getAttribute('#campaign-applyBy', 'aria-invalid'), 'true');
		assert.match(await page.inputValue('#campaign-keyMessages'), /\{كلمة صانع المحتوى المفتاحية\}/, 'brief kept after a refusal');
		await screenshot('ar-nojs-errors', page);

		await page.fill('#campaign-applyBy', day(now + 5 * DAY));
		await submitSave(page);
		await page.waitForURL((url) => url.searchParams.has('saved'));
		assert.ok(await page.locator('.notice-info').count(), 'centimes warning after saving 12 000 000');
		// Publishing without wilayas and niches: refused with the missing fields.
		await page.locator('form[action="?/publish"] button').click();
		await page.waitForLoadState('domcontentloaded');
		assert.equal(await page.locator('.error-summary li').count(), 2, 'wilayas and niches are missing');
		const path = new URL(page.url()).pathname;
		await page.goto(`${path}/edit`);
		await page.check('#wilaya-09');
		await page.check('#niche-modest_fashion');
		// The template's offer is a "[…]" blank: publishing refuses it until it is replaced.
		const messages = await page.inputValue('#campaign-keyMessages');
		await page.fill('#campaign-keyMessages', messages.replace('[عرضكم، مثلًا علبة بـ 3500 دج]', 'عباية بـ 5500 دج'));
		await submitSave(page);
		await page.waitForURL((url) => url.searchParams.has('saved'));
		await page.locator('form[action="?/publish"] button').click();
		await page.waitForURL((url) => url.searchParams.has('published'));
		assert.equal(await page.locator('.task').count(), 14, 'the 14-step plan is shown');
		assert.equal(await page.locator('.phase').count(), 3, 'grouped in three phases');
		// One submit ticks a step (each step is its own form).
		await page.locator('.task-toggle >> nth=0').click();
		await page.waitForLoadState('domcontentloaded');
		await page.goto(path);
		assert.equal(await page.getAttribute('.task-toggle >> nth=0', 'aria-pressed'), 'true', 'the first step stays done');
		assert.ok(await page.locator(`a[href="${path}/applicants"]`).count(), 'applicants link once open');
		await screenshot('ar-nojs-published-plan', page);
		await context.close();
	}

	// --- French, JavaScript: the template fills in place, the budget warns live -------------------
	{
		const { context, page, errors } = await signedIn(browser, baseURL, { lang: 'fr', js: true, who: DEMO_BRAND, ip: '10.70.0.2' });
		await page.goto('/campaigns/new');
		await page.selectOption('#campaign-template', 'signups');
		await page.click('button[formaction="?/template"]');
		assert.equal(new URL(page.url()).pathname, '/campaigns/new');
		assert.match(await page.inputValue('#campaign-keyMessages'), /Inscription chez Boutique Yasmine Cosmétiques en 2 minutes/);
		await page.fill('#campaign-budget', '9000000');
		await page.locator('#campaign-budget-warning').waitFor();
		await screenshot('fr-js-form', page);
		assert.deepEqual(errors, [], 'no script errors');
		await context.close();
	}

	// --- the creator feed: cards with reasons, filters narrow, a campaign page with "Postuler" --------
	{
		const { context, page } = await signedIn(browser, baseURL, { lang: 'fr', js: true, who: DEMO_CREATOR, ip: '10.70.0.3' });
		await page.goto('/campaigns');
		const cards = page.locator('.campaign-card');
		const all = await cards.count();
		assert.ok(all >= 1, 'the demo creator has fitting campaigns');
		assert.ok(await page.locator('.campaign-card .chip').count(), 'fit reasons shown');
		await screenshot('fr-creator-feed', page);
		await page.goto('/campaigns?format=live');
		assert.ok((await cards.count()) <= all, 'a filter narrows the feed');
		await page.goto('/campaigns?minBudget=999999999');
		assert.equal(await cards.count(), 0);
		assert.ok(await page.locator('.empty').count(), 'honest empty state');
		await page.goto('/campaigns');
		const first = await cards.first().locator('h2 a').getAttribute('href');
		await page.goto(first);
		assert.ok(await page.locator(`a[href="${first}/apply"]`).count(), '“Postuler” links to the apply page');
		await screenshot('fr-creator-campaign', page);
		await context.close();
	}
}
