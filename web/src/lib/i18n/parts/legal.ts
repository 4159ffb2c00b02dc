/**
 * Terms of use and privacy notice (issue 15, point 6): /legal/terms, /legal/privacy, the sign-up
 * form's box and the footer links. A change of these texts is a new version in
 * worker/domain/legal.ts (LEGAL_DOCUMENTS), so users are asked to accept it again.
 */
export const fr = {
	'legal.terms.title': 'Conditions d’utilisation',
	'legal.privacy.title': 'Politique de confidentialité',
	'legal.version': 'Version {version}, en vigueur depuis le {date}',
	'legal.other.terms': 'Lire aussi les conditions d’utilisation',
	'legal.other.privacy': 'Lire aussi la politique de confidentialité',
	'legal.terms.lead': 'Ce que Wasla fait pour vous, ce que vous vous engagez à faire, et ce qui se passe en cas de désaccord.',
	'legal.terms.s1.title': 'Le service',
	'legal.terms.s1.text':
		'Wasla met en relation des marques algériennes et des créateurs de contenu\u00a0: campagnes, candidatures, contrats signés en ligne, suivi des publications, des ventes et des paiements. Wasla n’est pas partie aux contrats entre une marque et un créateur et ne détient pas leur argent.',
	'legal.terms.s2.title': 'Votre compte',
	'legal.terms.s2.text': 'Vous donnez des informations exactes, gardez votre mot de passe pour vous et nous prévenez d’un usage anormal. Un compte de marque agit pour l’entreprise qu’il représente.',
	'legal.terms.s3.title': 'Campagnes et contenus',
	'legal.terms.s3.text':
		'Une marque publie des offres licites et honnêtes. Un créateur publie des chiffres réels et signale chaque partenariat (mention et hashtag convenus). Chacun reste responsable de ce qu’il publie et garantit en détenir les droits.',
	'legal.terms.s4.title': 'Contrats et paiements',
	'legal.terms.s4.text':
		'Un contrat signé sur Wasla engage la marque et le créateur. Son empreinte, ses signatures et son journal d’audit sont conservés comme preuve. La marque paie le créateur directement (CCP, BaridiMob, virement ou espèces)\u00a0; Wasla enregistre chaque étape dans un registre que personne ne peut réécrire.',
	'legal.terms.s5.title': 'Suspension et fin',
	'legal.terms.s5.text':
		'Vous pouvez supprimer votre compte à tout moment depuis vos réglages. Wasla peut suspendre un compte qui fraude, trompe ou met d’autres personnes en danger, après vous en avoir informé sauf urgence.',
	'legal.terms.s6.title': 'Droit applicable',
	'legal.terms.s6.text': 'Ces conditions relèvent du droit algérien. En cas de litige, cherchons d’abord une solution amiable\u00a0; à défaut, les tribunaux algériens compétents seront saisis.',
	'legal.privacy.lead': 'Quelles données Wasla conserve, pourquoi, où, combien de temps, et comment exercer vos droits (loi 18-07).',
	'legal.privacy.s1.title': 'Ce que nous conservons',
	'legal.privacy.s1.text':
		'Votre compte (nom, e-mail, langue), votre profil de créateur ou votre marque, vos statistiques importées, candidatures, messages, contrats, publications, ventes attribuées et paiements, ainsi que les sessions (adresse IP, navigateur) qui protègent votre compte.',
	'legal.privacy.s2.title': 'Pourquoi',
	'legal.privacy.s2.text':
		'Pour fournir le service que vous demandez (contrat entre vous et Wasla), pour prouver les contrats signés et tenir la comptabilité des paiements (obligations légales), et pour protéger les comptes contre la fraude (intérêt légitime). Pas de publicité, et aucune vente de vos données.',
	'legal.privacy.s3.title': 'Où',
	'legal.privacy.s3.text':
		'La base de données (Cloudflare D1) et les fichiers (Cloudflare R2) sont hébergés en Europe de l’Ouest, la région la plus proche de l’Algérie. Les e-mails passent par notre prestataire d’envoi. Votre export indique chaque emplacement.',
	'legal.privacy.s4.title': 'Combien de temps',
	'legal.privacy.s4.text':
		'Tant que votre compte existe. Après sa suppression, nous gardons seulement ce que la loi impose\u00a0: les contrats signés par les deux parties, leurs journaux d’audit et les écritures de paiement (10\u00a0ans, preuve et comptabilité), et la trace des versions de ces textes que vous avez acceptées (5\u00a0ans). Votre identité y est remplacée par un pseudonyme.',
	'legal.privacy.s5.title': 'Vos droits',
	'legal.privacy.s5.text':
		'Depuis vos réglages («\u00a0Vos données personnelles\u00a0»), téléchargez tout ce que nous conservons sur vous ou supprimez votre compte. Vous pouvez aussi nous demander une rectification, et saisir l’Autorité nationale de protection des données à caractère personnel (ANPDP).',
	'legal.privacy.s6.title': 'Votre accord',
	'legal.privacy.s6.text':
		'À l’inscription, nous enregistrons la version de ces textes que vous acceptez, l’heure (UTC) et la langue. Si une nouvelle version change vos droits, nous vous la présenterons avant de continuer.',
	'signup.terms.label': 'J’accepte les conditions d’utilisation et la politique de confidentialité de Wasla',
	'signup.terms.read': 'À lire\u00a0:'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'legal.terms.title': 'شروط الاستخدام',
	'legal.privacy.title': 'سياسة الخصوصية',
	'legal.version': 'الإصدار {version}، ساري المفعول منذ {date}',
	'legal.other.terms': 'اقرأ أيضًا شروط الاستخدام',
	'legal.other.privacy': 'اقرأ أيضًا سياسة الخصوصية',
	'legal.terms.lead': 'ما تقدّمه لك وصلة، وما تلتزم به، وما يحدث عند الخلاف.',
	'legal.terms.s1.title': 'الخدمة',
	'legal.terms.s1.text':
		'تربط وصلة بين العلامات التجارية الجزائرية وصنّاع المحتوى: حملات، وترشّحات، وعقود تُوقَّع عبر الإنترنت، ومتابعة المنشورات والمبيعات والمدفوعات. وصلة ليست طرفًا في العقود بين العلامة وصانع المحتوى ولا تحتفظ بأموالهما.',
	'legal.terms.s2.title': 'حسابك',
	'legal.terms.s2.text': 'تقدّم معلومات صحيحة، وتحتفظ بكلمة مرورك لنفسك، وتُعلمنا بأي استعمال غير طبيعي. حساب العلامة يتصرّف باسم المؤسسة التي يمثّلها.',
	'legal.terms.s3.title': 'الحملات والمحتوى',
	'legal.terms.s3.text': 'تنشر العلامة عروضًا مشروعة وصادقة. وينشر صانع المحتوى أرقامًا حقيقية ويُعلن عن كل شراكة (الإشارة والوسم المتفق عليهما). كلٌّ مسؤول عمّا ينشره ويضمن امتلاكه لحقوقه.',
	'legal.terms.s4.title': 'العقود والمدفوعات',
	'legal.terms.s4.text':
		'العقد الموقَّع على وصلة يُلزم العلامة وصانع المحتوى. وتُحفظ بصمته وتوقيعاته وسجلّ تدقيقه كدليل. تدفع العلامة لصانع المحتوى مباشرة (CCP أو بريدي موب أو تحويل أو نقدًا)، وتسجّل وصلة كل خطوة في سجلّ لا يمكن لأحد إعادة كتابته.',
	'legal.terms.s5.title': 'التعليق والإنهاء',
	'legal.terms.s5.text': 'يمكنك حذف حسابك في أي وقت من إعداداتك. ويمكن لوصلة تعليق حساب يحتال أو يخدع أو يعرّض الآخرين للخطر، بعد إعلامك إلا في حالة الاستعجال.',
	'legal.terms.s6.title': 'القانون المطبّق',
	'legal.terms.s6.text': 'تخضع هذه الشروط للقانون الجزائري. عند النزاع نبحث أولًا عن حلّ ودّي، وإلا يُرفع الأمر إلى المحاكم الجزائرية المختصة.',
	'legal.privacy.lead': 'ما البيانات التي تحتفظ بها وصلة، ولماذا، وأين، وإلى متى، وكيف تمارس حقوقك (القانون 18-07).',
	'legal.privacy.s1.title': 'ما نحتفظ به',
	'legal.privacy.s1.text':
		'حسابك (الاسم والبريد الإلكتروني واللغة)، وملفك كصانع محتوى أو علامتك، وإحصاءاتك المستوردة، وترشّحاتك ورسائلك وعقودك ومنشوراتك والمبيعات المنسوبة والمدفوعات، والجلسات (عنوان IP والمتصفح) التي تحمي حسابك.',
	'legal.privacy.s2.title': 'لماذا',
	'legal.privacy.s2.text':
		'لتقديم الخدمة التي تطلبها (عقد بينك وبين وصلة)، ولإثبات العقود الموقّعة ومسك محاسبة المدفوعات (التزامات قانونية)، ولحماية الحسابات من الاحتيال (مصلحة مشروعة). لا إعلانات، ولا بيع لبياناتك.',
	'legal.privacy.s3.title': 'أين',
	'legal.privacy.s3.text':
		'قاعدة البيانات (Cloudflare D1) والملفات (Cloudflare R2) مستضافة في أوروبا الغربية، أقرب منطقة إلى الجزائر. وتمرّ الرسائل الإلكترونية عبر مزوّد الإرسال لدينا. ويذكر ملف التصدير كل موضع.',
	'legal.privacy.s4.title': 'إلى متى',
	'legal.privacy.s4.text':
		'ما دام حسابك قائمًا. بعد حذفه لا نحتفظ إلا بما يفرضه القانون: العقود الموقّعة من الطرفين وسجلّات تدقيقها وقيود المدفوعات (10 سنوات، للإثبات والمحاسبة)، وأثر إصدارات هذه النصوص التي قبلتها (5 سنوات). ويُستبدل فيها اسمك باسم مستعار.',
	'legal.privacy.s5.title': 'حقوقك',
	'legal.privacy.s5.text': 'من إعداداتك («بياناتك الشخصية») نزّل كل ما نحتفظ به عنك أو احذف حسابك. ويمكنك أيضًا أن تطلب منا التصحيح، وأن تلجأ إلى السلطة الوطنية لحماية المعطيات ذات الطابع الشخصي.',
	'legal.privacy.s6.title': 'موافقتك',
	'legal.privacy.s6.text': 'عند التسجيل نسجّل إصدار هذه النصوص الذي توافق عليه، والوقت (UTC) واللغة. وإذا غيّر إصدار جديد حقوقك، نعرضه عليك قبل المتابعة.',
	'signup.terms.label': 'أوافق على شروط الاستخدام وسياسة الخصوصية لوصلة',
	'signup.terms.read': 'للقراءة:'
};

