/**
 * A readable diff between two versions of agreement terms, in the reader's language:
 * one row per changed field ("Droits de réutilisation — durée": "30 jours" → "60 jours").
 * Deliverables and payment instalments are compared by position; a row that exists in only
 * one version comes out as a whole (before or after "—"). Fields that cannot change after
 * the draft is created (ids, account names, campaign) are not listed.
 */
import type { AgreementTerms, CrisisPayment, Deliverable } from '../../worker/domain/agreement-terms';
import type { DocLang } from '../document';
import { docCount, docDay, docDzd, docList } from './format';
import { VOCABULARY } from './labels';

export interface TermsChange {
	/** Dot path of the field in the terms (deliverables.1.count); a whole row is deliverables.1. */
	path: string;
	label: string;
	before: string;
	after: string;
}

type Tri = Record<DocLang, string>;
const tri = (fr: string, ar: string, en: string): Tri => ({ fr, ar, en });

const SECTION = {
	brand: tri('Marque', 'العلامة', 'Brand'),
	creator: tri('Créateur', 'صانع المحتوى', 'Creator'),
	deliverable: tri('Livrable', 'المحتوى', 'Deliverable'),
	window: tri('Période de publication', 'فترة النشر', 'Publication window'),
	validation: tri('Validation', 'الموافقة', 'Approval'),
	disclosure: tri('Mention du partenariat', 'الإشارة إلى الشراكة', 'Partnership disclosure'),
	reuse: tri('Droits de réutilisation', 'حقوق إعادة الاستعمال', 'Reuse rights'),
	crisis: tri('Clause de crise', 'بند الأزمات', 'Crisis clause'),
	fee: tri('Rémunération', 'المقابل المالي', 'Fee'),
	instalment: tri('Échéance', 'الدفعة', 'Instalment'),
	attribution: tri('Attribution', 'تتبع المبيعات', 'Attribution'),
	termination: tri('Résiliation', 'فسخ العقد', 'Termination'),
	data: tri('Données personnelles', 'المعطيات الشخصية', 'Personal data'),
	law: tri('Droit applicable et litiges', 'القانون الواجب التطبيق والنزاعات', 'Governing law and disputes')
};

const SHORT_CRISIS_PAYMENT: Record<DocLang, Record<CrisisPayment, string>> = {
	fr: { due_in_full: 'due en totalité', pro_rata: 'au prorata des livrables publiés', none_if_not_published: 'rien si aucun livrable n’est publié' },
	ar: { due_in_full: 'مستحق كاملًا', pro_rata: 'بنسبة المحتويات المنشورة', none_if_not_published: 'لا شيء إذا لم يُنشر أي محتوى' },
	en: { due_in_full: 'due in full', pro_rata: 'pro rata of published deliverables', none_if_not_published: 'nothing if nothing was published' }
};
const NO_LIMIT = tri('sans limite de durée', 'دون تحديد مدة', 'no time limit');
const NO_REUSE = tri('aucun', 'لا شيء', 'none');
const IMMEDIATELY = tri('sans délai', 'فورًا', 'immediately');

interface Field {
	path: string;
	label: Tri | ((lang: DocLang) => string);
	value: (t: AgreementTerms, lang: DocLang) => string;
}

const f = (path: string, section: Tri, name: Tri, value: Field['value']): Field => ({ path, label: (l) => `${section[l]} — ${name[l]}`, value });
const text = (s: string | null) => s ?? '';
const dayOrNone = (d: string | null, lang: DocLang) => (d ? docDay(d, lang) : '');

