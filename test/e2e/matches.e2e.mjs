// Recommended creators in the browser (issue 4): the demo brand opens its open campaign's
// matches from the campaign page, reads the cards (total, six labelled criteria with reasons behind
// each card's details — the track record's bar only for a creator who has one, "no history yet"
// otherwise —, risk flags with the penalty), changes a weight (the ranking follows it) and restores the
// defaults, compares two creators side by side; the same in Arabic on a phone and a desktop.
// Then a creator whose follower history has a spike explains the signal on /profile/signals
// and sees it saved; the demo creator (no signal) sees the honest empty state.
export const name = 'matches: recommended creators, weights, comparison (fr and ar), creator explains a risk signal';

import { openMatchDetails } from './match-cards.mjs';

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };
const DEMO_BRAND = { email: 'demo.marque@wasla.dz', password: 'wasla-demo-2026' };
const DEMO_CREATOR = { email: 'demo.createur@wasla.dz', password: 'wasla-demo-2026' };
/** The demo brand's open campaign in db/seed/generate.ts ("Crèmes solaires : la routine été"). */
const CAMPAIGN = 'seed-ca-02';
const DAY = 24 * 3600 * 1000;
const ARABIC = /[\u0600-\u06FF]/;

async function signedIn(browser, baseURL, { lang, who, ip, viewport = DESKTOP, js = true }) {
	const context = await browser.newContext({ baseURL, viewport, javaScriptEnabled: js, locale: lang === 'ar' ? 'ar-DZ' : 'fr-FR', extraHTTPHeaders: { 'cf-connecting-ip': ip } });
	await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
	const page = await context.newPage();
	const errors = [];
	page.on('pageerror', (err) => errors.push(err.message));
	if (who) {
		await page.goto('/login');
		await page.waitForLoadState('networkidle');
		await page.fill('input[name="email"]', who.email);
		await page.fill('input[name="password"]', who.password);
		await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
		await page.waitForURL((url) => url.pathname === '/dashboard');
	}
	return { context, page, errors };
}

