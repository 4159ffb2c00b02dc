/**
 * A streaming multipart/form-data reader (RFC 7578, RFC 2046 §5.1.1) for bodies too large
 * to hold: it yields the parts in order, text fields as strings and a file as an async
 * iterable of its bytes, while holding only the unread window of the body (one chunk plus
 * the boundary's length, or one part's header block). Every input it accepts is bounded:
 * the preamble, each part's header block, the number of parts and files, the text fields
 * together and, optionally, the whole body; past a bound it throws a MultipartError.
 *
 * Browsers write a file part as `Content-Disposition: form-data; name="…"; filename="…"`
 * and a text field without `filename`; that is what tells them apart. The declared type
 * and name of a file are the client's words, never trusted.
 */

export interface MultipartLimits {
	/** The whole body, in bytes (default: no limit; the caller counts the file). */
	maxBodyBytes: number;
	/** One part's header block. */
	maxHeaderBytes: number;
	/** All text fields' values together. */
	maxFieldBytes: number;
	/** Parts of any kind. */
	maxParts: number;
	/** File parts. */
	maxFiles: number;
	/** Bytes before the first boundary (browsers send none). */
	maxPreambleBytes: number;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = {
	maxBodyBytes: Number.POSITIVE_INFINITY,
	maxHeaderBytes: 8 * 1024,
	maxFieldBytes: 64 * 1024,
	maxParts: 32,
	maxFiles: 1,
	maxPreambleBytes: 1024
};

/**
 * Why a body was refused: `malformed` (not multipart/form-data as written by a client: bad
 * header line, part without a name, no boundary where one must be), `unterminated` (the
 * body ended before the closing boundary), or the bound it passed.
 */
export type MultipartProblem = 'malformed' | 'unterminated' | 'header_too_large' | 'too_many_parts' | 'too_many_files' | 'fields_too_large' | 'body_too_large';

export class MultipartError extends Error {
	constructor(readonly problem: MultipartProblem) {
		super(`multipart/form-data: ${problem}`);
		this.name = 'MultipartError';
	}
}

export interface FieldPart {
	kind: 'field';
	name: string;
	value: string;
}

export interface FilePart {
	kind: 'file';
	name: string;
	/** As the client sent it (`filename*` preferred); may be empty. */
	filename: string;
	/** The part's declared Content-Type (lower case, without parameters), or null. Untrusted. */
	type: string | null;
	/**
	 * The file's bytes. Read them before asking for the next part: the reader skips what is
	 * left unread. Chunks may be views into the reader's buffers; they are never overwritten.
	 */
	chunks: AsyncIterable<Uint8Array>;
}

export type Part = FieldPart | FilePart;

const CRLF = new Uint8Array([13, 10]);
const encoder = new TextEncoder();

/** RFC 2046 `boundary`: 1 to 70 of these characters, not ending with a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/**
 * `name=value` parameters after a header's first `;` (RFC 9110 §5.6.6): values are tokens
 * or quoted strings. A repeated name, or a quote left open, makes the whole header invalid
 * (null): two parsers must never read two different names out of one header.
 * `backslash`: whether a quoted string unescapes `\x` (RFC 9110); browsers write
 * Content-Disposition without escapes (a `"` in a name becomes `%22`), so there a
 * backslash is kept as written.
 */
function parseParams(text: string, backslash: boolean): Map<string, string> | null {
	const params = new Map<string, string>();
	let i = 0;
	while (i < text.length) {
		while (i < text.length && (text[i] === ';' || text[i] === ' ' || text[i] === '\t')) i++;
		if (i >= text.length) break;
		let eq = i;
		while (eq < text.length && text[eq] !== '=' && text[eq] !== ';') eq++;
		const name = text.slice(i, eq).trim().toLowerCase();
		if (eq >= text.length || text[eq] === ';') return null; // a parameter without a value
		i = eq + 1;
		while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
		let value = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (i >= text.length) return null;
				const ch = text[i];
				if (ch === '"') break;
				if (backslash && ch === '\\' && i + 1 < text.length) {
					value += text[i + 1];
					i += 2;
				} else {
					value += ch;
					i++;
				}
			}
			i++;
			while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
			if (i < text.length && text[i] !== ';') return null;
		} else {
			let end = i;
			while (end < text.length && text[end] !== ';') end++;
			value = text.slice(i, end).trim();
			i = end;
		}
		if (!name || params.has(name)) return null;
		params.set(name, value);
	}
	return params;
}

const isValidBoundary = (boundary: string) => BOUNDARY.test(boundary);

