/**
 * Request bodies by kind (issue 10, point 6): a route spec declares `body: json(Schema)`,
 * `csv(…)`, `pdf(…)`, `upload(…)`, `streamedUpload(…)` or `either(…)` of them, and worker/route.ts reads it before
 * the handler runs, which receives the body typed by its kind. Each kind's content type,
 * size limit, content check and OpenAPI description are written here once:
 *
 * - the Content-Type picks the kind, else 415;
 * - a declared Content-Length over the limit is 413 before a byte is read; the body is then
 *   counted while it streams in and refused (413) as soon as it passes the limit, so a
 *   chunked upload without Content-Length is never buffered whole;
 * - then the kind's own check: JSON that parses (400) and validates (400 with field errors);
 *   a PDF that is not empty (400) and starts like one (422); an upload with its file (400),
 *   within the limit (413), and of an accepted type detected from its bytes (415).
 *
 * streamedUpload() is the exception: its read() reads nothing and hands the handler a
 * store() that streams the file to R2 once the route's own checks passed.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { type MessageKey, t } from './i18n';
import { fieldErrors } from './problem';
import { parseInput } from './route';
import { type FileType, SNIFF_BYTES, sniffFileType } from './domain/file-types';
import { toHex } from './domain/encoding';
import { MultipartError, type FilePart, multipartBoundary, readMultipart } from './domain/multipart';

type AnySchema = v.GenericSchema;
type Json = Record<string, unknown>;

type FieldsOf<F> = F extends AnySchema ? v.InferOutput<F> : Record<string, never>;
type FieldsSchema = v.ObjectSchema<v.ObjectEntries, undefined>;

/** Turns a valibot schema into JSON Schema (the OpenAPI builder's converter). */
export type SchemaToJson = (schema: AnySchema) => Json;

/** Messages a kind's refusals carry instead of the generic detail of their status. */
export interface BodyMessages {
	/** 413 */
	tooLarge?: MessageKey;
	/** 400: nothing sent (pdf) */
	empty?: MessageKey;
	/** 422 (pdf) or 415 (upload): the bytes are not what the route takes */
	wrongContent?: MessageKey;
}

/** How a route's body is read; made by json(), csv(), pdf(), upload() and either(). */
export interface BodyKind<K extends string = string, T = unknown> {
	readonly kind: K;
	/** The largest body accepted, in bytes. */
	readonly maxBytes: number;
	/** Whether a request with this Content-Type is of this kind. */
	accepts(contentType: string): boolean;
	/** What the headers alone refuse (415, declared 413): checked before the route's rate limit and the read. */
	precheck(c: Context<AppEnv>): void;
	/** Reads, limits and checks the body, throwing a 4xx AppError on any failure. */
	read(c: Context<AppEnv>): Promise<T>;
	/** The OpenAPI `requestBody` of this kind. */
	openApi(toJson: SchemaToJson): { required: true; description: string; content: Record<string, Json> };
}

/** What a handler receives for a body of kind `B`. */
export type BodyOf<B> = B extends BodyKind<string, infer T> ? T : undefined;

const contentType = (c: Context<AppEnv>) => c.req.header('content-type') ?? '';

