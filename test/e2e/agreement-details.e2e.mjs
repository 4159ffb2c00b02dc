// Sending an agreement says what is missing (issue 14, point 4), on a 360 px phone: the brand
// (French) sees an "À compléter" list, jumps to its own empty field in the terms form, then
// tries to send without the creator's legal name: refused, the focused summary names the field
// and who fills it. The creator (Arabic, right to left) is told in the inbox, fills their legal
// details on the agreement page (a refused empty form first), finds them kept on
// /profile/legal, which also saves without JavaScript; the brand then sends.
import { apiClient } from './api-client.mjs';
import { PASSWORD, PHONE, fits, signedIn } from './phone.mjs';
import { ok } from './signed-agreement.mjs';

export const name = 'agreement details: what sending needs, the creator fills their legal details (fr + ar, 360 px)';

const DAY = 86_400_000;

/** A draft agreement between a new brand (fr) and a new creator (ar), through the API. */
async function draft(baseURL) {
	const stamp = Date.now().toString(36);
	const brand = apiClient(baseURL, '10.85.0.1');
	const creator = apiClient(baseURL, '10.85.0.2');
	const brandEmail = `marque.details.${stamp}@example.dz`;
	const creatorEmail = `createur.details.${stamp}@example.dz`;
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Huilerie Kabyle', locale: 'fr' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: 'Amina Cuisine', locale: 'ar' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Amina Cuisine', wilaya: '15', niches: ['food'], accounts: [{ platform: 'instagram', handle: `amina.${stamp}`, followers: 12000 }], rates: { reel: 18000 } }
		})
	);
	const day = (n) => new Date(Date.now() + n * DAY).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Huile d’olive de Kabylie',
				objective: 'whatsapp_sales',
				offer: 'Bouteille d’un litre -10 %',
				formats: ['reel'],
				wilayas: ['15', '16'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 60000,
				startsAt: day(3),
				endsAt: day(20),
				applyBy: day(1)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(
		await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette à l’huile d’olive pour mes abonnés.', feeDzd: 18000, formats: ['reel'] } }),
		201
	);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	return { id: agreement.id, brandEmail, creatorEmail };
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).trim();
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

