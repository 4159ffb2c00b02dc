/**
 * A Type0 / Identity-H font in a PDF whose content streams we write ourselves: glyph ids go
 * straight into hex strings, so shaped Arabic forms, ligatures and GPOS positions survive.
 * The font program is embedded whole (pdf-lib's subsetter dropped substituted glyphs). We
 * record which glyph stands for which characters while drawing and write the /W widths and
 * a ToUnicode CMap from that record, so text extraction returns real letters (U+0628, not
 * the presentation form U+FE92).
 *
 * Two Type0 dictionaries share one CIDFont (one font program, one /W): one for
 * left-to-right runs and one for right-to-left runs. Extractors (poppler's pdftotext,
 * pdf.js) sort a line's characters by position and reverse its right-to-left stretches to
 * get logical order; a glyph that stands for several letters (the lam-alef ligature) is
 * expanded left to right before that reversal. So in the right-to-left dictionary a
 * ligature maps to its letters in visual order, and a mirrored bracket maps back to the
 * bracket the text had, which makes the reversal come out in logical order.
 *
 * A glyph id has one meaning per font dictionary, but the same glyph sometimes stands for
 * different text: a letter alone or with its harakat (the marks are drawn as outlines and
 * the letter carries the whole cluster, so pdf.js and poppler both read the marks), or a
 * digit that starts a left-to-right run. Such a glyph goes to a variant: another Type0
 * dictionary over the same CIDFont with its own ToUnicode map (/WaslaVariant n).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFContext } from 'pdf-lib';
import type { LoadedFont } from './fonts';

const DIRECTION_KEY = PDFName.of('WaslaDirection');
const VARIANT_KEY = PDFName.of('WaslaVariant');

type Dir = 'ltr' | 'rtl';

export class FontResource {
	/** Per direction and variant: glyph id → the characters it represents (first meaning wins). */
	private readonly used: Record<Dir, Map<number, string>[]> = { ltr: [new Map()], rtl: [new Map()] };
	/** Per direction and variant: the Type0 dictionary and its ToUnicode stream, when they exist already. */
	private readonly variantRefs: Record<Dir, PDFRef[]>;
	private readonly toUnicodeRefs: Record<Dir, (PDFRef | undefined)[]> = { ltr: [], rtl: [] };
	/** Variants already written in a loaded document (their dictionaries are kept). */
	private readonly existingVariants: Record<Dir, number> = { ltr: 0, rtl: 0 };

	private constructor(
		private readonly context: PDFContext,
		readonly loaded: LoadedFont,
		/** Refs of the Type0 font dictionaries (variant 0), usable in page resources before `finish`. */
		readonly refs: Record<Dir, PDFRef>,
		private readonly cidFontRef: PDFRef,
		private readonly existing: boolean
	) {
		this.variantRefs = { ltr: [refs.ltr], rtl: [refs.rtl] };
	}

	/** A font to be embedded in a new document; objects are written by `finish`. */
	static create(context: PDFContext, loaded: LoadedFont): FontResource {
		return new FontResource(context, loaded, { ltr: context.nextRef(), rtl: context.nextRef() }, context.nextRef(), false);
	}

	/**
	 * Reuses the copy of this font already embedded in a loaded document (written by us
	 * earlier), merging its ToUnicode entries, or falls back to a new embedding.
	 */
	static attach(context: PDFContext, loaded: LoadedFont): FontResource {
		const found: Record<Dir, { ref: PDFRef; dict: PDFDict }[]> = { ltr: [], rtl: [] };
		for (const [ref, obj] of context.enumerateIndirectObjects()) {
			if (!(obj instanceof PDFDict)) continue;
			if (obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
			if (obj.get(PDFName.of('BaseFont')) !== PDFName.of(loaded.postscriptName)) continue;
			const dir: Dir = obj.get(DIRECTION_KEY) === PDFName.of('RTL') ? 'rtl' : 'ltr';
			const variant = obj.get(VARIANT_KEY);
			found[dir][variant instanceof PDFNumber ? variant.asNumber() : 0] = { ref, dict: obj };
		}
		const [ltr] = found.ltr;
		const [rtl] = found.rtl;
		const cidRef = ltr?.dict.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0);
		if (!ltr || !rtl || !(cidRef instanceof PDFRef)) return FontResource.create(context, loaded);
		const resource = new FontResource(context, loaded, { ltr: ltr.ref, rtl: rtl.ref }, cidRef, true);
		for (const dir of ['ltr', 'rtl'] as const) {
			found[dir].forEach((entry, variant) => {
				if (!entry) return;
				resource.variantRefs[dir][variant] = entry.ref;
				resource.used[dir][variant] = new Map();
				resource.existingVariants[dir] = Math.max(resource.existingVariants[dir], variant + 1);
				const toUnicodeRef = entry.dict.get(PDFName.of('ToUnicode'));
				if (!(toUnicodeRef instanceof PDFRef)) return;
				resource.toUnicodeRefs[dir][variant] = toUnicodeRef;
				const stream = context.lookup(toUnicodeRef);
				if (stream instanceof PDFRawStream) {
					const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
					for (const m of text.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>/g)) {
						resource.used[dir][variant].set(parseInt(m[1], 16), utf16HexToString(m[2]));
					}
				}
			});
			// A gap in the variant numbers (never written by us) gets an empty map.
			for (let v = 0; v < resource.used[dir].length; v++) resource.used[dir][v] ??= new Map();
		}
		return resource;
	}

	/**
	 * Records that `glyphId` stands for `text` (already in the order the dictionary of `dir`
	 * wants: visual for right-to-left) and returns the variant whose dictionary says so, and
	 * the glyph's 4-digit hex code for a content stream.
	 */
	use(glyphId: number, text: string, dir: Dir): { variant: number; hex: string } {
		const maps = this.used[dir];
		let variant = maps.findIndex((m) => !m.has(glyphId) || m.get(glyphId) === text);
		if (variant < 0) {
			variant = maps.length;
			maps.push(new Map());
		}
		maps[variant].set(glyphId, text);
		return { variant, hex: glyphId.toString(16).padStart(4, '0').toUpperCase() };
	}

	/** The ref of a variant's Type0 dictionary (allocated on first use). */
	refFor(dir: Dir, variant: number): PDFRef {
		return (this.variantRefs[dir][variant] ??= this.context.nextRef());
	}

	/** [suffix, ref] of every font dictionary drawn with so far: '' / 'r' for variant 0, 'v2' / 'rv2' … */
	dictionaries(): [string, PDFRef][] {
		return (['ltr', 'rtl'] as const).flatMap((dir) => this.used[dir].map((_, v): [string, PDFRef] => [resourceSuffix(dir, v), this.refFor(dir, v)]));
	}

	/** Writes (or rewrites) the font objects. Call once, after all drawing. */
	finish(context: PDFContext): void {
		const ids = [...new Set(['ltr', 'rtl'].flatMap((dir) => this.used[dir as Dir].flatMap((m) => [...m.keys()])))].sort((a, b) => a - b);
		const widths = this.widthsArray(context, ids);
		const toUnicode = (dir: Dir, variant: number) => {
			const used = this.used[dir][variant];
			const entries = [...used.keys()].sort((a, b) => a - b).map((id): [number, string] => [id, used.get(id) ?? '']);
			return context.flateStream(toUnicodeCMap(entries));
		};
		if (this.existing) {
			context.lookup(this.cidFontRef, PDFDict).set(PDFName.of('W'), widths);
		} else {
			const { font, deflated, length, postscriptName } = this.loaded;
			const scale = 1000 / font.unitsPerEm;
			const fontFile = context.register(context.stream(deflated, { Filter: 'FlateDecode', Length1: length }));
			const descriptor = context.register(
				context.obj({
					Type: 'FontDescriptor',
					FontName: postscriptName,
					Flags: 4,
					FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) => Math.round(v * scale)),
					ItalicAngle: 0,
					Ascent: Math.round(font.ascent * scale),
					Descent: Math.round(font.descent * scale),
					CapHeight: Math.round((font.capHeight || font.ascent) * scale),
					StemV: this.loaded.weight === 'bold' ? 120 : 80,
					FontFile2: fontFile
				})
			);
			context.assign(
				this.cidFontRef,
				context.obj({
					Type: 'Font',
					Subtype: 'CIDFontType2',
					BaseFont: postscriptName,
					CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
					FontDescriptor: descriptor,
					DW: 1000,
					W: widths,
					CIDToGIDMap: 'Identity'
				})
			);
		}
		for (const dir of ['ltr', 'rtl'] as const) {
			this.used[dir].forEach((_, variant) => {
				const existingRef = this.toUnicodeRefs[dir][variant];
				if (variant < this.existingVariants[dir] && existingRef) {
					context.assign(existingRef, toUnicode(dir, variant));
					return;
				}
				const dict: Record<string, unknown> = {
					Type: 'Font',
					Subtype: 'Type0',
					BaseFont: this.loaded.postscriptName,
					Encoding: 'Identity-H',
					DescendantFonts: [this.cidFontRef],
					ToUnicode: context.register(toUnicode(dir, variant)),
					WaslaDirection: dir === 'rtl' ? 'RTL' : 'LTR'
				};
				if (variant > 0) dict.WaslaVariant = variant;
				context.assign(this.refFor(dir, variant), context.obj(dict as Parameters<PDFContext['obj']>[0]));
			});
		}
	}

	/** /W as runs of consecutive glyph ids: [first [w1 w2 …] first [...] …]. */
	private widthsArray(context: PDFContext, ids: number[]): PDFArray {
		const { font } = this.loaded;
		const scale = 1000 / font.unitsPerEm;
		const out = PDFArray.withContext(context);
		let run: PDFArray | undefined;
		let prev = -2;
		for (const id of ids) {
			if (id !== prev + 1 || !run) {
				out.push(PDFNumber.of(id));
				run = PDFArray.withContext(context);
				out.push(run);
			}
			run.push(PDFNumber.of(Math.round(font.getGlyph(id).advanceWidth * scale)));
			prev = id;
		}
		return out;
	}
}

