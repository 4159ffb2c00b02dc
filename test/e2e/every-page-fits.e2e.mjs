// Every page fits a phone (issue 14, points 3 and 13): each page of the app — the list below
// must equal the `web/src/routes/**/+page.svelte` files, so a new page without a line here
// fails this test — is opened as the user it is for (a guest, the demo brand, the demo
// creator, an admin; a new brand with a long e-mail address and name on its dashboard and
// settings) on a 360 × 780 screen in French and in Arabic, and must not scroll sideways; a
// failure names the widest element that sticks out. The API reference (/api/docs, served by
// the Worker) too. On every page the phone header is one row (at most 120 px), the
// navigation behind the "Menu" disclosure, which opens from the keyboard and closes when a
// link is followed or on Escape; on a 1280 px desktop "Se déconnecter" stays on one line.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdmin } from './admin.mjs';
import { apiClient } from './api-client.mjs';
import { PASSWORD, PHONE, openMenu, signedIn } from './phone.mjs';

export const name = 'every page fits a 360 px phone in French and Arabic (guest, brand, creator, admin, a long e-mail, /api/docs); a one-row phone header with a menu';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_PASSWORD = 'wasla-demo-2026';
const BRAND = 'demo.marque@wasla.dz';
const CREATOR = 'demo.createur@wasla.dz';
const ADMIN = 'admin.fits@wasla.dz';
/** A new brand whose address and name have no place to break: e-mails wrap anywhere. */
const LONG = { email: 'service.commercial.et.partenariats.influence@boutique-cosmetiques-naturelles-oran.dz', name: 'BoutiqueCosmétiquesNaturellesEtBioDOranEsSenia' };

/** The route ids of the app: one per `+page.svelte` under web/src/routes ("(group)" folders dropped). */
function appRoutes() {
	const dir = path.join(root, 'web/src/routes');
	return readdirSync(dir, { recursive: true })
		.filter((f) => path.basename(f) === '+page.svelte')
		.map(
			(f) =>
				'/' +
				path
					.dirname(f)
					.split(path.sep)
					.filter((s) => s !== '.' && !/^\(.*\)$/.test(s))
					.join('/')
		)
		.sort();
}

async function json(res) {
	if (!res.ok) throw new Error(`${res.url} → ${res.status} ${await res.text()}`);
	return res.json();
}

/** The demo data's ids the pages need, looked up through the API as each demo user. */
async function demoIds(baseURL) {
	const brand = apiClient(baseURL, '10.87.0.1');
	const creator = apiClient(baseURL, '10.87.0.2');
	await json(await brand('/auth/login', { json: { email: BRAND, password: DEMO_PASSWORD } }));
	await json(await creator('/auth/login', { json: { email: CREATOR, password: DEMO_PASSWORD } }));

	// The demo creator has a signed agreement and one awaiting signatures; the demo brand may have no draft (the
	// terms form then shows read-only, still the whole form).
	const { agreements: theirs } = await json(await creator('/agreements'));
	const { agreements: brands } = await json(await brand('/agreements'));
	const find = (agreements, what, test) => {
		const a = agreements.find(test);
		if (!a) throw new Error(`no demo agreement ${what}: ${JSON.stringify(agreements.map((x) => [x.status, x.signedBy]))}`);
		return a;
	};
	const signed = find(theirs, 'signed', (a) => a.status === 'signed');
	const toSign = find(theirs, 'awaiting the creator', (a) => a.status === 'awaiting_signatures' && !a.signedBy.includes('creator'));
	const draft = brands.find((a) => a.status === 'draft') ?? find(brands, 'awaiting signatures', (a) => a.status === 'awaiting_signatures');
	const { deliverables } = await json(await creator(`/agreements/${signed.id}/deliverables`));
	const { applications } = await json(await creator('/me/applications'));
	const accepted = applications.find((a) => a.status === 'accepted') ?? applications[0];
	const { campaigns: open } = await json(await creator('/campaigns'));
	const { campaigns: mine } = await json(await brand('/campaigns?limit=50'));
	const editable = mine.find((c) => c.status === 'open') ?? mine.find((c) => c.status === 'draft');
	const campaign = signed.campaign.id;
	const { matches } = await json(await brand(`/campaigns/${campaign}/matches?limit=3`));
	const me = await json(await creator('/creators/me'));
	return {
		signed: signed.id,
		draft: draft.id,
		toSign: toSign.id,
		deliverable: deliverables[0].id,
		application: accepted.id,
		applicationWithAgreement: applications.find((a) => a.status === 'accepted')?.id ?? accepted.id,
		openCampaign: open[0].id,
		editableCampaign: editable.id,
		campaign,
		compare: matches.slice(0, 2).map((m) => m.creatorId),
		handle: (me.creator ?? me).handle
	};
}