const FIELDS: Field[] = [
	f('parties.brand.legalName', SECTION.brand, tri('raison sociale', 'التسمية القانونية', 'legal name'), (t) => t.parties.brand.legalName),
	f('parties.brand.rcNumber', SECTION.brand, tri('RC', 'رقم السجل التجاري', 'trade register (RC)'), (t) => text(t.parties.brand.rcNumber)),
	f('parties.brand.nif', SECTION.brand, tri('NIF', 'رقم التعريف الجبائي', 'tax number (NIF)'), (t) => text(t.parties.brand.nif)),
	f('parties.brand.representative', SECTION.brand, tri('représentant', 'الممثل', 'representative'), (t) => t.parties.brand.representative),
	f('parties.creator.legalName', SECTION.creator, tri('nom', 'الاسم واللقب', 'name'), (t) => t.parties.creator.legalName),
	f('parties.creator.rcNumber', SECTION.creator, tri('RC', 'رقم السجل التجاري', 'trade register (RC)'), (t) => text(t.parties.creator.rcNumber)),
	f('parties.creator.nif', SECTION.creator, tri('NIF', 'رقم التعريف الجبائي', 'tax number (NIF)'), (t) => text(t.parties.creator.nif)),
	f('parties.creator.autoEntrepreneurCard', SECTION.creator, tri('carte d’auto-entrepreneur', 'بطاقة المقاول الذاتي', 'auto-entrepreneur card'), (t) => text(t.parties.creator.autoEntrepreneurCard)),
	f('publicationWindow.from', SECTION.window, tri('début', 'البداية', 'start'), (t, l) => dayOrNone(t.publicationWindow.from, l)),
	f('publicationWindow.to', SECTION.window, tri('fin', 'النهاية', 'end'), (t, l) => dayOrNone(t.publicationWindow.to, l)),
	f('publicationWindow.proposedDates', SECTION.window, tri('dates proposées', 'التواريخ المقترحة', 'proposed dates'), (t, l) =>
		docList(
			t.publicationWindow.proposedDates.map((d) => docDay(d, l)),
			l
		)
	),
	f('validation.draftDaysBeforePublication', SECTION.validation, tri('envoi du contenu avant publication', 'عرض المحتوى قبل النشر', 'content sent before publication'), (t, l) =>
		docCount(t.validation.draftDaysBeforePublication, 'day', l)
	),
	f('validation.reviewDays', SECTION.validation, tri('délai de réponse de la Marque', 'أجل رد العلامة', 'Brand’s review time'), (t, l) => docCount(t.validation.reviewDays, 'day', l)),
	f('validation.correctionRounds', SECTION.validation, tri('séries de corrections', 'جولات التعديل', 'rounds of corrections'), (t) => String(t.validation.correctionRounds)),
	f('disclosure.hashtags', SECTION.disclosure, tri('mentions', 'الإشارات', 'mentions'), (t, l) => docList(t.disclosure.hashtags, l)),
	f('reuseRights.days', SECTION.reuse, tri('durée', 'المدة', 'duration'), (t, l) => (t.reuseRights.perpetual || t.reuseRights.days === null ? NO_LIMIT[l] : docCount(t.reuseRights.days, 'day', l))),
	f('reuseRights.channels', SECTION.reuse, tri('supports', 'الوسائط', 'channels'), (t, l) =>
		t.reuseRights.channels.length
			? docList(
					t.reuseRights.channels.map((c) => VOCABULARY[l].channel[c]),
					l
				)
			: NO_REUSE[l]
	),
	f('crisis.requestedBy', SECTION.crisis, tri('qui peut demander le retrait', 'من يحق له طلب السحب', 'who may ask for withdrawal'), (t, l) => VOCABULARY[l].requester[t.crisis.requestedBy]),
	f('crisis.withdrawalWithinHours', SECTION.crisis, tri('délai de retrait', 'أجل السحب', 'withdrawal time'), (t, l) => docCount(t.crisis.withdrawalWithinHours, 'hour', l)),
	f('crisis.payment', SECTION.crisis, tri('rémunération', 'المقابل المالي', 'fee'), (t, l) => SHORT_CRISIS_PAYMENT[l][t.crisis.payment]),
	f('fee.amountDzd', SECTION.fee, tri('montant', 'المبلغ', 'amount'), (t, l) => docDzd(t.fee.amountDzd, l)),
	f('attribution.promoCode', SECTION.attribution, tri('code promo', 'رمز التخفيض', 'promo code'), (t) => t.attribution.promoCode),
	f('attribution.whatsappKeyword', SECTION.attribution, tri('mot-clé WhatsApp', 'الكلمة المفتاحية لواتساب', 'WhatsApp keyword'), (t) => t.attribution.whatsappKeyword),
	f('termination.noticeDays', SECTION.termination, tri('préavis', 'مهلة الإشعار', 'notice'), (t, l) => docCount(t.termination.noticeDays, 'day', l)),
	f('termination.cureDays', SECTION.termination, tri('délai de mise en conformité', 'أجل تدارك الإخلال', 'time to cure a breach'), (t, l) => docCount(t.termination.cureDays, 'day', l)),
	f('personalData.shared', SECTION.data, tri('données échangées', 'المعطيات المتبادلة', 'data shared'), (t, l) =>
		docList(
			t.personalData.shared.map((i) => VOCABULARY[l].dataItem[i]),
			l
		)
	),
	f('personalData.retentionMonths', SECTION.data, tri('conservation', 'مدة الحفظ', 'retention'), (t, l) => docCount(t.personalData.retentionMonths, 'month', l)),
	f('law.amicableDays', SECTION.law, tri('règlement amiable', 'التسوية الودية', 'amicable settlement'), (t, l) => docCount(t.law.amicableDays, 'day', l)),
	f('law.courtWilaya', SECTION.law, tri('tribunal compétent', 'المحكمة المختصة', 'competent court'), (t, l) => (l === 'ar' ? t.law.courtWilaya.nameAr : t.law.courtWilaya.nameFr))
];