/** The resource-name suffix of a font dictionary: '' and 'r' (variant 0), 'v2' and 'rv2' … */
export function resourceSuffix(dir: Dir, variant: number): string {
	return (dir === 'rtl' ? 'r' : '') + (variant > 0 ? `v${variant}` : '');
}

function utf16HexToString(hex: string): string {
	const units: number[] = [];
	for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
	return String.fromCharCode(...units);
}

function stringToUtf16Hex(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
	return out;
}

/** A ToUnicode CMap with one bfchar entry per used glyph (at most 100 per block, as the spec asks). */
function toUnicodeCMap(entries: [number, string][]): string {
	const mapped = entries.filter(([, text]) => text.length > 0);
	let body = '';
	for (let i = 0; i < mapped.length; i += 100) {
		const block = mapped.slice(i, i + 100);
		body += `${block.length} beginbfchar\n`;
		for (const [id, text] of block) body += `<${id.toString(16).padStart(4, '0').toUpperCase()}> <${stringToUtf16Hex(text)}>\n`;
		body += 'endbfchar\n';
	}
	return [
		'/CIDInit /ProcSet findresource begin',
		'12 dict begin',
		'begincmap',
		'/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
		'/CMapName /Adobe-Identity-UCS def',
		'/CMapType 2 def',
		'1 begincodespacerange',
		'<0000> <FFFF>',
		'endcodespacerange',
		body + 'endcmap',
		'CMapName currentdict /CMap defineresource pop',
		'end',
		'end'
	].join('\n');
}
