/**
 * Cues per label and topic. A cue matches whole words of the comment after both go through
 * `matchKey` (normalise.ts), so "bezzaf" and "bezaf", "أ" and "ا" meet; a trailing `*`
 * makes it a prefix ("dispo*" matches "disponible"). A one-word Arabic cue also matches
 * after a clitic prefix (و ف ب ل ال: "والتوصيل" matches "توصيل").
 * French, Arabic script, Darija in Latin letters (3=ع, 7=ح, 9=ق, 5=خ) and English side by
 * side. Extend these lists, not the classifier: test/unit/comments-eval.test.ts measures
 * them against test/fixtures/comments.json (the development set); a separate unseen set
 * measures how well they generalise, so add vocabulary by kind of phrase, not by line.
 *
 * Negation (NEGATION, WHEN_NEGATED, STEMS below) turns a negated positive word into a
 * complaint ("pas bon", "machi mlih", "ma 3ajbatnich", "مش كيما في الصورة", "never
 * replied") and a negated complaint word of WHEN_NEGATED.positive into praise ("pas cher", "not bad", "pas mal").
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
	/** Checked only when the comment asks nothing (no ? ؟ ❓, no svp / please / من فضلك): "livraison rapide" praises, "livraison rapide ?" asks. */
	unlessQuestion?: boolean;
	/** Checked only when the comment asks something: "la couleur ?" asks, "trop belle la couleur" praises. */
	onlyQuestion?: boolean;
	/** Purchase cues that give way to praise when nothing is asked ("livraison rapide, merci", "happy with my order"). */
	yieldsToPraise?: boolean;
}

