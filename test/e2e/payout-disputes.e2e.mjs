// A disputed payout, both ways it ends, on phones (issue 13, point 3). Set-up through the API:
// a signed agreement (the default schedule) whose signature payout the brand marked paid.
// In the browser: the creator (Arabic) disputes it — an empty reason is refused, nothing is
// lost — the brand (French) sees the reason, adds a proof and answers with it; the creator
// confirms. Then the approval payout, paid early and disputed through the API, goes to an
// admin created with the real CLI (`scripts/admin-create.ts`): the admin finds it in the queue
// from the dashboard, is refused without a note, decides "not paid" with a note; the brand
// sees it to pay again with Wasla's decision. Each page fits a 360 px screen.
import { createAdmin } from './admin.mjs';
import { PNG, fits, signedIn } from './phone.mjs';
import { ok, signedAgreement } from './signed-agreement.mjs';

export const name = 'payout disputes: the creator disputes (ar), the brand answers with a proof (fr), the creator confirms; an admin decides another dispute from the queue (360 px)';

const REASON = 'لم يصلني أي مبلغ على حساب CCP الخاص بي إلى غاية اليوم.';
const ANSWER = 'Virement CCP du 3 décembre, reçu joint.';
const ADMIN_NOTE = 'Aucun justificatif de la marque après relance : à payer de nouveau.';

