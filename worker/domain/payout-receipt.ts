/**
 * The receipt of a confirmed payout (issue 13, point 5): its facts, their hash, and the
 * document the agreements' renderer draws (contracts/pdf/render-report.ts) in French or
 * Arabic (English too).
 *
 * Verifiable like the agreements: the **receipt hash** is the SHA-256 of the canonical JSON
 * (contracts/hash.ts) of the payout's facts once confirmed — ids, amount, method, reference,
 * paid and confirmed moments — whatever the language or the layout, as an agreement's
 * document hash is that of its terms. The confirmation writes it on the agreement's audit
 * chain (`receiptSha256` in `payout_confirmed`, or in `payout_resolved` when an admin
 * decides "paid"), in the confirmation's batch; every page of the PDF prints it; and
 * `GET /payouts/:id/receipt/verify?sha256=` recomputes it from the stored payout and finds
 * it on the chain. The PDF's bytes themselves are not stored: rendering is deterministic, and
 * the hash that matters is the facts'.
 */
import { documentCanonicalJson } from '../../contracts/hash';
import type { DocLang } from '../../contracts/document';
import type { ReportDocument } from '../../contracts/report-document';
import { docDate, docDzd } from '../../contracts/clauses/format';
import { VOCABULARY } from '../../contracts/clauses/labels';
import { sha256Hex } from './encoding';
import type { PaymentMilestone } from './agreement-terms';

/** What a receipt attests; nothing in it changes once the payout is confirmed. */
export interface ReceiptFacts {
	payoutId: string;
	agreementId: string;
	brandId: string;
	creatorId: string;
	seq: number;
	milestone: PaymentMilestone;
	amountDzd: number;
	method: string;
	reference: string;
	/** ISO 8601 (UTC). */
	paidAt: string;
	confirmedAt: string;
}

/** The facts of a payout row confirmed at `confirmedAt` (null when it lacks a payment: never confirmed by the flow). */
export function receiptFacts(
	p: {
		id: string;
		agreement_id: string;
		brand_id: string;
		creator_id: string;
		seq: number;
		milestone: string;
		amount_dzd: number;
		method: string | null;
		reference: string | null;
		paid_at: number | null;
	},
	confirmedAt: number
): ReceiptFacts | null {
	if (p.method === null || p.reference === null || p.paid_at === null) return null;
	return {
		payoutId: p.id,
		agreementId: p.agreement_id,
		brandId: p.brand_id,
		creatorId: p.creator_id,
		seq: p.seq,
		milestone: p.milestone as PaymentMilestone,
		amountDzd: p.amount_dzd,
		method: p.method,
		reference: p.reference,
		paidAt: new Date(p.paid_at).toISOString(),
		confirmedAt: new Date(confirmedAt).toISOString()
	};
}

/** The receipt hash: hex SHA-256 of the canonical JSON of `{ receipt: 1, …facts }`. A stored format (on the audit chain): changing it breaks verification of earlier receipts. */
export function receiptSha256(facts: ReceiptFacts): Promise<string> {
	return sha256Hex(documentCanonicalJson({ receipt: 1, ...facts }));
}

const METHODS: Record<DocLang, Record<string, string>> = {
	fr: { ccp: 'Virement CCP', baridimob: 'BaridiMob', bank: 'Virement bancaire', cash: 'Espèces' },
	ar: { ccp: 'تحويل CCP', baridimob: 'بريدي موب', bank: 'تحويل بنكي', cash: 'نقدًا' },
	en: { ccp: 'CCP transfer', baridimob: 'BaridiMob', bank: 'Bank transfer', cash: 'Cash' }
};

