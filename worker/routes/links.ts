/**
 * GET /l/:slug — a creator's tracked link (issue 12, point 2), at the site root, outside the
 * API. Both entries hand it these requests before anything else (worker/entry.ts before
 * SvelteKit, worker/index.ts before Hono): no session lookup, no page rendering, one indexed
 * D1 read, then a 302 whose click is written after the answer left (`waitUntil`).
 *
 * - Where it goes: `redirectTarget` (worker/domain/tracked-links.ts) — the campaign's landing
 *   URL with UTM parameters, or the brand's WhatsApp with the keyword prefilled, or the
 *   campaign landing page `/o/<slug>` (point 3, worker/routes/offer.ts), which counts its
 *   own views.
 * - What counts: a GET by a person (not a link-preview fetcher, crawler, script or browser
 *   prefetch) on a live link; once per visitor, link and Algiers day. A deactivated link (the
 *   campaign ended) still leads to the brand, since people keep old stories, but counts nothing.
 * - Unknown or malformed slug: a small 404 page in the visitor's language (fr, ar right to
 *   left, en) with a link home. A D1 failure on the read: a 503 page asking to try again.
 */
import type { Env, Locale } from '../env';
import { LANG_COOKIE, requestClock, DEV_NOW_HEADER } from '../middleware';
import { pickLocale } from '../i18n';
import { SLUG_PATTERN } from '../domain/attribution-codes';
import { isBot, redirectTarget } from '../domain/tracked-links';
import { type LinkRow, readLink, recordClick } from '../services/attribution';

/** `/l/<anything>` with an optional trailing slash; what SvelteKit and the API never serve. */
const LINK_PATH = /^\/l\/([^/]{1,64})\/?$/;

export function isTrackedLinkPath(pathname: string): boolean {
	return LINK_PATH.test(pathname);
}

/** Headers of every answer: never cached (each click counts), never indexed, not sniffed. */
export const BASE_HEADERS = {
	'cache-control': 'no-store',
	'x-robots-tag': 'noindex, nofollow',
	'x-content-type-options': 'nosniff',
	// The brand's site learns that the visit came from Instagram (the origin only), never more.
	'referrer-policy': 'strict-origin-when-cross-origin'
} as const;

/** Our pages load nothing and run nothing; inline styles only (the same policy as the static error page). */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function cookie(header: string | null, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const [k, ...v] = part.trim().split('=');
		if (k === name) return v.join('=');
	}
	return undefined;
}

/** Whether the browser is only prefetching the link (Chrome's `Sec-Purpose: prefetch`, older `Purpose`). */
export function isPrefetch(headers: Headers): boolean {
	return /prefetch|prerender/i.test(`${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-moz') ?? ''}`);
}

export async function trackedLink(request: Request, env: Env, ctx: Pick<ExecutionContext, 'waitUntil'>): Promise<Response> {
	const url = new URL(request.url);
	const h = request.headers;
	const locale = pickLocale(url.searchParams.get('lang') ?? undefined, cookie(h.get('cookie'), LANG_COOKIE), h.get('accept-language') ?? undefined);
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		return new Response(null, { status: 405, headers: { ...BASE_HEADERS, allow: 'GET, HEAD' } });
	}
	const slug = (LINK_PATH.exec(url.pathname)?.[1] ?? '').toLowerCase();
	if (!SLUG_PATTERN.test(slug)) return page(404, locale, notFound(locale));

	let link: LinkRow | null;
	try {
		link = await readLink(env.DB, slug);
	} catch (err) {
		console.error(JSON.stringify({ level: 'error', msg: 'tracked link not read', slug, error: String(err instanceof Error ? err.message : err) }));
		return page(503, locale, unavailable(locale), { 'retry-after': '5' });
	}
	if (!link) return page(404, locale, notFound(locale));

	const now = requestClock(env.APP_ENV, h.get(DEV_NOW_HEADER) ?? undefined);
	const userAgent = h.get('user-agent') ?? '';
	if (link.active === 1 && request.method === 'GET' && !isBot(userAgent) && !isPrefetch(h)) {
		const click = {
			link,
			at: now,
			ip: h.get('cf-connecting-ip') ?? '',
			userAgent,
			referer: h.get('referer'),
			country: (request as { cf?: { country?: unknown } }).cf?.country ?? h.get('cf-ipcountry')
		};
		ctx.waitUntil(
			recordClick(env, click).catch((err: unknown) => {
				console.error(JSON.stringify({ level: 'error', msg: 'link click not recorded', slug, error: String(err instanceof Error ? err.message : err) }));
			})
		);
	}

	const target = redirectTarget(
		{
			slug: link.slug,
			campaignId: link.campaign_id,
			campaignTitle: link.campaign_title,
			objective: link.objective,
			landingUrl: link.landing_url,
			whatsappPhone: link.whatsapp_phone,
			keyword: link.keyword
		},
		locale
	);
	// The landing page keeps a language asked for in the link (?lang=ar); otherwise it reads the same cookie and header.
	const asked = url.searchParams.get('lang');
	const location = target.kind === 'offer' ? `/o/${target.slug}${asked === 'fr' || asked === 'ar' || asked === 'en' ? `?lang=${asked}` : ''}` : target.url;
	return new Response(null, { status: 302, headers: { ...BASE_HEADERS, location } });
}

