// Look-alike creators (issue 16, point 3) on a 360 px phone, with the demo data: from a match
// card of the demo brand's open campaign (in its details, which keeps 20 cards within the
// phone's screen budget, matches-phone.e2e.mjs), "Créateurs similaires" leads to the list of creators
// like that one, filtered by the campaign (it says so), each with its similarity, the reason
// sentence and a link to its media kit that opens it; the page fits the screen, in French and
// in Arabic (right to left, numbers and handles left to right).
import { fits, signedIn } from './phone.mjs';

export const name = 'similar creators: from a match card to the list, on a phone (fr and ar)';

const DEMO_BRAND = 'demo.marque@wasla.dz';
const DEMO_PASSWORD = 'wasla-demo-2026';
/** The demo brand's open campaign, db/seed/generate.ts. */
const CAMPAIGN = 'seed-ca-02';

const TEXT = {
	fr: { link: 'Créateurs similaires', reason: /^Proche par\u00a0: .+\.$/u, filtered: 'Seulement ceux qui passent les filtres', kit: 'Voir le media kit' },
	ar: { link: 'مبدعون مشابهون', reason: /^قريب من حيث: .+\.$/u, filtered: 'فقط من يستوفون شروط', kit: 'عرض الملف الإعلامي' }
};

export async function run({ browser, baseURL, screenshot, assert }) {
	for (const [i, lang] of ['fr', 'ar'].entries()) {
		const x = TEXT[lang];
		const { context, page, errors } = await signedIn(browser, baseURL, DEMO_BRAND, lang, `10.106.0.${i + 1}`, DEMO_PASSWORD);
		await page.goto(`/campaigns/${CAMPAIGN}/matches`);
		const card = page.locator('.mt-card').first();
		const creatorName = (await card.locator('.mt-name').textContent()).trim();
		await card.locator('details.mp-more > summary').click();
		const link = card.getByRole('link', { name: new RegExp(`^${x.link}`) });
		const href = await link.getAttribute('href');
		assert.match(href, new RegExp(`^/creators/[^/]+/similar\\?campaignId=${CAMPAIGN}$`), `${lang}: the card links to its look-alikes, filtered by the campaign`);
		await link.click();
		await page.waitForURL((url) => url.pathname.endsWith('/similar'));
		await page.waitForLoadState('networkidle');

		assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
		assert.equal((await page.locator('h1').textContent()).trim(), x.link);
		const head = await page.locator('.page-head').textContent();
		assert.ok(head.includes(creatorName), `${lang}: the page names the creator (${creatorName})`);
		assert.ok(head.includes(x.filtered), `${lang}: the page says the campaign's filters apply`);
		await fits(page, assert, `${lang} similar creators`);

		const cards = await page.locator('.sc-card').evaluateAll((els) =>
			els.map((el) => ({
				name: el.querySelector('.sc-name').textContent.trim(),
				score: Number(el.querySelector('.sc-score-num').firstChild.textContent.trim()),
				scoreDir: el.querySelector('.sc-score-num').getAttribute('dir'),
				handleDir: el.querySelector('bdi[dir="ltr"]')?.textContent.trim() ?? '',
				reason: el.querySelector('.sc-reason').textContent.trim(),
				kit: el.querySelector('.sc-actions a').getAttribute('href')
			}))
		);
		assert.ok(cards.length >= 1 && cards.length <= 10, `${lang}: 1 to 10 look-alikes (${cards.length})`);
		assert.ok(!cards.some((c) => c.name === creatorName), `${lang}: the creator is not its own look-alike`);
		const scores = cards.map((c) => c.score);
		assert.deepEqual(
			scores,
			[...scores].sort((a, b) => b - a),
			`${lang}: most similar first`
		);
		for (const c of cards) {
			assert.ok(c.score >= 30 && c.score <= 100, `${lang}: similarity ${c.score} on 0–100, at least 30`);
			assert.equal(c.scoreDir, 'ltr');
			assert.match(c.handleDir, /^@/u, `${lang}: the handle is isolated left to right`);
			assert.match(c.reason, x.reason, `${lang}: the reason is a sentence in the page's language: ${c.reason}`);
			assert.match(c.kit, /^\/c\/[^/]+$/);
		}
		if (lang === 'ar') await screenshot('ar-360', page);

		// The first look-alike's media kit opens.
		await page
			.locator('.sc-card')
			.first()
			.getByRole('link', { name: new RegExp(`^${x.kit}`) })
			.click();
		await page.waitForURL((url) => url.pathname === cards[0].kit);
		assert.ok((await page.locator('h1').textContent()).includes(cards[0].name), `${lang}: the media kit of ${cards[0].name}`);
		assert.deepEqual(errors, [], `${lang}: no script error`);
		await context.close();
	}
}
