/**
 * Renders the campaign report (already in the reader's language) to an A4 PDF with the
 * agreements' machinery: the same Flow, Cairo fonts, shaping and bidi, footers, page
 * numbers and Info dictionary. Arabic is shaped, right to left and right-aligned, with
 * numbers, handles and codes as left-to-right runs; the text layer extracts in logical order.
 */
import { PDFDocument } from 'pdf-lib';
import type { ReportBlock, ReportDocument } from '../report-document';
import { loadFonts } from './fonts';
import type { Rgb } from './content';
import { ACCENT, Flow, INK, MUTED, fontsFor } from './flow';
import { directionOf, drawFooterLines, numberPages } from './footer';
import { setBasicInfo } from './info';

const BAR_TRACK: Rgb = [0.92, 0.93, 0.93];
const BAR_HEIGHT = 11;
const LABEL_WIDTH = 250;
const LABEL = { size: 9.5, leading: 15, color: MUTED } as const;
const VALUE = { size: 9.5, leading: 15, weight: 'bold', color: INK } as const;

function drawBlock(flow: Flow, block: ReportBlock): void {
	if (block.kind === 'paragraph') {
		const tone = block.tone ?? 'normal';
		if (tone === 'muted') flow.paragraph(block.text, { size: 9, leading: 14, color: MUTED }, 2);
		else flow.paragraph(block.text, { size: 10, leading: 15, weight: tone === 'strong' ? 'bold' : 'regular', color: INK }, 2);
		flow.space(3);
		return;
	}
	if (block.kind === 'rows') {
		if (block.heading) {
			// Keep a heading with its first rows.
			flow.ensure(19 + Math.min(block.rows.length, 3) * LABEL.leading);
			flow.paragraph(block.heading, { weight: 'bold', size: 10.5, leading: 19, color: ACCENT, role: 'H3' });
		}
		for (const row of block.rows) flow.row(row.label, row.value, LABEL, VALUE, LABEL_WIDTH);
		flow.space(6);
		return;
	}
	const max = Math.max(0, ...block.bars.map((b) => b.value));
	for (const bar of block.bars) {
		flow.ensure(15 + BAR_HEIGHT + 8);
		flow.paragraph(bar.label, { size: 9.5, leading: 15, color: INK });
		flow.space(2);
		// A value above zero always shows a sliver, however small next to the largest.
		const fraction = max > 0 && bar.value > 0 ? Math.max(bar.value / max, 0.01) : 0;
		flow.bar(fraction, BAR_HEIGHT, ACCENT, BAR_TRACK);
		flow.space(8);
	}
}

/**
 * Renders the report: title, campaign, generation lines, then each section (heading, rows,
 * paragraphs, bars), and on every page the footer lines and "Page n / total".
 * Deterministic: the same document gives the same bytes.
 */
export async function renderReportPdf(doc: ReportDocument): Promise<Uint8Array> {
	const loaded = await loadFonts();
	const pdf = await PDFDocument.create({ updateMetadata: false });
	// From here to save() nothing awaits: see resetGlyphMeanings.
	const fonts = fontsFor(pdf, loaded, false);
	const flow = new Flow(pdf, fonts, directionOf(doc.lang));

	flow.paragraph(doc.title, { weight: 'bold', size: 19, leading: 30, align: 'center', color: ACCENT, role: 'H1' });
	flow.paragraph(doc.subtitle, { weight: 'bold', size: 13, leading: 21, align: 'center', color: INK });
	for (const line of doc.lines) flow.paragraph(line, { size: 9.5, leading: 15, align: 'center', color: MUTED });
	flow.space(10);
	flow.rule(ACCENT, 0.8);
	flow.space(6);

	doc.sections.forEach((section, index) => {
		if (section.newPage && index > 0) flow.newPage();
		else flow.space(10);
		// Keep a section heading with the first lines of its content.
		flow.ensure(24 + 3 * 15);
		flow.paragraph(section.heading, { weight: 'bold', size: 13, leading: 24, color: ACCENT, role: 'H2' });
		flow.space(2);
		for (const block of section.blocks) drawBlock(flow, block);
	});

	drawFooterLines(flow, doc.footer.lines[0] ?? '', doc.footer.lines[1]);
	flow.finish();
	numberPages(pdf, fonts, doc.lang, doc.footer);
	fonts.regular.finish(pdf.context);
	fonts.bold.finish(pdf.context);
	setBasicInfo(pdf, doc.lang, `${doc.title} · ${doc.subtitle}`);
	return pdf.save({ useObjectStreams: false });
}
