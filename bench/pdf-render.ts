// PDF renderer micro-benchmark (issue 5, point 2): CPU time to render the fixture agreement
// in fr, ar and en with contracts/pdf (shaping, bidi, own glyph placement, fonts embedded
// whole) and to append the certificate of completion, as a ratio to pdf-lib's plain
// drawText of the same French text in Helvetica (no shaping, no embedding) measured in the
// same run. CPU = process.cpuUsage() user + system per iteration, after a warm-up.
// Run: npx tsx bench/pdf-render.ts [iterations]
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { appendCompletionCertificate, renderAgreementPdf } from '../contracts/pdf';
import { AGREEMENT_DOCUMENTS, CERTIFICATES } from '../test/fixtures/agreement-documents';

async function helveticaBaseline(): Promise<Uint8Array> {
	const doc = AGREEMENT_DOCUMENTS.fr;
	const pdf = await PDFDocument.create({ updateMetadata: false });
	const font = await pdf.embedFont(StandardFonts.Helvetica);
	let page = pdf.addPage([595.28, 841.89]);
	let y = 780;
	const text = [doc.title, ...doc.clauses.flatMap((c) => [`${c.number}. ${c.heading}`, ...c.paragraphs])];
	for (const paragraph of text) {
		const lines = Math.ceil(font.widthOfTextAtSize(paragraph, 10.5) / 475) + 1;
		if (y - lines * 16 < 84) {
			page = pdf.addPage([595.28, 841.89]);
			y = 780;
		}
		page.drawText(paragraph, { x: 60, y, size: 10.5, font, maxWidth: 475, lineHeight: 16 });
		y -= lines * 16;
	}
	return pdf.save({ useObjectStreams: false });
}

/** Mean CPU milliseconds per call of `fn` over `n` iterations after `warmup` calls. */
export async function cpuPerCall(fn: () => Promise<unknown>, n: number, warmup = 5): Promise<number> {
	for (let i = 0; i < warmup; i++) await fn();
	const start = process.cpuUsage();
	for (let i = 0; i < n; i++) await fn();
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / n;
}

/** Renderer-only rows: name, CPU ms per call, ratio to the Helvetica baseline, output bytes. */
export async function benchPdfRender(n = 20): Promise<{ name: string; ms: number; ratio: number; bytes: number }[]> {
	const baselineBytes = await helveticaBaseline();
	const baseline = await cpuPerCall(helveticaBaseline, n);
	const rows = [{ name: 'pdf-lib drawText, Helvetica, fr (baseline)', ms: baseline, ratio: 1, bytes: baselineBytes.length }];
	for (const lang of ['fr', 'ar', 'en'] as const) {
		const bytes = await renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]);
		const ms = await cpuPerCall(() => renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]), n);
		rows.push({ name: `renderAgreementPdf ${lang}`, ms, ratio: ms / baseline, bytes: bytes.length });
	}
	const ar = await renderAgreementPdf(AGREEMENT_DOCUMENTS.ar);
	const withCert = await appendCompletionCertificate(ar, CERTIFICATES.ar);
	const certMs = await cpuPerCall(() => appendCompletionCertificate(ar, CERTIFICATES.ar), n);
	rows.push({ name: 'appendCompletionCertificate ar', ms: certMs, ratio: certMs / baseline, bytes: withCert.length });
	return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const n = Number(process.argv[2] ?? 20);
	const rows = await benchPdfRender(n);
	console.log(`\n${'step'.padEnd(44)} CPU ms/call   × baseline   PDF bytes`);
	for (const r of rows) console.log(`${r.name.padEnd(44)} ${r.ms.toFixed(1).padStart(11)} ${r.ratio.toFixed(1).padStart(12)} ${String(r.bytes).padStart(11)}`);
	console.log(`\n${n} iterations after 5 warm-up calls; machines here are shared, read the ratios, not the milliseconds.`);
}
