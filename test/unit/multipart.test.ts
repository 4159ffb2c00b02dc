/** The streaming multipart/form-data reader (worker/domain/multipart.ts), fed chunk by chunk. */
import { describe, expect, it } from 'vitest';
import { type MultipartLimits, type MultipartProblem, MultipartError, multipartBoundary, readMultipart } from '../../worker/domain/multipart';

const enc = (text: string) => new TextEncoder().encode(text);
const cat = (...parts: (string | Uint8Array)[]) => {
	const bytes = parts.map((p) => (typeof p === 'string' ? enc(p) : p));
	const out = new Uint8Array(bytes.reduce((n, b) => n + b.byteLength, 0));
	let at = 0;
	for (const b of bytes) {
		out.set(b, at);
		at += b.byteLength;
	}
	return out;
};

/** A stream handing out `chunks` one per pull; `state` counts pulls and whether the reader cancelled. */
function source(chunks: Iterable<Uint8Array>) {
	const state = { pulled: 0, cancelled: false };
	const it = chunks[Symbol.iterator]();
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			state.pulled += 1;
			const next = it.next();
			if (next.done) controller.close();
			else controller.enqueue(next.value);
		},
		cancel() {
			state.cancelled = true;
		}
	});
	return { stream, state };
}

/** `bytes` cut at the given offsets. */
function cut(bytes: Uint8Array, at: number[]) {
	const edges = [0, ...at, bytes.byteLength];
	return edges.slice(1).map((end, i) => bytes.slice(edges[i], end));
}

type Read = { kind: 'field'; name: string; value: string } | { kind: 'file'; name: string; filename: string; type: string | null; bytes: number[] };

async function readAll(chunks: Iterable<Uint8Array>, boundary: string, limits?: Partial<MultipartLimits>): Promise<Read[]> {
	const out: Read[] = [];
	for await (const part of readMultipart(source(chunks).stream, boundary, limits)) {
		if (part.kind === 'field') out.push(part);
		else {
			const bytes: number[] = [];
			for await (const chunk of part.chunks) bytes.push(...chunk);
			out.push({ kind: 'file', name: part.name, filename: part.filename, type: part.type, bytes });
		}
	}
	return out;
}

async function problemOf(chunks: Iterable<Uint8Array>, boundary: string, limits?: Partial<MultipartLimits>): Promise<MultipartProblem | string> {
	try {
		await readAll(chunks, boundary, limits);
		return 'no error';
	} catch (err) {
		return err instanceof MultipartError ? err.problem : String(err);
	}
}

const B = 'XyZ-boundary';
/** A file whose bytes look like the start of a delimiter, CRs and dashes included. */
const TRICKY = cat('\r\n--XyZ-boundar', new Uint8Array([0, 13, 10, 45, 45, 13, 13, 10, 255]), '\r\n-', '\r\n--XyZ', '--');
const BODY = cat(
	`--${B}\r\n`,
	'Content-Disposition: form-data; name="note"\r\n\r\n',
	'première ligne\r\nseconde',
	`\r\n--${B}\r\n`,
	'Content-Disposition: form-data; name="file"; filename="clip.mp4"\r\nContent-Type: video/mp4\r\n\r\n',
	TRICKY,
	`\r\n--${B}\r\n`,
	'Content-Disposition: form-data; name="after"\r\n\r\n',
	'',
	`\r\n--${B}--\r\n`
);
const EXPECTED: Read[] = [
	{ kind: 'field', name: 'note', value: 'première ligne\r\nseconde' },
	{ kind: 'file', name: 'file', filename: 'clip.mp4', type: 'video/mp4', bytes: [...TRICKY] },
	{ kind: 'field', name: 'after', value: '' }
];

describe('multipartBoundary', () => {
	it('reads the boundary, quoted or not, and nothing else', () => {
		expect(multipartBoundary('multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxk')).toBe('----WebKitFormBoundary7MA4YWxk');
		expect(multipartBoundary('Multipart/Form-Data;charset=utf-8;BOUNDARY="a b:c"')).toBe('a b:c');
		expect(multipartBoundary('multipart/form-data; boundary="with \\"escape\\""')).toBeNull(); // `"` is no boundary character
		expect(multipartBoundary('multipart/form-data; boundary=abc ; x=y')).toBe('abc');
		expect(multipartBoundary(`multipart/form-data; boundary=${'b'.repeat(70)}`)).toBe('b'.repeat(70));
	});

	it('is null when the boundary is missing, invalid or given twice, or the type is another', () => {
		for (const type of [
			'multipart/form-data',
			'multipart/form-data;',
			'multipart/form-data; boundary=',
			'multipart/form-data; boundary=""',
			`multipart/form-data; boundary=${'b'.repeat(71)}`,
			'multipart/form-data; boundary="ends with space "',
			'multipart/form-data; boundary=a<b',
			'multipart/form-data; boundary="open',
			'multipart/form-data; boundary=a; boundary=b',
			'multipart/mixed; boundary=abc',
			'application/x-www-form-urlencoded; boundary=abc',
			''
		]) {
			expect(multipartBoundary(type), type).toBeNull();
		}
	});
});

