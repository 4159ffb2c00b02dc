// The marketplace journey, once in French and once in Arabic (a real right-to-left layout):
// a brand signs up and publishes a campaign aimed at the demo creator (Blida, beauty,
// ~18 000 followers, reel + story); the demo creator finds it in the feed at /campaigns,
// opens it and applies; the brand accepts on /campaigns/[id]/applicants; the creator sees
// the notification and the accepted status with its agreement draft.
export const name = 'marketplace: publish, find in the feed, apply, accept (fr and ar)';

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };
const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };
const DAY = 24 * 3600 * 1000;

const TEXT = {
	fr: { accepted: 'Acceptée', notification: 'a accepté votre candidature', agreement: 'projet d’accord' },
	ar: { accepted: 'مقبول', notification: 'قبلت', agreement: 'مسودة الاتفاق' }
};

export async function run({ browser, baseURL, screenshot, assert }) {
	for (const lang of ['fr', 'ar']) await journey({ browser, baseURL, screenshot, assert, lang });
}

/** A browser context in `lang` (language cookie) with its own client IP for rate limits. */
async function contextIn(browser, baseURL, lang, ip) {
	const context = await browser.newContext({
		baseURL,
		locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR',
		viewport: DESKTOP,
		extraHTTPHeaders: { 'cf-connecting-ip': ip }
	});
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	return { context, page, errors };
}

const day = (ms) => new Date(ms + 3600_000).toISOString().slice(0, 10); // Algiers calendar day

