// Email that arrives: an Arabic-speaking creator asks for a signing code on the sign page,
// reads it in the local SMTP server's web inbox that `npm start` runs (not the development
// outbox): the message came over SMTP, its HTML part is Arabic, right to left, with the code
// large and left to right. The code typed on the page signs the agreement.
import { apiClient as client } from './api-client.mjs';

export const name = 'email: the signing code read from the local SMTP inbox signs the agreement (ar, right to left)';

export async function run({ browser, baseURL, inboxURL, screenshot, assert }) {
	assert.ok(inboxURL, 'npm start printed the inbox URL');
	const stamp = Date.now().toString(36);
	const brand = client(baseURL, '10.72.0.1');
	const creator = client(baseURL, '10.72.0.2');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.mail.${stamp}@example.dz`;
	const creatorEmail = `createur.mail.${stamp}@example.dz`;
	const password = 'motdepasse-sur';
	await ok(await brand('/auth/register', { json: { email: brandEmail, password, role: 'brand', name: 'Dattes Biskra' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password, role: 'creator', name: 'Meriem Ait' } }), 201);
	await ok(await creator('/me/locale', { method: 'PUT', json: { locale: 'ar' } }), 204);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Meriem Ait', wilaya: '07', niches: ['food'], accounts: [{ platform: 'instagram', handle: `meriem.${stamp}`, followers: 12000 }], rates: { reel: 10000 } }
		})
	);
	const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Dattes Deglet Nour',
				objective: 'whatsapp_sales',
				offer: 'Coffret -10 %',
				formats: ['reel'],
				wilayas: ['07', '16'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 60000,
				startsAt: day(7),
				endsAt: day(21),
				applyBy: day(5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(
		await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Un reel dans la palmeraie, avec la recette du jour.', feeDzd: 18000, formats: ['reel'] } }),
		201
	);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	const id = agreement.id;
	let current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms1 = structuredClone(current.terms);
	terms1.parties.brand.representative = 'Karim Ait Ali';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms: terms1 } }));
	current = (await ok(await creator(`/agreements/${id}`))).agreement;
	const terms2 = structuredClone(current.terms);
	terms2.parties.creator.legalName = 'Meriem Ait Saadi';
	await ok(await creator(`/agreements/${id}/proposals`, { json: { terms: terms2, note: 'الاسم القانوني' } }), 201);
	await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }));

	// --- the creator, in Arabic, asks for a code on the sign page ---------------------------------
	const context = await browser.newContext({ baseURL, locale: 'ar-DZ', viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'cf-connecting-ip': '10.72.1.1' } });
	await context.addCookies([{ name: 'wasla_lang', value: 'ar', url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.fill('input[name="email"]', creatorEmail);
	await page.fill('input[name="password"]', password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');
	const agreementPath = `/agreements/${id}`;
	await page.goto(`${agreementPath}/sign`);
	await page.locator('form[action="?/code"] button[type="submit"]').click();
	await page.locator('#code-sent').waitFor();

	// --- the inbox: the code arrived over SMTP, in Arabic -------------------------------------------
	const inbox = await context.newPage();
	const codeLink = inbox.locator(`a.message[data-to="${creatorEmail}"]`).filter({ hasText: /\d{6}/ });
	const until = Date.now() + 60_000;
	await inbox.goto(inboxURL);
	while ((await codeLink.count()) === 0) {
		if (Date.now() > until) throw new Error(`no signing code for ${creatorEmail} in ${inboxURL}`);
		await inbox.waitForTimeout(500);
		await inbox.reload();
	}
	await screenshot('inbox-list', inbox);
	await codeLink.first().click();
	await inbox.waitForURL(/\/m\/\d+$/);
	assert.match(await inbox.locator('#subject').innerText(), /^رمز التوقيع الخاص بك: \d{6}$/);
	const html = inbox.frameLocator('#html-part');
	const frameHtml = await html.locator('html').evaluate((el) => ({ lang: el.getAttribute('lang'), dir: el.getAttribute('dir') }));
	assert.deepEqual(frameHtml, { lang: 'ar', dir: 'rtl' });
	const codeSpan = html.locator('span[dir="ltr"]');
	const code = (await codeSpan.innerText()).trim();
	assert.match(code, /^\d{6}$/);
	// The code sits in right-to-left text, itself left to right, and reads large.
	assert.equal(await codeSpan.evaluate((el) => getComputedStyle(el).direction), 'ltr');
	assert.equal(await codeSpan.evaluate((el) => getComputedStyle(el.closest('p')).direction), 'rtl');
	assert.ok(parseFloat(await codeSpan.evaluate((el) => getComputedStyle(el).fontSize)) >= 24, 'the code is large');
	assert.ok((await inbox.locator('#text-part').innerText()).includes(code), 'the text part holds the code too');
	await screenshot('inbox-ar-signing-code', inbox);

	// --- back on the sign page: the code from the email signs -----------------------------------------
	await page.fill('input[name="fullName"]', 'Meriem Ait Saadi');
	await page.locator('input[name="consent"]').check();
	await page.fill('input[name="code"]', code);
	await page.locator('form[action="?/sign"] button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === agreementPath && url.searchParams.has('done'));
	await page.locator('#agreement-done').waitFor();
	const signed = (await ok(await brand(`/agreements/${id}`))).agreement;
	assert.deepEqual(
		signed.signatures.map((s) => [s.party, s.name]),
		[['creator', 'Meriem Ait Saadi']]
	);
	await screenshot('ar-signed-with-emailed-code', page);
	assert.deepEqual(errors, [], 'no page errors');
}
