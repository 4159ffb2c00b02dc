/** Tracked links, the pure part: targets, UTM parameters, WhatsApp URLs, bots, devices, referrers, the daily visitor hash. */
import { describe, expect, it } from 'vitest';
import {
	campaignUtmName,
	countryCode,
	daySalt,
	deviceClass,
	isBot,
	normaliseLandingUrl,
	redirectTarget,
	referrerDomain,
	visitorHash,
	whatsappText,
	whatsappUrl,
	withUtm
} from '../../worker/domain/tracked-links';

const base = { slug: 'k7mq2xza', campaignId: 'c-123', campaignTitle: 'Sérum éclat', objective: 'traffic', landingUrl: null, whatsappPhone: null, keyword: 'INSTA-NOUR' };

describe('landing URLs', () => {
	it('accepts https pages only, normalised', () => {
		expect(normaliseLandingUrl(' https://Boutique.dz/offre?x=1 ')).toBe('https://boutique.dz/offre?x=1');
		expect(normaliseLandingUrl('https://xn--mgbh0fb.dz/')).toBe('https://xn--mgbh0fb.dz/');
		for (const bad of [
			'http://boutique.dz',
			'javascript:alert(1)',
			'data:text/html,x',
			'https://a:b@boutique.dz',
			'https://localhost',
			'https://10.0.0.1/',
			'boutique.dz',
			'',
			`https://b.dz/${'x'.repeat(500)}`
		]) {
			expect(normaliseLandingUrl(bad), bad).toBeNull();
		}
	});

	it('gets Wasla’s UTM parameters; the brand’s own parameters and fragment stay, its utm_* go', () => {
		const url = new URL(withUtm('https://boutique.dz/p?ref=ig&utm_source=fb&UTM_TERM=x#top', base));
		expect([...url.searchParams]).toEqual([
			['ref', 'ig'],
			['utm_source', 'wasla'],
			['utm_medium', 'creator'],
			['utm_campaign', 'serum-eclat'],
			['utm_content', 'k7mq2xza']
		]);
		expect(url.hash).toBe('#top');
	});

	it('names the campaign by its title as a slug, or its id when the title has nothing ASCII', () => {
		expect(campaignUtmName('  Ramadan : -20 % sur tout !  ', 'c1')).toBe('ramadan-20-sur-tout');
		expect(campaignUtmName('عرض رمضان', 'c1')).toBe('c1');
		expect(campaignUtmName('x'.repeat(60), 'c1')).toHaveLength(40);
	});
});

describe('WhatsApp', () => {
	it('wa.me with digits only (no +, no trunk 0) and the text URL-encoded', () => {
		expect(whatsappUrl('+213550123456', 'INSTA-NOUR — Bonjour & merci')).toBe('https://wa.me/213550123456?text=INSTA-NOUR%20%E2%80%94%20Bonjour%20%26%20merci');
		expect(whatsappUrl('0550 12 34 56', 'x')).toBe('https://wa.me/213550123456?text=x');
		expect(whatsappUrl('12', 'x')).toBeNull();
	});

	it('prefills the keyword first, then a sentence in the visitor’s language', () => {
		expect(whatsappText('INSTA-NOUR', 'Sérum éclat', 'fr')).toBe('INSTA-NOUR — Bonjour, je viens pour l’offre « Sérum éclat ».');
		expect(whatsappText('INSTA-NOUR', 'Sérum', 'ar')).toMatch(/^INSTA-NOUR — مرحبًا/);
		expect(whatsappText(null, 'Sérum', 'en')).toBe('Hello, I’m here for the “Sérum” offer.');
	});
});

describe('redirectTarget', () => {
	it('landing URL, else WhatsApp, else the offer page; a WhatsApp-sales campaign prefers WhatsApp', () => {
		expect(redirectTarget(base, 'fr')).toEqual({ kind: 'offer', slug: 'k7mq2xza' });
		expect(redirectTarget({ ...base, whatsappPhone: '+213550123456' }, 'fr').kind).toBe('whatsapp');
		const both = { ...base, whatsappPhone: '+213550123456', landingUrl: 'https://boutique.dz/' };
		expect(redirectTarget(both, 'fr')).toEqual({ kind: 'landing', url: 'https://boutique.dz/?utm_source=wasla&utm_medium=creator&utm_campaign=serum-eclat&utm_content=k7mq2xza' });
		expect(redirectTarget({ ...both, objective: 'whatsapp_sales' }, 'fr').kind).toBe('whatsapp');
	});

	it('never follows a stored URL that is not https, nor a broken phone', () => {
		expect(redirectTarget({ ...base, landingUrl: 'javascript:alert(1)', whatsappPhone: 'garbage' }, 'fr').kind).toBe('offer');
	});
});

