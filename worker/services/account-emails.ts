/** Account-security emails (issues 14, 15): the password-reset link, the email-change link and its notice. Always sent (category `account`). */
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

/** The link confirming a new address, sent to that address: what it does, how long it works, what to do if nobody asked. */
export function emailChangeEmail(locale: Locale, p: { to: string; link: string; minutes: number }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: 'Confirmez votre nouvelle adresse e-mail Wasla',
			text:
				`Bonjour,\n\nUn compte Wasla demande à utiliser cette adresse pour se connecter et recevoir ses e-mails.\n` +
				`Pour confirmer, ouvrez ce lien\u00a0: ${p.link}\n\n` +
				`Le lien ne sert qu’une fois et fonctionne pendant ${p.minutes}\u00a0minutes. L’adresse du compte ne change qu’après cette confirmation.\n` +
				`Vous n’avez rien demandé\u00a0? Ignorez ce message.`
		},
		ar: {
			subject: 'أكّد عنوان بريدك الإلكتروني الجديد في وصلة',
			text:
				`مرحبًا،\n\nيطلب حساب في وصلة استعمال هذا العنوان لتسجيل الدخول وتلقّي رسائله.\n` +
				`للتأكيد، افتح هذا الرابط: ${p.link}\n\n` +
				`يُستعمل الرابط مرة واحدة فقط ويبقى صالحًا لمدة ${p.minutes} دقيقة. لا يتغير عنوان الحساب إلا بعد هذا التأكيد.\n` +
				`لم تطلب شيئًا؟ تجاهل هذه الرسالة.`
		},
		en: {
			subject: 'Confirm your new Wasla email address',
			text:
				`Hello,\n\nA Wasla account asks to use this address to sign in and receive its emails.\n` +
				`To confirm, open this link: ${p.link}\n\n` +
				`The link works once, for ${p.minutes} minutes. The account's address changes only after this confirmation.\n` +
				`Did not ask for anything? Ignore this message.`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'email_change', locale };
}

/** Sent to the old address once the change is confirmed: which address took over, and what to do if it was not you. */
export function emailChangedEmail(locale: Locale, p: { to: string; newEmail: string }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: 'L’adresse e-mail de votre compte Wasla a changé',
			text:
				`Bonjour,\n\nL’adresse e-mail de votre compte Wasla est désormais ${p.newEmail}. Cette adresse-ci ne sert plus à vous connecter.\n` +
				`Ce n’était pas vous\u00a0? Répondez à ce message tout de suite\u00a0: nous bloquerons le compte.`
		},
		ar: {
			subject: 'تغيّر عنوان البريد الإلكتروني لحسابك في وصلة',
			text: `مرحبًا،\n\nأصبح عنوان البريد الإلكتروني لحسابك في وصلة ${p.newEmail}. لم يعد هذا العنوان يُستعمل لتسجيل الدخول.\n` + `لست أنت من قام بذلك؟ ردّ على هذه الرسالة فورًا: سنوقف الحساب.`
		},
		en: {
			subject: 'The email address of your Wasla account has changed',
			text:
				`Hello,\n\nThe email address of your Wasla account is now ${p.newEmail}. This address no longer signs you in.\n` +
				`Was it not you? Reply to this message right away: we will block the account.`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'email_changed', locale };
}
