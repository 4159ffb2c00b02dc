/**
 * Emails of the payout reminders (issue 13, point 3), in the recipient's language: the
 * creator, the campaign, the instalment's amount ("12 500 DA"), the deadline or the dispute's
 * day (Algiers time) and the link. French follows the catalogue's typography (’, a no-break
 * space before : ; ? ! and inside « »).
 */
import { formatPriceDzd } from '../domain/offer-page';
import type { Locale } from '../env';
import { dayText } from './deliverable-reminder-emails';
import type { OutboxMessage } from './outbox';

export type PayoutReminderKind = 'payout_overdue' | 'payout_dispute_waiting';

export interface PayoutReminderText {
	to: string;
	/** The brand's members, or an admin (disputes only). */
	party: 'brand' | 'admin';
	brand: string;
	creator: string;
	campaign: string;
	amountDzd: number;
	/** payout_overdue: the deadline (the end of an Algiers day); payout_dispute_waiting: when the dispute was opened. */
	since: number;
	/** How many days the payout has been overdue or disputed (whole days). */
	days: number;
	link: string;
}

const SIGN = { fr: '\n\nL’équipe Wasla', ar: '\n\nفريق وصلة', en: '\n\nThe Wasla team' } as const;
const HELLO = { fr: 'Bonjour,\n\n', ar: 'مرحبًا،\n\n', en: 'Hello,\n\n' } as const;

/** The day of a moment: a deadline at the end of an Algiers day is that day; any other moment, its own day. */
const dayOf = (locale: Locale, at: number) => dayText(locale, at + 1);

function texts(kind: PayoutReminderKind, p: PayoutReminderText): Record<Locale, { subject: string; text: string }> {
	const amount = { fr: formatPriceDzd(p.amountDzd, 'fr'), ar: formatPriceDzd(p.amountDzd, 'ar'), en: formatPriceDzd(p.amountDzd, 'en') };
	const c = p.campaign;
	if (kind === 'payout_overdue') {
		const day = { fr: dayText('fr', p.since), ar: dayText('ar', p.since), en: dayText('en', p.since) };
		return {
			fr: {
				subject: `Paiement en retard\u00a0: ${amount.fr} à ${p.creator} pour «\u00a0${c}\u00a0»`,
				text: `Le paiement de ${amount.fr} dû à ${p.creator} pour la campagne «\u00a0${c}\u00a0» devait être effectué au plus tard le ${day.fr}.\nPayez ${p.creator} directement (CCP, BaridiMob, virement ou espèces), puis marquez le paiement comme effectué avec sa référence\u00a0: ${p.link}`
			},
			ar: {
				subject: `دفعة متأخرة: ${amount.ar} لـ${p.creator} عن حملة «${c}»`,
				text: `كان يجب دفع مبلغ ${amount.ar} المستحق لـ${p.creator} عن حملة «${c}» في موعد أقصاه ${day.ar}.\nادفع لـ${p.creator} مباشرة (CCP أو بريدي موب أو تحويل بنكي أو نقدًا)، ثم سجّل الدفع مع مرجعه: ${p.link}`
			},
			en: {
				subject: `Overdue payment: ${amount.en} to ${p.creator} for "${c}"`,
				text: `The payment of ${amount.en} owed to ${p.creator} for the campaign "${c}" was due by the end of ${day.en}.\nPay ${p.creator} directly (CCP, BaridiMob, bank transfer or cash), then mark the payment as made with its reference: ${p.link}`
			}
		};
	}
	const day = { fr: dayOf('fr', p.since), ar: dayOf('ar', p.since), en: dayOf('en', p.since) };
	if (p.party === 'admin') {
		return {
			fr: {
				subject: `Contestation en attente depuis ${p.days}\u00a0jours\u00a0: ${p.brand} et ${p.creator}`,
				text: `${p.creator} conteste depuis le ${day.fr} le paiement de ${amount.fr} que ${p.brand} dit avoir effectué (campagne «\u00a0${c}\u00a0»), et rien n’est résolu.\nExaminez les preuves et décidez\u00a0: ${p.link}`
			},
			ar: {
				subject: `اعتراض معلّق منذ ${p.days} أيام: ${p.brand} و${p.creator}`,
				text: `يعترض ${p.creator} منذ ${day.ar} على دفعة ${amount.ar} التي تقول ${p.brand} إنها دفعتها (حملة «${c}»)، ولم يُحسم الأمر بعد.\nراجع الإثباتات واتخذ القرار: ${p.link}`
			},
			en: {
				subject: `Dispute waiting for ${p.days} days: ${p.brand} and ${p.creator}`,
				text: `Since ${day.en}, ${p.creator} has disputed the payment of ${amount.en} that ${p.brand} says it made (campaign "${c}"), and it is still unresolved.\nReview the proof and decide: ${p.link}`
			}
		};
	}
	return {
		fr: {
			subject: `Rappel\u00a0: ${p.creator} conteste toujours le paiement de ${amount.fr}`,
			text: `Depuis le ${day.fr}, ${p.creator} indique ne pas avoir reçu le paiement de ${amount.fr} pour la campagne «\u00a0${c}\u00a0».\nAjoutez une preuve du paiement (capture ou reçu) et répondez, ou payez à nouveau si l’argent n’est pas parti\u00a0: ${p.link}`
		},
		ar: {
			subject: `تذكير: لا يزال ${p.creator} يعترض على دفعة ${amount.ar}`,
			text: `منذ ${day.ar}، يقول ${p.creator} إنه لم يستلم دفعة ${amount.ar} عن حملة «${c}».\nأضف إثباتًا للدفع (لقطة شاشة أو وصل) وأجب، أو ادفع من جديد إن لم يُرسَل المال: ${p.link}`
		},
		en: {
			subject: `Reminder: ${p.creator} still disputes the payment of ${amount.en}`,
			text: `Since ${day.en}, ${p.creator} says the payment of ${amount.en} for the campaign "${c}" has not arrived.\nAdd a proof of the payment (a screenshot or receipt) and answer, or pay again if the money never left: ${p.link}`
		}
	};
}

/** The email of a payout reminder of `kind`, in `locale`. */
export function payoutReminderEmail(kind: PayoutReminderKind, locale: Locale, p: PayoutReminderText): OutboxMessage {
	const t = texts(kind, p)[locale];
	return { to: p.to, kind, locale, subject: t.subject, text: `${HELLO[locale]}${t.text}${SIGN[locale]}` };
}