export const en: Record<Keys, string> = {
	'legal.terms.title': 'Terms of use',
	'legal.privacy.title': 'Privacy notice',
	'legal.version': 'Version {version}, in force since {date}',
	'legal.other.terms': 'Read the terms of use too',
	'legal.other.privacy': 'Read the privacy notice too',
	'legal.terms.lead': 'What Wasla does for you, what you commit to, and what happens when you disagree.',
	'legal.terms.s1.title': 'The service',
	'legal.terms.s1.text':
		'Wasla connects Algerian brands with content creators: campaigns, applications, agreements signed online, and tracking of posts, sales and payouts. Wasla is not a party to the agreements between a brand and a creator and does not hold their money.',
	'legal.terms.s2.title': 'Your account',
	'legal.terms.s2.text': 'You give accurate information, keep your password to yourself and tell us about any unusual use. A brand account acts for the business it represents.',
	'legal.terms.s3.title': 'Campaigns and content',
	'legal.terms.s3.text':
		'A brand publishes lawful, honest offers. A creator publishes real figures and discloses every partnership (the agreed label and hashtag). Each remains responsible for what they publish and warrants holding its rights.',
	'legal.terms.s4.title': 'Agreements and payouts',
	'legal.terms.s4.text':
		'An agreement signed on Wasla binds the brand and the creator. Its fingerprint, signatures and audit trail are kept as evidence. The brand pays the creator directly (CCP, BaridiMob, bank transfer or cash); Wasla records each step in a ledger nobody can rewrite.',
	'legal.terms.s5.title': 'Suspension and closing',
	'legal.terms.s5.text': 'You can delete your account at any time from your settings. Wasla may suspend an account that defrauds, deceives or endangers others, after telling you unless it is urgent.',
	'legal.terms.s6.title': 'Governing law',
	'legal.terms.s6.text': 'These terms are governed by Algerian law. In a dispute we first look for an amicable solution; failing that, the competent Algerian courts decide.',
	'legal.privacy.lead': 'Which data Wasla keeps, why, where, for how long, and how to exercise your rights (Law 18-07).',
	'legal.privacy.s1.title': 'What we keep',
	'legal.privacy.s1.text':
		'Your account (name, email, language), your creator profile or your brand, your imported stats, applications, messages, agreements, posts, attributed sales and payouts, and the sessions (IP address, browser) that protect your account.',
	'legal.privacy.s2.title': 'Why',
	'legal.privacy.s2.text':
		'To provide the service you ask for (a contract between you and Wasla), to prove signed agreements and keep the accounts of payouts (legal obligations), and to protect accounts against fraud (legitimate interest). No advertising, and your data is never sold.',
	'legal.privacy.s3.title': 'Where',
	'legal.privacy.s3.text':
		'The database (Cloudflare D1) and the files (Cloudflare R2) are hosted in Western Europe, the region closest to Algeria. Emails go through our sending provider. Your export names each place.',
	'legal.privacy.s4.title': 'For how long',
	'legal.privacy.s4.text':
		'As long as your account exists. Once it is deleted we keep only what the law requires: agreements signed by both parties, their audit trails and the payout ledger (10 years, evidence and accounting), and the record of the versions of these texts you accepted (5 years). Your identity in them is replaced by a pseudonym.',
	'legal.privacy.s5.title': 'Your rights',
	'legal.privacy.s5.text':
		'From your settings (“Your personal data”), download everything we keep about you or delete your account. You can also ask us to correct it, and complain to the national personal data protection authority (ANPDP).',
	'legal.privacy.s6.title': 'Your consent',
	'legal.privacy.s6.text':
		'When you sign up we record the version of these texts you accept, the time (UTC) and the language. If a new version changes your rights, we will show it to you before you go on.',
	'signup.terms.label': 'I accept Wasla’s terms of use and privacy notice',
	'signup.terms.read': 'Read:'
};