function deliverableSummary(d: Deliverable, lang: DocLang): string {
	const v = VOCABULARY[lang];
	const base = `${d.count} × ${v.format[d.format]} — ${v.platform[d.platform]}`;
	return d.storyHighlightHours === null ? base : `${base} (${docCount(d.storyHighlightHours, 'hour', lang)})`;
}

const DELIVERABLE_FIELDS: { key: keyof Deliverable; name: Tri; value: (d: Deliverable, l: DocLang) => string }[] = [
	{ key: 'platform', name: tri('plateforme', 'المنصة', 'platform'), value: (d, l) => VOCABULARY[l].platform[d.platform] },
	{ key: 'format', name: tri('format', 'الصيغة', 'format'), value: (d, l) => VOCABULARY[l].format[d.format] },
	{ key: 'count', name: tri('nombre', 'العدد', 'count'), value: (d) => String(d.count) },
	{ key: 'storyHighlightHours', name: tri('durée à la une', 'مدة التثبيت', 'highlight time'), value: (d, l) => (d.storyHighlightHours === null ? '' : docCount(d.storyHighlightHours, 'hour', l)) }
];

type Instalment = AgreementTerms['paymentSchedule'][number];
function instalmentSummary(m: Instalment, lang: DocLang): string {
	return `${docDzd(m.amountDzd, lang)} ${VOCABULARY[lang].milestone[m.milestone]} (${m.dueDays === 0 ? IMMEDIATELY[lang] : docCount(m.dueDays, 'day', lang)})`;
}
const INSTALMENT_FIELDS: { key: keyof Instalment; name: Tri; value: (m: Instalment, l: DocLang) => string }[] = [
	{ key: 'milestone', name: tri('échéance', 'الاستحقاق', 'milestone'), value: (m, l) => VOCABULARY[l].milestone[m.milestone] },
	{ key: 'amountDzd', name: tri('montant', 'المبلغ', 'amount'), value: (m, l) => docDzd(m.amountDzd, l) },
	{ key: 'dueDays', name: tri('délai de paiement', 'أجل الدفع', 'payment time'), value: (m, l) => (m.dueDays === 0 ? IMMEDIATELY[l] : docCount(m.dueDays, 'day', l)) }
];

function diffRows<T>(
	out: TermsChange[],
	lang: DocLang,
	base: string,
	section: Tri,
	before: readonly T[],
	after: readonly T[],
	summary: (x: T, l: DocLang) => string,
	fields: { key: keyof T; name: Tri; value: (x: T, l: DocLang) => string }[]
) {
	const none = VOCABULARY[lang].none;
	for (let i = 0; i < Math.max(before.length, after.length); i++) {
		const a = before[i];
		const b = after[i];
		const rowLabel = `${section[lang]} ${i + 1}`;
		if (a === undefined || b === undefined) {
			out.push({ path: `${base}.${i}`, label: rowLabel, before: a === undefined ? none : summary(a, lang), after: b === undefined ? none : summary(b, lang) });
			continue;
		}
		for (const field of fields) {
			const x = field.value(a, lang) || none;
			const y = field.value(b, lang) || none;
			if (x !== y) out.push({ path: `${base}.${i}.${String(field.key)}`, label: `${rowLabel} — ${field.name[lang]}`, before: x, after: y });
		}
	}
}

/** The fields that differ from `a` (older) to `b` (newer), in document order, labelled in `lang`. */
export function diffTerms(a: AgreementTerms, b: AgreementTerms, lang: DocLang): TermsChange[] {
	const out: TermsChange[] = [];
	const none = VOCABULARY[lang].none;
	const label = (fl: Field) => (typeof fl.label === 'function' ? fl.label(lang) : fl.label[lang]);
	const push = (fl: Field) => {
		const x = fl.value(a, lang) || none;
		const y = fl.value(b, lang) || none;
		if (x !== y) out.push({ path: fl.path, label: label(fl), before: x, after: y });
	};
	// Document order: parties, deliverables, window and validation, then the rest.
	const windowAt = FIELDS.findIndex((fl) => fl.path.startsWith('publicationWindow.'));
	const attributionAt = FIELDS.findIndex((fl) => fl.path.startsWith('attribution.'));
	FIELDS.slice(0, windowAt).forEach(push);
	diffRows(out, lang, 'deliverables', SECTION.deliverable, a.deliverables, b.deliverables, deliverableSummary, DELIVERABLE_FIELDS);
	FIELDS.slice(windowAt, attributionAt).forEach(push);
	diffRows(out, lang, 'paymentSchedule', SECTION.instalment, a.paymentSchedule, b.paymentSchedule, instalmentSummary, INSTALMENT_FIELDS);
	FIELDS.slice(attributionAt).forEach(push);
	return out;
}
