/**
 * Cues per label and topic. A cue matches whole words of the comment after both go through
 * `matchKey` (normalise.ts), so "bezzaf" and "bezaf", "أ" and "ا" meet; a trailing `*`
 * makes it a prefix ("dispo*" matches "disponible"). A one-word Arabic cue also matches
 * after a clitic prefix (و ف ب ل ال: "والتوصيل" matches "توصيل").
 * French, Arabic script, Darija in Latin letters (3=ع, 7=ح, 9=ق, 5=خ) and English side by
 * side. Extend these lists, not the classifier: test/unit/comments-eval.test.ts measures
 * them against test/fixtures/comments.json (tune on the "dev" split only).
 */
export type CueLabel = 'purchase_intent' | 'positive' | 'negative' | 'generic' | 'spam';

export type CueTopic =
	| 'price'
	| 'availability'
	| 'size'
	| 'delivery'
	| 'order'
	| 'praise'
	| 'complaint'
	| 'self_promotion'
	| 'reaction';

export interface CueGroup {
	label: CueLabel;
	topic: CueTopic;
	cues: readonly string[];
}

/** Checked in this order: the first group with a matching cue decides. */
export const CUE_GROUPS: readonly CueGroup[] = [
	{
		label: 'spam',
		topic: 'self_promotion',
		cues: [
			// follow-for-follow and selling followers
			'follow*', 'nfollowi*', 'f4f', 'suivez moi', 'suis moi', 'je vous suis en retour', 'abonne toi', 'abonnez*', 'abonne vous', 'abonniw',
			'abonnes garantis', 'likes garantis', 'buy followers', 'تابعني', 'تابعوني', 'تابع*', 'المتابعين', 'متابعين', 'ارد المتابعه',
			// "look at my page"
			'check my', 'check out my', 'visit my', 'my page', 'my profile', 'my account', 'mon compte', 'ma page', 'mon profil', 'visitez*',
			'passez voir', 'page ta3i', 'compte ta3i', 'profil ta3i', 'dkhlou', 'زوروا', 'صفحتي', 'حسابي', 'link in bio', 'lien dans ma bio',
			'lien f bio', 'f bio', 'bayo', 'البايو', 'في البايو',
			// easy money
			'gagnez*', 'gagner de l argent', 'gagner un', 'argent facile', 'l argent men dar', 'trading', 'crypto*', 'bitcoin', 'forex',
			'earn', 'make money', 'win a', 'giveaway', 'rba7*', 'terba7*', 'drahem men dar', 'drahem mel dar', 'ربح', 'اربح', 'الربح'
		]
	},
	{
		label: 'negative',
		topic: 'complaint',
		cues: [
			// price
			'trop cher', 'tres cher', 'cher', 'too expensive', 'expensive', 'overpriced', 'exagere', 'ghali', 'ghalia', 'ghaliya', 'ghalya',
			'غالي', 'غاليه', 'مبالغ',
			// delivery and service
			'pas recu', 'rien recu', 'jamais recu', 'toujours pas', 'pas livre', 'retard', 'never received', 'not received', 'still waiting',
			'ma wsaltnich', 'ma wsalnich', 'ma wselnich', 'ma wselni', 'ma wsalni', 'ma wsalch', 'walou', 'ma repondiwch', 'personne ne repond',
			'ne repond', 'no answer', 'no reply', 'لم يصلني', 'لم يصل', 'ما وصلني', 'ما وصلنيش', 'تاخر', 'التاخير',
			// quality and disappointment
			'nul', 'nulle', 'mauvais*', 'decu*', 'deconseill*', 'horrible', 'pas top', 'pas bon', 'ne ressemble pas', 'pas comme la photo',
			'dechire', 'bad', 'worst', 'terrible', 'disappoint*', 'poor quality', 'broke', 'not like the photo', 'khayeb', 'khayba', 'khayb',
			'khayeba', 'ma 3jebnich', 'ma3jebnich', 'ma 3ajebnich', 'ma n3awedch', 'ma n3awdch', 'ما عجبنيش', 'ماعجبنيش', 'خايب', 'خايبه',
			'سيء', 'سيئ', 'سيءه', 'سيئه', 'رديء', 'رديءه', 'ردي', 'رديه', 'لا انصح', 'فاشل', 'thi9a',
			// scam warnings
			'arnaque*', 'arnak*', 'scam*', 'fraud*', 'voleur*', 'escro*', 'nsab', 'nsabin', 'nassab*', 'نصب', 'نصابين', 'نصاب', 'احتيال',
			'ma tchriwch', 'ma techriwch', 'don t buy', 'ne commandez pas', 'ما تشريوش'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'price',
		cues: [
			'prix', 'le prix', 'tarif*', 'combien', 'cb', 'ch7al', 'bch7al', 'chhal', 'bchhal', 'cha7al', 'chehal', 'bchehal', '9adach', '9adeh',
			'9adah', 'qadach', 'gadach', 'gadeh', 'bkem', 'bkam', 'soum*', 'essoum', 'how much', 'price', 'cost', 'بكم', 'بكام', 'قداش', 'قداه',
			'شحال', 'بشحال', 'سعر', 'الثمن', 'ثمن', 'سوم*'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'availability',
		cues: ['dispo*', 'kayen', 'kayna', 'mazal', 'en stock', 'available', 'in stock', 'restock', 'متوفر', 'متوفره', 'يوجد', 'كاين', 'كاينه', 'مازال']
	},
	{
		label: 'purchase_intent',
		topic: 'size',
		cues: ['taille*', 'pointure', 'size', 'xl', 'xxl', 'مقاس', 'المقاس', 'القياس', 'قياس', 'نمره']
	},
	{
		label: 'purchase_intent',
		topic: 'delivery',
		cues: ['livr*', 'frais de port', 'expedi*', 'ship*', 'deliver*', 'twasl*', 'wsal*', 'توصيل', 'توصلو', 'توصلون', 'شحن']
	},
	{
		label: 'purchase_intent',
		topic: 'order',
		cues: [
			'commande*', 'commander', 'ncommandi', 'commandi*', 'acheter', 'j achete', 'je veux', 'inbox', 'mp', 'dm', 'message prive', 'en prive',
			'le lien', 'lien svp', 'adresse', 'paiement', 'order*', 'buy', 'where can i', 'how can i', 'how to', 'nechri', 'nchri', 'nachri',
			'bghit', 'kifach', 'win', 'نشري', 'نشريه', 'نطلب', 'اطلب', 'طلب', 'طلبيه', 'كيفاش', 'كيف يمكنني', 'وين'
		]
	},
	{
		label: 'positive',
		topic: 'praise',
		cues: [
			'tbarkallah', 'tbarkalah', 'tbarkellah', 'tbarklah', 'machallah', 'mashallah', 'masha allah', 'ma sha allah', 'bravo', 'magnifique',
			'superbe', 'sublime', 'splendide', 'trop belle', 'trop beau', 'tres belle', 'tres beau', 'belle', 'jolie', 'j adore', 'adore',
			'merci', 'qualite', 'recommande', 'satisfait*', 'parfait*', 'genial', 'excellent*', 'top', '3jebni', '3jbni', 'ya3tik saha',
			'ya3tik sa7a', 'sa7a', 'saha', '9ima', 'mli7', 'mliha', 'mlih', 'chaba', 'zwin*', 'rabi yber9ek', 'rabi ybarek', 'rabi y3awnek',
			'ykhalik', 'love*', 'amazing', 'beautiful', 'gorgeous', 'great', 'awesome', 'perfect', 'recommend', 'thank*', 'well done', 'best',
			'ماشاء الله', 'ما شاء الله', 'تبارك الله', 'الله يبارك', 'بارك الله', 'روعه', 'رائع', 'رائعه', 'جميل جدا', 'يعطيك الصحه', 'شكرا',
			'عجبني', 'ممتاز', 'ممتازه', 'القمه', 'انصح', 'جوده', 'تحفه', 'زوين*'
		]
	},
	{
		label: 'generic',
		topic: 'reaction',
		cues: [
			'nice', 'super', 'good', 'cool', 'ok', 'okay', 'waw', 'wow', 'mzyan', 'first', 'premier*', 'lol', 'lmao', 'mdr*', 'h', 'salam', 'slm',
			'coucou', 'bonjour', 'bonsoir', 'hello', 'hi', 'salut', 'vu', 'wesh', 'wach rakoum', 'yaw', 'chouf', 'chofi', 'regarde*', 'look',
			'sba7 lkhir', 'جميل', 'ه', 'السلام عليكم', 'صباح الخير', 'مرحبا', 'تعليق', 'اول', 'شوف*'
		]
	}
];

/** Emoji cues, for comments with no word cue (and emoji-only comments). */
export const EMOJI = {
	/** Pointing hands, links, adult, money-face: the shapes of spam. */
	spam: ['👉', '👇', '🔗', '🔞', '🤑'],
	/** Money, cart, parcel, delivery: a purchase question when asked (?, ❓), spam otherwise. */
	commerce: ['💰', '💵', '💲', '💸', '🛒', '📦', '🚚', '🛍'],
	question: ['?', '❓', '❔', '؟'],
	negative: ['👎', '😡', '🤮', '😤', '💩', '😠', '😒', '🤬', '😞', '🙄'],
	positive: ['😍', '❤', '♥', '🥰', '💖', '💕', '💗', '💓', '💞', '💝', '👏', '💯', '👌', '😘', '🤩', '😻', '🌹', '💐']
} as const;
