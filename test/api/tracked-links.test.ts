/**
 * Tracked links /l/<slug> (issue 12, point 2): a 302 to the landing URL with UTM parameters,
 * to the brand's WhatsApp with the keyword prefilled, or the campaign landing page /o/<slug>; a click
 * counted once per visitor, link and Algiers day, without the address; bots, previews,
 * prefetches and deactivated links redirected but not counted; unknown slugs a friendly 404
 * in the visitor's language. And where the targets come from: the campaign's landing URL and
 * the brand's WhatsApp number.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { count } from './agreements-scene';
import { signedScene } from './deliverables-scene';
import { brandAccount } from './factories';
import { ORIGIN, type Client } from './helpers';

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.0';
const IP = '197.200.13.77';

/** GET /l/<slug> through the test entry, waiting for the work done after the answer (the click). */
async function click(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const ctx = createExecutionContext();
	const res = await worker.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { 'user-agent': PHONE_UA, 'cf-connecting-ip': IP, ...headers }, redirect: 'manual' }), env, ctx);
	await waitOnExecutionContext(ctx);
	return res;
}

async function linkOf(client: Client, agreementId: string): Promise<string> {
	const res = await client.call(`/agreements/${agreementId}/codes`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { link: string }).link;
}

async function scene() {
	const s = await signedScene();
	const link = await linkOf(s.brand.client, s.agreementId);
	return { ...s, link, slug: link.slice(3) };
}

const setLanding = (client: Client, campaignId: string, landingUrl: string | null) => client.call(`/campaigns/${campaignId}`, { method: 'PATCH', json: { landingUrl } });
const setWhatsapp = (client: Client, whatsappPhone: string | null) => client.call('/brands/me/contact', { method: 'PUT', json: { whatsappPhone } });
const clicks = (slug: string) => count('SELECT count(*) AS n FROM link_clicks WHERE slug = ?1', slug);

