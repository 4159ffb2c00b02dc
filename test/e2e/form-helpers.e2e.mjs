// Smaller helps of the first hour (issue 14, point 13), on a 360 px phone: the brand finds a
// wilaya by typing its name in French or Arabic or its number, and a hidden ticked wilaya
// stays ticked; the creator's apply form starts with the fee of their own rates and follows
// the formats ticked; the stats page offers sample CSV files that import as they are.
import { apiClient } from './api-client.mjs';
import { PASSWORD, fits, signedIn } from './phone.mjs';

export const name = 'form helps: wilaya search (fr, ar), the fee from the creator’s rates, sample CSV files that import, a creator with an Arabic name chooses a handle shown left to right';

const DEMO_BRAND = 'demo.marque@wasla.dz';
const DEMO_CREATOR = 'demo.createur@wasla.dz';
const DEMO_PASSWORD = 'wasla-demo-2026';

export async function run({ browser, baseURL, screenshot, assert }) {
	// ---- the wilaya picker ---------------------------------------------------------------------
	{
		const { context, page, errors } = await signedIn(browser, baseURL, DEMO_BRAND, 'fr', '10.88.0.1', DEMO_PASSWORD);
		await page.goto('/campaigns/new');
		const search = page.locator('#wilaya-search');
		await search.waitFor();
		const visible = () => page.locator('#wilaya-list label.pick:visible').allTextContents();
		assert.equal((await visible()).length, 69, 'every wilaya before a search');
		await search.fill('oran');
		assert.deepEqual(
			(await visible()).map((s) => s.replace(/\s+/g, ' ').trim()),
			['31 Oran'],
			'Oran by its French name'
		);
		assert.match(await page.locator('#wilaya-search-count').textContent(), /1 wilaya correspond\./);
		await page.locator('#wilaya-31').check();
		await search.fill('بجاية');
		assert.deepEqual(
			(await visible()).map((s) => s.replace(/\s+/g, ' ').trim()),
			['06 Bejaïa'],
			'Béjaïa by its Arabic name on a French page'
		);
		await page.locator('#wilaya-06').check();
		await search.fill('16');
		assert.deepEqual(
			(await visible()).map((s) => s.replace(/\s+/g, ' ').trim()),
			['16 Alger'],
			'Algiers by its number'
		);
		await search.fill('zzz');
		assert.match(await page.locator('#wilaya-search-count').textContent(), /Aucune wilaya ne correspond à « zzz »/);
		// Enter in the search box does not submit the campaign form; Escape clears it.
		await search.press('Enter');
		assert.equal(new URL(page.url()).pathname, '/campaigns/new');
		await search.press('Escape');
		assert.equal(await search.inputValue(), '');
		assert.equal((await visible()).length, 69, 'every wilaya again');
		assert.ok(await page.locator('#wilaya-31').isChecked(), 'a ticked wilaya stays ticked through searches');
		assert.match(await page.locator('#wilaya-search-count').textContent(), /2 wilayas cochées/);
		await fits(page, assert, 'campaign form (fr)');
		await screenshot('wilaya-search-fr', page);

		await page.goto('/lang?to=ar&next=/campaigns/new');
		await page.locator('#wilaya-search').fill('وهر');
		assert.deepEqual(
			(await visible()).map((s) => s.replace(/\s+/g, ' ').trim()),
			['31 وهران'],
			'Oran by the start of its Arabic name'
		);
		await page.locator('#wilaya-search').fill('tizi');
		assert.deepEqual(
			(await visible()).map((s) => s.replace(/\s+/g, ' ').trim()),
			['15 تيزى وزو'],
			'Tizi Ouzou by its French name on an Arabic page'
		);
		await fits(page, assert, 'campaign form (ar)');
		await screenshot('wilaya-search-ar', page);
		assert.deepEqual(errors, [], 'no script errors');
		await context.close();
	}

	// ---- the creator: fee from their rates, sample CSV files -----------------------------------------
	{
		const { context, page, errors } = await signedIn(browser, baseURL, DEMO_CREATOR, 'fr', '10.88.0.2', DEMO_PASSWORD);
		const me = await (await page.request.get('/api/v1/creators/me')).json();
		const rates = me.creator.rates ?? {};
		const feed = await (await page.request.get('/api/v1/campaigns?limit=50')).json();
		let target = null;
		for (const c of feed.campaigns) {
			const priced = c.formats.filter((f) => rates[f] > 0);
			if (priced.length < 1) continue;
			const forMe = await (await page.request.get(`/api/v1/campaigns/${c.id}/application`)).json();
			if (forMe.application === null && forMe.campaign.acceptingApplications) {
				target = { id: c.id, priced };
				break;
			}
		}
		assert.ok(target, 'an open campaign the demo creator has not applied to, in formats they price');
		await page.goto(`/campaigns/${target.id}/apply`);
		const fee = page.locator('#apply-fee');
		const sum = target.priced.reduce((s, f) => s + rates[f], 0);
		assert.equal(await fee.inputValue(), String(sum), 'the fee starts at the sum of the creator’s rates');
		for (const f of target.priced) assert.ok(await page.locator(`#apply-format-${f}`).isChecked(), `${f} starts ticked`);
		assert.match(await page.locator('#apply-fee-rates').textContent(), /Prérempli d’après vos tarifs/);
		if (target.priced.length > 1) {
			const first = target.priced[0];
			await page.locator(`#apply-format-${first}`).uncheck();
			assert.equal(await fee.inputValue(), String(sum - rates[first]), 'the fee follows the formats ticked');
		}
		await fee.fill('12345');
		await page.locator(`#apply-format-${target.priced[0]}`).check();
		assert.equal(await fee.inputValue(), '12345', 'a fee typed by the creator is never overwritten');
		await fits(page, assert, 'apply form (fr)');
		await screenshot('apply-fee-from-rates-fr', page);

		// Sample files: downloaded from the stats page, they preview with no error.
		await page.goto('/profile/stats');
		const postsHref = await page.locator('a[href="/profile/stats/sample.csv"]').getAttribute('href');
		const res = await page.request.get(postsHref);
		assert.equal(res.status(), 200);
		assert.match(res.headers()['content-type'], /^text\/csv/);
		assert.match(res.headers()['content-disposition'], /attachment; filename="wasla-posts-sample\.csv"/);
		const sample = await res.body();
		await page.setInputFiles('#csv-file', { name: 'exemple.csv', mimeType: 'text/csv', buffer: sample });
		await page.locator('form[action="?/preview"] button[type="submit"]').click();
		await page.locator('#preview-title').waitFor();
		assert.match(await page.locator('#preview-title').textContent(), /3/, 'three valid rows out of three');
		assert.equal(await page.locator('table.st-errors tbody tr').count(), 0, 'no row error');
		const followers = await page.request.get('/profile/stats/sample.csv?kind=followers');
		assert.match((await followers.text()).replace(/^\ufeff/, ''), /^platform,date,followers\r\n/);
		await fits(page, assert, 'stats page (fr)');
		await screenshot('stats-samples-fr', page);
		assert.deepEqual(errors, [], 'no script errors');
		await context.close();
	}

	// ---- a creator with an Arabic name chooses their handle; it reads left to right in Arabic ------
	{
		const email = `nour.${Date.now()}@example.dz`;
		const api = apiClient(baseURL, '10.88.0.3');
		assert.equal((await api('/auth/register', { json: { email, password: PASSWORD, role: 'creator', name: 'نور الهدى', locale: 'ar' } })).status, 201);
		const { context, page, errors } = await signedIn(browser, baseURL, email, 'ar', '10.88.0.4');
		await page.goto('/profile');
		const handle = page.locator('#handle');
		assert.match(await handle.inputValue(), /^createur\./, 'an Arabic name gives a neutral Latin handle');
		assert.equal(await handle.getAttribute('dir'), 'ltr');
		const chosen = `nour.elhouda${Date.now() % 100000}`;
		await page.locator('#wilaya').selectOption('09');
		await page.locator('input[name="niches"]').first().check();
		// Another creator's handle first: the field says so, in Arabic, and nothing is lost.
		await handle.fill('@Admin');
		await page.locator('form.form button[type="submit"]').last().click();
		await page.locator('#handle-error').waitFor();
		assert.match(await page.locator('#handle-error').textContent(), /محجوز/);
		assert.equal(await handle.inputValue(), '@Admin', 'what was typed is kept');
		await handle.fill(`@${chosen}`);
		await page.locator('form.form button[type="submit"]').last().click();
		await page.waitForFunction(() => !document.querySelector('#handle-error'));
		const kit = await page.goto(`/c/${chosen}`);
		assert.equal(kit?.status(), 200, 'the media kit answers at the chosen address');
		// On the Arabic dashboard "@handle" reads left to right: the "@" is left of the name.
		await page.goto('/dashboard');
		const order = await page.evaluate((h) => {
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.textContent.indexOf(`@${h}`);
				if (i < 0) continue;
				const rect = (from) => {
					const r = document.createRange();
					r.setStart(n, from);
					r.setEnd(n, from + 1);
					return r.getBoundingClientRect().left;
				};
				return { at: rect(i), first: rect(i + 1), last: rect(i + h.length) };
			}
			return null;
		}, chosen);
		assert.ok(order, 'the handle is on the dashboard');
		assert.ok(order.at < order.first && order.first < order.last, `"@${chosen}" laid out left to right: ${JSON.stringify(order)}`);
		await fits(page, assert, 'dashboard (ar)');
		await screenshot('handle-chosen-ar', page);

		// "القانون رقم 15-04" on the Arabic verification page: 15 stays left of 04.
		await page.goto('/verify');
		const law = await page.evaluate(() => {
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.textContent.indexOf('15-04');
				if (i < 0) continue;
				const left = (k) => {
					const r = document.createRange();
					r.setStart(n, k);
					r.setEnd(n, k + 1);
					return r.getBoundingClientRect().left;
				};
				return { one: left(i), dash: left(i + 2), zero: left(i + 3) };
			}
			return null;
		});
		assert.ok(law, 'the law number is on the page');
		assert.ok(law.one < law.dash && law.dash < law.zero, `"15-04" reads left to right: ${JSON.stringify(law)}`);
		assert.deepEqual(errors, [], 'no script errors');
		await context.close();
	}
}
