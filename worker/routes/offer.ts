/**
 * GET /o/:slug — the campaign landing page (issue 12, point 3), for brands without a site, and
 * GET /o/:slug/photos/:productId — its product photos. Served at the site root like /l/
 * (worker/routes/links.ts): both entries hand `/o/…` to this file before SvelteKit or Hono.
 *
 * - One creator's page: the slug is their tracked link's, so the page shows their promo code
 *   (big, selectable, left to right) and a WhatsApp button with their keyword prefilled
 *   (when the brand has a number), next to the campaign's offer, up to 12 products (photo,
 *   name, price in dinars) and the delivery terms.
 * - Plain HTML with inline CSS, no script (the CSP allows none), fits a 360 px screen, in the
 *   visitor's language (fr, ar right to left, en). Images are lazy and sized, so the page
 *   shows before they arrive.
 * - Views: a GET by a person (not a bot, script or prefetch) on a live link counts once per
 *   visitor, link and Algiers day, written after the answer left (`waitUntil`). A deactivated
 *   link (the campaign ended) still shows the page, saying the offer ended, without the code
 *   (it no longer counts), and counts nothing.
 * - Unknown slug: the same friendly 404 as /l/. A D1 failure: the same 503.
 */
import type { Env, Locale } from '../env';
import { DEV_NOW_HEADER, LANG_COOKIE, requestClock } from '../middleware';
import { pickLocale } from '../i18n';
import { SLUG_PATTERN } from '../domain/attribution-codes';
import { formatPriceDzd } from '../domain/offer-page';
import { isBot, whatsappText, whatsappUrl } from '../domain/tracked-links';
import { type OfferPageRow, publicProductPhoto, readOfferPage, recordView } from '../services/attribution';
import { BASE_HEADERS, PAGE_CSP, cookie, esc, isPrefetch, notFound, page, unavailable } from './links';
import { photoHeaders } from './offer-page';

const PAGE_PATH = /^\/o\/([^/]{1,64})\/?$/;
const PHOTO_PATH = /^\/o\/([^/]{1,64})\/photos\/([0-9A-Za-z_-]{1,64})$/;

export function isOfferPath(pathname: string): boolean {
	return PAGE_PATH.test(pathname) || PHOTO_PATH.test(pathname);
}

/** The page's policy: the link pages' one, plus images from this origin (the product photos). */
const OFFER_CSP = `${PAGE_CSP}; img-src 'self'`;

export async function offerPage(request: Request, env: Env, ctx: Pick<ExecutionContext, 'waitUntil'>): Promise<Response> {
	const url = new URL(request.url);
	const h = request.headers;
	const locale = pickLocale(url.searchParams.get('lang') ?? undefined, cookie(h.get('cookie'), LANG_COOKIE), h.get('accept-language') ?? undefined);
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return new Response(null, { status: 405, headers: { ...BASE_HEADERS, allow: 'GET, HEAD' } });
	}
	const photo = PHOTO_PATH.exec(url.pathname);
	if (photo) return photoResponse(env, photo[1].toLowerCase(), photo[2]);

	const slug = (PAGE_PATH.exec(url.pathname)?.[1] ?? '').toLowerCase();
	if (!SLUG_PATTERN.test(slug)) return page(404, locale, notFound(locale));
	let read: Awaited<ReturnType<typeof readOfferPage>>;
	try {
		read = await readOfferPage(env.DB, slug);
	} catch (err) {
		console.error(JSON.stringify({ level: 'error', msg: 'offer page not read', slug, error: String(err instanceof Error ? err.message : err) }));
		return page(503, locale, unavailable(locale), { 'retry-after': '5' });
	}
	if (!read) return page(404, locale, notFound(locale));
	const { link, products } = read;

	const userAgent = h.get('user-agent') ?? '';
	if (link.active === 1 && request.method === 'GET' && !isBot(userAgent) && !isPrefetch(h)) {
		const view = { link, at: requestClock(env.APP_ENV, h.get(DEV_NOW_HEADER) ?? undefined), ip: h.get('cf-connecting-ip') ?? '', userAgent };
		ctx.waitUntil(
			recordView(env, view).catch((err: unknown) => {
				console.error(JSON.stringify({ level: 'error', msg: 'offer view not recorded', slug, error: String(err instanceof Error ? err.message : err) }));
			})
		);
	}
	return new Response(renderOfferPage(locale, link, products), {
		headers: { ...BASE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': OFFER_CSP, 'x-frame-options': 'DENY', 'content-language': locale }
	});
}

