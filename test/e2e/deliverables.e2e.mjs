// A deliverable from draft to D+1 stats, on phones, the creator in Arabic and the brand in
// French (issue 11, point 9). Set-up through the API: a brand and a creator sign an agreement
// for one reel three days ago (the development server's request clock, x-wasla-dev-now), so
// a post recorded two days ago has its D+1 window open. Then in the browser: the creator sends
// a draft with an image, the brand asks for changes, the creator sends v2, the brand approves,
// the creator records the post with its disclosure and reports the D+1 figures. Each page
// must fit a 360 px screen; numbers and URLs stay left-to-right in Arabic.
import { apiClient as client } from './api-client.mjs';
import { signingCode } from './signed-agreement.mjs';
import { PASSWORD, PNG, fits, signedIn } from './phone.mjs';

export const name = 'deliverables: draft → changes → v2 → approve → publish → D+1 stats, live codes, the offer window, the sales desk and the report (creator ar, brand fr, 360 px)';

const DAY = 86_400_000;

/** The value of a datetime-local input for an instant, in Algiers time (UTC+1). */
const algiersLocal = (ms) => new Date(ms + 3_600_000).toISOString().slice(0, 16);

export async function run({ browser, baseURL, screenshot, assert }) {
	// ---- set-up: signed three days ago --------------------------------------------------------
	const stamp = Date.now().toString(36);
	const start = Date.now();
	const threeDaysAgo = () => Date.now() - 3 * DAY;
	const brand = client(baseURL, '10.72.0.1', threeDaysAgo);
	const creator = client(baseURL, '10.72.0.2', threeDaysAgo);
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.dlv.${stamp}@example.dz`;
	const creatorEmail = `createur.dlv.${stamp}@example.dz`;
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Parfums Oran', locale: 'fr' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: 'Yasmine Beauté', locale: 'ar' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Yasmine Beauté', wilaya: '31', niches: ['beauty'], accounts: [{ platform: 'instagram', handle: `yasmine.${stamp}`, followers: 18000 }], rates: { reel: 15000 } }
		})
	);
	const day = (n) => new Date(start + n * DAY).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Eau de parfum Oran',
				objective: 'whatsapp_sales',
				offer: 'Coffret -10 %',
				formats: ['reel'],
				wilayas: ['31', '16'],
				niches: ['beauty'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 90000,
				startsAt: day(-2),
				endsAt: day(10),
				applyBy: day(-2.5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Un reel parfum pour mes abonnées d’Oran.', feeDzd: 24000, formats: ['reel'] } }), 201);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	const id = agreement.id;
	const current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms = structuredClone(current.terms);
	terms.parties.brand.representative = 'Samir Belkacem';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms } }));
	await ok(await creator(`/agreements/${id}/creator-details`, { method: 'PUT', json: { legalName: 'Yasmine Hadj' } }));
	await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }));
	await ok(await creator(`/agreements/${id}/sign`, { json: { fullName: 'Yasmine Hadj', consent: true, code: await signingCode(baseURL, creator, id, creatorEmail) } }));
	await ok(await brand(`/agreements/${id}/sign`, { json: { fullName: 'Samir Belkacem', consent: true, code: await signingCode(baseURL, brand, id, brandEmail) } }));
	const { deliverables } = await ok(await brand(`/agreements/${id}/deliverables`));
	assert.equal(deliverables.length, 1, 'one reel in the terms: one deliverable');
	const path = `/deliverables/${deliverables[0].id}`;

	// ---- the creator (Arabic) sends a draft with an image --------------------------------------
	const c = await signedIn(browser, baseURL, creatorEmail, 'ar', '10.72.1.1');
	await c.page.goto(`/agreements/${id}`);
	assert.equal(await c.page.getAttribute('html', 'dir'), 'rtl');
	// Issue 12: the codes and the tracked link are live since the signature, left-to-right in Arabic.
	assert.equal((await c.page.locator('#ws-promo').innerText()).trim(), 'YASMINE10');
	assert.match(await c.page.locator('#ws-link').innerText(), /\/l\/[a-z2-9]{8}$/);
	assert.equal(await c.page.locator('#ws-link').getAttribute('dir'), 'ltr');
	// The tracked link: no landing page URL and no WhatsApp number, so it opens the offer page, in Arabic, on a phone.
	const linkPath = new URL((await c.page.locator('#ws-link').innerText()).trim()).pathname;
	await c.page.goto(linkPath);
	await c.page.waitForURL((url) => url.pathname.startsWith('/o/'));
	assert.equal(await c.page.getAttribute('html', 'dir'), 'rtl');
	assert.ok((await c.page.innerText('body')).includes('YASMINE10'), 'the offer page shows the creator’s code');
	await fits(c.page, assert, 'offer page (ar)');
	await screenshot('ar-0-offer-page-360', c.page);
	await c.page.goto(`/agreements/${id}`);
	await c.page.locator(`a[href="${path}"]`).first().click();
	await c.page.waitForURL((url) => url.pathname === path);
	assert.equal((await c.page.locator('#deliverable-status').innerText()).trim(), 'قيد التحضير');
	await c.page.fill('#draft-note', 'السيناريو: أفتح العلبة، أرشّ العطر، وأذكر الكود.');
	await c.page.setInputFiles('#draft-file', { name: 'brouillon.png', mimeType: 'image/png', buffer: PNG });
	await c.page.locator('#draft-form button[type="submit"]').click();
	await c.page.locator('#deliverable-status', { hasText: 'تم إرسال المسودة' }).waitFor();
	await fits(c.page, assert, 'creator, draft sent (ar)');
	await screenshot('ar-1-creator-draft-sent-360', c.page);

	// ---- the brand (French) asks for changes ------------------------------------------------------
	const b = await signedIn(browser, baseURL, brandEmail, 'fr', '10.72.1.2');
	await b.page.goto(path);
	assert.match(await b.page.locator('#drafts-rounds').innerText(), /0/);
	await b.page.fill('#review-comment', 'Plus de lumière sur le flacon, et le code promo à l’écran.');
	await b.page.locator('#review button[name="decision"][value="changes"]').click();
	await b.page.locator('#deliverable-status', { hasText: 'Modifications demandées' }).waitFor();
	await fits(b.page, assert, 'brand, changes requested (fr)');
	await screenshot('fr-2-brand-changes-requested-360', b.page);

	// ---- the creator reads the comment and sends v2 ---------------------------------------------
	await c.page.reload();
	assert.ok((await c.page.innerText('body')).includes('Plus de lumière sur le flacon'), 'the brand’s comment is in the thread');
	await c.page.fill('#draft-note', 'النسخة الثانية: إضاءة أقوى والكود على الشاشة.');
	await c.page.setInputFiles('#draft-file', { name: 'v2.png', mimeType: 'image/png', buffer: PNG });
	await c.page.locator('#draft-form button[type="submit"]').click();
	await c.page.locator('#deliverable-status', { hasText: 'تم إرسال المسودة' }).waitFor();
	await c.page.locator(`a[href*="/submissions/"]`).nth(1).waitFor();
	await screenshot('ar-3-creator-v2-sent-360', c.page);

	// ---- the brand approves ---------------------------------------------------------------------
	await b.page.reload();
	await b.page.locator('#review button[name="decision"][value="approve"]').click();
	await b.page.locator('#deliverable-status', { hasText: 'Validé, à publier' }).waitFor();
	await screenshot('fr-4-brand-approved-360', b.page);

	// ---- the creator records the post, two days ago, with its disclosure -----------------------------
	await c.page.reload();
	await c.page.fill('#pub-url', 'https://www.instagram.com/reel/C3xYz0ParfumOran/');
	await c.page.fill('#pub-at', algiersLocal(Date.now() - 2 * DAY));
	await c.page.locator('#pub-label').check();
	await c.page.locator('#pub-tag-0').check();
	await c.page.locator('form[action="?/publication"] button[type="submit"]').click();
	await c.page.locator('#deliverable-status', { hasText: 'منشور' }).waitFor();
	assert.equal(await c.page.locator('#payout-held').count(), 0, 'the disclosure is complete: no payout held');
	await fits(c.page, assert, 'creator, published (ar)');
	await screenshot('ar-5-creator-published-360', c.page);

	// ---- D+1 stats --------------------------------------------------------------------------------
	const figures = { views: '12500', reach: '9800', likes: '840', comments: '96', saves: '210', shares: '64', replies: '0', linkClicks: '37' };
	for (const [metric, value] of Object.entries(figures)) await c.page.fill(`#st-D1-${metric}`, value);
	await c.page.locator('#stats-D1 form[action="?/stats"] button[type="submit"]').click();
	await c.page.locator('#deliverable-status', { hasText: 'وصلت إحصائيات اليوم الأول' }).waitFor();
	const table = await c.page.locator('#stats-D1').innerText();
	assert.ok(table.includes('12') && table.includes('500'), 'the reported views are shown');
	assert.equal((await c.page.locator('#stats-D1 [dir="ltr"]').count()) > 0, true, 'figures stay left-to-right in Arabic');
	await fits(c.page, assert, 'creator, D+1 stats (ar)');
	await screenshot('ar-6-creator-d1-stats-360', c.page);

	// ---- the brand records the creator's limited offer on the workspace (issue 12) -----------------------
	await b.page.goto(`/agreements/${id}`);
	await b.page.locator('.ws-offer-form summary').click();
	await b.page.fill('#offer-starts', algiersLocal(Date.now() - 3_600_000));
	await b.page.selectOption('#offer-hours', '48');
	await b.page.fill('#offer-note', '-10 % sur le coffret pendant 48 h');
	await b.page.locator('form[action="?/offerWindow"] button').click();
	await b.page.locator('#ws-offer', { hasText: '-10 % sur le coffret' }).waitFor();
	await fits(b.page, assert, 'brand, workspace with the offer (fr)');
	await screenshot('fr-7-brand-workspace-offer-360', b.page);

	// ---- the shop's sales desk (issue 12): one tap, an order in three taps, an orders CSV ----------------
	await b.page.goto(`/campaigns/${campaign.id}/sales`);
	assert.match(await b.page.locator('#attribution-rule').innerText(), /code promo, puis le mot-clé WhatsApp/);
	await b.page.locator('.creator form[action="?/tap"] button[value="whatsapp"]').click();
	await b.page.locator('.creator .badge[role="status"]').waitFor();
	assert.match(await b.page.locator('.creator button[value="whatsapp"]').innerText(), /1 \/ 1/);
	await b.page.locator('input[name="source"][value="code"]').check();
	await b.page.fill('#order-ref', 'yasmineio');
	await b.page.fill('#order-amount', '4500');
	await b.page.locator('form[action="?/order"] button').last().click();
	await b.page.locator('#order-done').waitFor();
	assert.match(await b.page.locator('#orders').innerText(), /Yasmine Beauté \(code promo\)/);
	// The order's day as the brand's sheet writes it: Algiers time (UTC+1), already tomorrow there from 23:00 UTC.
	const ordersCsv = ['orderRef,ref,amountDzd,channel,at,deliveryStatus', `B-1,INSTA-YASMINE,3200,whatsapp,${new Date(Date.now() + 3600_000).toISOString().slice(0, 10)},delivered`].join('\n');
	await b.page.setInputFiles('#csv-file', { name: 'commandes.csv', mimeType: 'text/csv', buffer: Buffer.from(ordersCsv) });
	await b.page.locator('form[action="?/csv"] button[value="preview"]').click();
	await b.page.locator('#csv-preview').waitFor();
	assert.match(await b.page.locator('#csv-preview').innerText(), /1 nouvelles/);
	await b.page.locator('form[action="?/csv"] button[value="import"]').click();
	await b.page.locator('#csv-done').waitFor();
	assert.equal(await b.page.locator('#orders .order').count(), 2);
	await fits(b.page, assert, 'brand, sales desk (fr)');
	await screenshot('fr-9-brand-sales-desk-360', b.page);
	// The report adds it up: two delivered orders (4 500 + 3 200 DA), the D+1 views, the WhatsApp conversation.
	await b.page.goto(`/campaigns/${campaign.id}/report`);
	const totals = await b.page.locator('#report-totals').innerText();
	assert.match(totals, /7[\s\u202f]700[\s\u00a0]DA/);
	assert.match(totals, /12[\s\u202f]500/);
	assert.match(await b.page.locator('.reasons').first().innerText(), /Seulement 2 ventes livrées/);
	// The charts are drawn by LayerChart once the page runs: the funnel, the creators, the journal with the publication.
	await b.page.locator('#report-charts .lc-annotation-line').first().waitFor({ state: 'attached' });
	assert.equal(await b.page.locator('#report-charts figure').count(), 3, 'funnel, creators side by side, journal');
	assert.ok((await b.page.locator('#report-charts .lc-bars-bar, #report-charts .lc-bar').count()) >= 6, 'the funnel and the creators are drawn as bars');
	assert.match(await b.page.locator('#report-charts .lc-annotation-line-label').first().textContent(), /Yasmine Beauté · Reel/, 'the publication is on the journal');
	assert.match(await b.page.locator('#funnel-caption').innerText(), /Entonnoir/);
	await b.page.locator('#report-charts details').first().locator('summary').click();
	assert.match(await b.page.locator('#report-charts details').first().innerText(), /Commandes livrées\s+2/);
	await fits(b.page, assert, 'brand, report (fr)');
	await screenshot('fr-10-brand-report-360', b.page);
	// The same report in Arabic, right to left on the same phone: numbers and codes stay left to right.
	const ba = await signedIn(browser, baseURL, brandEmail, 'ar', '10.72.0.9');
	await ba.page.goto(`/campaigns/${campaign.id}/report`);
	assert.equal(await ba.page.locator('html').getAttribute('dir'), 'rtl');
	assert.match(await ba.page.locator('#totals-title').innerText(), /الحملة كاملة/);
	const totalsAr = await ba.page.locator('#report-totals').innerText();
	assert.match(totalsAr, /7[\s\u202f]700[\s\u00a0]د\.ج/);
	assert.equal((await ba.page.locator('#report-totals dd[dir="ltr"]').count()) > 5, true, 'figures are left-to-right islands');
	assert.match(await ba.page.locator('.reasons').first().innerText(), /[\u0600-\u06ff]/, 'the reasons are in Arabic');
	await ba.page.locator('#report-charts .lc-annotation-line').first().waitFor({ state: 'attached' });
	assert.match(await ba.page.locator('#journal-caption').innerText(), /سجلّ الحملة/);
	assert.equal(await ba.page.locator('#report-charts .plot[dir="ltr"]').count(), 3, 'the charts keep their axes left to right');
	// The PDF in Arabic, from the page's first download link.
	const pdfHref = await ba.page.locator('#report-pdf-ar').getAttribute('href');
	const pdf = await ba.page.request.get(pdfHref);
	assert.equal(pdf.status(), 200);
	assert.equal(pdf.headers()['content-type'], 'application/pdf');
	assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
	await fits(ba.page, assert, 'brand, report (ar)');
	await screenshot('ar-12-brand-report-360', ba.page);
	assert.deepEqual(ba.errors, [], 'no script errors on the Arabic report');
	await ba.context.close();

	// ---- the brand's offer page builder: two products, the second moved up, one repriced ---------------------
	await b.page.goto(`/campaigns/${campaign.id}/offer`);
	for (const [name, price] of [
		['Coffret découverte', '3 900'],
		['Sérum éclat', '2 500 DA']
	]) {
		await b.page.fill('#add-name', name);
		await b.page.fill('#add-price', price);
		await b.page.locator('form[action="?/add"] button').click();
		await b.page.locator('#offer-products li', { hasText: name }).waitFor();
	}
	await b.page.locator('#offer-products li', { hasText: 'Sérum éclat' }).locator('button[value="up"]').click();
	await b.page.locator('#offer-products li').first().filter({ hasText: 'Sérum éclat' }).waitFor();
	const coffret = b.page.locator('#offer-products li', { hasText: 'Coffret découverte' });
	await coffret.locator('summary').click();
	await coffret.locator('input[name="priceDzd"]').fill('3 500');
	await coffret.locator('form[action="?/edit"] button').click();
	await b.page.locator('#product-saved').waitFor();
	assert.match(await b.page.locator('#offer-products li').nth(1).innerText(), /3[\s\u202f]500[\s\u00a0]DA/);
	await fits(b.page, assert, 'brand, offer page builder (fr)');
	await screenshot('fr-13-brand-offer-builder-360', b.page);

	// ---- the brand sees it all, and the audit chain holds --------------------------------------------
	await b.page.goto(path);
	assert.equal((await b.page.locator('#deliverable-status').innerText()).trim(), 'Statistiques J+1 reçues');
	await screenshot('fr-8-brand-d1-stats-360', b.page);
	const api = client(baseURL, '10.72.0.3');
	await ok(await api('/auth/login', { json: { email: brandEmail, password: PASSWORD } }));
	const trail = await ok(await api(`/agreements/${id}/audit`));
	assert.equal(trail.chainValid, true);
	const actions = trail.events.map((e) => e.action);
	for (const action of ['deliverables_planned', 'draft_submitted', 'changes_requested', 'draft_approved', 'published', 'stats_reported']) assert.ok(actions.includes(action), `audit: ${action}`);
	assert.deepEqual([...c.errors, ...b.errors], [], 'no script errors');
}
