/** Account-security emails (issue 14): the password-reset link. Always sent (category `account`). */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

/**
 * The reset link for `to`, in the account's language: what the link does, how long it
 * works, that it works once and ends every session, and what to do if nobody asked.
 */
export function passwordResetEmail(locale: Locale, p: { to: string; link: string; minutes: number }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: 'Réinitialiser votre mot de passe Wasla',
			text:
				`Bonjour,\n\nQuelqu’un, sans doute vous, a demandé à changer le mot de passe du compte Wasla de cette adresse.\n` +
				`Pour choisir un nouveau mot de passe, ouvrez ce lien\u00a0: ${p.link}\n\n` +
				`Le lien ne sert qu’une fois et fonctionne pendant ${p.minutes}\u00a0minutes. Le nouveau mot de passe ferme toutes les sessions ouvertes sur vos autres appareils.\n` +
				`Vous n’avez rien demandé\u00a0? Ignorez ce message\u00a0: votre mot de passe ne change pas.`
		},
		ar: {
			subject: 'إعادة تعيين كلمة مرور حسابك في وصلة',
			text:
				`مرحبًا،\n\nطلب أحدهم، وهو أنت على الأرجح، تغيير كلمة مرور حساب وصلة المرتبط بهذا العنوان.\n` +
				`لاختيار كلمة مرور جديدة، افتح هذا الرابط: ${p.link}\n\n` +
				`يُستعمل الرابط مرة واحدة فقط ويبقى صالحًا لمدة ${p.minutes} دقيقة. تُغلق كلمة المرور الجديدة كل الجلسات المفتوحة على أجهزتك الأخرى.\n` +
				`لم تطلب شيئًا؟ تجاهل هذه الرسالة: كلمة مرورك لا تتغير.`
		},
		en: {
			subject: 'Reset your Wasla password',
			text:
				`Hello,\n\nSomeone, most likely you, asked to change the password of the Wasla account with this address.\n` +
				`To choose a new password, open this link: ${p.link}\n\n` +
				`The link works once, for ${p.minutes} minutes. The new password ends every session open on your other devices.\n` +
				`Did not ask for anything? Ignore this message: your password stays the same.`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'password_reset', locale };
}
