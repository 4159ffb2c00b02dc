/**
 * Page footers: agreement id, version and document hash on every page (or the report's own
 * lines), and "Page n / total".
 * The page number lives in its own form XObject (/WaslaPageNo) so that appending the
 * certificate of completion can renumber earlier pages without touching their content.
 */
import { PDFName, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { AgreementDocument, DocLang, DocumentMeta } from '../document';
import { ContentBuilder } from './content';
import { FONT_RESOURCE, MARGIN, MUTED, PAGE, fontResourceEntries, type Flow, type Fonts } from './flow';
import { layoutParagraph, type Direction } from './shape';

export type FooterLabels = AgreementDocument['footer'];

/** Used when a certificate is appended without the document's footer labels. */
export const DEFAULT_FOOTER: Record<DocLang, FooterLabels> = {
	fr: { page: 'Page {n} / {total}', agreement: 'Accord', version: 'Version', hash: 'Empreinte SHA-256' },
	ar: { page: 'صفحة {n} / {total}', agreement: 'الاتفاقية', version: 'الإصدار', hash: 'بصمة SHA-256' },
	en: { page: 'Page {n} / {total}', agreement: 'Agreement', version: 'Version', hash: 'SHA-256 fingerprint' }
};

export const PAGE_NUMBER_XOBJECT = 'WaslaPageNo';

const SIZE = 7.5;
const RULE_Y = MARGIN.bottom - 30;

export function directionOf(lang: DocLang): Direction {
	return lang === 'ar' ? 'rtl' : 'ltr';
}

/** "Label : value" with the colon habit of each language. */
export function labelled(lang: DocLang, label: string, value: string): string {
	const trimmed = label.trim();
	if (/[:：]$/.test(trimmed)) return `${trimmed} ${value}`;
	return lang === 'fr' ? `${trimmed} : ${value}` : `${trimmed}: ${value}`;
}

export function pageLabel(labels: Pick<FooterLabels, 'page'>, n: number, total: number): string {
	return labels.page.replaceAll('{n}', String(n)).replaceAll('{total}', String(total));
}

/** Draws the fixed part of the footer on each page of a flow (id, version, hash). */
export function drawFooters(flow: Flow, lang: DocLang, meta: DocumentMeta, labels: FooterLabels): void {
	const idLine = `${labelled(lang, labels.agreement, meta.agreementId)} · ${labelled(lang, labels.version, String(meta.version))}`;
	drawFooterLines(flow, idLine, labelled(lang, labels.hash, meta.documentSha256));
}

/**
 * Draws a footer on each page of a flow: a rule, `first` on one line (leaving room for the
 * page number) and `second` in smaller type on at most two lines.
 */
export function drawFooterLines(flow: Flow, first: string, second?: string): void {
	const width = PAGE.width - MARGIN.left - MARGIN.right;
	const style = { size: SIZE, color: MUTED } as const;
	for (const { content } of flow.pages) {
		content.rule(MARGIN.left, RULE_Y, PAGE.width - MARGIN.right, RULE_Y, 0.4, MUTED);
		const firstLines = flow.lines(first, style, width - 90);
		if (firstLines[0]) flow.drawLine(firstLines[0], style, MARGIN.left, width, RULE_Y - 12, content);
		if (second === undefined) continue;
		const secondLines = flow.lines(second, { size: 6.5 }, width);
		secondLines.slice(0, 2).forEach((line, k) => flow.drawLine(line, { size: 6.5, color: MUTED }, MARGIN.left, width, RULE_Y - 23 - k * 9, content));
	}
}

/** Builds the page-number XObject for page n of total. */
function pageNumberXObject(doc: PDFDocument, fonts: Fonts, lang: DocLang, text: string): PDFRef {
	const dir = directionOf(lang);
	const [line] = layoutParagraph(fonts.regular.loaded.font, text, SIZE, 120, dir);
	const content = new ContentBuilder();
	if (line) {
		// Reading-end side: right for French and English, left for Arabic.
		const x = dir === 'rtl' ? MARGIN.left : PAGE.width - MARGIN.right - line.width;
		content.line(line, fonts.regular, FONT_RESOURCE.regular, SIZE, x, RULE_Y - 12, MUTED);
	}
	const stream = doc.context.flateStream(content.toString(), {
		Type: 'XObject',
		Subtype: 'Form',
		BBox: [0, 0, PAGE.width, PAGE.height],
		Resources: { Font: Object.fromEntries(fontResourceEntries(fonts)) }
	});
	return doc.context.register(stream);
}

/**
 * Sets "Page n / total" on every page of the document. A page that already shows a
 * page-number XObject gets a new one in its place; a new page gets the XObject drawn.
 */
export function numberPages(doc: PDFDocument, fonts: Fonts, lang: DocLang, labels: Pick<FooterLabels, 'page'>): void {
	const pages = doc.getPages();
	pages.forEach((page: PDFPage, index) => {
		const ref = pageNumberXObject(doc, fonts, lang, pageLabel(labels, index + 1, pages.length));
		const xobjects = page.node.normalizedEntries().XObject;
		const previous = xobjects.get(PDFName.of(PAGE_NUMBER_XOBJECT));
		page.node.setXObject(PDFName.of(PAGE_NUMBER_XOBJECT), ref);
		if (previous instanceof PDFRef) {
			doc.context.delete(previous);
		} else {
			page.node.addContentStream(doc.context.register(doc.context.flateStream(`q /${PAGE_NUMBER_XOBJECT} Do Q\n`)));
		}
	});
}