const sizeText = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`);

/** 413 when the declared Content-Length is over `max` (a missing or unreadable one is checked while reading). */
function refuseDeclaredOver(c: Context<AppEnv>, max: number, messages: BodyMessages) {
	const declared = Number(c.req.header('content-length') ?? '0');
	if (declared > max) throw new AppError('payload_too_large', { detailKey: messages.tooLarge });
}

/**
 * The body's bytes, read chunk by chunk and refused (413) as soon as they pass `max`,
 * whatever Content-Length said (or did not say, for a chunked upload).
 */
async function readAtMost(c: Context<AppEnv>, max: number, messages: BodyMessages): Promise<Uint8Array<ArrayBuffer>> {
	const body = c.req.raw.body;
	if (!body) return new Uint8Array(0);
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > max) {
			await reader.cancel().catch(() => undefined);
			throw new AppError('payload_too_large', { detailKey: messages.tooLarge });
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.byteLength;
	}
	return out;
}

/** A kind whose Content-Type must match `pattern`, with the shared 415 and declared-413 checks. */
function kindBase<K extends string>(kind: K, pattern: RegExp, maxBytes: number, messages: BodyMessages) {
	return {
		kind,
		maxBytes,
		accepts: (type: string) => pattern.test(type),
		precheck(c: Context<AppEnv>) {
			if (!pattern.test(contentType(c))) throw new AppError('unsupported_media_type');
			refuseDeclaredOver(c, maxBytes, messages);
		}
	};
}

const DEFAULT_JSON_BYTES = 64 * 1024;

/** A JSON object validated by `schema` (application/json or any `+json` type; default limit 64 KiB). */
export function json<S extends AnySchema>(schema: S, opts: { maxBytes?: number; messages?: BodyMessages } = {}): BodyKind<'json', v.InferOutput<S>> {
	const maxBytes = opts.maxBytes ?? DEFAULT_JSON_BYTES;
	const messages = opts.messages ?? {};
	return {
		...kindBase('json', /^application\/([\w.+-]+\+)?json\b/i, maxBytes, messages),
		async read(c) {
			const bytes = await readAtMost(c, maxBytes, messages);
			let raw: unknown;
			try {
				raw = JSON.parse(new TextDecoder().decode(bytes));
			} catch {
				throw new AppError('malformed_json');
			}
			// Every JSON body of this API is an object; valibot would otherwise read an array's keys.
			if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
				throw new AppError('invalid_request', { errors: [{ path: '', message: t(c.get('locale'), 'invalid_type') }] });
			}
			return parseInput(c, schema, raw);
		},
		openApi: (toJson) => ({ required: true, description: `JSON, at most ${sizeText(maxBytes)}.`, content: { 'application/json': { schema: toJson(schema) } } })
	};
}

/** CSV text (text/csv), decoded as UTF-8; its rows are the route's to parse. */
export function csv(opts: { maxBytes: number; messages?: BodyMessages; description?: string }): BodyKind<'csv', string> {
	const messages = opts.messages ?? {};
	return {
		...kindBase('csv', /^text\/csv\b/i, opts.maxBytes, messages),
		read: async (c) => new TextDecoder().decode(await readAtMost(c, opts.maxBytes, messages)),
		openApi: () => ({
			required: true,
			description: `CSV (UTF-8), at most ${sizeText(opts.maxBytes)}.`,
			content: { 'text/csv': { schema: { type: 'string', maxLength: opts.maxBytes, ...(opts.description ? { description: opts.description } : {}) } } }
		})
	};
}

/**
 * A PDF sent as the raw body (application/pdf, or application/octet-stream from clients
 * that cannot name it): empty is 400, bytes without `%PDF-` in their first KiB are 422 (the
 * type was declared, so 415 stays for a wrong Content-Type).
 */
export function pdf(opts: { maxBytes: number; messages?: BodyMessages }): BodyKind<'pdf', Uint8Array<ArrayBuffer>> {
	const messages = opts.messages ?? {};
	return {
		...kindBase('pdf', /^application\/(pdf|octet-stream)\b/i, opts.maxBytes, messages),
		async read(c) {
			const bytes = await readAtMost(c, opts.maxBytes, messages);
			if (bytes.byteLength === 0) throw new AppError('invalid_request', { detailKey: messages.empty });
			if (!sniffFileType(bytes.subarray(0, SNIFF_BYTES), ['application/pdf'])) throw new AppError('unprocessable', { detailKey: messages.wrongContent });
			return bytes;
		},
		openApi: () => {
			const schema = { type: 'string', format: 'binary', maxLength: opts.maxBytes };
			return { required: true, description: `The PDF's bytes, at most ${sizeText(opts.maxBytes)}.`, content: { 'application/pdf': { schema }, 'application/octet-stream': { schema } } };
		}
	};
}

/** The file of an upload, its type detected from its bytes. */
export interface UploadedFile<T extends FileType> {
	bytes: Uint8Array<ArrayBuffer>;
	type: T;
	/** The name the client gave it (not trusted for anything). */
	name: string;
}

/** Room for the multipart envelope and the text fields next to the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * One file in multipart/form-data (field `file`), with optional text fields validated by
 * `fields`. The file's type is detected from its bytes among `types` (the declared type and
 * name are ignored): another type is 415. A missing or empty file is 400 on `file`; a file
 * over `maxBytes` 413 (the whole body is counted while read, with room for the envelope).
 */
