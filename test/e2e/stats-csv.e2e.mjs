// A creator imports a follower-history CSV in Arabic, without JavaScript: the preview shows
// the valid rows and each bad row's line and column, nothing is saved until they choose to
// import the valid rows.
export const name = 'stats: follower-history CSV preview, row errors, import the valid rows (ar, no JS)';

const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };

export async function run({ browser, baseURL, screenshot, assert }) {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'ar-DZ', viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'cf-connecting-ip': '10.62.0.1' } });
	const page = await context.newPage();
	await page.goto('/login');
	await page.fill('input[name="email"]', DEMO_CREATOR.email);
	await page.fill('input[name="password"]', DEMO_CREATOR.password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');

	const day = (ago) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
	const csv = ['platform,date,followers', `tiktok,${day(3)},5100`, `tiktok,${day(2)},beaucoup`, `tiktok,${day(1)},5200`].join('\n');
	const countTiktokPoints = async () => {
		const res = await page.request.get('/api/v1/me/export');
		const data = await res.json();
		return data.creator.followerHistory.filter((p) => p.platform === 'tiktok').length;
	};
	const before = await countTiktokPoints();

	// Login adopts the account's saved language (French here); switch to Arabic from the header link.
	await page.goto('/lang?to=ar&next=/profile/stats');
	assert.equal(new URL(page.url()).pathname, '/profile/stats');
	assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
	await page.locator('input[name="kind"][value="followers"]').check({ force: true });
	await page.setInputFiles('#csv-file', { name: 'abonnes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.locator('form[action="?/preview"] button[type="submit"]').click();
	await page.waitForLoadState('domcontentloaded');
	const errorRows = await page.locator('table.st-errors tbody tr').allTextContents();
	assert.equal(errorRows.length, 1, 'one bad row listed');
	assert.ok(errorRows[0].includes('3') && errorRows[0].includes('followers'), `line 3, column followers: ${errorRows[0]}`);
	assert.equal(await countTiktokPoints(), before, 'the preview saved nothing');
	await screenshot('stats-followers-csv-preview-ar', page);

	await page.locator('form[action="?/import"] button[type="submit"]').click();
	await page.waitForLoadState('domcontentloaded');
	// Two readings, said the Arabic way (the dual), not "2 قراءة".
	assert.match(await page.locator('[role="status"]').first().textContent(), /تم استيراد قراءتين للمتابعين/, 'two readings imported');
	assert.equal(await countTiktokPoints(), before + 2, 'only the valid rows were saved');
	await screenshot('stats-followers-csv-imported-ar', page);
	await context.close();
}
