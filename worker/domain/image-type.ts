/**
 * Detects an uploaded image's type from its first bytes (magic numbers), never from the
 * declared Content-Type or file name, which the client controls.
 */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/** The image type of these bytes, or null when they are not PNG, JPEG or WebP. */
export function sniffImageType(head: Uint8Array): ImageType | null {
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	// RIFF <size> WEBP
	if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
	return null;
}
