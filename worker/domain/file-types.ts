/**
 * Detects an uploaded file's type from its first bytes (magic numbers), never from the
 * declared Content-Type or file name, which the client controls.
 */
export const FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;

/** A type we can recognise from the bytes. */
export type FileType = (typeof FILE_TYPES)[number];

/** The images a screenshot may be. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const satisfies readonly FileType[];

export type ImageType = (typeof IMAGE_TYPES)[number];

/** How many leading bytes the signatures look at. */
export const SNIFF_BYTES = 1024;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether `sig` occurs in `bytes` (small inputs: the first KiB). */
const contains = (bytes: Uint8Array, sig: number[]) => {
	for (let i = 0; i + sig.length <= bytes.length; i++) if (startsWith(bytes, sig, i)) return true;
	return false;
};

const SIGNATURES: Record<FileType, (head: Uint8Array) => boolean> = {
	'image/png': (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	'image/jpeg': (h) => startsWith(h, [0xff, 0xd8, 0xff]),
	// RIFF <size> WEBP
	'image/webp': (h) => startsWith(h, [0x52, 0x49, 0x46, 0x46]) && startsWith(h, [0x57, 0x45, 0x42, 0x50], 8),
	// `%PDF-` anywhere in the first KiB, as PDF readers accept it (and contracts/seal/verify.ts reads it).
	'application/pdf': (h) => contains(h.subarray(0, SNIFF_BYTES), PDF_HEADER)
};

/** The first of `among` whose signature these bytes carry, or null. */
export function sniffFileType<T extends FileType>(head: Uint8Array, among: readonly T[]): T | null {
	return among.find((type) => SIGNATURES[type](head)) ?? null;
}
