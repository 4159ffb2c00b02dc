// The first hour of the demo creator (issue 14, points 1, 2 and 8), on a 390 px phone: the
// dashboard's checklist (on a 360 px phone, narrower than the 390 px) shows the real state of the seeded profile and each button leads to
// a page that answers; an unknown agreement and an unknown page show the styled error page
// with the navigation, in French and in Arabic; saving the profile shows a confirmation that
// is announced (a polite status region) and in view; the inbox shows "agreement sent".
import { fits, openMenu, signedIn } from './phone.mjs';

export const name = 'first hour: the demo creator’s checklist, styled error pages (fr, ar), the profile saved in view, “agreement sent” in the inbox';

const DEMO_CREATOR = 'demo.createur@wasla.dz';
const DEMO_PASSWORD = 'wasla-demo-2026';

export async function run({ browser, baseURL, screenshot, assert }) {
	const { context, page, errors } = await signedIn(browser, baseURL, DEMO_CREATOR, 'fr', '10.82.0.1', DEMO_PASSWORD);

	// ---- the checklist: the seeded profile and stats are done, each button answers ----------------
	await page.goto('/dashboard');
	const steps = page.locator('#checklist .checklist-step');
	assert.equal(await steps.count(), 5, 'five steps');
	for (const step of ['profile', 'stats', 'mediaKit', 'application']) {
		assert.ok(await page.locator(`#checklist [data-step="${step}"].is-done`).isVisible(), `${step} is done for the demo creator`);
	}
	assert.ok(!(await page.getByText('Votre profil est encore vide').isVisible()), 'no "empty profile" any more');
	await fits(page, assert, 'dashboard (fr)');
	await screenshot('dashboard-fr', page);
	const hrefs = await page.locator('#checklist .checklist-step a.button').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	for (const href of hrefs) {
		const res = await page.goto(href);
		assert.equal(res?.status(), 200, `${href} answers`);
	}

	// ---- the profile saved: announced and in view ------------------------------------------------
	await page.goto('/profile');
	await page.locator('form button[type="submit"]').last().scrollIntoViewIfNeeded();
	await page.locator('form button[type="submit"]').last().click();
	const saved = page.locator('#profile-saved');
	await saved.locator('.notice').waitFor();
	assert.equal(await saved.getAttribute('role'), 'status');
	assert.equal(await saved.getAttribute('aria-live'), 'polite');
	await page.waitForFunction(() => {
		const r = document.querySelector('#profile-saved')?.getBoundingClientRect();
		return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
	});

	// ---- the inbox: the agreement sent to the demo creator ---------------------------------------
	await page.goto('/notifications');
	assert.ok(
		await page
			.getByText(/vous a envoyé l’accord/)
			.first()
			.isVisible(),
		'agreement sent in the inbox'
	);

	// ---- error pages: styled, with the navigation, in French and in Arabic -------------------------
	for (const lang of ['fr', 'ar']) {
		await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
		for (const path of ['/agreements/00000000-0000-4000-8000-000000000000', '/nimporte-quoi-inconnu']) {
			const res = await page.goto(path);
			assert.equal(res?.status(), 404, `${path} is a 404`);
			assert.ok(await page.locator('.error-card h1').isVisible(), `${path}: the styled error page (${lang})`);
			await openMenu(page);
			assert.ok(await page.locator('header nav.main-nav').isVisible(), `${path}: the navigation (${lang})`);
			assert.equal(await page.locator('html').getAttribute('lang'), lang);
		}
		await fits(page, assert, `error page (${lang})`);
		await screenshot(`404-${lang}`, page);
	}
	assert.deepEqual(errors, [], 'no script error');
	await context.close();
}
