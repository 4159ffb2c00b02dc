/**
 * Files served as downloads (agreement PDFs, the personal-data export, deliverables' drafts
 * from R2), with headers written once: the type we detected or produced, never the
 * uploader's; `attachment`, so a browser saves rather than renders; `nosniff`; a CSP that
 * sandboxes the file should a browser render it anyway (an HTML or SVG file disguised as a
 * video can run no script, reach nothing and read no cookie); and no caching, since every
 * file is private to the people who may fetch it.
 */
import { AppError } from './errors';
import { type FileType, fileExtension } from './domain/file-types';

/** Control characters, bidirectional controls (a name that reads `gpj.exe` backwards) and characters file systems refuse. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;
const MAX_NAME_CHARS = 100;

/**
 * A download's file name from the uploader's: without any folder, unsafe characters or
 * extension, at most 100 characters, then the extension of the type detected from the
 * bytes (`clip.exe` detected as MP4 is saved as `clip.mp4`). `fallback` when nothing is left.
 */
export function downloadName(name: string, type: FileType, fallback = 'file'): string {
	const base = name.split(/[/\\]/).pop() ?? '';
	const dot = base.lastIndexOf('.');
	const stem = (dot > 0 ? base.slice(0, dot) : base)
		.replace(UNSAFE_IN_NAME, '_')
		.replace(/^[\s.]+|[\s.]+$/g, '')
		.slice(0, MAX_NAME_CHARS);
	return `${stem || fallback}.${fileExtension(type)}`;
}

/** RFC 8187 attr-chars: encodeURIComponent leaves ' ( ) * as they are, which `filename*` may not hold. */
const encodeExtValue = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the name twice (RFC 6266): `filename` in plain ASCII for old clients
 * (accents dropped, anything else, quotes, backslashes and `%` replaced by `_`) and the
 * exact name in `filename*`, which browsers prefer.
 */
export function contentDisposition(name: string): string {
	const clean = name.replace(UNSAFE_IN_NAME, '_');
	const ascii = clean
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}

/** The headers of a download: its type, name and size, and the safety headers above. */
export function attachmentHeaders(opts: { type: string; name: string; size?: number }): Record<string, string> {
	return {
		'content-type': opts.type,
		'content-disposition': contentDisposition(opts.name),
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'cache-control': 'private, no-store',
		...(opts.size !== undefined ? { 'content-length': String(opts.size) } : {})
	};
}

/**
 * The R2 object at `key` as a download, streamed from R2. `type` is the one stored when
 * the file was received (detected from its bytes), `name` a downloadName(). 404 when the
 * object is gone.
 */
export async function downloadObject(files: R2Bucket, key: string, opts: { type: string; name: string }): Promise<Response> {
	const object = await files.get(key);
	if (!object) throw new AppError('not_found');
	return new Response(object.body, { headers: attachmentHeaders({ ...opts, size: object.size }) });
}
