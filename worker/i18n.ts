/**
 * Messages the API writes into problem bodies, in French (default), Arabic and English.
 * French is the source; the other catalogues must have every key (the compiler checks).
 * The locale is always passed in: nothing here is global or mutable.
 */
import type { Locale } from './env';

const fr = {
	// validation (valibot issue messages are these keys)
	required: 'Ce champ est obligatoire.',
	invalid_type: 'Valeur invalide.',
	email_invalid: 'Adresse e-mail invalide.',
	password_length: 'Le mot de passe doit contenir entre 8 et 128 caractères.',
	name_length: 'Le nom doit contenir entre 2 et 80 caractères.',
	role_invalid: 'Choisissez « marque » ou « créateur ».',
	locale_invalid: 'Langue inconnue : fr, ar ou en.',
	unknown_field: 'Champ inconnu.',
	too_long: 'Texte trop long (maximum {requirement} caractères).',
	too_short: 'Texte trop court (minimum {requirement} caractères).',
	// details
	detail_invalid_request: 'Certains champs sont invalides.',
	detail_malformed_json: 'Le corps de la requête n’est pas un JSON valide.',
	detail_unauthenticated: 'Connectez-vous pour continuer.',
	detail_invalid_credentials: 'E-mail ou mot de passe incorrect.',
	detail_forbidden: 'Vous n’avez pas accès à cette action.',
	detail_cross_origin: 'Requête refusée : elle ne vient pas de Wasla.',
	detail_not_found: 'Introuvable.',
	detail_method_not_allowed: 'Méthode non autorisée.',
	detail_already_exists: 'Cet élément existe déjà.',
	detail_email_taken: 'Un compte existe déjà avec cette adresse e-mail.',
	detail_already_member: 'Cette personne fait déjà partie de l’équipe.',
	detail_invalid_state: 'Action impossible dans l’état actuel.',
	detail_payload_too_large: 'Le contenu envoyé est trop volumineux.',
	detail_unsupported_media_type: 'Type de contenu non accepté.',
	detail_rate_limited: 'Trop de tentatives. Réessayez dans quelques minutes.',
	detail_internal: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, donnez-nous l’identifiant de requête.',
	detail_wrong_password: 'Le mot de passe actuel est incorrect.',
	detail_owner_only: 'Seul le propriétaire de la marque peut inviter.'
} as const;

export type MessageKey = keyof typeof fr;

const ar: Record<MessageKey, string> = {
	required: 'هذا الحقل مطلوب.',
	invalid_type: 'قيمة غير صالحة.',
	email_invalid: 'البريد الإلكتروني غير صالح.',
	password_length: 'يجب أن تتكون كلمة المرور من 8 إلى 128 حرفًا.',
	name_length: 'يجب أن يتكون الاسم من 2 إلى 80 حرفًا.',
	role_invalid: 'اختر «علامة تجارية» أو «صانع محتوى».',
	locale_invalid: 'لغة غير معروفة: fr أو ar أو en.',
	unknown_field: 'حقل غير معروف.',
	too_long: 'النص طويل جدًا (الحد الأقصى {requirement} حرفًا).',
	too_short: 'النص قصير جدًا (الحد الأدنى {requirement} أحرف).',
	detail_invalid_request: 'بعض الحقول غير صالحة.',
	detail_malformed_json: 'محتوى الطلب ليس JSON صالحًا.',
	detail_unauthenticated: 'سجّل الدخول للمتابعة.',
	detail_invalid_credentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
	detail_forbidden: 'لا تملك صلاحية هذا الإجراء.',
	detail_cross_origin: 'تم رفض الطلب: لم يصدر من وصلة.',
	detail_not_found: 'غير موجود.',
	detail_method_not_allowed: 'الطريقة غير مسموح بها.',
	detail_already_exists: 'هذا العنصر موجود مسبقًا.',
	detail_email_taken: 'يوجد حساب بهذا البريد الإلكتروني.',
	detail_already_member: 'هذا الشخص عضو في الفريق مسبقًا.',
	detail_invalid_state: 'لا يمكن تنفيذ هذا الإجراء في الحالة الحالية.',
	detail_payload_too_large: 'المحتوى المرسل كبير جدًا.',
	detail_unsupported_media_type: 'نوع المحتوى غير مقبول.',
	detail_rate_limited: 'محاولات كثيرة. أعد المحاولة بعد بضع دقائق.',
	detail_internal: 'حدث خطأ غير متوقع. أعد المحاولة؛ وإن استمر، أرسل لنا معرّف الطلب.',
	detail_wrong_password: 'كلمة المرور الحالية غير صحيحة.',
	detail_owner_only: 'صاحب العلامة التجارية فقط يمكنه إرسال الدعوات.'
};

const en: Record<MessageKey, string> = {
	required: 'This field is required.',
	invalid_type: 'Invalid value.',
	email_invalid: 'Invalid email address.',
	password_length: 'The password must be 8 to 128 characters long.',
	name_length: 'The name must be 2 to 80 characters long.',
	role_invalid: 'Choose "brand" or "creator".',
	locale_invalid: 'Unknown language: fr, ar or en.',
	unknown_field: 'Unknown field.',
	too_long: 'Too long (at most {requirement} characters).',
	too_short: 'Too short (at least {requirement} characters).',
	detail_invalid_request: 'Some fields are invalid.',
	detail_malformed_json: 'The request body is not valid JSON.',
	detail_unauthenticated: 'Sign in to continue.',
	detail_invalid_credentials: 'Wrong email or password.',
	detail_forbidden: 'You may not do this.',
	detail_cross_origin: 'Request refused: it does not come from Wasla.',
	detail_not_found: 'Not found.',
	detail_method_not_allowed: 'Method not allowed.',
	detail_already_exists: 'This already exists.',
	detail_email_taken: 'An account already exists with this email address.',
	detail_already_member: 'This person is already on the team.',
	detail_invalid_state: 'This cannot be done in the current state.',
	detail_payload_too_large: 'What you sent is too large.',
	detail_unsupported_media_type: 'This content type is not accepted.',
	detail_rate_limited: 'Too many attempts. Try again in a few minutes.',
	detail_internal: 'Something unexpected went wrong. Try again; if it persists, send us the request id.',
	detail_wrong_password: 'The current password is wrong.',
	detail_owner_only: 'Only the brand owner can invite teammates.'
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, ar, en };

export const LOCALES: readonly Locale[] = ['fr', 'ar', 'en'];

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(fr, key);
}

/** Translates a key, filling `{name}` placeholders from params. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
}

/**
 * The caller's language: `?lang=`, then the `wasla_lang` cookie, then Accept-Language, then French.
 */
export function pickLocale(query: string | undefined, cookie: string | undefined, acceptLanguage: string | undefined): Locale {
	for (const candidate of [query, cookie]) {
		if (candidate && (LOCALES as readonly string[]).includes(candidate)) return candidate as Locale;
	}
	if (acceptLanguage) {
		const ranked = acceptLanguage
			.split(',')
			.map((part) => {
				const [tag, ...params] = part.trim().split(';');
				const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
				return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
			})
			.sort((a, b) => b.q - a.q);
		for (const { lang } of ranked) if ((LOCALES as readonly string[]).includes(lang)) return lang as Locale;
	}
	return 'fr';
}
