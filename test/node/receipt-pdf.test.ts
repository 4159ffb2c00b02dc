/**
 * The payout receipt's PDF read back with poppler (issue 13, point 5): French and Arabic
 * give every fact and the receipt hash; the Arabic comes back in logical order with real
 * letters, the amount, the reference and the ids left to right.
 */
import { pdftotext } from './pdftotext';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReportPdf } from '../../contracts/pdf';
import { type ReceiptFacts, buildReceiptDocument, receiptSha256 } from '../../worker/domain/payout-receipt';

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const PUNCTUATION = /[.,:،؛()—-]/gu;

const FACTS: ReceiptFacts = {
	payoutId: 'pay_01JDRECEIPTFIXTURE00000000',
	agreementId: 'agr_01JDRECEIPTFIXTURE00000000',
	brandId: 'brand-1',
	creatorId: 'creator-1',
	seq: 1,
	milestone: 'signature',
	amountDzd: 12_500,
	method: 'baridimob',
	reference: 'BM-2027-000184',
	paidAt: '2027-01-14T09:30:00.000Z',
	confirmedAt: '2027-01-15T18:00:00.000Z'
};

let dir = '';
let sha = '';
const files: Record<string, string> = {};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'wasla-receipt-'));
	sha = await receiptSha256(FACTS);
	for (const lang of ['fr', 'ar'] as const) {
		files[lang] = join(dir, `${lang}.pdf`);
		const names =
			lang === 'ar' ? { brandName: 'عطور الصحراء', creatorName: 'نور بيوتي', campaignTitle: 'عطر الربيع' } : { brandName: 'Atelier Lina', creatorName: 'Nour Beauty', campaignTitle: 'Sérum éclat' };
		writeFileSync(files[lang], await renderReportPdf(buildReceiptDocument(FACTS, { lang, sha256: sha, ...names, verifyUrl: `https://wasla.dz/api/v1/payouts/${FACTS.payoutId}/receipt/verify` })));
	}
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/gu, '').replace(PUNCTUATION, '');

describe('French', () => {
	test('payer, payee, amount, method, reference, dates, agreement and instalment, and the hash on the page', () => {
		const text = pdftotext(files.fr, true);
		expect(text).toContain('Reçu de paiement');
		for (const [label, value] of [
			['Montant', '12 500 DA'],
			['Moyen de paiement', 'BaridiMob'],
			['Référence', 'BM-2027-000184'],
			['Payé le', '14 janvier 2027'],
			['Réception confirmée le', '15 janvier 2027'],
			['Payeur (la marque)', 'Atelier Lina'],
			['Bénéficiaire (le créateur)', 'Nour Beauty'],
			['Accord', 'agr_01JDRECEIPTFIXTURE00000000'],
			['Échéance', '1 — à la signature du contrat']
		]) {
			const line = text.split('\n').find((l) => l.trimStart().startsWith(label));
			expect(line, label).toBeDefined();
			expect(line!.slice(line!.indexOf(label) + label.length).trim()).toBe(value);
		}
		expect(squash(text)).toContain(squash(`Empreinte SHA-256 du reçu : ${sha}`));
		expect(text).toContain('Page 1 / 1');
	});
});

describe('Arabic', () => {
	test.each([false, true])('pdftotext (layout %s): logical order, real letters, numbers and codes as written', (layout) => {
		const raw = pdftotext(files.ar, layout);
		expect(raw).not.toMatch(PRESENTATION_FORMS);
		const flat = squash(raw);
		let last = -1;
		for (const heading of ['وصل دفع', 'عطر الربيع', 'الدفع', 'الطرفان', 'الاتفاقية']) {
			const at = flat.indexOf(squash(heading), last + 1);
			expect(at, heading).toBeGreaterThan(last);
			last = at;
		}
		for (const piece of ['12 500 د.ج', 'BM-2027-000184', 'بريدي موب', '14 جانفي 2027', '15 جانفي 2027', 'عطور الصحراء', 'نور بيوتي', 'agr_01JDRECEIPTFIXTURE00000000', 'عند توقيع العقد', sha]) {
			expect(flat, piece).toContain(squash(piece));
		}
		expect(flat).toContain(squash('لا تحتفظ وصلة بالأموال'));
	});
});
