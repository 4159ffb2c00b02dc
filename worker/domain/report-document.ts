/**
 * The campaign report as a document in French, Arabic or English (issue 12, point 6): the
 * numbers of `campaignReport` (worker/domain/campaign-report.ts) turned into translated labels
 * and formatted values that contracts/pdf/render-report.ts draws. Pure: the same report,
 * language and generation time give the same document, hence the same PDF bytes.
 *
 * - Money in whole dinars as the agreements and the app write it ("12 500 DA", "12 500 د.ج",
 *   "DZD 12,500"), Latin digits, grouped with no-break spaces; a figure that cannot be
 *   computed (a cost with nothing to divide by) is "—".
 * - Dates and times in Africa/Algiers.
 * - The PDF has its own translations (REPORT_LABELS below), reasons of the "keep as
 *   ambassador" recommendation included; the UI and the API keep theirs.
 */
import type { DocLang } from '../../contracts/document';
import type { ReportBlock, ReportDocument, ReportSection } from '../../contracts/report-document';
import { docClock as clock, docDate, docDzd, docNumber } from '../../contracts/clauses/format';
import type { Attention, Conversion, Costs, Intention, Recommendation } from './campaign-report';
import { NUMBER_LOCALE } from './numbers';

const NBSP = '\u00a0';

const fr = {
	title: 'Rapport de campagne',
	generatedAt: 'Généré le {date} à {time} (heure d’Alger)',
	dateTime: '{date} à {time}',
	ruleHeading: 'Règle d’attribution',
	rule: `Le code promo, puis le mot-clé WhatsApp, puis un clic sur le lien suivi dans les 30${NBSP}jours avant la commande, puis la réponse à «${NBSP}Où nous avez-vous vus${NBSP}?${NBSP}». Une commande crédite un seul créateur. Paiement à la livraison${NBSP}: seule une commande livrée compte comme vente${NBSP}; les retours sont affichés, jamais crédités.`,
	totals: 'Toute la campagne',
	attention: 'Attention',
	intention: 'Intention',
	conversion: 'Conversion',
	costs: 'Coûts',
	views: 'Vues',
	reach: 'Portée',
	saves: 'Enregistrements',
	completion: 'Stories vues jusqu’au bout',
	reported: 'Livrables avec statistiques',
	reportedValue: '{reported} sur {total}',
	clicks: 'Clics sur le lien',
	storyReplies: 'Réponses aux stories',
	whatsapp: 'Conversations WhatsApp',
	dms: 'Conversations en messages privés',
	asked: 'Clients qui l’ont cité',
	orders: 'Commandes livrées',
	revenue: 'Chiffre d’affaires livré',
	basket: 'Panier moyen',
	codeUses: 'Utilisations du code ou du mot-clé',
	returned: 'Commandes retournées',
	pending: 'En cours de livraison',
	returnRate: 'Taux de retour',
	unattributed: 'Commandes livrées sans créateur',
	fee: 'Cachet',
	feeTotal: 'Total des cachets',
	perClick: 'Coût par clic',
	perConversation: 'Coût par conversation',
	perOrder: 'Coût par commande',
	revenueOverFee: 'Chiffre d’affaires ÷ cachet',
	times: '×{ratio}',
	funnel: 'Entonnoir',
	funnelAttention: `Attention — vues${NBSP}: {n}`,
	funnelIntention: `Intention — clics et conversations${NBSP}: {n}`,
	funnelConversion: `Conversion — commandes livrées${NBSP}: {n}`,
	creators: 'Par créateur',
	keep: `Recommandation${NBSP}: à garder comme ambassadeur`,
	notYet: `Recommandation${NBSP}: pas encore ambassadeur`,
	offer: `Offre limitée${NBSP}: du {from} au {to}`,
	formats: 'Attention par format',
	noDeliverables: 'Aucun livrable pour l’instant.',
	format_reel: 'Reel',
	format_story: 'Story',
	format_post: 'Publication',
	format_live: 'Live',
	empty: `Aucun accord signé pour cette campagne${NBSP}: le rapport se remplit dès qu’un créateur a signé.`,
	page: 'Page {n} / {total}',
	report_reason_orders: `Ventes livrées${NBSP}: {orders} (au moins {min}).`,
	report_reason_few_orders: `Ventes livrées${NBSP}: seulement {orders} (il en faut au moins {min}).`,
	report_reason_paid_back: 'Le chiffre d’affaires livré couvre le cachet ({ratio} fois).',
	report_reason_not_paid_back: 'Le chiffre d’affaires livré ne couvre pas le cachet ({ratio} fois).',
	report_reason_returns_ok: `Retours contenus${NBSP}: {percent}.`,
	report_reason_returns_high: `Trop de retours${NBSP}: {percent}.`
} as const;

