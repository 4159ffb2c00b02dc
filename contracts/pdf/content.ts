/**
 * A page content stream written as text: glyph runs placed with explicit text matrices and
 * TJ adjustments, plus the few vector operators the documents need (rules, filled squares).
 */
import type { FontResource } from './font-resource';
import { mirrorCodePoint, type Line, type ShapedGlyph } from './shape';

/** A number as PDF content wants it: at most 3 decimals, no exponent, no "-0". */
export function num(value: number): string {
	const rounded = Math.round(value * 1000) / 1000;
	return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

function utf16Hex(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
	return out;
}

/**
 * Groups glyphs (visual order) into a base glyph and its zero-advance marks. In a
 * right-to-left run the marks come just before (left of) their base in visual order.
 */
function clusters(glyphs: ShapedGlyph[], dir: 'ltr' | 'rtl'): ShapedGlyph[][] {
	const out: ShapedGlyph[][] = [];
	if (dir === 'rtl') {
		let pending: ShapedGlyph[] = [];
		for (const g of glyphs) {
			pending.push(g);
			if (g.xAdvance !== 0) {
				out.push(pending);
				pending = [];
			}
		}
		if (pending.length) out.push(pending);
	} else {
		for (const g of glyphs) {
			const last = out[out.length - 1];
			if (g.xAdvance === 0 && last) last.push(g);
			else out.push([g]);
		}
	}
	return out;
}

/** A glyph's outline as a filled path at (x, y), in points. */
function glyphOutline(font: FontResource, glyphId: number, x: number, y: number, scale: number): string {
	const path = font.loaded.font.getGlyph(glyphId).path as unknown as { commands: { command: string; args: number[] }[] };
	const ops: string[] = [];
	let cx = 0;
	let cy = 0;
	const pt = (px: number, py: number) => `${num(x + px * scale)} ${num(y + py * scale)}`;
	for (const { command, args } of path.commands) {
		if (command === 'moveTo' || command === 'lineTo') {
			ops.push(`${pt(args[0], args[1])} ${command === 'moveTo' ? 'm' : 'l'}`);
			[cx, cy] = args;
		} else if (command === 'quadraticCurveTo') {
			const [qx, qy, ex, ey] = args;
			const c1 = pt(cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy));
			const c2 = pt(ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey));
			ops.push(`${c1} ${c2} ${pt(ex, ey)} c`);
			[cx, cy] = [ex, ey];
		} else if (command === 'bezierCurveTo') {
			ops.push(`${pt(args[0], args[1])} ${pt(args[2], args[3])} ${pt(args[4], args[5])} c`);
			[cx, cy] = [args[4], args[5]];
		} else if (command === 'closePath') {
			ops.push('h');
		}
	}
	return ops.length > 0 ? ops.join(' ') + ' f' : '';
}

export type Rgb = readonly [number, number, number];

export class ContentBuilder {
	private readonly parts: string[] = [];

	/**
	 * Draws a laid-out line with its left edge at `x` and baseline at `y`.
	 *
	 * Glyphs are emitted run by run in visual order, left to right; each right-to-left run is
	 * drawn the way fontkit returns it (already reversed) with the right-to-left font
	 * dictionary. Extractors sort by position anyway (poppler ignores the stream order) and
	 * rebuild logical order from the Unicode bidi classes; see FontResource.
	 */
	line(line: Line, font: FontResource, resourceName: string, size: number, x: number, y: number, color: Rgb = [0, 0, 0]): void {
		const upem = font.loaded.font.unitsPerEm;
		const scale = size / upem;
		const toThousandths = 1000 / upem;
		const out: string[] = [`BT`, `${color.map(num).join(' ')} rg`];
		let currentFont = '';
		const outlines: string[] = [];
		let pen = x;
		for (const segment of line.segments) {
			const dir = segment.level % 2 === 1 ? 'rtl' : 'ltr';
			const name = dir === 'rtl' ? `${resourceName}r` : resourceName;
			if (name !== currentFont) {
				out.push(`/${name} ${num(size)} Tf`);
				currentFont = name;
			}
			let tj: string[] = [];
			let open = false;
			const flush = () => {
				if (tj.length > 0) out.push(`[${tj.join('')}] TJ`);
				tj = [];
				open = false;
			};
			for (const cluster of clusters(segment.glyphs, dir)) {
				const base = cluster.find((g) => g.xAdvance !== 0);
				if (cluster.length > 1 && base) {
					// A letter with marks (shadda, harakat). poppler sets a zero-width mark glyph
					// apart (on a line of its own, or as a word break), so marks are drawn as
					// outlines instead of text, and the letter carries the cluster's characters
					// as ActualText, in the visual order the font dictionaries use.
					flush();
					const logical = dir === 'rtl' ? [...cluster].reverse() : cluster;
					let chars = logical.flatMap((g) => g.codePoints);
					if (dir === 'rtl') chars = chars.map(mirrorCodePoint).reverse();
					let origin = pen;
					for (const g of cluster) {
						if (g === base) {
							const hex = font.use(g.id, g.codePoints, dir, mirrorCodePoint);
							out.push(
								`/Span <</ActualText <FEFF${utf16Hex(String.fromCodePoint(...chars))}>>> BDC`,
								`1 0 0 1 ${num(origin + g.xOffset * scale)} ${num(y + g.yOffset * scale)} Tm`,
								`<${hex}> Tj`,
								'EMC'
							);
						} else {
							outlines.push(glyphOutline(font, g.id, origin + g.xOffset * scale, y + g.yOffset * scale, scale));
						}
						origin += g.xAdvance * scale;
					}
					pen = origin;
					continue;
				}
				const [g] = cluster;
				const hex = font.use(g.id, g.codePoints, dir, mirrorCodePoint);
				if (g.xOffset !== 0 || g.yOffset !== 0) {
					flush();
					const rise = g.yOffset * scale;
					out.push(`1 0 0 1 ${num(pen + g.xOffset * scale)} ${num(y)} Tm`, rise ? `${num(rise)} Ts <${hex}> Tj 0 Ts` : `<${hex}> Tj`);
				} else {
					if (!open) {
						out.push(`1 0 0 1 ${num(pen)} ${num(y)} Tm`);
						open = true;
					}
					tj.push(`<${hex}>`);
					const natural = font.loaded.font.getGlyph(g.id).advanceWidth;
					const adjust = (natural - g.xAdvance) * toThousandths;
					if (Math.abs(adjust) > 0.001) tj.push(num(adjust) + ' ');
				}
				pen += g.xAdvance * scale;
			}
			flush();
		}
		out.push('ET');
		if (outlines.length > 0) out.push(`q ${color.map(num).join(' ')} rg`, ...outlines, 'Q');
		this.parts.push(out.join('\n'));
	}

	rule(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
		this.parts.push(`q ${color.map(num).join(' ')} RG ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
	}

	/** Filled rectangles in one path (used for QR modules). */
	rects(rects: { x: number; y: number; w: number; h: number }[], color: Rgb): void {
		const body = rects.map((r) => `${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re`).join('\n');
		this.parts.push(`q ${color.map(num).join(' ')} rg\n${body}\nf Q`);
	}

	toString(): string {
		return this.parts.join('\n') + '\n';
	}
}
