/**
 * Body kinds declared on the route specs (worker/body.ts), through real routes: JSON
 * (/auth/login), CSV or JSON (/creators/me/posts), a raw PDF (/verify) and a multipart
 * upload (/creators/me/screenshots). Each kind counts its body while it streams in and
 * stops reading past its limit, checks its content type and its content, and describes
 * itself in the OpenAPI document.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { creatorClient } from './creator-factories';
import { awayFromRateWindowEdge, Client } from './helpers';

const MiB = 1024 * 1024;
const enc = (text: string) => new TextEncoder().encode(text);

/** A body sent in chunks without Content-Length: `first`, then `filler` up to `times` times; `pulled` counts what the server asked for. */
function streamed(first: Uint8Array, filler: Uint8Array, times: number) {
	const state = { pulled: 0 };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			state.pulled += 1;
			if (state.pulled === 1) controller.enqueue(first);
			else if (state.pulled <= times) controller.enqueue(filler);
			else controller.close();
		}
	});
	return { stream, state };
}

const problem = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) => ({
	type: 'about:blank',
	title: expect.any(String),
	status,
	code,
	detail,
	requestId: expect.any(String),
	...extra
});

const TOO_LARGE = 'Le contenu envoyé est trop volumineux.';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const screenshots = async (creatorId: string) => (await env.DB.prepare('SELECT count(*) AS n FROM stats_screenshots WHERE creator_id = ?1').bind(creatorId).first<{ n: number }>())!.n;

