// The matches page on a 360 px phone (issue 14, point 6), with the demo data: compact cards
// (score, rates, two lines of evidence, details behind a keyboard-operable <details>) so the
// first page of 20 takes at most ~12 screens; tick two creators and the sticky bar at the
// bottom shows 2 with Compare in view; invite the demo creator, who finds the campaign first in
// their feed, marked invited, and the invitation in their inbox. In French and in Arabic.
export const name = 'matches on a phone: compact cards, sticky compare bar, invite to apply (fr and ar)';

import { openMatchDetails } from './match-cards.mjs';

const PHONE = { width: 360, height: 740 };
const DEMO_BRAND = { email: 'demo.marque@wasla.dz', password: 'wasla-demo-2026' };
const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };
/** The demo brand's open campaign ("Crèmes solaires : la routine été") and the demo creator's handle, db/seed/generate.ts. */
const CAMPAIGN = 'seed-ca-02';
const DEMO_HANDLE = '@imene.beauty.blida';
const MAX_SCREENS = 12;

async function signedIn(browser, baseURL, { lang, who, ip }) {
	const context = await browser.newContext({ baseURL, viewport: PHONE, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await page.fill('input[name="email"]', who.email);
	await page.fill('input[name="password"]', who.password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
	return { context, page, errors };
}

const overflowOf = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The matches page, its height in phone screens, and every card's highlights, reasons and rates. */
async function readPage(page, assert, lang) {
	await page.goto(`/campaigns/${CAMPAIGN}/matches`);
	await page.waitForLoadState('networkidle');
	assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
	assert.ok((await overflowOf(page)) <= 1, `${lang}: no sideways scroll`);
	const screens = await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
	const closed = await page.locator('.mt-card details.mp-more').evaluateAll((all) => all.map((d) => !d.open));
	// the reasons sit in the details: read them opened, then close them again
	await openMatchDetails(page);
	const cards = await page.locator('.mt-card').evaluateAll((els) =>
		els.map((card) => ({
			highlights: [...card.querySelectorAll('.mp-why li')].map((li) => li.textContent.trim()),
			reasons: [...card.querySelectorAll('.mt-reason')].map((p) => p.textContent.trim()),
			rates: card.querySelector('.mp-rates')?.textContent.trim() ?? ''
		}))
	);
	await page.locator('.mt-card details.mp-more').evaluateAll((all) => {
		for (const d of all) d.open = false;
	});
	return { screens, cards: cards.map((c, i) => ({ ...c, open: !closed[i] })) };
}

/** Ticks two creators: the bar stuck to the bottom of the screen says 2, its Compare button in view. */
async function tickTwo(page, assert, compareName) {
	const boxes = page.locator('input[type="checkbox"][name="ids"]');
	await boxes.nth(0).check();
	await boxes.nth(2).check();
	const bar = page.locator('form.mp-bar');
	await page.waitForFunction(() => document.querySelector('.mp-ticked-num')?.textContent.trim() === '2');
	const button = bar.getByRole('button', { name: compareName });
	const box = await button.boundingBox();
	assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `Compare is in view after ticking the third card: ${JSON.stringify(box)}`);
	const barBox = await bar.boundingBox();
	assert.ok(barBox.y + barBox.height >= PHONE.height - 2 && barBox.y + barBox.height <= PHONE.height + 1, `the bar sits on the bottom edge: ${JSON.stringify(barBox)}`);
	return { bar, button };
}

export async function run({ browser, baseURL, screenshot, assert }) {
	// --- French: the brand on a phone -------------------------------------------------------------
	let invitedOnFr;
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_BRAND, ip: '10.86.0.1' });
		const { screens, cards } = await readPage(page, assert, 'fr');
		assert.equal(cards.length, 20, 'a full first page');
		assert.ok(screens <= MAX_SCREENS, `20 creators in ${screens.toFixed(1)} phone screens (at most ${MAX_SCREENS})`);
		assert.ok(
			cards.every((c) => !c.open),
			'details closed at first'
		);
		for (const c of cards) {
			assert.match(c.rates, /^Tarifs.*\d[\d\u202f\u00a0 ]*DA/u, `the card shows the creator's rates: ${c.rates}`);
			assert.ok(c.highlights.length <= 2);
			assert.equal(c.reasons.length, 6, 'six criteria behind the details');
			for (const h of c.highlights) {
				assert.ok(!c.reasons.includes(h), `"why" is not a reason repeated: ${h}`);
				assert.doesNotMatch(h, /\b(boutiqu|maquillag|solair|crem)\b/u, `real words: ${h}`);
			}
		}
		assert.ok(cards.filter((c) => c.highlights.length > 0).length >= 10, 'most cards say why in a line or two');
		await screenshot('fr-phone-1-matches', page);

		// the details open from the keyboard and show the five criteria
		const summary = page.locator('.mt-card').first().locator('details.mp-more > summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		assert.equal(await page.locator('.mt-card').first().locator('details.mp-more').getAttribute('open'), '');
		assert.ok(await page.locator('.mt-card').first().locator('.mt-criteria [role="meter"]').first().isVisible());
		assert.equal(await page.locator('.mt-card').first().locator('.mt-criterion').count(), 6, 'six criteria, the track record included');
		await page.keyboard.press('Enter');

		const { button } = await tickTwo(page, assert, 'Comparer');
		await screenshot('fr-phone-2-ticked-two', page);
		await button.click();
		await page.waitForURL((url) => url.pathname.endsWith('/matches/compare'));
		assert.equal(await page.locator('.mt-table thead th').count(), 3, 'two creators compared');

		// invite the demo creator (page 1 or 2)
		await page.goto(`/campaigns/${CAMPAIGN}/matches`);
		let card = page.locator('.mt-card', { hasText: DEMO_HANDLE });
		if ((await card.count()) === 0) {
			await page.goto(`/campaigns/${CAMPAIGN}/matches?page=2`);
			card = page.locator('.mt-card', { hasText: DEMO_HANDLE });
		}
		await page.waitForLoadState('networkidle');
		assert.equal(await card.count(), 1, 'the demo creator is among the matches');
		await card.getByRole('button', { name: /Inviter à candidater/ }).click();
		await page.locator('.notice', { hasText: 'est invité·e' }).waitFor();
		invitedOnFr = await card.locator('.mp-invited').innerText();
		assert.match(invitedOnFr, /^Invité·e le \d/);
		assert.equal(await card.getByRole('button', { name: /Inviter à candidater/ }).count(), 0, 'no second invite button');
		await page.reload();
		assert.match(await page.locator('.mt-card', { hasText: DEMO_HANDLE }).locator('.mp-invited').innerText(), /^Invité·e le/, 'kept after a reload');
		await screenshot('fr-phone-3-invited', page);
		assert.deepEqual(errors, []);
	}

	// --- French: the demo creator sees the invitation in the feed and in the inbox ------------------
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_CREATOR, ip: '10.86.1.1' });
		await page.goto('/campaigns');
		const first = page.locator('.campaign-list .campaign-card').first();
		assert.match(await first.innerText(), /Crèmes solaires : la routine été/);
		assert.match(await first.locator('.invited-note').innerText(), /Invité·e\s+La marque vous invite à candidater \(le \d/);
		assert.ok((await overflowOf(page)) <= 1);
		await screenshot('fr-phone-4-creator-feed', page);
		await page.goto('/notifications');
		const note = page.locator('main a', { hasText: /vous invite à candidater à «\s*\u2068?Crèmes solaires/u });
		assert.equal(await note.count(), 1);
		await note.click();
		await page.waitForURL((url) => url.pathname === `/campaigns/${CAMPAIGN}`);
		assert.match(await page.locator('#invited-note').innerText(), /Invité·e\s+La marque vous invite à candidater \(le \d/, 'the campaign page says the creator is invited');
		await screenshot('fr-phone-5-creator-campaign', page);
		assert.deepEqual(errors, []);
	}

	// --- Arabic: the same page right to left, then the creator -----------------------------------
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'ar', who: DEMO_BRAND, ip: '10.86.2.1' });
		const { screens, cards } = await readPage(page, assert, 'ar');
		assert.ok(screens <= MAX_SCREENS, `ar: 20 creators in ${screens.toFixed(1)} phone screens`);
		for (const c of cards.filter((x) => x.highlights.length > 0)) for (const h of c.highlights) assert.match(h, /[\u0600-\u06FF]/u, `Arabic highlight: ${h}`);
		await tickTwo(page, assert, 'مقارنة');
		await screenshot('ar-phone-1-ticked-two', page);
		await page.goto(`/campaigns/${CAMPAIGN}/matches`);
		let card = page.locator('.mt-card', { hasText: DEMO_HANDLE });
		if ((await card.count()) === 0) {
			await page.goto(`/campaigns/${CAMPAIGN}/matches?page=2`);
			card = page.locator('.mt-card', { hasText: DEMO_HANDLE });
		}
		assert.match(await card.locator('.mp-invited').innerText(), /تمت الدعوة في/);
		assert.ok((await overflowOf(page)) <= 1);
		await screenshot('ar-phone-2-invited', page);
		assert.deepEqual(errors, []);
	}
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'ar', who: DEMO_CREATOR, ip: '10.86.3.1' });
		await page.goto('/campaigns');
		assert.match(await page.locator('.campaign-list .campaign-card').first().locator('.invited-note').innerText(), /مدعو/);
		assert.ok((await overflowOf(page)) <= 1);
		await screenshot('ar-phone-3-creator-feed', page);
		await page.goto('/notifications');
		assert.equal(await page.locator('main a', { hasText: 'إلى الترشح لحملة' }).count(), 1);
		await screenshot('ar-phone-4-creator-inbox', page);
		assert.deepEqual(errors, []);
	}
}