async function photoResponse(env: Env, slug: string, productId: string): Promise<Response> {
	const missing = () => new Response(null, { status: 404, headers: { ...BASE_HEADERS } });
	if (!SLUG_PATTERN.test(slug)) return missing();
	const photo = await publicProductPhoto(env, slug, productId).catch(() => undefined);
	if (photo === undefined) return new Response(null, { status: 503, headers: { ...BASE_HEADERS, 'retry-after': '5' } });
	if (!photo) return missing();
	// A product's photo never changes (another photo is another product): cacheable for a day by browsers and the edge.
	return new Response(photo.body, { headers: { ...photoHeaders(photo.type, photo.size, 'public, max-age=86400'), 'x-robots-tag': 'noindex', etag: photo.etag } });
}

// ---- the page ---------------------------------------------------------------------------------

const TEXT: Record<Locale, { by: string; products: string; delivery: string; code: string; codeHint: string; keyword: string; whatsapp: string; ended: string; noPhoto: string; home: string }> = {
	fr: {
		by: 'Une offre de',
		products: 'Les produits',
		delivery: 'Livraison',
		code: 'Votre code promo',
		codeHint: 'Donnez-le en commandant.',
		keyword: 'Mot-clé à écrire à la marque :',
		whatsapp: 'Commander sur WhatsApp',
		ended: 'Cette offre est terminée : le code promo n’est plus valable. Vous pouvez encore contacter la marque.',
		noPhoto: 'Sans photo',
		home: 'Wasla'
	},
	ar: {
		by: 'عرض من',
		products: 'المنتجات',
		delivery: 'التوصيل',
		code: 'رمز التخفيض الخاص بك',
		codeHint: 'اذكره عند الطلب.',
		keyword: 'الكلمة المفتاحية التي تُرسل إلى العلامة:',
		whatsapp: 'اطلب عبر واتساب',
		ended: 'انتهى هذا العرض: رمز التخفيض لم يعد صالحًا. لا يزال بإمكانك التواصل مع العلامة.',
		noPhoto: 'بدون صورة',
		home: 'وصلة'
	},
	en: {
		by: 'An offer from',
		products: 'Products',
		delivery: 'Delivery',
		code: 'Your promo code',
		codeHint: 'Give it when you order.',
		keyword: 'Keyword to send to the brand:',
		whatsapp: 'Order on WhatsApp',
		ended: 'This offer has ended: the promo code is no longer valid. You can still contact the brand.',
		noPhoto: 'No photo',
		home: 'Wasla'
	}
};

/** Text with its line breaks kept (the offer, the delivery terms), escaped. */
const lines = (s: string) => esc(s.trim()).replace(/\r?\n/g, '<br>');

export interface OfferProductView {
	id: string;
	name: string;
	price_dzd: number;
	photo_key: string | null;
}

