/** Clause generator (fr/ar/en), its number/date/count formatting, the certificate texts and the terms diff. */
import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, buildCompletionCertificateText, diffTerms, docCount, docDay, docDzd } from '../../contracts/clauses';
import type { AgreementDocument, DocLang } from '../../contracts/document';
import { documentSha256 } from '../../contracts/hash';
import { prefillTerms, type AgreementTerms } from '../../worker/domain/agreement-terms';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const ARABIC = /[\u0600-\u06ff]/;
const LANGS: DocLang[] = ['fr', 'ar', 'en'];

function terms(): AgreementTerms {
	const t = prefillTerms({
		brand: {
			id: 'b1',
			name: 'Atelier Lina',
			legalName: 'SARL Atelier Lina',
			rcNumber: '13/00-0123456 B 21',
			nif: '000213012345678',
			representative: 'Lina Benali',
			wilaya: { code: '13', nameFr: 'Tlemcen', nameAr: 'تلمسان' }
		},
		creator: { id: 'c1', displayName: 'Nour Beauty', handle: 'nour.beauty', legalName: 'Nour El Houda Saidi', autoEntrepreneurCard: 'AE-16-004512' },
		campaign: { id: 'k1', title: 'Sérum Blida', objective: 'whatsapp_sales', reuseRightsDays: 45, startsAt: Date.UTC(2026, 10, 12, 9), endsAt: Date.UTC(2026, 11, 14, 9) },
		application: { formats: ['reel', 'story'], feeDzd: 37_500, proposedDates: [] }
	});
	t.crisis.withdrawalWithinHours = 36;
	t.deliverables[1].storyHighlightHours = 96;
	return t;
}

const build = (lang: DocLang, t = terms(), extra: { verifyUrl?: string } = {}) => buildAgreementDocument({ agreementId: 'ag-7', version: 3, documentSha256: 'f'.repeat(64), terms: t, lang, ...extra });
const clause = (doc: AgreementDocument, n: number) => doc.clauses[n - 1].paragraphs.join('\n');
const allText = (doc: AgreementDocument) => [doc.title, doc.subtitle ?? '', ...doc.parties.flatMap((p) => [p.label, ...p.lines]), ...doc.clauses.flatMap((c) => [c.heading, ...c.paragraphs])];

