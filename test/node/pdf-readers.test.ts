/**
 * The agreement PDFs (fr, ar, en) and their certificate of completion read back by the two
 * readers people use (issue 14, point 11): Mozilla's pdf.js (Firefox) and poppler
 * (pdftotext). Both must give every paragraph whole and in logical order, punctuation in
 * place and harakat kept; the certificate says times in Algiers time in the reader's
 * format and shows each signer's browser; the file is tagged (structure tree, /Lang).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildAgreementDocument, buildCompletionCertificate } from '../../contracts/clauses';
import type { AgreementDocument, DocLang } from '../../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { prefillTerms } from '../../worker/domain/agreement-terms';
import { pdfjsPages } from './pdfjs-text';
import { pdftotext } from './pdftotext';

const LANGS: DocLang[] = ['fr', 'ar', 'en'];
const AGREEMENT_ID = 'agr_01JD7K3M9QW4ZC8XN2V5T6BHRE';
const HASH = '3f5a9c1e7b2d4f60a8e1c3b5d7f9024681ace3579bdf02468ace13579bdf0246';
const CHROME = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0';

/** A brand and a creator whose legal names are written in Arabic, in every language. */
function terms() {
	return prefillTerms({
		brand: {
			id: 'b1',
			name: 'عطور الصحراء',
			legalName: 'SARL عطور الصحراء',
			rcNumber: '13/00-0123456 B 21',
			nif: '000213012345678',
			representative: 'أمال بن علي',
			wilaya: { code: '13', nameFr: 'Tlemcen', nameAr: 'تلمسان' }
		},
		creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty', legalName: 'نور الهدى سعيدي', autoEntrepreneurCard: 'AE-16-004512' },
		campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales', reuseRightsDays: 45, startsAt: Date.UTC(2026, 10, 12, 9), endsAt: Date.UTC(2026, 11, 14, 9) },
		application: { formats: ['reel', 'story'], feeDzd: 37_500, proposedDates: [] }
	});
}