/** Checked in this order: the first group with a matching cue decides. The last group is the generic one. */
export const CUE_GROUPS: readonly CueGroup[] = [
	{
		label: 'spam',
		topic: 'self_promotion',
		cues: [
			// follow-for-follow and selling followers
			'follow*', 'nfollowi*', 'f4f', 'suivez*', 'suivez moi', 'suivez mon', 'suivez ma', 'suis moi', 'je vous suis en retour', 'abonne toi', 'abonnez*',
			'abonne vous', 'abonniw', 'abonnew', 'abonnou', 'abonnes garantis', 'likes garantis', 'tes abonnes', 'vos abonnes', 'buy followers',
			'more followers', 'subscribe', 'subscribers', 'sub4sub', 'my channel', 'ma chaine', 'تابعني', 'تابعوني', 'تابعوا', 'تابع*', 'المتابعين',
			'متابعين', 'ارد المتابعه', 'اشترك', 'اشتركوا', 'اشتركو', 'قناتي', 'لايكات', 'likes gratuits', 'free likes', 'free followers',
			'rejoignez*', 'join my', 'join our', 'telegram', 'تيليغرام', 'متجري', 'ajoutez moi', 'ajoute moi', 'add me', 'snap me', 'like my', 'likez',
			'للاعلان', 'اعلاناتكم', 'حسابات', 'comptes a vendre', 'deviens riche',
			'devenir riche', 'get rich', 'rejoins mon', 'rejoins notre', 'collab*', 'notre site', 'notre page', 'notre boutique', 'visitez notre',
			'our page', 'our store', 'our shop', 'our website', 'visit our', 'صفحتنا', 'متجرنا',
			// "look at my page"
			'check my', 'check out my', 'visit my', 'my page', 'my profile', 'my account', 'my bio', 'my store', 'my shop', 'mon compte', 'ma page',
			'mon profil', 'ma boutique', 'mon shop', 'mon site', 'ma bio', 'visitez*', 'passez voir', 'passez sur mon', 'passez sur ma',
			'allez voir ma', 'allez voir mon', 'faites un tour', 'page ta3i', 'compte ta3i', 'profil ta3i', 'bio ta3i', 'page ta3na', 'compte ta3na',
			'page dyali', 'compte dyali', 'dkhol', 'dkhlou', 'odkhlou', 'زوروا', 'زورو', 'ادخلو', 'ادخلوا', 'صفحتي', 'حسابي', 'link in bio',
			'lien dans ma bio', 'lien dans la bio', 'lien f bio', 'lien fi bio', 'f bio', 'fi bio', 'fel bio', 'bayo', 'البايو', 'في البايو',
			// easy money
			'gagnez*', 'gain', 'gains', 'gagner de l argent', 'gagner un', 'gagner drahem', 'pour gagner', 'argent facile', 'drahem facile', 'revenus passifs',
			'revenu passif', 'investissez', 'investir avec', 'l argent men dar', 'depuis chez vous', 'travail a domicile', 'trading', 'crypto*',
			'bitcoin', 'btc', 'usdt', 'forex', 'binance', 'earn', 'make money', 'passive income', 'from home', 'win a', 'win an', 'giveaway', 'rba7*',
			'nrba7*', 'terba7*', 'trba7*', 'yrba7*', 'drahem men dar', 'drahem mel dar', 'ربح', 'اربح', 'الربح', 'استثمار', 'استثمر', 'من الهاتف',
			'من هاتفك', 'من البيت', 'من المنزل', 'العمل من', 'ربح المال'
		]
	},
	{
		label: 'negative',
		topic: 'complaint',
		cues: [
			// price
			'trop cher', 'tres cher', 'cher', 'hors de prix', 'abuse', 'abusez', 'abusé', 'too expensive', 'expensive', 'overpriced', 'rip off',
			'ripoff', 'exagere', 'ghali', 'ghalia', 'ghaliya', 'ghalya', 'ghla', 'zdtou', 'zadtou', 'zidtou', 'غالي', 'غاليه', 'مبالغ', 'زدتو',
			'غلا', 'الغلا',
			// delivery and service
			'pas recu', 'rien recu', 'attends toujours', 'attends depuis', 'waiting since', 'rani nestana', 'mazal nestana', 'مازلت نستنى', 'jamais recu',
			'toujours pas', 'toujours rien', 'pas livre', 'retard', 'en attente', 'never received',
			'not received', 'still waiting', 'still nothing', 'nothing yet', 'nothing arrived', 'late', 'delay*', 'ma wsaltnich', 'ma wsalnich',
			'ma wselnich', 'ma wselni', 'ma wsalni', 'ma wsalch', 'walou', 'ma repondiwch', 'personne ne repond', 'ne repond', 'repondent plus',
			'pas de reponse', 'aucune reponse', 'sans reponse', 'injoignable', 'no answer', 'no reply', 'no response', 'لم يصلني', 'لم يصل',
			'ما وصلني', 'ما وصلنيش', 'تاخر', 'التاخير', 'متاخر', 'تاخير',
			// quality and disappointment
			'nul', 'nulle', 'mauvais*', 'decu*', 'decev*', 'deconseill*', 'horrible', 'catastroph*', 'mediocre', 'lamentable', 'honte', 'honteux',
			'inadmissible', 'inacceptable', 'pire', 'pas terrible', 'mortafi3', 'مرتفع', 'excessif', 'exorbitant', 'annul*', 'cancel*', 'never again', 'mkas*', 'mhers*', 'مكسر*', 'مكسور*', 'مهرس', 'مختلف*', 'زيرو', 'waited', 'lying',
			'khsara', 'khasara', 'laisse a desirer', 'poor', 'faded', 'deteint', 'decolore', 'not what i', 'pas ce que j ai',
			'perdez pas', 'perdre votre argent', 'yekdb*', 'ykdb*', 'ykedb*', 'يكذب*', 'تكذب*', 'مقلد', 'inexistant', 'zero', 'couleur differente',
			'different*', 'pas la bonne', 'wrong',
			'not as described', 'pas comme decrit', 'trop petit', 'trop petite', 'trop grand', 'trop grande', 'too small', 'too big', 'bloque*',
			'blocked', 'cheap material', 'cheap quality', '3ib', 'hchouma', '7chouma', 'حشومه', 'عيب', '7ram 3likom', 'haram 3likom',
			'حرام عليكم', 'a eviter', 'evitez', 'rembours*', 'pas top', 'pas bon', 'ne ressemble pas', 'pas comme la photo',
			'pas conforme', 'dechire', 'abime*', 'casse', 'defectueu*', 'defaut', 'le pire', 'regret*', 'plus jamais', 'bad', 'worst', 'terrible',
			'awful', 'disgusting', 'useless', 'waste', 'disappoint*', 'poor quality', 'low quality', 'broke', 'broken', 'damaged', 'defective',
			'refund', 'unprofessional', 'rude', 'avoid', 'beware', 'not like the photo', 'wrong size', 'wrong item', 'khayeb', 'khayba', 'khayb',
			'khayeba', 'khaybin', 'ma 3jebnich', 'ma3jebnich', 'ma 3ajebnich', 'ma n3awedch', 'ma n3awdch', 'ndamt', 'nadem', 'ma3lich bzaf',
			'ما عجبنيش', 'ماعجبنيش', 'خايب', 'خايبه', 'سيء', 'سيئ', 'سيءه', 'سيئه', 'رديء', 'رديءه', 'ردي', 'رديه', 'لا انصح', 'فاشل*', 'ضعيف*',
			'للاسف', 'مع الاسف', 'خساره', 'ندمت', 'نادم*', 'مغشوش', 'مزيف', 'تقليد', 'احذروا', 'حذاري', 'انتبهوا', 'استرجاع',
			// scam warnings
			'arnaque*', 'arnak*', 'scam*', 'fraud*', 'voleur*', 'vol', 'escro*', 'menteur*', 'mensonge*', 'faux', 'fake', 'contrefacon', 'liar*',
			'thief', 'thieves', 'stole*', 'nsab', 'nsabin', 'nassab*', 'sra9*', 'sar9*', 'serqa', 'sarqa', 'kedab*', 'kdab*', 'ghach*', 'نصب',
			'نصابين', 'نصاب', 'احتيال', 'سرقه', 'سراقين', 'سارق*', 'لصوص', 'كذب', 'كذابين', 'كذاب', 'غش', 'غشاش*', 'ma tchriwch', 'ma techriwch',
			'don t buy', 'ne commandez pas', 'ما تشريوش'
		]
	},
	{
		// praise of the price or the delivery: "bon rapport qualité prix", "livraison rapide"
		label: 'positive',
		topic: 'praise',
		unlessQuestion: true,
		cues: [
			'rapport qualite prix', 'qualite prix', 'bon prix', 'prix raisonnable*', 'raisonnable', 'abordable*', 'prix correct', 'imbattable',
			'buy again', 'order again', 'buy it again', 'racheter', 'recommander a nouveau', 'je reviendrai', 'n3awed nechri', 'nzid nechri',
			'رح نعاود', 'نعاود نشري', 'rapide*', 'fast', 'quick*', 'reasonable', 'affordable', 'fair price', 'good price', 'great price', 'worth the price',
			'm3a9oul', 'ma39oul', 'rkhis', 'مناسب', 'مناسبه', 'معقول', 'سريع', 'سريعه', 'بسرعه', 'سرعه', 'رخيص'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'price',
		cues: [
			'prix', 'le prix', 'tarif*', 'combien', 'cb', 'cout*', 'ch7al', 'bch7al', 'chhal', 'bchhal', 'cha7al', 'chehal', 'bchehal', 'chal',
			'9adach', '9adeh', '9adah', '9adech', 'b9adech', 'b9adach', 'qadach', 'qadech', 'gadach', 'gadeh', 'gadech', 'bkem', 'bkam', 'bekem',
			'soum*', 'essoum', 'discount', 'remise', 'reduction', 'تخفيض*', 'how much', 'price*', 'cost*', 'بكم', 'بكام', 'قداش', 'بقداش', 'قداه', 'شحال',
			'بشحال', 'سعر*', 'اسعار', 'الثمن',
			'ثمن*', 'سوم*', 'كم'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'availability',
		cues: [
			'dispo*', 'kayen', 'kayna', 'kaynin', 'kayn', 'kain', 'kaina', 'mazal', 'il reste', 'reste encore', 'en stock', 'stock', 'rupture',
			'3andkom', '3ndkom', 'andkom', '3andek', 'available', 'in stock', 'restock', 'any more', 'any left', 'still have', 'do you have',
			'متوفر*', 'توفر', 'يوجد', 'كاين', 'كاينه', 'كاينين', 'مازال', 'موجود*', 'عندكم'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'size',
		cues: [
			'taille*', 'pointure', 'dimension*', 'mesure*', 'size*', 'xl', 'xxl', 'xs', 'مقاس*', 'المقاس', 'القياس', 'قياس', 'نمره'
		]
	},
	{
		// colours and sizes by name are praised as often as asked about: only with a question
		label: 'purchase_intent',
		topic: 'size',
		onlyQuestion: true,
		cues: ['couleur*', 'coloris', 'color*', 'colour*', 'medium', 'small', 'large', 'لون', 'اللون', 'الوان', 'الالوان', 'لونه', 'lon', 'el lon']
	},
	{
		label: 'purchase_intent',
		topic: 'delivery',
		yieldsToPraise: true,
		cues: [
			'livr*', 'frais de port', 'domicile', 'expedi*', 'envoi', 'ship*', 'deliver*', 'twasl*', 'tewsl*', 'twsl*', 'twsil', 'tawsil',
			'tewsil', 'wsal*', 'yalidine', 'stop desk', 'stopdesk', 'point relais', 'wilaya', 'ليفريزون', 'توصيل', 'توصلو', 'توصلون', 'توصلوا',
			'تقومون بالتوصيل', 'يوصل*', 'شحن', 'ولايه'
		]
	},
	{
		label: 'purchase_intent',
		topic: 'order',
		cues: [
			'numero*', 'num', 'phone number', 'your number', 'رقم*', 'commander', 'ncommandi', 'commandi*', 'acheter', 'j achete', 'je veux', 'je prends',
			'je le prends', 'interess*',
			'inbox', 'mp', 'dm', 'message prive', 'en prive', 'prive', 'خاص', 'راسلوني', 'le lien', 'lien svp', 'adresse', 'paiement', 'payer', 'ccp',
			'baridimob', 'buy', 'interested', 'where can i', 'how can i', 'how do i', 'how to', 'nechri*', 'nchri*', 'nachri*', 'bghit', 'n7eb nechri',
			'kifach', 'kifah', 'kifech', 'kifeh', 'win n*', 'win kayen', 'win kayna', 'win jaya', 'win el magasin',
			'win l magasin', 'win el boutique', 'win l boutique', 'where is the shop', 'where is your', 'vous etes ou', 'ou etes vous', 'ou se trouve', 'ou vous trouvez', 'ou est votre', 'located', 'localisation', 'reserv*', 'حجز', 'نحجز',
			'plus d info*', 'envoyez moi', 'envoie moi', 'can i get', 'can i have', 'نشري*', 'نطلب', 'اطلب', 'اشتري', 'اريد', 'كيفاش', 'كيف يمكنني',
			'كيف نطلب', 'وين ن*', 'وين المحل', 'وين كاين', 'وين جاي', 'تفاصيل', 'معلومات',
			'مهتم', 'مهتمه', 'الدفع عند الاستلام'
		]
	},
	{
		// "where?", what it is made of, whether it suits: questions about buying only when asked
		label: 'purchase_intent',
		topic: 'order',
		onlyQuestion: true,
		cues: [
			'win', 'وين', 'contact', 'inscri*', 'matiere', 'tissu', 'teinte', 'garantie', 'compatible', 'yesla7', 'ysla7', 'يناسب', 'يصلح', 'الضمان',
			'material', 'fabric', 'warranty'
		]
	},
	{
		// order words that are nouns: reviews talk about "ma commande" and thank for "l'info" too, so praise said with them is praise
		label: 'purchase_intent',
		topic: 'order',
		yieldsToPraise: true,
		cues: ['commande*', 'order*', 'طلب', 'طلبيه', 'الطلبيه', 'info', 'infos', 'information*', 'detail', 'details']
	},
	{
		label: 'positive',
		topic: 'praise',
		cues: [
			'tbarkallah', 'tbarkalah', 'tbarkellah', 'tbarklah', 'machallah', 'mashallah', 'masha allah', 'ma sha allah', 'ma cha allah',
			'ma chaa allah', 'bravo', 'magnifique', 'superbe', 'sublime', 'splendide', 'trop belle', 'trop beau', 'tres belle', 'tres beau', 'belle',
			'jolie', 'joli', 'j adore', 'adore', 'j aime', 'kiffe', 'merci', 'qualite', 'recommande', 'satisfait*', 'parfait*', 'genial*',
			'excellent*', 'top', 'meilleur*', 'felicit*', 'fan', 'content', 'contente', 'ravi', 'ravie', 'heureux', 'heureuse', 'impeccable',
			'nickel', 'merveill*', 'formidable', 'incroyable', 'tres bien', 'trop bien', 'vraiment bien', 'tres bon', 'tres bonne', 'bon travail',
			'bonne qualite', 'bonne continuation', 'bon courage', 'coup de coeur', 'chic', 'elegant*', 'classe', '3jebni', '3jbni', 'ya3tik saha',
			'ya3tik sa7a', 'sa7a', 'saha', '9ima', 'mli7', 'mliha', 'mlih', 'chaba', 'zwin*', 'zin', 'zina', 'ghaya', 'nqiya', 'n9iya', 'hbal',
			'rabi yber9ek', 'rabi ybarek', 'ybarek', 'y7afdek', 'ya7fdek', 'yahfdek', 'raw3a', 'rawe3', 'rawa3', 'ra2i3', 'hayla', 'hayel',
			'mla7', 'chou', 'class', 'ynaj7ek', 'ynajhek', 'ywaf9ek', 'ywef9ek', 'sahit', 'sa7it', 'super produit', 'super travail',
			'super service', 'super bien', 'super beau', 'super belle', 'super jolie', 'nice work', 'nice job', 'nice product', 'loving', 'luv',
			'obsessed', 'exactement ce que', 'exactly what i', 'fits', 'soft', 'comfy', 'comfortable', 'confortable', 't3ich', 'ta3ich', 'tres serieux',
			'tres serieuse', 'vendeur serieux', 'professionnel*',
			'fiable', 'reliable', 'trustworthy', 'legit', 'thi9a', 'wa3er', 'wa3ra', 'wa3rin', 'beaute', 'mignon*', 'rabi y3awnek', 'ykhalik', 'love*',
			'amazing', 'beautiful', 'gorgeous', 'stunning', 'great',
			'awesome', 'perfect*', 'recommend*', 'thank*', 'well done', 'best', 'so good', 'very good', 'really good', 'so nice', 'very nice',
			'really nice', 'good job', 'good quality', 'wonderful', 'fantastic', 'incredible', 'lovely', 'cute', 'pretty', 'superb', 'brilliant',
			'impressive', 'happy', 'pleased', 'satisfied', 'glad', 'worth it', 'ماشاء الله', 'ما شاء الله', 'تبارك الله', 'تبارك', 'الله يبارك',
			'بارك الله', 'روعه', 'رائع*', 'جميل جدا', 'جميله', 'حلو', 'حلوه', 'يعطيك الصحه', 'يعطيك', 'شكرا', 'عجبني', 'ممتاز*', 'القمه', 'انصح*',
			'جوده', 'تحفه', 'زوين*', 'بالتوفيق', 'موفق*', 'نظيف', 'نقي', 'نقيه', 'مبروك', 'احسن', 'افضل', 'احلي', 'سعيد', 'فرحت', 'مليح', 'مليحه', 'يحفظك',
			'يوفقك', 'يوفقكم', 'ينجحك', 'زين', 'زينه', 'اجمل', 'احسنت*', 'هايل', 'هايله', 'واعر', 'واعره', 'تعيش', 'ثقه', 'امانه', 'الامانه',
			// useful, clear, it worked, it suits you: approval that is usually about something
			'propre', 'utile', 'clair', 'claire', 'efficace', 'pratique', 'reussi*', 'sublime*', 'helpful', 'useful', 'genius', 'suits', 'works',
			'worked', 'helped', 'premium', 'مفيد*', 'واضح*', 'ناجح*', 'نجحت', 'ساعدني', 'ساعدتني', 'نفعني', 'نفعتني', 'يليق*', 'مبدع*', 'ابداع', 'nf3atni',
			'nf3ni', 'nfa3tni', 'nj7at', 'nja7*', 'mfid*', 'wad7*', 'chbab', 'chbeb', 'ja 3lik', 'jat 3lik', 'جا عليك', 'جات عليك', 'شابه', 'نحب', 'n7eb', 'n7ab', 'nhab'
		]
	},
	{
		label: 'generic',
		topic: 'reaction',
		cues: [
			'nice', 'super', 'good', 'cool', 'ok', 'okay', 'waw', 'wow', 'mzyan', 'first', 'premier*', '1er', 'lol', 'lmao', 'mdr*', 'xd', 'h',
			'ha', 'haha', 'hahaha', 'hihi', 'salam', 'slm', 'salamou', 'coucou', 'bonjour', 'bonsoir', 'hello', 'hi', 'hey', 'salut', 'vu',
			'wesh', 'wach rakoum', 'yaw', 'chouf', 'chofi', 'regarde*', 'look', 'up', 'me', 'moi', 'ana', 'hna', 'chkoun', 'who', 'qui', 'sba7 lkhir',
			'جميل', 'ه', 'السلام عليكم', 'صباح الخير', 'مساء الخير', 'مرحبا', 'تعليق', 'اول', 'شوف*', 'شكون', 'انا', 'هنا'
		]
	}
];

/**
 * Words that say nothing about a subject: pronouns, articles, intensifiers, terms of
 * address, blessings and exclamations. Praise made only of these and praise words ("tu es
 * trop belle ma chérie", "rabi y7fdek khti", "you look so cute omg") could stand under any
 * post: it is generic (API.md, "Comment labels").
 */
export const BARE_WORDS: readonly string[] = [
	// French
	'je', 'j', 'tu', 't', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'toi', 'moi', 'te', 'me', 'se', 'es', 'est', 'etes', 'suis', 'sont', 'c',
	'ce', 'cest', 'ca', 'cette', 'cet', 'ces', 'la', 'le', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'et', 'a', 'au', 'aux', 'en', 'ma', 'mon',
	'mes', 'ta', 'ton', 'tes', 'sa', 'votre', 'vos', 'trop', 'tres', 'vraiment', 'tellement', 'grave', 'si', 'super', 'hyper', 'franchement', 'juste',
	'toujours', 'encore', 'beaucoup', 'bcp', 'comme', 'que', 'qui', 'quel', 'quelle', 'quoi', 'oh', 'ah', 'wa', 'ouah', 'ouais', 'oui', 'non', 'bien',
	'cherie', 'cheri', 'chere', 'puce', 'soeur', 'frere', 'reine', 'bisous', 'bisou', 'bises', 'continue', 'continuez', 'travail', 'courage', 'plus',
	'fort', 'ptn', 'omg', 'mdr', 'style', 'stylee', 'canon', 'bombe', 'chou', 'ma belle', 'pour', 'avec', 'tout', 'toute', 'tous', 'rien', 'dire', 'mots',
	'sans', 'lol', 'xd', 'jamais', 'vu', 'fait', 'bonne', 'bon', 'meilleure', 'meilleurs', 'meilleures', 'queen', 'dieu', 'allah', 'protege', 'benisse',
	// English
	'i', 'you', 'u', 'ur', 'your', 'youre', 're', 'are', 'is', 'it', 'its', 'this', 'that', 'so', 'very', 'really', 'too', 'the', 'an', 'my', 'mine',
	'girl', 'girlie', 'sis', 'babe', 'dear', 'darling', 'just', 'always', 'much', 'yes', 'yess', 'literally', 'absolutely', 'ever', 'look', 'looks',
	'looking', 'such', 'what', 'a', 'be', 'keep', 'going', 'up', 'of', 'all', 'wow', 'omgg', 'goddess', 'icon', 'slay', 'slayed', 'vibe', 'vibes', 'god',
	'bless', 'blessed', 'work', 'job', 'with', 'and', 'for', 'me', 'we', 'us', 'here', 'again', 'one', 'oh', 'my', 'she', 'he', 'her', 'him', 'lovely',
	// Darija in Latin letters
	'wlh', 'wallah', 'wallahi', 'wlah', 'bzf', 'bzaf', 'bezaf', 'ya', 'yaw', 'khti', 'khouya', 'khoya', 'kho', 'sahbi', '7abibti', 'habibti', '7bibti',
	'hbibti', 'rabi', 'allah', 'yhfdek', 'y7fdek', 'yahfdek', 'yehfdek', 'ykhalik', 'ykhalilek', 'yjazik', 'nti', 'nta', 'enti', 'rak', 'raki', 'rki',
	'rahi', 'rahou', 'hadi', 'hada', 'gal3', 'ga3', 'kamel', 'dima', 'diman', 'l3omr', '3omri', '3lik', '3liha', '3lih', 'ana', 'hna', 'mais', 'w', 'b',
	'f', 'fi', 'm3a', 'ta3', 'ta3ek', 'ta3k', 'ki', 'kima', 'wach', 'zin', 'zine', 'zwina', 'jmila', 'ghzala', 'ghzal', 'mchallah', 'tbarkellah',
	'inchallah', 'nchallah', 'ouh', 'yemma', 'lala', 'lalla', 'bent', 'bnt', 'el', 'l', 'lah', 'lahy', 'rabi y7afdek', 'hbala', 'tahbel',
	// Arabic script
	'انت', 'انتي', 'انتِ', 'يا', 'والله', 'بزاف', 'جدا', 'كثير', 'اختي', 'خويا', 'حبيبتي', 'حبيبي', 'ربي', 'الله', 'يحفظك', 'يحميك', 'يخليك', 'يبارك',
	'فيك', 'عليك', 'ما', 'شاء', 'هذا', 'هذه', 'هاذي', 'هادي', 'هاد', 'راكي', 'راك', 'ديما', 'دائما', 'حبي', 'قلبي', 'كل', 'في', 'من', 'على', 'و', 'انا',
	'نحبك', 'نموت', 'عليها', 'بالتوفيق', 'ان', 'شاء', 'تبارك', 'الرحمن', 'اللهم', 'بارك', 'وفقك', 'اميره', 'ملكه', 'القلب', 'عمري', 'لي', 'ليك', 'لك',
	'بصح', 'صح', 'قمر', 'القمر', 'غزال', 'غزاله', 'جميل', 'جميله', 'واو', 'اوف', 'يعطيك', 'الصحه', 'صحه', 'دايما', 'اكثر', 'زيد', 'كمل', 'استمري', 'استمر'
];

/** "Look at this": with an @mention and something about the post, a friend is shown the product (purchase intent). */
export const LOOK_WORDS: readonly string[] = ['regarde*', 'chouf*', 'chof*', 'look', 'check this', 'شوف*', 'شفت'];

/** Words that make a comment a request, like a question mark does. */
export const REQUEST_WORDS: readonly string[] = ['svp', 'stp', 'please', 'pls', 'plz', 'من فضلك', 'عافاك', '3afak', 'afak', 'رجاء', 'ارجوك'];

/** Acknowledgements that carry no opinion although they contain "merci": checked before the praise words. */
export const ACKNOWLEDGEMENTS: readonly string[] = [
	'ok merci', 'okay merci', 'ok thanks', 'ok thank you', 'ok chokran', 'ok شكرا', 'merci ok', 'd accord merci', 'ok saha', 'ok sa7a',
	'واخا شكرا', 'no thanks', 'no thank you', 'non merci', 'la chokran', 'لا شكرا'
];

/**
 * Negators. `wide` reach the first word after them that is not a filler ("pas très bon",
 * "not worth it", "ماشي كيما الصورة", but not "merci" in "pas de retard, merci"); `verb` (Darija ma / ما) reaches the next word and only verbs of
 * STEMS ("ma wsalni", "ما عجبني"), since "ma" is also French "my" and "ما" an exclamation.
 * A Darija circumfix "ma…ch" / "ما…ش" ("ma3jebnich", "ma wsalatnich", "ما وصلتنيش") negates its stem.
 */
export const NEGATION = {
	wide: [
		'pas', 'not', 'never', 'jamais', 'sans', 'aucun', 'aucune', 'ne', 'n', 'without', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt',
		'cant', 'wont', 'havent', 'hasnt', 'machi', 'mechi', 'mch', 'mech', 'mchi', 'mouch', 'makach', 'makanch', 'makench', 'makaynch',
		'makaynach', 'مش', 'ماشي', 'موش', 'مو', 'ليس', 'ليست', 'لست', 'لم', 'لن', 'لا', 'بلا', 'بدون', 'ماكانش', 'ماكاش', 'مكانش', 'ماكاينش'
	],
	/** English "n't" arrives as the word "t" after one of these. */
	nt: ['don', 'didn', 'doesn', 'isn', 'wasn', 'aren', 'weren', 'haven', 'hasn', 'won', 'can', 'couldn', 'wouldn', 'shouldn', 'ain'],
	verb: ['ma', 'ما', 'وما', 'فما'],
	/** "pas cher mais ..." : a contrast word ends the reach of a negator. */
	stop: ['mais', 'but', 'bessah', 'bsah', 'walakin', 'لكن', 'بصح', 'بصاح', 'et', 'and', 'w', 'و', 'ou', 'or'],
	/** Words a negator reaches over without counting them: "pas du tout la même", "not very good". */
	filler: [
		'du', 'de', 'tout', 'la', 'le', 'les', 'l', 'un', 'une', 'tres', 'trop', 'si', 'aussi', 'assez', 'vraiment', 'encore', 'est', 'c', 'so', 'very',
		'really', 'too', 'that', 'the', 'a', 'at', 'all', 'even', 'yet', 'it', 'is', 'was', 'be', 'been', 'ete', 'ai', 'hou', 'هو', 'هي', 'bzaf', 'bezaf',
		'ga3', 'kamel', 'ta3', 'بزاف', 'قاع', 'حتى'
	]
} as const;

/**
 * Words that only matter when negated: a negated one is a complaint ("pas conforme", "not
 * worth", "مش كيما", "jamais reçu", "never replied", "don't buy", "ma kayench thi9a").
 * Praise cues count as such too; a negated word of `positive` below is praise ("pas cher", "not bad").
 */
export const WHEN_NEGATED = {
	negative: [
		'bon', 'bonne', 'beau', 'bien', 'good', 'happy', 'worth', 'satisfied', 'conforme', 'comme', 'kima', 'kif', 'like', 'pareil', 'meme',
		'same', 'identique', 'correspond*', 'va', 'marche', 'fonctionne', 'work', 'works', 'original', 'serieux', 'serieuse', 'serious', 'professionnel',
		'trust', 'confiance', 'thi9a', 'ti9a', 'kelma', 'klma', 'كلمه', 'الكلمه', 'respect', 'recu*',
		'arrive*', 'livre', 'livree', 'repond*', 'received', 'receive*', 'arrived', 'delivered', 'came', 'replied', 'answered', 'responded',
		'reply', 'answer', 'response', 'reponse', 'buy', 'acheter', 'achetez', 'commandez', 'order', 'كيما', 'كي', 'مثل', 'كما', 'يستاهل',
		'يستحق', 'جيد', 'جيده', 'ثقه', 'الثقه', 'يرد', 'يردو', 'يردون', 'تشتروا', 'تشتريو', 'تطلبوا', 'تطلبو', 'اصلي', 'مطابق'
	],
	positive: [
		'mal', 'cher', 'chere', 'ghali', 'ghalia', 'ghalya', 'غالي', 'غاليه', 'expensive', 'retard', 'probleme', 'problem', 'bad', 'worry', 'souci',
		'decu*', 'disappoint*', 'mauvais*', 'nul', 'nulle', 'khayeb', 'khayba', 'خايب', 'خايبه', 'سيء', 'سيئ', 'regret*', 'late'
	]
} as const;

/**
 * Verb stems in their inflected forms (Darija "3ajbatni", "ma wsalatnich", Arabic
 * "عجبتني", "ما وصلتنيش"). `positive`: praise when said, complaint when negated;
 * `expected`: complaint only when negated (it never came, they never replied, don't buy,
 * not worth it); `negative`: praise when negated ("ma ghalyach"). The patterns are anchored
 * and linear (no nested repetition).
 */
export const STEMS: readonly { cue: string; polarity: 'positive' | 'expected' | 'negative'; re: RegExp }[] = [
	{ cue: '3jb', polarity: 'positive', re: /^[ty]?3[aeiou]?j[aeiou]?b(ni|tni|atni|etni|itni|ouni|na|tna|atna|ek|etek|atek|ha|hom|kom|o|ou|at|et|t)?$/ },
	{ cue: 'عجب', polarity: 'positive', re: /^[يت]?عجب(ني|تني|وني|نا|تنا|ه|ها|هم|ك|تك|تو|و|ت)?$/ },
	{ cue: 'wsl', polarity: 'expected', re: /^w[aeiou]?s[aeiou]?l/ },
	{ cue: 'وصل', polarity: 'expected', re: /^وصل/ },
	{ cue: 'ja', polarity: 'expected', re: /^ja(t|ni|tni|na|tna|w|ou)?$/ },
	{ cue: 'جا', polarity: 'expected', re: /^جا(ت|ني|تني|نا|و|وا)?$/ },
	{ cue: 'jawb', polarity: 'expected', re: /^[nty]?j[aeiou]?w[aeiou]?b/ },
	{ cue: 'rd', polarity: 'expected', re: /^[nty]?r[aeiou]?d(ou|o|ow|iw|it|at|ina|ouna|ouni)$/ },
	{ cue: 'جاوب', polarity: 'expected', re: /^[يت]?جاوب/ },
	{ cue: 'رد', polarity: 'expected', re: /^[يت]?رد(و|وا|ون|ت|ني|ونا)?$/ },
	{ cue: 'repond', polarity: 'expected', re: /^repond/ },
	{ cue: 'chri', polarity: 'expected', re: /^t[e]?ch[e]?r(i|iw|ou|o|iha|ih|ihom|iwh)?$/ },
	{ cue: 'تشري', polarity: 'expected', re: /^(تشري|تشتر|تطلب)/ },
	{ cue: 'nsa7', polarity: 'expected', re: /^n?e?n?s[ae]?7/ },
	{ cue: 'نصح', polarity: 'expected', re: /^(ن?نصح|انصح)/ },
	{ cue: 'confi', polarity: 'expected', re: /^t?conf[iy]/ },
	{ cue: 'swa', polarity: 'expected', re: /^[yt]e?swa/ },
	{ cue: 'يسوى', polarity: 'expected', re: /^(يسو|تسو|يستاهل|تستاهل)/ },
	{ cue: 'ghali', polarity: 'negative', re: /^ghal/ },
	{ cue: 'غالي', polarity: 'negative', re: /^غال/ }
];

/** A circumfix stem that means "there is no(t)" or "they have no" ("ma kayench thi9a", "ma3andhomch kelma", "ma b9atch thi9a"): it negates what follows. */
export const THERE_IS_NO = /^(ka[iy]?e?n|kan|ka|3and[a-z]*|b[9q]a[a-z]*|كاين|كان|كا|عند[\u0600-\u06ff]*|بق[\u0600-\u06ff]*)$/;

/** Emoji cues, for comments with no word cue (and emoji-only comments). */
export const EMOJI = {
	/** Pointing hands, links, adult, money-face: the shapes of spam. */
	spam: ['👉', '👇', '🔗', '🔞', '🤑', '📲', '🆓'],
	/** Money, cart, parcel, delivery: a purchase question when asked (?, ❓), spam otherwise. */
	commerce: ['💰', '💵', '💶', '💷', '🪙', '💲', '💸', '🛒', '📦', '🚚', '🛍', '💳', '🏷'],
	question: ['?', '❓', '❔', '؟'],
	negative: ['👎', '😡', '🤮', '😤', '💩', '😠', '😒', '🤬', '😞', '🙄', '🤢', '😑', '😕', '🙁', '☹', '😣', '😖', '😫', '🖕', '💔', '🤡', '🤦'],
	positive: [
		'😍', '❤', '♥', '🥰', '💖', '💕', '💗', '💓', '💞', '💝', '👏', '💯', '👌', '😘', '🤩', '😻', '🌹', '💐', '💘', '💜', '💙', '💚', '💛',
		'🧡', '🤍', '🖤', '❣', '😊', '☺', '🤗', '😇', '🫶', '🌟', '⭐'
	]
} as const;
