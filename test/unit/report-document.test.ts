/**
 * The campaign report as a document (worker/domain/report-document.ts): translated labels,
 * money and percentages per language, "—" for what cannot be computed, the recommendation's
 * reasons in the PDF's own words, and the same document for the same input.
 */
import { describe, expect, it } from 'vitest';
import type { ReportBlock, ReportDocument } from '../../contracts/report-document';
import { REPORT_LABELS, buildReportDocument, type ReportLabelKey } from '../../worker/domain/report-document';
import { EMPTY_REPORT_INPUT, GENERATED_AT, fixtureReport } from '../fixtures/campaign-reports';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** Every space made plain, to compare with text as written. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const doc = (lang: 'fr' | 'ar' | 'en', report = fixtureReport()) => buildReportDocument(report, { lang, now: GENERATED_AT });
const section = (d: ReportDocument, heading: string) => {
	const found = d.sections.find((s) => s.heading === heading);
	if (!found) throw new Error(`no section ${heading}`);
	return found;
};
const rows = (blocks: ReportBlock[], heading: string) => {
	const found = blocks.find((b) => b.kind === 'rows' && b.heading === heading);
	if (found?.kind !== 'rows') throw new Error(`no rows ${heading}`);
	return Object.fromEntries(found.rows.map((r) => [r.label, r.value]));
};
const paragraphs = (blocks: ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('REPORT_LABELS', () => {
	const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

	it.each(['ar', 'en'] as const)('%s has every French key with the same placeholders', (lang) => {
		expect(Object.keys(REPORT_LABELS[lang]).sort()).toEqual(Object.keys(REPORT_LABELS.fr).sort());
		for (const key of Object.keys(REPORT_LABELS.fr) as ReportLabelKey[]) {
			expect(placeholders(REPORT_LABELS[lang][key]), `${lang} ${key}`).toEqual(placeholders(REPORT_LABELS.fr[key]));
			expect(REPORT_LABELS[lang][key].trim(), `${lang} ${key}`).not.toBe('');
		}
	});

	it('French uses typographic apostrophes and no-break spaces before : ; ? ! and inside « »', () => {
		for (const [key, text] of Object.entries(REPORT_LABELS.fr)) {
			expect(text, key).not.toMatch(/'/);
			expect(text, key).not.toMatch(/ [:;?!»]|« /);
		}
	});

	it('Arabic labels are written in Arabic', () => {
		const latinOnly = Object.entries(REPORT_LABELS.ar).filter(([, text]) => !/[\u0600-\u06ff]/.test(text));
		// "×{ratio}" and "{date} …" style labels excepted: only the ratio sign has no letters.
		expect(latinOnly.map(([key]) => key)).toEqual(['times']);
	});
});

describe('buildReportDocument', () => {
	it('shows the stories’ completion only when it is known', () => {
		expect(rows(section(doc('fr'), 'Toute la campagne').blocks, 'Attention')).not.toHaveProperty('Stories vues jusqu’au bout');
		const report = fixtureReport();
		const withExits = { ...report, totals: { ...report.totals, attention: { ...report.totals.attention, completion: 0.75 } } };
		expect(plain(rows(section(doc('fr', withExits), 'Toute la campagne').blocks, 'Attention')['Stories vues jusqu’au bout'])).toBe('75 %');
	});

	it('writes the totals in French with money as "20 000 DA", percentages and the hand-computed costs', () => {
		const d = doc('fr');
		expect(d.title).toBe('Rapport de campagne');
		expect(d.subtitle).toBe('Rentrée 2026 — Boutique Yasmine');
		// 13:05 UTC is 14:05 in Algiers.
		expect(d.lines).toEqual(['Généré le 26 novembre 2026 à 14:05 (heure d’Alger)']);
		const totals = section(d, 'Toute la campagne').blocks;
		expect(rows(totals, 'Attention')).toEqual({ Vues: `16${NNBSP}500`, Portée: `13${NNBSP}500`, Enregistrements: '470', 'Livrables avec statistiques': '3 sur 4' });
		expect(rows(totals, 'Intention')).toEqual({
			'Clics sur le lien': '50',
			'Réponses aux stories': '12',
			'Conversations WhatsApp': '7',
			'Conversations en messages privés': '2',
			'Clients qui l’ont cité': '3'
		});
		expect(rows(totals, 'Conversion')).toEqual({
			'Commandes livrées': '5',
			'Chiffre d’affaires livré': `20${NNBSP}000${NBSP}DA`,
			'Panier moyen': `4${NNBSP}000${NBSP}DA`,
			'Utilisations du code ou du mot-clé': '5',
			'Commandes retournées': '1',
			'En cours de livraison': '1',
			'Taux de retour': `17${NBSP}%`,
			'Commandes livrées sans créateur': '1'
		});
		expect(rows(totals, 'Coûts')).toEqual({
			'Total des cachets': `22${NNBSP}000${NBSP}DA`,
			'Coût par clic': `440${NBSP}DA`,
			'Coût par conversation': `2${NNBSP}444${NBSP}DA`,
			'Coût par commande': `4${NNBSP}400${NBSP}DA`,
			'Chiffre d’affaires ÷ cachet': '×0,91'
		});
		expect(plain(rows(totals, 'Conversion')['Chiffre d’affaires livré'])).toBe('20 000 DA');
	});

	it('draws the funnel from views to clicks and conversations to delivered orders', () => {
		const [bars] = section(doc('fr'), 'Entonnoir').blocks;
		expect(bars).toEqual({
			kind: 'bars',
			bars: [
				{ label: `Attention — vues${NBSP}: 16${NNBSP}500`, value: 16_500 },
				{ label: `Intention — clics et conversations${NBSP}: 59`, value: 59 },
				{ label: `Conversion — commandes livrées${NBSP}: 5`, value: 5 }
			]
		});
	});

	it('gives each creator their figures, offer window and recommendation with its reasons, in each language', () => {
		const fr = section(doc('fr'), 'نور بيوتي');
		expect(paragraphs(fr.blocks)).toEqual([
			'@nour.beauty',
			`Recommandation${NBSP}: à garder comme ambassadeur`,
			`• Ventes livrées${NBSP}: 3 (au moins 3).`,
			'• Le chiffre d’affaires livré couvre le cachet (1,25 fois).',
			`• Retours contenus${NBSP}: 25${NBSP}%.`,
			// 09:00 and 21:00 UTC are 10:00 and 22:00 in Algiers.
			`Offre limitée${NBSP}: du 20 novembre 2026 à 10:00 au 21 novembre 2026 à 22:00`,
			'Livraison gratuite à Alger'
		]);
		expect(rows(fr.blocks, 'Coûts')).toMatchObject({
			Cachet: `10${NNBSP}000${NBSP}DA`,
			'Coût par clic': `250${NBSP}DA`,
			'Coût par conversation': `1${NNBSP}250${NBSP}DA`,
			'Coût par commande': `3${NNBSP}333${NBSP}DA`
		});
		expect(rows(fr.blocks, 'Conversion')['Panier moyen']).toBe(`4${NNBSP}166${NBSP}DA`);

		const ar = section(doc('ar'), 'Sara Mode');
		expect(paragraphs(ar.blocks)).toEqual([
			'@sara.mode',
			'التوصية: ليس سفيرًا بعد',
			'• المبيعات المُسلَّمة: 1 فقط، والمطلوب 3 على الأقل.',
			'• رقم الأعمال المُسلَّم لا يغطي الأجر (النسبة 0,50).',
			`• المرتجعات معقولة: 0${NBSP}%.`
		]);
		expect(rows(ar.blocks, 'التحويل')['رقم الأعمال المُسلَّم']).toBe(`6${NNBSP}000${NBSP}د.ج`);

		const en = section(doc('en'), 'Sara Mode');
		expect(paragraphs(en.blocks).slice(1)).toEqual([
			'Recommendation: not an ambassador yet',
			'• Delivered sales: only 1 (at least 3 needed).',
			'• Delivered revenue does not cover the fee (0.50 times).',
			'• Returns under control: 0%.'
		]);
		expect(rows(en.blocks, 'Conversion')).toMatchObject({ 'Delivered revenue': `DZD${NBSP}6,000`, 'Return rate': '0%' });
		expect(rows(en.blocks, 'Attention')['Deliverables with stats']).toBe('1 of 2');
	});

	it('writes "—" for every figure that cannot be computed, and says when nobody has signed', () => {
		const d = doc('fr', fixtureReport(EMPTY_REPORT_INPUT));
		const totals = section(d, 'Toute la campagne').blocks;
		expect(rows(totals, 'Conversion')).toMatchObject({ 'Panier moyen': '—', 'Taux de retour': '—', 'Commandes livrées': '0' });
		expect(rows(totals, 'Coûts')).toEqual({
			'Total des cachets': `0${NBSP}DA`,
			'Coût par clic': '—',
			'Coût par conversation': '—',
			'Coût par commande': '—',
			'Chiffre d’affaires ÷ cachet': '—'
		});
		expect(paragraphs(section(d, 'Par créateur').blocks)).toEqual([`Aucun accord signé pour cette campagne${NBSP}: le rapport se remplit dès qu’un créateur a signé.`]);
		expect(paragraphs(section(d, 'Attention par format').blocks)).toEqual(['Aucun livrable pour l’instant.']);
		expect(d.sections.map((s) => s.heading)).toEqual(['Règle d’attribution', 'Toute la campagne', 'Entonnoir', 'Par créateur', 'Attention par format']);
	});

	it('translates the formats and the attribution rule, and names the campaign in the footer', () => {
		const ar = doc('ar');
		expect(section(ar, 'الانتباه حسب الصيغة').blocks.map((b) => (b.kind === 'rows' ? b.heading : ''))).toEqual(['منشور', 'ريلز', 'ستوري']);
		expect(paragraphs(section(ar, 'قاعدة النسبة').blocks)[0]).toContain('30 يومًا');
		expect(ar.lines[0]).toBe('أُنشئ في 26 نوفمبر 2026 على الساعة 14:05 (بتوقيت الجزائر)');
		expect(ar.footer.page).toBe('صفحة {n} / {total}');
		expect(ar.footer.lines[0]).toContain('cmp_01JDREPORTFIXTURE0000000000');
		expect(rows(section(doc('en'), 'Attention per format').blocks, 'Reel')).toEqual({ Views: '14,000', Reach: '11,500', Saves: '420', 'Deliverables with stats': '2 of 2' });
	});

	it('is the same document for the same report and time, and follows the time', () => {
		expect(doc('ar')).toEqual(doc('ar'));
		const later = buildReportDocument(fixtureReport(), { lang: 'fr', now: GENERATED_AT + 60 * 60_000 });
		expect(later.lines).toEqual(['Généré le 26 novembre 2026 à 15:05 (heure d’Alger)']);
	});
});
