// Issue 14, points 5 and 10, on a 360 px phone in French and in Arabic: the WhatsApp brief
// template fills in the brand's name and leaves a marked token for each creator's keyword;
// "Enregistrer et publier" with a "[…]" blank left is refused, the error names the blank
// next to its field and the field is focused with the blank selected; once replaced the
// campaign publishes, its plan sits on its own dates and follows them when they move, and a
// step is ticked in one click (and, without JavaScript, in one form submit).
import { fits, PHONE, signedIn } from './phone.mjs';

export const name =
	'plan and templates: brand name and keyword token from the template, a “[…]” blank refused and focused, save and publish, the plan on the campaign’s dates, one-click steps (fr, ar, 360 px)';

const DEMO_BRAND = 'demo.marque@wasla.dz';
const DEMO_PASSWORD = 'wasla-demo-2026';
const BRAND_NAME = 'Boutique Yasmine Cosmétiques';
const DAY = 24 * 3600 * 1000;
/** The Algiers calendar day `days` days from now, for <input type="date">. */
const dayIn = (days) => new Date(Date.now() + days * DAY + 3600_000).toISOString().slice(0, 10);

const LANGS = {
	fr: {
		title: 'Routine solaire — test du plan',
		token: '{mot-clé du créateur}',
		blank: '[votre offre, ex. pack à 3 500 DA]',
		offer: 'Pack à 3 500 DA',
		firstPosts: 'Suivre les premières publications',
		day6: 'Jour 6',
		day8: 'Jour 8'
	},
	ar: {
		title: 'روتين الشمس — تجربة الخطة',
		token: '{كلمة صانع المحتوى المفتاحية}',
		blank: '[عرضكم، مثلًا علبة بـ 3500 دج]',
		offer: 'علبة بـ 3500 دج',
		firstPosts: 'متابعة أولى المنشورات',
		day6: 'اليوم 6',
		day8: 'اليوم 8'
	}
};

