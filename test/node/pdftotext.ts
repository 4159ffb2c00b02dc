/** Reading a PDF back as text with poppler's pdftotext, as another reader would (node tests). */
import { execFileSync } from 'node:child_process';

/** pdftotext wraps right-to-left and left-to-right stretches in embedding marks; our text layer adds RLM, LRM and ZWSP (see contracts/pdf/content.ts). */
export const BIDI_MARKS = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The text of `file` (with `-layout` when asked), marks removed and no-break spaces made plain. */
export function pdftotext(file: string, layout: boolean): string {
	return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
		.replace(BIDI_MARKS, '')
		.replace(/[\u00a0\u202f]/g, ' ');
}