export function upload<T extends FileType, F extends v.ObjectSchema<v.ObjectEntries, undefined> | undefined = undefined>(opts: {
	maxBytes: number;
	types: readonly T[];
	fields?: F;
	messages?: BodyMessages;
	description?: string;
}): BodyKind<'upload', { file: UploadedFile<T>; fields: F extends AnySchema ? v.InferOutput<F> : Record<string, never> }> {
	const messages = opts.messages ?? {};
	const bodyMax = opts.maxBytes + MULTIPART_OVERHEAD;
	const missingFile = () => new AppError('invalid_request', { fieldKeys: [{ path: 'file', key: 'required' }] });
	return {
		...kindBase('upload', /^multipart\/form-data\b/i, bodyMax, messages),
		async read(c) {
			const bytes = await readAtMost(c, bodyMax, messages);
			let form: FormData;
			try {
				form = await new Response(bytes, { headers: { 'content-type': contentType(c) } }).formData();
			} catch {
				throw missingFile();
			}
			const fields = opts.fields ? parseInput(c, opts.fields, Object.fromEntries(Object.keys(opts.fields.entries).map((name) => [name, form.get(name) ?? undefined]))) : {};
			const file = form.get('file');
			if (file === null || typeof file === 'string' || file.size === 0) throw missingFile();
			if (file.size > opts.maxBytes) throw new AppError('payload_too_large', { detailKey: messages.tooLarge });
			const content = new Uint8Array(await file.arrayBuffer());
			const type = sniffFileType(content.subarray(0, SNIFF_BYTES), opts.types);
			if (!type) throw new AppError('unsupported_media_type', { detailKey: messages.wrongContent, fieldKeys: messages.wrongContent ? [{ path: 'file', key: messages.wrongContent }] : undefined });
			return { file: { bytes: content, type, name: file.name }, fields } as { file: UploadedFile<T>; fields: F extends AnySchema ? v.InferOutput<F> : Record<string, never> };
		},
		openApi(toJson) {
			const fieldSchema = opts.fields ? (toJson(opts.fields) as { properties?: Record<string, Json> }) : {};
			return {
				required: true,
				description: `One file (${opts.types.join(', ')}, detected from its bytes), at most ${sizeText(opts.maxBytes)}.`,
				content: {
					'multipart/form-data': {
						schema: {
							type: 'object',
							required: ['file'],
							properties: {
								file: { type: 'string', format: 'binary', maxLength: opts.maxBytes, ...(opts.description ? { description: opts.description } : {}) },
								...(fieldSchema.properties ?? {})
							}
						},
						encoding: { file: { contentType: opts.types.join(', ') } }
					}
				}
			};
		}
	};
}

/**
 * The size of each part of an R2 multipart upload. R2 wants every part but the last of one
 * size, at least 5 MiB (and the last no larger); a streamed upload holds one part in memory.
 */
export const R2_PART_BYTES = 8 * 1024 * 1024;

/** All text fields of a streamed upload together. */
const STREAMED_FIELD_BYTES = 64 * 1024;
/** Room next to the file: the text fields, part headers and boundaries. */
const STREAMED_OVERHEAD = STREAMED_FIELD_BYTES + 64 * 1024;
/** The multipart field that carries the file. */
const FILE_FIELD = 'file';

/** A file a streamed upload wrote to R2. */
export interface StoredFile<T extends FileType> {
	/** Its R2 key (the one given to store()). */
	key: string;
	/** Detected from its bytes. */
	type: T;
	size: number;
	/** The name the client gave it: display only (see downloadName). */
	name: string;
	/** SHA-256 of its bytes, lower-case hex. */
	sha256: string;
}

/** What a handler receives for a streamedUpload body: nothing is read until it calls store(). */
export interface StreamedUploadBody<T extends FileType, Fields> {
	/**
	 * Reads the body, validates the text fields and writes the file (if one was sent) to
	 * `files` under `key`; call it once, after the route's own checks. It throws the body's
	 * 400/413/415, and then nothing is left in R2. `file` is null when the form carried no
	 * file or an empty one (a browser's file input with nothing chosen).
	 */
	store(files: R2Bucket, key: string): Promise<{ fields: Fields; file: StoredFile<T> | null }>;
}

/** Removes a stored file: for a route whose own write failed after store() succeeded. */
export async function discardStored(files: R2Bucket, key: string): Promise<void> {
	await files.delete(key);
}

/** A file received and written to R2 except for its last part: finish() makes it visible, discard() leaves nothing. */
interface PendingFile<T extends FileType> {
	finish(): Promise<StoredFile<T>>;
	discard(): Promise<void>;
}

/**
 * Streams a file part into R2: the first part (up to R2_PART_BYTES) is held, so a file that
 * fits is one `put`, and a larger one becomes a multipart upload, one part in memory at a
 * time. The type is detected from the first SNIFF_BYTES before anything is written (415);
 * the size is counted as the bytes arrive (413 past `maxBytes`); the SHA-256 is computed on
 * the way. The last part and the completion wait for finish(), so a body refused after the
 * file (a bad field, a truncated end) never makes an object appear. Null for an empty file.
 */