async function journey({ browser, baseURL, screenshot, assert, lang }) {
	const stamp = Date.now().toString(36);
	const title = lang === 'ar' ? `سيروم الصيف ${stamp}` : `Sérum été Blida ${stamp}`;
	const brandName = lang === 'ar' ? 'عطور البليدة' : 'Parfums de Blida';
	const now = Date.now();

	// --- the brand signs up and publishes a campaign ------------------------------------------
	const brand = await contextIn(browser, baseURL, lang, `10.60.${lang === 'ar' ? 2 : 1}.1`);
	let page = brand.page;
	await page.goto('/signup');
	await expectDir(page, assert, lang);
	await checkBox(page, 'input[name="role"][value="brand"]');
	await page.fill('input[name="name"]', brandName);
	await page.fill('input[name="email"]', `marque.${lang}.${stamp}@example.dz`);
	await page.fill('input[name="password"]', 'motdepasse-solide-42');
	await checkBox(page, '#signup-terms');
	await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');

	await page.goto('/campaigns/new');
	await expectDir(page, assert, lang);
	await page.fill('input[name="title"]', title);
	await page.selectOption('select[name="objective"]', 'whatsapp_sales');
	await page.fill('textarea[name="offer"]', lang === 'ar' ? 'علبة اكتشاف بتخفيض 20 %' : 'Coffret découverte -20 %');
	for (const f of ['reel', 'story']) await checkBox(page, `input[name="formats"][value="${f}"]`);
	await checkBox(page, 'input[name="wilayas"][value="09"]');
	await checkBox(page, 'input[name="niches"][value="beauty"]');
	await page.fill('input[name="followerMin"]', '10000');
	await page.fill('input[name="followerMax"]', '30000');
	await page.fill('input[name="budgetDzd"]', '150000');
	await page.fill('input[name="applyBy"]', day(now + 5 * DAY));
	await page.fill('input[name="startsAt"]', day(now + 7 * DAY));
	await page.fill('input[name="endsAt"]', day(now + 21 * DAY));
	await page.locator('form:has(input[name="title"]) button[type="submit"]:not([formaction])').last().click();
	await page.waitForURL((url) => /^\/campaigns\/[^/]+$/.test(url.pathname) && url.pathname !== '/campaigns/new');
	const campaignPath = new URL(page.url()).pathname;
	await page.locator('form[action="?/publish"] button').click();
	await page.waitForURL((url) => url.searchParams.has('published'));
	await screenshot(`${lang}-1-brand-published`, page);

	// --- the demo creator finds the offer in the feed and applies ------------------------------
	const creator = await contextIn(browser, baseURL, lang, `10.61.${lang === 'ar' ? 2 : 1}.1`);
	const cpage = creator.page;
	await cpage.goto('/login');
	await cpage.fill('input[name="email"]', DEMO_CREATOR.email);
	await cpage.fill('input[name="password"]', DEMO_CREATOR.password);
	await cpage.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await cpage.waitForURL((url) => url.pathname !== '/login');

	await cpage.goto('/campaigns');
	await expectDir(cpage, assert, lang);
	const offer = cpage.locator(`a[href="${campaignPath}"]`).first();
	assert.ok(await offer.count(), `the new campaign is in the creator's feed (first page of /campaigns) in ${lang}`);
	await screenshot(`${lang}-2-creator-feed`, cpage);
	await offer.click();
	await cpage.waitForURL((url) => url.pathname === campaignPath);
	await cpage.locator(`a[href="${campaignPath}/apply"]`).first().click();
	await cpage.waitForURL((url) => url.pathname === `${campaignPath}/apply`);
	await expectDir(cpage, assert, lang);
	await cpage.fill(
		'textarea[name="pitch"]',
		lang === 'ar' ? 'جمهوري في البليدة يحب العناية بالبشرة: أقترح ريلز تعليمي وستوري مع كود تخفيض.' : 'Mon audience à Blida adore les soins : je propose un reel tutoriel et une story avec code promo.'
	);
	await cpage.fill('input[name="fee"]', '18000');
	for (const f of ['reel', 'story']) await checkBox(cpage, `input[name="formats"][value="${f}"]`);
	await cpage.fill('#apply-date-0', day(now + 9 * DAY));
	await screenshot(`${lang}-3-apply-form`, cpage);
	await cpage.locator('form:has(textarea[name="pitch"]) button[type="submit"]').click();
	await cpage.waitForURL((url) => /^\/applications\/[^/]+$/.test(url.pathname));
	const applicationPath = new URL(cpage.url()).pathname;
	await screenshot(`${lang}-4-creator-applied`, cpage);

	// --- the brand accepts on the applicants page -------------------------------------------------
	await page.goto(`${campaignPath}/applicants`);
	await expectDir(page, assert, lang);
	const card = page.locator('li.applicant', { has: page.locator(`a[href="${applicationPath}"]`) });
	assert.equal(await card.count(), 1, 'the creator’s application is listed for the brand');
	assert.ok((await card.innerText()).includes('18'), 'the card shows the key numbers (followers)');
	await screenshot(`${lang}-5-brand-applicants`, page);
	await card.locator('form[action="?/accept"] button').click();
	await page.locator('.done-region .notice').waitFor();
	const acceptedCard = page.locator('li.applicant', { has: page.locator(`a[href="${applicationPath}"]`) });
	assert.ok((await acceptedCard.locator('.badge').first().innerText()).includes(TEXT[lang].accepted), 'the card now says accepted');
	await screenshot(`${lang}-6-brand-accepted`, page);

	// --- the creator sees the notification and the accepted status ----------------------------------
	await cpage.goto('/applications');
	const bell = cpage.locator('header a[href="/notifications"]');
	const label = await bell.getAttribute('aria-label');
	assert.match(await bell.innerText(), /\(\s*[1-9]\d*\s*\)/, `the header shows unread notifications (got "${await bell.innerText()}")`);
	assert.ok(label && /[1-9]/.test(label), `the notifications link has an accessible label with the count (got "${label}")`);
	await cpage.goto('/notifications');
	await expectDir(cpage, assert, lang);
	const note = cpage.locator(`a[href="${applicationPath}"]`).first();
	const sentence = await note.innerText();
	assert.ok(sentence.includes(TEXT[lang].notification) && sentence.includes(title), `notification says accepted for "${title}" (got "${sentence}")`);
	await screenshot(`${lang}-7-creator-notifications`, cpage);
	await note.click();
	await cpage.waitForURL((url) => url.pathname === applicationPath);
	assert.ok((await cpage.locator('#application-status').innerText()).includes(TEXT[lang].accepted), 'the application page says accepted');
	assert.ok((await cpage.locator('.agreement-note').innerText()).includes(TEXT[lang].agreement), 'the agreement draft note is shown');
	// After the visit the header count went down.
	assert.match(await cpage.locator('header a[href="/notifications"]').innerText(), /\(0\)/);
	await screenshot(`${lang}-8-creator-accepted`, cpage);
	await cpage.setViewportSize(MOBILE);
	await screenshot(`${lang}-9-creator-accepted-mobile`, cpage);
	// The dashboard's applications card lists it too.
	await cpage.setViewportSize(DESKTOP);
	await cpage.goto('/dashboard');
	assert.ok(await cpage.locator(`#applications-title ~ ul a[href="${applicationPath}"]`).count(), 'the creator dashboard lists the application');
	await screenshot(`${lang}-10-creator-dashboard`, cpage);

	for (const [who, errs] of [
		['brand', brand.errors],
		['creator', creator.errors]
	])
		assert.deepEqual(errs, [], `no script errors on the ${who}'s pages`);
	await brand.context.close();
	await creator.context.close();
}

async function expectDir(page, assert, lang) {
	const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
	assert.deepEqual(html, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' }, `<html lang dir> on ${page.url()}`);
}

/** Checks a checkbox or radio, through its label when the input itself is visually hidden. */
async function checkBox(page, selector) {
	const input = page.locator(selector).first();
	if (await input.isChecked()) return;
	if (await input.isVisible()) await input.check();
	else {
		const id = await input.getAttribute('id');
		await page
			.locator(`label:has(${selector})${id ? `, label[for="${id}"]` : ''}`)
			.first()
			.click();
	}
	if (!(await input.isChecked())) throw new Error(`${selector} is not checked`);
}
