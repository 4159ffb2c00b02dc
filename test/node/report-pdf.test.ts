/**
 * The campaign report's PDF read back with poppler (issue 12, point 6), as a brand's
 * accountant would: pdftotext must give the French figures computed by hand for the fixture
 * (test/fixtures/campaign-reports.ts), next to their labels, and the Arabic text in logical
 * order with real letters and the numbers as written.
 */
import { pdftotext } from './pdftotext';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReportPdf } from '../../contracts/pdf';
import { buildReportDocument } from '../../worker/domain/report-document';
import { GENERATED_AT, fixtureReport } from '../fixtures/campaign-reports';

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
// poppler's simple bidi pass may move a neutral '.', ':' or bracket next to a left-to-right
// run ("(14:05" comes back as "(1405" before the bracket it follows on the page).
const PUNCTUATION = /[.,:،؛()]/gu;

let dir = '';
const files: Record<string, string> = {};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'wasla-report-'));
	for (const lang of ['fr', 'ar', 'en'] as const) {
		files[lang] = join(dir, `${lang}.pdf`);
		writeFileSync(files[lang], await renderReportPdf(buildReportDocument(fixtureReport(), { lang, now: GENERATED_AT })));
	}
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/gu, '').replace(PUNCTUATION, '');

/** The text after the first line holding `label`: its value, as printed on the same line. */
function valuesOf(text: string, label: string): string[] {
	return text
		.split('\n')
		.filter((line) => line.trimStart().startsWith(label))
		.map((line) => line.slice(line.indexOf(label) + label.length).trim());
}

describe('French', () => {
	test('every total computed by hand for the fixture is printed next to its label, then each creator’s', () => {
		const text = pdftotext(files.fr, true);
		expect(text).not.toMatch(PRESENTATION_FORMS);
		expect(text).toContain('Rapport de campagne');
		expect(text).toContain('Généré le 26 novembre 2026 à 14:05 (heure d’Alger)');
		// Totals first, then نور بيوتي, then Sara Mode.
		expect(valuesOf(text, 'Vues')).toEqual(['16 500', '12 500', '4 000', '0', '14 000', '2 500']);
		expect(valuesOf(text, 'Portée')).toEqual(['13 500', '10 000', '3 500', '0', '11 500', '2 000']);
		expect(valuesOf(text, 'Clics sur le lien')).toEqual(['50', '40', '10']);
		expect(valuesOf(text, 'Commandes livrées sans créateur')).toEqual(['1']);
		expect(valuesOf(text, 'Chiffre d’affaires livré')).toEqual(['20 000 DA', '12 500 DA', '6 000 DA']);
		expect(valuesOf(text, 'Panier moyen')).toEqual(['4 000 DA', '4 166 DA', '6 000 DA']);
		// pdftotext keeps or drops the no-break space of "0 %" depending on the glyphs' widths.
		expect(valuesOf(text, 'Taux de retour').map((v) => v.replace(/ %$/, '%'))).toEqual(['17%', '25%', '0%']);
		expect(valuesOf(text, 'Total des cachets')).toEqual(['22 000 DA']);
		expect(valuesOf(text, 'Coût par clic')).toEqual(['440 DA', '250 DA', '1 200 DA']);
		expect(valuesOf(text, 'Coût par conversation')).toEqual(['2 444 DA', '1 250 DA', '12 000 DA']);
		expect(valuesOf(text, 'Coût par commande')).toEqual(['4 400 DA', '3 333 DA', '12 000 DA']);
		expect(valuesOf(text, 'Chiffre d’affaires ÷ cachet')).toEqual(['×0,91', '×1,25', '×0,50']);
		expect(text).toContain('Attention — vues : 16 500');
		expect(text).toContain('Intention — clics et conversations : 59');
		expect(text).toContain('Conversion — commandes livrées : 5');
	});

	test('the recommendation, its reasons and the limited offer read as written, and every page is numbered', () => {
		const text = pdftotext(files.fr, false);
		for (const line of [
			'Recommandation : à garder comme ambassadeur',
			'Ventes livrées : 3 (au moins 3).',
			'Le chiffre d’affaires livré couvre le cachet (1,25 fois).',
			'Recommandation : pas encore ambassadeur',
			'Ventes livrées : seulement 1 (il en faut au moins 3).',
			'Offre limitée : du 20 novembre 2026 à 10:00 au 21 novembre 2026 à 22:00',
			'@sara.mode'
		]) {
			expect(text).toContain(line);
		}
		const pages = text.split('\f').filter((p) => p.trim());
		expect(pages.length).toBeGreaterThan(2);
		pages.forEach((page, k) => {
			expect(page).toContain(`Page ${k + 1} / ${pages.length}`);
			expect(page).toContain('cmp_01JDREPORTFIXTURE0000000000');
		});
	});
});

describe('Arabic', () => {
	test.each([false, true])('pdftotext (layout %s) gives the Arabic back in logical order with the numbers as written', (layout) => {
		const raw = pdftotext(files.ar, layout);
		expect(raw).not.toMatch(PRESENTATION_FORMS);
		const flat = squash(raw);
		// Headings in the order drawn, each in logical order.
		let last = -1;
		for (const heading of ['تقرير الحملة', 'قاعدة النسبة', 'الحملة كاملة', 'مسار التحويل', 'حسب صانع المحتوى', 'نور بيوتي', 'Sara Mode', 'الانتباه حسب الصيغة']) {
			const at = flat.indexOf(squash(heading), last + 1);
			expect(at, heading).toBeGreaterThan(last);
			last = at;
		}
		for (const sentence of [
			'أُنشئ في 26 نوفمبر 2026 على الساعة 14:05 (بتوقيت الجزائر)',
			'يُنسب كل طلب إلى صانع محتوى واحد',
			'التوصية: يُنصح بالإبقاء عليه سفيرًا',
			'رقم الأعمال المُسلَّم يغطي الأجر',
			'المبيعات المُسلَّمة: 1 فقط، والمطلوب 3 على الأقل.'
		]) {
			expect(flat).toContain(squash(sentence));
		}
		// Amounts, counts, handles and ids stay left to right: digits in their order, unit after.
		for (const figure of ['20 000 د.ج', '12 500 د.ج', '2 444 د.ج', '16 500', '13 500', '@nour.beauty', '@sara.mode', 'cmp_01JDREPORTFIXTURE0000000000']) {
			expect(flat).toContain(squash(figure));
		}
	});

	test('with -layout an amount sits on the line of its label', () => {
		const lines = pdftotext(files.ar, true).split('\n');
		const amount = /(\d{1,3}(?: \d{3})*) ?د\.ج/;
		const revenue = lines.filter((l) => l.includes('رقم الأعمال المُسلَّم') && amount.test(l));
		expect(revenue.map((l) => amount.exec(l)![1])).toEqual(['20 000', '12 500', '6 000']);
	});
});

test('English prints money as "DZD 20,000"', () => {
	const text = pdftotext(files.en, true);
	expect(valuesOf(text, 'Delivered revenue')).toEqual(['DZD 20,000', 'DZD 12,500', 'DZD 6,000']);
	expect(text).toContain('Generated on 26 November 2026 at 14:05 (Algiers time)');
});
