/**
 * The streamedUpload body kind (worker/body.ts) through real routes: no route of the API
 * uses it yet, so these tests mount two on the app's own machinery (route(), the context
 * middleware, the error handler) with the test run's D1 and R2. Each test writes under its
 * own R2 prefix and checks what is left there.
 */
import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { onError } from '../../worker/app';
import { R2_PART_BYTES, discardStored, streamedUpload } from '../../worker/body';
import { MEDIA_TYPES } from '../../worker/domain/file-types';
import { multiLineCheck } from '../../worker/domain/text';
import { downloadName, downloadObject } from '../../worker/downloads';
import type { AppEnv } from '../../worker/env';
import { AppError } from '../../worker/errors';
import { context } from '../../worker/middleware';
import { openApiDocument } from '../../worker/openapi';
import { type Router, route } from '../../worker/route';

const MiB = 1024 * 1024;
const enc = (text: string) => new TextEncoder().encode(text);
const hex = async (bytes: Uint8Array<ArrayBuffer>) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

const Fields = v.object({ note: v.pipe(v.string(), v.trim(), multiLineCheck(), v.minLength(1, 'required'), v.maxLength(200, 'too_long')) });

/** The R2 calls store() made, by route `:id`: `put <bytes>`, `create`, `part <n> <bytes>`, `complete <parts>`, `abort`, `delete`. */
const r2Calls = new Map<string, string[]>();
function recording(files: R2Bucket, id: string): R2Bucket {
	const log = (entry: string) => r2Calls.set(id, [...(r2Calls.get(id) ?? []), entry]);
	const size = (value: unknown) => (ArrayBuffer.isView(value) ? value.byteLength : '?');
	const bucket: Pick<R2Bucket, 'put' | 'delete' | 'createMultipartUpload'> = {
		put: async (key: string, value: Parameters<R2Bucket['put']>[1], opts?: R2PutOptions) => {
			log(`put ${size(value)}`);
			return files.put(key, value, opts);
		},
		delete: async (keys: string | string[]) => {
			log('delete');
			return files.delete(keys);
		},
		createMultipartUpload: async (key: string, opts?: R2MultipartOptions) => {
			log('create');
			const upload = await files.createMultipartUpload(key, opts);
			return {
				key: upload.key,
				uploadId: upload.uploadId,
				uploadPart: async (n: number, value: Parameters<R2MultipartUpload['uploadPart']>[1]) => {
					log(`part ${n} ${size(value)}`);
					return upload.uploadPart(n, value);
				},
				abort: async () => {
					log('abort');
					return upload.abort();
				},
				complete: async (parts: R2UploadedPart[]) => {
					log(`complete ${parts.length}`);
					return upload.complete(parts);
				}
			};
		}
	};
	return bucket as R2Bucket;
}

const router: Router = { app: new Hono<AppEnv>(), specs: [] };
/** A deliverable-like route: its own checks first (404, 409), then store(). */
const submit = (path: string, maxBytes: number) =>
	route(
		router,
		{
			method: 'post',
			path,
			summary: 'test',
			tags: ['test'],
			auth: 'public',
			params: v.object({ id: v.string() }),
			body: streamedUpload({ maxBytes, types: MEDIA_TYPES, fields: Fields, messages: { tooLarge: 'detail_screenshot_too_large', wrongContent: 'detail_image_type' }, description: 'The draft' }),
			responses: { 201: { description: 'Stored' } }
		},
		async (c, { ctx, params, body }) => {
			if (params.id === 'unknown') throw new AppError('not_found');
			if (params.id === 'closed') throw new AppError('invalid_state');
			const { fields, file } = await body.store(recording(ctx.files, params.id), `${params.id}/draft`);
			if (fields.note === 'db fails') {
				if (file) await discardStored(recording(ctx.files, params.id), file.key);
				throw new AppError('invalid_state');
			}
			return c.json({ fields, file }, 201);
		}
	);