// ---- the pages -------------------------------------------------------------------------------

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PageBody {
	title: string;
	html: string;
}

const HOME: Record<Locale, string> = { fr: 'Aller à l’accueil de Wasla', ar: 'الذهاب إلى الصفحة الرئيسية لوصلة', en: 'Go to the Wasla home page' };

export function page(status: number, locale: Locale, body: PageBody, extra: Record<string, string> = {}): Response {
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(body.title)} · Wasla</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Arabic",sans-serif;background:#f6f5f2;color:#1d1d1b;line-height:1.5}
main{max-width:32rem;margin:12vh auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.4rem;margin:0 0 .75rem}
p{margin:0 0 1rem}
.code{font-family:ui-monospace,monospace;font-size:1.25rem;font-weight:700;letter-spacing:.05em;padding:.1rem .4rem;background:#f0efe9;border-radius:6px}
a{color:#0b6e4f;font-weight:600}
.brand{font-weight:700;color:#0b6e4f;margin-bottom:1rem}
</style>
</head>
<body>
<main>
<p class="brand">Wasla</p>
<h1>${esc(body.title)}</h1>
${body.html}
<p><a href="/?lang=${locale}">${esc(HOME[locale])}</a></p>
</main>
</body>
</html>`;
	return new Response(html, {
		status,
		headers: { ...BASE_HEADERS, ...extra, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP, 'x-frame-options': 'DENY', 'content-language': locale }
	});
}

const NOT_FOUND: Record<Locale, { title: string; text: string }> = {
	fr: { title: 'Ce lien n’existe pas', text: 'Vérifiez l’adresse : elle a peut-être été mal recopiée. Les liens Wasla ont la forme /l/ suivi de 8 lettres et chiffres.' },
	ar: { title: 'هذا الرابط غير موجود', text: 'تحقّق من العنوان: ربما نُسخ بشكل خاطئ. روابط وصلة على شكل ‎/l/‎ متبوعًا بـ 8 حروف وأرقام.' },
	en: { title: 'This link does not exist', text: 'Check the address: it may have been copied wrong. Wasla links look like /l/ followed by 8 letters and digits.' }
};

export function notFound(locale: Locale): PageBody {
	const m = NOT_FOUND[locale];
	return { title: m.title, html: `<p>${esc(m.text)}</p>` };
}

const UNAVAILABLE: Record<Locale, { title: string; text: string }> = {
	fr: { title: 'Lien momentanément indisponible', text: 'Nous n’arrivons pas à ouvrir ce lien pour le moment. Réessayez dans quelques secondes.' },
	ar: { title: 'الرابط غير متاح مؤقتًا', text: 'لا يمكننا فتح هذا الرابط حاليًا. أعد المحاولة بعد بضع ثوانٍ.' },
	en: { title: 'Link unavailable for a moment', text: 'We cannot open this link right now. Try again in a few seconds.' }
};

export function unavailable(locale: Locale): PageBody {
	const m = UNAVAILABLE[locale];
	return { title: m.title, html: `<p>${esc(m.text)}</p>` };
}