/**
 * Route id → who opens it and where (`ids` from demoIds). `lands`, when the page always
 * redirects, is where it lands (checked there instead); `shot` names a screenshot to keep.
 */
const PAGES = {
	'/': { who: 'guest', path: () => '/' },
	'/account-erased': { who: 'guest', path: () => '/account-erased' },
	'/admin/disputes': { who: 'admin', path: () => '/admin/disputes' },
	'/agreements': { who: 'brand', path: () => '/agreements' },
	'/agreements/[id]': { who: 'brand', path: (ids) => `/agreements/${ids.signed}` },
	'/agreements/[id]/edit': { who: 'brand', path: (ids) => `/agreements/${ids.draft}/edit` },
	'/agreements/[id]/payouts': { who: 'brand', path: (ids) => `/agreements/${ids.signed}/payouts` },
	'/agreements/[id]/propose': { who: 'creator', path: (ids) => `/agreements/${ids.toSign}/propose` },
	'/agreements/[id]/sign': { who: 'creator', path: (ids) => `/agreements/${ids.toSign}/sign` },
	'/agreements/application/[applicationId]': { who: 'creator', path: (ids) => `/agreements/application/${ids.applicationWithAgreement}`, lands: /^\/agreements\/[^/]+$/ },
	'/applications': { who: 'creator', path: () => '/applications' },
	'/applications/[id]': { who: 'creator', path: (ids) => `/applications/${ids.application}` },
	'/c/[handle]': { who: 'guest', path: (ids) => `/c/${encodeURIComponent(ids.handle)}`, shot: 'media-kit' },
	'/campaigns': { who: 'creator', path: () => '/campaigns' },
	'/campaigns/[id]': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}` },
	'/campaigns/[id]/applicants': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/applicants` },
	'/campaigns/[id]/apply': { who: 'creator', path: (ids) => `/campaigns/${ids.openCampaign}/apply` },
	'/campaigns/[id]/edit': { who: 'brand', path: (ids) => `/campaigns/${ids.editableCampaign}/edit` },
	'/campaigns/[id]/matches': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/matches` },
	'/campaigns/[id]/matches/compare': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/matches/compare?ids=${ids.compare.join(',')}` },
	'/campaigns/[id]/offer': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/offer` },
	'/campaigns/[id]/report': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/report` },
	'/campaigns/[id]/sales': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/sales` },
	'/campaigns/[id]/timeline': { who: 'brand', path: (ids) => `/campaigns/${ids.campaign}/timeline` },
	'/campaigns/new': { who: 'brand', path: () => '/campaigns/new' },
	'/content': { who: 'brand', path: () => '/content' },
	'/creators/[id]/similar': { who: 'brand', path: (ids) => `/creators/${ids.compare[0]}/similar?campaignId=${ids.campaign}` },
	'/dashboard': { who: 'creator', path: () => '/dashboard' },
	'/deliverables': { who: 'creator', path: () => '/deliverables' },
	'/deliverables/[id]': { who: 'creator', path: (ids) => `/deliverables/${ids.deliverable}` },
	'/invitations': { who: 'brand', path: () => '/invitations' },
	'/legal/privacy': { who: 'guest', path: () => '/legal/privacy' },
	'/legal/terms': { who: 'guest', path: () => '/legal/terms' },
	'/login': { who: 'guest', path: () => '/login' },
	'/login/verify': { who: 'guest', path: () => '/login/verify' },
	'/logout': { who: 'brand', path: () => '/logout' },
	'/notifications': { who: 'creator', path: () => '/notifications' },
	'/password-reset': { who: 'guest', path: () => '/password-reset' },
	'/password-reset/[token]': { who: 'guest', path: () => '/password-reset/a-link-that-expired-long-ago' },
	'/email/confirm/[token]': { who: 'guest', path: () => '/email/confirm/a-link-that-expired-long-ago' },
	'/payouts': { who: 'creator', path: () => '/payouts' },
	'/profile': { who: 'creator', path: () => '/profile' },
	'/profile/legal': { who: 'creator', path: () => '/profile/legal' },
	'/profile/signals': { who: 'creator', path: () => '/profile/signals' },
	'/profile/stats': { who: 'creator', path: () => '/profile/stats' },
	'/reauth': { who: 'brand', path: () => '/reauth?next=/settings' },
	'/settings': { who: 'brand', path: () => '/settings' },
	'/settings/privacy': { who: 'creator', path: () => '/settings/privacy' },
	'/settings/security': { who: 'creator', path: () => '/settings/security' },
	'/signup': { who: 'guest', path: () => '/signup' },
	'/verify': { who: 'guest', path: () => '/verify' }
};

/** Pages the same users also open, beyond one per route: the other side's view of the busiest ones. */
const EXTRA = [
	{ who: 'brand', path: () => '/dashboard' },
	{ who: 'creator', path: (ids) => `/agreements/${ids.signed}` },
	{ who: 'creator', path: (ids) => `/agreements/${ids.signed}/payouts` },
	{ who: 'brand', path: (ids) => `/deliverables/${ids.deliverable}` },
	{ who: 'brand', path: () => '/campaigns' },
	{ who: 'brand', path: () => '/notifications' },
	{ who: 'creator', path: () => '/settings' },
	{ who: 'creator', path: (ids) => `/c/${encodeURIComponent(ids.handle)}` },
	{ who: 'long', path: () => '/dashboard' },
	{ who: 'long', path: () => '/settings', shot: 'long-email-settings' },
	{ who: 'guest', path: () => '/api/docs' }
];

/** Null when the page fits; else its width and the widest elements that stick out of the screen. */
function overflow() {
	const vw = window.innerWidth;
	const width = document.documentElement.scrollWidth;
	if (width <= vw) return null;
	const name = (el) =>
		el.tagName.toLowerCase() +
		(el.id ? `#${el.id}` : '') +
		[...el.classList]
			.filter((c) => !c.startsWith('svelte-'))
			.map((c) => `.${c}`)
			.join('');
	const clipped = (el) => {
		for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			if (getComputedStyle(p).overflowX !== 'visible') {
				const r = p.getBoundingClientRect();
				if (r.left >= -0.5 && r.right <= vw + 0.5) return true;
			}
		}
		return false;
	};
	const out = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 || (r.right <= vw + 0.5 && r.left >= -0.5) || clipped(el)) continue;
		const parent = el.parentElement;
		const trail = [];
		for (let p = parent; p && p !== document.body && trail.length < 3; p = p.parentElement) trail.unshift(name(p));
		out.push({ width: Math.round(r.width), el: `${trail.join(' > ')} > ${name(el)}`, text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60) });
	}
	out.sort((a, b) => b.width - a.width);
	return { width, offenders: out.slice(0, 3) };
}

