/** The email asking the creator for their legal details, when the brand tried to send a draft without them (issue 14, point 4). */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

type Texts = Record<Locale, { subject: string; text: string }>;

export function agreementDetailsNeededEmail(locale: Locale, p: { to: string; brand: string; campaign: string; link: string }): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `${p.brand} attend votre identité légale pour l’accord « ${p.campaign} »`,
			text: `Bonjour,\n\n${p.brand} veut vous envoyer l’accord « ${p.campaign} » à signer, mais il y manque votre identité légale (nom légal, et n° RC, NIF ou carte d’auto-entrepreneur si vous en avez).\nComplétez-la ici, elle sera gardée pour vos prochains accords : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `تنتظر ${p.brand} هويتك القانونية لاتفاق «${p.campaign}»`,
			text: `مرحبًا،\n\nتريد ${p.brand} أن ترسل إليك الاتفاق «${p.campaign}» للتوقيع، لكن تنقصه هويتك القانونية (الاسم القانوني، ورقم السجل التجاري أو رقم التعريف الجبائي أو بطاقة المقاول الذاتي إن وُجدت).\nأكملها هنا، وستُحفظ لاتفاقاتك القادمة: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `${p.brand} needs your legal details for the agreement "${p.campaign}"`,
			text: `Hello,\n\n${p.brand} wants to send you the agreement "${p.campaign}" to sign, but your legal details are missing (legal name, and trade register number, tax ID or self-employed card if you have one).\nFill them in here; they are kept for your next agreements: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'agreement_details_needed', locale };
}
