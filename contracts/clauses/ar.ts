/**
 * The agreement in Modern Standard Arabic (formal register, the terms of Algerian legal
 * texts: الطرف الأول / الطرف الثاني، توقيع إلكتروني موصوف، معطيات ذات طابع شخصي). Digits are Latin.
 */
import type { AgreementTerms, CrisisRequester } from '../../worker/domain/agreement-terms';
import { docCount, docDay, docDzd, docList } from './format';
import { VOCABULARY } from './labels';
import type { ClauseContext, LanguagePack } from './types';

const V = VOCABULARY.ar;
const or = (s: string | null | undefined) => (s && s.trim() ? s : V.toComplete);
const days = (n: number) => docCount(n, 'day', 'ar');
const hours = (n: number) => docCount(n, 'hour', 'ar');

/** "جاز لـ…" needs the preposition joined to the noun. */
const MAY_ASK: Record<CrisisRequester, string> = { brand: 'جاز للطرف الأول', either: 'جاز لكل واحد من الطرفين' };

function deliverable(d: AgreementTerms['deliverables'][number]): string {
	const base = `${d.count} × ${V.format[d.format]} على ${V.platform[d.platform]}`;
	return d.storyHighlightHours !== null ? `${base}، مع تثبيتها لمدة لا تقل عن ${hours(d.storyHighlightHours)}` : base;
}

function windowText(t: AgreementTerms): string {
	const { from, to } = t.publicationWindow;
	if (from && to) return `تُنشر المحتويات في الفترة الممتدة من ${docDay(from, 'ar')} إلى ${docDay(to, 'ar')}.`;
	if (from) return `تُنشر المحتويات ابتداءً من ${docDay(from, 'ar')}.`;
	if (to) return `تُنشر المحتويات في أجل أقصاه ${docDay(to, 'ar')}.`;
	return 'يحدد الطرفان تواريخ النشر باتفاق كتابي قبل عرض المحتويات.';
}

