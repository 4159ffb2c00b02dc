import { describe, expect, it } from 'vitest';
import { isPublicCacheControl, PUBLIC_CACHE_PATHS, withoutCacheLookup } from '../../worker/cache-lookup';

describe('the adapter’s Cache API lookup', () => {
	it('is skipped for a private page or API read: the request says no-cache, and keeps everything else', async () => {
		const request = new Request('https://wasla.example/dashboard?tab=1', { headers: { cookie: 'wasla_session=abc', 'accept-language': 'ar' } });
		const sent = withoutCacheLookup(request, '/dashboard');
		expect(sent).not.toBe(request);
		expect(sent.headers.get('cache-control')).toBe('no-cache');
		expect(sent.url).toBe(request.url);
		expect(sent.method).toBe('GET');
		expect(sent.headers.get('cookie')).toBe('wasla_session=abc');
		expect(sent.headers.get('accept-language')).toBe('ar');
		expect(withoutCacheLookup(new Request('https://wasla.example/api/v1/me'), '/api/v1/me').headers.get('cache-control')).toBe('no-cache');
		expect(withoutCacheLookup(new Request('https://wasla.example/legal/terms', { method: 'HEAD' }), '/legal/terms').headers.get('cache-control')).toBe('no-cache');
	});

	it('still happens where an answer may be public', () => {
		expect(PUBLIC_CACHE_PATHS.has('/api/v1/wilayas')).toBe(true);
		const request = new Request('https://wasla.example/api/v1/wilayas?lang=ar');
		expect(withoutCacheLookup(request, '/api/v1/wilayas')).toBe(request);
	});

	it('leaves writes alone (the adapter neither looks them up nor stores them)', async () => {
		const request = new Request('https://wasla.example/login', { method: 'POST', body: 'email=a%40b.dz' });
		const sent = withoutCacheLookup(request, '/login');
		expect(sent).toBe(request);
		expect(await sent.text()).toBe('email=a%40b.dz');
	});

	it('tells a public Cache-Control from a private one', () => {
		expect(isPublicCacheControl('public, max-age=3600')).toBe(true);
		expect(isPublicCacheControl('max-age=60, public')).toBe(true);
		for (const value of [null, 'private, no-store', 'private, no-cache', 'no-store', 'public, no-cache', 'private, max-age=0', 'max-age=60']) expect(isPublicCacheControl(value)).toBe(false);
	});
});
