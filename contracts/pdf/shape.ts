/**
 * Paragraph layout for mixed Arabic / Latin text: bidi levels (bidi-js), shaping per
 * directional run (fontkit: joined Arabic forms, ligatures, kerning, GPOS offsets), greedy
 * line breaking on spaces measured with shaped widths, and per-line visual reordering.
 * Pure functions over a parsed font; nothing here knows about PDF objects.
 */
import bidiFactory from 'bidi-js';
import type { Font } from '@pdf-lib/fontkit';

export type Direction = 'ltr' | 'rtl';

/** One positioned glyph, in font units. */
export interface ShapedGlyph {
	id: number;
	xAdvance: number;
	xOffset: number;
	yOffset: number;
	codePoints: number[];
}

/** A directional run: glyphs in visual (left-to-right) order. */
export interface Segment {
	text: string;
	level: number;
	glyphs: ShapedGlyph[];
	/** Width in font units. */
	width: number;
}

/** A laid-out line: segments in visual order, spaces included, widths in points. */
export interface Line {
	segments: Segment[];
	width: number;
	/** The same segments in logical (reading) order. */
	logical: Segment[];
	/** For each logical segment, its index in `segments` (a cached segment may appear twice). */
	visualIndex: number[];
	/** 0 for a left-to-right paragraph, 1 for a right-to-left one. */
	baseLevel: number;
}

type Bidi = ReturnType<typeof bidiFactory>;
let bidiInstance: Bidi | undefined;
function bidi(): Bidi {
	bidiInstance ??= bidiFactory();
	return bidiInstance;
}

/** The bidi mirror of a code point (brackets, guillemets), or the code point itself. */
export function mirrorCodePoint(cp: number): number {
	const mirrored = bidi().getMirroredCharacter(String.fromCodePoint(cp));
	return mirrored ? (mirrored.codePointAt(0) ?? cp) : cp;
}

const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const SPACES = /[\u2000-\u200A\u202F\u205F]/g;

/**
 * The text as the font can draw it: bidi controls have done their work in the levels and
 * are not drawn; spaces the font lacks (narrow no-break, thin, figure) use its no-break space.
 */
function drawable(font: Font, text: string): string {
	return text.replace(BIDI_CONTROLS, '').replace(SPACES, (ch) => (font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) ? ch : '\u00a0'));
}

/** Shaped runs of one font, keyed by level and text. */
export type ShapeCache = Map<string, Segment>;

/**
 * Shaped runs per font for the whole isolate: agreements share almost all their words, and
 * shaping (GSUB/GPOS) is most of a render's CPU. A segment depends only on its font, text
 * and level — `shapeUncached` gives each run fresh glyph meanings — so a cached segment is
 * the one this document would have shaped itself, and the bytes stay the same whatever was
 * rendered before. Bounded: the map starts over past SHARED_RUNS entries.
 */
const shared = new WeakMap<Font, ShapeCache>();
export const SHARED_RUNS = 20_000;

function sharedCache(font: Font): ShapeCache {
	let cache = shared.get(font);
	if (!cache || cache.size > SHARED_RUNS) shared.set(font, (cache = new Map()));
	return cache;
}

