/** Email texts, in the sender's language. */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

export function inviteEmail(locale: Locale, p: { brand: string; inviter: string; to: string; origin: string }): OutboxMessage {
	const link = `${p.origin}/signup?role=brand&email=${encodeURIComponent(p.to)}`;
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: `${p.inviter} vous invite à rejoindre ${p.brand} sur Wasla`,
			text: `Bonjour,\n\n${p.inviter} vous invite à rejoindre l’équipe ${p.brand} sur Wasla.\nCréez votre compte (ou connectez-vous) avec cette adresse : ${link}\n\nL’invitation expire dans 14 jours.`
		},
		ar: {
			subject: `${p.inviter} يدعوك للانضمام إلى ${p.brand} على وصلة`,
			text: `مرحبًا،\n\n${p.inviter} يدعوك للانضمام إلى فريق ${p.brand} على وصلة.\nأنشئ حسابك (أو سجّل الدخول) بهذا البريد: ${link}\n\nتنتهي صلاحية الدعوة بعد 14 يومًا.`
		},
		en: {
			subject: `${p.inviter} invites you to join ${p.brand} on Wasla`,
			text: `Hello,\n\n${p.inviter} invites you to join the ${p.brand} team on Wasla.\nCreate your account (or sign in) with this address: ${link}\n\nThe invitation expires in 14 days.`
		}
	};
	return { to: p.to, ...texts[locale] };
}
