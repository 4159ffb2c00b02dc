// Issue 10, point 3: a creator with four unread notifications — an accepted application, a
// message, the agreement sent to sign (issue 14, point 8) and a signing reminder sent by the cron (run at a chosen time with POST
// /api/v1/dev/scheduled) — changes how they hear about messages without JavaScript, in
// Arabic on a 360 px phone: signing and account are locked, a forged post to change signing
// is refused. The inbox shows unread counts per category; "mark all read" clears them and the
// header's count. A message after that, with messages turned off, leaves the inbox unchanged.
// Last, with JavaScript, the brand keeps applications to the app (enhanced form).
import { apiClient as client } from './api-client.mjs';

export const name = 'preferences and reminders: locked categories, no-JS change in Arabic at 360 px, unread counts, mark all read';

const PHONE = { width: 360, height: 780 };
const PASSWORD = 'motdepasse-solide-42';

async function newUser(browser, baseURL, ip, { js, lang, viewport }) {
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', viewport, javaScriptEnabled: js, extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	return { context, page, errors };
}

async function logIn(page, email) {
	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname === '/dashboard');
}

/** Nothing sticks out sideways at 360 px (no horizontal scrolling). */
async function fitsWidth(page, assert) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	assert.ok(overflow <= 1, `${page.url()} scrolls sideways by ${overflow}px at 360 px`);
}