describe('where a click goes', () => {
	it('the landing URL with UTM parameters: the brand’s own parameters stay, its utm_* are replaced', async () => {
		const s = await scene();
		const patched = await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/serum?ref=ig&utm_source=old&UTM_Medium=x');
		expect(patched.status).toBe(200);
		expect(((await patched.json()) as { campaign: { landingUrl: string } }).campaign.landingUrl).toBe('https://boutique-lina.dz/serum?ref=ig&utm_source=old&UTM_Medium=x');
		// The factory's campaign sells on WhatsApp; without a number the landing URL is the target.
		const res = await click(s.link);
		expect(res.status).toBe(302);
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		const to = new URL(res.headers.get('location')!);
		expect(to.origin + to.pathname).toBe('https://boutique-lina.dz/serum');
		expect([...to.searchParams]).toEqual([
			['ref', 'ig'],
			['utm_source', 'wasla'],
			['utm_medium', 'creator'],
			['utm_campaign', 'serum-eclat'],
			['utm_content', s.slug]
		]);
		expect(await res.text()).toBe('');
	});

	it('WhatsApp click-to-chat: digits without + nor leading 0, the keyword first, URL-encoded in the visitor’s language', async () => {
		const s = await scene();
		const saved = await setWhatsapp(s.brand.client, '0550 12 34 56');
		expect(saved.status).toBe(200);
		expect(((await saved.json()) as { contact: { whatsappPhone: string } }).contact.whatsappPhone).toBe('+213550123456');
		const res = await click(s.link);
		expect(res.status).toBe(302);
		const location = res.headers.get('location')!;
		expect(location).toMatch(/^https:\/\/wa\.me\/213550123456\?text=[^ ]+$/);
		expect(location).toContain('text=INSTA-NOUR%20');
		expect(new URL(location).searchParams.get('text')).toBe('INSTA-NOUR — Bonjour, je viens pour l’offre « Sérum éclat ».');
		const ar = await click(s.link, { 'accept-language': 'ar-DZ,ar;q=0.9' });
		expect(new URL(ar.headers.get('location')!).searchParams.get('text')).toMatch(/^INSTA-NOUR — مرحبًا/);
	});

	it('a WhatsApp-sales campaign prefers WhatsApp over the landing URL; another objective the landing URL', async () => {
		const s = await scene();
		expect((await setWhatsapp(s.brand.client, '+213 770 11 22 33')).status).toBe(200);
		expect((await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/serum')).status).toBe(200);
		expect((await click(s.link)).headers.get('location')).toMatch(/^https:\/\/wa\.me\/213770112233\?/);
		expect((await s.brand.client.call(`/campaigns/${s.campaignId}`, { method: 'PATCH', json: { objective: 'traffic' } })).status).toBe(200);
		expect((await click(s.link)).headers.get('location')).toMatch(/^https:\/\/boutique-lina\.dz\/serum\?utm_source=wasla&/);
	});

	it('neither a landing URL nor a WhatsApp number: a 302 to the campaign landing page /o/<slug>, the click counted', async () => {
		const s = await scene();
		const res = await click(s.link);
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toBe(`/o/${s.slug}`);
		expect(await clicks(s.slug)).toBe(1);
	});

	it('a slug typed in capitals or with a trailing slash still works', async () => {
		const s = await scene();
		expect((await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/')).status).toBe(200);
		expect((await click(`/l/${s.slug.toUpperCase()}`)).status).toBe(302);
		expect((await click(`${s.link}/`)).status).toBe(302);
	});
});

describe('what a click records', () => {
	it('once per visitor, link and Algiers day; another device counts; the next day counts again; no address stored', async () => {
		const s = await scene();
		expect((await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/serum')).status).toBe(200);
		const day1 = '2027-01-12T10:00:00+01:00';
		const headers = { referer: 'https://l.instagram.com/?u=https%3A%2F%2Fwasla.test', 'cf-ipcountry': 'DZ', 'x-wasla-dev-now': day1 };
		expect((await click(s.link, headers)).status).toBe(302);
		expect((await click(s.link, { ...headers, 'x-wasla-dev-now': '2027-01-12T23:30:00+01:00' })).status).toBe(302);
		expect(await clicks(s.slug)).toBe(1);
		expect((await click(s.link, { ...headers, 'user-agent': IPHONE_UA })).status).toBe(302);
		expect(await clicks(s.slug)).toBe(2);
		// Midnight in Algiers: a new salt, the same visitor counts again.
		expect((await click(s.link, { ...headers, 'x-wasla-dev-now': '2027-01-13T00:10:00+01:00' })).status).toBe(302);
		expect(await clicks(s.slug)).toBe(3);

		const { results } = await env.DB.prepare('SELECT * FROM link_clicks WHERE slug = ?1 ORDER BY at').bind(s.slug).all<Record<string, unknown>>();
		expect(results[0]).toMatchObject({ campaign_id: s.campaignId, at: Date.parse(day1), referrer_domain: 'l.instagram.com', device: 'mobile', country: 'DZ' });
		expect(results[0].visitor_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(results[1].device).toBe('mobile');
		expect(new Set(results.map((r) => r.visitor_hash)).size).toBe(3);
		const stored = JSON.stringify(results);
		for (const part of [IP, '197.200', 'SM-A145F', 'Instagram 309']) expect(stored).not.toContain(part);
	});

	it('link-preview fetchers, crawlers, scripts, HEAD and browser prefetches are redirected but not counted', async () => {
		const s = await scene();
		expect((await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/serum')).status).toBe(200);
		for (const ua of [
			'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
			'WhatsApp/2.23.20.0 A',
			'TelegramBot (like TwitterBot)',
			'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
			'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
			'curl/8.5.0',
			''
		]) {
			const res = await click(s.link, { 'user-agent': ua });
			expect(res.status, ua).toBe(302);
		}
		expect((await click(s.link, {}, 'HEAD')).status).toBe(302);
		expect((await click(s.link, { 'sec-purpose': 'prefetch;prerender' })).status).toBe(302);
		expect(await clicks(s.slug)).toBe(0);
		// A person from Instagram's in-app browser counts.
		await click(s.link, { 'user-agent': IPHONE_UA });
		expect(await clicks(s.slug)).toBe(1);
	});

	it('a deactivated link (the campaign ended) still leads to the brand but counts nothing', async () => {
		const s = await scene();
		expect((await setLanding(s.brand.client, s.campaignId, 'https://boutique-lina.dz/serum')).status).toBe(200);
		await env.DB.prepare('UPDATE tracked_links SET active = 0, deactivated_at = ?2 WHERE slug = ?1').bind(s.slug, Date.now()).run();
		const res = await click(s.link);
		expect(res.status).toBe(302);
		expect(res.headers.get('location')).toMatch(/^https:\/\/boutique-lina\.dz\/serum\?/);
		expect(await clicks(s.slug)).toBe(0);
	});

	it('other methods are refused without counting', async () => {
		const s = await scene();
		const res = await click(s.link, {}, 'POST');
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('GET, HEAD');
		expect(await clicks(s.slug)).toBe(0);
	});
});

describe('unknown links', () => {
	it('an unknown or malformed slug is a friendly 404 page in the visitor’s language, with a link home', async () => {
		const fr = await click('/l/zzzzzzzz');
		expect(fr.status).toBe(404);
		expect(fr.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(fr.headers.get('cache-control')).toBe('no-store');
		const frHtml = await fr.text();
		expect(frHtml).toContain('<html lang="fr" dir="ltr">');
		expect(frHtml).toContain('Ce lien n’existe pas');
		expect(frHtml).toContain('href="/?lang=fr"');

		const ar = await click('/l/not-a-slug', { 'accept-language': 'ar-DZ,ar;q=0.9,fr;q=0.8' });
		expect(ar.status).toBe(404);
		const arHtml = await ar.text();
		expect(arHtml).toContain('<html lang="ar" dir="rtl">');
		expect(arHtml).toContain('هذا الرابط غير موجود');

		const en = await click('/l/%3Cscript%3E?lang=en');
		expect(en.status).toBe(404);
		const enHtml = await en.text();
		expect(enHtml).toContain('This link does not exist');
		expect(enHtml).not.toContain('<script>');
		expect(await count("SELECT count(*) AS n FROM link_clicks WHERE slug = 'zzzzzzzz'")).toBe(0);
	});
});

describe('the campaign’s landing URL', () => {
	it('https only: http:, javascript:, credentials and non-URLs are a 400 on the field; "" or null clears it', async () => {
		const s = await scene();
		for (const bad of [
			'http://boutique-lina.dz',
			'javascript:alert(1)',
			'https://user:pw@boutique-lina.dz',
			'boutique-lina.dz',
			'https://localhost/x',
			`https://boutique-lina.dz/${'a'.repeat(500)}`
		]) {
			const res = await setLanding(s.brand.client, s.campaignId, bad);
			expect(res.status, bad).toBe(400);
			const problem = (await res.json()) as { errors: { path: string; message: string }[] };
			expect(problem.errors[0].path).toBe('landingUrl');
			expect(problem.errors[0].message).toMatch(/https:\/\//);
		}
		expect((await setLanding(s.brand.client, s.campaignId, ' https://Boutique-Lina.dz/offre ')).status).toBe(200);
		const read = await s.brand.client.call(`/campaigns/${s.campaignId}`);
		expect(((await read.json()) as { campaign: { landingUrl: string } }).campaign.landingUrl).toBe('https://boutique-lina.dz/offre');
		const cleared = await setLanding(s.brand.client, s.campaignId, '');
		expect(((await cleared.json()) as { campaign: { landingUrl: string | null } }).campaign.landingUrl).toBeNull();
	});

	it('is given when the campaign is created, and may change while the campaign runs', async () => {
		const brand = await brandAccount('Maison Kenza');
		const created = await brand.client.call('/campaigns', { json: { title: 'Caftans de fête', objective: 'traffic', landingUrl: 'https://kenza.dz/caftans' } });
		expect(created.status).toBe(201);
		const campaign = ((await created.json()) as { campaign: { id: string; landingUrl: string } }).campaign;
		expect(campaign.landingUrl).toBe('https://kenza.dz/caftans');
		await env.DB.prepare("UPDATE campaigns SET status = 'active' WHERE id = ?1").bind(campaign.id).run();
		expect((await brand.client.call(`/campaigns/${campaign.id}`, { method: 'PATCH', json: { title: 'Autre titre' } })).status).toBe(409);
		const moved = await setLanding(brand.client, campaign.id, 'https://kenza.dz/fetes');
		expect(moved.status).toBe(200);
		expect(((await moved.json()) as { campaign: { landingUrl: string; title: string } }).campaign).toMatchObject({ landingUrl: 'https://kenza.dz/fetes', title: 'Caftans de fête' });
	});
});

describe('the brand’s WhatsApp number', () => {
	it('is validated as an Algerian number, stored E.164, warned about when unusual, removable', async () => {
		const brand = await brandAccount('Boutique Amel');
		expect(((await (await brand.client.call('/brands/me/contact')).json()) as { contact: unknown }).contact).toEqual({ whatsappPhone: null, canEdit: true });
		for (const bad of ['12345', '+33 6 12 34 56 78', 'wa.me/213550123456']) {
			const res = await setWhatsapp(brand.client, bad);
			expect(res.status, bad).toBe(400);
			const problem = (await res.json()) as { errors: { path: string; message: string }[] };
			expect(problem.errors[0]).toMatchObject({ path: 'whatsappPhone' });
			expect(problem.errors[0].message).toMatch(/WhatsApp/);
		}
		const odd = await setWhatsapp(brand.client, '021 23 45 67 8');
		expect(odd.status).toBe(200);
		const oddBody = (await odd.json()) as { contact: { whatsappPhone: string }; warnings: { code: string; message: string }[] };
		expect(oddBody.contact.whatsappPhone).toBe('+213212345678');
		expect(oddBody.warnings[0].code).toBe('unusual_prefix');
		expect(((await (await setWhatsapp(brand.client, null)).json()) as { contact: { whatsappPhone: string | null } }).contact.whatsappPhone).toBeNull();
	});

	it('only the owner changes it; a member reads it', async () => {
		const owner = await brandAccount('Boutique Amel');
		expect((await setWhatsapp(owner.client, '0661 00 11 22')).status).toBe(200);
		const member = await brandAccount('Yacine Amel');
		await env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind(owner.brandId, member.user.id, Date.now()).run();
		expect((await member.client.call('/me/brand', { method: 'PUT', json: { brandId: owner.brandId } })).status).toBe(200);
		expect(((await (await member.client.call('/brands/me/contact')).json()) as { contact: unknown }).contact).toEqual({ whatsappPhone: '+213661001122', canEdit: false });
		expect((await setWhatsapp(member.client, '0550 00 00 00')).status).toBe(403);
	});
});
