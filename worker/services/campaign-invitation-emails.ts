/** The email a creator gets when a brand invites them to apply to a campaign, in their language. */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

export function campaignInvitationEmail(locale: Locale, p: { to: string; brand: string; campaign: string; link: string }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: `${p.brand} vous invite à candidater à « ${p.campaign} »`,
			text: `Bonjour,\n\n${p.brand} a vu votre profil et vous invite à candidater à sa campagne « ${p.campaign} ».\nLisez l’offre et proposez votre tarif : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `تدعوك ${p.brand} إلى الترشح لحملة «${p.campaign}»`,
			text: `مرحبًا،\n\nاطّلعت ${p.brand} على ملفك وتدعوك إلى الترشح لحملتها «${p.campaign}».\nاقرأ العرض واقترح سعرك: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `${p.brand} invites you to apply to "${p.campaign}"`,
			text: `Hello,\n\n${p.brand} saw your profile and invites you to apply to their campaign "${p.campaign}".\nRead the offer and propose your rate: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'campaign_invitation', locale };
}