export const ar: LanguagePack = {
	title: 'عقد شراكة محتوى',
	parties: ({ terms: t }) => {
		const b = t.parties.brand;
		const c = t.parties.creator;
		const brand = [`التسمية القانونية: ${or(b.legalName)}`, `الاسم التجاري: ${b.name}`];
		if (b.rcNumber) brand.push(`رقم السجل التجاري: ${b.rcNumber}`);
		if (b.nif) brand.push(`رقم التعريف الجبائي: ${b.nif}`);
		brand.push(`يمثلها: ${or(b.representative)}`);
		const creator = [`الاسم واللقب: ${or(c.legalName)}`, `الاسم المستعمل: ${c.displayName} (@${c.handle})`];
		if (c.rcNumber) creator.push(`رقم السجل التجاري: ${c.rcNumber}`);
		if (c.nif) creator.push(`رقم التعريف الجبائي: ${c.nif}`);
		if (c.autoEntrepreneurCard) creator.push(`رقم بطاقة المقاول الذاتي: ${c.autoEntrepreneurCard}`);
		return [
			{ label: 'الطرف الأول — العلامة التجارية', lines: brand },
			{ label: 'الطرف الثاني — المؤثر/صانع المحتوى', lines: creator }
		];
	},
	clauses: (ctx: ClauseContext) => {
		const t = ctx.terms;
		const b = t.parties.brand;
		const c = t.parties.creator;
		const r = t.reuseRights;
		const fee = t.fee.amountDzd;
		return [
			{
				heading: 'موضوع العقد',
				paragraphs: [
					`يحدد هذا العقد الشروط التي يُنجز وفقها الطرف الثاني وينشر لفائدة الطرف الأول المحتويات المبينة في المادة 3، في إطار حملة «${ctx.campaignTitle}» (الهدف: ${V.objective[t.campaign.objective]}).`,
					'يمارس الطرف الثاني نشاطه باستقلالية تامة، ولا ينشئ هذا العقد أي علاقة تبعية بين الطرفين.'
				]
			},
			{
				heading: 'الأطراف والتعاريف',
				paragraphs: [
					`«الطرف الأول» أو «العلامة»: ${or(b.legalName)} (الاسم التجاري ${b.name})، ويمثلها ${or(b.representative)}. «الطرف الثاني» أو «المؤثر/صانع المحتوى»: ${or(c.legalName)}، المعروف باسم ${c.displayName} (@${c.handle}). ويُشار إليهما معًا بـ«الطرفين».`,
					'«المحتوى»: كل فيديو أو قصة أو منشور أو بث مباشر يُنجز تنفيذًا لهذا العقد. «المنصة»: شبكة التواصل الاجتماعي التي يُنشر عليها المحتوى.',
					'«وصلة»: المنصة التي ربطت بين الطرفين وتحتفظ بأدلة التوقيع، وليست طرفًا في هذا العقد.'
				]
			},
			{
				heading: 'المحتويات المطلوبة',
				paragraphs: [
					'يُنجز الطرف الثاني المحتويات الآتية وينشرها على حسابه الخاص:',
					...t.deliverables.map((d) => `— ${deliverable(d)}؛`),
					'يبقى الطرف الثاني حرًا في أسلوبه وطريقة عرضه، مع احترام موجز الحملة وأحكام هذا العقد.'
				]
			},
			{
				heading: 'الموافقة والآجال',
				paragraphs: [
					`يعرض الطرف الثاني كل محتوى على الطرف الأول قبل موعد نشره بمدة لا تقل عن ${days(t.validation.draftDaysBeforePublication)}. ويوافق الطرف الأول عليه أو يطلب تعديله خلال ${days(t.validation.reviewDays)}، فإذا لم يرد خلال هذا الأجل عُدّ المحتوى موافقًا عليه.`,
					t.validation.correctionRounds === 0
						? 'لا يشمل المقابل المالي أي جولة تعديل، وكل تعديل يخضع لاتفاق كتابي.'
						: `يشمل المقابل المالي ${docCount(t.validation.correctionRounds, 'round', 'ar')} من التعديلات، وما زاد على ذلك يخضع لاتفاق كتابي.`,
					windowText(t)
				]
			},
			{
				heading: 'الإشارة إلى الشراكة (الإشهار)',
				paragraphs: [
					`يحمل كل محتوى علامة «شراكة مدفوعة» التي توفرها المنصة والإشارة ${docList(t.disclosure.hashtags, 'ar')}، بشكل واضح منذ الثواني أو الأسطر الأولى.`,
					'وتبقى هذه الإشارات ظاهرة طوال مدة بقاء المنشور، فلا يحذفها الطرف الثاني ولا يخفيها، ولو بعد انتهاء الحملة.'
				]
			},
			{
				heading: 'حقوق إعادة الاستعمال',
				paragraphs: [
					r.channels.length === 0
						? 'لا يكتسب الطرف الأول أي حق في إعادة استعمال المحتويات، وله فقط مشاركتها كما نشرها الطرف الثاني.'
						: `يرخص الطرف الثاني للطرف الأول بإعادة استعمال المحتويات الموافق عليها على الوسائط الآتية: ${docList(
								r.channels.map((ch) => V.channel[ch]),
								'ar'
							)}.`,
					r.perpetual
						? 'ويُمنح هذا الترخيص دون تحديد مدة، بناءً على اختيار صريح من الطرفين.'
						: `ويُمنح هذا الترخيص لمدة ${days(r.days ?? 0)} ابتداءً من أول نشر، ويتوقف الطرف الأول عند انقضائها عن أي بث جديد. ولا يكون الترخيص دائمًا إلا باتفاق صريح.`,
					'كل استعمال آخر أو تعديل جوهري أو تنازل للغير يستلزم موافقة كتابية من الطرف الثاني.'
				]
			},
			{
				heading: 'بند الأزمات',
				paragraphs: [
					`إذا جعل حدث ما (جدل عام، حداد وطني، حادث يمس أحد الطرفين أو المنتج) بث المحتويات مضرًا، ${MAY_ASK[t.crisis.requestedBy]} أن يطلب كتابيًا سحب المحتويات أو أرشفتها.`,
					`يسحب الطرف الثاني المحتويات المعنية أو يؤرشفها خلال ${hours(t.crisis.withdrawalWithinHours)} من تاريخ الطلب. وفي هذه الحالة، ${V.crisisPayment[t.crisis.payment]}.`
				]
			},
			{
				heading: 'المقابل المالي وكيفيات الدفع',
				paragraphs:
					fee === 0
						? ['تُنجز الخدمة دون مقابل نقدي.']
						: [
								`يدفع الطرف الأول للطرف الثاني مقابلًا جزافيًا قدره ${docDzd(fee, 'ar')}، وفق الجدول الآتي:`,
								...t.paymentSchedule.map((m) => `— ${docDzd(m.amountDzd, 'ar')} ${V.milestone[m.milestone]}، ${m.dueDays === 0 ? 'فورًا' : `خلال ${days(m.dueDays)}`}؛`),
								'يدفع الطرف الأول مباشرة إلى الطرف الثاني (الحساب الجاري البريدي، بريدي موب، تحويل بنكي أو نقدًا مقابل وصل)، ولا تحتفظ وصلة بأي أموال. ويتحمل كل طرف التزاماته الجبائية والاجتماعية.'
							]
			},
			{
				heading: 'رمز التخفيض والكلمة المفتاحية لواتساب',
				paragraphs: [
					`رمز التخفيض ${t.attribution.promoCode} والكلمة المفتاحية لواتساب ${t.attribution.whatsappKeyword} خاصان بالطرف الثاني، يذكرهما في محتوياته، ويقبلهما الطرف الأول في مبيعاته ومحادثاته عبر واتساب طوال مدة الحملة.`,
					'ويُستعملان لقياس المبيعات المنسوبة إلى الطرف الثاني، ولا يترتب عليهما أي عمولة ما لم يُتفق على ذلك كتابيًا.'
				]
			},
			{
				heading: 'السرية وحماية المعطيات الشخصية',
				paragraphs: [
					'تبقى المعلومات غير المنشورة المتبادلة (الموجز، الأسعار، إطلاق المنتجات) سرية إلى أن ينشرها الطرف الأول.',
					`يعالج الطرفان المعطيات ذات الطابع الشخصي المتبادلة (${docList(
						t.personalData.shared.map((i) => V.dataItem[i]),
						'ar'
					)}) لغرض وحيد هو تنفيذ هذا العقد، طبقًا للقانون رقم 18-07 المؤرخ في 10 يونيو 2018 والمتعلق بحماية الأشخاص الطبيعيين في مجال معالجة المعطيات ذات الطابع الشخصي.`,
					`وتُحفظ هذه المعطيات لمدة ${docCount(t.personalData.retentionMonths, 'month', 'ar')} بعد انتهاء العقد، باستثناء العقد الموقع والوثائق المحاسبية التي تُحفظ طوال المدد القانونية. ولكل شخص معني حق الاطلاع والتصحيح والاعتراض.`
				]
			},
			{
				heading: 'فسخ العقد',
				paragraphs: [
					t.termination.noticeDays === 0
						? 'يجوز لكل طرف إنهاء العقد دون سبب ودون مهلة إشعار، بموجب إشعار كتابي.'
						: `يجوز لكل طرف إنهاء العقد دون سبب، شريطة إشعار كتابي مسبق بمهلة ${days(t.termination.noticeDays)}.`,
					`في حال الإخلال الجسيم، يُعذر الطرف المتضرر الطرف الآخر كتابيًا، فإذا لم يتدارك الإخلال خلال ${days(t.termination.cureDays)} جاز فسخ العقد بقوة القانون.`,
					'تبقى الدفعات التي حل أجلها قبل انتهاء العقد مستحقة، وتبقى الإشارات إلى الشراكة في المحتويات المنشورة قائمة.'
				]
			},
			{
				heading: 'القانون الواجب التطبيق وتسوية النزاعات',
				paragraphs: [
					'يخضع هذا العقد للقانون الجزائري.',
					`في حال نشوء نزاع، يسعى الطرفان إلى تسويته وديًا خلال ${days(t.law.amicableDays)} من تاريخ الإشعار الكتابي به، فإن تعذر ذلك رُفع النزاع إلى المحكمة المختصة إقليميًا بولاية ${t.law.courtWilaya.nameAr}.`
				]
			},
			{
				heading: 'التوقيع الإلكتروني',
				paragraphs: [
					'يُوقَّع هذا العقد إلكترونيًا بتوقيع إلكتروني بسيط (غير موصوف) بمفهوم القانون رقم 15-04 المؤرخ في أول فبراير 2015 الذي يحدد القواعد العامة المتعلقة بالتوقيع والتصديق الإلكترونيين، ولا يجوز تجريده من أثره القانوني أو رفضه كدليل لمجرد أنه إلكتروني أو غير موصوف.',
					'يؤكد كل موقّع هويته برمز يُستعمل مرة واحدة يُرسل إلى بريده الإلكتروني، ثم يكتب اسمه الكامل. وتحتفظ وصلة بالأدلة: التاريخ والساعة، وعنوان IP، والمتصفح، وبصمة الوثيقة، وسجل التدقيق المتسلسل.',
					`بصمة SHA-256 لهذه الوثيقة (الإصدار ${ctx.version}): ${ctx.documentSha256}.`,
					ctx.verifyUrl ? `يمكن التحقق من هذه الوثيقة عبر العنوان ${ctx.verifyUrl}.` : 'يمكن التحقق من هذه الوثيقة في صفحة التحقق على وصلة.'
				]
			}
		];
	},
	footer: { page: 'الصفحة {n} من {total}', agreement: 'العقد', version: 'الإصدار', hash: 'بصمة SHA-256' },
	certificate: {
		title: 'شهادة التوقيع',
		intro: 'تلخص هذه الشهادة أدلة توقيع العقد أعلاه، وقد حُررت بعد توقيع الطرفين.',
		labels: {
			signer: 'الموقّع',
			signedAt: 'تاريخ التوقيع',
			ip: 'عنوان IP',
			userAgent: 'المتصفح',
			documentSha256: 'بصمة الوثيقة (SHA-256)',
			consentSha256: 'بصمة الموافقة (SHA-256)',
			auditHead: 'آخر حلقة في سجل التدقيق',
			verifyUrl: 'التحقق'
		},
		legalNote:
			'توقيع إلكتروني بسيط (غير موصوف) بمفهوم القانون رقم 15-04 المؤرخ في أول فبراير 2015 الذي يحدد القواعد العامة المتعلقة بالتوقيع والتصديق الإلكترونيين. تحتفظ وصلة بأدلة كل توقيع وبسجل تدقيق متسلسل.',
		partyLabels: { brand: 'الطرف الأول (العلامة التجارية)', creator: 'الطرف الثاني (المؤثر/صانع المحتوى)' }
	}
};