/** Name, total and the six criteria of every card on the page (with JavaScript, its details opened first). */
async function readCards(page, { js = true } = {}) {
	if (js) await openMatchDetails(page);
	return page.locator('.mt-card').evaluateAll((cards) =>
		cards.map((card) => ({
			name: card.querySelector('.mt-name')?.textContent?.trim() ?? '',
			total: Number(card.querySelector('.mt-total-num')?.firstChild?.textContent?.trim()),
			meters: [...card.querySelectorAll('.mt-criteria [role="meter"]')].map((m) => ({
				now: Number(m.getAttribute('aria-valuenow')),
				min: m.getAttribute('aria-valuemin'),
				max: m.getAttribute('aria-valuemax'),
				label: document.getElementById(m.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? ''
			})),
			criteria: Object.fromEntries([...card.querySelectorAll('.mt-criterion')].map((li) => [li.getAttribute('data-criterion'), Number(li.querySelector('.mt-num')?.textContent)])),
			reasons: [...card.querySelectorAll('.mt-reason')].map((p) => p.textContent?.trim() ?? ''),
			trackTag: card.querySelector('[data-criterion="trackRecord"] .mt-tag')?.textContent?.trim() ?? '',
			trackReason: card.querySelector('[data-criterion="trackRecord"] .mt-reason')?.textContent?.trim() ?? '',
			flags: card.querySelectorAll('.mt-flags li').length
		}))
	);
}

export async function run({ browser, baseURL, screenshot, assert }) {
	// --- French, desktop: the campaign page links to the matches ------------------------------
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_BRAND, ip: '10.80.0.1' });
		await page.goto(`/campaigns/${CAMPAIGN}`);
		await page.getByRole('link', { name: 'Créateurs recommandés' }).click();
		await page.waitForURL((url) => url.pathname === `/campaigns/${CAMPAIGN}/matches`);
		await page.waitForLoadState('networkidle');
		assert.match(await page.locator('h1').innerText(), /Crèmes solaires/);
		// With JavaScript a closed card's details are not built (the HTML had them; hydration dropped them).
		assert.equal(await page.locator('.mt-card details.mp-more .mt-criteria').count(), 0, 'closed details hold no criteria once hydrated');

		const cards = await readCards(page);
		assert.equal(cards.length, 20, 'a full first page of 20 cards');
		for (const card of cards) {
			// The sixth criterion has a bar only with a track record; without one it says so instead of a guessed score.
			const tracked = card.trackTag === '';
			assert.equal(card.meters.length, tracked ? 6 : 5, `criterion bars for ${card.name}`);
			assert.deepEqual(
				card.meters.map((m) => m.label),
				['Engagement', 'Qualité des commentaires', 'Affinité', 'Charge publicitaire', 'Audience ciblée', ...(tracked ? ['Historique sur Wasla'] : [])]
			);
			if (tracked) assert.match(card.trackReason, /campagne\(s\) terminée\(s\) sur Wasla\u00a0: \d+\/\d+ livrables à l’heure/, card.trackReason);
			else {
				assert.equal(card.trackTag, 'pas encore d’historique');
				assert.equal(card.trackReason, 'Pas encore d’historique sur Wasla (critère laissé hors du total).');
			}
			for (const m of card.meters) assert.ok(m.now >= 0 && m.now <= 100 && m.min === '0' && m.max === '100', JSON.stringify(m));
			assert.equal(card.reasons.length, 6);
			for (const r of card.reasons) assert.ok(r.length > 10, `a reason sentence: ${r}`);
			assert.ok(card.total >= 0 && card.total <= 100);
		}
		assert.ok(
			cards.every((c, i) => i === 0 || cards[i - 1].total >= c.total),
			'best first'
		);
		const firstReasons = cards[0].reasons.join(' ');
		assert.match(firstReasons, /abonnés|commentaires|audience/, 'French reasons');
		assert.ok((await page.locator('.mt-why').count()) > 0, '"why this creator" shown');
		await screenshot('fr-desktop-1-matches', page);

		// page 2 holds the creators with risk flags: their penalty and reasons are shown, never hidden
		await page.getByRole('link', { name: 'Page suivante' }).click();
		await page.waitForURL((url) => url.searchParams.get('page') === '2');
		await openMatchDetails(page);
		const flagged = page.locator('.mt-card:has(.mt-flags)');
		assert.ok((await flagged.count()) >= 1, 'a flagged creator is listed');
		assert.match(await flagged.first().innerText(), /−\d+ points de risque/);
		assert.match(await flagged.first().innerText(), /Pic d’abonnés|Engagement incohérent|Audience hors d’Algérie|Commentaires génériques/);
		await screenshot('fr-desktop-2-matches-page2-flags', page);

		// --- weights: everything on comment quality → each total is the comment score minus the penalty
		await page.goto(`/campaigns/${CAMPAIGN}/matches`);
		await page.waitForLoadState('networkidle');
		await page.locator('.mt-weights summary').click();
		for (const [k, v] of Object.entries({ engagement: '0', commentQuality: '100', affinity: '0', partnershipLoad: '0', audienceFit: '0', trackRecord: '0' })) await page.fill(`#w-${k}`, v);
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await page.locator('.notice', { hasText: 'Poids enregistrés' }).waitFor();
		assert.equal(await page.inputValue('#w-commentQuality'), '100', 'the saved value shows');
		assert.equal(await page.inputValue('#w-engagement'), '0');
		const tuned = await readCards(page);
		for (const card of tuned.filter((c) => c.flags === 0)) assert.equal(card.total, card.criteria.commentQuality, `${card.name}: total = comment quality`);
		assert.ok(
			tuned.every((c, i) => i === 0 || tuned[i - 1].total >= c.total),
			'ranked on the new weights'
		);
		assert.notDeepEqual(
			tuned.map((c) => `${c.name}:${c.total}`),
			cards.map((c) => `${c.name}:${c.total}`),
			'the ranking changed'
		);
		await screenshot('fr-desktop-3-weights-saved', page);

		// an invalid weight: refused with a translated message, the typed values kept
		for (const k of ['engagement', 'commentQuality', 'affinity', 'partnershipLoad', 'audienceFit', 'trackRecord']) await page.fill(`#w-${k}`, '0');
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await page.locator('.error-summary', { hasText: 'Au moins un critère' }).waitFor();
		assert.equal(await page.inputValue('#w-commentQuality'), '0', 'typed values kept');

		await page.getByRole('button', { name: 'Rétablir les valeurs par défaut' }).click();
		await page.locator('.notice', { hasText: 'Poids par défaut rétablis' }).waitFor();
		assert.equal(await page.inputValue('#w-engagement'), '27');
		assert.equal(await page.inputValue('#w-commentQuality'), '22');
		assert.equal(await page.inputValue('#w-trackRecord'), '10');

		// --- compare two creators -------------------------------------------------------------
		const boxes = page.locator('input[type="checkbox"][name="ids"]');
		await boxes.nth(0).check();
		await boxes.nth(2).check();
		await page.locator('form.mp-bar').getByRole('button', { name: 'Comparer' }).click();
		await page.waitForURL((url) => url.pathname.endsWith('/matches/compare'));
		assert.match(new URL(page.url()).searchParams.get('ids') ?? '', /^[\w-]+,[\w-]+$/, '?ids=a,b');
		assert.equal(await page.locator('.mt-table thead th').count(), 3, 'criterion column + 2 creators');
		assert.equal(await page.locator('.mt-table tbody tr[data-criterion]').count(), 6);
		const untracked = await page.locator('.mt-table tr[data-criterion="trackRecord"] .mt-tag').count();
		assert.equal(await page.locator('.mt-table [role="meter"]').count(), 14 - untracked, '2 × (total + 6 criteria), less the track records without history');
		await screenshot('fr-desktop-4-compare', page);

		await page.goto(`/campaigns/${CAMPAIGN}/matches/compare?ids=a1`);
		await page.getByText('Choisissez au moins 2 créateurs à comparer.').waitFor();
		await page.goto(`/campaigns/${CAMPAIGN}/matches/compare?ids=a,b,c,d,e`);
		await page.getByText('Choisissez au plus 4 créateurs à comparer.').waitFor();
		assert.ok(await page.getByRole('link', { name: 'Retour aux créateurs recommandés' }).first().isVisible());
		assert.deepEqual(errors, []);
	}

	// --- details opened before the page's JavaScript ran stay filled after hydration ----------------
	{
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_BRAND, ip: '10.80.5.1' });
		let release;
		const gate = new Promise((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/app.*.js', async (route) => {
			await gate;
			await route.continue();
		});
		await page.goto(`/campaigns/${CAMPAIGN}/matches`, { waitUntil: 'domcontentloaded' });
		assert.equal(await page.locator('.mt-card details.mp-more .mt-criteria').count(), 20, 'the HTML carries every card’s details');
		await page.locator('.mt-card details.mp-more > summary').nth(1).click();
		release();
		// hydrated: the sticky bar's count is written by the page's script
		await page.waitForFunction(() => document.querySelector('.mp-ticked-num')?.textContent.trim() === '0');
		await page.waitForFunction(() => document.querySelectorAll('.mt-card details.mp-more[open] .mt-criteria').length === 1);
		const second = page.locator('.mt-card').nth(1);
		assert.equal(await second.locator('details.mp-more').getAttribute('open'), '');
		assert.equal(await second.locator('.mt-criterion').count(), 6, 'the details opened before hydration keep their six criteria');
		assert.ok(await second.locator('.mt-criteria [role="meter"]').first().isVisible());
		assert.equal(await page.locator('.mt-card details.mp-more .mt-criteria').count(), 1, 'the closed ones were dropped');
		assert.deepEqual(errors, []);
	}

	// --- Arabic: phone and desktop --------------------------------------------------------------
	for (const [size, viewport] of [
		['mobile', MOBILE],
		['desktop', DESKTOP]
	]) {
		const { page, errors } = await signedIn(browser, baseURL, { lang: 'ar', who: DEMO_BRAND, ip: `10.80.1.${size === 'mobile' ? 1 : 2}`, viewport });
		await page.goto(`/campaigns/${CAMPAIGN}/matches?page=2`);
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		const cards = await readCards(page);
		assert.ok(cards.length >= 2);
		assert.deepEqual(cards[0].meters.map((m) => m.label).slice(0, 5), ['التفاعل', 'جودة التعليقات', 'التوافق', 'الحمل الإعلاني', 'الجمهور المستهدف']);
		for (const r of cards[0].reasons) assert.match(r, ARABIC, `Arabic reason: ${r}`);
		assert.match(await page.locator('.mt-card:has(.mt-flags)').first().innerText(), /نقطة بسبب المخاطر/);
		// bars fill from the inline start: the right edge in Arabic (the criteria sit behind the card's details)
		await page.locator('.mt-card details.mp-more > summary').first().click();
		const fill = await page
			.locator('.mt-card .mt-criteria .mt-bar')
			.first()
			.evaluate((bar) => {
				const a = bar.getBoundingClientRect();
				const b = bar.querySelector('.mt-bar-fill').getBoundingClientRect();
				return { barRight: Math.round(a.right), fillRight: Math.round(b.right), barLeft: Math.round(a.left), fillLeft: Math.round(b.left) };
			});
		assert.ok(Math.abs(fill.barRight - fill.fillRight) <= 2, `fill starts at the right in RTL: ${JSON.stringify(fill)}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.ok(overflow <= 1, `no sideways scroll on the page (${overflow}px)`);
		await screenshot(`ar-${size}-1-matches`, page);

		await page.goto(`/campaigns/${CAMPAIGN}/matches`);
		const ids = await page.locator('input[name="ids"]').evaluateAll((xs) => xs.slice(0, 3).map((x) => x.value));
		await page.goto(`/campaigns/${CAMPAIGN}/matches/compare?ids=${ids.join(',')}`);
		assert.equal(await page.locator('.mt-table thead th').count(), 4);
		assert.match(await page.locator('.mt-table tbody').innerText(), ARABIC);
		const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.ok(pageOverflow <= 1, `the table scrolls inside its box, not the page (${pageOverflow}px)`);
		await screenshot(`ar-${size}-2-compare`, page);
		assert.deepEqual(errors, []);
	}

	// --- French on a phone without JavaScript: the weights form and the comparison still work ----
	{
		const { page } = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_BRAND, ip: '10.80.2.1', viewport: MOBILE, js: false });
		await page.goto(`/campaigns/${CAMPAIGN}/matches?page=2`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.ok(overflow <= 1, `no sideways scroll on the page (${overflow}px)`);
		await screenshot('fr-mobile-1-matches-page2', page);
		// Without JavaScript every card's details are in the page, ready to open.
		const plain = await readCards(page, { js: false });
		assert.ok(plain.length >= 2);
		for (const card of plain) assert.equal(card.reasons.length, 6, `${card.name}: six criteria without JavaScript`);
		await page.locator('.mt-card details.mp-more > summary').first().click();
		assert.ok(await page.locator('.mt-card').first().locator('.mt-criteria [role="meter"]').first().isVisible());

		await page.locator('.mt-weights summary').click();
		await page.fill('#w-engagement', '31');
		await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
		await page.locator('.notice', { hasText: 'Poids enregistrés' }).waitFor();
		assert.equal(await page.inputValue('#w-engagement'), '31');
		await page.getByRole('button', { name: 'Rétablir les valeurs par défaut' }).click();
		await page.locator('.notice', { hasText: 'Poids par défaut rétablis' }).waitFor();
		assert.equal(await page.inputValue('#w-engagement'), '27');

		const boxes = page.locator('input[type="checkbox"][name="ids"]');
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await page.locator('form.mp-bar').getByRole('button', { name: 'Comparer' }).click();
		await page.waitForURL((url) => url.pathname.endsWith('/matches/compare'));
		assert.equal(new URL(page.url()).searchParams.getAll('ids').length, 2, '?ids=a&ids=b from the plain form');
		assert.equal(await page.locator('.mt-table thead th').count(), 3);
		await screenshot('fr-mobile-2-compare', page);
	}

	// --- the creator side ------------------------------------------------------------------------
	{
		// the demo creator has no signal: an honest empty state
		const demo = await signedIn(browser, baseURL, { lang: 'fr', who: DEMO_CREATOR, ip: '10.80.3.1' });
		await demo.page.getByRole('link', { name: 'Signaux de risque de votre profil' }).click();
		await demo.page.waitForURL((url) => url.pathname === '/profile/signals');
		await demo.page.getByText('Aucun signal sur votre profil').waitFor();
		assert.match(await demo.page.locator('main').innerText(), /ne masque jamais votre profil/);

		// a new creator whose follower history jumps by 4 000 in a day
		const stamp = Date.now().toString(36);
		const { context, page, errors } = await signedIn(browser, baseURL, { lang: 'fr', who: null, ip: '10.80.4.1' });
		const api = context.request;
		const call = async (path, method, data) => {
			const res = await api.fetch(`/api/v1${path}`, { method, data });
			assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
			return res;
		};
		await call('/auth/register', 'POST', { email: `pic.${stamp}@example.dz`, password: 'motdepasse-solide-42', role: 'creator', name: 'Lina Pic' });
		await call('/creators/me', 'PUT', {
			displayName: 'Lina Pic',
			wilaya: '16',
			niches: ['beauty'],
			accounts: [{ platform: 'instagram', handle: `lina.pic.${stamp}`, followers: 12000 }],
			rates: { reel: 15000 },
			bio: 'Skincare à petit prix'
		});
		const iso = (ago) => new Date(Date.now() - ago).toISOString();
		await call('/creators/me/followers', 'POST', {
			platform: 'instagram',
			points: Array.from({ length: 40 }, (_, d) => ({ date: iso((40 - d) * DAY).slice(0, 10), followers: 11600 + d * 10 + (d >= 30 ? 4000 : 0) }))
		});
		await page.goto('/profile/stats');
		await page.getByRole('link', { name: 'Signaux de risque' }).click();
		await page.waitForURL((url) => url.pathname === '/profile/signals');
		await page.waitForLoadState('networkidle');
		await page.getByRole('heading', { name: 'Pic d’abonnés' }).waitFor();
		assert.match(await page.locator('.sg-flag').first().innerText(), /Pic d’abonnés le \d{4}-\d{2}-\d{2}/);
		const text = 'Passage à la télévision (Echorouk) le jour du pic.';
		await page.fill('#exp-follower_spike', text);
		assert.match(await page.locator('#exp-follower_spike-count').innerText(), new RegExp(`${1000 - text.length}`));
		await page.getByRole('button', { name: 'Enregistrer l’explication' }).click();
		await page.locator('.notice', { hasText: 'Explication enregistrée' }).waitFor();
		await screenshot('fr-desktop-5-creator-signal-explained', page);
		await page.reload();
		assert.equal(await page.inputValue('#exp-follower_spike'), text, 'saved');
		assert.match(await page.locator('.sg-flag blockquote').innerText(), /Echorouk/);
		const own = await (await api.get('/api/v1/creators/me/risk')).json();
		assert.equal(own.flags.find((f) => f.code === 'follower_spike')?.explanation, text);

		// removing it
		await page.getByRole('button', { name: 'Retirer l’explication' }).click();
		await page.locator('.notice', { hasText: 'Explication retirée' }).waitFor();
		assert.equal(await page.locator('.sg-flag blockquote').count(), 0);
		assert.deepEqual(errors, []);

		// Arabic on a phone
		await context.addCookies([{ name: 'wasla_lang', value: 'ar', url: baseURL }]);
		await page.setViewportSize(MOBILE);
		await page.goto('/profile/signals');
		assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		await page.getByRole('heading', { name: 'قفزة في عدد المتابعين' }).waitFor();
		await screenshot('ar-mobile-3-creator-signals', page);
	}
}