/** Shapes one run of uniform direction (segments are never mutated, so they can be shared). */
export function shapeRun(font: Font, text: string, level: number, cache: ShapeCache = sharedCache(font)): Segment {
	const key = `${level}|${text}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const segment = shapeUncached(font, text, level);
	cache.set(key, segment);
	return segment;
}

function shapeUncached(font: Font, text: string, level: number): Segment {
	// fontkit keeps one Glyph per id carrying the code points of the first text that made it;
	// starting each run from an empty table makes a glyph's meaning this run's own.
	(font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
	const rtl = level % 2 === 1;
	let source = drawable(font, text);
	if (rtl) {
		// Mirrored pairs (parentheses, brackets) take their mirror image in a right-to-left run.
		source = Array.from(source, (ch) => bidi().getMirroredCharacter(ch) ?? ch).join('');
	}
	const layout = font.layout as unknown as (text: string, features: string[], script: string | undefined, language: string | undefined, direction: Direction) => ReturnType<Font['layout']>;
	const run = layout.call(font, source, [], undefined, undefined, rtl ? 'rtl' : 'ltr');
	const glyphs = run.glyphs.map((g, i) => {
		const p = run.positions[i];
		return { id: g.id, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset, codePoints: [...g.codePoints] };
	});
	// fontkit leaves a right-to-left run in visual order already; a neutral-only run shaped
	// as 'rtl' is reversed the same way.
	let width = 0;
	for (const g of glyphs) width += g.xAdvance;
	return { text, level, glyphs, width };
}

interface Word {
	segments: Segment[];
	/** Font units. */
	width: number;
	/** Level of the space that follows the word (if any). */
	spaceLevel: number;
	/** A piece of a cut token: no space follows it. */
	glue: boolean;
}

/**
 * Embedding levels for a paragraph, with two fixes for contract text: spaces that group
 * digits ("25 000") and spaces between two left-to-right tokens inside a right-to-left
 * paragraph ("25 000 DA") stay left-to-right, so amounts and codes read as one unit.
 */
export function paragraphLevels(text: string, direction: Direction): Uint8Array {
	const grouped = text.replace(/(?<=\d) (?=\d{3}(?!\d))/g, '\u00a0');
	const levels = bidi().getEmbeddingLevels(grouped, direction).levels.slice();
	if (direction === 'rtl') {
		keepLatinTokensLtr(grouped, levels);
		let i = 0;
		while (i < text.length) {
			if (text[i] !== ' ') {
				i++;
				continue;
			}
			let j = i;
			while (j < text.length && text[j] === ' ') j++;
			const before = i > 0 ? levels[i - 1] : 1;
			const after = j < text.length ? levels[j] : 1;
			if (before % 2 === 0 && after % 2 === 0) {
				const level = Math.min(before, after);
				for (let k = i; k < j; k++) levels[k] = level;
			}
			i = j;
		}
	}
	return levels;
}

const STRONG_RTL = new Set(['R', 'AL']);
const LTR_ANCHOR = new Set(['L', 'EN', 'AN']);
const LEADING_PUNCT = /^[([{«"'“‘]+/;
const TRAILING_PUNCT = /[)\]}»"'”’.,;:!?؟،؛…]+$/;

/**
 * A token (between spaces) with no right-to-left letter — a code such as "NOUR10", a hashtag
 * "#sponsorisé", a reference "16/00-1234567", a hash — is laid out left to right as one unit
 * inside a right-to-left paragraph. Plain UBA would let the '#' or '-' take the paragraph's
 * direction and would read digits after Arabic letters as Arabic numbers, scrambling them.
 * Surrounding brackets and sentence punctuation keep the paragraph's direction.
 */
function keepLatinTokensLtr(text: string, levels: Uint8Array): void {
	const types = Array.from(text, (ch) => bidi().getBidiCharTypeName(ch));
	for (const m of text.matchAll(/[^ ]+/g)) {
		const start = m.index ?? 0;
		const token = m[0];
		const chars = types.slice(start, start + token.length);
		if (chars.some((t) => STRONG_RTL.has(t)) || !chars.some((t) => LTR_ANCHOR.has(t))) continue;
		const lead = LEADING_PUNCT.exec(token)?.[0].length ?? 0;
		const trail = TRAILING_PUNCT.exec(token.slice(lead))?.[0].length ?? 0;
		for (let k = start + lead; k < start + token.length - trail; k++) levels[k] = 2;
	}
}

function splitByLevel(font: Font, text: string, levels: Uint8Array, start: number, end: number, cache?: ShapeCache): Segment[] {
	const out: Segment[] = [];
	let runStart = start;
	for (let i = start + 1; i <= end; i++) {
		if (i === end || levels[i] !== levels[runStart]) {
			out.push(shapeRun(font, text.slice(runStart, i), levels[runStart], cache));
			runStart = i;
		}
	}
	return out;
}

/** Splits an over-long left-to-right token (a hash, a URL) into pieces that fit. */
function breakToken(font: Font, text: string, level: number, maxUnits: number): Segment[] {
	const pieces: Segment[] = [];
	let start = 0;
	while (start < text.length) {
		let end = start + 1;
		let best = shapeRun(font, text.slice(start, end), level);
		while (end < text.length) {
			const next = shapeRun(font, text.slice(start, end + 1), level);
			if (next.width > maxUnits) break;
			best = next;
			end++;
		}
		pieces.push(best);
		start = end;
	}
	return pieces;
}

/**
 * Lays a paragraph out into lines no wider than `maxWidth` points at `size` points.
 * Words break at spaces; a word wider than a line is cut between characters.
 */
export function layoutParagraph(font: Font, text: string, size: number, maxWidth: number, direction: Direction, cache?: ShapeCache): Line[] {
	// Presentation forms in the input (pasted from a PDF) become plain letters: the shaper
	// picks the forms itself, and the text layer must never carry them.
	const clean = text
		.replace(/[\uFB50-\uFDFF\uFE70-\uFEFE]/g, (ch) => ch.normalize('NFKC'))
		// Breakable white space becomes one space; no-break spaces (U+00A0, U+202F in
		// "37 500 DA") stay inside their word.
		.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ')
		.trim();
	if (!clean) return [];
	const unitsPerPoint = font.unitsPerEm / size;
	const maxUnits = maxWidth * unitsPerPoint;
	const levels = paragraphLevels(clean, direction);
	const baseLevel = direction === 'rtl' ? 1 : 0;

	const words: Word[] = [];
	let i = 0;
	while (i < clean.length) {
		let j = i;
		while (j < clean.length && clean[j] !== ' ') j++;
		const spaceLevel = j < clean.length ? levels[j] : baseLevel;
		const segments = splitByLevel(font, clean, levels, i, j, cache);
		const width = segments.reduce((w, s) => w + s.width, 0);
		if (width > maxUnits) {
			// Cut into pieces that each fit a line; no space is drawn between the pieces.
			for (const seg of segments) {
				for (const piece of seg.width > maxUnits ? breakToken(font, seg.text, seg.level, maxUnits) : [seg]) {
					words.push({ segments: [piece], width: piece.width, spaceLevel, glue: true });
				}
			}
			words[words.length - 1].glue = false;
		} else {
			words.push({ segments, width, spaceLevel, glue: false });
		}
		i = j + 1;
	}

	const space = shapeRun(font, ' ', baseLevel, cache);
	const lines: Line[] = [];
	let current: Word[] = [];
	let currentWidth = 0;
	for (const word of words) {
		const previous = current[current.length - 1];
		const gap = previous && !previous.glue ? space.width : 0;
		if (previous && currentWidth + gap + word.width > maxUnits) {
			lines.push(buildLine(font, current, space, baseLevel, size, cache));
			current = [word];
			currentWidth = word.width;
		} else {
			current.push(word);
			currentWidth += gap + word.width;
		}
	}
	if (current.length > 0) lines.push(buildLine(font, current, space, baseLevel, size, cache));
	return lines;
}

/** Assembles a line and reorders its segments for display (UAX #9, rule L2). */
function buildLine(font: Font, words: Word[], space: Segment, baseLevel: number, size: number, cache?: ShapeCache): Line {
	const logical: Segment[] = [];
	words.forEach((word, k) => {
		logical.push(...word.segments);
		if (k < words.length - 1 && !word.glue) {
			logical.push(word.spaceLevel === space.level ? space : shapeRun(font, ' ', word.spaceLevel, cache));
		}
	});
	const levels = logical.map((s) => s.level);
	const maxLevel = Math.max(baseLevel, ...levels);
	const minOdd = Math.min(...levels.filter((l) => l % 2 === 1), maxLevel + 1);
	const order = logical.map((_, k) => k);
	for (let level = maxLevel; level >= minOdd && level >= 1; level--) {
		let k = 0;
		while (k < order.length) {
			if (levels[order[k]] >= level) {
				let e = k;
				while (e < order.length && levels[order[e]] >= level) e++;
				const reversed = order.slice(k, e).reverse();
				order.splice(k, e - k, ...reversed);
				k = e;
			} else k++;
		}
	}
	const segments = order.map((k) => logical[k]);
	const visualIndex: number[] = [];
	order.forEach((k, v) => (visualIndex[k] = v));
	const units = segments.reduce((w, s) => w + s.width, 0);
	return { segments, width: (units * size) / font.unitsPerEm, logical, visualIndex, baseLevel };
}
