/**
 * A page content stream written as text: glyph runs placed with explicit text matrices and
 * TJ adjustments, plus the few vector operators the documents need (rules, filled squares).
 *
 * The text layer is written for two kinds of readers that rebuild reading order differently:
 * - pdf.js (Firefox) takes glyphs in content order, cuts its text items at marked-content
 *   boundaries and position jumps, and runs its own bidi pass on each item, read as visual.
 * - poppler (pdftotext, most Linux viewers) sorts glyphs by position, ignores content order,
 *   and reorders a line with a simple pass that glues neutral punctuation to digits; it
 *   reads /ActualText.
 * So each line is drawn as directional runs in logical order, each run one marked-content
 * sequence (tagged: /MCID, /Lang on a run in the other language) whose glyphs go left to
 * right in one TJ stream without jumps. A run of the other direction carries an /ActualText
 * wrapped in RLM … LRM, which poppler reads and pdf.js ignores: the marks stop poppler's
 * pass from taking the punctuation next to the run into it. Harakat are drawn as outlines
 * and their letter's font dictionary maps it to the whole cluster (see FontResource).
 */
import type { FontResource } from './font-resource';
import { resourceSuffix } from './font-resource';
import { mirrorCodePoint, type Line, type Segment, type ShapedGlyph } from './shape';

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

const RLM = '\u200F';
const LRM = '\u200E';
/**
 * Punctuation poppler types as part of a number ('#' in its table): '.', ',', ':', '،', '/',
 * '-', '+', '#', '%', '$' (measured: the others stay in place). Only these get a mark: pdf.js
 * reads RLM as left to right, so a mark on every neutral would move spaces between two of them.
 */
