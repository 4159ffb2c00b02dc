/**
 * Flows blocks of text down A4 pages: paragraphs (wrapped, aligned to the reading
 * direction), label/value rows, rules, vector squares and bars, opening a page when the current
 * one is full. Footers are added afterwards, once the page count is known.
 */
import { PDFName, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { ARTIFACT, ContentBuilder, type LineMarking, type Rgb } from './content';
import { resetGlyphMeanings, type FontWeight, type LoadedFont } from './fonts';
import { FontResource } from './font-resource';
import { layoutParagraph, type Direction, type Line } from './shape';
import { StructTree, type Role, type StructElement } from './tags';

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 60, right: 60, top: 64, bottom: 84 } as const;
export const INK: Rgb = [0.1, 0.1, 0.12];
export const MUTED: Rgb = [0.38, 0.38, 0.42];
export const ACCENT: Rgb = [0.05, 0.33, 0.36];

export const FONT_RESOURCE: Record<FontWeight, string> = { regular: 'WaslaR', bold: 'WaslaB' };

export interface Fonts {
	regular: FontResource;
	bold: FontResource;
}

/** Embeds (new document) or reuses (document we wrote earlier) both Cairo weights. */
export function fontsFor(doc: PDFDocument, loaded: Record<FontWeight, LoadedFont>, reuse: boolean): Fonts {
	const make = reuse ? FontResource.attach : FontResource.create;
	resetGlyphMeanings(loaded.regular);
	resetGlyphMeanings(loaded.bold);
	return { regular: make(doc.context, loaded.regular), bold: make(doc.context, loaded.bold) };
}

/**
 * Resource names of every font dictionary drawn with so far: the weight's name for
 * left-to-right runs, + 'r' for right-to-left ones, + 'v<n>' for a variant (see FontResource).
 */
export function fontResourceEntries(fonts: Fonts): [string, PDFRef][] {
	return (['regular', 'bold'] as const).flatMap((weight) => fonts[weight].dictionaries().map(([suffix, ref]): [string, PDFRef] => [FONT_RESOURCE[weight] + suffix, ref]));
}

export function addFontResources(page: PDFPage, fonts: Fonts): void {
	for (const [name, ref] of fontResourceEntries(fonts)) page.node.setFontDictionary(PDFName.of(name), ref);
}

export interface TextStyle {
	weight?: FontWeight;
	size: number;
	/** Line height in points. */
	leading?: number;
	color?: Rgb;
	align?: 'start' | 'end' | 'center';
	/** The structure element a paragraph becomes (default P). */
	role?: Role;
}

export interface FlowPage {
	page: PDFPage;
	content: ContentBuilder;
}

export class Flow {
	readonly pages: FlowPage[] = [];
	/** Headings and paragraphs in reading order, for the tagged PDF. */
	readonly struct = new StructTree();
	private y = 0;

	constructor(
		private readonly doc: PDFDocument,
		readonly fonts: Fonts,
		readonly direction: Direction
	) {}

	get contentWidth(): number {
		return PAGE.width - MARGIN.left - MARGIN.right;
	}

	private get current(): FlowPage {
		if (this.pages.length === 0) this.newPage();
		return this.pages[this.pages.length - 1];
	}

	newPage(): void {
		const page = this.doc.addPage([PAGE.width, PAGE.height]);
		addFontResources(page, this.fonts);
		this.pages.push({ page, content: new ContentBuilder() });
		this.y = PAGE.height - MARGIN.top;
	}

	/** Starts a new page unless `height` points still fit on this one. */
	ensure(height: number): void {
		if (this.pages.length === 0 || this.y - height < MARGIN.bottom) this.newPage();
	}

	space(points: number): void {
		this.y -= points;
	}

	lines(text: string, style: TextStyle, width = this.contentWidth): Line[] {
		const weight = style.weight ?? 'regular';
		return layoutParagraph(this.fonts[weight].loaded.font, text, style.size, width, this.direction);
	}

	/** Draws a wrapped paragraph; `keepLines` lines must fit before the first is drawn. */
	paragraph(text: string, style: TextStyle, keepLines = 1): void {
		const lines = this.lines(text, style);
		const leading = style.leading ?? style.size * 1.45;
		this.ensure(leading * Math.min(keepLines, Math.max(lines.length, 1)));
		const element = this.struct.element(style.role ?? 'P');
		for (const line of lines) {
			this.ensure(leading);
			this.y -= leading;
			this.drawLine(line, style, MARGIN.left, this.contentWidth, this.y + (leading - style.size) * 0.6, this.current.content, this.marking(element));
		}
	}