const bell = (page) => page.locator('header a[href="/notifications"]');

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const brand = client(baseURL, '10.73.0.1');
	const creator = client(baseURL, '10.73.0.2');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.${stamp}@example.dz`;
	const creatorEmail = `createur.${stamp}@example.dz`;

	// --- set-up through the API: an accepted application, a message, an agreement sent ---------
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Dattes de Tolga' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: 'Salima Cuisine' } }), 201);
	await ok(await creator('/me/locale', { method: 'PUT', json: { locale: 'ar' } }), 204);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Salima Cuisine', wilaya: '07', niches: ['food'], accounts: [{ platform: 'instagram', handle: `salima.${stamp}`, followers: 14000 }], rates: { reel: 12000 } }
		})
	);
	const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Deglet Nour',
				objective: 'whatsapp_sales',
				offer: 'Boîte de 1 kg -10 %',
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
	const { application } = await ok(await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette aux dattes en reel.', feeDzd: 15000, formats: ['reel'] } }), 201);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	await ok(await brand(`/applications/${application.id}/messages`, { json: { body: 'Bienvenue ! Le projet d’accord arrive.' } }), 201);
	const id = agreement.id;
	let current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms1 = structuredClone(current.terms);
	terms1.parties.brand.representative = 'Omar Tolga';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms: terms1 } }));
	current = (await ok(await creator(`/agreements/${id}`))).agreement;
	const terms2 = structuredClone(current.terms);
	terms2.parties.creator.legalName = 'Salima Haddad';
	await ok(await creator(`/agreements/${id}/proposals`, { json: { terms: terms2, note: 'Nom légal' } }), 201);
	const sent = (await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }))).agreement;

	// --- the cron, 49 hours later: the signing reminder ---------------------------------------------
	const run = async (at) => ok(await fetch(`${baseURL}/api/v1/dev/scheduled`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: at }) }));
	const at = new Date(Date.parse(sent.sentAt) + 49 * 3600_000).toISOString();
	const report = await run(at);
	assert.ok(report.reminders.byKind.agreement_unsigned_reminder.sent >= 2, `the run reports the reminders it sent (${JSON.stringify(report.reminders)})`);
	const again = await run(at);
	assert.equal(again.reminders.byKind.agreement_unsigned_reminder.sent, 0, 'the same run again sends nothing');
	const { messages: outbox } = await ok(await fetch(`${baseURL}/api/v1/dev/outbox?limit=200`));
	const reminders = outbox.filter((m) => m.to === creatorEmail && m.subject.startsWith('تذكير'));
	assert.equal(reminders.length, 1, 'one reminder email, in Arabic');
	assert.equal(reminders[0].subject, 'تذكير: الاتفاق «Deglet Nour» بانتظار توقيعك');

	// --- the creator, without JavaScript, in Arabic, on a phone ----------------------------------------
	const c = await newUser(browser, baseURL, '10.73.0.3', { js: false, lang: 'ar', viewport: PHONE });
	await logIn(c.page, creatorEmail);
	await c.page.waitForSelector('html[lang="ar"][dir="rtl"]', { state: 'attached' });
	assert.equal(await bell(c.page).getAttribute('aria-label'), 'الإشعارات: 4 غير مقروء', 'the header says 4 unread');

	await c.page.goto('/settings');
	const section = c.page.locator('section[aria-labelledby="prefs-title"]');
	assert.equal(await section.locator('h2').innerText(), 'الإشعارات والبريد الإلكتروني');
	const locked = section.locator('fieldset[disabled]');
	assert.equal(await locked.count(), 2, 'account and signing are shown locked');
	assert.match(await locked.nth(1).innerText(), /توقيع الاتفاقات[\s\S]*لا يمكن إيقاف هذه الرسائل/);
	assert.equal(await locked.nth(1).locator('input[value="email"]').isChecked(), true);
	assert.equal(await section.locator('form').count(), 4, 'a form for each category that can change (applications, deliverables, messages, team)');
	await fitsWidth(c.page, assert);
	await screenshot('ar-360-settings', c.page);

	const messagesForm = section.locator('form:has(input[name="category"][value="messages"])');
	await messagesForm.locator('label:has(input[value="off"])').click();
	await messagesForm.locator('button[type="submit"]').click();
	await c.page.locator('.notice[role="status"]', { hasText: 'تم الحفظ' }).waitFor();
	assert.match(await c.page.locator('.notice[role="status"]').innerText(), /«الرسائل»: متوقف/);
	await c.page.goto('/settings');
	assert.equal(await c.page.locator('form:has(input[name="category"][value="messages"]) input[value="off"]').isChecked(), true, 'the choice is saved');
	const prefs = await (await c.page.request.get('/api/v1/me/notification-preferences')).json();
	assert.deepEqual(
		prefs.preferences.map((p) => [p.category, p.channel]),
		[
			['account', 'email'],
			['signing', 'email'],
			['applications', 'email'],
			['deliverables', 'email'],
			['messages', 'off'],
			['team', 'email']
		]
	);
	await fitsWidth(c.page, assert);
	await screenshot('ar-360-settings-saved', c.page);

	// A forged post for signing is refused with the API's message, and nothing changes.
	const forged = await c.page.request.post('/settings?/preferences', { form: { category: 'signing', channel: 'off' }, headers: { origin: baseURL, accept: 'text/html' } });
	assert.equal(forged.status(), 422);
	assert.match(await forged.text(), /لا يمكن إيقاف رسائل الأمان والتوقيع/);
	assert.equal((await (await c.page.request.get('/api/v1/me/notification-preferences')).json()).preferences[1].channel, 'email');

	// --- the inbox: unread counts per category, the reminder, mark all read --------------------------
	await c.page.goto('/notifications?category=signing');
	const notes = c.page.locator(`.note a[href="/agreements/${id}/sign"]`);
	assert.equal(await notes.count(), 2, 'the agreement sent to sign and the reminder, both linking to the signing page');
	assert.match(await notes.nth(1).innerText(), /أرسل إليك .*Dattes de Tolga.* الاتفاق «.*Deglet Nour/);
	assert.match(await notes.first().innerText(), /تذكير: الاتفاق .*Deglet Nour.* مع .*Dattes de Tolga.* بانتظار توقيعك منذ أكثر من 48 ساعة/);
	const counts = Object.fromEntries(
		await c.page
			.locator('.filters a')
			.evaluateAll((links) => links.map((a) => [new URL(a.href).searchParams.get('category') ?? 'all', a.querySelector('.count')?.firstChild?.textContent.trim() ?? '']))
	);
	// What this page shows is now read; the other categories still have theirs.
	assert.deepEqual(counts, { all: '2', account: '', signing: '', applications: '1', deliverables: '', messages: '1', team: '' });
	assert.equal(await c.page.locator('.unread-summary').innerText(), 'غير المقروءة: 2');
	assert.equal(await bell(c.page).getAttribute('aria-label'), 'الإشعارات: 2 غير مقروء');
	assert.equal(await c.page.locator('.filters a[aria-current="page"]').getAttribute('href'), '/notifications?category=signing');
	await fitsWidth(c.page, assert);
	await screenshot('ar-360-inbox', c.page);

	await c.page.locator('form[action$="/readAll"] button').click();
	await c.page.locator('.notice[role="status"]', { hasText: 'كل إشعاراتك مقروءة' }).waitFor();
	assert.equal(await bell(c.page).getAttribute('aria-label'), 'الإشعارات: 0 غير مقروء');
	assert.equal(await c.page.locator('.filters .count').count(), 0, 'no unread count left');
	assert.equal(await c.page.locator('form[action$="/readAll"]').count(), 0, 'nothing left to mark');
	assert.equal(new URL(c.page.url()).searchParams.get('category'), 'signing', 'still the signing list');
	await screenshot('ar-360-inbox-read', c.page);

	// Messages are off: a new one writes no notification.
	await ok(await brand(`/applications/${application.id}/messages`, { json: { body: 'Pensez à signer quand vous pouvez.' } }), 201);
	const inbox = await (await c.page.request.get('/api/v1/notifications')).json();
	assert.equal(inbox.unread, 0);
	assert.equal(inbox.total, 4);
	assert.deepEqual(c.errors, []);

	// --- the brand, with JavaScript: applications in the app only (enhanced form) --------------------
	const b = await newUser(browser, baseURL, '10.73.0.4', { js: true, lang: 'fr', viewport: { width: 1280, height: 800 } });
	await logIn(b.page, brandEmail);
	await b.page.goto('/settings');
	const form = b.page.locator('form:has(input[name="category"][value="applications"])');
	await form.locator('label:has(input[value="in_app"])').click();
	await form.locator('button[type="submit"]').click();
	await b.page.locator('.notice[role="status"]', { hasText: 'C’est enregistré' }).waitFor();
	assert.equal(await form.locator('input[value="in_app"]').isChecked(), true, 'the radio stays on the saved choice');
	assert.equal((await (await b.page.request.get('/api/v1/me/notification-preferences')).json()).preferences[2].channel, 'in_app');
	await screenshot('fr-desktop-settings-enhanced', b.page);
	assert.deepEqual(b.errors, []);
}