describe('json', () => {
	it('stops reading a body without Content-Length once it passes the limit (64 KiB by default): 413', async () => {
		const { stream, state } = streamed(enc('{"email":"'), enc('a'.repeat(1024)), 1000);
		const res = await new Client().call('/auth/login', { body: stream, headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual(problem(413, 'payload_too_large', TOO_LARGE));
		expect(state.pulled).toBeLessThan(200);
	});

	it('takes any +json type, refuses another type with 415 and a declared size over the limit with 413', async () => {
		const c = new Client();
		const login = { email: 'nobody@example.dz', password: 'motdepasse-sur' };
		expect((await c.call('/auth/login', { json: login, headers: { 'content-type': 'application/merge-patch+json' } })).status).toBe(401);
		const text = await c.call('/auth/login', { body: JSON.stringify(login), headers: { 'content-type': 'text/plain' } });
		expect(text.status).toBe(415);
		expect(await text.json()).toEqual(problem(415, 'unsupported_media_type', 'Type de contenu non accepté.'));
		const declared = await c.call('/auth/login', { body: JSON.stringify(login), headers: { 'content-type': 'application/json', 'content-length': String(65 * 1024) } });
		expect(declared.status).toBe(413);
	});
});

describe('csv or json (stats import)', () => {
	it('stops reading a CSV past 2 MB with the import’s own message, and saves nothing', async () => {
		const c = await creatorClient();
		const { stream, state } = streamed(enc('platform,ref,format,postedAt,views,reach,likes,comments,saves,shares,sponsored\n'), enc(`${'x'.repeat(64 * 1024 - 1)}\n`), 64);
		const res = await c.client.call('/creators/me/posts', { body: stream, headers: { 'content-type': 'text/csv' } });
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual(problem(413, 'payload_too_large', 'Import trop volumineux : 5 000 lignes et 2 Mo au plus.'));
		expect(state.pulled).toBeLessThan(48);
		expect((await env.DB.prepare('SELECT count(*) AS n FROM posts WHERE creator_id = ?1').bind(c.creatorId).first<{ n: number }>())!.n).toBe(0);
	});

	it('picks the kind from the Content-Type: JSON has the same 2 MB limit, anything else is 415', async () => {
		const c = await creatorClient();
		const { stream, state } = streamed(enc('{"platform":"instagram","posts":[],"x":"'), enc('a'.repeat(64 * 1024)), 64);
		const json = await c.client.call('/creators/me/posts', { body: stream, headers: { 'content-type': 'application/json' } });
		expect(json.status).toBe(413);
		expect(state.pulled).toBeLessThan(48);
		const xml = await c.client.call('/creators/me/posts', { body: '<posts/>', headers: { 'content-type': 'application/xml' } });
		expect(xml.status).toBe(415);
		expect(await xml.json()).toEqual(problem(415, 'unsupported_media_type', 'Type de contenu non accepté.'));
	});
});

describe('pdf (POST /verify)', () => {
	const minimal = enc('%PDF-1.7\ntrailer\n<< >>\n%%EOF\n');

	it('takes application/octet-stream too; a PDF header after the first KiB is not a PDF (422)', async () => {
		const c = new Client();
		expect((await c.call('/verify', { body: minimal, headers: { 'content-type': 'application/octet-stream' } })).status).toBe(200);
		const late = await c.call('/verify', { body: enc(`${' '.repeat(1020)}%PDF-1.7\ntrailer\n<< >>\n%%EOF\n`), headers: { 'content-type': 'application/pdf' } });
		expect(late.status).toBe(422);
		expect(await late.json()).toMatchObject({ status: 422, code: 'unprocessable', detail: expect.stringMatching(/PDF/) });
	});

	it('counts the rate limit after the Content-Type check and before reading: a refused type costs nothing, a limited address sends no bytes', async () => {
		const ip = '10.77.0.1';
		await awayFromRateWindowEdge();
		for (let i = 0; i < 5; i++) expect((await new Client(ip).call('/verify', { body: minimal, headers: { 'content-type': 'image/png' } })).status).toBe(415);
		for (let i = 0; i < 30; i++) expect((await new Client(ip).call('/verify', { body: minimal, headers: { 'content-type': 'application/pdf' } })).status).toBe(200);
		const { stream, state } = streamed(minimal, new Uint8Array(MiB), 64);
		const limited = await new Client(ip).call('/verify', { body: stream, headers: { 'content-type': 'application/pdf' } });
		expect(limited.status).toBe(429);
		expect(state.pulled).toBeLessThan(8);
	});
});

describe('upload (POST /creators/me/screenshots)', () => {
	const form = (file: Blob | null, note?: string | Blob) => {
		const f = new FormData();
		if (file) f.append('file', file, 'capture.bin');
		if (note !== undefined) f.append('note', note);
		return f;
	};

	it('detects the type from the bytes: a PNG sent as octet-stream is stored as PNG, a GIF named .png is 415 on `file`', async () => {
		const c = await creatorClient();
		const ok = await c.client.call('/creators/me/screenshots', { body: form(new Blob([PNG], { type: 'application/octet-stream' }), '  stories  ') });
		expect(ok.status).toBe(201);
		expect(await ok.json()).toMatchObject({ screenshot: { contentType: 'image/png', size: PNG.byteLength, note: 'stories' } });
		const gif = await c.client.call('/creators/me/screenshots', { body: form(new Blob([enc('GIF89a\x01\x00\x01\x00')], { type: 'image/png' })) });
		expect(gif.status).toBe(415);
		const message = 'Le fichier doit être une image PNG, JPEG ou WebP.';
		expect(await gif.json()).toEqual(problem(415, 'unsupported_media_type', message, { errors: [{ path: 'file', message }] }));
		expect(await screenshots(c.creatorId)).toBe(1);
	});

	it('validates the text fields with their schema (400 on `note`), and nothing is stored', async () => {
		const c = await creatorClient();
		const long = await c.client.call('/creators/me/screenshots', { body: form(new Blob([PNG]), 'n'.repeat(301)) });
		expect(long.status).toBe(400);
		expect(((await long.json()) as { errors: unknown }).errors).toEqual([{ path: 'note', message: 'Texte trop long (maximum 300 caractères).' }]);
		const twoLines = await c.client.call('/creators/me/screenshots', { body: form(new Blob([PNG]), 'a\nb') });
		expect(twoLines.status).toBe(400);
		expect(((await twoLines.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['note']);
		const fileAsNote = await c.client.call('/creators/me/screenshots', { body: form(new Blob([PNG]), new Blob(['x'])) });
		expect(fileAsNote.status).toBe(400);
		const noFile = await c.client.call('/creators/me/screenshots', { body: form(null, 'note') });
		expect(noFile.status).toBe(400);
		expect(((await noFile.json()) as { errors: unknown }).errors).toEqual([{ path: 'file', message: 'Ce champ est obligatoire.' }]);
		expect(await screenshots(c.creatorId)).toBe(0);
	});

	it('stops reading a multipart body without Content-Length past the limit: 413 with the upload’s message', async () => {
		const c = await creatorClient();
		const head = enc('--XBOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n');
		const { stream, state } = streamed(new Uint8Array([...head, ...PNG]), new Uint8Array(MiB), 16);
		const res = await c.client.call('/creators/me/screenshots', { body: stream, headers: { 'content-type': 'multipart/form-data; boundary=XBOUNDARY' } });
		expect(res.status).toBe(413);
		expect(await res.json()).toEqual(problem(413, 'payload_too_large', 'Capture trop lourde : 5 Mo au plus.'));
		expect(state.pulled).toBeLessThan(10);
		expect(await screenshots(c.creatorId)).toBe(0);
	});
});

describe('OpenAPI request bodies come from the kinds', () => {
	interface Op {
		requestBody?: { required: boolean; description: string; content: Record<string, { schema: Record<string, unknown>; encoding?: unknown }> };
	}
	const doc = async () => (await (await new Client().call('/openapi.json')).json()) as { paths: Record<string, Record<string, Op>> };

	it('names each media type with its limit', async () => {
		const { paths } = await doc();
		const body = (path: string) => paths[path].post.requestBody!;

		expect(Object.keys(body('/auth/login').content)).toEqual(['application/json']);
		expect(body('/auth/login').content['application/json'].schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['email', 'password']) });
		expect(body('/auth/login').description).toBe('JSON, at most 64 KiB.');

		expect(body('/verify').content).toEqual({
			'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: 10 * MiB } },
			'application/octet-stream': { schema: { type: 'string', format: 'binary', maxLength: 10 * MiB } }
		});

		const posts = body('/creators/me/posts');
		expect(Object.keys(posts.content)).toEqual(['application/json', 'text/csv']);
		expect(posts.content['text/csv'].schema).toMatchObject({ type: 'string', maxLength: 2 * MiB });

		const upload = body('/creators/me/screenshots').content['multipart/form-data'];
		expect(upload.schema).toMatchObject({
			type: 'object',
			required: ['file'],
			properties: { file: { type: 'string', format: 'binary', maxLength: 5 * MiB }, note: { type: 'string', maxLength: 300 } }
		});
		expect(upload.encoding).toEqual({ file: { contentType: 'image/png, image/jpeg, image/webp' } });
	});

	it('the HTML reference shows every media type of a body', async () => {
		const html = await (await new Client().call('/api/docs')).text();
		expect(html).toContain('<h4>Body <code>multipart/form-data</code></h4>');
		expect(html).toContain('<h4>Body <code>application/pdf</code></h4>');
		expect(html).toContain('<h4>Body <code>text/csv</code></h4>');
	});
});