async function receiveFile<T extends FileType>(files: R2Bucket, key: string, part: FilePart, opts: { maxBytes: number; types: readonly T[]; messages: BodyMessages }): Promise<PendingFile<T> | null> {
	// workerd has it on `crypto` only (the types also declare a global that does not exist); the web check's DOM `Crypto` lacks it.
	const hash = new (crypto as Crypto & { DigestStream: typeof DigestStream }).DigestStream('SHA-256');
	const hasher = hash.getWriter();
	hash.digest.catch(() => undefined); // rejects when the hasher is aborted (a refused file); read only on success
	let buffer = new Uint8Array(64 * 1024);
	let filled = 0;
	let size = 0;
	let type: T | null = null;
	let upload: R2MultipartUpload | null = null;
	const parts: R2UploadedPart[] = [];
	const sniff = (head: Uint8Array) => {
		const found = sniffFileType(head, opts.types);
		if (!found) {
			const wrong = opts.messages.wrongContent;
			throw new AppError('unsupported_media_type', { detailKey: wrong, fieldKeys: wrong ? [{ path: FILE_FIELD, key: wrong }] : undefined });
		}
		return found;
	};
	const abort = async () => {
		await hasher.abort().catch(() => undefined);
		await upload?.abort().catch(() => undefined);
	};
	try {
		for await (const chunk of part.chunks) {
			size += chunk.byteLength;
			if (size > opts.maxBytes) throw new AppError('payload_too_large', { detailKey: opts.messages.tooLarge });
			await hasher.write(chunk);
			for (let at = 0; at < chunk.byteLength;) {
				if (filled === R2_PART_BYTES) {
					// A full part with more bytes behind it: not the last one, so it goes now.
					upload ??= await files.createMultipartUpload(key, { httpMetadata: { contentType: type! } });
					parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
					filled = 0;
				}
				const n = Math.min(chunk.byteLength - at, R2_PART_BYTES - filled);
				if (filled + n > buffer.byteLength) {
					const grown = new Uint8Array(Math.min(R2_PART_BYTES, Math.max(filled + n, 2 * buffer.byteLength)));
					grown.set(buffer.subarray(0, filled));
					buffer = grown;
				}
				buffer.set(chunk.subarray(at, at + n), filled);
				filled += n;
				at += n;
				// The first part holds the first SNIFF_BYTES: the type is known before any write.
				if (type === null && filled >= SNIFF_BYTES && parts.length === 0) type = sniff(buffer.subarray(0, SNIFF_BYTES));
			}
		}
		if (size === 0) {
			await abort();
			return null;
		}
		type ??= sniff(buffer.subarray(0, filled));
		await hasher.close();
		const sha256 = toHex(new Uint8Array(await hash.digest));
		const found = type;
		return {
			async finish() {
				try {
					if (upload) {
						parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
						await upload.complete(parts);
					} else {
						await files.put(key, buffer.subarray(0, filled), { httpMetadata: { contentType: found }, sha256 });
					}
				} catch (err) {
					await upload?.abort().catch(() => undefined);
					await files.delete(key).catch(() => undefined);
					throw err;
				}
				return { key, type: found, size, name: part.filename, sha256 };
			},
			discard: abort
		};
	} catch (err) {
		await abort();
		throw err;
	}
}

/** A MultipartError as the problem the client gets: the body's size (413) or an unreadable form (400). */
function multipartProblem(err: unknown, messages: BodyMessages): unknown {
	if (!(err instanceof MultipartError)) return err;
	if (err.problem === 'body_too_large') return new AppError('payload_too_large', { detailKey: messages.tooLarge });
	if (err.problem === 'fields_too_large') return new AppError('payload_too_large');
	return new AppError('malformed_form');
}

/**
 * multipart/form-data with text fields validated by `fields` and at most one optional file
 * in the field `file`, for files too large to buffer (videos): read() reads nothing, and
 * the handler calls `store(files, key)` once its own checks passed (404, 403, 409 before a
 * byte of the file is read). store() streams the body: the file's type is detected from its
 * bytes among `types` (415), it is refused as soon as it passes `maxBytes` (413), it goes to
 * R2 one part at a time with its SHA-256 computed on the way, and any refusal leaves nothing
 * in R2. Text fields are checked with their schema (400) before the file is written when
 * they come first, else at the end. Unknown text fields are ignored; a file in another
 * field, or text in `file`, is 400 on that field.
 */
