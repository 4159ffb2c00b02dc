/**
 * Whether a post URL belongs to a platform (issue 11, point 3): the creator records where the
 * deliverable went online, and the URL must be one of that platform's post addresses. Pure.
 *
 * The rule is an allow-list of exact host names per platform and a path shape per host,
 * checked on the URL as WHATWG parses it (what a browser opens), never on the raw text:
 * - https only (http:, javascript:, data:… are refused);
 * - no user name or password (`https://instagram.com@evil.dz/p/x` opens evil.dz), no port;
 * - the host is compared whole, lower-cased: `instagram.com.evil.dz`, `evil-instagram.com`
 *   or `instagram.com.` (trailing dot) are not Instagram;
 * - the path must look like a post of that platform (a profile page is not a post).
 * Query strings (utm_source, igsh…) are kept as typed; the fragment is dropped.
 */
import type { Platform } from './taxonomy';

/** Longest URL accepted (share links with tracking parameters stay well under it). */
export const POST_URL_MAX = 500;

export type PostUrlProblem = 'invalid' | 'not_https' | 'wrong_host' | 'wrong_path';
export type PostUrlCheck = { ok: true; url: string } | { ok: false; problem: PostUrlProblem };

/** A post or video id / short code as the platforms write them. */
const CODE = '[A-Za-z0-9_-]{3,64}';
const HANDLE = '[A-Za-z0-9._-]{1,64}';
const DIGITS = '[0-9]{3,30}';

/** Path shapes by host: each a regex on the pathname (trailing slash optional), or a function of the whole URL. */
type PathRule = RegExp | ((u: URL) => boolean);

const path = (re: string) => new RegExp(`^${re}/?$`);

const INSTAGRAM: PathRule[] = [
	// /p/, /reel/, /reels/ and /tv/ with an optional user name before them (share links of some apps).
	path(`(?:/${HANDLE})?/(?:p|reel|reels|tv)/${CODE}`),
	path(`/stories/${HANDLE}/${DIGITS}`)
];

const TIKTOK_WWW: PathRule[] = [path(`/@${HANDLE}/(?:video|photo)/${DIGITS}`), path(`/t/${CODE}`)];
const TIKTOK_SHORT: PathRule[] = [path(`/${CODE}`)];

/** Facebook posts live under many shapes (/reel/…, /watch?v=…, /<page>/posts/…, /share/…, /photo?fbid=…): any path but the home page. */
const FACEBOOK: PathRule[] = [(u) => u.pathname.length > 1];
const FB_WATCH: PathRule[] = [path(`/${CODE}`)];

const YOUTUBE_ID = '[A-Za-z0-9_-]{11}';
const YOUTUBE: PathRule[] = [(u) => /^\/watch\/?$/.test(u.pathname) && new RegExp(`^${YOUTUBE_ID}$`).test(u.searchParams.get('v') ?? ''), path(`/(?:shorts|live)/${YOUTUBE_ID}`)];
const YOUTU_BE: PathRule[] = [path(`/${YOUTUBE_ID}`)];

/** Snapchat: Spotlight, stories and share links: any path but the home page. */
const SNAPCHAT: PathRule[] = [(u) => u.pathname.length > 1];

/** The hosts of each platform and what a post path looks like on each. */
export const POST_HOSTS: Record<Platform, Record<string, PathRule[]>> = {
	instagram: { 'instagram.com': INSTAGRAM, 'www.instagram.com': INSTAGRAM, 'm.instagram.com': INSTAGRAM },
	tiktok: { 'tiktok.com': TIKTOK_WWW, 'www.tiktok.com': TIKTOK_WWW, 'm.tiktok.com': TIKTOK_WWW, 'vm.tiktok.com': TIKTOK_SHORT, 'vt.tiktok.com': TIKTOK_SHORT },
	facebook: { 'facebook.com': FACEBOOK, 'www.facebook.com': FACEBOOK, 'm.facebook.com': FACEBOOK, 'web.facebook.com': FACEBOOK, 'fb.watch': FB_WATCH },
	youtube: { 'youtube.com': YOUTUBE, 'www.youtube.com': YOUTUBE, 'm.youtube.com': YOUTUBE, 'youtu.be': YOUTU_BE },
	snapchat: { 'snapchat.com': SNAPCHAT, 'www.snapchat.com': SNAPCHAT, 'story.snapchat.com': SNAPCHAT, 't.snapchat.com': SNAPCHAT }
};

/** Checks that `raw` is an https URL of a post on `platform`; the URL to store (fragment dropped) when it is. */
export function checkPostUrl(platform: Platform, raw: string): PostUrlCheck {
	const text = raw.trim();
	// Whitespace or controls inside would be silently removed or encoded by the parser: refuse what was typed, not what it became.
	if (text === '' || text.length > POST_URL_MAX || /[\s\u0000-\u001F\u007F-\u009F]/.test(text)) return { ok: false, problem: 'invalid' };
	let u: URL;
	try {
		u = new URL(text);
	} catch {
		return { ok: false, problem: 'invalid' };
	}
	if (u.protocol !== 'https:') return { ok: false, problem: 'not_https' };
	if (u.username !== '' || u.password !== '' || u.port !== '') return { ok: false, problem: 'wrong_host' };
	const hosts = POST_HOSTS[platform];
	const host = u.hostname.toLowerCase();
	// Own keys only: a host named "constructor" must not find Object's.
	if (!Object.hasOwn(hosts, host)) return { ok: false, problem: 'wrong_host' };
	const rules = hosts[host];
	if (!rules.some((r) => (typeof r === 'function' ? r(u) : r.test(u.pathname)))) return { ok: false, problem: 'wrong_path' };
	u.hash = '';
	return { ok: true, url: u.href };
}