export async function run({ browser, baseURL, state, screenshot, assert, serverOutput }) {
	// ---- the list covers every page of the app --------------------------------------------------
	assert.deepEqual(Object.keys(PAGES).sort(), appRoutes(), 'every web/src/routes/**/+page.svelte has a line in PAGES (and no more)');

	const ids = await demoIds(baseURL);
	const adminPassword = createAdmin(state, ADMIN);
	const register = await apiClient(baseURL, '10.87.0.3')('/auth/register', { json: { ...LONG, password: PASSWORD, role: 'brand' } });
	assert.equal(register.status, 201, await register.text());

	/** One phone-sized context per user, signed in through the login page. */
	const users = {};
	const guest = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: PHONE, extraHTTPHeaders: { 'cf-connecting-ip': '10.87.1.1' } });
	users.guest = { context: guest, page: await guest.newPage(), errors: [] };
	users.guest.page.on('pageerror', (err) => users.guest.errors.push(err.message));
	users.brand = await signedIn(browser, baseURL, BRAND, 'fr', '10.87.1.2', DEMO_PASSWORD);
	users.creator = await signedIn(browser, baseURL, CREATOR, 'fr', '10.87.1.3', DEMO_PASSWORD);
	users.admin = await signedIn(browser, baseURL, ADMIN, 'fr', '10.87.1.4', adminPassword);
	users.long = await signedIn(browser, baseURL, LONG.email, 'fr', '10.87.1.6');

	// Each page is sent only its own messages (scripts/i18n-route-keys.mjs): one the scan missed
	// shows as its key and is logged, in the browser (client render) or by the server (SSR).
	const missing = [];
	for (const [who, user] of Object.entries(users)) user.page.on('console', (m) => m.text().includes('i18n.missing_key') && missing.push(`${who} ${new URL(user.page.url()).pathname}: ${m.text()}`));

	const visits = [...Object.entries(PAGES).map(([route, p]) => ({ route, ...p })), ...EXTRA.map((p) => ({ route: 'extra', ...p }))];
	const failures = [];
	for (const lang of ['fr', 'ar']) {
		for (const { context } of Object.values(users)) await context.addCookies([{ name: 'wasla_lang', value: lang, url: baseURL }]);
		for (const visit of visits) {
			const { page } = users[visit.who];
			const target = visit.path(ids);
			const what = `${visit.who} ${target} (${lang})`;
			const res = await page.goto(target);
			const status = res?.status() ?? 0;
			if (status !== 200) {
				failures.push(`${what}: status ${status}`);
				continue;
			}
			const landed = new URL(page.url()).pathname;
			const expected = visit.lands ?? new URL(target, baseURL).pathname;
			if (typeof expected === 'string' ? landed !== expected : !expected.test(landed)) {
				failures.push(`${what}: landed on ${landed}`);
				continue;
			}
			if (target !== '/api/docs') {
				const [htmlLang, dir] = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
				if (htmlLang !== lang || dir !== (lang === 'ar' ? 'rtl' : 'ltr')) failures.push(`${what}: <html lang="${htmlLang}" dir="${dir}">`);
				const header = await page.locator('header.site-header').evaluate((h) => Math.round(h.getBoundingClientRect().height));
				if (header > 120) failures.push(`${what}: the header is ${header}px tall`);
			}
			if (visit.shot) await screenshot(`${visit.shot}-${lang}`, page);
			const over = await page.evaluate(overflow);
			if (over) {
				failures.push(`${what}: ${over.width}px wide; widest: ${over.offenders.map((o) => `${o.el} (${o.width}px “${o.text}”)`).join(' | ')}`);
				await screenshot(`${lang}-${target.replace(/[^a-z0-9]+/gi, '-')}`, page);
			}
		}
	}
	assert.deepEqual(failures, [], `pages that do not fit a ${PHONE.width}px phone`);
	assert.deepEqual(missing, [], 'every message a page shows was sent with it');
	assert.deepEqual(serverOutput().match(/.*i18n\.missing_key.*/g) ?? [], [], 'no page rendered on the server missed a message');

	// ---- the phone menu: keyboard, labelled, closes on navigation ------------------------------------
	const { page } = users.creator;
	await users.creator.context.addCookies([{ name: 'wasla_lang', value: 'fr', url: baseURL }]);
	await page.goto('/dashboard');
	const menu = page.locator('header details.menu');
	const summary = menu.locator('summary');
	assert.ok(await summary.isVisible(), 'the menu button shows on a phone');
	assert.ok(!(await page.locator('header a[href="/settings"]').isVisible()), 'the navigation is folded away');
	assert.match((await summary.innerText()).trim(), /Menu/, 'the button says Menu');
	await summary.focus();
	await page.keyboard.press('Enter');
	assert.equal(await menu.getAttribute('open'), '', 'Enter opens the menu');
	await page.locator('header a[href="/settings"]').focus();
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => url.pathname === '/settings');
	await page.waitForFunction(() => !document.querySelector('header details.menu')?.open);
	await openMenu(page);
	assert.ok(await page.locator('header a[href="/notifications"]').isVisible(), 'openMenu shows the links');
	await screenshot('menu-open-fr', page);
	await page.keyboard.press('Escape');
	assert.equal(await menu.getAttribute('open'), null, 'Escape closes the menu');
	// A tap outside the open menu closes it, and goes nowhere.
	await openMenu(page);
	await page.locator('footer .footer-about p.muted').click({ position: { x: 5, y: 5 } });
	await page.waitForFunction(() => !document.querySelector('header details.menu')?.open);
	assert.equal(new URL(page.url()).pathname, '/settings', 'the tap outside followed no link');

	// ---- the desktop header: "Se déconnecter" on one line -------------------------------------------
	const desktop = await browser.newContext({ baseURL, locale: 'fr-FR', viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'cf-connecting-ip': '10.87.1.5' } });
	await desktop.addCookies([{ name: 'wasla_lang', value: 'fr', url: baseURL }, ...(await users.brand.context.cookies()).filter((c) => c.name === 'wasla_session')]);
	const d = await desktop.newPage();
	for (const who of ['brand', 'creator']) {
		await desktop.addCookies((await users[who].context.cookies()).filter((c) => c.name === 'wasla_session'));
		await d.goto('/dashboard');
		assert.ok(!(await d.locator('header details.menu summary').isVisible()), `${who}: no menu button on a desktop`);
		assert.ok(await d.locator('header a[href="/settings"]').isVisible(), `${who}: the navigation shows on a desktop`);
		const logout = d.locator('header form[action="/logout"] button');
		const { height, lineHeight, text } = await logout.evaluate((b) => {
			const span = b.querySelector('.nav-button-text');
			return { height: span.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(span).lineHeight), text: span.textContent };
		});
		assert.equal(text, 'Se déconnecter');
		assert.ok(height <= lineHeight + 1, `${who}: “Se déconnecter” is one line on a 1280px desktop (${height}px for a ${lineHeight}px line)`);
		const [settingsTop, logoutTop] = await Promise.all([d.locator('header a[href="/settings"]').boundingBox(), logout.boundingBox()]).then((boxes) => boxes.map((b) => Math.round(b?.y ?? -1)));
		assert.equal(logoutTop, settingsTop, `${who}: the navigation is one row on a 1280px desktop`);
		await screenshot(`desktop-header-${who}`, d);
	}

	for (const [who, { errors }] of Object.entries(users)) assert.deepEqual(errors, [], `${who}: no script error`);
}
