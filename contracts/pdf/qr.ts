/** A QR code drawn as vector squares (no image), with the standard 4-module quiet zone. */
import { encode } from 'uqr';
import type { ContentBuilder } from './content';

/** Draws `text` as a QR code filling a `size`-point square whose lower-left corner is (x, y). */
export function drawQrCode(content: ContentBuilder, text: string, x: number, y: number, size: number): void {
	const qr = encode(text, { ecc: 'M', border: 4 });
	const modules = qr.data.length;
	const unit = size / modules;
	const rects: { x: number; y: number; w: number; h: number }[] = [];
	qr.data.forEach((row, r) => {
		// Merge horizontal runs of dark modules into one rectangle each.
		let c = 0;
		while (c < row.length) {
			if (!row[c]) {
				c++;
				continue;
			}
			let end = c;
			while (end < row.length && row[end]) end++;
			rects.push({ x: x + c * unit, y: y + size - (r + 1) * unit, w: (end - c) * unit, h: unit });
			c = end;
		}
	});
	content.rects(rects, [0, 0, 0]);
}
