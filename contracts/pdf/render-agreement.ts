/** Renders an agreement (already in the reader's language) to an A4 PDF. */
import { PDFDocument } from 'pdf-lib';
import type { AgreementDocument } from '../document';
import { loadFonts } from './fonts';
import { ACCENT, Flow, INK, MUTED, fontsFor } from './flow';
import { directionOf, drawFooters, numberPages } from './footer';
import { setDocumentInfo } from './info';

/**
 * Renders the agreement: title, subtitle, parties, numbered clauses, and on every page a
 * footer with the agreement id, version, document hash and "Page n / total". Arabic is
 * shaped, ordered right to left and right-aligned; the text layer extracts in logical order.
 * Deterministic: the same document gives the same bytes.
 */
export async function renderAgreementPdf(doc: AgreementDocument): Promise<Uint8Array> {
	const loaded = await loadFonts();
	const pdf = await PDFDocument.create({ updateMetadata: false });
	// From here to save() nothing awaits: see resetGlyphMeanings.
	const fonts = fontsFor(pdf, loaded, false);
	const flow = new Flow(pdf, fonts, directionOf(doc.lang));

	flow.paragraph(doc.title, { weight: 'bold', size: 19, leading: 30, align: 'center', color: ACCENT, role: 'H1' });
	if (doc.subtitle) flow.paragraph(doc.subtitle, { size: 12, leading: 20, align: 'center', color: MUTED });
	flow.space(10);
	flow.rule(ACCENT, 0.8);
	flow.space(8);

	for (const party of doc.parties) {
		flow.paragraph(party.label, { weight: 'bold', size: 11, leading: 18, color: ACCENT, role: 'H2' }, 3);
		for (const line of party.lines) flow.paragraph(line, { size: 10, leading: 15, color: INK });
		flow.space(6);
	}
	flow.space(4);
	flow.rule();
	flow.space(6);

	for (const clause of doc.clauses) {
		flow.space(6);
		// Keep a heading with the first lines of its clause.
		flow.ensure(22 + 3 * 16);
		flow.paragraph(`${clause.number}. ${clause.heading}`, { weight: 'bold', size: 12, leading: 22, color: ACCENT, role: 'H2' });
		for (const paragraph of clause.paragraphs) {
			flow.paragraph(paragraph, { size: 10.5, leading: 16 }, 2);
			flow.space(4);
		}
	}

	drawFooters(flow, doc.lang, doc.meta, doc.footer);
	flow.finish();
	numberPages(pdf, fonts, doc.lang, doc.footer);
	fonts.regular.finish(pdf.context);
	fonts.bold.finish(pdf.context);
	setDocumentInfo(pdf, doc.lang, doc.title, doc.meta);
	return pdf.save({ useObjectStreams: false });
}
