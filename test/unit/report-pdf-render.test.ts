/**
 * The campaign report's renderer (contracts/pdf/render-report.ts) inside workerd: a valid A4
 * PDF in fr, ar and en with an Arabic and a Latin creator name, the same bytes for the same
 * document, the funnel drawn as vector bars, and no character the font cannot draw.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PDF_INFO_KEYS } from '../../contracts/document';
import { renderReportPdf } from '../../contracts/pdf';
import { loadFont } from '../../contracts/pdf/fonts';
import { REPORT_LABELS, buildReportDocument } from '../../worker/domain/report-document';
import { EMPTY_REPORT_INPUT, GENERATED_AT, fixtureReport } from '../fixtures/campaign-reports';

const docFor = (lang: 'fr' | 'ar' | 'en', now = GENERATED_AT) => buildReportDocument(fixtureReport(), { lang, now });

/** Every decoded content stream of the file (page bodies, page numbers). */
async function contentStreams(bytes: Uint8Array): Promise<string[]> {
	const pdf = await PDFDocument.load(bytes);
	const out: string[] = [];
	for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
		if (!(obj instanceof PDFRawStream) || obj.dict.has(PDFName.of('Length1'))) continue;
		out.push(new TextDecoder('latin1').decode(decodePDFRawStream(obj).decode()));
	}
	return out;
}

describe.each(['fr', 'ar', 'en'] as const)('renderReportPdf (%s)', (lang) => {
	it('renders A4 pages with the title, the language and no agreement keys', async () => {
		const doc = docFor(lang);
		const bytes = await renderReportPdf(doc);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getPageCount()).toBeGreaterThan(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
		expect(pdf.getTitle()).toBe(`${doc.title} · Rentrée 2026 — Boutique Yasmine`);
		const catalogLang = pdf.catalog.lookup(PDFName.of('Lang'));
		expect(catalogLang instanceof PDFString || catalogLang instanceof PDFHexString ? catalogLang.decodeText() : '').toBe({ fr: 'fr-DZ', ar: 'ar-DZ', en: 'en' }[lang]);
		expect(pdf.getCreationDate()).toBeUndefined();
		// Not an agreement: POST /verify must never take it for one.
		const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
		expect(info.has(PDFName.of(PDF_INFO_KEYS.agreementId))).toBe(false);
	});

	it('gives the same bytes for the same document, other bytes at another time', async () => {
		const [a, b] = await Promise.all([renderReportPdf(docFor(lang)), renderReportPdf(structuredClone(docFor(lang)))]);
		expect(a).toEqual(b);
		expect(await renderReportPdf(docFor(lang, GENERATED_AT + 60_000))).not.toEqual(a);
	});
});

it('draws the funnel as three tracks and three filled bars, the longest as wide as the page text', async () => {
	const streams = await contentStreams(await renderReportPdf(docFor('fr')));
	const rects = streams
		.flatMap((s) => [...s.matchAll(/q ([\d.]+) ([\d.]+) ([\d.]+) rg\n([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\nf Q/g)])
		.map((m) => ({ color: m[1], x: Number(m[4]), w: Number(m[6]) }));
	const tracks = rects.filter((r) => r.color === '0.92');
	const bars = rects.filter((r) => r.color !== '0.92');
	expect(tracks).toHaveLength(3);
	expect(bars).toHaveLength(3);
	const full = tracks[0].w;
	expect(bars[0].w).toBeCloseTo(full, 1);
	// 59 of 16 500 and 5 of 16 500 are drawn as a 1 % sliver rather than nothing.
	expect(bars[1].w).toBeCloseTo(full * 0.01, 1);
	expect(bars[2].w).toBeCloseTo(full * 0.01, 1);
});

it('draws the Arabic funnel from the right edge', async () => {
	const streams = await contentStreams(await renderReportPdf(docFor('ar')));
	const rects = streams.flatMap((s) => [...s.matchAll(/rg\n([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\nf Q/g)]).map((m) => ({ x: Number(m[1]), w: Number(m[3]) }));
	const [track, , , small] = [rects[0], rects[1], rects[2], rects[3]];
	// The second bar (59 of 16 500) ends where its track ends: at the right margin.
	expect(small.x + small.w).toBeCloseTo(track.x + track.w, 1);
	expect(small.x).toBeGreaterThan(track.x + track.w / 2);
});

it('renders a campaign without any signed agreement', async () => {
	const bytes = await renderReportPdf(buildReportDocument(fixtureReport(EMPTY_REPORT_INPUT), { lang: 'ar', now: GENERATED_AT }));
	expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
});

it('every character of every label has a glyph in the font (no empty boxes)', async () => {
	const font = (await loadFont('regular')).font;
	const missing = new Set<string>();
	for (const labels of Object.values(REPORT_LABELS)) {
		for (const text of Object.values(labels)) {
			for (const ch of text.replace(/[\s\u00a0\u202f]/g, '')) if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(ch);
		}
	}
	expect([...missing]).toEqual([]);
});
