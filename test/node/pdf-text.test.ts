import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { AGREEMENT_DOCUMENTS, CERTIFICATES, SAMPLE_META } from '../fixtures/agreement-documents';

// Reads our PDFs back with poppler, as an outside reader would: the text layer must give
// the clauses in logical order with real Arabic letters, and the pages must show ink.

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// pdftotext wraps right-to-left and left-to-right stretches in embedding marks.
const BIDI_MARKS = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

let dir = '';
const files: Record<string, string> = {};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'wasla-pdf-'));
	for (const lang of ['fr', 'ar'] as const) {
		const bytes = await renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]);
		files[lang] = join(dir, `${lang}.pdf`);
		writeFileSync(files[lang], bytes);
		files[`${lang}-cert`] = join(dir, `${lang}-cert.pdf`);
		writeFileSync(files[`${lang}-cert`], await appendCompletionCertificate(bytes, CERTIFICATES[lang]));
	}
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

function pdftotext(file: string, layout: boolean): string {
	return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Page texts without their footer lines, marks and whitespace removed. */
function bodyText(text: string): string {
	return text
		.split('\f')
		.map((page) =>
			page
				.split('\n')
				.filter((line) => !line.includes(SAMPLE_META.documentSha256) && !line.includes(SAMPLE_META.agreementId) && !/(Page|صفحة)/.test(line))
				.join('\n')
		)
		.join('\n')
		.replace(BIDI_MARKS, '')
		.replace(PUNCTUATION, '')
		.replace(/\s+/gu, '');
}

// Whitespace and sentence punctuation are left out of text comparisons: poppler's simple
// bidi pass attaches a neutral '.' or ':' to the neighbouring left-to-right run
// ("INSTA-NOUR." comes back as ".INSTA-NOUR") although the page shows it in its place.
const PUNCTUATION = /[.,:،؛]/gu;
const squash = (s: string) => s.replace(/\s+/gu, '');
const letters = (s: string) => squash(s).replace(PUNCTUATION, '');

describe.each(['fr', 'ar'] as const)('text layer (%s)', (lang) => {
	const doc = AGREEMENT_DOCUMENTS[lang];

	test.each([false, true])('pdftotext (layout %s) gives every clause back in logical order', (layout) => {
		const raw = pdftotext(files[lang], layout);
		expect(raw).not.toMatch(PRESENTATION_FORMS);
		const body = bodyText(raw);
		let last = -1;
		for (const clause of doc.clauses) {
			const at = body.indexOf(letters(clause.heading), last + 1);
			expect(at, clause.heading).toBeGreaterThan(last);
			last = at;
			for (const paragraph of clause.paragraphs) expect(body, paragraph).toContain(letters(paragraph));
		}
		expect(body).toContain(letters(doc.title));
		for (const party of doc.parties) expect(body).toContain(letters(party.label));
	});

	test('every page footer carries the document hash, id and page number', () => {
		const pages = pdftotext(files[lang], true)
			.split('\f')
			.filter((p) => p.trim());
		expect(pages.length).toBeGreaterThan(1);
		pages.forEach((page, index) => {
			const flat = squash(page.replace(BIDI_MARKS, ''));
			expect(flat).toContain(SAMPLE_META.documentSha256);
			expect(flat).toContain(SAMPLE_META.agreementId);
			const label = doc.footer.page.replace('{n}', String(index + 1)).replace('{total}', String(pages.length));
			if (lang === 'fr') expect(flat).toContain(squash(label));
			else for (const part of label.split(/\s+/)) expect(flat).toContain(part);
		});
	});

	test('the certificate page lists the evidence and every page is renumbered', () => {
		const before = pdftotext(files[lang], false)
			.split('\f')
			.filter((p) => p.trim()).length;
		const pages = pdftotext(files[`${lang}-cert`], false)
			.split('\f')
			.filter((p) => p.trim());
		expect(pages.length).toBeGreaterThan(before);
		const cert = CERTIFICATES[lang];
		const certText = squash(pages.slice(before).join('\n').replace(BIDI_MARKS, ''));
		expect(certText).not.toMatch(PRESENTATION_FORMS);
		for (const text of [cert.title, cert.labels.consentSha256, cert.auditHead, cert.verifyUrl, cert.signers[0].consentSha256, cert.signers[1].ip]) {
			expect(certText).toContain(squash(text));
		}
		if (lang === 'fr') {
			pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pages.length}`));
		}
	});
});

/** Renders one page to a greyscale bitmap without anti-aliasing. */
function renderGray(file: string, page: number, dpi: number): { w: number; h: number; pixels: Uint8Array } {
	const prefix = join(dir, `gray-${page}-${dpi}-${file.split('/').pop()}`);
	execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-aa', 'no', '-aaVector', 'no', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
	const pgm = readFileSync(`${prefix}.pgm`);
	// Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
	const header = pgm
		.subarray(0, 40)
		.toString('latin1')
		.match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
	if (!header) throw new Error('not a PGM');
	return { w: Number(header[1]), h: Number(header[2]), pixels: pgm.subarray(header[0].length) };
}

test.each(['fr', 'ar'] as const)('the certificate QR code (%s) on the page is the verification URL, not mirrored', (lang) => {
	const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [files[`${lang}-cert`]], { encoding: 'utf8' }))?.[1]);
	const { w, h, pixels } = renderGray(files[`${lang}-cert`], pages, 120);
	// QR modules are the only pure black on the page (text is drawn in a dark grey).
	let [x0, y0, x1, y1] = [w, h, -1, -1];
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			if (pixels[y * w + x] !== 0) continue;
			x0 = Math.min(x0, x);
			x1 = Math.max(x1, x);
			y0 = Math.min(y0, y);
			y1 = Math.max(y1, y);
		}
	}
	const expected = encode(CERTIFICATES[lang].verifyUrl, { ecc: 'M', border: 0 });
	const n = expected.size;
	expect(x1 - x0).toBeGreaterThan(n * 3);
	// Square, within a pixel per side.
	expect(Math.abs(x1 - x0 - (y1 - y0))).toBeLessThanOrEqual(2);
	const unit = (x1 - x0 + 1) / n;
	// The quiet zone (4 modules) around the symbol is blank.
	for (let y = Math.round(y0 - 4 * unit); y < Math.round(y1 + 4 * unit); y++) {
		for (const x of [Math.round(x0 - 3.5 * unit), Math.round(x1 + 3.5 * unit)]) expect(pixels[y * w + x]).toBe(255);
	}
	let mismatches = 0;
	for (let r = 0; r < n; r++) {
		for (let c = 0; c < n; c++) {
			const dark = pixels[Math.floor(y0 + (r + 0.5) * unit) * w + Math.floor(x0 + (c + 0.5) * unit)] === 0;
			if (dark !== expected.data[r][c]) mismatches++;
		}
	}
	expect(mismatches).toBe(0);
});

/** Dark pixels in the left and right halves of a page rendered to greyscale. */
function inkByHalf(file: string): { left: number; right: number } {
	const prefix = join(dir, `ink-${Math.random().toString(36).slice(2)}`);
	execFileSync('pdftoppm', ['-r', '60', '-gray', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
	const pgm = readFileSync(`${prefix}.pgm`);
	// Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
	const header = pgm
		.subarray(0, 40)
		.toString('latin1')
		.match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
	if (!header) throw new Error('not a PGM');
	const [, w, h] = header.map(Number);
	const pixels = pgm.subarray(header[0].length);
	let left = 0;
	let right = 0;
	for (let y = 0; y < h; y++) {
		for (let x = 0; x < w; x++) {
			if (pixels[y * w + x] < 128) {
				if (x < w / 2) left++;
				else right++;
			}
		}
	}
	return { left, right };
}

test('the Arabic first page renders to a PNG with ink, weighted to the right', () => {
	const prefix = join(dir, 'ar-page');
	execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', files.ar, prefix]);
	expect(existsSync(`${prefix}.png`)).toBe(true);
	expect(statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
	const ar = inkByHalf(files.ar);
	const fr = inkByHalf(files.fr);
	expect(ar.right).toBeGreaterThan(2_000);
	// Right-aligned Arabic puts more ink on the right; left-aligned French on the left.
	expect(ar.right).toBeGreaterThan(ar.left);
	expect(fr.left).toBeGreaterThan(fr.right);
});
