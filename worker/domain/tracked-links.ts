/**
 * Tracked links `/l/<slug>` (issue 12, point 2): where a click goes, whether it counts, and
 * what is kept of it. Pure: no D1, no request objects.
 *
 * A click keeps the time, the referring site's host, a device class and the country the edge
 * saw — never the address. A visitor is counted once a day per link by a hash of a daily salt,
 * the slug, the address and the user agent: the same phone on the same day gives the same
 * hash, and tomorrow's salt makes another one, so hashes cannot be joined across days.
 */
import type { Locale } from '../i18n';
import { algiersDayOf } from './deliverables';
import { normaliseAlgerianPhone } from './phone';

/** What a link points at, read in one query (the link, its campaign, brand and codes). */
export interface LinkTargetInput {
	slug: string;
	campaignId: string;
	campaignTitle: string;
	/** The campaign's objective: `whatsapp_sales` prefers the brand's WhatsApp over its landing page. */
	objective: string;
	landingUrl: string | null;
	/** The brand's WhatsApp Business number, E.164 (+213…). */
	whatsappPhone: string | null;
	/** The agreement's WhatsApp keyword (INSTA-NOUR), when live. */
	keyword: string | null;
}

export type LinkTarget =
	| { kind: 'landing'; url: string }
	| { kind: 'whatsapp'; url: string }
	/** The campaign landing page `/o/<slug>` (issue 12, point 3): the link answers a 302 to it. */
	| { kind: 'offer'; slug: string };

/** The landing URL a brand may give: https, a host with a dot, no credentials, at most 500 characters. */
export const LANDING_URL_MAX = 500;