submit('/drafts/:id', 95 * 1000 * 1000);
submit('/small/:id', 9 * MiB);
route(
	router,
	{ method: 'get', path: '/drafts/:id/file', summary: 'test', tags: ['test'], auth: 'public', params: v.object({ id: v.string() }), responses: { 200: { description: 'The file' } } },
	async (_c, { ctx, params }) => downloadObject(ctx.files, `${params.id}/draft`, { type: 'video/mp4', name: downloadName('Brouillon final (v2).MOV', 'video/mp4') })
);

const app = new Hono<AppEnv>();
app.use('*', context);
app.onError(onError);
app.route('/api/v1', router.app);

/** A fresh R2 prefix (the route's `:id`). */
const freshId = () => `test-streamed/${crypto.randomUUID()}`.replaceAll('/', '~');
const stored = async (id: string) => (await env.FILES.list({ prefix: `${id}/` })).objects.map((o) => o.key);

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
	return app.fetch(new Request(`http://wasla.test/api/v1${path}`, { method: 'POST', body, headers }), env);
}

const BOUNDARY = 'wasla-test-boundary';
const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
const fieldPart = (name: string, value: string) => enc(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
const fileHead = (name: string, filename: string, type = 'application/octet-stream') =>
	enc(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
const CLOSE = enc(`\r\n--${BOUNDARY}--\r\n`);

/**
 * A chunked body (no Content-Length): each piece in slices of at most `chunk` bytes, a
 * `{ filler }` piece made on the fly; `state.pulled` counts the chunks the server asked for.
 */
function chunked(pieces: (Uint8Array | { filler: number; head?: Uint8Array })[], chunk = MiB) {
	const state = { pulled: 0, sent: 0 };
	function* slices() {
		for (const piece of pieces) {
			if (piece instanceof Uint8Array) {
				for (let at = 0; at < piece.byteLength; at += chunk) yield piece.subarray(at, at + chunk);
			} else {
				for (let at = 0; at < piece.filler; at += chunk) {
					const slice = pattern(Math.min(chunk, piece.filler - at), at);
					if (at === 0 && piece.head) slice.set(piece.head);
					yield slice;
				}
			}
		}
	}
	const it = slices();
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			state.pulled += 1;
			const next = it.next();
			if (next.done) controller.close();
			else {
				state.sent += next.value.byteLength;
				controller.enqueue(next.value);
			}
		}
	});
	return { stream, state };
}

/** Bytes that differ from one offset to the next (so a part written twice, lost or reordered shows). */
function pattern(size: number, offset = 0) {
	const out = new Uint8Array(size);
	for (let i = 0; i < size; i++) {
		const n = offset + i;
		out[i] = (n * 7 + (n >>> 11) + (n >>> 19)) & 255;
	}
	return out;
}

const MP4_HEAD = new Uint8Array([0, 0, 0, 24, ...enc('ftypmp42'), 0, 0, 0, 0, ...enc('isommp42'), 0, 0, 0, 8, ...enc('free')]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...pattern(3000)]);

const form = (entries: [string, string | Blob, string?][]) => {
	const f = new FormData();
	for (const [name, value, filename] of entries) {
		if (typeof value === 'string') f.append(name, value);
		else f.append(name, value, filename);
	}
	return f;
};

interface Stored {
	fields: { note: string };
	file: { key: string; type: string; size: number; name: string; sha256: string } | null;
}