export type ReportLabelKey = keyof typeof fr;

const ar: Record<ReportLabelKey, string> = {
	title: 'تقرير الحملة',
	generatedAt: 'أُنشئ في {date} على الساعة {time} (بتوقيت الجزائر)',
	dateTime: '{date} على الساعة {time}',
	ruleHeading: 'قاعدة النسبة',
	rule: 'رمز التخفيض، ثم الكلمة المفتاحية على واتساب، ثم نقرة على الرابط المتتبَّع خلال 30 يومًا قبل الطلب، ثم الجواب عن «أين رأيتمونا؟». يُنسب كل طلب إلى صانع محتوى واحد. الدفع عند الاستلام: لا يُحتسب بيعًا إلا الطلب المُسلَّم؛ تُعرض المرتجعات ولا تُنسب أبدًا.',
	totals: 'الحملة كاملة',
	attention: 'الانتباه',
	intention: 'النية',
	conversion: 'التحويل',
	costs: 'التكاليف',
	views: 'المشاهدات',
	reach: 'الوصول',
	saves: 'الحفظ',
	completion: 'قصص شوهدت حتى النهاية',
	reported: 'محتويات بإحصائيات',
	reportedValue: '{reported} من {total}',
	clicks: 'النقرات على الرابط',
	storyReplies: 'الردود على القصص',
	whatsapp: 'محادثات واتساب',
	dms: 'محادثات الرسائل الخاصة',
	asked: 'زبائن ذكروه',
	orders: 'الطلبات المُسلَّمة',
	revenue: 'رقم الأعمال المُسلَّم',
	basket: 'متوسط السلة',
	codeUses: 'استعمالات الرمز أو الكلمة المفتاحية',
	returned: 'الطلبات المرتجعة',
	pending: 'قيد التوصيل',
	returnRate: 'نسبة المرتجعات',
	unattributed: 'طلبات مُسلَّمة بلا صانع محتوى',
	fee: 'الأجر',
	feeTotal: 'مجموع الأجور',
	perClick: 'تكلفة النقرة',
	perConversation: 'تكلفة المحادثة',
	perOrder: 'تكلفة الطلب',
	revenueOverFee: 'رقم الأعمال ÷ الأجر',
	times: '×{ratio}',
	funnel: 'مسار التحويل',
	funnelAttention: 'الانتباه — المشاهدات: {n}',
	funnelIntention: 'النية — النقرات والمحادثات: {n}',
	funnelConversion: 'التحويل — الطلبات المُسلَّمة: {n}',
	creators: 'حسب صانع المحتوى',
	keep: 'التوصية: يُنصح بالإبقاء عليه سفيرًا',
	notYet: 'التوصية: ليس سفيرًا بعد',
	offer: 'عرض محدود: من {from} إلى {to}',
	formats: 'الانتباه حسب الصيغة',
	noDeliverables: 'لا توجد محتويات بعد.',
	format_reel: 'ريلز',
	format_story: 'ستوري',
	format_post: 'منشور',
	format_live: 'بث مباشر',
	empty: 'لا يوجد اتفاق موقّع لهذه الحملة: يمتلئ التقرير بمجرد توقيع صانع محتوى.',
	page: 'صفحة {n} / {total}',
	report_reason_orders: 'المبيعات المُسلَّمة: {orders} (المطلوب {min} على الأقل).',
	report_reason_few_orders: 'المبيعات المُسلَّمة: {orders} فقط، والمطلوب {min} على الأقل.',
	report_reason_paid_back: 'رقم الأعمال المُسلَّم يغطي الأجر (النسبة {ratio}).',
	report_reason_not_paid_back: 'رقم الأعمال المُسلَّم لا يغطي الأجر (النسبة {ratio}).',
	report_reason_returns_ok: 'المرتجعات معقولة: {percent}.',
	report_reason_returns_high: 'المرتجعات كثيرة: {percent}.'
};

