/**
 * Detects an uploaded file's type from its first bytes (magic numbers), never from the
 * declared Content-Type or file name, which the client controls.
 */
export const FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'video/mp4', 'video/quicktime', 'video/webm'] as const;

/** A type we can recognise from the bytes. */
export type FileType = (typeof FILE_TYPES)[number];

/** The images a screenshot may be. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const satisfies readonly FileType[];

export type ImageType = (typeof IMAGE_TYPES)[number];

/** The videos a deliverable's draft may be. */
export const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const satisfies readonly FileType[];

export type VideoType = (typeof VIDEO_TYPES)[number];

/** An image or a video (a deliverable's draft). */
export const MEDIA_TYPES = [...IMAGE_TYPES, ...VIDEO_TYPES] as const satisfies readonly FileType[];

export type MediaType = (typeof MEDIA_TYPES)[number];

/** How many leading bytes the signatures look at. */
export const SNIFF_BYTES = 1024;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether `sig` occurs in `bytes` (small inputs: the first KiB). */
const contains = (bytes: Uint8Array, sig: number[]) => {
	for (let i = 0; i + sig.length <= bytes.length; i++) if (startsWith(bytes, sig, i)) return true;
	return false;
};

const ascii = (bytes: Uint8Array, from: number, length: number) => (bytes.length >= from + length ? String.fromCharCode(...bytes.subarray(from, from + length)) : '');

/**
 * ISO base media files (MP4, QuickTime) open with an `ftyp` box: its size (4 bytes), `ftyp`,
 * then the major brand, which says what the file is. Only the major brand decides: M4A
 * audio or HEIC images also list `isom` among their compatible brands.
 */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'M4VH', 'M4VP', 'mmp4', 'MSNV']);
const majorBrand = (h: Uint8Array) => (ascii(h, 4, 4) === 'ftyp' ? ascii(h, 8, 4) : null);

/** The EBML header's DocType (`webm` or `matroska`), read from the element 0x4282 in the first bytes. */
function ebmlDocType(h: Uint8Array): string | null {
	if (!startsWith(h, [0x1a, 0x45, 0xdf, 0xa3])) return null;
	const end = Math.min(h.length, 64);
	for (let i = 4; i + 2 < end; i++) {
		if (h[i] !== 0x42 || h[i + 1] !== 0x82) continue;
		// The size is an EBML variable-length integer: its first byte's leading zeros say how many bytes follow.
		const first = h[i + 2];
		const width = Math.clz32(first) - 23;
		if (width < 1 || width > 8) return null;
		let size = first & (0xff >> width);
		for (let k = 1; k < width; k++) size = size * 256 + (h[i + 2 + k] ?? 0);
		// Some muxers pad the string with NULs.
		return ascii(h, i + 2 + width, Math.min(size, 16)).replace(/\0+$/, '') || null;
	}
	return null;
}

const SIGNATURES: Record<FileType, (head: Uint8Array) => boolean> = {
	'image/png': (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	'image/jpeg': (h) => startsWith(h, [0xff, 0xd8, 0xff]),
	// RIFF <size> WEBP
	'image/webp': (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8),
	// `%PDF-` anywhere in the first KiB, as PDF readers accept it (and contracts/seal/verify.ts reads it).
	'application/pdf': (h) => contains(h.subarray(0, SNIFF_BYTES), PDF_HEADER),
	'video/mp4': (h) => MP4_BRANDS.has(majorBrand(h) ?? ''),
	// `ftypqt  `; QuickTime files older than the ftyp box (2001) are not recognised.
	'video/quicktime': (h) => majorBrand(h) === 'qt  ',
	// EBML magic with DocType `webm` (Matroska's `matroska` is another format).
	'video/webm': (h) => ebmlDocType(h) === 'webm'
};

/** The first of `among` whose signature these bytes carry, or null. */
export function sniffFileType<T extends FileType>(head: Uint8Array, among: readonly T[]): T | null {
	return among.find((type) => SIGNATURES[type](head)) ?? null;
}

const EXTENSIONS: Record<FileType, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'application/pdf': 'pdf',
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm'
};

/** The file name extension (without the dot) for a detected type: download names end with it, whatever the uploader called the file. */
export const fileExtension = (type: FileType): string => EXTENSIONS[type];

/** A proof of payment (issue 13): a screenshot or a receipt, image or PDF. */
export const PROOF_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const satisfies readonly FileType[];
/** At most 10 MB (decimal). */
export const MAX_PROOF_BYTES = 10_000_000;