describe('streamedUpload: what is stored', () => {
	it('a text-only form: the fields, no file, nothing in R2; an empty file input counts as no file', async () => {
		const id = freshId();
		const res = await post(`/drafts/${id}`, form([['note', '  Première version  ']]));
		expect(res.status).toBe(201);
		expect(await res.json()).toEqual({ fields: { note: 'Première version' }, file: null });
		const empty = await post(
			`/drafts/${id}`,
			form([
				['note', 'sans fichier'],
				['file', new Blob([]), '']
			])
		);
		expect(await empty.json()).toEqual({ fields: { note: 'sans fichier' }, file: null });
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toBeUndefined();
	});

	it('an image sent by a browser form: in R2 with its size, SHA-256 and detected type (not the declared one)', async () => {
		const id = freshId();
		const res = await post(
			`/drafts/${id}`,
			form([
				['note', 'capture'],
				['file', new Blob([PNG], { type: 'video/mp4' }), 'story.mp4']
			])
		);
		expect(res.status).toBe(201);
		const body = (await res.json()) as Stored;
		expect(body).toEqual({ fields: { note: 'capture' }, file: { key: `${id}/draft`, type: 'image/png', size: PNG.byteLength, name: 'story.mp4', sha256: await hex(PNG) } });
		const object = await env.FILES.get(`${id}/draft`);
		expect(new Uint8Array(await object!.arrayBuffer())).toEqual(PNG);
		expect(object!.httpMetadata?.contentType).toBe('image/png');
		expect(r2Calls.get(id)).toEqual([`put ${PNG.byteLength}`]);
	});

	it('a 12 MiB video streamed without Content-Length: a multipart upload of two parts, read back byte for byte', async () => {
		const id = freshId();
		const size = 12 * MiB + 12345;
		const { stream, state } = chunked([fieldPart('note', 'vidéo'), fileHead('file', 'clip.mp4', 'video/mp4'), { filler: size, head: MP4_HEAD }, CLOSE], 256 * 1024);
		const res = await post(`/drafts/${id}`, stream, MULTIPART);
		expect(res.status).toBe(201);
		const expected = pattern(size);
		expected.set(MP4_HEAD);
		expect(await res.json()).toEqual({ fields: { note: 'vidéo' }, file: { key: `${id}/draft`, type: 'video/mp4', size, name: 'clip.mp4', sha256: await hex(expected) } });
		expect(state.sent).toBeGreaterThan(size);
		const object = await env.FILES.get(`${id}/draft`);
		expect(object!.size).toBe(size);
		expect(object!.etag).toMatch(/-2$/); // R2's multipart ETag: `<hash>-<number of parts>`
		expect(object!.httpMetadata?.contentType).toBe('video/mp4');
		const back = new Uint8Array(await object!.arrayBuffer());
		expect(back.byteLength).toBe(size);
		expect(back.findIndex((b, i) => b !== expected[i])).toBe(-1);
		expect(r2Calls.get(id)).toEqual(['create', `part 1 ${R2_PART_BYTES}`, `part 2 ${size - R2_PART_BYTES}`, 'complete 2']);
	});

	it('reads the fields sent after the file', async () => {
		const id = freshId();
		const res = await post(
			`/drafts/${id}`,
			form([
				['file', new Blob([PNG]), 'a.png'],
				['note', 'après le fichier']
			])
		);
		expect(res.status).toBe(201);
		expect(await res.json()).toMatchObject({ fields: { note: 'après le fichier' }, file: { type: 'image/png', size: PNG.byteLength } });
	});

	it('serves a stored file back as a download with safe headers', async () => {
		const id = freshId();
		expect(
			(
				await post(
					`/drafts/${id}`,
					form([
						['note', 'x'],
						['file', new Blob([MP4_HEAD, pattern(5000)]), 'x.mp4']
					])
				)
			).status
		).toBe(201);
		const res = await app.fetch(new Request(`http://wasla.test/api/v1/drafts/${id}/file`), env);
		expect(res.status).toBe(200);
		expect(Object.fromEntries(res.headers)).toMatchObject({
			'content-type': 'video/mp4',
			'content-disposition': `attachment; filename="Brouillon final (v2).mp4"; filename*=UTF-8''Brouillon%20final%20%28v2%29.mp4`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store',
			'content-length': String(MP4_HEAD.byteLength + 5000)
		});
		expect((await res.arrayBuffer()).byteLength).toBe(MP4_HEAD.byteLength + 5000);
		expect((await app.fetch(new Request(`http://wasla.test/api/v1/drafts/${freshId()}/file`), env)).status).toBe(404);
	});
});

