/** Emails about applications, in the recipient's language. */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

export function applicationReceivedEmail(locale: Locale, p: { to: string; creator: string; campaign: string; link: string }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: `Nouvelle candidature de ${p.creator} pour « ${p.campaign} »`,
			text: `Bonjour,\n\n${p.creator} a postulé à votre campagne « ${p.campaign} ».\nConsultez sa candidature et ses chiffres clés : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `ترشح جديد من ${p.creator} لحملة «${p.campaign}»`,
			text: `مرحبًا،\n\nترشح ${p.creator} لحملتك «${p.campaign}».\nاطّلع على الترشح وأرقامه الرئيسية: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `New application from ${p.creator} for "${p.campaign}"`,
			text: `Hello,\n\n${p.creator} applied to your campaign "${p.campaign}".\nSee the application and key numbers: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'application_received', locale };
}

export function applicationAcceptedEmail(locale: Locale, p: { to: string; brand: string; campaign: string; link: string }): OutboxMessage {
	const texts: Record<Locale, { subject: string; text: string }> = {
		fr: {
			subject: `${p.brand} a accepté votre candidature pour « ${p.campaign} »`,
			text: `Bonjour,\n\nBonne nouvelle : ${p.brand} a accepté votre candidature pour « ${p.campaign} ».\nUn projet d’accord a été préparé ; la marque vous l’enverra pour signature.\nVotre candidature : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `قبلت ${p.brand} ترشحك لحملة «${p.campaign}»`,
			text: `مرحبًا،\n\nخبر سار: قبلت ${p.brand} ترشحك لحملة «${p.campaign}».\nتم إعداد مسودة اتفاق، وسترسلها العلامة إليك للتوقيع.\nترشحك: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `${p.brand} accepted your application for "${p.campaign}"`,
			text: `Hello,\n\nGood news: ${p.brand} accepted your application for "${p.campaign}".\nA draft agreement has been prepared; the brand will send it to you for signature.\nYour application: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'application_accepted', locale };
}