export async function run({ browser, baseURL, screenshot, assert }) {
	let n = 0;
	for (const [lang, L] of Object.entries(LANGS)) {
		n += 1;
		const { context, page, errors } = await signedIn(browser, baseURL, DEMO_BRAND, lang, `10.84.${n}.1`, DEMO_PASSWORD);

		// ---- a new campaign from the WhatsApp template -----------------------------------------
		await page.goto('/campaigns/new');
		await page.waitForLoadState('networkidle');
		assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
		await page.fill('#campaign-title', L.title);
		await page.selectOption('#campaign-template', 'whatsapp_sales');
		await page.click('button[formaction="?/template"]');
		const brief = await page.inputValue('#campaign-keyMessages');
		assert.ok(brief.includes(BRAND_NAME), `${lang}: the template names the brand`);
		assert.ok(brief.includes(L.token), `${lang}: the creator’s keyword is a marked token, not one creator’s keyword`);
		assert.ok(!/INSTA-NOUR|\b58\b/.test(brief), `${lang}: no hard-coded keyword or wilaya count`);
		assert.ok(brief.includes('69'), `${lang}: the wilaya count of the reference table`);
		assert.ok(brief.includes(L.blank), `${lang}: the offer is a […] blank for the brand`);
		assert.ok((await page.locator('#campaign-blanks-hint').innerText()).includes(L.token), `${lang}: the form explains blanks and tokens`);
		await page.check('#format-reel');
		await page.check('#wilaya-31');
		await page.check('#niche-beauty');
		await page.fill('#campaign-applyBy', dayIn(3));
		await page.fill('#campaign-startsAt', dayIn(5));
		await page.fill('#campaign-endsAt', dayIn(9));
		await fits(page, assert, `new campaign form (${lang})`);
		await page.locator('form.campaign-form button[type="submit"]:not([formaction])').click();
		await page.waitForURL((url) => url.searchParams.has('saved'));
		const path = new URL(page.url()).pathname;
		assert.ok(await page.locator('#blanks-left').isVisible(), `${lang}: the draft says blanks are left`);
		assert.ok(await page.locator('mark.brief-blank').count(), `${lang}: the blank is marked in the brief`);
		assert.ok(await page.locator('mark.brief-token').count(), `${lang}: the token is marked in the brief`);
		await fits(page, assert, `draft campaign page (${lang})`);

		// ---- "Enregistrer et publier" with the blank left: named, focused, selected ----------------
		await page.goto(`${path}/edit`);
		await page.waitForLoadState('networkidle');
		await page.locator('button[formaction="?/publish"]').click();
		const fieldError = page.locator('#campaign-keyMessages-error');
		await fieldError.waitFor();
		assert.ok((await fieldError.innerText()).includes(L.blank), `${lang}: the error next to the field names the blank`);
		assert.ok((await page.locator('.error-summary').innerText()).includes(L.blank), `${lang}: the summary names it too`);
		await page.waitForFunction(() => document.activeElement?.id === 'campaign-keyMessages');
		const selected = await page.evaluate(() => {
			const el = document.activeElement;
			return el.value.slice(el.selectionStart, el.selectionEnd);
		});
		assert.equal(selected, L.blank, `${lang}: the blank is selected in the focused field`);
		assert.equal(await page.getAttribute('#campaign-keyMessages', 'aria-invalid'), 'true');
		await fits(page, assert, `refused publish (${lang})`);
		await screenshot(`${lang}-blank-refused`, page);

		// Typing replaces the selection: the blank goes, the campaign publishes.
		await page.keyboard.type(L.offer);
		assert.ok(!(await page.inputValue('#campaign-keyMessages')).includes(L.blank), `${lang}: the blank is replaced`);
		await page.locator('button[formaction="?/publish"]').click();
		await page.waitForURL((url) => url.pathname === path && url.searchParams.has('published'));

		// ---- the plan on the campaign's dates, one click per step ----------------------------------
		const tasks = page.locator('.task');
		assert.equal(await tasks.count(), 14, `${lang}: 14 steps`);
		const firstPosts = tasks.filter({ hasText: L.firstPosts });
		assert.ok((await firstPosts.locator('.task-when').innerText()).includes(L.day6), `${lang}: “follow the first publications” is the start day (day 6), not before`);
		const first = page.locator('.task-toggle').first();
		assert.equal(await first.getAttribute('aria-pressed'), 'false');
		await first.click();
		await page.waitForFunction(() => document.querySelector('.task-toggle')?.getAttribute('aria-pressed') === 'true');
		await page.reload();
		assert.equal(await page.locator('.task-toggle').first().getAttribute('aria-pressed'), 'true', `${lang}: ticked in one click, and it stays`);
		await fits(page, assert, `published campaign with its plan (${lang})`);
		await screenshot(`${lang}-plan`, page);

		// Publications move two days later: the open steps follow, the ticked one stays.
		const tickedWhen = await page.locator('.task-when').first().innerText();
		await page.goto(`${path}/edit`);
		await page.waitForLoadState('networkidle');
		await page.fill('#campaign-startsAt', dayIn(7));
		await page.fill('#campaign-endsAt', dayIn(11));
		await page.locator('form.campaign-form button[type="submit"]:not([formaction])').click();
		await page.waitForURL((url) => url.searchParams.has('saved'));
		assert.ok(await page.locator('#plan-redated').isVisible(), `${lang}: the page says the plan followed the new dates`);
		assert.ok((await tasks.filter({ hasText: L.firstPosts }).locator('.task-when').innerText()).includes(L.day8), `${lang}: “follow the first publications” moved to the new start (day 8)`);
		assert.equal(await page.locator('.task-when').first().innerText(), tickedWhen, `${lang}: the ticked step keeps its date`);
		assert.deepEqual(errors, [], `${lang}: no script errors`);

		// ---- without JavaScript: one form submit ticks a step ------------------------------------
		const nojs = await browser.newContext({
			baseURL,
			javaScriptEnabled: false,
			viewport: PHONE,
			storageState: await context.storageState(),
			extraHTTPHeaders: { 'cf-connecting-ip': `10.84.${n}.2` }
		});
		const plain = await nojs.newPage();
		await plain.goto(path);
		const second = plain.locator('.task-toggle').nth(1);
		assert.equal(await second.getAttribute('aria-pressed'), 'false');
		await second.click();
		await plain.waitForLoadState('domcontentloaded');
		await plain.goto(path);
		assert.equal(await plain.locator('.task-toggle').nth(1).getAttribute('aria-pressed'), 'true', `${lang}: one submit without JavaScript`);
		await nojs.close();
		await context.close();
	}
}