describe('streamedUpload: refusals leave R2 empty', () => {
	it('415 for a disguised file (a PNG name and type, text bytes), found in its first bytes', async () => {
		const id = freshId();
		const res = await post(
			`/drafts/${id}`,
			form([
				['note', 'x'],
				['file', new Blob([enc('<html><script>alert(1)</script></html>')], { type: 'image/png' }), 'photo.png']
			])
		);
		expect(res.status).toBe(415);
		const message = 'Le fichier doit être une image PNG, JPEG ou WebP.';
		expect(await res.json()).toMatchObject({ status: 415, code: 'unsupported_media_type', detail: message, errors: [{ path: 'file', message }] });
		// A large one is refused after its first chunk, not read to the end.
		const { stream, state } = chunked([fieldPart('note', 'x'), fileHead('file', 'big.mp4'), { filler: 50 * MiB }, CLOSE]);
		expect((await post(`/drafts/${id}`, stream, MULTIPART)).status).toBe(415);
		expect(state.pulled).toBeLessThan(6);
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toBeUndefined();
	});

	it('413 as soon as a chunked file passes maxBytes, after a part went to R2: the multipart upload is aborted', async () => {
		const id = freshId();
		const { stream, state } = chunked([fieldPart('note', 'x'), fileHead('file', 'long.mp4'), { filler: 40 * MiB, head: MP4_HEAD }, CLOSE]);
		const res = await post(`/small/${id}`, stream, MULTIPART);
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ status: 413, code: 'payload_too_large', detail: 'Capture trop lourde : 5 Mo au plus.' });
		expect(state.sent).toBeLessThan(12 * MiB);
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toEqual(['create', `part 1 ${R2_PART_BYTES}`, 'abort']);
	});

	it('413 before reading when the declared Content-Length is over the limit', async () => {
		const id = freshId();
		const { stream, state } = chunked([fieldPart('note', 'x'), fileHead('file', 'long.mp4'), { filler: 40 * MiB, head: MP4_HEAD }, CLOSE]);
		const res = await post(`/small/${id}`, stream, { ...MULTIPART, 'content-length': String(40 * MiB) });
		expect(res.status).toBe(413);
		expect(state.sent).toBeLessThanOrEqual(MiB);
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toBeUndefined();
	});

	it('400 on `note` with nothing stored: a bad note before the file refuses before the file is read, after it once it is', async () => {
		const id = freshId();
		const before = chunked([fieldPart('note', 'n'.repeat(201)), fileHead('file', 'clip.mp4'), { filler: 30 * MiB, head: MP4_HEAD }, CLOSE]);
		const early = await post(`/drafts/${id}`, before.stream, MULTIPART);
		expect(early.status).toBe(400);
		expect(await early.json()).toMatchObject({ code: 'invalid_request', errors: [{ path: 'note', message: 'Texte trop long (maximum 200 caractères).' }] });
		expect(before.state.pulled).toBeLessThan(4);

		const late = await post(
			`/drafts/${id}`,
			form([
				['file', new Blob([PNG]), 'a.png'],
				['note', 'bad\u0000']
			])
		);
		expect(late.status).toBe(400);
		expect(((await late.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['note']);
		const missing = await post(`/drafts/${id}`, form([['file', new Blob([PNG]), 'a.png']]));
		expect(((await missing.json()) as { errors: unknown }).errors).toEqual([{ path: 'note', message: 'Ce champ est obligatoire.' }]);
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toBeUndefined(); // a small file waits in memory for the fields: never written
	});

	it('the route answers 404 or 409 before a byte of the body is read', async () => {
		for (const [id, status] of [
			['unknown', 404],
			['closed', 409]
		] as const) {
			const { stream, state } = chunked([fieldPart('note', 'x'), fileHead('file', 'clip.mp4'), { filler: 30 * MiB, head: MP4_HEAD }, CLOSE]);
			expect((await post(`/drafts/${id}`, stream, MULTIPART)).status).toBe(status);
			expect(state.sent).toBeLessThanOrEqual(MiB);
		}
		expect(r2Calls.get('unknown')).toBeUndefined();
		expect(r2Calls.get('closed')).toBeUndefined();
	});

	it('a body cut before its closing boundary is 400 and leaves no object, even after a whole multipart file', async () => {
		const id = freshId();
		const { stream } = chunked([fieldPart('note', 'x'), fileHead('file', 'clip.mp4'), { filler: 9 * MiB, head: MP4_HEAD }, enc(`\r\n--${BOUNDARY}\r\nContent-Disp`)]);
		const res = await post(`/drafts/${id}`, stream, MULTIPART);
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ code: 'malformed_form' });
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toEqual(['create', `part 1 ${R2_PART_BYTES}`, 'abort']);
	});

	it('a route whose own write fails after store() discards the file', async () => {
		const id = freshId();
		const res = await post(
			`/drafts/${id}`,
			form([
				['note', 'db fails'],
				['file', new Blob([PNG]), 'a.png']
			])
		);
		expect(res.status).toBe(409);
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toEqual([`put ${PNG.byteLength}`, 'delete']);
	});

	it('the form itself: 415 for another type, 400 for a missing boundary, a file in another field, text in `file` or two files', async () => {
		const id = freshId();
		expect((await post(`/drafts/${id}`, JSON.stringify({ note: 'x' }), { 'content-type': 'application/json' })).status).toBe(415);
		const noBoundary = await post(`/drafts/${id}`, fieldPart('note', 'x'), { 'content-type': 'multipart/form-data' });
		expect(noBoundary.status).toBe(400);
		expect(await noBoundary.json()).toMatchObject({ code: 'malformed_form' });
		const otherField = await post(
			`/drafts/${id}`,
			form([
				['note', 'x'],
				['video', new Blob([PNG]), 'a.png']
			])
		);
		expect(((await otherField.json()) as { errors: unknown }).errors).toEqual([{ path: 'video', message: 'Valeur invalide.' }]);
		const textFile = await post(
			`/drafts/${id}`,
			form([
				['note', 'x'],
				['file', 'not a file']
			])
		);
		expect(((await textFile.json()) as { errors: unknown }).errors).toEqual([{ path: 'file', message: 'Valeur invalide.' }]);
		const two = await post(
			`/drafts/${id}`,
			form([
				['file', new Blob([PNG]), 'a.png'],
				['file', new Blob([PNG]), 'b.png'],
				['note', 'x']
			])
		);
		expect(two.status).toBe(400);
		expect(await two.json()).toMatchObject({ code: 'malformed_form' });
		expect(await stored(id)).toEqual([]);
		expect(r2Calls.get(id)).toBeUndefined();
	});
});

describe('streamedUpload: OpenAPI', () => {
	it('documents multipart with the fields and an optional binary file with its limit and types', () => {
		const doc = openApiDocument(router.specs, 'http://wasla.test') as { paths: Record<string, { post?: { requestBody: { description: string; content: Record<string, unknown> } } }> };
		const body = doc.paths['/drafts/{id}'].post!.requestBody;
		expect(body.description).toBe(
			'Text fields and an optional file (image/png, image/jpeg, image/webp, video/mp4, video/quicktime, video/webm, detected from its bytes), at most 95000000 bytes, streamed to storage.'
		);
		expect(body.content).toEqual({
			'multipart/form-data': {
				schema: {
					type: 'object',
					required: ['note'],
					properties: { note: expect.objectContaining({ type: 'string', maxLength: 200 }), file: { type: 'string', format: 'binary', maxLength: 95_000_000, description: 'The draft' } }
				},
				encoding: { file: { contentType: 'image/png, image/jpeg, image/webp, video/mp4, video/quicktime, video/webm' } }
			}
		});
	});
});