const WORDS = {
	fr: {
		title: 'Reçu de paiement',
		campaign: 'Campagne',
		payer: 'Payeur (la marque)',
		payee: 'Bénéficiaire (le créateur)',
		amount: 'Montant',
		method: 'Moyen de paiement',
		reference: 'Référence',
		paid: 'Payé le',
		confirmed: 'Réception confirmée le',
		agreement: 'Accord',
		instalment: 'Échéance',
		facts: 'Le paiement',
		parties: 'Les parties',
		agreementSection: 'L’accord',
		note: 'Wasla ne détient pas les fonds\u00a0: la marque a payé le créateur directement, et le créateur a confirmé la réception sur Wasla. Ce reçu reprend l’enregistrement de Wasla, inscrit au journal d’audit chaîné de l’accord.',
		hash: 'Empreinte SHA-256 du reçu',
		verify: 'Vérifier',
		receipt: 'Reçu',
		page: 'Page {n} / {total}'
	},
	ar: {
		title: 'وصل دفع',
		campaign: 'الحملة',
		payer: 'الدافع (العلامة التجارية)',
		payee: 'المستفيد (صانع المحتوى)',
		amount: 'المبلغ',
		method: 'وسيلة الدفع',
		reference: 'المرجع',
		paid: 'تاريخ الدفع',
		confirmed: 'تاريخ تأكيد الاستلام',
		agreement: 'الاتفاقية',
		instalment: 'الدفعة',
		facts: 'الدفع',
		parties: 'الطرفان',
		agreementSection: 'الاتفاقية',
		note: 'لا تحتفظ وصلة بالأموال: دفعت العلامة التجارية لصانع المحتوى مباشرة، وأكّد صانع المحتوى الاستلام على وصلة. يلخّص هذا الوصل سجلّ وصلة المقيّد في سجل التدقيق المتسلسل للاتفاقية.',
		hash: 'بصمة SHA-256 للوصل',
		verify: 'للتحقق',
		receipt: 'الوصل',
		page: 'صفحة {n} / {total}'
	},
	en: {
		title: 'Payment receipt',
		campaign: 'Campaign',
		payer: 'Payer (the brand)',
		payee: 'Payee (the creator)',
		amount: 'Amount',
		method: 'Payment method',
		reference: 'Reference',
		paid: 'Paid on',
		confirmed: 'Receipt confirmed on',
		agreement: 'Agreement',
		instalment: 'Instalment',
		facts: 'The payment',
		parties: 'The parties',
		agreementSection: 'The agreement',
		note: 'Wasla does not hold the money: the brand paid the creator directly, and the creator confirmed receipt on Wasla. This receipt restates Wasla’s record, written on the agreement’s chained audit trail.',
		hash: 'Receipt SHA-256 fingerprint',
		verify: 'Verify',
		receipt: 'Receipt',
		page: 'Page {n} / {total}'
	}
} as const;

const label = (lang: DocLang, l: string, v: string) => (lang === 'fr' ? `${l}\u00a0: ${v}` : `${l}: ${v}`);

/** The receipt as a document in `lang`: names as recorded now, facts and hash as confirmed. */
export function buildReceiptDocument(facts: ReceiptFacts, input: { lang: DocLang; sha256: string; brandName: string; creatorName: string; campaignTitle: string; verifyUrl: string }): ReportDocument {
	const { lang } = input;
	const w = WORDS[lang];
	const milestone = VOCABULARY[lang].milestone[facts.milestone] ?? facts.milestone;
	return {
		lang,
		title: w.title,
		subtitle: input.campaignTitle,
		lines: [label(lang, w.receipt, facts.payoutId)],
		sections: [
			{
				heading: w.facts,
				blocks: [
					{
						kind: 'rows',
						rows: [
							{ label: w.amount, value: docDzd(facts.amountDzd, lang) },
							{ label: w.method, value: METHODS[lang][facts.method] ?? facts.method },
							{ label: w.reference, value: facts.reference },
							{ label: w.paid, value: docDate(facts.paidAt, lang) },
							{ label: w.confirmed, value: docDate(facts.confirmedAt, lang) }
						]
					}
				]
			},
			{
				heading: w.parties,
				blocks: [
					{
						kind: 'rows',
						rows: [
							{ label: w.payer, value: input.brandName },
							{ label: w.payee, value: input.creatorName }
						]
					}
				]
			},
			{
				heading: w.agreementSection,
				blocks: [
					{
						kind: 'rows',
						rows: [
							{ label: w.agreement, value: facts.agreementId },
							{ label: w.instalment, value: `${facts.seq} — ${milestone}` }
						]
					},
					{ kind: 'paragraph', text: w.note, tone: 'muted' }
				]
			}
		],
		footer: { lines: [label(lang, w.hash, input.sha256), label(lang, w.verify, input.verifyUrl)], page: w.page }
	};
}