export function streamedUpload<T extends FileType, F extends FieldsSchema | undefined = undefined>(opts: {
	maxBytes: number;
	types: readonly T[];
	fields?: F;
	messages?: BodyMessages;
	description?: string;
}): BodyKind<'streamed_upload', StreamedUploadBody<T, FieldsOf<F>>> {
	const messages = opts.messages ?? {};
	const bodyMax = opts.maxBytes + STREAMED_OVERHEAD;
	const base = kindBase('streamed_upload', /^multipart\/form-data\b/i, bodyMax, messages);
	const names = Object.keys(opts.fields?.entries ?? {});
	// A field's name is the client's: named in the error only when it looks like one of ours.
	const invalid = (path: string) => (/^[\w.-]{1,64}$/.test(path) ? new AppError('invalid_request', { fieldKeys: [{ path, key: 'invalid_type' }] }) : new AppError('malformed_form'));
	return {
		...base,
		precheck(c) {
			base.precheck(c);
			if (!multipartBoundary(contentType(c))) throw new AppError('malformed_form');
		},
		async read(c) {
			let used = false;
			return {
				async store(files, key) {
					if (used) throw new Error('streamedUpload: store() reads the body once');
					used = true;
					const body = c.req.raw.body;
					if (!body) throw new AppError('malformed_form');
					const raw: Record<string, string> = {};
					let pending: PendingFile<T> | null = null;
					try {
						for await (const part of readMultipart(body, multipartBoundary(contentType(c))!, { maxBodyBytes: bodyMax, maxFieldBytes: STREAMED_FIELD_BYTES })) {
							if (part.kind === 'field') {
								if (part.name === FILE_FIELD) throw invalid(FILE_FIELD);
								if (names.includes(part.name) && !Object.hasOwn(raw, part.name)) raw[part.name] = part.value; // the first value, as FormData.get
								continue;
							}
							if (part.name !== FILE_FIELD) throw invalid(part.name);
							// Fields sent before the file are checked before it is written.
							if (opts.fields) {
								const early = v.safeParse(opts.fields, raw);
								const bad = early.success ? [] : early.issues.filter((issue) => Object.hasOwn(raw, String(issue.path?.[0]?.key)));
								if (bad.length > 0) throw new AppError('invalid_request', { errors: fieldErrors(bad, c.get('locale')) });
							}
							pending = await receiveFile(files, key, part, { maxBytes: opts.maxBytes, types: opts.types, messages });
						}
						const fields = (opts.fields ? parseInput(c, opts.fields, raw) : {}) as FieldsOf<F>;
						const file = pending ? await pending.finish() : null;
						return { fields, file };
					} catch (err) {
						await pending?.discard();
						throw multipartProblem(err, messages);
					}
				}
			};
		},
		openApi(toJson) {
			const fieldSchema = opts.fields ? (toJson(opts.fields) as { properties?: Record<string, Json>; required?: string[] }) : {};
			return {
				required: true,
				description: `Text fields and an optional file (${opts.types.join(', ')}, detected from its bytes), at most ${sizeText(opts.maxBytes)}, streamed to storage.`,
				content: {
					'multipart/form-data': {
						schema: {
							type: 'object',
							...(fieldSchema.required?.length ? { required: fieldSchema.required } : {}),
							properties: {
								...(fieldSchema.properties ?? {}),
								file: { type: 'string', format: 'binary', maxLength: opts.maxBytes, ...(opts.description ? { description: opts.description } : {}) }
							}
						},
						encoding: { file: { contentType: opts.types.join(', ') } }
					}
				}
			};
		}
	};
}

type Tagged<K> = K extends BodyKind<infer N, infer T> ? { kind: N; value: T } : never;

/** One of several kinds, chosen by Content-Type (none matching is 415); the handler gets `{kind, value}`. */
export function either<const K extends readonly BodyKind[]>(...kinds: K): BodyKind<'either', Tagged<K[number]>> {
	const pick = (c: Context<AppEnv>) => {
		const type = contentType(c);
		const found = kinds.find((k) => k.accepts(type));
		if (!found) throw new AppError('unsupported_media_type');
		return found;
	};
	return {
		kind: 'either',
		maxBytes: Math.max(...kinds.map((k) => k.maxBytes)),
		accepts: (type) => kinds.some((k) => k.accepts(type)),
		precheck: (c) => pick(c).precheck(c),
		async read(c) {
			const found = pick(c);
			return { kind: found.kind, value: await found.read(c) } as Tagged<K[number]>;
		},
		openApi(toJson) {
			const parts = kinds.map((k) => k.openApi(toJson));
			return { required: true, description: parts.map((p) => p.description).join(' Or: '), content: Object.assign({}, ...parts.map((p) => p.content)) };
		}
	};
}
