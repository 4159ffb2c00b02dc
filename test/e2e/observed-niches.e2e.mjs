// Issue 16, point 2, in the browser: a creator who declares beauty but whose captions and
// comments are about cooking. Their public media kit shows declared against observed niches
// and explains the mismatch in plain words — in French and in Arabic (RTL, 360 px wide, the
// deciding words isolated in <bdi>) — rather than hiding it.
import { apiClient as client } from './api-client.mjs';

export const name = 'observed niches: the media kit shows declared vs observed niches and explains a mismatch (fr, ar)';

const PASSWORD = 'motdepasse-solide-42';
const DAY = 86_400_000;

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const email = `createur.niches.${stamp}@example.dz`;
	const api = client(baseURL, '10.105.0.1');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.json();
	};
	await ok(await api('/auth/register', { json: { email, password: PASSWORD, role: 'creator', name: 'Amel Cuisine' } }), 201);
	await ok(
		await api('/creators/me', {
			method: 'PUT',
			json: {
				displayName: 'Amel Cuisine',
				wilaya: '16',
				niches: ['beauty'],
				bio: 'Beauté et bons plans',
				accounts: [{ platform: 'instagram', handle: `amel.${stamp}`, followers: 12000 }],
				rates: { reel: 15000 }
			}
		})
	);
	const posts = Array.from({ length: 5 }, (_, i) => ({
		ref: `amel-${stamp}-${i}`,
		format: 'reel',
		postedAt: new Date(Date.now() - (3 + i * 7) * DAY).toISOString(),
		views: 1500,
		reach: 1000,
		likes: 80,
		comments: 5,
		saves: 3,
		shares: 3,
		sponsored: false,
		caption: 'Chorba frik et bourek maison, la recette #cuisine',
		commentSamples: ['la recette marche trop bien, merci', 'ch7al le prix ?', '😍😍']
	}));
	await ok(await api('/creators/me/posts', { json: { platform: 'instagram', posts } }));
	const { creator } = await ok(await api('/me'));
	const kit = await ok(await api(`/media-kits/${creator.handle}`));
	assert.equal(kit.creator.nicheCheck.mismatch, true, 'the API sees the mismatch (set-up)');

	for (const [lang, explanation, heading] of [
		['fr', 'Ce contenu parle surtout de cuisine, pas de beauté\u00a0: le score d’affinité utilise les niches observées.', 'Niches déclarées et observées'],
		['ar', 'هذا المحتوى يتحدث أساسًا عن الطبخ، لا عن التجميل: درجة التوافق تعتمد على المجالات الملاحظة.', 'المجالات المعلنة والملاحظة']
	]) {
		const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 }, extraHTTPHeaders: { 'cf-connecting-ip': `10.105.0.${lang === 'fr' ? 2 : 3}` } });
		await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
		const page = await context.newPage();
		const errors = [];
		page.on('pageerror', (err) => errors.push(err.message));
		const res = await page.goto(`/c/${creator.handle}`);
		assert.equal(res.status(), 200);
		assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
		const block = page.locator('section.nc');
		assert.equal((await block.locator('h2').innerText()).trim(), heading);
		assert.equal((await block.locator('.nc-mismatch').innerText()).trim(), explanation, `${lang}: the mismatch is explained`);
		const groups = await block
			.locator('dl.nc-list > div')
			.evaluateAll((divs) => divs.map((d) => [d.querySelector('dt').textContent.trim(), [...d.querySelectorAll('.badge')].map((b) => b.textContent.trim())]));
		assert.deepEqual(
			groups.map(([, badges]) => badges),
			lang === 'fr' ? [['Beauté'], ['Cuisine']] : [['التجميل'], ['الطبخ']],
			'declared-but-not-seen beauty, then observed-but-not-declared food'
		);
		const observed = block.locator('dl.nc-list > div').nth(1);
		assert.match(await observed.innerText(), /\d+\s?%|%\s?\d+|[٠-٩]+/, 'the observed niche shows its confidence');
		const words = await observed.locator('.nc-words bdi').allInnerTexts();
		assert.ok(words.length > 0, 'the deciding words are shown, each in its own <bdi>');
		assert.ok(
			words.some((w) => /recette|chorba|bourek|cuisine/i.test(w)),
			`deciding words come from the captions: ${words.join(', ')}`
		);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.ok(overflow <= 0, `${lang}: fits 360 px (overflow ${overflow}px)`);
		await screenshot(`observed-niches-kit-${lang}`, page);
		assert.deepEqual(errors, [], 'no script errors');
		await context.close();
	}
}
