/** Forgotten password (issue 14, point 9): the login page's link, /password-reset and /password-reset/[token]. */
export const fr = {
	'reset.forgotLink': 'Mot de passe oublié\u00a0?',
	'reset.request.title': 'Mot de passe oublié',
	'reset.request.lead': 'Indiquez l’adresse e-mail de votre compte Wasla\u00a0: nous y enverrons un lien pour choisir un nouveau mot de passe.',
	'reset.request.submit': 'Recevoir le lien',
	'reset.sent.title': 'Regardez votre boîte mail',
	'reset.sent.text': 'Si un compte Wasla utilise cette adresse, un lien vient d’y être envoyé\u00a0:',
	'reset.sent.rules': 'Le lien ne sert qu’une fois et fonctionne pendant 30\u00a0minutes. Rien reçu\u00a0? Regardez dans les courriers indésirables, puis vérifiez l’adresse.',
	'reset.sent.again': 'Demander un nouveau lien',
	'reset.backToLogin': 'Retour à la connexion',
	'reset.choose.title': 'Choisir un nouveau mot de passe',
	'reset.choose.lead': 'Le nouveau mot de passe ferme toutes les sessions ouvertes sur vos autres appareils, puis vous connecte ici.',
	'reset.choose.password': 'Nouveau mot de passe',
	'reset.choose.submit': 'Enregistrer et me connecter',
	'reset.invalid.title': 'Ce lien ne fonctionne plus',
	'reset.invalid.text':
		'Un lien de réinitialisation ne sert qu’une fois, pendant 30\u00a0minutes, et seul le dernier demandé fonctionne. Demandez-en un nouveau\u00a0: il arrive en quelques secondes.',
	'reset.invalid.again': 'Demander un nouveau lien'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'reset.forgotLink': 'نسيت كلمة المرور؟',
	'reset.request.title': 'نسيت كلمة المرور',
	'reset.request.lead': 'أدخل البريد الإلكتروني لحسابك في وصلة، وسنرسل إليه رابطًا لاختيار كلمة مرور جديدة.',
	'reset.request.submit': 'استلام الرابط',
	'reset.sent.title': 'تفقّد بريدك الإلكتروني',
	'reset.sent.text': 'إذا كان هناك حساب في وصلة بهذا العنوان، فقد أُرسل إليه رابط الآن:',
	'reset.sent.rules': 'يُستعمل الرابط مرة واحدة فقط ويبقى صالحًا لمدة 30 دقيقة. لم يصلك شيء؟ تفقّد مجلد الرسائل غير المرغوب فيها، ثم تحقّق من العنوان.',
	'reset.sent.again': 'طلب رابط جديد',
	'reset.backToLogin': 'العودة إلى تسجيل الدخول',
	'reset.choose.title': 'اختيار كلمة مرور جديدة',
	'reset.choose.lead': 'تُغلق كلمة المرور الجديدة كل الجلسات المفتوحة على أجهزتك الأخرى، ثم تُدخلك إلى حسابك هنا.',
	'reset.choose.password': 'كلمة المرور الجديدة',
	'reset.choose.submit': 'حفظ وتسجيل الدخول',
	'reset.invalid.title': 'هذا الرابط لم يعد صالحًا',
	'reset.invalid.text': 'يُستعمل رابط إعادة التعيين مرة واحدة فقط، لمدة 30 دقيقة، ولا يصلح إلا آخر رابط طُلب. اطلب رابطًا جديدًا: يصلك في بضع ثوانٍ.',
	'reset.invalid.again': 'طلب رابط جديد'
};

export const en: Record<Keys, string> = {
	'reset.forgotLink': 'Forgot your password?',
	'reset.request.title': 'Forgotten password',
	'reset.request.lead': 'Enter the email address of your Wasla account: we will send it a link to choose a new password.',
	'reset.request.submit': 'Send me the link',
	'reset.sent.title': 'Check your inbox',
	'reset.sent.text': 'If a Wasla account uses this address, a link was just sent to it:',
	'reset.sent.rules': 'The link works once, for 30 minutes. Nothing arrived? Look in your spam folder, then check the address.',
	'reset.sent.again': 'Ask for a new link',
	'reset.backToLogin': 'Back to sign-in',
	'reset.choose.title': 'Choose a new password',
	'reset.choose.lead': 'The new password ends every session open on your other devices, then signs you in here.',
	'reset.choose.password': 'New password',
	'reset.choose.submit': 'Save and sign in',
	'reset.invalid.title': 'This link no longer works',
	'reset.invalid.text': 'A reset link works once, for 30 minutes, and only the latest one asked for works. Ask for a new one: it arrives within seconds.',
	'reset.invalid.again': 'Ask for a new link'
};
