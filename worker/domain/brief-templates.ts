/**
 * Starting points for the one-page brief, per objective and language: key messages,
 * do/don't lists and a creative angle, written for Algerian retailers (WhatsApp orders,
 * cash on delivery, delivery across the wilayas). Data, not code: the brief editor copies
 * one into the form.
 *
 * Three kinds of blanks (issue 14, point 5):
 * - `%brand%` and `%wilayas%` are filled by `briefTemplate` with what the app knows (the
 *   brand's name, the number of wilayas in the reference table), never a literal;
 * - `{…}` creator tokens (domain/placeholders.ts) stay in the published brief and each
 *   signed creator reads their own keyword, promo code or link there;
 * - `[…]` is for the brand to replace: publishing refuses a campaign that still has one.
 */
import type { Objective } from './taxonomy';
import type { Brief } from './campaign-rules';
import { CREATOR_TOKENS } from './placeholders';

export type TemplateLang = 'fr' | 'ar' | 'en';

const KEYWORD = CREATOR_TOKENS.keyword;
const PROMO = CREATOR_TOKENS.promo;
const LINK = CREATOR_TOKENS.link;

export const BRIEF_TEMPLATES: Record<Objective, Record<TemplateLang, Brief>> = {
	whatsapp_sales: {
		fr: {
			keyMessages: [
				`Commandez chez %brand% sur WhatsApp en envoyant le mot-clé ${KEYWORD.fr}`,
				'Livraison dans les %wilayas% wilayas, paiement à la livraison',
				'Offre valable 48 h : [votre offre, ex. pack à 3 500 DA]'
			],
			dos: [
				'Afficher le mot-clé WhatsApp à l’écran et le dire à voix haute',
				'Montrer le produit en vrai, dans votre quotidien',
				'Répondre aux questions de prix et de taille en commentaire',
				'Mentionner le partenariat (#sponsorisé et l’étiquette de la plateforme)'
			],
			donts: [
				'Ne pas inventer de prix barré ni de fausse rupture de stock',
				'Ne pas promettre un délai de livraison que la marque n’a pas confirmé',
				'Ne pas citer ni dénigrer une marque concurrente'
			],
			angle: `Une vraie utilisation du produit, puis le geste simple pour commander : « envoyez ${KEYWORD.fr} sur WhatsApp ».`
		},
		ar: {
			keyMessages: [`اطلبوا من %brand% عبر واتساب بإرسال الكلمة ${KEYWORD.ar}`, 'التوصيل إلى %wilayas% ولاية والدفع عند الاستلام', 'العرض صالح لمدة 48 ساعة: [عرضكم، مثلًا علبة بـ 3500 دج]'],
			dos: ['إظهار كلمة واتساب على الشاشة وقولها بصوت واضح', 'عرض المنتج في استعمال حقيقي من حياتك اليومية', 'الرد على أسئلة السعر والمقاس في التعليقات', 'الإشارة إلى الشراكة (#إشهار وعلامة المنصة)'],
			donts: ['عدم اختلاق سعر مشطوب أو نفاد مخزون وهمي', 'عدم الوعد بمدة توصيل لم تؤكدها العلامة', 'عدم ذكر علامة منافسة أو الإساءة إليها'],
			angle: `استعمال حقيقي للمنتج، ثم خطوة بسيطة للطلب: «أرسلوا ${KEYWORD.ar} على واتساب».`
		},
		en: {
			keyMessages: [
				`Order from %brand% on WhatsApp by sending the keyword ${KEYWORD.en}`,
				'Delivery to all %wilayas% wilayas, cash on delivery',
				'Offer valid for 48 hours: [your offer, e.g. a pack at 3,500 DA]'
			],
			dos: [
				'Show the WhatsApp keyword on screen and say it out loud',
				'Show the product in real use, in your everyday life',
				'Answer price and size questions in the comments',
				'Disclose the partnership (#sponsored and the platform’s label)'
			],
			donts: ['No invented crossed-out prices or fake stock shortages', 'No delivery time the brand has not confirmed', 'Do not name or run down a competing brand'],
			angle: `Real use of the product, then one simple way to order: “send ${KEYWORD.en} on WhatsApp”.`
		}
	},
	visibility: {
		fr: {
			keyMessages: ['%brand% : [ce qui la rend unique en une phrase]', 'Fabriqué / disponible en Algérie, [ville ou boutique]', 'Suivez [@compte] pour les nouveautés'],
			dos: ['Raconter votre première impression sincère', 'Montrer le produit en gros plan, en lumière naturelle', 'Identifier le compte de la marque et mentionner le partenariat'],
			donts: ['Pas de promesse médicale ni de résultat garanti', 'Pas de filtre qui change l’aspect du produit', 'Pas de musique sous droits sur les formats réutilisés'],
			angle: 'La découverte : « je ne connaissais pas, voilà ce que j’en pense après une semaine ».'
		},
		ar: {
			keyMessages: ['%brand%: [ما يميزها في جملة واحدة]', 'صُنع / متوفر في الجزائر، [المدينة أو المحل]', 'تابعوا [@الحساب] لمعرفة الجديد'],
			dos: ['رواية انطباعك الأول بصدق', 'تصوير المنتج عن قرب وفي ضوء طبيعي', 'الإشارة إلى حساب العلامة وذكر الشراكة'],
			donts: ['لا وعود طبية ولا نتائج مضمونة', 'لا فلاتر تغيّر مظهر المنتج', 'لا موسيقى محمية بحقوق في المحتوى المعاد استعماله'],
			angle: 'الاكتشاف: «لم أكن أعرفه، وهذا رأيي بعد أسبوع من الاستعمال».'
		},
		en: {
			keyMessages: ['%brand%: [what makes it unique, in one sentence]', 'Made / available in Algeria, [town or shop]', 'Follow [@account] for what’s new'],
			dos: ['Tell your honest first impression', 'Show the product close up, in natural light', 'Tag the brand’s account and disclose the partnership'],
			donts: ['No medical claims or guaranteed results', 'No filter that changes how the product looks', 'No copyrighted music on content the brand will reuse'],
			angle: 'The discovery: “I didn’t know it — here is what I think after a week”.'
		}
	},
	traffic: {
		fr: {
			keyMessages: [`Découvrez le catalogue de %brand% sur ${LINK.fr}`, '[Adresse de la boutique] : ouvert [jours et horaires]', `Code ${PROMO.fr} : [remise] sur place ou en ligne`],
			dos: ['Mettre le lien en story avec un sticker lien', 'Donner l’adresse exacte ou un repère connu pour la boutique', 'Demander à votre audience : « vous préférez lequel ? »'],
			donts: ['Ne pas raccourcir ou modifier le lien suivi', 'Ne pas annoncer une promotion qui n’est pas dans le brief', 'Ne pas oublier la mention du partenariat'],
			angle: 'Visite guidée : trois coups de cœur en boutique ou dans le catalogue, et où les trouver.'
		},
		ar: {
			keyMessages: [`اكتشفوا كتالوج %brand% على ${LINK.ar}`, '[عنوان المحل]: مفتوح [الأيام والساعات]', `الرمز ${PROMO.ar}: [التخفيض] في المحل أو عبر الإنترنت`],
			dos: ['وضع الرابط في الستوري بملصق الرابط', 'إعطاء العنوان الدقيق أو معلم معروف للمحل', 'سؤال متابعيك: «أيهما تفضلون؟»'],
			donts: ['عدم اختصار الرابط المتتبَّع أو تغييره', 'عدم الإعلان عن تخفيض غير موجود في الملخص', 'عدم نسيان الإشارة إلى الشراكة'],
			angle: 'جولة مصوّرة: ثلاثة منتجات مفضلة في المحل أو الكتالوج، وأين تجدونها.'
		},
		en: {
			keyMessages: [`See the %brand% catalogue at ${LINK.en}`, '[Shop address]: open [days and hours]', `Code ${PROMO.en}: [discount] in store or online`],
			dos: ['Put the link in a story with a link sticker', 'Give the exact address or a well-known landmark for the shop', 'Ask your audience: “which one would you pick?”'],
			donts: ['Do not shorten or change the tracked link', 'Do not announce a promotion that is not in the brief', 'Do not forget the partnership disclosure'],
			angle: 'A guided tour: three favourites in the shop or the catalogue, and where to find them.'
		}
	},
	signups: {
		fr: {
			keyMessages: [
				`Inscription chez %brand% en 2 minutes sur ${LINK.fr}`,
				'[Avantage d’inscription, ex. premier mois à 3 000 DA au lieu de 4 500 DA]',
				'Places limitées : inscriptions jusqu’au [date]'
			],
			dos: ['Montrer l’inscription pas à pas sur votre téléphone', 'Expliquer ce qui se passe après l’inscription (appel, test, premier cours)', 'Rappeler la date limite en fin de vidéo'],
			donts: ['Pas de promesse de résultat (note, poids, salaire)', 'Ne pas demander aux abonnés leurs données en commentaire', 'Ne pas oublier la mention du partenariat'],
			angle: 'Mon premier jour : ce que j’ai vécu en m’inscrivant, sans filtre.'
		},
		ar: {
			keyMessages: [`التسجيل لدى %brand% في دقيقتين على ${LINK.ar}`, '[ميزة التسجيل، مثلًا الشهر الأول بـ 3000 دج بدل 4500 دج]', 'الأماكن محدودة: التسجيل إلى غاية [التاريخ]'],
			dos: ['عرض التسجيل خطوة بخطوة على هاتفك', 'شرح ما يحدث بعد التسجيل (اتصال، اختبار، أول حصة)', 'التذكير بآخر أجل في نهاية الفيديو'],
			donts: ['لا وعود بنتائج (علامة، وزن، راتب)', 'عدم طلب بيانات المتابعين في التعليقات', 'عدم نسيان الإشارة إلى الشراكة'],
			angle: 'يومي الأول: تجربتي في التسجيل كما هي، دون تجميل.'
		},
		en: {
			keyMessages: [`Sign up with %brand% in 2 minutes at ${LINK.en}`, '[Sign-up benefit, e.g. first month at 3,000 DA instead of 4,500 DA]', 'Limited places: sign up by [date]'],
			dos: ['Show the sign-up step by step on your phone', 'Explain what happens next (a call, a test, the first class)', 'Repeat the deadline at the end of the video'],
			donts: ['No promised results (grades, weight, salary)', 'Do not ask followers for personal data in the comments', 'Do not forget the partnership disclosure'],
			angle: 'My first day: what signing up was really like, unfiltered.'
		}
	}
};

/** What the app knows when a brand starts from a template. */
export interface TemplateFacts {
	/** The brand's name; without it the template keeps a `[…]` blank for it. */
	brandName?: string | null;
	/** How many wilayas the reference table holds (db/wilayas.csv), never a literal. */
	wilayaCount: number;
}

/** The blank left for the brand's name when it is not known. */
const BRAND_BLANK: Record<TemplateLang, string> = { fr: '[Nom de la marque]', ar: '[اسم العلامة]', en: '[Brand name]' };

/**
 * The starting brief for an objective in a language, with the brand's name and the number
 * of wilayas filled in. Creator tokens and `[…]` blanks are left for later.
 */
export function briefTemplate(objective: Objective, lang: TemplateLang, facts: TemplateFacts): Brief {
	const b = BRIEF_TEMPLATES[objective][lang];
	const brand = facts.brandName?.trim() || BRAND_BLANK[lang];
	const fill = (s: string) => s.replace(/%brand%/g, () => brand).replace(/%wilayas%/g, String(facts.wilayaCount));
	return { keyMessages: b.keyMessages.map(fill), dos: b.dos.map(fill), donts: b.donts.map(fill), angle: fill(b.angle) };
}