export async function run({ browser, baseURL, state, screenshot, assert }) {
	// ---- set-up: a signed agreement, the signature payout marked paid ---------------------------------
	const { id, brand, creator, brandEmail, creatorEmail } = await signedAgreement(baseURL, {
		tag: 'disp',
		ips: ['10.81.0.1', '10.81.0.2'],
		brandName: 'Dattes Biskra',
		creatorName: 'Nour Cuisine'
	});
	const payoutsPath = `/agreements/${id}/payouts`;
	const [first, second] = (await ok(await brand(payoutsPath))).payouts;
	const key = () => ({ 'idempotency-key': crypto.randomUUID() });
	await ok(await brand(`/payouts/${first.id}/mark-paid`, { json: { method: 'ccp', reference: 'CCP-7781-2026' }, headers: key() }));

	// ---- the creator (Arabic) disputes it ---------------------------------------------------------------
	const c = await signedIn(browser, baseURL, creatorEmail, 'ar', '10.81.1.2');
	await c.page.goto(payoutsPath);
	assert.equal((await c.page.locator('#payout-1-status').innerText()).trim(), 'مدفوعة، بانتظار التأكيد');
	await c.page.waitForFunction(() => Reflect.get(window, '__waslaTyped') === undefined);
	await c.page.locator('#payout-1 details.pay-more summary').click();
	// While the form is sent its details stay open (Disclosure.svelte: the busy flag used to shut them).
	await c.page.locator('#payout-1-dispute').evaluate((form) => {
		const details = form.closest('details');
		Reflect.set(window, '__shut', 0);
		new MutationObserver(() => details.open || Reflect.set(window, '__shut', Reflect.get(window, '__shut') + 1)).observe(details, { attributes: true, attributeFilter: ['open'] });
	});
	await c.page.locator('#payout-1-dispute button').click();
	await c.page.locator('#payout-1-reason-error').waitFor();
	assert.equal(await c.page.evaluate(() => Reflect.get(window, '__shut')), 0, 'the dispute form never closed while it was sent');
	assert.match(await c.page.locator('#payout-1-reason').getAttribute('aria-describedby'), /payout-1-reason-error/);
	assert.equal((await c.page.locator('#payout-1-status').innerText()).trim(), 'مدفوعة، بانتظار التأكيد', 'an empty reason changes nothing');
	await c.page.fill('#payout-1-reason', REASON);
	await c.page.locator('#payout-1-dispute button').click();
	await c.page.locator('#payout-1-status', { hasText: 'معترَض عليها' }).waitFor();
	assert.ok((await c.page.locator('#payout-1').innerText()).includes(REASON), 'the reason is shown as written');
	assert.equal(await c.page.locator('#payout-1-confirm').count(), 0, 'nothing to confirm while disputed');
	await fits(c.page, assert, 'creator, disputed (ar)');
	await screenshot('ar-1-creator-disputed-360', c.page);

	// ---- the brand (French) sees the reason, adds a proof, answers with it -------------------------------
	const b = await signedIn(browser, baseURL, brandEmail, 'fr', '10.81.1.1');
	await b.page.goto(payoutsPath);
	assert.equal((await b.page.locator('#payout-1-status').innerText()).trim(), 'Contesté');
	assert.ok((await b.page.locator('#payout-1').innerText()).includes(REASON), 'the brand reads the creator’s reason');
	await b.page.setInputFiles('#payout-1-file', { name: 'virement.png', mimeType: 'image/png', buffer: PNG });
	await b.page.locator('#payout-1-proof-form button').click();
	await b.page.locator('#payout-1-proof').waitFor();
	await b.page.locator('#payout-1-resolve button').click();
	await b.page.locator('#payout-1-note-error').waitFor();
	assert.equal((await b.page.locator('#payout-1-status').innerText()).trim(), 'Contesté', 'an answer without a note changes nothing');
	await b.page.fill('#payout-1-note', ANSWER);
	await b.page.locator('#payout-1-resolve button').click();
	await b.page.locator('#payout-1-status', { hasText: 'Payé, à confirmer' }).waitFor();
	assert.match(await b.page.locator('#payout-1').innerText(), /La marque a répondu avec une preuve/);
	await fits(b.page, assert, 'brand, answered with a proof (fr)');
	await screenshot('fr-2-brand-answered-360', b.page);

	// ---- the creator confirms ------------------------------------------------------------------------------
	await c.page.reload();
	assert.ok((await c.page.locator('#payout-1').innerText()).includes(ANSWER), 'the creator reads the brand’s answer');
	await c.page.locator('#payout-1-confirm button').click();
	await c.page.locator('#payout-1-status', { hasText: 'مستلَمة' }).waitFor();
	await fits(c.page, assert, 'creator, confirmed after the answer (ar)');
	await screenshot('ar-3-creator-confirmed-360', c.page);

	// ---- the approval payout: paid early, disputed, decided by an admin ---------------------------------
	await ok(await brand(`/payouts/${second.id}/mark-paid`, { json: { method: 'baridimob', reference: 'BM-5512-0090' }, headers: key() }));
	await ok(await creator(`/payouts/${second.id}/dispute`, { json: { reason: 'Aucune trace de ce paiement BaridiMob.' }, headers: key() }));
	const adminEmail = `admin.${Date.now().toString(36)}@wasla.dz`;
	const adminPassword = createAdmin(state, adminEmail);
	const a = await signedIn(browser, baseURL, adminEmail, 'fr', '10.81.1.3', adminPassword);
	await a.page.goto('/dashboard');
	await a.page.locator('#admin-disputes').click();
	await a.page.waitForURL('**/admin/disputes');
	const card = a.page.locator(`#dispute-card-${second.id}`);
	await card.waitFor();
	const cardText = await card.innerText();
	for (const part of ['Dattes Biskra', 'Nour Cuisine', 'Aucune trace de ce paiement BaridiMob.', 'BM-5512-0090']) assert.ok(cardText.includes(part), `the dispute card shows ${part}: ${cardText}`);
	assert.equal(await a.page.locator(`#dispute-card-${first.id}`).count(), 0, 'the answered dispute is not in the queue');
	await card.locator('input[name="outcome"][value="unpaid"]').check();
	await card.locator('button').click();
	await a.page.locator(`#note-${second.id}-error`).waitFor();
	assert.ok(await a.page.locator(`#dispute-card-${second.id} input[name="outcome"][value="unpaid"]`).isChecked(), 'the choice is kept after the error');
	await fits(a.page, assert, 'admin, note missing (fr)');
	await screenshot('fr-4-admin-note-missing-360', a.page);
	await a.page.fill(`#note-${second.id}`, ADMIN_NOTE);
	await a.page.locator(`#dispute-card-${second.id} button`).click();
	await a.page.locator('#dispute-decided').waitFor();
	assert.equal(await a.page.locator(`#dispute-card-${second.id}`).count(), 0, 'the decided dispute leaves the queue');
	await fits(a.page, assert, 'admin, decided (fr)');
	await screenshot('fr-5-admin-decided-360', a.page);

	// ---- the brand sees Wasla's decision: to pay again -------------------------------------------------
	const decided = (await ok(await brand(payoutsPath))).payouts[1];
	assert.deepEqual([decided.resolution, decided.resolutionNote], ['unpaid', ADMIN_NOTE]);
	assert.ok(!['paid', 'disputed', 'confirmed'].includes(decided.status), `not paid any more: ${decided.status}`);
	await b.page.reload();
	const secondCard = await b.page.locator('#payout-2').innerText();
	assert.ok(/Décision de Wasla\s:\snon payé, à payer de nouveau/.test(secondCard) && secondCard.includes(ADMIN_NOTE), `the brand reads the decision: ${secondCard}`);
	await fits(b.page, assert, 'brand, decided unpaid (fr)');
	await screenshot('fr-6-brand-decided-unpaid-360', b.page);

	assert.deepEqual([...b.errors, ...c.errors, ...a.errors], [], 'no script errors');
}