describe('buildAgreementDocument', () => {
	it.each(LANGS)('%s: 13 numbered clauses, no empty text, no leftover placeholder', (lang) => {
		const doc = build(lang);
		expect(doc.lang).toBe(lang);
		expect(doc.meta).toEqual({ agreementId: 'ag-7', version: 3, documentSha256: 'f'.repeat(64) });
		expect(doc.subtitle).toBe('Sérum Blida');
		expect(doc.clauses.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
		expect(doc.parties).toHaveLength(2);
		for (const s of allText(doc)) {
			expect(s.trim(), lang).not.toBe('');
			expect(s, lang).not.toMatch(/\{\w+\}|undefined|null|NaN|\[object/);
		}
		expect(doc.footer.page).toContain('{n}');
		expect(doc.footer.page).toContain('{total}');
		for (const v of Object.values(doc.footer)) expect(v.trim()).not.toBe('');
	});

	it('writes the numbers of the terms in French', () => {
		const doc = build('fr');
		expect(doc.title).toBe('Contrat de partenariat de contenu');
		expect(doc.parties[0].lines).toEqual(['Raison sociale : SARL Atelier Lina', 'Nom commercial : Atelier Lina', 'RC : 13/00-0123456 B 21', 'NIF : 000213012345678', 'Représentée par : Lina Benali']);
		expect(doc.parties[1].lines).toContain('Carte d’auto-entrepreneur : AE-16-004512');
		expect(clause(doc, 3)).toContain('1 × story sur Instagram, maintenue à la une pendant au moins 96 heures');
		expect(clause(doc, 4)).toContain('entre le 12 novembre 2026 et le 14 décembre 2026');
		expect(clause(doc, 5)).toContain('#sponsorisé et #إشهار');
		expect(clause(doc, 5)).toContain('toute la durée de vie de la publication');
		expect(clause(doc, 6)).toContain('pour 45 jours');
		expect(clause(doc, 6)).toContain('site web de la Marque, catalogue produits et catalogue WhatsApp Business');
		expect(clause(doc, 7)).toContain('dans un délai de 36 heures');
		expect(clause(doc, 8)).toContain(`rémunération forfaitaire de 37${NNBSP}500${NBSP}DA`);
		expect(clause(doc, 8)).toContain(`18${NNBSP}750${NBSP}DA à la signature du contrat, dans un délai de 7 jours`);
		expect(clause(doc, 9)).toContain('NOUR10');
		expect(clause(doc, 9)).toContain('INSTA-NOUR');
		expect(clause(doc, 10)).toContain('loi n° 18-07 du 10 juin 2018');
		expect(clause(doc, 12)).toContain('tribunal territorialement compétent de Tlemcen');
		expect(clause(doc, 13)).toContain('signature électronique simple (non qualifiée) au sens de la loi n° 15-04 du 1er février 2015');
		expect(clause(doc, 13)).toContain('f'.repeat(64));
	});

	it('writes formal Arabic with the same numbers', () => {
		const doc = build('ar');
		expect(doc.title).toBe('عقد شراكة محتوى');
		for (const s of allText(doc).filter((x) => x !== doc.subtitle)) expect(s, s).toMatch(ARABIC);
		expect(doc.parties.map((p) => p.label)).toEqual(['الطرف الأول — العلامة التجارية', 'الطرف الثاني — المؤثر/صانع المحتوى']);
		expect(doc.clauses[4].heading).toContain('الإشهار');
		expect(clause(doc, 3)).toContain('لمدة لا تقل عن 96 ساعة');
		expect(clause(doc, 4)).toContain('من 12 نوفمبر 2026 إلى 14 ديسمبر 2026');
		expect(clause(doc, 4)).toContain('بمدة لا تقل عن يومين');
		expect(clause(doc, 6)).toContain('لمدة 45 يومًا');
		expect(clause(doc, 7)).toContain('خلال 36 ساعة');
		expect(clause(doc, 8)).toContain(`37${NNBSP}500${NBSP}د.ج`);
		expect(clause(doc, 8)).toContain('خلال 7 أيام');
		expect(clause(doc, 9)).toContain('NOUR10');
		expect(clause(doc, 10)).toContain('طبقًا للقانون رقم 18-07 المؤرخ في 10 يونيو 2018');
		expect(clause(doc, 12)).toContain('يخضع هذا العقد للقانون الجزائري');
		expect(clause(doc, 12)).toContain('بولاية تلمسان');
		expect(clause(doc, 13)).toContain('توقيع إلكتروني بسيط (غير موصوف) بمفهوم القانون رقم 15-04');
	});

	it('writes English with the same numbers and names the verification URL when given', () => {
		const doc = build('en', terms(), { verifyUrl: 'https://wasla.example/verify' });
		expect(doc.title).toBe('Content partnership agreement');
		expect(clause(doc, 4)).toContain('between 12 November 2026 and 14 December 2026');
		expect(clause(doc, 6)).toContain('for 45 days');
		expect(clause(doc, 7)).toContain('within 36 hours');
		expect(clause(doc, 8)).toContain(`flat fee of DZD${NBSP}37,500`);
		expect(clause(doc, 13)).toContain('simple (non-qualified) electronic signature within the meaning of Law No. 15-04 of 1 February 2015');
		expect(clause(doc, 13)).toContain('https://wasla.example/verify');
		expect(clause(build('en'), 13)).not.toContain('https://');
	});

	it('follows the options of the terms: perpetual reuse, no channel, no fee, crisis payment, no notice, identities to complete', () => {
		const t = terms();
		t.reuseRights = { days: null, perpetual: true, channels: ['ads'] };
		t.crisis = { requestedBy: 'brand', withdrawalWithinHours: 1, payment: 'due_in_full' };
		t.termination.noticeDays = 0;
		t.parties.creator.legalName = '';
		const fr = build('fr', t);
		expect(clause(fr, 6)).toContain('sans limite de durée, par choix exprès des Parties');
		expect(clause(fr, 6)).toContain('publicités sponsorisées');
		expect(clause(fr, 7)).toContain('la Marque peut demander');
		expect(clause(fr, 7)).toContain('dans un délai de 1 heure suivant');
		expect(clause(fr, 7)).toContain('la rémunération reste due en totalité');
		expect(clause(fr, 11)).toContain('sans préavis');
		expect(fr.parties[1].lines[0]).toBe('Nom : (à compléter)');
		const ar = build('ar', t);
		expect(clause(ar, 7)).toContain('جاز للطرف الأول أن يطلب');
		expect(clause(ar, 7)).toContain('خلال ساعة واحدة');
		expect(clause(ar, 6)).toContain('دون تحديد مدة');

		const bare = terms();
		bare.reuseRights.channels = [];
		bare.fee.amountDzd = 0;
		bare.paymentSchedule = [];
		bare.publicationWindow = { from: null, to: null, proposedDates: [] };
		for (const lang of LANGS) {
			const doc = build(lang, bare);
			expect(doc.clauses[7].paragraphs).toHaveLength(1);
			expect(clause(doc, 6)).not.toMatch(/website|site web|الموقع/);
		}
		expect(clause(build('fr', bare), 8)).toBe('La prestation est réalisée sans rémunération en numéraire.');
		expect(clause(build('fr', bare), 4)).toContain('d’un commun accord par écrit');
	});

	it('elides "de" before a vowel in the court clause', () => {
		const t = terms();
		t.law.courtWilaya = { code: '31', nameFr: 'Oran', nameAr: 'وهران' };
		expect(clause(build('fr', t), 12)).toContain('compétent d’Oran');
	});

	it('carries one hash for the three languages', async () => {
		const t = terms();
		const hash = await documentSha256('ag-7', 3, t);
		const docs = LANGS.map((lang) => buildAgreementDocument({ agreementId: 'ag-7', version: 3, documentSha256: hash, terms: t, lang }));
		expect(new Set(docs.map((d) => d.meta.documentSha256))).toEqual(new Set([hash]));
		for (const d of docs) expect(clause(d, 13)).toContain(hash);
	});
});

describe('document formatting', () => {
	it('formats money, days and counts like the UI', () => {
		expect(docDzd(25_000, 'fr')).toBe(`25${NNBSP}000${NBSP}DA`);
		expect(docDzd(25_000, 'ar')).toBe(`25${NNBSP}000${NBSP}د.ج`);
		expect(docDzd(25_000, 'en')).toBe(`DZD${NBSP}25,000`);
		expect(() => docDzd(1.5, 'fr')).toThrow(RangeError);
		expect(docDay('2026-11-12', 'fr')).toBe('12 novembre 2026');
		expect(docDay('2026-11-12', 'ar')).toBe('12 نوفمبر 2026');
		expect(docDay('2026-11-12', 'en')).toBe('12 November 2026');
		expect(docDay('2026-12-31', 'fr')).toBe('31 décembre 2026');
		expect([1, 2, 3, 10, 11, 99, 100, 103, 111, 3650].map((n) => docCount(n, 'day', 'ar'))).toEqual([
			'يوم واحد',
			'يومين',
			'3 أيام',
			'10 أيام',
			'11 يومًا',
			'99 يومًا',
			'100 يوم',
			'103 أيام',
			'111 يومًا',
			`3${NNBSP}650 يومًا`
		]);
		expect([1, 2, 5, 24].map((n) => docCount(n, 'hour', 'ar'))).toEqual(['ساعة واحدة', 'ساعتين', '5 ساعات', '24 ساعة']);
		expect([1, 2, 12].map((n) => docCount(n, 'month', 'ar'))).toEqual(['شهر واحد', 'شهرين', '12 شهرًا']);
		expect([docCount(1, 'day', 'fr'), docCount(2, 'round', 'fr'), docCount(1, 'hour', 'en'), docCount(3650, 'day', 'en')]).toEqual(['1 jour', '2 séries', '1 hour', '3,650 days']);
	});
});

describe('buildCompletionCertificateText', () => {
	it.each(LANGS)('%s: title, intro, every label and the Law 15-04 note', (lang) => {
		const c = buildCompletionCertificateText(lang);
		expect(c.lang).toBe(lang);
		const texts = [c.title, c.intro, c.legalNote, c.partyLabels.brand, c.partyLabels.creator, ...Object.values(c.labels)];
		expect(Object.keys(c.labels).sort()).toEqual(['auditHead', 'consentSha256', 'documentSha256', 'ip', 'signedAt', 'signer', 'userAgent', 'verifyUrl']);
		for (const s of texts) {
			expect(s.trim()).not.toBe('');
			expect(s).not.toMatch(/\{\w+\}/);
			if (lang === 'ar') expect(s).toMatch(ARABIC);
			else expect(s).not.toMatch(ARABIC);
		}
		expect(c.legalNote).toContain('15-04');
		expect(c.footer).toEqual(build(lang).footer);
	});
});

describe('diffTerms', () => {
	it('gives nothing for equal terms', () => {
		for (const lang of LANGS) expect(diffTerms(terms(), terms(), lang)).toEqual([]);
	});

	it('lists changed fields with readable values, rows compared by position', () => {
		const a = terms();
		const b = terms();
		b.reuseRights.days = 60;
		b.deliverables[0].count = 2;
		b.deliverables.push({ platform: 'tiktok', format: 'post', count: 3, storyHighlightHours: null });
		b.fee.amountDzd = 40_000;
		b.paymentSchedule = [{ milestone: 'publication', amountDzd: 40_000, dueDays: 0 }];
		b.attribution.promoCode = 'NOUR15';
		expect(diffTerms(a, b, 'fr')).toEqual([
			{ path: 'deliverables.0.count', label: 'Livrable 1 — nombre', before: '1', after: '2' },
			{ path: 'deliverables.2', label: 'Livrable 3', before: '—', after: '3 × publication — TikTok' },
			{ path: 'reuseRights.days', label: 'Droits de réutilisation — durée', before: '45 jours', after: '60 jours' },
			{ path: 'fee.amountDzd', label: 'Rémunération — montant', before: `37${NNBSP}500${NBSP}DA`, after: `40${NNBSP}000${NBSP}DA` },
			{ path: 'paymentSchedule.0.milestone', label: 'Échéance 1 — échéance', before: 'à la signature du contrat', after: 'à la publication des contenus' },
			{ path: 'paymentSchedule.0.amountDzd', label: 'Échéance 1 — montant', before: `18${NNBSP}750${NBSP}DA`, after: `40${NNBSP}000${NBSP}DA` },
			{ path: 'paymentSchedule.0.dueDays', label: 'Échéance 1 — délai de paiement', before: '7 jours', after: 'sans délai' },
			{ path: 'paymentSchedule.1', label: 'Échéance 2', before: `18${NNBSP}750${NBSP}DA à la validation des contenus (7 jours)`, after: '—' },
			{ path: 'attribution.promoCode', label: 'Attribution — code promo', before: 'NOUR10', after: 'NOUR15' }
		]);
		const ar = diffTerms(a, b, 'ar');
		expect(ar.find((r) => r.path === 'reuseRights.days')).toEqual({ path: 'reuseRights.days', label: 'حقوق إعادة الاستعمال — المدة', before: '45 يومًا', after: '60 يومًا' });
		for (const row of ar) expect(row.label).toMatch(ARABIC);
		expect(diffTerms(a, b, 'en').find((r) => r.path === 'deliverables.2')).toMatchObject({ label: 'Deliverable 3', after: '3 × post — TikTok' });
	});

	it('shows perpetual reuse, channels, identities and the court in words', () => {
		const a = terms();
		const b = terms();
		b.reuseRights = { days: null, perpetual: true, channels: ['ads', 'website'] };
		b.parties.brand.nif = null;
		b.law.courtWilaya = { code: '16', nameFr: 'Alger', nameAr: 'الجزائر' };
		expect(diffTerms(a, b, 'fr')).toEqual([
			{ path: 'parties.brand.nif', label: 'Marque — NIF', before: '000213012345678', after: '—' },
			{ path: 'reuseRights.days', label: 'Droits de réutilisation — durée', before: '45 jours', after: 'sans limite de durée' },
			{
				path: 'reuseRights.channels',
				label: 'Droits de réutilisation — supports',
				before: 'site web de la Marque, catalogue produits et catalogue WhatsApp Business',
				after: 'publicités sponsorisées (y compris diffusion depuis le compte du Créateur) et site web de la Marque'
			},
			{ path: 'law.courtWilaya', label: 'Droit applicable et litiges — tribunal compétent', before: 'Tlemcen', after: 'Alger' }
		]);
		expect(diffTerms(a, b, 'ar').at(-1)).toMatchObject({ before: 'تلمسان', after: 'الجزائر' });
	});
});
