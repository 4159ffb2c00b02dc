/**
 * The form guard that web/src/hooks.server.ts applies (web/src/lib/server/security.ts), run
 * inside workerd, so the multipart parser is the one production uses.
 */
import { describe, expect, it } from 'vitest';
import { formBodyProblem, MAX_FORM_BYTES } from '../../web/src/lib/server/security';

const URL_ = 'http://wasla.test/login';
const post = (contentType: string | null, body?: BodyInit | null, headers: Record<string, string> = {}) =>
	new Request(URL_, { method: 'POST', headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers }, body });

function multipart(boundary: string, parts: string[], close = true) {
	return parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + (close ? `--${boundary}--\r\n` : '');
}

describe('form body guard', () => {
	it('passes a well-formed multipart body (with a file) and leaves it readable for the action', async () => {
		const body = multipart('wasla', ['Content-Disposition: form-data; name="email"\r\n\r\nx@example.dz', 'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\ndate,followers']);
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
