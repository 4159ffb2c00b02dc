/**
 * Reading a PDF back as text with Mozilla's pdf.js (the viewer in Firefox), as another reader
 * would (node tests): getTextContent per page, items grouped into lines by their baseline.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js keeps the directional marks our text layer carries for poppler; they are invisible. */
const MARKS = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export interface PdfjsPage {
	/** Lines top to bottom; each line is its items joined in content order. */
	lines: string[];
	/** How many text items each line was made of (a whole line is one item in our PDFs). */
	items: number[];
}

/** Every page's lines as pdf.js extracts them (marks removed, no-break spaces made plain). */
export async function pdfjsPages(bytes: Uint8Array): Promise<PdfjsPage[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
	const pages: PdfjsPage[] = [];
	try {
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const content = await page.getTextContent();
			const rows: { y: number; parts: string[] }[] = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str === '') continue;
				const y = item.transform[5];
				let row = rows.find((r) => Math.abs(r.y - y) < 2);
				if (!row) rows.push((row = { y, parts: [] }));
				row.parts.push(item.str);
			}
			rows.sort((a, b) => b.y - a.y);
			pages.push({
				lines: rows.map((r) => clean(r.parts.join(''))),
				items: rows.map((r) => r.parts.filter((p) => p.trim()).length)
			});
		}
	} finally {
		await doc.destroy();
	}
	return pages;
}

const clean = (s: string) =>
	s
		.replace(MARKS, '')
		.replace(/[\u00a0\u202f]/g, ' ')
		.trim();
