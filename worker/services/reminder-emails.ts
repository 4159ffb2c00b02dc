/** Reminder emails (issue 10, point 3), in the recipient's language, each carrying its message kind. */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

type Texts = Record<Locale, { subject: string; text: string }>;

/** To a party who has not signed the current version 48 hours after it was sent. */
export function agreementUnsignedReminderEmail(
	locale: Locale,
	p: { to: string; brand: string; creator: string; campaign: string; version: number; otherSigned: boolean; other: string; link: string }
): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `Rappel : l’accord « ${p.campaign} » attend votre signature`,
			text:
				`Bonjour,\n\nL’accord « ${p.campaign} » entre ${p.brand} et ${p.creator} (version ${p.version}) vous a été envoyé il y a plus de 48 heures et attend toujours votre signature.\n` +
				(p.otherSigned ? `${p.other} l’a déjà signé : il ne manque plus que vous.\n` : '') +
				`Relire et signer : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `تذكير: الاتفاق «${p.campaign}» بانتظار توقيعك`,
			text:
				`مرحبًا،\n\nأُرسل إليك الاتفاق «${p.campaign}» بين ${p.brand} و${p.creator} (النسخة ${p.version}) منذ أكثر من 48 ساعة، وما زال بانتظار توقيعك.\n` +
				(p.otherSigned ? `وقّعه ${p.other} من قبل: لم يبق سوى توقيعك.\n` : '') +
				`للمراجعة والتوقيع: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `Reminder: the agreement "${p.campaign}" is waiting for your signature`,
			text:
				`Hello,\n\nThe agreement "${p.campaign}" between ${p.brand} and ${p.creator} (version ${p.version}) was sent to you more than 48 hours ago and is still waiting for your signature.\n` +
				(p.otherSigned ? `${p.other} has already signed it: only yours is missing.\n` : '') +
				`Review and sign: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, kind: 'agreement_unsigned_reminder', locale, ...texts[locale] };
}

/** To each member of a brand whose applicants have waited more than 3 days for an answer. */
export function applicantsWaitingReminderEmail(locale: Locale, p: { to: string; brand: string; campaign: string; waiting: number; campaigns: number; link: string }): OutboxMessage {
	const many = p.waiting > 1;
	const texts: Texts = {
		fr: {
			subject: many ? `${p.waiting} candidatures attendent votre réponse depuis plus de 3 jours` : `Une candidature attend votre réponse depuis plus de 3 jours`,
			text:
				`Bonjour,\n\n` +
				(many
					? `${p.waiting} candidatures aux campagnes de ${p.brand} attendent une réponse depuis plus de 3 jours`
					: `Une candidature à une campagne de ${p.brand} attend une réponse depuis plus de 3 jours`) +
				(p.campaigns > 1 ? ` (sur ${p.campaigns} campagnes). La plus ancienne concerne « ${p.campaign} ».\n` : `, pour « ${p.campaign} ».\n`) +
				`Les créateurs attendent votre décision : présélectionnez, acceptez ou refusez en donnant un motif.\nVoir les candidatures : ${p.link}\n\n` +
				`Vous recevez ce rappel au plus une fois par semaine ; vous pouvez le limiter à l’application ou le désactiver dans vos paramètres.\n\nL’équipe Wasla`
		},
		ar: {
			subject: `طلبات ترشح تنتظر ردك منذ أكثر من 3 أيام: ${p.waiting}`,
			text:
				`مرحبًا،\n\n` +
				`عدد طلبات الترشح لحملات ${p.brand} التي تنتظر ردًا منذ أكثر من 3 أيام: ${p.waiting}` +
				(p.campaigns > 1 ? ` (عدد الحملات: ${p.campaigns}). أقدمها في حملة «${p.campaign}».\n` : `، في حملة «${p.campaign}».\n`) +
				`ينتظر صنّاع المحتوى قرارك: ضعهم في القائمة المختصرة أو اقبل أو ارفض مع ذكر السبب.\nعرض الترشحات: ${p.link}\n\n` +
				`يصلك هذا التذكير مرة في الأسبوع على الأكثر، ويمكنك حصره في التطبيق أو إيقافه من إعداداتك.\n\nفريق وصلة`
		},
		en: {
			subject: many ? `${p.waiting} applications have been waiting more than 3 days for your answer` : `An application has been waiting more than 3 days for your answer`,
			text:
				`Hello,\n\n` +
				(many
					? `${p.waiting} applications to ${p.brand}'s campaigns have been waiting more than 3 days for an answer`
					: `An application to a campaign of ${p.brand} has been waiting more than 3 days for an answer`) +
				(p.campaigns > 1 ? ` (over ${p.campaigns} campaigns). The oldest is for "${p.campaign}".\n` : `, for "${p.campaign}".\n`) +
				`The creators are waiting for your decision: shortlist, accept, or decline with a reason.\nSee the applications: ${p.link}\n\n` +
				`You get this reminder at most once a week; you can keep it to the app or turn it off in your settings.\n\nThe Wasla team`
		}
	};
	return { to: p.to, kind: 'applicants_waiting_reminder', locale, ...texts[locale] };
}
