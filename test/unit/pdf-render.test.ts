import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import type { Font } from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, test } from 'vitest';
import { PDF_INFO_KEYS } from '../../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { loadFont } from '../../contracts/pdf/fonts';
import { layoutParagraph } from '../../contracts/pdf/shape';
import { AGREEMENT_DOCUMENTS, CERTIFICATES, SAMPLE_META } from '../fixtures/agreement-documents';

function infoText(doc: PDFDocument, key: string): string | undefined {
	const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
	const value = info.lookup(PDFName.of(key));
	return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

describe.each(['fr', 'ar', 'en'] as const)('renderAgreementPdf (%s)', (lang) => {
	test('renders several A4 pages with the identifying Info entries and language', async () => {
		const bytes = await renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]);
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getPageCount()).toBeGreaterThan(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
		expect(pdf.getTitle()).toBe(AGREEMENT_DOCUMENTS[lang].title);
		expect(pdf.getProducer()).toBe('Wasla');
		expect(infoText(pdf, PDF_INFO_KEYS.agreementId)).toBe(SAMPLE_META.agreementId);
		expect(infoText(pdf, PDF_INFO_KEYS.version)).toBe(String(SAMPLE_META.version));
		expect(infoText(pdf, PDF_INFO_KEYS.documentSha256)).toBe(SAMPLE_META.documentSha256);
		const catalogLang = pdf.catalog.lookup(PDFName.of('Lang'));
		expect(catalogLang instanceof PDFString || catalogLang instanceof PDFHexString ? catalogLang.decodeText() : '').toBe({ fr: 'fr-DZ', ar: 'ar-DZ', en: 'en' }[lang]);
		expect(pdf.getCreationDate()).toBeUndefined();
		expect(pdf.getModificationDate()).toBeUndefined();
	});

	test('gives the same bytes for the same input, and different bytes for another version', async () => {
		const doc = AGREEMENT_DOCUMENTS[lang];
		const [a, b] = await Promise.all([renderAgreementPdf(doc), renderAgreementPdf(structuredClone(doc))]);
		expect(a).toEqual(b);
		const other = await renderAgreementPdf({ ...doc, meta: { ...doc.meta, version: 3 } });
		expect(other).not.toEqual(a);
	});

	test('appending the certificate adds pages, keeps the Info entries and is deterministic', async () => {
		const bytes = await renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]);
		const before = (await PDFDocument.load(bytes)).getPageCount();
		const withCert = await appendCompletionCertificate(bytes, CERTIFICATES[lang]);
		const again = await appendCompletionCertificate(bytes, CERTIFICATES[lang]);
		expect(withCert).toEqual(again);
		const pdf = await PDFDocument.load(withCert, { updateMetadata: false });
		expect(pdf.getPageCount()).toBeGreaterThan(before);
		expect(infoText(pdf, PDF_INFO_KEYS.documentSha256)).toBe(SAMPLE_META.documentSha256);
		// The fonts are reused, not embedded a second time.
		expect(withCert.length - bytes.length).toBeLessThan(40_000);
	});
});

/** glyph id → text, from every ToUnicode CMap in the file. */
async function toUnicodeEntries(bytes: Uint8Array): Promise<string[]> {
	const pdf = await PDFDocument.load(bytes);
	const out: string[] = [];
	for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
		if (!(obj instanceof PDFRawStream)) continue;
		const text = new TextDecoder('latin1').decode(decodePDFRawStream(obj).decode());
		if (text.includes('beginbfchar')) out.push(...(text.match(/<[0-9A-F]{4}> <[0-9A-F]+>/g) ?? []));
	}
	return out;
}

test('a glyph maps to the letters of this document, whatever was rendered before', async () => {
	const withText = (extra: string) => {
		const doc = structuredClone(AGREEMENT_DOCUMENTS.en);
		doc.clauses[0].paragraphs.push(extra);
		return doc;
	};
	// Neither Ω nor ≈ is in Cairo: both become glyph 0, which keeps the first meaning seen.
	await renderAgreementPdf(withText('≈ 3'));
	const bytes = await renderAgreementPdf(withText('Ω 3'));
	const entries = await toUnicodeEntries(bytes);
	expect(entries).toContain('<0000> <03A9>');
	expect(entries).not.toContain('<0000> <2248>');
});

test('presentation forms in the input are drawn and mapped as plain letters', async () => {
	const doc = structuredClone(AGREEMENT_DOCUMENTS.ar);
	// First thing drawn, so these glyphs get their meaning from it.
	doc.title = `\uFEFB\uFE8E ${doc.title}`;
	const entries = await toUnicodeEntries(await renderAgreementPdf(doc));
	expect(entries.length).toBeGreaterThan(50);
	expect(entries.filter((e) => /<(F[BCD][0-9A-F]{2}|FE[7-9A-F][0-9A-F])/.test(e.split(' ')[1]))).toEqual([]);
});

describe('layoutParagraph', () => {
	let font: Font;
	beforeAll(async () => {
		font = (await loadFont('regular')).font;
	});

	test('never lets a line overflow, cutting a token longer than the line', () => {
		const text = `Empreinte : ${'0123456789abcdef'.repeat(8)} fin.`;
		const lines = layoutParagraph(font, text, 10, 200, 'ltr');
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
		const drawn = lines.map((l) => l.segments.map((s) => s.text).join('')).join('');
		expect(drawn.replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
	});

	test('keeps no-break spaces inside their word and draws them with a real glyph', () => {
		// 60 points leave room for "37 500" but not for "Montant 37 500".
		const lines = layoutParagraph(font, 'Montant 37\u202f500 DA \u200fفقط', 10, 60, 'ltr');
		const texts = lines.map((l) => l.segments.map((s) => s.text).join(''));
		expect(texts).toContain('37\u202f500 DA');
		const glyphs = lines.flatMap((l) => l.segments.flatMap((s) => s.glyphs));
		// No .notdef box for U+202F, nothing drawn for the RLM.
		expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
	});

	test('orders an Arabic line right to left with codes, hashtags and amounts kept left to right', () => {
		const [line] = layoutParagraph(font, 'رمز الخصم NOUR10 والوسم #sponsorisé بمبلغ 25 000 DA فقط', 10, 1000, 'rtl');
		// Visual order, left to right: the end of the sentence comes first.
		expect(line.segments.map((s) => s.text).join('')).toBe('فقط 25 000 DA بمبلغ #sponsorisé والوسم NOUR10 الخصم رمز');
		const levels = new Map(line.segments.map((s) => [s.text, s.level]));
		expect([levels.get('25'), levels.get('DA'), levels.get('#sponsorisé'), levels.get('NOUR10')]).toEqual([2, 2, 2, 2]);
		expect(levels.get('والوسم')).toBe(1);
	});
});