/** The landing URL as stored (the URL's normal form), or null when it is not acceptable. */
export function normaliseLandingUrl(raw: string): string | null {
	const s = raw.trim();
	if (s === '' || s.length > LANDING_URL_MAX) return null;
	let url: URL;
	try {
		url = new URL(s);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' || url.username || url.password) return null;
	if (!/^[a-z0-9.-]+\.[a-z0-9-]{2,}$/i.test(url.hostname) && !/^xn--/.test(url.hostname)) return null;
	return url.href.length > LANDING_URL_MAX ? null : url.href;
}

/** `utm_campaign`: the campaign title as a URL slug (ASCII, 40 characters at most), or its id when nothing of the title is ASCII. */
export function campaignUtmName(title: string, campaignId: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return slug || campaignId;
}

/** The landing URL with Wasla's UTM parameters: the brand's own parameters stay, its utm_* are replaced. */
export function withUtm(landingUrl: string, input: { slug: string; campaignId: string; campaignTitle: string }): string {
	const url = new URL(landingUrl);
	for (const key of [...url.searchParams.keys()]) if (key.toLowerCase().startsWith('utm_')) url.searchParams.delete(key);
	url.searchParams.set('utm_source', 'wasla');
	url.searchParams.set('utm_medium', 'creator');
	url.searchParams.set('utm_campaign', campaignUtmName(input.campaignTitle, input.campaignId));
	url.searchParams.set('utm_content', input.slug);
	return url.href;
}

/** The prefilled WhatsApp message: the keyword first (what the brand matches), then a short sentence. */
const WHATSAPP_TEXT: Record<Locale, (title: string) => string> = {
	fr: (title) => `Bonjour, je viens pour l’offre « ${title} ».`,
	ar: (title) => `مرحبًا، أتواصل معكم بخصوص العرض «${title}».`,
	en: (title) => `Hello, I’m here for the “${title}” offer.`
};

/** WhatsApp click-to-chat (LOCAL.md): `https://wa.me/213XXXXXXXXX?text=…`, digits only, no + nor leading 0. */
export function whatsappUrl(phone: string, text: string): string | null {
	const p = normaliseAlgerianPhone(phone);
	if (!p.ok) return null;
	return `https://wa.me/${p.e164.slice(1)}?text=${encodeURIComponent(text)}`;
}

/** The WhatsApp message a click prefills, in the visitor's language. */
export function whatsappText(keyword: string | null, campaignTitle: string, locale: Locale): string {
	const sentence = WHATSAPP_TEXT[locale](campaignTitle.trim());
	return keyword ? `${keyword} — ${sentence}` : sentence;
}

/**
 * Where a click goes: a campaign whose objective is WhatsApp sales goes to the brand's
 * WhatsApp when it has a number; otherwise the landing URL (https only) with UTM parameters,
 * else WhatsApp, else the campaign landing page.
 */
export function redirectTarget(input: LinkTargetInput, locale: Locale): LinkTarget {
	const landing = input.landingUrl ? normaliseLandingUrl(input.landingUrl) : null;
	const wa = input.whatsappPhone ? whatsappUrl(input.whatsappPhone, whatsappText(input.keyword, input.campaignTitle, locale)) : null;
	if (wa && input.objective === 'whatsapp_sales') return { kind: 'whatsapp', url: wa };
	if (landing) return { kind: 'landing', url: withUtm(landing, input) };
	if (wa) return { kind: 'whatsapp', url: wa };
	return { kind: 'offer', slug: input.slug };
}

/**
 * Link-preview fetchers, crawlers and scripts: they get the redirect but are not counted.
 * WhatsApp's and Telegram's previews are fetchers (`WhatsApp/2.x`); their in-app browsers are
 * not (WhatsApp opens the phone's browser; Instagram's and Facebook's in-app browsers carry a
 * full mobile user agent and count — their preview fetcher is facebookexternalhit). Scripts
 * (curl, wget, HTTP libraries) and headless browsers are not people either.
 */
const BOT_PATTERN = new RegExp(
	[
		'facebookexternalhit',
		'facebookcatalog',
		'facebot',
		'meta-externalagent',
		'^whatsapp/',
		'telegrambot',
		'twitterbot',
		'slackbot',
		'slack-imgproxy',
		'discordbot',
		'linkedinbot',
		'googlebot',
		'google-inspectiontool',
		'googleother',
		'adsbot-google',
		'mediapartners-google',
		'apis-google',
		'feedfetcher-google',
		'bingbot',
		'bingpreview',
		'applebot',
		'skypeuripreview',
		'pinterestbot',
		'redditbot',
		'embedly',
		'iframely',
		'vkshare',
		'yandex',
		'baiduspider',
		'duckduckbot',
		'petalbot',
		'semrush',
		'ahrefs',
		'mj12bot',
		'headlesschrome',
		'lighthouse',
		'^curl/',
		'^wget/',
		'^python-',
		'^go-http-client',
		'^okhttp',
		'^axios/',
		'^node-fetch',
		'^undici',
		'^java/',
		'^libwww-perl',
		'\\bbot\\b',
		'bot/\\d',
		'\\+https?://',
		'crawler',
		'spider',
		'preview'
	].join('|'),
	'i'
);

/** Whether a user agent is a link-preview fetcher, crawler or script (an empty one is). */
export function isBot(userAgent: string | null | undefined): boolean {
	const ua = (userAgent ?? '').trim();
	return ua === '' || BOT_PATTERN.test(ua);
}

export const DEVICE_CLASSES = ['mobile', 'tablet', 'desktop', 'other'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** mobile, tablet, desktop or other, from the user agent (an iPad asking for the desktop site reads as desktop). */
export function deviceClass(userAgent: string | null | undefined): DeviceClass {
	const ua = userAgent ?? '';
	if (/iPad|Tablet|PlayBook|Kindle|Silk\//i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) return 'tablet';
	if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|Opera Mini/i.test(ua)) return 'mobile';
	if (/Windows NT|Macintosh|Mac OS X|X11|Linux x86_64|CrOS/i.test(ua)) return 'desktop';
	return 'other';
}

/** The referring site's host (lower case, without `www.`), or null when there is none or it is not a web address. */
export function referrerDomain(referer: string | null | undefined): string | null {
	if (!referer) return null;
	try {
		const url = new URL(referer);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
		const host = url.hostname.toLowerCase().replace(/^www\./, '');
		return host === '' ? null : host.slice(0, 253);
	} catch {
		return null;
	}
}

/** A two-letter country code from the edge, or null (unknown XX, Tor T1). */
export function countryCode(raw: unknown): string | null {
	if (typeof raw !== 'string' || !/^[A-Za-z]{2}$/.test(raw)) return null;
	const c = raw.toUpperCase();
	return c === 'XX' || c === 'T1' ? null : c;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** The day's salt: SHA-256 of the secret and the Algiers calendar day (a new salt at midnight in Algiers). */
export function daySalt(secret: string, now: number): Promise<string> {
	return sha256(`wasla/link-salt/v1\n${secret}\n${algiersDayOf(now)}`);
}

/** The visitor's hash for one link on one day (SHA-256 hex): the address and user agent never leave this function. */
export function visitorHash(salt: string, slug: string, ip: string, userAgent: string): Promise<string> {
	return sha256(`${salt}\n${slug}\n${ip}\n${userAgent}`);
}
