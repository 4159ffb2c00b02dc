/**
 * The campaign landing page (issue 12, point 3): the brand's API (delivery terms, up to 12
 * products with a photo and a price; validation, limits, isolation), the public page /o/<slug>
 * (HTML in the visitor's language with the creator's code, the prices and the WhatsApp link,
 * no script), its photos, its view counting (once per visitor and day, not bots, not for an
 * ended link), and /l/ redirecting to it when the brand has neither landing URL nor WhatsApp.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { count } from './agreements-scene';
import { signedScene } from './deliverables-scene';
import { brandAccount, creatorAccount } from './factories';
import { Client, ORIGIN } from './helpers';

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.0';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1]);
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** A GET at the site root through the test entry, waiting for the work done after the answer (the view). */
async function visit(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const ctx = createExecutionContext();
	const res = await worker.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { 'user-agent': PHONE_UA, 'cf-connecting-ip': '197.200.13.77', ...headers }, redirect: 'manual' }), env, ctx);
	await waitOnExecutionContext(ctx);
	return res;
}

async function scene() {
	const s = await signedScene();
	const res = await s.brand.client.call(`/agreements/${s.agreementId}/codes`);
	const link = ((await res.json()) as { link: string }).link;
	const slug = link.slice(3);
	return { ...s, link, slug, page: `/o/${slug}` };
}

function productForm(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	if (file) form.append('file', new File([file.bytes], file.name, { type: file.type ?? 'application/octet-stream' }));
	return form;
}

const addProduct = (client: Client, campaignId: string, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) =>
	client.call(`/campaigns/${campaignId}/offer-products`, { body: productForm(fields, file) });

interface PageOut {
	deliveryTerms: string;
	products: { id: string; name: string; priceDzd: number; photoUrl: string | null }[];
	pages: { path: string; live: boolean; views: number }[];
}
const getPage = async (client: Client, campaignId: string) => (await (await client.call(`/campaigns/${campaignId}/offer-page`)).json()) as PageOut;
const views = (slug: string) => count('SELECT count(*) AS n FROM offer_views WHERE slug = ?1', slug);

