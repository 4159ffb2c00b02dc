// Issue 15, point 8: read-heavy pages read through D1 sessions that may be served by a read
// replica, with the session's bookmark in the `wasla_d1b` cookie so that a user always reads
// their own writes. In the browser: a creator renames themselves on /profile (a form action,
// a write on the primary), and their media kit /c/<handle> — a replica read — shows the new
// name on the very next page load. The bookmark cookie is HttpOnly and SameSite=Lax, the
// media kit's load carries it (it comes back no older), and a forged one is ignored: the page
// still answers, with the new name, and the cookie is replaced by a real bookmark.
import { apiClient as client } from './api-client.mjs';

export const name = 'read replicas: a creator renames themselves and their media kit shows it at once; the bookmark cookie';

const PASSWORD = 'motdepasse-solide-42';
const FORGED = 'ffffffff-ffffffff-ffffffff-00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAA';

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const email = `createur.replicas.${stamp}@example.dz`;
	const api = client(baseURL, '10.97.0.1');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.json();
	};
	await ok(await api('/auth/register', { json: { email, password: PASSWORD, role: 'creator', name: 'Lina Déco' } }), 201);
	await ok(
		await api('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Lina Déco', wilaya: '31', niches: ['home_decor'], accounts: [{ platform: 'instagram', handle: `lina.${stamp}`, followers: 9000 }], rates: { reel: 9000 } }
		})
	);
	const { creator } = await ok(await api('/me'));

	const context = await browser.newContext({ baseURL, locale: 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': '10.97.0.2' } });
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	const bookmarkCookie = async () => (await context.cookies()).find((c) => c.name === 'wasla_d1b');

	await page.goto('/login');
	await page.fill('input[name="email"]', email);
	await page.fill('input[name="password"]', PASSWORD);
	await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
	await page.waitForURL((url) => url.pathname !== '/login');

	// The write: a new display name through the profile form.
	const renamed = `Lina Déco ${stamp}`;
	await page.goto('/profile');
	await page.fill('input[name="displayName"]', renamed);
	await page.locator('form.form button[type="submit"]').click();
	await page.locator('#profile-saved .notice').waitFor();

	const afterWrite = await bookmarkCookie();
	assert.ok(afterWrite, 'the write handed the browser a bookmark cookie');
	assert.equal(afterWrite.httpOnly, true, 'HttpOnly');
	assert.equal(afterWrite.sameSite, 'Lax', 'SameSite=Lax');
	assert.ok(afterWrite.expires > Date.now() / 1000 && afterWrite.expires < Date.now() / 1000 + 3600, 'short-lived (less than an hour)');
	const [written] = afterWrite.value.split('.');

	// The read: the media kit, a replica route, shows the new name at once.
	await page.goto(`/c/${creator.handle}`);
	assert.equal((await page.locator('h1').innerText()).trim(), renamed, 'the media kit shows the new name on the next page load');
	const afterRead = await bookmarkCookie();
	assert.ok(afterRead.value.split('.')[0] >= written, 'the bookmark never goes back');
	await screenshot('media-kit-after-rename', page);

	// A forged bookmark is ignored: the page answers with the new name and gets a real bookmark back.
	await context.addCookies([{ name: 'wasla_d1b', value: FORGED, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
	const res = await page.goto(`/c/${creator.handle}`);
	assert.equal(res.status(), 200, 'a forged bookmark cookie does not break the page');
	assert.equal((await page.locator('h1').innerText()).trim(), renamed);
	const replaced = await bookmarkCookie();
	assert.notEqual(replaced.value, FORGED, 'the forged bookmark is replaced by a real one');

	// A guest (no cookie at all) reads the same media kit, and is handed no bookmark.
	const guest = await browser.newContext({ baseURL, locale: 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': '10.97.0.3' } });
	const guestPage = await guest.newPage();
	await guestPage.goto(`/c/${creator.handle}`);
	assert.equal((await guestPage.locator('h1').innerText()).trim(), renamed, 'a guest sees the new name too');
	assert.equal(
		(await guest.cookies()).find((c) => c.name === 'wasla_d1b'),
		undefined,
		'an anonymous read gets no bookmark cookie'
	);
	assert.deepEqual(errors, [], 'no script errors');
}
