/**
 * Cues per label, written in their normalised form (see normalise.ts). A cue matches
 * whole words; a trailing `*` makes it a prefix ("dispo*" matches "disponible").
 * French, Arabic script and Darija in Latin letters (3=ع, 7=ح, 9=ق) side by side.
 * Extend these lists, not the classifier: the evaluation set of a later issue measures them.
 */
export const CUES = {
	spam: [
		'follow me', 'follow back', 'followers', 'check my', 'visit my', 'my page', 'my profile', 'link in bio', 'mon compte',
		'gagnez*', 'gagner de l argent', 'crypto*', 'bitcoin', 'abonne toi', 'abonnez vous', 'تابعني', 'زوروا حسابي', 'ربح المال'
	],
	purchase_intent: [
		'prix', 'tarif*', 'combien', 'ch7al', 'bch7al', 'chhal', 'bchhal', 'cha7al', '9adach', 'qadach', 'gadach', 'bkem', 'bkam',
		'بكم', 'بكام', 'قداش', 'شحال', 'بشحال', 'السعر', 'سعر', 'الثمن', 'ثمن',
		'dispo*', 'livraison', 'livrez', 'livrer', 'wsal*', 'توصيل', 'التوصيل', 'متوفر', 'كاين', 'mazal kayen', 'kayen',
		'commande*', 'commander', 'ncommandi', 'commandi', 'كيفاش نطلب', 'نطلب', 'نشري', 'nechri', 'nchri', 'acheter', 'j achete',
		'taille', 'pointure', 'inbox', 'mp', 'dm', 'le lien', 'lien svp', 'win techriti*', 'win chrit*', 'win nelgah', 'وين نلقاه', 'وين',
		'win', 'adresse', 'paiement'
	],
	negative: [
		'ghali', 'cher', 'trop cher', 'arnaque', 'nul', 'nulle', 'decu*', 'ma 3jebnich', 'ma3jebnich', 'khayeb', 'khayba', 'pas top',
		'ma wsaltnich', 'ma repondiwch', 'thi9a', 'mauvais*', 'غالي', 'مبالغ', 'سيء', 'سيئه', 'فاشل', 'نصب', 'ما عجبنيش', 'ماعجبنيش', 'خايب'
	],
	positive: [
		'tbarkallah', 'tbarkalah', 'machallah', 'mashallah', 'masha allah', 'ma sha allah', 'bravo', 'top', 'magnifique', 'superbe',
		'trop belle', 'trop beau', 'j adore', 'adore', 'merci', 'qualite', '3jebni', 'ya3tik saha', 'sa77a', 'saha', '9ima',
		'ماشاء الله', 'ما شاء الله', 'تبارك الله', 'الله يبارك', 'روعه', 'رائع', 'جميل جدا', 'يعطيك الصحه', 'شكرا', 'عجبني'
	],
	generic: ['nice', 'super', 'good', 'cool', 'ok', 'waw', 'wow', 'mzyan', 'جميل', 'top']
} as const;

export type CueLabel = keyof typeof CUES;
