/**
 * The page guard and headers that web/src/hooks.server.ts applies (web/src/lib/server/security.ts),
 * run inside workerd, so the multipart parser is the one production uses. The whole app
 * (every form action, real pages in Chromium) is covered by test/e2e/security-headers.e2e.mjs.
 */
import { describe, expect, it } from 'vitest';
import { FALLBACK_CSP, formBodyProblem, MAX_FORM_BYTES, withPageHeaders } from '../../web/src/lib/server/security';

const URL_ = 'http://wasla.test/login';
const post = (contentType: string | null, body?: BodyInit | null, headers: Record<string, string> = {}) =>
	new Request(URL_, { method: 'POST', headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers }, body });

function multipart(boundary: string, parts: string[], close = true) {
	return parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + (close ? `--${boundary}--\r\n` : '');
}

describe('form body guard', () => {
	it('passes a well-formed multipart body (with a file) and leaves it readable for the action', async () => {
		const body = multipart('wasla', [
			'Content-Disposition: form-data; name="email"\r\n\r\nx@example.dz',
			'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ndate,followers'
		]);
		const request = post('multipart/form-data; boundary=wasla', body);
		expect(await formBodyProblem(request)).toBeNull();
		const form = await request.formData();
		expect(form.get('email')).toBe('x@example.dz');
		expect(await (form.get('file') as File).text()).toBe('date,followers');
	});

	it('passes URL-encoded bodies, empty ones included (buttons without fields)', async () => {
		expect(await formBodyProblem(post('application/x-www-form-urlencoded', 'to=ar&next=%2F'))).toBeNull();
		expect(await formBodyProblem(post('application/x-www-form-urlencoded; charset=UTF-8', ''))).toBeNull();
		expect(await formBodyProblem(post('application/x-www-form-urlencoded', null))).toBeNull();
	});

	it.each([
		['truncated (no closing boundary)', 'multipart/form-data; boundary=wasla', multipart('wasla', ['Content-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'], false)],
		['no boundary parameter', 'multipart/form-data', 'email=x'],
		['a boundary the body does not use', 'multipart/form-data; boundary=other', multipart('wasla', ['Content-Disposition: form-data; name="a"\r\n\r\nb'])],
		['no body at all', 'multipart/form-data; boundary=wasla', null]
	])('refuses a multipart body that does not parse: %s', async (_, type, body) => {
		expect(await formBodyProblem(post(type, body))).toBe('malformed_form');
	});

	it.each([['text/plain'], ['application/json'], [null]])('refuses a body that is not a form (%s) as 415', async (type) => {
		expect(await formBodyProblem(post(type, type === null ? null : 'a=b'))).toBe('unsupported_media_type');
	});

	it('refuses an oversized body by its declared length, and a chunked one as it arrives', async () => {
		expect(await formBodyProblem(post('application/x-www-form-urlencoded', 'a=b', { 'content-length': String(MAX_FORM_BYTES + 1) }))).toBe('payload_too_large');
		const chunk = new Uint8Array(1024 * 1024).fill(97);
		let sent = 0;
		const stream = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent > MAX_FORM_BYTES) return controller.close();
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		expect(await formBodyProblem(post('application/x-www-form-urlencoded', stream))).toBe('payload_too_large');
	});
});

describe('page headers', () => {
	const html = (headers: Record<string, string> = {}) => new Response('<!doctype html><p>x</p>', { headers: { 'content-type': 'text/html', ...headers } });

	it('always: nosniff, same-origin referrer, not framed', () => {
		const res = withPageHeaders(html(), { signedIn: false, method: 'GET' });
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
	});

	it('private, no-store for a signed-in user, a cookie being set, or a form answer', () => {
		expect(withPageHeaders(html({ 'cache-control': 'public, max-age=600' }), { signedIn: true, method: 'GET' }).headers.get('cache-control')).toBe('private, no-store');
		expect(withPageHeaders(html({ 'set-cookie': 'wasla_lang=ar; Path=/' }), { signedIn: false, method: 'GET' }).headers.get('cache-control')).toBe('private, no-store');
		expect(withPageHeaders(html(), { signedIn: false, method: 'POST' }).headers.get('cache-control')).toBe('private, no-store');
	});

	it('guest pages: private, no-cache unless the route chose', () => {
		expect(withPageHeaders(html(), { signedIn: false, method: 'GET' }).headers.get('cache-control')).toBe('private, no-cache');
		expect(withPageHeaders(html({ 'cache-control': 'public, max-age=60' }), { signedIn: false, method: 'GET' }).headers.get('cache-control')).toBe('public, max-age=60');
	});

	it('keeps the page CSP SvelteKit wrote, and gives HTML without one the fallback', () => {
		expect(withPageHeaders(html({ 'content-security-policy': "default-src 'self'" }), { signedIn: false, method: 'GET' }).headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(withPageHeaders(html(), { signedIn: false, method: 'GET' }).headers.get('content-security-policy')).toBe(FALLBACK_CSP);
		const json = withPageHeaders(Response.json({}), { signedIn: false, method: 'GET' });
		expect(json.headers.get('content-security-policy')).toBeNull();
	});

	it('copies an answer whose headers cannot be changed (Response.redirect is immutable)', () => {
		const res = withPageHeaders(Response.redirect('http://wasla.test/login', 303), { signedIn: true, method: 'GET' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('http://wasla.test/login');
		expect(res.headers.get('cache-control')).toBe('private, no-store');
	});
});
