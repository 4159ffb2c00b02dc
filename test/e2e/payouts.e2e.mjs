// A payout from the brand's "I paid" to the creator's confirmation, on phones (issue 13,
// point 6): the brand in French, the creator in Arabic. Set-up through the API: a brand and
// a creator sign an agreement for one reel at 24 000 DA (the default schedule: 12 000 DA at
// signature, due at once, and 12 000 DA at approval). Then in the browser: the brand opens
// the payouts page from the agreement, sends the form without a reference (an error, nothing
// typed lost), marks the signature payout paid by CCP with a reference, attaches a proof;
// the creator sees the notice and the payout in Arabic, amounts and references left to
// right, and confirms; the brand sees it confirmed, with the history both see. Each page
// must fit a 360 px screen, with no script error.
import { apiClient as client } from './api-client.mjs';

export const name = 'payouts: the brand marks the signature payout paid (CCP, a reference, a proof), the creator confirms (brand fr, creator ar, 360 px)';

const PHONE = { width: 360, height: 780 };
const PASSWORD = 'motdepasse-sur-2026';
const DAY = 86_400_000;
// A 1×1 PNG: the proof of payment (its type is read from these bytes).
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e5275ede0000000049454e44ae426082', 'hex');
const REFERENCE = 'CCP-0042-778159';

/** Signs in through the login form on a 360 px phone in `lang` (shared with first-hour.e2e.mjs). */
export async function signedIn(browser, baseURL, email, lang, ip, password = PASSWORD) {
	const context = await browser.newContext({ baseURL, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', password);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');
	return { context, page, errors };
}

/** The page fits the phone: nothing wider than the viewport. */
export async function fits(page, assert, what) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	assert.ok(width <= PHONE.width, `${what}: ${width}px wide on a ${PHONE.width}px screen`);
}

