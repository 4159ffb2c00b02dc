// Issue 10, point 6: pages handle a session that is gone in one place. A brand with an unread
// notification opens its inbox filtered on messages (/notifications?category=messages). Its
// session cookie is deleted: reloading the page lands on /login?next=<that page with its
// query>, and signing in brings it back. Then the cookie is replaced by one that names no
// session: "mark all read" (a form action, with JavaScript and without) lands on the login
// page too, with the page — not the action — as `next`; nothing was marked read, and after
// signing in the same button works.
import { apiClient as client } from './api-client.mjs';

export const name = 'expired session: a page load and a form post go to /login?next=<page> and come back after signing in';

const PASSWORD = 'motdepasse-solide-42';
const PAGE = '/notifications?category=messages';

/** Where the browser is, as path + query. */
const here = (page) => {
	const url = new URL(page.url());
	return url.pathname + url.search;
};

/** The login page, asked to come back to `next`. */
function assertOnLogin(page, next, assert, what) {
	const url = new URL(page.url());
	assert.equal(url.pathname, '/login', `${what}: on the login page (${page.url()})`);
	assert.equal(url.searchParams.get('next'), next, `${what}: next is the page`);
}

/** Signs in on the login page the browser is on and waits to be sent back to `back`. */
async function signInHere(page, email, back) {
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname + url.search === back);
}

/** Replaces the session cookie by one that names no session (as after expiry or a sign-out elsewhere). */
async function invalidateSession(context) {
	const cookie = (await context.cookies()).find((c) => c.name === 'wasla_session');
	if (!cookie) throw new Error('no session cookie to invalidate');
	const { name, domain, path, expires, httpOnly, secure, sameSite } = cookie;
	await context.addCookies([{ name, value: 'no-such-session-0000000000000000000000000000', domain, path, expires, httpOnly, secure, sameSite }]);
}

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const brand = client(baseURL, '10.74.0.1');
	const creator = client(baseURL, '10.74.0.2');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.session.${stamp}@example.dz`;

	// --- set-up through the API: the brand gets one unread notification (an application) ---------
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: 'Huilerie de Kabylie' } }), 201);
	await ok(await creator('/auth/register', { json: { email: `createur.session.${stamp}@example.dz`, password: PASSWORD, role: 'creator', name: 'Yanis Cuisine' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Yanis Cuisine', wilaya: '15', niches: ['food'], accounts: [{ platform: 'instagram', handle: `yanis.${stamp}`, followers: 12000 }], rates: { reel: 10000 } }
		})
	);
	const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Huile d’olive nouvelle',
				objective: 'whatsapp_sales',
				offer: 'Bidon de 5 L -10 %',
				formats: ['reel'],
				wilayas: ['15', '16'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 50000,
				startsAt: day(7),
				endsAt: day(21),
				applyBy: day(5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette à l’huile nouvelle.', feeDzd: 12000, formats: ['reel'] } }), 201);
	const unread = async () => (await ok(await brand('/notifications'))).unread;
	assert.equal(await unread(), 1, 'the brand has one unread notification');

	// --- with JavaScript --------------------------------------------------------------------------
	const context = await browser.newContext({ baseURL, locale: 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': '10.74.0.3' } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	await page.goto('/login');
	await signInHere(page, brandEmail, '/dashboard');
	await page.goto(PAGE);
	assert.equal(here(page), PAGE);
	const markAll = page.locator('form[action*="/readAll"] button[type="submit"]');
	assert.equal(await markAll.count(), 1, 'the inbox offers to mark everything read');

	// 1. The cookie is gone: loading the page sends the browser to sign in, and back.
	await context.clearCookies({ name: 'wasla_session' });
	await page.reload();
	assertOnLogin(page, PAGE, assert, 'page load without a session');
	await screenshot('login-after-expiry', page);
	await signInHere(page, brandEmail, PAGE);
	assert.equal(await markAll.count(), 1, 'back on the inbox, with its filter');

	// 2. The cookie names no session any more: the form post goes to sign in, and back.
	await invalidateSession(context);
	await markAll.click();
	await page.waitForURL((url) => url.pathname === '/login');
	assertOnLogin(page, PAGE, assert, 'form post (enhanced) with an ended session');
	assert.equal(await unread(), 1, 'nothing was marked read');
	await signInHere(page, brandEmail, PAGE);
	await markAll.click();
	await page.locator('.notice[role="status"]').waitFor();
	assert.equal(here(page), PAGE, 'the action ran on the page');
	assert.equal(await unread(), 0, 'signed in again, the same button marks everything read');
	assert.deepEqual(errors, [], 'no script errors');

	// --- without JavaScript: the form post is a plain 303 to the login page ------------------------------
	// A message from the creator: unread, and not among the applications the page below lists.
	await ok(await creator(`/applications/${application.id}/messages`, { json: { body: 'Bonjour, une question sur le bidon.' } }), 201);
	const other = '/notifications?category=applications';
	const noJs = await browser.newContext({ baseURL, locale: 'fr-FR', javaScriptEnabled: false, extraHTTPHeaders: { 'cf-connecting-ip': '10.74.0.4' } });
	const plain = await noJs.newPage();
	await plain.goto(`/login?next=${encodeURIComponent(other)}`);
	await signInHere(plain, brandEmail, other);
	const plainMarkAll = plain.locator('form[action*="/readAll"] button[type="submit"]');
	assert.equal(await plainMarkAll.count(), 1, 'the unread message is offered to be marked read');
	await invalidateSession(noJs);
	await plainMarkAll.click();
	await plain.waitForURL((url) => url.pathname === '/login');
	assertOnLogin(plain, other, assert, 'form post (no JavaScript) with an ended session');
	assert.equal(await unread(), 1, 'nothing was marked read');
	await signInHere(plain, brandEmail, other);
	await plainMarkAll.click();
	await plain.locator('.notice[role="status"]').waitFor();
	assert.equal(await unread(), 0, 'signed in again, the form works');
	await screenshot('no-js-back-on-page', plain);
	await noJs.close();
	await context.close();
}