const en: Record<ReportLabelKey, string> = {
	title: 'Campaign report',
	generatedAt: 'Generated on {date} at {time} (Algiers time)',
	dateTime: '{date} at {time}',
	ruleHeading: 'Attribution rule',
	rule: 'The promo code, then the WhatsApp keyword, then a click on the tracked link in the 30 days before the order, then the answer to "where did you see us?". One order credits one creator. Cash on delivery: only a delivered order counts as a sale; returns are shown, never credited.',
	totals: 'The whole campaign',
	attention: 'Attention',
	intention: 'Intention',
	conversion: 'Conversion',
	costs: 'Costs',
	views: 'Views',
	reach: 'Reach',
	saves: 'Saves',
	completion: 'Stories watched to the end',
	reported: 'Deliverables with stats',
	reportedValue: '{reported} of {total}',
	clicks: 'Link clicks',
	storyReplies: 'Story replies',
	whatsapp: 'WhatsApp conversations',
	dms: 'Direct-message conversations',
	asked: 'Customers who named them',
	orders: 'Delivered orders',
	revenue: 'Delivered revenue',
	basket: 'Average basket',
	codeUses: 'Code or keyword uses',
	returned: 'Returned orders',
	pending: 'Being delivered',
	returnRate: 'Return rate',
	unattributed: 'Delivered orders without a creator',
	fee: 'Fee',
	feeTotal: 'Total fees',
	perClick: 'Cost per click',
	perConversation: 'Cost per conversation',
	perOrder: 'Cost per order',
	revenueOverFee: 'Revenue ÷ fee',
	times: '×{ratio}',
	funnel: 'Funnel',
	funnelAttention: 'Attention — views: {n}',
	funnelIntention: 'Intention — clicks and conversations: {n}',
	funnelConversion: 'Conversion — delivered orders: {n}',
	creators: 'Per creator',
	keep: 'Recommendation: keep as an ambassador',
	notYet: 'Recommendation: not an ambassador yet',
	offer: 'Limited offer: from {from} to {to}',
	formats: 'Attention per format',
	noDeliverables: 'No deliverables yet.',
	format_reel: 'Reel',
	format_story: 'Story',
	format_post: 'Post',
	format_live: 'Live',
	empty: 'No signed agreement for this campaign: the report fills in as soon as a creator signs.',
	page: 'Page {n} / {total}',
	report_reason_orders: 'Delivered sales: {orders} (at least {min}).',
	report_reason_few_orders: 'Delivered sales: only {orders} (at least {min} needed).',
	report_reason_paid_back: 'Delivered revenue covers the fee ({ratio} times).',
	report_reason_not_paid_back: 'Delivered revenue does not cover the fee ({ratio} times).',
	report_reason_returns_ok: 'Returns under control: {percent}.',
	report_reason_returns_high: 'Too many returns: {percent}.'
};

/** The PDF's labels per language (every key in all three, with the same placeholders). */
export const REPORT_LABELS: Readonly<Record<DocLang, Readonly<Record<ReportLabelKey, string>>>> = { fr, ar, en };

/** What the document needs of `campaignReport`'s answer (fields it does not know are ignored). */
export interface ReportForDocument {
	campaign: { id: string; title: string };
	totals: { attention: Attention; intention: Intention; conversion: Conversion; costs: Costs; unattributedOrders: number };
	creators: {
		displayName: string;
		handle: string;
		attention: Attention;
		intention: Intention;
		conversion: Conversion;
		costs: Costs;
		recommendation: Recommendation;
		/** ISO 8601 instants. */
		offerWindow: { startsAt: string; endsAt: string; note: string } | null;
	}[];
	formats: { format: string; attention: Attention }[];
}