export async function run({ browser, baseURL, screenshot, assert }) {
	// ---- set-up: a signed agreement ---------------------------------------------------------------
	const stamp = Date.now().toString(36);
	const start = Date.now();
	const brand = client(baseURL, '10.73.0.1');
	const creator = client(baseURL, '10.73.0.2');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.pay.${stamp}@example.dz`;
	const creatorEmail = `createur.pay.${stamp}@example.dz`;
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Épicerie Tlemcen', locale: 'fr' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: 'Amina Cuisine', locale: 'ar' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: {
				displayName: 'Amina Cuisine',
				wilaya: '13',
				niches: ['food'],
				accounts: [{ platform: 'instagram', handle: `amina.${stamp}`, followers: 15000 }],
				rates: { reel: 20000 },
				payoutRip: '00799999001234567803'
			}
		})
	);
	const day = (n) => new Date(start + n * DAY).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Miel de Tlemcen',
				objective: 'whatsapp_sales',
				offer: 'Pot de 500 g -10 %',
				formats: ['reel'],
				wilayas: ['13', '31'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 90000,
				startsAt: day(1),
				endsAt: day(20),
				applyBy: day(0.5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(
		await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette au miel pour mes abonnés de Tlemcen.', feeDzd: 24000, formats: ['reel'] } }),
		201
	);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	const id = agreement.id;
	const current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms = structuredClone(current.terms);
	terms.parties.brand.representative = 'Karim Bensalah';
	terms.parties.creator.legalName = 'Amina Brahimi';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms } }));
	await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }));
	const codeFor = async (who, email) => {
		await ok(await who(`/agreements/${id}/sign/code`, { method: 'POST' }), 202);
		const { messages } = await ok(await fetch(`${baseURL}/api/v1/dev/outbox?limit=50`));
		return /\b(\d{3})\s?(\d{3})\b/
			.exec(messages.find((m) => m.to === email && /\b\d{3}\s?\d{3}\b/.test(m.subject)).subject)
			.slice(1)
			.join('');
	};
	await ok(await creator(`/agreements/${id}/sign`, { json: { fullName: 'Amina Brahimi', consent: true, code: await codeFor(creator, creatorEmail) } }));
	await ok(await brand(`/agreements/${id}/sign`, { json: { fullName: 'Karim Bensalah', consent: true, code: await codeFor(brand, brandEmail) } }));
	const planned = await ok(await brand(`/agreements/${id}/payouts`));
	assert.deepEqual(
		planned.payouts.map((p) => [p.milestone, p.amountDzd, p.status]),
		[
			['signature', 12000, 'due'],
			['approval', 12000, 'scheduled']
		],
		'signing planned the default 50/50 schedule, the first instalment due'
	);
	const path = `/agreements/${id}/payouts`;

	// ---- the brand (French) opens the payouts from the agreement ------------------------------------
	const b = await signedIn(browser, baseURL, brandEmail, 'fr', '10.73.1.1');
	await b.page.goto(`/agreements/${id}`);
	await b.page.locator('#ws-payouts').click();
	await b.page.waitForURL((url) => url.pathname === path);
	assert.equal((await b.page.locator('#payout-1-status').innerText()).trim(), 'À payer');
	assert.equal((await b.page.locator('#payout-2-status').innerText()).trim(), 'Prévu');
	assert.match((await b.page.locator('#payout-1-amount').innerText()).trim(), /^12\s000\sDA$/, 'the amount as 12 000 DA');
	assert.match(await b.page.locator('#payouts-fee').innerText(), /24\s000\sDA/);
	await fits(b.page, assert, 'brand, payouts due (fr)');
	await screenshot('fr-1-brand-payouts-due-360', b.page);

	// ---- a refused form keeps what was typed ----------------------------------------------------------
	// The creator's RIP is shown to the brand on the payout it has to pay, grouped as a bank prints it.
	assert.equal((await b.page.locator('#payout-1-rip').innerText()).trim(), '007 99999 0012345678 03');
	assert.equal(await b.page.locator('#payout-2-rip').count(), 0, 'no RIP on the scheduled payout');
	await b.page.locator('#payout-1-mark input[name="method"][value="ccp"]').check();
	await b.page.locator('#payout-1-mark button').click();
	await b.page.locator('#payout-1-ref-error').waitFor();
	assert.equal(await b.page.locator('#payout-1-ref').getAttribute('aria-invalid'), 'true');
	assert.match(await b.page.locator('#payout-1-ref').getAttribute('aria-describedby'), /payout-1-ref-error/);
	assert.ok(await b.page.locator('#payout-1-mark input[name="method"][value="ccp"]').isChecked(), 'the chosen method is kept after the error');
	assert.equal((await b.page.locator('#payout-1-status').innerText()).trim(), 'À payer', 'nothing changed');
	await fits(b.page, assert, 'brand, reference missing (fr)');
	await screenshot('fr-2-brand-reference-missing-360', b.page);

	// ---- the brand marks the signature payout paid by CCP --------------------------------------------
	await b.page.fill('#payout-1-ref', REFERENCE);
	await b.page.locator('#payout-1-mark button').click();
	await b.page.locator('#payout-1-status', { hasText: 'Payé, à confirmer' }).waitFor();
	assert.equal((await b.page.locator('#payout-1-method').innerText()).trim(), 'CCP');
	assert.equal((await b.page.locator('#payout-1-reference').innerText()).trim(), REFERENCE);
	assert.ok((await b.page.locator('#payout-1-done').innerText()).includes('Paiement enregistré'));
	assert.equal((await b.page.locator('#payout-2-status').innerText()).trim(), 'Prévu', 'the other instalment is untouched');
	await fits(b.page, assert, 'brand, marked paid (fr)');
	await screenshot('fr-3-brand-marked-paid-360', b.page);

	// ---- and attaches a proof ------------------------------------------------------------------------------
	await b.page.setInputFiles('#payout-1-file', { name: 'recu-ccp.png', mimeType: 'image/png', buffer: PNG });
	await b.page.locator('#payout-1-proof-form button').click();
	await b.page.locator('#payout-1-proof').waitFor();
	const proof = await b.page.request.get(await b.page.locator('#payout-1-proof').getAttribute('href'));
	assert.equal(proof.status(), 200, 'the proof downloads');
	assert.equal(Buffer.compare(Buffer.from(await proof.body()), PNG), 0, 'the proof is the file sent');
	// The API says the same: paid, by CCP, with its reference and a proof.
	const marked = (await ok(await brand(path))).payouts[0];
	assert.deepEqual([marked.status, marked.method, marked.reference, marked.proof?.type], ['paid', 'ccp', REFERENCE, 'image/png']);
	await screenshot('fr-4-brand-proof-attached-360', b.page);

	// ---- the creator (Arabic) is told, and sees it ----------------------------------------------------
	const c = await signedIn(browser, baseURL, creatorEmail, 'ar', '10.73.1.2');
	await c.page.goto('/notifications');
	const notice = c.page.locator(`a[href="${path}"]`).first();
	await notice.waitFor();
	const noticeText = await notice.innerText();
	assert.ok(noticeText.includes('Épicerie Tlemcen') && noticeText.includes('د.ج'), `the notice names the brand and the amount: ${noticeText}`);
	await fits(c.page, assert, 'creator, notifications (ar)');
	await screenshot('ar-5-creator-notification-360', c.page);
	await notice.click();
	await c.page.waitForURL((url) => url.pathname === path);
	assert.equal(await c.page.getAttribute('html', 'dir'), 'rtl');
	assert.equal((await c.page.locator('#payout-1-status').innerText()).trim(), 'مدفوعة، بانتظار التأكيد');
	// Amounts and references stay left to right inside the Arabic page.
	assert.equal(await c.page.locator('#payout-1-amount').getAttribute('dir'), 'ltr');
	assert.ok((await c.page.locator('#payout-1-amount').innerText()).includes('د.ج'));
	assert.equal(await c.page.locator('#payout-1-reference').getAttribute('dir'), 'ltr');
	assert.equal((await c.page.locator('#payout-1-reference').innerText()).trim(), REFERENCE);
	assert.equal(await c.page.evaluate(() => getComputedStyle(document.querySelector('#payout-1-reference')).direction), 'ltr');
	assert.equal(await c.page.locator('#payout-1-proof').count(), 1, 'the creator sees the proof link');
	assert.equal(await c.page.locator('#payout-1-mark').count(), 0, 'a creator cannot mark paid');
	await fits(c.page, assert, 'creator, payout paid (ar)');
	await screenshot('ar-6-creator-payout-paid-360', c.page);

	// ---- the creator confirms ------------------------------------------------------------------------------
	await c.page.locator('#payout-1-confirm button').click();
	await c.page.locator('#payout-1-status', { hasText: 'مستلَمة' }).waitFor();
	assert.equal(await c.page.locator('#payout-1-confirm').count(), 0, 'nothing left to confirm');
	const balance = await c.page.locator('#balance').innerText();
	assert.ok(balance.includes('مستلَم ومؤكَّد'), `the balance says what was received, in plain words: ${balance}`);
	// The receipt, in Arabic, from the confirmed payout's link; its hash is the one on the agreement's chain.
	const receipt = await c.page.request.get(await c.page.locator('#payout-1-receipt-ar').getAttribute('href'));
	assert.equal(receipt.status(), 200);
	assert.equal(receipt.headers()['content-type'], 'application/pdf');
	assert.match(receipt.headers()['x-receipt-sha256'] ?? '', /^[0-9a-f]{64}$/);
	await fits(c.page, assert, 'creator, confirmed (ar)');
	await screenshot('ar-7-creator-confirmed-360', c.page);

	// ---- the brand sees it confirmed, with the history both sides see ---------------------------------
	await b.page.reload();
	assert.equal((await b.page.locator('#payout-1-status').innerText()).trim(), 'Reçu');
	await b.page.locator('#payout-1-history summary').click();
	const history = await b.page.locator('#payout-1-history').innerText();
	for (const step of ['Paiement marqué comme effectué', 'Preuve de paiement ajoutée', 'Paiement confirmé']) assert.ok(history.includes(step), `history: ${step}`);
	assert.match(await b.page.locator('#balance').innerText(), /Déjà payé/);
	await fits(b.page, assert, 'brand, confirmed with history (fr)');
	await screenshot('fr-8-brand-confirmed-history-360', b.page);

	// ---- the statements: totals by month on both sides ------------------------------------------------
	await b.page.locator('#statement-link').click();
	await b.page.waitForURL('**/payouts');
	const totals = await b.page.locator('#statement-totals').innerText();
	assert.match(totals, /Confirmé\s+12[\s\u202f]000[\s\u00a0]DA/, `the brand's statement: ${totals}`);
	assert.match(totals, /Prévu\s+12[\s\u202f]000[\s\u00a0]DA/);
	assert.match(totals, /24[\s\u202f]000[\s\u00a0]DA/);
	await fits(b.page, assert, 'brand, statement (fr)');
	await screenshot('fr-9-brand-statement-360', b.page);
	await c.page.goto('/payouts');
	assert.match(await c.page.locator('#statement-totals').innerText(), /مؤكَّدة\s+12[\s\u202f]000[\s\u00a0]د\.ج/);
	await fits(c.page, assert, 'creator, statement (ar)');
	await screenshot('ar-10-creator-statement-360', c.page);

	assert.deepEqual([...b.errors, ...c.errors], [], 'no script errors');
}