/** The boundary of a `multipart/form-data` Content-Type, quoted or not; null if it is missing or invalid, or the type is another. */
export function multipartBoundary(contentType: string): string | null {
	const semi = contentType.indexOf(';');
	if (semi < 0 || contentType.slice(0, semi).trim().toLowerCase() !== 'multipart/form-data') return null;
	const boundary = parseParams(contentType.slice(semi + 1), true)?.get('boundary');
	return boundary !== undefined && isValidBoundary(boundary) ? boundary : null;
}

/** Boyer–Moore–Horspool: skips ahead by up to the needle's length, so a 90 MB file costs a few million steps. */
class Finder {
	readonly length: number;
	private readonly skip: Uint8Array;
	constructor(readonly needle: Uint8Array) {
		this.length = needle.length;
		this.skip = new Uint8Array(256).fill(Math.min(needle.length, 255));
		for (let i = 0; i < needle.length - 1; i++) this.skip[needle[i]] = needle.length - 1 - i;
	}

	/** The first index of the needle in `hay[0, to)`, or -1. */
	in(hay: Uint8Array, to = hay.length): number {
		const { needle, skip } = this;
		const last = needle.length - 1;
		const end = Math.min(to, hay.length);
		for (let i = 0; i + last < end;) {
			const c = hay[i + last];
			if (c === needle[last]) {
				let j = last - 1;
				while (j >= 0 && hay[i + j] === needle[j]) j--;
				if (j < 0) return i;
			}
			i += skip[c];
		}
		return -1;
	}
}

const HEADER_END = new Finder(new Uint8Array([13, 10, 13, 10]));

/**
 * The unread window of the body. New chunks are appended after the window, in place while
 * the buffer has room, else into a new buffer (doubling, so a body in one-byte chunks
 * costs linear time); bytes already handed out are never overwritten.
 */
class Window {
	private data: Uint8Array = CRLF.slice(); // a virtual CRLF, so the first boundary needs no special case
	private start = 0;
	private end = 2;
	private total = 0;
	private ended = false;

	constructor(
		private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
		private readonly maxBytes: number
	) {}

	get bytes(): Uint8Array {
		return this.data.subarray(this.start, this.end);
	}

	consume(n: number) {
		this.start += n;
	}

	/** Reads one more chunk into the window; false at the end of the body. */
	async more(): Promise<boolean> {
		if (this.ended) return false;
		const { done, value } = await this.reader.read();
		if (done) {
			this.ended = true;
			return false;
		}
		this.total += value.byteLength;
		if (this.total > this.maxBytes) throw new MultipartError('body_too_large');
		const live = this.end - this.start;
		if (live === 0) {
			this.data = value;
			this.start = 0;
			this.end = value.byteLength;
		} else if (this.end + value.byteLength <= this.data.byteLength) {
			this.data.set(value, this.end);
			this.end += value.byteLength;
		} else {
			const next = new Uint8Array(Math.max(live + value.byteLength, 2 * live));
			next.set(this.data.subarray(this.start, this.end));
			next.set(value, live);
			this.data = next;
			this.start = 0;
			this.end = live + value.byteLength;
		}
		return true;
	}
}

const concat = (chunks: Uint8Array[]) => {
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
};

/** A part's header fields by lower-case name; null when a line is not `name: value` or a name repeats. */
function parseHeaderLines(lines: string[]): Map<string, string> | null {
	const headers = new Map<string, string>();
	let last: string | null = null;
	for (const line of lines) {
		if (/[\r\n]/.test(line)) return null; // a bare CR or LF inside the block
		if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
			headers.set(last, `${headers.get(last)} ${line.trim()}`); // obsolete folding
			continue;
		}
		const colon = line.indexOf(':');
		if (colon <= 0) return null;
		const name = line.slice(0, colon).trim().toLowerCase();
		if (headers.has(name)) return null;
		headers.set(name, line.slice(colon + 1).trim());
		last = name;
	}
	return headers;
}

/** RFC 8187 `charset'lang'pct-encoded`, UTF-8 only. */
function extValue(value: string): string | null {
	const m = /^utf-8'[^']*'(.*)$/i.exec(value);
	if (!m) return null;
	try {
		return decodeURIComponent(m[1]);
	} catch {
		return null;
	}
}

interface PartHead {
	name: string;
	filename: string | null;
	type: string | null;
}

function partHead(headers: Map<string, string>): PartHead {
	const disposition = headers.get('content-disposition');
	if (disposition === undefined) throw new MultipartError('malformed');
	const semi = disposition.indexOf(';');
	const params = semi < 0 ? null : parseParams(disposition.slice(semi + 1), false);
	const name = params?.get('name');
	if (disposition.slice(0, semi).trim().toLowerCase() !== 'form-data' || !params || name === undefined) throw new MultipartError('malformed');
	const extended = params.has('filename*') ? extValue(params.get('filename*')!) : null;
	const filename = extended ?? params.get('filename') ?? null;
	const type = headers.get('content-type')?.split(';')[0].trim().toLowerCase() || null;
	return { name, filename, type };
}

