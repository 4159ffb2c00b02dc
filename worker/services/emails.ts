/** Email texts, in the recipient's language when known (else the sender's). */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

/**
 * A team invitation. Nothing happens until the invitee answers: someone with an account
 * signs in and accepts or declines at `link` (/invitations); someone without one creates
 * an account from `link` (the sign-up form shows the invitation and asks whether to join).
 */
export function inviteEmail(locale: Locale, p: { brand: string; inviter: string; to: string; link: string; origin: string; hasAccount: boolean; days: number }): OutboxMessage {
	const answer = `${p.origin}/invitations`;
	const texts: Record<Locale, { subject: string; account: string; newcomer: string }> = {
		fr: {
			subject: `${p.inviter} vous invite à rejoindre ${p.brand} sur Wasla`,
			account:
				`Bonjour,\n\n${p.inviter} vous invite à rejoindre l’équipe ${p.brand} sur Wasla.\n` +
				`Rien ne change tant que vous n’avez pas répondu. Connectez-vous pour accepter ou refuser : ${p.link}\n\n` +
				`Si vous acceptez, vous devenez membre de ${p.brand}. Votre propre marque, si vous en avez une, reste la vôtre ; vous pourrez passer d’une marque à l’autre ou quitter l’équipe à tout moment.\n` +
				`L’invitation expire dans ${p.days} jours.`,
			newcomer:
				`Bonjour,\n\n${p.inviter} vous invite à rejoindre l’équipe ${p.brand} sur Wasla.\n` +
				`Créez votre compte avec cette adresse, puis choisissez de rejoindre l’équipe : ${p.link}\n` +
				`Vous avez déjà un compte ? Connectez-vous et répondez ici : ${answer}\n\n` +
				`L’invitation expire dans ${p.days} jours.`
		},
		ar: {
			subject: `${p.inviter} يدعوك للانضمام إلى ${p.brand} على وصلة`,
			account:
				`مرحبًا،\n\n${p.inviter} يدعوك للانضمام إلى فريق ${p.brand} على وصلة.\n` +
				`لن يتغير شيء ما لم تردّ. سجّل الدخول لقبول الدعوة أو رفضها: ${p.link}\n\n` +
				`إذا قبلت، تصبح عضوًا في ${p.brand}. تبقى علامتك التجارية، إن كانت لديك، ملكًا لك، ويمكنك التنقل بين العلامات أو مغادرة الفريق في أي وقت.\n` +
				`تنتهي صلاحية الدعوة بعد ${p.days} يومًا.`,
			newcomer:
				`مرحبًا،\n\n${p.inviter} يدعوك للانضمام إلى فريق ${p.brand} على وصلة.\n` +
				`أنشئ حسابك بهذا البريد ثم اختر الانضمام إلى الفريق: ${p.link}\n` +
				`لديك حساب من قبل؟ سجّل الدخول وردّ على الدعوة هنا: ${answer}\n\n` +
				`تنتهي صلاحية الدعوة بعد ${p.days} يومًا.`
		},
		en: {
			subject: `${p.inviter} invites you to join ${p.brand} on Wasla`,
			account:
				`Hello,\n\n${p.inviter} invites you to join the ${p.brand} team on Wasla.\n` +
				`Nothing changes until you answer. Sign in to accept or decline: ${p.link}\n\n` +
				`If you accept, you become a member of ${p.brand}. Your own brand, if you have one, stays yours; you can switch between brands or leave the team at any time.\n` +
				`The invitation expires in ${p.days} days.`,
			newcomer:
				`Hello,\n\n${p.inviter} invites you to join the ${p.brand} team on Wasla.\n` +
				`Create your account with this address, then choose to join the team: ${p.link}\n` +
				`Already have an account? Sign in and answer here: ${answer}\n\n` +
				`The invitation expires in ${p.days} days.`
		}
	};
	const text = texts[locale];
	return { to: p.to, subject: text.subject, text: p.hasAccount ? text.account : text.newcomer, kind: 'team_invitation', locale };
}