describe('isBot', () => {
	it('link-preview fetchers, crawlers, scripts and empty user agents', () => {
		for (const ua of [
			'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
			'WhatsApp/2.23.20.0 A',
			'TelegramBot (like TwitterBot)',
			'Twitterbot/1.0',
			'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
			'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
			'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
			'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
			'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
			'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)',
			'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5',
			'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36',
			'curl/8.5.0',
			'Wget/1.21',
			'python-requests/2.31',
			'',
			null
		]) {
			expect(isBot(ua), String(ua)).toBe(true);
		}
	});

	it('people, in-app browsers included', () => {
		for (const ua of [
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.0',
			'Mozilla/5.0 (Linux; Android 13; SM-A145F Build/TP1A; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/440.0]',
			'Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36',
			'Mozilla/5.0 (Linux; Android 12; TikTok) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119 Mobile Safari/537.36 musical_ly_2023',
			'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.60.0.0 (like Safari/8614.1.25.0.31, panda)',
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
		]) {
			expect(isBot(ua), ua).toBe(false);
		}
	});
});

describe('deviceClass, referrerDomain, countryCode', () => {
	it('classifies devices', () => {
		expect(deviceClass('Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36')).toBe('mobile');
		expect(deviceClass('Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148')).toBe('mobile');
		expect(deviceClass('Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) Mobile/15E148')).toBe('tablet');
		expect(deviceClass('Mozilla/5.0 (Linux; Android 12; SM-X200) AppleWebKit/537.36 Chrome/120 Safari/537.36')).toBe('tablet');
		expect(deviceClass('Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120')).toBe('desktop');
		expect(deviceClass('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15')).toBe('desktop');
		expect(deviceClass('SmartTV/1.0')).toBe('other');
		expect(deviceClass(null)).toBe('other');
	});

	it('keeps only the referring host', () => {
		expect(referrerDomain('https://l.instagram.com/?u=https%3A%2F%2Fwasla.dz%2Fl%2Fx&e=secret')).toBe('l.instagram.com');
		expect(referrerDomain('https://www.Facebook.com/')).toBe('facebook.com');
		expect(referrerDomain('android-app://com.instagram.android/')).toBeNull();
		expect(referrerDomain('not a url')).toBeNull();
		expect(referrerDomain(null)).toBeNull();
	});

	it('keeps two-letter countries, not unknown or Tor', () => {
		expect(countryCode('dz')).toBe('DZ');
		expect(countryCode('XX')).toBeNull();
		expect(countryCode('T1')).toBeNull();
		expect(countryCode(undefined)).toBeNull();
		expect(countryCode('DZA')).toBeNull();
	});
});

describe('visitorHash', () => {
	it('the same visitor, link and Algiers day hash alike; another day, link, address or device differ', async () => {
		const at = Date.parse('2027-01-12T10:00:00+01:00');
		const salt = await daySalt('secret', at);
		expect(await daySalt('secret', Date.parse('2027-01-12T23:59:00+01:00'))).toBe(salt);
		const next = await daySalt('secret', Date.parse('2027-01-13T00:00:00+01:00'));
		expect(next).not.toBe(salt);
		expect(await daySalt('other', at)).not.toBe(salt);
		const h = await visitorHash(salt, 'k7mq2xza', '197.200.13.77', 'UA');
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await visitorHash(salt, 'k7mq2xza', '197.200.13.77', 'UA')).toBe(h);
		for (const other of [
			visitorHash(next, 'k7mq2xza', '197.200.13.77', 'UA'),
			visitorHash(salt, 'k7mq2xzb', '197.200.13.77', 'UA'),
			visitorHash(salt, 'k7mq2xza', '197.200.13.78', 'UA'),
			visitorHash(salt, 'k7mq2xza', '197.200.13.77', 'UA2')
		]) {
			expect(await other).not.toBe(h);
		}
	});
});
