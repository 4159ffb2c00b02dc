/** Appends the certificate of completion to a rendered agreement PDF. */
import { PDFDocument } from 'pdf-lib';
import type { CompletionCertificate } from '../document';
import { loadFonts } from './fonts';
import { ACCENT, Flow, INK, MUTED, fontsFor } from './flow';
import { DEFAULT_FOOTER, directionOf, drawFooters, numberPages } from './footer';
import { drawQrCode } from './qr';

const QR_SIZE = 112;

/**
 * Loads `pdfBytes` (a PDF from renderAgreementPdf) and appends the certificate of completion:
 * title, intro, one block per signer with every evidence row, document hash, audit head,
 * the verification URL as text and as a vector QR code, and the legal note. The new pages
 * carry the same footer, and every page is renumbered "n / total" with the new total.
 * Reuses the fonts already embedded. Deterministic for the same input.
 */
export async function appendCompletionCertificate(pdfBytes: Uint8Array, cert: CompletionCertificate): Promise<Uint8Array> {
	const loaded = await loadFonts();
	const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
	// From here to save() nothing awaits: see resetGlyphMeanings.
	const fonts = fontsFor(pdf, loaded, true);
	const flow = new Flow(pdf, fonts, directionOf(cert.lang));
	const footer = cert.footer ?? DEFAULT_FOOTER[cert.lang];
	const labelWidth = 130;
	const label = { size: 9, leading: 14, color: MUTED } as const;
	const value = { size: 9, leading: 14, color: INK } as const;

	flow.newPage();
	flow.paragraph(cert.title, { weight: 'bold', size: 18, leading: 28, align: 'center', color: ACCENT, role: 'H1' });
	flow.space(6);
	flow.rule(ACCENT, 0.8);
	flow.space(6);
	flow.paragraph(cert.intro, { size: 10.5, leading: 16 });
	flow.space(8);

	for (const signer of cert.signers) {
		flow.ensure(20 + 6 * 14);
		flow.space(6);
		flow.paragraph(`${signer.partyLabel} — ${signer.name}`, { weight: 'bold', size: 11.5, leading: 20, color: ACCENT, role: 'H2' }, 3);
		flow.row(cert.labels.signer, signer.name, label, value, labelWidth);
		flow.row(cert.labels.signedAt, signer.signedAt, label, value, labelWidth);
		flow.row(cert.labels.ip, signer.ip, label, value, labelWidth);
		flow.row(cert.labels.userAgent, signer.userAgent, label, value, labelWidth);
		flow.row(cert.labels.documentSha256, signer.documentSha256, label, value, labelWidth);
		flow.row(cert.labels.consentSha256, signer.consentSha256, label, value, labelWidth);
		flow.space(6);
		flow.rule();
	}

	flow.space(10);
	flow.row(cert.labels.documentSha256, cert.meta.documentSha256, label, value, labelWidth);
	flow.row(cert.labels.auditHead, cert.auditHead, label, value, labelWidth);
	flow.row(cert.labels.verifyUrl, cert.verifyUrl, label, value, labelWidth);
	flow.space(8);
	const square = flow.square(QR_SIZE);
	drawQrCode(square.content, cert.verifyUrl, square.x, square.y, QR_SIZE);
	flow.space(10);
	flow.paragraph(cert.legalNote, { size: 8.5, leading: 13, color: MUTED });

	drawFooters(flow, cert.lang, cert.meta, footer);
	flow.finish();
	numberPages(pdf, fonts, cert.lang, footer);
	fonts.regular.finish(pdf.context);
	fonts.bold.finish(pdf.context);
	return pdf.save({ useObjectStreams: false });
}