const docs = {} as Record<DocLang, AgreementDocument>;
const bytes = {} as Record<string, Uint8Array>;
const files = {} as Record<string, string>;
let dir = '';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'wasla-readers-'));
	for (const lang of LANGS) {
		docs[lang] = buildAgreementDocument({ agreementId: AGREEMENT_ID, version: 3, documentSha256: HASH, terms: terms(), lang, verifyUrl: 'https://wasla.example/verify' });
		bytes[lang] = await renderAgreementPdf(docs[lang]);
		const cert = buildCompletionCertificate(lang, {
			meta: docs[lang].meta,
			signers: [
				// 14:07 UTC is 15:07 in Algiers (UTC+1 all year).
				{ party: 'creator', name: 'نور الهدى سعيدي', signedAt: '2026-12-04T14:07:00.000Z', ip: '41.111.209.77', userAgent: CHROME, documentSha256: HASH, consentSha256: 'a'.repeat(64) },
				{ party: 'brand', name: 'أمال بن علي', signedAt: '2026-12-04T23:30:00.000Z', ip: '105.235.131.18', userAgent: FIREFOX, documentSha256: HASH, consentSha256: 'b'.repeat(64) }
			],
			auditHead: 'c'.repeat(64),
			verifyUrl: 'https://wasla.example/verify'
		});
		bytes[`${lang}-cert`] = await appendCompletionCertificate(bytes[lang], cert);
	}
	for (const [name, b] of Object.entries(bytes)) writeFileSync((files[name] = join(dir, `${name}.pdf`)), b);
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Footer lines: "Contrat : agr_… · Version : 3" (pdf.js puts the page number on the same line), the hash line, the page number. */
const FOOTER = /^(Contrat|Agreement|العقد) ?:|^(Empreinte SHA-256|SHA-256 fingerprint|بصمة SHA-256) ?:|^(Page|صفحة|الصفحة) \d/;
const flat = (s: string) =>
	s
		.replace(/[\u00a0\u202f]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** The body text as each reader gives it: lines in order, footers left out, joined by spaces. */
async function readers(name: string): Promise<Record<'pdfjs' | 'poppler', string>> {
	const pdfjs = (await pdfjsPages(bytes[name])).flatMap((p) => p.lines).filter((l) => !FOOTER.test(l));
	const poppler = pdftotext(files[name], false)
		.split(/\n|\f/)
		.map((l) => l.trim())
		.filter((l) => l && !FOOTER.test(l));
	return { pdfjs: flat(pdfjs.join(' ')), poppler: flat(poppler.join(' ')) };
}

const paragraphs = (doc: AgreementDocument) => [doc.title, ...doc.parties.flatMap((p) => [p.label, ...p.lines]), ...doc.clauses.flatMap((c) => [`${c.number}. ${c.heading}`, ...c.paragraphs])];

describe.each(LANGS)('the %s agreement', (lang) => {
	test.each(['pdfjs', 'poppler'] as const)('%s gives every heading and paragraph whole, in order, punctuation in place', async (reader) => {
		const text = (await readers(lang))[reader];
		let from = 0;
		for (const paragraph of paragraphs(docs[lang])) {
			const at = text.indexOf(flat(paragraph), from);
			expect(at, `${reader}: ${paragraph}`).toBeGreaterThanOrEqual(from);
			from = at + 1;
		}
	});
});

describe('Arabic', () => {
	test('lines with harakat come back whole with their marks, in both readers', async () => {
		const marked = paragraphs(docs.ar).filter((p) => /\p{Mn}/u.test(p));
		expect(marked.length).toBeGreaterThan(10);
		const { pdfjs, poppler } = await readers('ar');
		for (const p of marked) {
			expect(pdfjs, p).toContain(flat(p));
			expect(poppler, p).toContain(flat(p));
		}
		// The clause that refers to article 3: the number, then its comma.
		expect(pdfjs).toContain('المحتويات المبينة في المادة 3، في إطار حملة «Sérum Blida» (الهدف: المبيعات عبر واتساب).');
		expect(poppler).toContain('المحتويات المبينة في المادة 3، في إطار حملة «Sérum Blida» (الهدف: المبيعات عبر واتساب).');
	});

	test('pdf.js reads each line of the Arabic body as at most a few items, never a cut-up line', async () => {
		const pages = await pdfjsPages(bytes.ar);
		const lines = pages.flatMap((p) => p.lines.map((l, i) => ({ l, items: p.items[i] })));
		// One item per directional run: a line of plain Arabic is one item.
		const plain = lines.filter(({ l }) => /^[\p{Script=Arabic}\s،.]+$/u.test(l));
		expect(plain.length).toBeGreaterThan(10);
		for (const { l, items } of plain) expect(items, l).toBe(1);
	});
});

test('a French agreement keeps the punctuation after an Arabic name', async () => {
	for (const reader of ['pdfjs', 'poppler'] as const) {
		const text = (await readers('fr'))[reader];
		expect(text, reader).toContain(
			'« la Marque » : SARL عطور الصحراء (nom commercial عطور الصحراء), représentée par أمال بن علي. « le Créateur » : نور الهدى سعيدي, connu sous le nom de Nour Beauty (@nour.beauty).'
		);
		expect(text, reader).toContain('Représentée par : أمال بن علي');
	}
});

describe('the certificate of completion', () => {
	const MOMENTS: Record<DocLang, [string, string]> = {
		fr: ['4 décembre 2026 à 15:07 (heure d’Alger)', '5 décembre 2026 à 00:30 (heure d’Alger)'],
		ar: ['4 ديسمبر 2026 على الساعة 15:07 (بتوقيت الجزائر)', '5 ديسمبر 2026 على الساعة 00:30 (بتوقيت الجزائر)'],
		en: ['4 December 2026 at 15:07 (Algiers time)', '5 December 2026 at 00:30 (Algiers time)']
	};

	test.each(LANGS)('(%s) gives the signing times in Algiers time and each signer’s browser, in both readers', async (lang) => {
		const { pdfjs, poppler } = await readers(`${lang}-cert`);
		for (const text of [pdfjs, poppler]) {
			for (const moment of MOMENTS[lang]) expect(text).toContain(moment);
			expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
			// A user agent is long: it wraps onto a second line of the value column.
			for (const ua of [CHROME, FIREFOX]) for (const token of ua.split(' ')) expect(text).toContain(token);
		}
		// pdf.js reads the rows in drawing order: the browser's whole value follows its label.
		for (const ua of [CHROME, FIREFOX]) expect(pdfjs).toContain(ua);
		const label = { fr: 'Navigateur', ar: 'المتصفح', en: 'Browser' }[lang];
		const line = (await pdfjsPages(bytes[`${lang}-cert`])).flatMap((p) => p.lines).find((l) => l.includes(label));
		expect(line).toBeDefined();
		expect(line!.replace(label, '').trim().length).toBeGreaterThan(20);
	});
});

/** The catalog of a PDF, and its structure elements reachable from the root. */
async function structure(b: Uint8Array) {
	const pdf = await PDFDocument.load(b);
	const catalog = pdf.catalog;
	const root = catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
	const elements: PDFDict[] = [];
	const walk = (node: unknown) => {
		const dict = node instanceof PDFRef ? pdf.context.lookup(node) : node;
		if (dict instanceof PDFArray) return dict.asArray().forEach(walk);
		if (!(dict instanceof PDFDict) || dict.get(PDFName.of('Type')) !== PDFName.of('StructElem')) return;
		elements.push(dict);
		walk(dict.get(PDFName.of('K')));
	};
	walk(root.get(PDFName.of('K')));
	const lang = (d: PDFDict) => (d.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText() ?? null) as string | null;
	return { pdf, catalog, root, elements, lang };
}

describe.each(LANGS)('the %s PDF is tagged', (lang) => {
	test.each(['', '-cert'])('%s: MarkInfo, a structure tree of headings and paragraphs, /Lang on the catalog and on other-language spans', async (suffix) => {
		const { pdf, catalog, root, elements, lang: langOf } = await structure(bytes[lang + suffix]);
		expect(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
		expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe({ fr: 'fr-DZ', ar: 'ar-DZ', en: 'en' }[lang]);
		const roles = elements.map((e) => e.get(PDFName.of('S'))?.toString());
		expect(roles[0]).toBe('/Document');
		expect(roles.filter((r) => r === '/H1').length).toBe(suffix ? 2 : 1);
		expect(roles.filter((r) => r === '/H2').length).toBeGreaterThanOrEqual(docs[lang].clauses.length);
		expect(roles.filter((r) => r === '/P').length).toBeGreaterThan(20);
		// Every page's marked content is in the parent tree.
		const pages = pdf.getPages();
		expect(root.lookup(PDFName.of('ParentTreeNextKey'), PDFNumber).asNumber()).toBe(pages.length);
		pages.forEach((page, i) => expect(page.node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber()).toBe(i));
		const spans = elements.filter((e) => e.get(PDFName.of('S'))?.toString() === '/Span').map(langOf);
		// Arabic names in a French or English text; Latin words in an Arabic one.
		expect(spans).toContain(lang === 'ar' ? 'fr' : 'ar');
	});
});
