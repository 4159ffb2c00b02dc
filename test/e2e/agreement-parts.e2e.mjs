// The agreement page downloads only the parts its state shows (issue 15, point 5): a signed
// agreement fetches its workspace and none of the draft's code (the checklist, the creator's
// details form), a draft fetches its checklist and no workspace, and only the creator gets the
// details form. Reached by a link (client-side navigation) the signed agreement loads its
// workspace too; the icons, one cached SVG sprite, are drawn. The workspace's offer-window form
// comes only when its details open; without JavaScript it is in the HTML. Brand in French, creator in
// Arabic, on a 360 px phone.
import { PHONE, signedIn } from './phone.mjs';
import { ok, signedAgreement } from './signed-agreement.mjs';

export const name = 'agreement page: each state downloads only its own parts (workspace, checklist, details form)';

const DAY = 86_400_000;

/** A string each part's compiled template holds, and nothing else on the page does. */
const MARK = {
	workspace: 'ws-offer-form',
	offerForm: 'offer-hours',
	checklist: 'agr-todo-list',
	detailsForm: 'name="remember"'
};

/** Script errors of the pages scriptsOf opened. */
const errors = [];

/** Opens `path` in `context` (a fresh page) and returns the text of every script it fetched until it hydrated. */
async function scriptsOf(context, path) {
	const page = await context.newPage();
	page.on('pageerror', (err) => errors.push(`${path}: ${err.message}`));
	const urls = new Set();
	page.on('response', (res) => {
		if (res.request().resourceType() === 'script') urls.add(res.url());
	});
	await page.goto(path, { waitUntil: 'networkidle' });
	// Hydrated: the root layout's onMount has put back what was typed before (typed-before-hydration.ts),
	// and the parts the page's load imports came before that (on a busy machine the network can idle
	// while the framework still runs).
	await page.waitForFunction(() => Reflect.get(window, '__waslaTyped') === undefined);
	const texts = await Promise.all([...urls].map(async (url) => (await context.request.get(url)).text()));
	return { page, code: texts.join('\n'), files: urls.size };
}

const has = (code, part) => code.includes(MARK[part]);

export async function run({ browser, baseURL, screenshot, assert }) {
	const signed = await signedAgreement(baseURL, { tag: 'parts', ips: ['10.111.0.1', '10.111.0.2'], brandName: 'Rucher du Djurdjura', creatorName: 'Sara Parts' });
	// A second campaign of the same brand, which the same creator applies to: a draft agreement between them.
	const day = (n) => new Date(Date.now() + n * DAY).toISOString();
	const { campaign } = await ok(
		await signed.brand('/campaigns', {
			json: {
				title: 'Miel de jujubier',
				objective: 'whatsapp_sales',
				offer: 'Pot de 250 g offert',
				formats: ['reel'],
				wilayas: ['13'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 50000,
				startsAt: day(2),
				endsAt: day(15),
				applyBy: day(1)
			}
		}),
		201
	);
	await ok(await signed.brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(await signed.creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette au miel de jujubier.', feeDzd: 20000, formats: ['reel'] } }), 201);
	const { agreement: draft } = await ok(await signed.brand(`/applications/${application.id}/accept`, { method: 'POST' }));

	// ---- the brand (fr) ---------------------------------------------------------------------------
	const brand = await signedIn(browser, baseURL, signed.brandEmail, 'fr', '10.111.1.1');
	const onSigned = await scriptsOf(brand.context, `/agreements/${signed.id}`);
	await onSigned.page.locator('#ws-promo').waitFor();
	assert.ok(has(onSigned.code, 'workspace'), 'a signed agreement fetches its workspace');
	assert.ok(!has(onSigned.code, 'checklist'), 'a signed agreement does not fetch the draft’s checklist');
	assert.ok(!has(onSigned.code, 'detailsForm'), 'nor the creator’s details form');
	// The offer window's form sits in a closed <details>: its code comes when the brand opens it.
	assert.ok(!has(onSigned.code, 'offerForm'), 'the offer window’s form is not fetched with the page');
	assert.equal(await onSigned.page.locator('#offer-hours').count(), 0, 'nor built while its details are closed');
	const offerCode = onSigned.page.waitForResponse(async (res) => res.request().resourceType() === 'script' && (await res.text()).includes(MARK.offerForm));
	await onSigned.page.locator('.ws-offer-form summary').click();
	await offerCode;
	await onSigned.page.locator('#offer-hours').waitFor();
	assert.equal(await onSigned.page.locator('#offer-hours option').count(), 3, 'opened, the form is built: 24, 36 or 48 hours');
	const html = await (await brand.context.request.get(`/agreements/${signed.id}`)).text();
	assert.ok(html.includes('id="offer-hours"'), 'the server-rendered page holds the form, for a browser without JavaScript');
	// The icons are symbols of one SVG file: drawn, so the file loaded (and the CSP allows it).
	const icon = await onSigned.page.evaluate(() => {
		const box = document.querySelector('svg.icon use')?.getBBox();
		return box ? box.width * box.height : 0;
	});
	assert.ok(icon > 0, 'an icon is drawn from the sprite');
	await screenshot('parts-fr-1-signed', onSigned.page);

	const onDraft = await scriptsOf(brand.context, `/agreements/${draft.id}`);
	await onDraft.page.locator('#todo').waitFor();
	assert.ok(has(onDraft.code, 'checklist'), 'a draft fetches its checklist');
	assert.ok(!has(onDraft.code, 'workspace'), 'a draft does not fetch the workspace');
	assert.ok(!has(onDraft.code, 'detailsForm'), 'the brand does not fetch the creator’s form');
	assert.equal(await onDraft.page.locator('#creator-details').count(), 0);

	// Following a link from the list: the page changes without a reload and the workspace still comes.
	const list = onDraft.page;
	await list.goto('/agreements');
	await list.evaluate(() => (document.documentElement.dataset.sameDocument = 'yes'));
	await list.locator(`a[href="/agreements/${signed.id}"]`).first().click();
	await list.waitForURL((url) => url.pathname === `/agreements/${signed.id}`);
	await list.locator('#ws-promo').waitFor();
	assert.equal(await list.evaluate(() => document.documentElement.dataset.sameDocument), 'yes', 'a client-side navigation');
	await brand.context.close();

	// ---- the creator (ar): the draft comes with their details form --------------------------------
	const creator = await signedIn(browser, baseURL, signed.creatorEmail, 'ar', '10.111.2.1');
	const mine = await scriptsOf(creator.context, `/agreements/${draft.id}`);
	await mine.page.locator('#creator-details input[name="legalName"]').waitFor();
	assert.ok(has(mine.code, 'detailsForm'), 'the creator’s draft fetches their details form');
	assert.ok(has(mine.code, 'checklist'));
	assert.ok(!has(mine.code, 'workspace'));
	assert.equal(await mine.page.evaluate(() => document.documentElement.scrollWidth <= 360), true, `fits ${PHONE.width} px`);
	await screenshot('parts-ar-2-creator-draft', mine.page);
	await creator.context.close();
	assert.deepEqual([...brand.errors, ...creator.errors, ...errors], [], 'no script error');
}