/** The landing page's HTML: everything inline, nothing to run. */
export function renderOfferPage(locale: Locale, link: OfferPageRow, products: OfferProductView[]): string {
	const m = TEXT[locale];
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const live = link.active === 1;
	const wa = link.whatsapp_phone ? whatsappUrl(link.whatsapp_phone, whatsappText(live ? link.keyword : null, link.campaign_title, locale)) : null;
	const grid = products
		.map((p) => {
			const img = p.photo_key
				? `<img src="/o/${esc(link.slug)}/photos/${esc(p.id)}" alt="${esc(p.name)}" width="320" height="320" loading="lazy" decoding="async">`
				: `<div class="ph">${esc(m.noPhoto)}</div>`;
			return `<li>${img}<p class="n" dir="auto">${esc(p.name)}</p><p class="p"><bdi>${esc(formatPriceDzd(p.price_dzd, locale))}</bdi></p></li>`;
		})
		.join('');
	const sections = [
		live ? '' : `<p class="ended" role="status">${esc(m.ended)}</p>`,
		link.offer.trim() ? `<p class="offer" dir="auto">${lines(link.offer)}</p>` : '',
		live && link.promo ? `<section class="codebox"><h2>${esc(m.code)}</h2><p class="code" dir="ltr">${esc(link.promo)}</p><p class="hint">${esc(m.codeHint)}</p></section>` : '',
		wa ? `<p><a class="wa" href="${esc(wa)}" rel="noopener">${esc(m.whatsapp)}</a></p>` : live && link.keyword ? `<p>${esc(m.keyword)} <bdi class="kw" dir="ltr">${esc(link.keyword)}</bdi></p>` : '',
		products.length > 0 ? `<section><h2>${esc(m.products)}</h2><ul class="grid">${grid}</ul></section>` : '',
		link.delivery_terms.trim() ? `<section><h2>${esc(m.delivery)}</h2><p dir="auto">${lines(link.delivery_terms)}</p></section>` : '',
		wa && products.length > 2 ? `<p><a class="wa" href="${esc(wa)}" rel="noopener">${esc(m.whatsapp)}</a></p>` : ''
	];
	return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(link.campaign_title)} · ${esc(link.brand_name)}</title>
<style>
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Arabic",sans-serif;background:#f6f5f2;color:#1d1d1b;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
h1{font-size:1.4rem;margin:.25rem 0 .75rem}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
p{margin:0 0 .75rem}
.by{color:#55554f;font-size:.9rem;margin:0}
.ended{background:#fff4e5;border:1px solid #f0c36d;border-radius:8px;padding:.6rem .75rem}
.codebox{background:#f0efe9;border-radius:12px;padding:.75rem;text-align:center}
.codebox h2{margin:0 0 .25rem}
.code{font-family:ui-monospace,monospace;font-size:2rem;font-weight:700;letter-spacing:.08em;margin:0;user-select:all;-webkit-user-select:all;overflow-wrap:anywhere}
.hint{font-size:.9rem;color:#55554f;margin:0}
.kw{font-family:ui-monospace,monospace;font-weight:700;white-space:nowrap}
.wa{display:block;text-align:center;background:#128c4b;color:#fff;font-weight:700;text-decoration:none;padding:.9rem 1rem;border-radius:10px;font-size:1.1rem}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.75rem}
.grid li{border:1px solid #e4e2db;border-radius:10px;overflow:hidden}
.grid img,.ph{display:block;width:100%;height:auto;aspect-ratio:1;object-fit:cover;background:#f0efe9}
.ph{display:flex;align-items:center;justify-content:center;color:#8a8a82;font-size:.85rem}
.n{margin:.4rem .5rem .1rem;font-size:.95rem;overflow-wrap:anywhere}
.p{margin:0 .5rem .5rem;font-weight:700;white-space:nowrap}
footer{margin-top:1.5rem;font-size:.8rem;color:#8a8a82;text-align:center}
footer a{color:inherit}
@media (min-width:36rem){.grid{grid-template-columns:repeat(3,minmax(0,1fr))}}
</style>
</head>
<body>
<main>
<p class="by">${esc(m.by)} <bdi>${esc(link.brand_name)}</bdi></p>
<h1 dir="auto">${esc(link.campaign_title)}</h1>
${sections.filter(Boolean).join('\n')}
<footer><a href="/?lang=${locale}">${esc(m.home)}</a></footer>
</main>
</body>
</html>`;
}