describe('the brand builds the page', () => {
	it('delivery terms and products with a photo or without; the price read from "2 500 DA"; deleting removes the photo', async () => {
		const s = await scene();
		const put = await s.brand.client.call(`/campaigns/${s.campaignId}/offer-page`, {
			method: 'PUT',
			json: { deliveryTerms: '  Livraison 58 wilayas, paiement à la livraison.\n400 DA Alger  ' }
		});
		expect(put.status).toBe(200);
		expect(((await put.json()) as PageOut).deliveryTerms).toBe('Livraison 58 wilayas, paiement à la livraison.\n400 DA Alger');

		const withPhoto = await addProduct(s.brand.client, s.campaignId, { name: 'Sérum éclat 30 ml', priceDzd: '2 500 DA' }, { bytes: PNG, name: 'serum.txt', type: 'text/plain' });
		expect(withPhoto.status, await withPhoto.clone().text()).toBe(201);
		const p1 = ((await withPhoto.json()) as { product: { id: string; priceDzd: number; photoType: string; photoUrl: string } }).product;
		expect(p1).toMatchObject({ priceDzd: 2500, photoType: 'image/png' });
		const without = await addProduct(s.brand.client, s.campaignId, { name: 'Crème de nuit', priceDzd: '12500' });
		expect(without.status).toBe(201);

		const page = await getPage(s.brand.client, s.campaignId);
		expect(page.products.map((p) => [p.name, p.priceDzd, p.photoUrl !== null])).toEqual([
			['Sérum éclat 30 ml', 2500, true],
			['Crème de nuit', 12500, false]
		]);
		expect(page.pages).toEqual([{ path: s.page, live: true, creator: expect.any(Object), views: 0 }]);

		const photo = await s.brand.client.call(p1.photoUrl);
		expect(photo.status).toBe(200);
		expect(photo.headers.get('content-type')).toBe('image/png');
		expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
		expect(new Uint8Array(await photo.arrayBuffer())).toEqual(PNG);

		const key = (await env.DB.prepare('SELECT photo_key FROM offer_products WHERE id = ?1').bind(p1.id).first<{ photo_key: string }>())!.photo_key;
		expect(await env.FILES.head(key)).not.toBeNull();
		expect((await s.brand.client.call(`/campaigns/${s.campaignId}/offer-products/${p1.id}`, { method: 'DELETE' })).status).toBe(204);
		expect(await env.FILES.head(key)).toBeNull();
		expect((await s.brand.client.call(`/campaigns/${s.campaignId}/offer-products/${p1.id}`, { method: 'DELETE' })).status).toBe(404);
		expect((await getPage(s.brand.client, s.campaignId)).products.map((p) => p.name)).toEqual(['Crème de nuit']);
	});

	it('validation with translated messages: names on one line of 1 to 80 characters, whole-dinar prices, terms of 500 characters', async () => {
		const s = await scene();
		const bad = async (fields: Record<string, string>, path: string, lang = 'fr') => {
			const res = await s.brand.client.call(`/campaigns/${s.campaignId}/offer-products?lang=${lang}`, { body: productForm(fields), headers: { 'accept-language': lang } });
			expect(res.status, JSON.stringify(fields)).toBe(400);
			const body = (await res.json()) as { errors: { path: string; message: string }[] };
			const e = body.errors.find((x) => x.path === path);
			expect(e, JSON.stringify(body)).toBeDefined();
			return e!.message;
		};
		expect(await bad({ name: '', priceDzd: '100' }, 'name')).toBe('Le nom du produit tient sur une ligne, de 1 à 80 caractères.');
		expect(await bad({ name: 'x'.repeat(81), priceDzd: '100' }, 'name')).toMatch(/80/);
		expect(await bad({ name: 'Sérum\nPromo', priceDzd: '100' }, 'name')).toMatch(/une ligne/);
		expect(await bad({ name: 'Sérum \u202eoffert', priceDzd: '100' }, 'name')).toMatch(/une ligne/);
		expect(await bad({ name: 'Sérum', priceDzd: '12,5' }, 'priceDzd')).toMatch(/^Prix invalide/);
		expect(await bad({ name: 'Sérum', priceDzd: '-5' }, 'priceDzd')).toMatch(/^Prix invalide/);
		expect(await bad({ name: 'Sérum', priceDzd: '10000001' }, 'priceDzd')).toMatch(/^Prix invalide/);
		expect(await bad({ name: 'Sérum' }, 'priceDzd')).toBe('Ce champ est obligatoire.');
		expect(await bad({ name: 'Sérum', priceDzd: 'abc' }, 'priceDzd', 'ar')).toBe('سعر غير صالح: عدد صحيح بالدينار، من 0 إلى 10000000 (مثل 2500).');
		expect(await bad({ name: 'Sérum', priceDzd: 'abc' }, 'priceDzd', 'en')).toMatch(/^Invalid price/);

		const long = await s.brand.client.call(`/campaigns/${s.campaignId}/offer-page`, { method: 'PUT', json: { deliveryTerms: 'x'.repeat(501) } });
		expect(long.status).toBe(400);
		expect(JSON.stringify(await long.json())).toContain('500 caractères au plus');
		const ctl = await s.brand.client.call(`/campaigns/${s.campaignId}/offer-page`, { method: 'PUT', json: { deliveryTerms: 'Livraison\u0000' } });
		expect(ctl.status).toBe(400);
		expect(await count('SELECT count(*) AS n FROM offer_products WHERE campaign_id = ?1', s.campaignId)).toBe(0);
	});

	it('the photo: another type is 415, over 2 MB is 413, and nothing is left in storage', async () => {
		const s = await scene();
		const gif = await addProduct(s.brand.client, s.campaignId, { name: 'Sérum', priceDzd: '100' }, { bytes: new TextEncoder().encode('GIF89a......'), name: 'a.png', type: 'image/png' });
		expect(gif.status).toBe(415);
		expect(((await gif.json()) as { detail: string }).detail).toBe('La photo doit être une image PNG, JPEG ou WebP.');
		const big = new Uint8Array(2 * 1024 * 1024 + 1);
		big.set(PNG);
		const tooBig = await addProduct(s.brand.client, s.campaignId, { name: 'Sérum', priceDzd: '100' }, { bytes: big, name: 'a.png' });
		expect(tooBig.status).toBe(413);
		expect(((await tooBig.json()) as { detail: string }).detail).toBe('Photo trop lourde : 2 Mo au plus.');
		expect(await count('SELECT count(*) AS n FROM offer_products WHERE campaign_id = ?1', s.campaignId)).toBe(0);
		expect((await env.FILES.list({ prefix: `offer-photos/${s.campaignId}/` })).objects).toEqual([]);
	});

	it('at most 12 products: the 13th is 409, even when two race for the 12th place', async () => {
		const s = await scene();
		for (let i = 1; i <= 10; i++) expect((await addProduct(s.brand.client, s.campaignId, { name: `Produit ${i}`, priceDzd: String(i * 100) })).status).toBe(201);
		const raced = await Promise.all([1, 2, 3].map((i) => addProduct(s.brand.client, s.campaignId, { name: `Course ${i}`, priceDzd: '100' }, { bytes: PNG, name: 'p.png' })));
		expect(raced.map((r) => r.status).sort()).toEqual([201, 201, 409]);
		expect(await count('SELECT count(*) AS n FROM offer_products WHERE campaign_id = ?1', s.campaignId)).toBe(12);
		// The loser's photo was removed: only the two winners' remain.
		expect((await env.FILES.list({ prefix: `offer-photos/${s.campaignId}/` })).objects).toHaveLength(2);
		const full = await addProduct(s.brand.client, s.campaignId, { name: 'Treizième', priceDzd: '100' });
		expect(full.status).toBe(409);
		expect(((await full.json()) as { detail: string }).detail).toMatch(/12 produits au plus/);
	});

	it('another brand, a creator or a visitor cannot read or change it', async () => {
		const s = await scene();
		const created = await addProduct(s.brand.client, s.campaignId, { name: 'Sérum', priceDzd: '100' }, { bytes: PNG, name: 'p.png' });
		const productId = ((await created.json()) as { product: { id: string } }).product.id;
		const other = await brandAccount('Autre marque');
		const creator = await creatorAccount(env, 'Autre créatrice');
		const paths: [string, { method?: string; json?: unknown; body?: FormData }][] = [
			[`/campaigns/${s.campaignId}/offer-page`, {}],
			[`/campaigns/${s.campaignId}/offer-page`, { method: 'PUT', json: { deliveryTerms: 'x' } }],
			[`/campaigns/${s.campaignId}/offer-products/${productId}`, { method: 'DELETE' }],
			[`/campaigns/${s.campaignId}/offer-products/${productId}`, { method: 'PATCH', json: { name: 'Volé' } }],
			[`/campaigns/${s.campaignId}/offer-products/${productId}/move`, { json: { direction: 'up' } }],
			[`/campaigns/${s.campaignId}/offer-products/${productId}/photo`, {}]
		];
		for (const [path, opts] of paths) {
			expect((await other.client.call(path, opts)).status, path).toBe(404);
			expect((await creator.client.call(path, opts)).status, path).toBe(403);
			expect((await new Client().call(path, opts)).status, path).toBe(401);
		}
		expect((await addProduct(other.client, s.campaignId, { name: 'Intrus', priceDzd: '1' })).status).toBe(404);
		expect(await count('SELECT count(*) AS n FROM offer_products WHERE campaign_id = ?1', s.campaignId)).toBe(1);
		expect((await getPage(s.brand.client, s.campaignId)).deliveryTerms).toBe('');
		expect((await getPage(s.brand.client, s.campaignId)).products[0].name).toBe('Sérum');
	});

	it('a product is renamed or repriced in place, its photo kept; it moves one place up or down', async () => {
		const s = await scene();
		const ids: string[] = [];
		for (const name of ['Sérum', 'Crème', 'Savon']) {
			const res = await addProduct(s.brand.client, s.campaignId, { name, priceDzd: '1000' }, name === 'Crème' ? { bytes: PNG, name: 'p.png' } : undefined);
			ids.push(((await res.json()) as { product: { id: string } }).product.id);
		}
		const patch = (id: string, json: unknown) => s.brand.client.call(`/campaigns/${s.campaignId}/offer-products/${id}`, { method: 'PATCH', json });
		const renamed = await patch(ids[1], { name: 'Crème de nuit', priceDzd: '2 500 DA' });
		expect(renamed.status).toBe(200);
		expect(((await renamed.json()) as { product: { name: string; priceDzd: number; photoUrl: string | null } }).product).toMatchObject({
			name: 'Crème de nuit',
			priceDzd: 2500,
			photoUrl: expect.stringContaining(ids[1])
		});
		expect((await patch(ids[0], { priceDzd: 1800 })).status).toBe(200);
		// Bad input changes nothing: neither field, a name on two lines, a price in cents, an unknown field.
		for (const bad of [{}, { name: 'Deux\nlignes' }, { priceDzd: '12,50' }, { priceDzd: -1 }, { name: 'x', photo: 'y' }]) {
			const res = await patch(ids[2], bad);
			expect(res.status, JSON.stringify(bad)).toBe(400);
		}
		expect((await patch(ids[2], {})).status).toBe(400);
		expect(((await (await patch(ids[2], {})).json()) as { errors: { message: string }[] }).errors[0].message).toBe('Indiquez un nouveau nom ou un nouveau prix.');
		expect((await patch('00000000-0000-4000-8000-000000000000', { name: 'Fantôme' })).status).toBe(404);

		const move = (id: string, direction: string) => s.brand.client.call(`/campaigns/${s.campaignId}/offer-products/${id}/move`, { json: { direction } });
		const moved = await move(ids[2], 'up');
		expect(moved.status).toBe(200);
		expect(((await moved.json()) as PageOut).products.map((p) => p.name)).toEqual(['Sérum', 'Savon', 'Crème de nuit']);
		// At the top already: nothing changes.
		expect(((await (await move(ids[0], 'up')).json()) as PageOut).products.map((p) => p.name)).toEqual(['Sérum', 'Savon', 'Crème de nuit']);
		await move(ids[0], 'down');
		expect((await getPage(s.brand.client, s.campaignId)).products.map((p) => [p.name, p.priceDzd])).toEqual([
			['Savon', 1000],
			['Sérum', 1800],
			['Crème de nuit', 2500]
		]);
		expect((await move(ids[0], 'sideways')).status).toBe(400);
		// The public page shows the new order and names.
		const html = await (await visit(s.page)).text();
		expect(html.indexOf('Savon')).toBeLessThan(html.lastIndexOf('Sérum')); // the offer text above may name a sérum too
		expect(html).toContain('Crème de nuit');
	});
});

