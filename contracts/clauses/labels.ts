/**
 * Names of the terms' vocabularies in the three document languages. Typed as complete
 * records over the lists of worker/domain (taxonomy and agreement-terms), so adding a value
 * to a list fails compilation here until it is translated.
 */
import type { CrisisPayment, CrisisRequester, PaymentMilestone, PersonalDataItem, ReuseChannel } from '../../worker/domain/agreement-terms';
import type { Format, Objective, Platform } from '../../worker/domain/taxonomy';
import type { DocLang } from '../document';

export interface Vocabulary {
	platform: Record<Platform, string>;
	format: Record<Format, string>;
	channel: Record<ReuseChannel, string>;
	milestone: Record<PaymentMilestone, string>;
	objective: Record<Objective, string>;
	dataItem: Record<PersonalDataItem, string>;
	requester: Record<CrisisRequester, string>;
	crisisPayment: Record<CrisisPayment, string>;
	/** Shown where a party has not filled a value yet. */
	toComplete: string;
	/** Shown for an empty value in a diff. */
	none: string;
	yes: string;
	no: string;
}

export const VOCABULARY: Record<DocLang, Vocabulary> = {
	fr: {
		platform: { instagram: 'Instagram', tiktok: 'TikTok', facebook: 'Facebook', youtube: 'YouTube', snapchat: 'Snapchat' },
		format: { reel: 'reel', story: 'story', post: 'publication', live: 'live' },
		channel: {
			ads: 'publicités sponsorisées (y compris diffusion depuis le compte du Créateur)',
			website: 'site web de la Marque',
			catalogue: 'catalogue produits',
			whatsapp_catalogue: 'catalogue WhatsApp Business',
			in_store: 'en magasin (écrans, affiches)'
		},
		milestone: { signature: 'à la signature du contrat', approval: 'à la validation des contenus', publication: 'à la publication des contenus' },
		objective: { visibility: 'visibilité', traffic: 'trafic', whatsapp_sales: 'ventes via WhatsApp', signups: 'inscriptions' },
		dataItem: { identity: 'identité', contact: 'coordonnées', payment_details: 'coordonnées de paiement', audience_stats: 'statistiques d’audience et de publication' },
		requester: { brand: 'la Marque', either: 'chacune des Parties' },
		crisisPayment: {
			due_in_full: 'la rémunération reste due en totalité',
			pro_rata: 'la rémunération est due au prorata des livrables publiés avant la demande de retrait',
			none_if_not_published: 'si aucun livrable n’a été publié avant la demande, aucune rémunération n’est due et les sommes versées sont restituées ; sinon la rémunération reste due en totalité'
		},
		toComplete: '(à compléter)',
		none: '—',
		yes: 'oui',
		no: 'non'
	},
	ar: {
		platform: { instagram: 'إنستغرام', tiktok: 'تيك توك', facebook: 'فيسبوك', youtube: 'يوتيوب', snapchat: 'سناب شات' },
		format: { reel: 'فيديو قصير (ريلز)', story: 'قصة (ستوري)', post: 'منشور', live: 'بث مباشر' },
		channel: {
			ads: 'الإعلانات الممولة (بما فيها البث انطلاقًا من حساب صانع المحتوى)',
			website: 'الموقع الإلكتروني للعلامة',
			catalogue: 'كتالوج المنتجات',
			whatsapp_catalogue: 'كتالوج واتساب للأعمال',
			in_store: 'داخل المحلات (شاشات وملصقات)'
		},
		milestone: { signature: 'عند توقيع العقد', approval: 'عند الموافقة على المحتويات', publication: 'عند نشر المحتويات' },
		objective: { visibility: 'التعريف والظهور', traffic: 'زيادة الزيارات', whatsapp_sales: 'المبيعات عبر واتساب', signups: 'التسجيلات' },
		dataItem: { identity: 'الهوية', contact: 'معلومات الاتصال', payment_details: 'معلومات الدفع', audience_stats: 'إحصائيات الجمهور والمنشورات' },
		requester: { brand: 'الطرف الأول', either: 'كل واحد من الطرفين' },
		crisisPayment: {
			due_in_full: 'يبقى المقابل المالي مستحقًا كاملًا',
			pro_rata: 'يُستحق المقابل المالي بنسبة المحتويات المنشورة قبل طلب السحب',
			none_if_not_published: 'إذا لم يُنشر أي محتوى قبل الطلب فلا يُستحق أي مقابل وتُرد المبالغ المدفوعة، وإلا بقي المقابل المالي مستحقًا كاملًا'
		},
		toComplete: '(يُستكمل لاحقًا)',
		none: '—',
		yes: 'نعم',
		no: 'لا'
	},
	en: {
		platform: { instagram: 'Instagram', tiktok: 'TikTok', facebook: 'Facebook', youtube: 'YouTube', snapchat: 'Snapchat' },
		format: { reel: 'reel', story: 'story', post: 'post', live: 'live' },
		channel: {
			ads: 'paid ads (including ads run from the Creator’s account)',
			website: 'the Brand’s website',
			catalogue: 'product catalogue',
			whatsapp_catalogue: 'WhatsApp Business catalogue',
			in_store: 'in store (screens, posters)'
		},
		milestone: { signature: 'on signature of the agreement', approval: 'on approval of the content', publication: 'on publication of the content' },
		objective: { visibility: 'visibility', traffic: 'traffic', whatsapp_sales: 'WhatsApp sales', signups: 'sign-ups' },
		dataItem: { identity: 'identity', contact: 'contact details', payment_details: 'payment details', audience_stats: 'audience and post statistics' },
		requester: { brand: 'the Brand', either: 'either Party' },
		crisisPayment: {
			due_in_full: 'the fee remains due in full',
			pro_rata: 'the fee is due in proportion to the deliverables published before the withdrawal request',
			none_if_not_published: 'if no deliverable was published before the request, no fee is due and amounts paid are refunded; otherwise the fee remains due in full'
		},
		toComplete: '(to be completed)',
		none: '—',
		yes: 'yes',
		no: 'no'
	}
};