export async function run({ browser, baseURL, screenshot, assert }) {
	const { id, brandEmail, creatorEmail } = await draft(baseURL);
	const agreementPath = `/agreements/${id}`;

	// ---- the brand (fr): what is missing, and who fills it -----------------------------------------
	const brand = await signedIn(browser, baseURL, brandEmail, 'fr', '10.85.1.1');
	const page = brand.page;
	await page.goto(agreementPath);
	const todo = await text(page, '#todo');
	assert.match(todo, /À compléter/);
	assert.match(todo, /Signataire pour la marque · à compléter par vous/);
	assert.match(todo, /Nom légal du créateur · à compléter par le créateur/);
	assert.equal(await page.locator('#todo li[data-party="creator"] a').count(), 0, 'the creator’s field is not the brand’s to fill: no link');
	assert.equal(await page.locator('#creator-details').count(), 0, 'the brand does not get the creator’s form');
	await fits(page, assert, 'agreement page with its checklist (fr)');
	await screenshot('details-fr-1-brand-todo-phone', page);

	// Its own field: the link opens the terms form with that input focused.
	await page.locator('#todo li[data-field="parties.brand.representative"] a').click();
	await page.waitForURL((url) => url.pathname === `${agreementPath}/edit`);
	await page.waitForFunction(() => document.activeElement?.id === 't-parties-brand-representative');
	await page.fill('#t-parties-brand-representative', 'Karim Bensalah, gérant');
	await page.locator('form.agr-form button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === agreementPath && url.searchParams.get('done') === 'saved');
	assert.doesNotMatch(await text(page, '#todo'), /Signataire/);

	// Sending without the creator's legal name: refused, the summary names it and takes the focus.
	await page.locator('form[action="?/send"] button').click();
	await page.locator('#send-errors .error-summary').waitFor();
	assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus moves to the send summary');
	const summary = await text(page, '#send-errors');
	assert.match(summary, /Le contrat n’a pas été envoyé/);
	assert.match(summary, /Nom légal du créateur\u00a0: à compléter par le créateur/);
	assert.equal(await text(page, '#agreement-status'), 'Brouillon');
	await fits(page, assert, 'refused send (fr)');
	await screenshot('details-fr-2-send-refused-phone', page);

	// Without JavaScript the same post renders the same summary.
	const nojs = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false, extraHTTPHeaders: { 'cf-connecting-ip': '10.85.1.2' } });
	await nojs.addCookies(await brand.context.cookies());
	const plain = await nojs.newPage();
	await plain.goto(agreementPath);
	await plain.locator('form[action="?/send"] button').click();
	await plain.locator('#send-errors .error-summary').waitFor();
	assert.match(await text(plain, '#send-errors'), /Nom légal du créateur\u00a0: à compléter par le créateur/);
	await nojs.close();

	// ---- the creator (ar, right to left): told in the inbox, fills their details --------------------
	const creator = await signedIn(browser, baseURL, creatorEmail, 'ar', '10.85.2.1');
	const cpage = creator.page;
	await cpage.goto('/notifications');
	const notice = cpage.locator(`a[href="${agreementPath}#creator-details"]`).first();
	assert.match(await notice.innerText(), /تنتظر\s+.*Huilerie Kabyle.*هويتك القانونية/s);
	await notice.click();
	await cpage.waitForURL((url) => url.pathname === agreementPath);
	assert.equal(await cpage.getAttribute('html', 'dir'), 'rtl');
	assert.match(await text(cpage, '#todo'), /الاسم القانوني لصانع المحتوى · عليك إكماله/);
	await fits(cpage, assert, 'agreement page with the creator’s form (ar)');

	// The checklist link focuses the input; an empty name is refused with a focused summary.
	await cpage.locator('#todo a[href="#cd-legalName"]').click();
	assert.equal(await focusedId(cpage), 'cd-legalName');
	await cpage.locator('#creator-details button').click();
	await cpage.locator('#cd-legalName-error').waitFor();
	assert.equal(await cpage.evaluate(() => document.activeElement?.classList.contains('error-summary')), true, 'focus moves to the form’s summary');
	await screenshot('details-ar-3-creator-refused-phone', cpage);

	await cpage.fill('#cd-legalName', 'أمينة براهيمي');
	await cpage.fill('#cd-nif', '0016 1234 5678 901');
	await cpage.locator('#creator-details button').click();
	await cpage.waitForURL((url) => url.searchParams.get('done') === 'details');
	assert.match(await text(cpage, '#agreement-done'), /هويتك القانونية مدرجة في العقد/);
	assert.equal(await cpage.locator('#todo').count(), 0, 'nothing left to complete');
	assert.match(await cpage.locator('#parties-title ~ div').innerText(), /أمينة براهيمي/);
	await fits(cpage, assert, 'agreement page after the details (ar)');
	await screenshot('details-ar-4-creator-filled-phone', cpage);

	// Kept on the profile (the box was left ticked), linked from /profile.
	await cpage.goto('/profile');
	await cpage.locator('a[href="/profile/legal"]').click();
	await cpage.waitForURL((url) => url.pathname === '/profile/legal');
	assert.equal(await cpage.inputValue('#legal-legalName'), 'أمينة براهيمي');
	assert.equal(await cpage.inputValue('#legal-nif'), '0016 1234 5678 901');
	await fits(cpage, assert, '/profile/legal (ar)');
	await screenshot('details-ar-5-profile-legal-phone', cpage);

	// /profile/legal saves without JavaScript too.
	const cnojs = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false, extraHTTPHeaders: { 'cf-connecting-ip': '10.85.2.2' } });
	await cnojs.addCookies(await creator.context.cookies());
	const cplain = await cnojs.newPage();
	await cplain.goto('/profile/legal');
	await cplain.fill('#legal-rcNumber', '15/00-7654321 A 20');
	await cplain.locator('form button').last().click();
	await cplain.locator('#legal-saved .notice').waitFor();
	assert.equal(await cplain.inputValue('#legal-rcNumber'), '15/00-7654321 A 20');
	await cnojs.close();
	const me = await (await cpage.request.get('/api/v1/creators/me')).json();
	assert.deepEqual(me.creator.legalDetails, { legalName: 'أمينة براهيمي', rcNumber: '15/00-7654321 A 20', nif: '0016 1234 5678 901', autoEntrepreneurCard: null });

	// ---- the brand sends ------------------------------------------------------------------------------
	await page.goto(agreementPath);
	assert.equal(await page.locator('#todo').count(), 0);
	await page.locator('form[action="?/send"] button').click();
	await page.waitForURL((url) => url.searchParams.get('done') === 'sent');
	assert.equal(await text(page, '#agreement-status'), 'En attente de signature');

	for (const [who, errors] of [
		['brand', brand.errors],
		['creator', creator.errors]
	]) {
		assert.deepEqual(errors, [], `${who}: no script errors`);
	}
	await brand.context.close();
	await creator.context.close();
}