	/** Marks a line drawn now on the current page as content of `element`. */
	private marking(element: StructElement): LineMarking {
		const page = this.current.page;
		return { tag: element.role, mcid: (lang) => this.struct.mcid(element, page, lang) };
	}

	/** Draws one laid-out line inside [x, x + width], aligned per style and direction. */
	drawLine(line: Line, style: TextStyle, x: number, width: number, baseline: number, target = this.current.content, marking: LineMarking = ARTIFACT): void {
		const weight = style.weight ?? 'regular';
		const align = style.align ?? 'start';
		const rtl = this.direction === 'rtl';
		let left = x;
		if (align === 'center') left = x + (width - line.width) / 2;
		else if ((align === 'start') === rtl) left = x + width - line.width;
		target.line(line, this.fonts[weight], FONT_RESOURCE[weight], style.size, left, baseline, style.color ?? INK, marking);
	}

	/**
	 * A label/value row: the label column on the reading-start side, the value wrapped in
	 * the rest of the width (hashes and URLs are cut between characters when needed).
	 */
	row(label: string, value: string, labelStyle: TextStyle, valueStyle: TextStyle, labelWidth: number): void {
		const gap = 10;
		const valueWidth = this.contentWidth - labelWidth - gap;
		const labelLines = this.lines(label, labelStyle, labelWidth);
		const valueLines = this.lines(value, valueStyle, valueWidth);
		const leading = Math.max(labelStyle.leading ?? labelStyle.size * 1.4, valueStyle.leading ?? valueStyle.size * 1.4);
		const count = Math.max(labelLines.length, valueLines.length, 1);
		this.ensure(leading * count);
		const rtl = this.direction === 'rtl';
		const labelX = rtl ? MARGIN.left + valueWidth + gap : MARGIN.left;
		const valueX = rtl ? MARGIN.left : MARGIN.left + labelWidth + gap;
		const labelElement = this.struct.element('P');
		const valueElement = this.struct.element('P');
		for (let k = 0; k < count; k++) {
			this.y -= leading;
			const baseline = this.y + (leading - valueStyle.size) * 0.6;
			if (labelLines[k]) this.drawLine(labelLines[k], labelStyle, labelX, labelWidth, baseline, this.current.content, this.marking(labelElement));
			if (valueLines[k]) this.drawLine(valueLines[k], valueStyle, valueX, valueWidth, baseline, this.current.content, this.marking(valueElement));
		}
	}

	rule(color: Rgb = MUTED, width = 0.5): void {
		this.current.content.rule(MARGIN.left, this.y, PAGE.width - MARGIN.right, this.y, width, color);
	}

	/** Reserves a square of `size` points at the reading-start side and returns its origin. */
	square(size: number): { x: number; y: number; content: ContentBuilder } {
		this.ensure(size);
		this.y -= size;
		const x = this.direction === 'rtl' ? PAGE.width - MARGIN.right - size : MARGIN.left;
		return { x, y: this.y, content: this.current.content };
	}

	/**
	 * A horizontal bar across the content width: a light track, and `fraction` of it filled
	 * from the reading-start side (left, or right in Arabic). Vector shapes, no text.
	 */
	bar(fraction: number, height: number, color: Rgb, track: Rgb): void {
		this.ensure(height);
		this.y -= height;
		const width = this.contentWidth;
		const filled = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0)) * width;
		const content = this.current.content;
		content.rects([{ x: MARGIN.left, y: this.y, w: width, h: height }], track);
		if (filled > 0) content.rects([{ x: this.direction === 'rtl' ? MARGIN.left + width - filled : MARGIN.left, y: this.y, w: filled, h: height }], color);
	}

	/** Writes every page's body content stream, its font resources and the structure tree. */
	finish(): void {
		for (const { page, content } of this.pages) {
			const ref: PDFRef = this.doc.context.register(this.doc.context.flateStream(content.toString()));
			page.node.addContentStream(ref);
			addFontResources(page, this.fonts);
		}
		this.struct.write(this.doc);
	}
}
