// A signed agreement as outsiders see it: both parties sign through the API, the sealed
// PDFs (fr, ar) are downloaded from the running app and checked with poppler (pdfsig:
// valid signature, whole document signed; pdftotext: the Arabic clauses in logical order,
// no presentation forms), then anyone drops the PDF on the public /verify page, in French
// and in Arabic: the real file is "authentic", a copy with one changed byte is "altered".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient as client } from './api-client.mjs';
import { signingCode } from './signed-agreement.mjs';

export const name = 'agreements: sealed PDF passes pdfsig and pdftotext, /verify says valid / altered (fr, ar)';

export async function run({ browser, baseURL, screenshot, assert }) {
	const stamp = Date.now().toString(36);
	const brand = client(baseURL, '10.71.0.1');
	const creator = client(baseURL, '10.71.0.2');
	const ok = async (res, status = 200) => {
		if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
		return res.status === 204 ? null : res.json();
	};
	const brandEmail = `marque.${stamp}@example.dz`;
	const creatorEmail = `createur.${stamp}@example.dz`;
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: 'motdepasse-sur', role: 'brand', name: 'Savonnerie Béjaïa' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: 'motdepasse-sur', role: 'creator', name: 'Amel Soins' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: { displayName: 'Amel Soins', wilaya: '06', niches: ['beauty'], accounts: [{ platform: 'instagram', handle: `amel.${stamp}`, followers: 15000 }], rates: { reel: 12000 } }
		})
	);
	const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Savon à l’huile d’olive',
				objective: 'whatsapp_sales',
				offer: 'Coffret -15 %',
				formats: ['reel'],
				wilayas: ['06', '16'],
				niches: ['beauty'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 80000,
				startsAt: day(7),
				endsAt: day(21),
				applyBy: day(5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Un reel sur la routine au savon d’olive.', feeDzd: 20000, formats: ['reel'] } }), 201);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	const id = agreement.id;

	// The brand names its representative, the creator gives a legal name, the brand sends.
	const current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms1 = structuredClone(current.terms);
	terms1.parties.brand.representative = 'Karim Ait Ali';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms: terms1 } }));
	await ok(await creator(`/agreements/${id}/creator-details`, { method: 'PUT', json: { legalName: 'Amel Bouzid' } }));
	await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }));

	await ok(await creator(`/agreements/${id}/sign`, { json: { fullName: 'Amel Bouzid', consent: true, code: await signingCode(baseURL, creator, id, creatorEmail) } }));
	const signed = (await ok(await brand(`/agreements/${id}/sign`, { json: { fullName: 'Karim Ait Ali', consent: true, code: await signingCode(baseURL, brand, id, brandEmail) } }))).agreement;
	assert.equal(signed.status, 'signed');

	// The sealed PDFs, read by poppler as any outside reader would.
	const dir = mkdtempSync(path.join(tmpdir(), 'wasla-sealed-'));
	const files = {};
	for (const lang of ['fr', 'ar']) {
		const res = await brand(`/agreements/${id}/pdf?lang=${lang}`);
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('x-wasla-sealed'), '1');
		files[lang] = path.join(dir, `agreement-${lang}.pdf`);
		writeFileSync(files[lang], Buffer.from(await res.arrayBuffer()));
		const sig = execFileSync('pdfsig', [files[lang]], { encoding: 'utf8' });
		assert.ok(/Signature Validation: Signature is Valid\./.test(sig), `pdfsig ${lang}: ${sig}`);
		assert.ok(/Total document signed/.test(sig), `pdfsig ${lang}: whole document signed`);
	}
	const arText = execFileSync('pdftotext', [files.ar, '-'], { encoding: 'utf8' });
	assert.ok(!/[\uFB50-\uFDFF\uFE70-\uFEFF]/.test(arText), 'no Arabic presentation forms in the extracted text');
	assert.ok(arText.includes('الطرف') || arText.includes('العقد'), 'Arabic clause text comes back in logical order');
	assert.ok(arText.includes('Amel Bouzid') && arText.includes('Karim Ait Ali'), 'the certificate names both signers');
	const frText = execFileSync('pdftotext', [files.fr, '-'], { encoding: 'utf8' });
	assert.ok(/15-04/.test(frText), 'the French PDF names Law 15-04');

	// The public page, no account: the real file, then one changed byte.
	const altered = path.join(dir, 'agreement-fr-altered.pdf');
	const bytes = Buffer.from(await (await brand(`/agreements/${id}/pdf?lang=fr`)).arrayBuffer());
	bytes[Math.floor(bytes.length / 2)] ^= 0x01;
	writeFileSync(altered, bytes);
	for (const [locale, lang, valid, alteredText] of [
		['fr-DZ', 'fr', 'Document authentique et intact', 'Document modifié'],
		['ar-DZ', 'ar', 'وثيقة أصلية وسليمة', 'وثيقة معدّلة']
	]) {
		const context = await browser.newContext({ baseURL, locale, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'cf-connecting-ip': `10.71.1.${lang === 'fr' ? 1 : 2}` } });
		const page = await context.newPage();
		await page.goto(`/verify?lang=${lang}`);
		if (lang === 'ar') assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
		await page.setInputFiles('#verify-file', files[lang]);
		await page.locator('form.verify-form button[type="submit"]').click();
		await page.locator('#verify-verdict').waitFor();
		assert.ok((await page.locator('#verify-verdict').textContent()).includes(valid), `${lang}: the sealed PDF is valid`);
		await screenshot(`verify-valid-${lang}`, page);
		await page.setInputFiles('#verify-file', altered);
		await page.locator('form.verify-form button[type="submit"]').click();
		await page.waitForFunction((t) => document.querySelector('#verify-verdict')?.textContent?.includes(t), alteredText);
		await screenshot(`verify-altered-${lang}`, page);
		await context.close();
	}
}