const ratios = Object.fromEntries((['fr', 'ar', 'en'] as const).map((l) => [l, new Intl.NumberFormat(NUMBER_LOCALE[l], { minimumFractionDigits: 2, maximumFractionDigits: 2 })])) as Record<
	DocLang,
	Intl.NumberFormat
>;

export const NONE = '—';

/** Formatters for one language: integers, money, ratios, percentages, instants (Algiers). */
export function reportFormat(lang: DocLang) {
	const label = (key: ReportLabelKey, params: Record<string, string> = {}) => REPORT_LABELS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
	const count = (n: number) => docNumber(n, lang);
	const money = (n: number | null) => (n === null ? NONE : docDzd(n, lang));
	const ratio = (x: number | null) => (x === null ? NONE : ratios[lang].format(x));
	const percent = (x: number | null) => (x === null ? NONE : `${Math.round(x * 100)}${lang === 'en' ? '' : NBSP}%`);
	const at = (instant: string | number) => label('dateTime', { date: docDate(instant, lang), time: clock.format(new Date(instant)) });
	return { label, count, money, ratio, percent, at };
}

type Figures = { attention: Attention; intention: Intention; conversion: Conversion; costs: Costs };

function levelBlocks(f: ReturnType<typeof reportFormat>, r: Figures, extra: { unattributed?: number; total?: boolean }): ReportBlock[] {
	const { label: l, count: n, money, percent, ratio } = f;
	const { attention: a, intention: i, conversion: c, costs: k } = r;
	const conversionRows = [
		{ label: l('orders'), value: n(c.orders) },
		{ label: l('revenue'), value: money(c.revenueDzd) },
		{ label: l('basket'), value: money(c.averageBasketDzd) },
		{ label: l('codeUses'), value: n(c.codeUses) },
		{ label: l('returned'), value: n(c.returned) },
		{ label: l('pending'), value: n(c.pending) },
		{ label: l('returnRate'), value: percent(c.returnRate) }
	];
	if (extra.unattributed !== undefined) conversionRows.push({ label: l('unattributed'), value: n(extra.unattributed) });
	return [
		{
			kind: 'rows',
			heading: l('attention'),
			rows: [
				{ label: l('views'), value: n(a.views) },
				{ label: l('reach'), value: n(a.reach) },
				{ label: l('saves'), value: n(a.saves) },
				...(a.completion === null || a.completion === undefined ? [] : [{ label: l('completion'), value: percent(a.completion) }]),
				{ label: l('reported'), value: l('reportedValue', { reported: n(a.reported), total: n(a.deliverables) }) }
			]
		},
		{
			kind: 'rows',
			heading: l('intention'),
			rows: [
				{ label: l('clicks'), value: n(i.clicks) },
				{ label: l('storyReplies'), value: n(i.storyReplies) },
				{ label: l('whatsapp'), value: n(i.whatsapp) },
				{ label: l('dms'), value: n(i.dms) },
				{ label: l('asked'), value: n(i.asked) }
			]
		},
		{ kind: 'rows', heading: l('conversion'), rows: conversionRows },
		{
			kind: 'rows',
			heading: l('costs'),
			rows: [
				{ label: l(extra.total ? 'feeTotal' : 'fee'), value: money(k.feeDzd) },
				{ label: l('perClick'), value: money(k.costPerClickDzd) },
				{ label: l('perConversation'), value: money(k.costPerConversationDzd) },
				{ label: l('perOrder'), value: money(k.costPerOrderDzd) },
				{ label: l('revenueOverFee'), value: k.revenueOverFee === null ? NONE : l('times', { ratio: ratio(k.revenueOverFee) }) }
			]
		}
	];
}