const NUMBERISH = /^[#$%+,\-./:\u060C\u066B\u066C]+$/u;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
/** What pdf.js's bidi pass counts as right-to-left (R, AL, AN). */
const PDFJS_RTL = /[\u0590-\u05F4\u0600-\u0605\u0608\u060B\u060D\u061B-\u064A\u0660-\u0669\u066B-\u066F\u0671-\u06D5\u06E5\u06E6\u06EE-\u06EF\u06FA-\u06FF\u0700-\u08AC\uFB50-\uFDFF\uFE70-\uFEFF]/gu;

/**
 * How a line is marked: as an artifact (footers, page numbers), or as content of a structure
 * element whose tag names the marked-content sequences; `mcid` hands out the next MCID for
 * a run (with its language when it differs from the document's).
 */
export type LineMarking = { artifact: true } | { tag: string; mcid: (lang: string | undefined) => number };

export const ARTIFACT: LineMarking = { artifact: true };

/** The language of a run in the other direction: Arabic in a French text, French (Latin letters) in an Arabic one. */
function runLang(text: string, baseLevel: number): string | undefined {
	if (baseLevel === 0) return ARABIC_LETTER.test(text) ? 'ar' : undefined;
	return LATIN_LETTER.test(text) ? 'fr' : undefined;
}

/** A PDF text string in a property list. */
function textString(text: string): string {
	return `<FEFF${utf16Hex(text)}>`;
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

const ZWSP = '\u200B';
const SPACE_TEXT = /^[ \u00a0]$/;
const MARK = /\p{Mn}/u;

/**
 * Spaces pdf.js would misplace, mapped to ZERO WIDTH SPACE + space (which pdf.js keeps as a
 * character, and poppler reads as a space):
 * - at either end of a run: pdf.js drops a space at the end of a text item, and every run is
 *   an item;
 * - before a letter with harakat: pdf.js gives such a glyph no width, so the gap of a plain
 *   space before it would be counted again after it ("ابتدا ءً").
 */
function awkwardSpaces(draws: GlyphDraw[], font: FontResource, resourceName: string): void {
	draws.forEach((d, i) => {
		const edge = i === 0 || i === draws.length - 1;
		if (!SPACE_TEXT.test(d.text) || !(edge || MARK.test(draws[i + 1].text))) return;
		const dir = d.rtl ? 'rtl' : 'ltr';
		const { variant } = font.use(d.glyph, ZWSP + d.text, dir);
		d.text = ZWSP + d.text;
		d.resource = resourceName + resourceSuffix(dir, variant);
	});
}

/**
 * The characters of a cluster in the order the text has them. A ligature with a mark
 * (lam-alef with tanwin: "لًا") lists the ligature's letters before the mark; the source
 * says which letter the mark follows.
 */
function sourceOrder(chars: number[], source: string): number[] {
	if (chars.length < 3) return chars;
	const key = [...chars].sort().join(',');
	const cps = Array.from(source, (c) => c.codePointAt(0) ?? 0);
	for (let i = 0; i + chars.length <= cps.length; i++) {
		const window = cps.slice(i, i + chars.length);
		if ([...window].sort().join(',') === key) return window;
	}
	return chars;
}

interface GlyphDraw {
	glyph: number;
	rtl: boolean;
	/** Where the glyph origin goes, in points. */
	x: number;
	rise: number;
	/** Its natural advance in points (the /W width). */
	natural: number;
	resource: string;
	hex: string;
	/** What the font dictionary maps it to. */
	text: string;
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
	 * Draws a laid-out line with its left edge at `x` and baseline at `y`, run by run in
	 * logical order (see the module comment), marked as `marking` says.
	 */
	line(line: Line, font: FontResource, resourceName: string, size: number, x: number, y: number, color: Rgb = [0, 0, 0], marking: LineMarking = ARTIFACT): void {
		const scale = size / font.loaded.font.unitsPerEm;
		const starts: number[] = [];
		let acc = x;
		for (const segment of line.segments) {
			starts.push(acc);
			acc += segment.width * scale;
		}
		// Runs: logical stretches at the paragraph's level or embedded above it.
		const runs: number[][] = [];
		line.logical.forEach((segment, k) => {
			const embedded = segment.level > line.baseLevel;
			const last = runs[runs.length - 1];
			if (last && line.logical[last[0]].level > line.baseLevel === embedded) last.push(k);
			else runs.push([k]);
		});
		const out: string[] = [];
		const outlines: string[] = [];
		if ('artifact' in marking) out.push('/Artifact BMC');
		for (const run of runs) {
			const visual = run.map((k) => line.visualIndex[k]);
			const first = Math.min(...visual);
			const last = Math.max(...visual);
			const draws: GlyphDraw[] = [];
			for (let v = first; v <= last; v++) this.collect(line.segments[v], font, resourceName, scale, starts[v], y, draws, outlines);
			if (draws.length === 0) continue;
			awkwardSpaces(draws, font, resourceName);
			const embedded = line.logical[run[0]].level > line.baseLevel;
			const runRtl = (line.baseLevel + (embedded ? 1 : 0)) % 2 === 1;
			const text = draws.map((d) => d.text).join('');
			const props: string[] = [];
			let tag = 'Span';
			if ('artifact' in marking) {
				if (embedded) props.push(`/ActualText ${textString(RLM + text + LRM)}`);
			} else {
				const lang = embedded ? runLang(text, line.baseLevel) : undefined;
				tag = embedded ? 'Span' : marking.tag;
				props.push(`/MCID ${marking.mcid(lang)}`);
				if (lang) props.push(`/Lang (${lang})`);
				if (embedded) props.push(`/ActualText ${textString(RLM + text + LRM)}`);
			}
			if (props.length > 0) out.push(`/${tag} <<${props.join(' ')}>> BDC`);
			out.push('BT', `${color.map(num).join(' ')} rg`);
			// pdf.js reads an item as left to right unless enough of it is Arabic; a
			// right-to-left run that is mostly punctuation goes glyph by glyph in reading order.
			const strong = text.match(PDFJS_RTL)?.length ?? 0;
			const pdfjsLtr = strong === 0 || (strong / text.length < 0.3 && text.length > 4);
			if (runRtl && pdfjsLtr) this.glyphByGlyph(draws, size, y, out);
			else this.stream(draws, size, y, out);
			out.push('ET');
			if (props.length > 0) out.push('EMC');
		}
		if (outlines.length > 0) {
			if (!('artifact' in marking)) out.push('/Artifact BMC');
			out.push(`q ${color.map(num).join(' ')} rg`, ...outlines, 'Q');
			if (!('artifact' in marking)) out.push('EMC');
		}
		if ('artifact' in marking) out.push('EMC');
		this.parts.push(out.join('\n'));
	}

	/** The glyphs of one segment (visual order) as draws, its marks as outlines. */
	private collect(segment: Segment, font: FontResource, resourceName: string, scale: number, left: number, y: number, draws: GlyphDraw[], outlines: string[]): void {
		const dir = segment.level % 2 === 1 ? 'rtl' : 'ltr';
		let pen = left;
		for (const cluster of clusters(segment.glyphs, dir)) {
			const base = cluster.find((g) => g.xAdvance !== 0) ?? cluster[0];
			// The cluster's characters in the dictionary's order: logical for left to right,
			// mirrored back and reversed (visual) for right to left.
			const logical = dir === 'rtl' ? [...cluster].reverse() : cluster;
			let chars = sourceOrder(
				logical.flatMap((g) => g.codePoints),
				segment.text
			);
			if (dir === 'rtl') chars = chars.map(mirrorCodePoint).reverse();
			let text = String.fromCodePoint(...chars);
			// poppler counts '.', ':', ',' and '،' with the digits (left to right) and would carry
			// the space before them along; a right-to-left mark on their left stops it.
			if (dir === 'rtl' && NUMBERISH.test(text)) text = RLM + text;
			let origin = pen;
			for (const g of cluster) {
				if (g === base) {
					const { variant, hex } = font.use(g.id, text, dir);
					draws.push({
						glyph: g.id,
						rtl: dir === 'rtl',
						x: origin + g.xOffset * scale,
						rise: g.yOffset * scale,
						natural: font.loaded.font.getGlyph(g.id).advanceWidth * scale,
						resource: resourceName + resourceSuffix(dir, variant),
						hex,
						text
					});
				} else {
					// A mark (shadda, harakat): an outline; its letter carries its character.
					outlines.push(glyphOutline(font, g.id, origin + g.xOffset * scale, y + g.yOffset * scale, scale));
				}
				origin += g.xAdvance * scale;
			}
			pen = origin;
		}
	}

	/** One text position, then every glyph placed by TJ adjustments: no jump for a reader to cut at. */
	private stream(draws: GlyphDraw[], size: number, y: number, out: string[]): void {
		let resource = '';
		let rise = 0;
		let tj: string[] = [];
		const flush = () => {
			if (tj.length > 0) out.push(`[${tj.join('')}] TJ`);
			tj = [];
		};
		let current = draws[0].x;
		out.push(`1 0 0 1 ${num(current)} ${num(y)} Tm`);
		for (const d of draws) {
			if (d.resource !== resource) {
				flush();
				out.push(`/${d.resource} ${num(size)} Tf`);
				resource = d.resource;
			}
			if (Math.abs(d.rise - rise) > 0.0005) {
				flush();
				out.push(`${num(d.rise)} Ts`);
				rise = d.rise;
			}
			const adjust = ((current - d.x) * 1000) / size;
			if (Math.abs(adjust) > 0.001) tj.push(num(adjust) + ' ');
			tj.push(`<${d.hex}>`);
			current = d.x + d.natural;
		}
		flush();
		if (rise !== 0) out.push('0 Ts');
	}

	/** Each glyph at its own position, in reading order (right to left). */
	private glyphByGlyph(draws: GlyphDraw[], size: number, y: number, out: string[]): void {
		let resource = '';
		for (const d of [...draws].reverse()) {
			if (d.resource !== resource) {
				out.push(`/${d.resource} ${num(size)} Tf`);
				resource = d.resource;
			}
			out.push(`1 0 0 1 ${num(d.x)} ${num(y + d.rise)} Tm`, `<${d.hex}> Tj`);
		}
	}

	/** Vector content that is not text (rules, QR modules): an artifact for assistive technology. */
	private artifact(body: string): void {
		this.parts.push(`/Artifact BMC\n${body}\nEMC`);
	}

	rule(x1: number, y1: number, x2: number, y2: number, width: number, color: Rgb): void {
		this.artifact(`q ${color.map(num).join(' ')} RG ${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
	}

	/** Filled rectangles in one path (used for QR modules). */
	rects(rects: { x: number; y: number; w: number; h: number }[], color: Rgb): void {
		const body = rects.map((r) => `${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re`).join('\n');
		this.artifact(`q ${color.map(num).join(' ')} rg\n${body}\nf Q`);
	}

	toString(): string {
		return this.parts.join('\n') + '\n';
	}
}
