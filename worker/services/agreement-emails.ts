/** Emails about agreements (sent for signature, signing code, completed), in the recipient's language. */
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

type Texts = Record<Locale, { subject: string; text: string }>;

export function agreementSentEmail(locale: Locale, p: { to: string; brand: string; creator: string; campaign: string; version: number; link: string }): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `Accord à signer : « ${p.campaign} » (${p.brand} × ${p.creator})`,
			text: `Bonjour,\n\nL’accord « ${p.campaign} » entre ${p.brand} et ${p.creator} (version ${p.version}) est prêt à être signé.\nLisez-le et signez-le ici : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `اتفاق للتوقيع: «${p.campaign}» (${p.brand} × ${p.creator})`,
			text: `مرحبًا،\n\nالاتفاق «${p.campaign}» بين ${p.brand} و${p.creator} (النسخة ${p.version}) جاهز للتوقيع.\nاقرأه ووقّعه هنا: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `Agreement to sign: "${p.campaign}" (${p.brand} × ${p.creator})`,
			text: `Hello,\n\nThe agreement "${p.campaign}" between ${p.brand} and ${p.creator} (version ${p.version}) is ready to sign.\nRead and sign it here: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'agreement_sent', locale };
}

/** The one-time code: the only place it ever appears in clear. */
export function signingCodeEmail(locale: Locale, p: { to: string; code: string; campaign: string; version: number; minutes: number }): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `Votre code de signature : ${p.code}`,
			text: `Bonjour,\n\nVotre code pour signer l’accord « ${p.campaign} » (version ${p.version}) : ${p.code}\nIl est valable ${p.minutes} minutes et une seule fois. Ne le communiquez à personne.\nSi vous n’avez pas demandé ce code, ignorez ce message.\n\nL’équipe Wasla`
		},
		ar: {
			subject: `رمز التوقيع الخاص بك: ${p.code}`,
			text: `مرحبًا،\n\nرمزك لتوقيع الاتفاق «${p.campaign}» (النسخة ${p.version}): ${p.code}\nصالح لمدة ${p.minutes} دقائق ولمرة واحدة. لا تشاركه مع أي أحد.\nإذا لم تطلب هذا الرمز، فتجاهل هذه الرسالة.\n\nفريق وصلة`
		},
		en: {
			subject: `Your signing code: ${p.code}`,
			text: `Hello,\n\nYour code to sign the agreement "${p.campaign}" (version ${p.version}): ${p.code}\nIt is valid for ${p.minutes} minutes and once only. Do not share it with anyone.\nIf you did not ask for this code, ignore this message.\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'signing_code', locale };
}

export function agreementCompletedEmail(locale: Locale, p: { to: string; brand: string; creator: string; campaign: string; version: number; link: string }): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `Accord signé par les deux parties : « ${p.campaign} »`,
			text: `Bonjour,\n\n${p.brand} et ${p.creator} ont tous deux signé l’accord « ${p.campaign} » (version ${p.version}).\nRetrouvez l’accord signé et son journal d’audit : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `وقّع الطرفان الاتفاق: «${p.campaign}»`,
			text: `مرحبًا،\n\nوقّع كلٌّ من ${p.brand} و${p.creator} الاتفاق «${p.campaign}» (النسخة ${p.version}).\nالاتفاق الموقّع وسجل التدقيق الخاص به: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `Agreement signed by both parties: "${p.campaign}"`,
			text: `Hello,\n\n${p.brand} and ${p.creator} have both signed the agreement "${p.campaign}" (version ${p.version}).\nSee the signed agreement and its audit trail: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'agreement_completed', locale };
}

/** To the party who has not signed yet, when the other one just did. */
export function agreementSignedEmail(locale: Locale, p: { to: string; signer: string; campaign: string; version: number; link: string }): OutboxMessage {
	const texts: Texts = {
		fr: {
			subject: `${p.signer} a signé l’accord « ${p.campaign} » : à vous`,
			text: `Bonjour,\n\n${p.signer} vient de signer l’accord « ${p.campaign} » (version ${p.version}). Il ne manque plus que votre signature.\nRelire et signer : ${p.link}\n\nL’équipe Wasla`
		},
		ar: {
			subject: `وقّع ${p.signer} الاتفاق «${p.campaign}»: دورك الآن`,
			text: `مرحبًا،\n\nوقّع ${p.signer} للتو الاتفاق «${p.campaign}» (النسخة ${p.version}). لم يبق سوى توقيعك.\nللمراجعة والتوقيع: ${p.link}\n\nفريق وصلة`
		},
		en: {
			subject: `${p.signer} signed the agreement "${p.campaign}": your turn`,
			text: `Hello,\n\n${p.signer} has just signed the agreement "${p.campaign}" (version ${p.version}). Only your signature is missing.\nReview and sign: ${p.link}\n\nThe Wasla team`
		}
	};
	return { to: p.to, ...texts[locale], kind: 'agreement_signed', locale };
}