describe('readMultipart', () => {
	it('reads what a browser sends: text fields and a file with its name and declared type', async () => {
		const form = new FormData();
		form.append('note', 'Brouillon — v1 ✓');
		form.append('file', new Blob([new Uint8Array([1, 2, 3, 13, 10])], { type: 'image/png' }), 'لقطة.png');
		form.append('empty', new Blob([]), '');
		const req = new Request('http://x/', { method: 'POST', body: form });
		const boundary = multipartBoundary(req.headers.get('content-type')!)!;
		const parts = await readAll([new Uint8Array(await req.arrayBuffer())], boundary, { maxFiles: 2 });
		expect(parts).toEqual([
			{ kind: 'field', name: 'note', value: 'Brouillon — v1 ✓' },
			{ kind: 'file', name: 'file', filename: 'لقطة.png', type: 'image/png', bytes: [1, 2, 3, 13, 10] },
			{ kind: 'file', name: 'empty', filename: '', type: 'application/octet-stream', bytes: [] }
		]);
	});

	it('gives the same parts whatever the chunk borders: every split in two, every byte alone', async () => {
		expect(await readAll([BODY], B)).toEqual(EXPECTED);
		for (let at = 0; at <= BODY.byteLength; at++) expect(await readAll(cut(BODY, [at]), B), `split at ${at}`).toEqual(EXPECTED);
		expect(await readAll(cut(BODY, [...BODY.keys()].slice(1)), B)).toEqual(EXPECTED);
	});

	it('gives the same parts for random splits (seeded), with a file of random bytes', async () => {
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const file = Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256));
		// Sprinkle near-delimiters into the file.
		file.set(enc(`\r\n--${B.slice(0, -1)}`), 100);
		file.set(enc(`\r\n--${B.slice(0, 3)}\r\n`), 5000);
		const body = cat(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\n`, file, `\r\n--${B}\r\nContent-Disposition: form-data; name="n"\r\n\r\nv\r\n--${B}--`);
		for (let round = 0; round < 40; round++) {
			const cuts = [...new Set(Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.floor(random() * body.byteLength)))].sort((a, b) => a - b);
			const parts = await readAll(cut(body, cuts), B);
			expect(parts.length).toBe(2);
			expect(new Uint8Array((parts[0] as { bytes: number[] }).bytes)).toEqual(file);
			expect(parts[1]).toEqual({ kind: 'field', name: 'n', value: 'v' });
		}
	});

	it('skips a preamble and an epilogue, and accepts padding after a boundary and parts without Content-Type', async () => {
		const body = enc(`preamble text\r\n--${B} \t\r\nContent-Disposition: form-data; name=plain\r\n\r\nvalue\r\n--${B}--\r\nepilogue, never read`);
		expect(await readAll([body], B)).toEqual([{ kind: 'field', name: 'plain', value: 'value' }]);
		expect(await readAll([enc(`--${B}--`)], B)).toEqual([]);
	});

	it('prefers filename* and keeps the other parameters as written', async () => {
		const body = enc(`--${B}\r\ncontent-disposition: form-data; name="file"; filename="a.mp4"; filename*=UTF-8''%D9%81%D9%8A%D8%AF%D9%8A%D9%88.mp4\r\n\r\nx\r\n--${B}--`);
		expect(await readAll([body], B)).toEqual([{ kind: 'file', name: 'file', filename: 'فيديو.mp4', type: null, bytes: [120] }]);
	});

	it('skips the bytes of a file the caller did not read, and goes on', async () => {
		const parts: string[] = [];
		for await (const part of readMultipart(source(cut(BODY, [90, 200])).stream, B)) parts.push(part.name);
		expect(parts).toEqual(['note', 'file', 'after']);
	});

	it('refuses malformed bodies', async () => {
		const part = (headers: string) => enc(`--${B}\r\n${headers}\r\n\r\nv\r\n--${B}--`);
		expect(await problemOf([part('Content-Type: text/plain')], B)).toBe('malformed'); // no Content-Disposition
		expect(await problemOf([enc(`--${B}\r\n\r\nv\r\n--${B}--`)], B)).toBe('malformed'); // no headers at all
		expect(await problemOf([part('Content-Disposition: form-data')], B)).toBe('malformed'); // no name
		expect(await problemOf([part('Content-Disposition: attachment; name="a"')], B)).toBe('malformed');
		expect(await problemOf([part('Content-Disposition: form-data; name="a"; name="b"')], B)).toBe('malformed');
		expect(await problemOf([part('Content-Disposition: form-data; name="a\r\nContent-Disposition: form-data; name="b"')], B)).toBe('malformed');
		expect(await problemOf([part('Content-Disposition: form-data; name="a"\r\nno colon')], B)).toBe('malformed');
		expect(await problemOf([enc(`--${B}x\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--${B}--`)], B)).toBe('malformed'); // not padding
		expect(await problemOf([enc('a'.repeat(2000))], B)).toBe('malformed'); // no boundary
		expect(await problemOf([BODY], 'bad boundary ')).toBe('malformed');
	});

	it('refuses a body that ends before its closing boundary', async () => {
		const full = enc(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue\r\n--${B}--`);
		for (const end of [full.byteLength - 2, full.byteLength - 5, 30, `--${B}\r\n`.length, `--${B}`.length, 3]) {
			expect(await problemOf([full.slice(0, end)], B), `cut at ${end}`).toBe('unterminated');
		}
		expect(await problemOf([], B)).toBe('unterminated');
	});

	it('bounds the header block, the parts, the files, the text fields and the body', async () => {
		const field = (name: string, value: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
		const file = (name: string) => `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="f"\r\n\r\nbytes\r\n`;
		const end = `--${B}--`;
		const longHeader = `--${B}\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: ${'p'.repeat(8200)}\r\n\r\nv\r\n${end}`;
		expect(await problemOf([enc(longHeader)], B)).toBe('header_too_large');
		expect(await problemOf([enc(`--${B}\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: ${'p'.repeat(8100)}\r\n\r\nv\r\n${end}`)], B)).toBe('no error');
		expect(await problemOf([enc(Array.from({ length: 33 }, (_, i) => field(`f${i}`, 'v')).join('') + end)], B)).toBe('too_many_parts');
		expect(await problemOf([enc(Array.from({ length: 32 }, (_, i) => field(`f${i}`, 'v')).join('') + end)], B)).toBe('no error');
		expect(await problemOf([enc(file('a') + file('b') + end)], B)).toBe('too_many_files');
		expect(await problemOf([enc(field('a', 'x'.repeat(40_000)) + field('b', 'y'.repeat(30_000)) + end)], B)).toBe('fields_too_large');
		expect(await problemOf([enc(field('a', 'x'.repeat(40_000)) + end)], B)).toBe('no error');
		expect(await problemOf([enc(field('a', 'x'.repeat(600)) + end)], B, { maxBodyBytes: 500 })).toBe('body_too_large');
	});

	it('stops a hostile stream early: endless bytes with no boundary, an endless header, an endless field', async () => {
		const endless = (first: Uint8Array, filler: Uint8Array) =>
			source(
				(function* () {
					yield first;
					for (;;) yield filler;
				})()
			);
		const cases: [Uint8Array, Uint8Array, MultipartProblem][] = [
			[enc('x'), enc('no boundary here '.repeat(64)), 'malformed'],
			[enc(`--${B}\r\nX-Header: `), enc('h'.repeat(1024)), 'header_too_large'],
			[enc(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\n`), enc('v'.repeat(1024)), 'fields_too_large']
		];
		for (const [first, filler, problem] of cases) {
			const { stream, state } = endless(first, filler);
			const parts = readMultipart(stream, B);
			await expect(parts.next()).rejects.toThrow(new MultipartError(problem));
			expect(state.pulled).toBeLessThan(80);
			expect(state.cancelled).toBe(true);
		}
	});

	it('holds a window, not the body: a 16 MiB file comes out in chunks no larger than those that came in', async () => {
		const chunk = new Uint8Array(64 * 1024).fill(0x2d);
		const { stream } = source(
			(function* () {
				yield enc(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="big"\r\n\r\n`);
				for (let i = 0; i < 256; i++) yield chunk;
				yield enc(`\r\n--${B}--`);
			})()
		);
		let total = 0;
		let largest = 0;
		for await (const part of readMultipart(stream, B)) {
			if (part.kind !== 'file') continue;
			for await (const c of part.chunks) {
				total += c.byteLength;
				largest = Math.max(largest, c.byteLength);
			}
		}
		expect(total).toBe(256 * 64 * 1024);
		expect(largest).toBeLessThanOrEqual(64 * 1024 + B.length + 4);
	});

	it('cancels the body when the caller stops early', async () => {
		const { stream, state } = source(cut(BODY, [...BODY.keys()].slice(1)));
		for await (const part of readMultipart(stream, B)) {
			expect(part.name).toBe('note');
			break;
		}
		expect(state.cancelled).toBe(true);
	});
});