/** A reason of the recommendation in the document's language, its numbers formatted. */
export function reasonText(f: ReturnType<typeof reportFormat>, reason: Recommendation['reasons'][number]): string {
	const key = reason.key as ReportLabelKey;
	if (!key.startsWith('report_reason_') || !(key in fr)) return reason.key;
	const p = reason.params;
	return f.label(key, {
		orders: f.count(p.orders ?? 0),
		min: f.count(p.min ?? 0),
		ratio: f.ratio(p.ratio ?? 0),
		percent: f.percent((p.percent ?? 0) / 100)
	});
}

const FORMAT_KEYS: Record<string, ReportLabelKey> = { reel: 'format_reel', story: 'format_story', post: 'format_post', live: 'format_live' };

/**
 * The report document in `lang`, generated at `now` (epoch ms): title, campaign, generation
 * time, the attribution rule, the totals of the three levels and their costs, the funnel
 * (views → clicks and conversations → delivered orders), one section per creator (the same
 * figures, the limited offer, the recommendation and its reasons), and attention per format.
 */
export function buildReportDocument(report: ReportForDocument, opts: { lang: DocLang; now: number }): ReportDocument {
	const { lang, now } = opts;
	const f = reportFormat(lang);
	const { label: l, count: n } = f;
	const generated = l('generatedAt', { date: docDate(now, lang), time: clock.format(new Date(now)) });
	const t = report.totals;

	const sections: ReportSection[] = [
		{ heading: l('ruleHeading'), blocks: [{ kind: 'paragraph', text: l('rule') }] },
		{ heading: l('totals'), blocks: levelBlocks(f, t, { unattributed: t.unattributedOrders, total: true }) },
		{
			heading: l('funnel'),
			blocks: [
				{
					kind: 'bars',
					bars: [
						{ label: l('funnelAttention', { n: n(t.attention.views) }), value: t.attention.views },
						{ label: l('funnelIntention', { n: n(t.intention.clicks + t.intention.conversations) }), value: t.intention.clicks + t.intention.conversations },
						{ label: l('funnelConversion', { n: n(t.conversion.orders) }), value: t.conversion.orders }
					]
				}
			]
		},
		{ heading: l('creators'), blocks: report.creators.length === 0 ? [{ kind: 'paragraph', text: l('empty'), tone: 'muted' }] : [] }
	];

	for (const c of report.creators) {
		// The handle on a line of its own: a name in one script and a handle in the other on one
		// line would extract in a scrambled order (poppler guesses a line's direction).
		const blocks: ReportBlock[] = [
			{ kind: 'paragraph', text: `@${c.handle}`, tone: 'muted' },
			{ kind: 'paragraph', text: l(c.recommendation.keep ? 'keep' : 'notYet'), tone: 'strong' }
		];
		for (const reason of c.recommendation.reasons) blocks.push({ kind: 'paragraph', text: `• ${reasonText(f, reason)}` });
		if (c.offerWindow) {
			blocks.push({ kind: 'paragraph', text: l('offer', { from: f.at(c.offerWindow.startsAt), to: f.at(c.offerWindow.endsAt) }) });
			if (c.offerWindow.note.trim()) blocks.push({ kind: 'paragraph', text: c.offerWindow.note, tone: 'muted' });
		}
		blocks.push(...levelBlocks(f, c, {}));
		sections.push({ heading: c.displayName, blocks });
	}

	sections.push({
		heading: l('formats'),
		blocks:
			report.formats.length === 0
				? [{ kind: 'paragraph', text: l('noDeliverables'), tone: 'muted' }]
				: report.formats.map(({ format, attention: a }) => ({
						kind: 'rows' as const,
						heading: FORMAT_KEYS[format] ? l(FORMAT_KEYS[format]) : format,
						rows: [
							{ label: l('views'), value: n(a.views) },
							{ label: l('reach'), value: n(a.reach) },
							{ label: l('saves'), value: n(a.saves) },
							{ label: l('reported'), value: l('reportedValue', { reported: n(a.reported), total: n(a.deliverables) }) }
						]
					}))
	});

	return {
		lang,
		title: l('title'),
		subtitle: report.campaign.title,
		lines: [generated],
		sections,
		footer: { lines: [`Wasla · ${l('title')} · ${report.campaign.id}`, generated], page: l('page') }
	};
}