describe('the public page /o/<slug>', () => {
	async function built() {
		const s = await scene();
		await s.brand.client.call(`/campaigns/${s.campaignId}/offer-page`, { method: 'PUT', json: { deliveryTerms: 'Livraison 58 wilayas <b>rapide</b>' } });
		const p = await addProduct(s.brand.client, s.campaignId, { name: 'Sérum <éclat>', priceDzd: '12500' }, { bytes: PNG, name: 'p.png' });
		const productId = ((await p.json()) as { product: { id: string } }).product.id;
		await addProduct(s.brand.client, s.campaignId, { name: 'Crème', priceDzd: '900' });
		return { ...s, productId };
	}

	it('in French: the offer, the products with prices in DA, the delivery terms, the code; no script; WhatsApp once the brand has a number', async () => {
		const s = await built();
		const res = await visit(s.page);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const csp = res.headers.get('content-security-policy')!;
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain("img-src 'self'");
		expect(csp).not.toContain('script-src');
		const html = await res.text();
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('Sérum éclat');
		expect(html).toContain('Atelier Lina Tlemcen');
		expect(html).toContain('<p class="code" dir="ltr">NOUR10</p>');
		expect(html).toContain(`12${NNBSP}500${NBSP}DA`);
		expect(html).toContain(`900${NBSP}DA`);
		expect(html).toContain('Sérum &#60;éclat&#62;');
		expect(html).toContain('Livraison 58 wilayas &#60;b&#62;rapide&#60;/b&#62;');
		expect(html).toContain(`<img src="/o/${s.slug}/photos/${s.productId}"`);
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toContain('wa.me');
		expect(html).toContain('INSTA-NOUR');

		expect((await s.brand.client.call('/brands/me/contact', { method: 'PUT', json: { whatsappPhone: '0550 12 34 56' } })).status).toBe(200);
		const withWa = await (await visit(s.page)).text();
		expect(withWa).toContain(`href="https://wa.me/213550123456?text=${encodeURIComponent('INSTA-NOUR — Bonjour, je viens pour l’offre « Sérum éclat ».')}"`);
		expect(withWa).toContain('Commander sur WhatsApp');
	});

	it('in Arabic, right to left, with Latin digits; in English on ?lang=en', async () => {
		const s = await built();
		const ar = await (await visit(s.page, { 'accept-language': 'ar-DZ,ar;q=0.9' })).text();
		expect(ar).toContain('<html lang="ar" dir="rtl">');
		expect(ar).toContain('رمز التخفيض الخاص بك');
		expect(ar).toContain(`12${NNBSP}500${NBSP}د.ج`);
		expect(ar).toContain('<p class="code" dir="ltr">NOUR10</p>');
		const en = await (await visit(`${s.page}?lang=en`)).text();
		expect(en).toContain('<html lang="en" dir="ltr">');
		expect(en).toContain(`DZD${NBSP}12,500`);
	});

	it('the photo is public by the page, inline, typed from the bytes, cacheable; another campaign’s product is 404', async () => {
		const s = await built();
		const res = await visit(`${s.page}/photos/${s.productId}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
		expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
		const other = await scene();
		expect((await visit(`${other.page}/photos/${s.productId}`)).status).toBe(404);
		expect((await visit(`${s.page}/photos/nope`)).status).toBe(404);
	});

	it('counts a view once per visitor and Algiers day; not bots, scripts, prefetches nor HEAD', async () => {
		const s = await built();
		const day1 = { 'x-wasla-dev-now': '2027-01-12T10:00:00+01:00' };
		await visit(s.page, day1);
		await visit(s.page, { 'x-wasla-dev-now': '2027-01-12T23:30:00+01:00' });
		expect(await views(s.slug)).toBe(1);
		await visit(s.page, { ...day1, 'user-agent': IPHONE_UA });
		expect(await views(s.slug)).toBe(2);
		await visit(s.page, { 'x-wasla-dev-now': '2027-01-13T00:10:00+01:00' });
		expect(await views(s.slug)).toBe(3);
		for (const ua of ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'WhatsApp/2.23.20.0 A', 'curl/8.5.0', '']) {
			expect((await visit(s.page, { 'user-agent': ua, 'x-wasla-dev-now': '2027-01-14T10:00:00+01:00' })).status).toBe(200);
		}
		expect((await visit(s.page, { 'sec-purpose': 'prefetch', 'x-wasla-dev-now': '2027-01-14T10:00:00+01:00' })).status).toBe(200);
		expect((await visit(s.page, { 'x-wasla-dev-now': '2027-01-14T10:00:00+01:00' }, 'HEAD')).status).toBe(200);
		expect(await views(s.slug)).toBe(3);
		const stored = JSON.stringify(await env.DB.prepare('SELECT * FROM offer_views WHERE slug = ?1').bind(s.slug).all());
		for (const part of ['197.200', 'SM-A145F']) expect(stored).not.toContain(part);
		expect((await getPage(s.brand.client, s.campaignId)).pages[0].views).toBe(3);
	});

	it('a deactivated link still shows the page, says the offer ended, hides the code and counts nothing', async () => {
		const s = await built();
		await env.DB.prepare('UPDATE tracked_links SET active = 0, deactivated_at = ?2 WHERE slug = ?1').bind(s.slug, Date.now()).run();
		const res = await visit(s.page);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Cette offre est terminée');
		expect(html).not.toContain('NOUR10');
		expect(html).toContain(`12${NNBSP}500${NBSP}DA`);
		expect(await views(s.slug)).toBe(0);
	});

	it('an unknown or malformed slug is the same friendly 404 as /l/; other methods are 405', async () => {
		for (const path of ['/o/zzzzzzzz', '/o/not-a-slug', '/o/%3Cscript%3E']) {
			const res = await visit(path);
			expect(res.status, path).toBe(404);
			const html = await res.text();
			expect(html).toContain('Ce lien n’existe pas');
			expect(html).not.toContain('<script>');
		}
		const s = await scene();
		expect((await visit(s.page, {}, 'POST')).status).toBe(405);
	});
});

describe('/l/<slug> leads to the page', () => {
	it('with neither landing URL nor WhatsApp number: a 302 to /o/<slug> (keeping ?lang), the click counted once and the view once', async () => {
		const s = await scene();
		const res = await visit(s.link);
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(s.page);
		expect((await visit(`${s.link}?lang=ar`)).headers.get('location')).toBe(`${s.page}?lang=ar`);
		expect(await count('SELECT count(*) AS n FROM link_clicks WHERE slug = ?1', s.slug)).toBe(1);
		expect((await visit(res.headers.get('location')!)).status).toBe(200);
		expect(await views(s.slug)).toBe(1);
	});
});
