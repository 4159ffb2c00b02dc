/** Post URLs per platform (issue 11, point 3): an allow-list of hosts and path shapes, checked on the parsed URL. */
import { describe, expect, it } from 'vitest';
import { checkPostUrl } from '../../worker/domain/post-urls';
import type { Platform } from '../../worker/domain/taxonomy';

const OK: [Platform, string][] = [
	['instagram', 'https://www.instagram.com/p/C9xYz12AbCd/'],
	['instagram', 'https://instagram.com/reel/C9xYz12AbCd'],
	['instagram', 'https://www.instagram.com/reels/C9xYz12AbCd/?igsh=MWZ4bGx0'],
	['instagram', 'https://www.instagram.com/tv/CAbc123def/'],
	['instagram', 'https://www.instagram.com/stories/nour.beauty/3456789012345678901/'],
	['instagram', 'https://www.instagram.com/nour.beauty/reel/C9xYz12AbCd/'],
	['instagram', 'https://WWW.INSTAGRAM.COM/p/C9xYz12AbCd/'],
	['tiktok', 'https://www.tiktok.com/@nour.beauty/video/7234567890123456789'],
	['tiktok', 'https://www.tiktok.com/@nour_beauty/photo/7234567890123456789?lang=fr'],
	['tiktok', 'https://vm.tiktok.com/ZMabc123/'],
	['tiktok', 'https://vt.tiktok.com/ZSabc123/'],
	['facebook', 'https://www.facebook.com/reel/1234567890123456'],
	['facebook', 'https://www.facebook.com/watch/?v=1234567890'],
	['facebook', 'https://m.facebook.com/story.php?story_fbid=123&id=456'],
	['facebook', 'https://fb.watch/abcDEF123/'],
	['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
	['youtube', 'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share'],
	['youtube', 'https://youtu.be/dQw4w9WgXcQ'],
	['snapchat', 'https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYY2Rr'],
	['snapchat', 'https://story.snapchat.com/p/abc-123']
];

const REFUSED: [Platform, string, string][] = [
	// Another platform's post.
	['instagram', 'https://www.tiktok.com/@nour/video/7234567890123456789', 'wrong_host'],
	['tiktok', 'https://www.instagram.com/reel/C9xYz12AbCd/', 'wrong_host'],
	['youtube', 'https://vimeo.com/123456789', 'wrong_host'],
	// Lookalike hosts.
	['instagram', 'https://instagram.com.evil.dz/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://evil-instagram.com/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://instagram.com./p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://xn--nstagram-9ua.com/p/C9xYz12AbCd/', 'wrong_host'],
	['youtube', 'https://youtu.be.evil.dz/dQw4w9WgXcQ', 'wrong_host'],
	// Cyrillic і: a homograph, punycoded by the parser.
	['instagram', 'https://\u0456nstagram.com/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://constructor/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://__proto__/p/C9xYz12AbCd/', 'wrong_host'],
	// Userinfo: the browser would open evil.dz.
	['instagram', 'https://www.instagram.com@evil.dz/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://user:pass@www.instagram.com/p/C9xYz12AbCd/', 'wrong_host'],
	['instagram', 'https://www.instagram.com:8443/p/C9xYz12AbCd/', 'wrong_host'],
	// Not https.
	['instagram', 'http://www.instagram.com/p/C9xYz12AbCd/', 'not_https'],
	['instagram', 'javascript:alert(1)//www.instagram.com/p/C9xYz12AbCd/', 'not_https'],
	['instagram', 'data:text/html,<script>alert(1)</script>', 'not_https'],
	['instagram', 'ftp://www.instagram.com/p/C9xYz12AbCd/', 'not_https'],
	// Not a post.
	['instagram', 'https://www.instagram.com/', 'wrong_path'],
	['instagram', 'https://www.instagram.com/nour.beauty/', 'wrong_path'],
	['instagram', 'https://www.instagram.com/stories/nour.beauty/', 'wrong_path'],
	['instagram', 'https://www.instagram.com/p/C9xYz12AbCd/extra/more', 'wrong_path'],
	['tiktok', 'https://www.tiktok.com/@nour.beauty', 'wrong_path'],
	['tiktok', 'https://www.tiktok.com/@nour/video/abc', 'wrong_path'],
	['facebook', 'https://www.facebook.com/', 'wrong_path'],
	['youtube', 'https://www.youtube.com/watch?v=short', 'wrong_path'],
	['youtube', 'https://www.youtube.com/@nour', 'wrong_path'],
	['snapchat', 'https://www.snapchat.com/', 'wrong_path'],
	// Not a URL, or text around it.
	['instagram', 'instagram.com/p/C9xYz12AbCd', 'invalid'],
	['instagram', '', 'invalid'],
	['instagram', 'https://www.instagram.com/p/C9x Yz12AbCd/', 'invalid'],
	['instagram', 'https://www.instagram.com/p/C9xYz12AbCd/\nhttps://evil.dz', 'invalid'],
	['instagram', `https://www.instagram.com/p/${'a'.repeat(600)}`, 'invalid']
];

describe('checkPostUrl', () => {
	it.each(OK)('%s accepts %s', (platform, url) => {
		expect(checkPostUrl(platform, url)).toMatchObject({ ok: true });
	});

	it.each(REFUSED)('%s refuses %s (%s)', (platform, url, problem) => {
		expect(checkPostUrl(platform, url)).toEqual({ ok: false, problem });
	});

	it('keeps the query, drops the fragment, trims', () => {
		expect(checkPostUrl('instagram', '  https://www.instagram.com/reel/C9xYz12AbCd/?igsh=x#comments ')).toEqual({ ok: true, url: 'https://www.instagram.com/reel/C9xYz12AbCd/?igsh=x' });
	});
});