/**
 * The parts of a multipart/form-data body, in order. Throws a MultipartError on any
 * malformed or unbounded input, and whatever the body stream throws (a client that went
 * away). Leaving the loop early (break, throw) cancels the body. Nothing after the closing
 * boundary is read.
 */
export async function* readMultipart(body: ReadableStream<Uint8Array>, boundary: string, limits: Partial<MultipartLimits> = {}): AsyncGenerator<Part, void, undefined> {
	const lim = { ...DEFAULT_MULTIPART_LIMITS, ...limits };
	if (!isValidBoundary(boundary)) throw new MultipartError('malformed');
	const reader = body.getReader();
	const win = new Window(reader, lim.maxBodyBytes);
	const delimiter = new Finder(encoder.encode(`\r\n--${boundary}`));

	/** Whether the current part's body reached its delimiter (and the delimiter was consumed). */
	let partDone = true;
	/** The current part's body up to the next delimiter, a chunk at a time; null once there. */
	async function nextBodyChunk(): Promise<Uint8Array | null> {
		for (;;) {
			if (partDone) return null;
			const bytes = win.bytes;
			const at = delimiter.in(bytes);
			if (at >= 0) {
				win.consume(at + delimiter.length);
				partDone = true;
				if (at > 0) return bytes.subarray(0, at);
				continue;
			}
			// Keep the tail that could be the start of a delimiter split across chunks.
			const safe = bytes.byteLength - (delimiter.length - 1);
			if (safe > 0) {
				win.consume(safe);
				return bytes.subarray(0, safe);
			}
			if (!(await win.more())) throw new MultipartError('unterminated');
		}
	}

	try {
		// The preamble: whatever precedes the first delimiter, bounded.
		for (;;) {
			const at = delimiter.in(win.bytes);
			if (at >= 0) {
				if (at > lim.maxPreambleBytes + 2) throw new MultipartError('malformed');
				win.consume(at + delimiter.length);
				break;
			}
			if (win.bytes.byteLength > lim.maxPreambleBytes + 2 + delimiter.length) throw new MultipartError('malformed');
			if (!(await win.more())) throw new MultipartError('unterminated');
		}

		let parts = 0;
		let files = 0;
		let fieldBytes = 0;
		for (;;) {
			// After a delimiter: `--` closes the body; else the rest of the line (transport padding), then the header block.
			while (win.bytes.byteLength < 2) if (!(await win.more())) throw new MultipartError('unterminated');
			if (win.bytes[0] === 0x2d && win.bytes[1] === 0x2d) return;
			let end: number;
			for (;;) {
				end = HEADER_END.in(win.bytes, lim.maxHeaderBytes + 4);
				if (end >= 0) break;
				if (win.bytes.byteLength >= lim.maxHeaderBytes + 4) throw new MultipartError('header_too_large');
				if (!(await win.more())) throw new MultipartError('unterminated');
			}
			// The block starts with the delimiter line's CRLF (after its padding) and ends before the blank line.
			const [padding, ...lines] = new TextDecoder().decode(win.bytes.subarray(0, end)).split('\r\n');
			win.consume(end + 4);
			if (!/^[ \t]*$/.test(padding)) throw new MultipartError('malformed');
			const headers = parseHeaderLines(lines);
			if (!headers) throw new MultipartError('malformed');
			if (++parts > lim.maxParts) throw new MultipartError('too_many_parts');
			const head = partHead(headers);
			partDone = false;

			if (head.filename !== null) {
				if (++files > lim.maxFiles) throw new MultipartError('too_many_files');
				let current = true;
				const chunks: AsyncIterable<Uint8Array> = {
					[Symbol.asyncIterator]: () => ({
						next: async (): Promise<IteratorResult<Uint8Array>> => {
							const chunk = current ? await nextBodyChunk() : null;
							return chunk ? { value: chunk, done: false } : { value: undefined, done: true };
						}
					})
				};
				yield { kind: 'file', name: head.name, filename: head.filename, type: head.type, chunks };
				current = false;
				while ((await nextBodyChunk()) !== null); // skip what the caller left unread
			} else {
				const pieces: Uint8Array[] = [];
				for (let chunk = await nextBodyChunk(); chunk; chunk = await nextBodyChunk()) {
					fieldBytes += chunk.byteLength;
					if (fieldBytes > lim.maxFieldBytes) throw new MultipartError('fields_too_large');
					pieces.push(chunk);
				}
				yield { kind: 'field', name: head.name, value: new TextDecoder().decode(concat(pieces)) };
			}
		}
	} finally {
		// Done, failed or abandoned: the rest of the body (an epilogue, or what a refused client still sends) is not read.
		await reader.cancel().catch(() => undefined);
	}
}
