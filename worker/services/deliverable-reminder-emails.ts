/**
 * Emails of the deliverable reminders (issue 11, point 6), in the recipient's language: the
 * piece ("Reel 2 sur Instagram"), the campaign, the deadline in Algiers time and the link.
 * French follows the catalogue's typography (’, a no-break space before : ; ? ! and inside
 * « »). Dates use Latin digits in every language and the month names used in Algeria.
 */
import type { StatsWindow } from '../domain/deliverables';
import type { DeliverableParty } from '../domain/deliverables';
import type { ReminderKind } from '../domain/reminders';
import type { Locale } from '../env';
import type { OutboxMessage } from './outbox';

type Texts = Record<Locale, { subject: string; text: string }>;

export type DeliverableReminderKind = Extract<
	ReminderKind,
	| 'deliverable_draft_due'
	| 'deliverable_draft_late'
	| 'deliverable_review_waiting'
	| 'deliverable_publication_due'
	| 'deliverable_publication_late'
	| 'deliverable_stats_due'
	| 'deliverable_stats_late'
	| 'withdrawal_overdue'
	| 'reuse_rights_ending'
>;

/** What every deliverable reminder email says: to whom (and which side they are), which piece of which campaign, by when, and where to act. */
export interface DeliverableReminderText {
	to: string;
	/** The side of the recipient. */
	party: DeliverableParty;
	platform: string;
	format: string;
	ordinal: number;
	campaign: string;
	brand: string;
	creator: string;
	/** The deadline the reminder is about (epoch ms). */
	deadline: number;
	/** deliverable_stats_*: the window. */
	window?: StatsWindow | null;
	/** withdrawal_overdue: who asked for the withdrawal. */
	requestedBy?: DeliverableParty | null;
	link: string;
}

// ---- words -------------------------------------------------------------------------------------

const FORMAT_WORDS: Record<Locale, Record<string, string>> = {
	fr: { reel: 'Reel', story: 'Story', post: 'Publication', live: 'Live' },
	ar: { reel: 'ريلز', story: 'ستوري', post: 'منشور', live: 'بث مباشر' },
	en: { reel: 'Reel', story: 'Story', post: 'Post', live: 'Live' }
};
/** Platform names are brand names: Latin in French and English, the usual Arabic spelling in Arabic (as the UI writes them). */
const PLATFORM_NAMES: Record<string, [latin: string, arabic: string]> = {
	instagram: ['Instagram', 'إنستغرام'],
	tiktok: ['TikTok', 'تيك توك'],
	facebook: ['Facebook', 'فيسبوك'],
	youtube: ['YouTube', 'يوتيوب'],
	snapchat: ['Snapchat', 'سناب شات']
};
const WINDOW_WORDS: Record<Locale, Record<StatsWindow, string>> = {
	fr: { D1: 'J+1', D7: 'J+7' },
	ar: { D1: 'اليوم الأول', D7: 'اليوم السابع' },
	en: { D1: 'D+1', D7: 'D+7' }
};

/** "Reel 2 sur Instagram", "ريلز 2 على إنستغرام", "Reel 2 on Instagram" (the UI's `dlv.piece`). */
export function pieceText(locale: Locale, p: { platform: string; format: string; ordinal: number }): string {
	const format = FORMAT_WORDS[locale][p.format] ?? p.format;
	const names = PLATFORM_NAMES[p.platform];
	const platform = names ? names[locale === 'ar' ? 1 : 0] : p.platform;
	return { fr: `${format} ${p.ordinal} sur ${platform}`, ar: `${format} ${p.ordinal} على ${platform}`, en: `${format} ${p.ordinal} on ${platform}` }[locale];
}

const TIME_ZONE = 'Africa/Algiers';
/** ar-DZ brings the Algerian month names (جانفي، فيفري…), -u-nu-latn Latin digits; English in day-month-year order, as in Algeria. */
const DATE_LOCALE: Record<Locale, string> = { fr: 'fr-DZ', ar: 'ar-DZ-u-nu-latn', en: 'en-GB' };
const days = Object.fromEntries(
	(['fr', 'ar', 'en'] as const).map((l) => [l, new Intl.DateTimeFormat(DATE_LOCALE[l], { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })])
) as Record<Locale, Intl.DateTimeFormat>;
const moments = Object.fromEntries(
	(['fr', 'ar', 'en'] as const).map((l) => [
		l,
		new Intl.DateTimeFormat(DATE_LOCALE[l], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE })
	])
) as Record<Locale, Intl.DateTimeFormat>;

/** The calendar day a deadline at the end of an Algiers day closes: "9 janvier 2027". */
export function dayText(locale: Locale, endOfDay: number): string {
	return days[locale].format(new Date(endOfDay - 1));
}

/** A precise deadline, with its time zone said: "12 janvier 2027 à 10:00 (heure d’Alger)". */
export function momentText(locale: Locale, at: number): string {
	const zone = { fr: 'heure d’Alger', ar: 'بتوقيت الجزائر', en: 'Algiers time' }[locale];
	return `${moments[locale].format(new Date(at))} (${zone})`;
}

// ---- texts -------------------------------------------------------------------------------------

const SIGN = { fr: '\n\nL’équipe Wasla', ar: '\n\nفريق وصلة', en: '\n\nThe Wasla team' } as const;
const HELLO = { fr: 'Bonjour,\n\n', ar: 'مرحبًا،\n\n', en: 'Hello,\n\n' } as const;

function texts(kind: DeliverableReminderKind, p: DeliverableReminderText): Texts {
	const piece = { fr: pieceText('fr', p), ar: pieceText('ar', p), en: pieceText('en', p) };
	const day = { fr: dayText('fr', p.deadline), ar: dayText('ar', p.deadline), en: dayText('en', p.deadline) };
	const moment = { fr: momentText('fr', p.deadline), ar: momentText('ar', p.deadline), en: momentText('en', p.deadline) };
	const w = p.window ?? 'D1';
	const win = { fr: WINDOW_WORDS.fr[w], ar: WINDOW_WORDS.ar[w], en: WINDOW_WORDS.en[w] };
	const c = p.campaign;
	const brandSide = p.party === 'brand';
	switch (kind) {
		case 'deliverable_draft_due':
			return {
				fr: {
					subject: `Rappel\u00a0: votre brouillon de ${piece.fr} est attendu sous 24 heures`,
					text: `Le brouillon de ${piece.fr} pour la campagne «\u00a0${c}\u00a0» de ${p.brand} est attendu au plus tard le ${day.fr} (fin de journée, heure d’Alger).\nEnvoyez-le depuis la page du livrable\u00a0: ${p.link}`
				},
				ar: {
					subject: `تذكير: مسودة ${piece.ar} مطلوبة خلال 24 ساعة`,
					text: `مسودة ${piece.ar} لحملة «${c}» الخاصة بـ${p.brand} مطلوبة في موعد أقصاه ${day.ar} (نهاية اليوم بتوقيت الجزائر).\nأرسلها من صفحة المحتوى: ${p.link}`
				},
				en: {
					subject: `Reminder: your draft of ${piece.en} is due within 24 hours`,
					text: `The draft of ${piece.en} for ${p.brand}'s campaign "${c}" is due by the end of ${day.en} (Algiers time).\nSend it from the deliverable's page: ${p.link}`
				}
			};
		case 'deliverable_draft_late':
			return {
				fr: {
					subject: `Brouillon en retard\u00a0: ${piece.fr} pour «\u00a0${c}\u00a0»`,
					text: brandSide
						? `${p.creator} n’a pas encore envoyé le brouillon de ${piece.fr} pour «\u00a0${c}\u00a0», attendu au plus tard le ${day.fr}.\nSuivre le livrable ou écrire à ${p.creator}\u00a0: ${p.link}`
						: `Le brouillon de ${piece.fr} pour «\u00a0${c}\u00a0» (${p.brand}) était attendu au plus tard le ${day.fr} et n’a pas encore été envoyé.\nEnvoyez-le dès que possible, ou prévenez ${p.brand} dans le fil du livrable\u00a0: ${p.link}`
				},
				ar: {
					subject: `مسودة متأخرة: ${piece.ar} لحملة «${c}»`,
					text: brandSide
						? `لم يرسل ${p.creator} بعد مسودة ${piece.ar} لحملة «${c}»، وكانت مطلوبة في موعد أقصاه ${day.ar}.\nلمتابعة المحتوى أو مراسلة ${p.creator}: ${p.link}`
						: `كانت مسودة ${piece.ar} لحملة «${c}» (${p.brand}) مطلوبة في موعد أقصاه ${day.ar} ولم تُرسل بعد.\nأرسلها في أقرب وقت، أو أبلغ ${p.brand} في محادثة المحتوى: ${p.link}`
				},
				en: {
					subject: `Late draft: ${piece.en} for "${c}"`,
					text: brandSide
						? `${p.creator} has not sent the draft of ${piece.en} for "${c}" yet; it was due by the end of ${day.en}.\nFollow the deliverable or write to ${p.creator}: ${p.link}`
						: `The draft of ${piece.en} for "${c}" (${p.brand}) was due by the end of ${day.en} and has not been sent yet.\nSend it as soon as you can, or tell ${p.brand} in the deliverable's thread: ${p.link}`
				}
			};
		case 'deliverable_review_waiting':
			return {
				fr: {
					subject: `Rappel\u00a0: le brouillon de ${piece.fr} attend votre relecture`,
					text: `Le brouillon de ${piece.fr} envoyé par ${p.creator} pour «\u00a0${c}\u00a0» attend votre relecture\u00a0: le délai que l’accord vous donne a expiré le ${moment.fr}.\nValidez-le ou demandez des modifications\u00a0: ${p.link}`
				},
				ar: {
					subject: `تذكير: مسودة ${piece.ar} بانتظار مراجعتك`,
					text: `مسودة ${piece.ar} التي أرسلها ${p.creator} لحملة «${c}» بانتظار مراجعتك: انقضت المهلة التي يمنحها لك الاتفاق في ${moment.ar}.\nاعتمدها أو اطلب تعديلات: ${p.link}`
				},
				en: {
					subject: `Reminder: the draft of ${piece.en} is waiting for your review`,
					text: `The draft of ${piece.en} that ${p.creator} sent for "${c}" is waiting for your review: the time the agreement gives you ran out on ${moment.en}.\nApprove it or request changes: ${p.link}`
				}
			};
		case 'deliverable_publication_due':
			return {
				fr: {
					subject: `Rappel\u00a0: ${piece.fr} est à publier sous 24 heures`,
					text: `Le contenu ${piece.fr} pour «\u00a0${c}\u00a0» (${p.brand}) est validé et doit être publié au plus tard le ${day.fr} (fin de journée, heure d’Alger), avec la mention de partenariat et les hashtags prévus.\nUne fois en ligne, enregistrez le lien de la publication\u00a0: ${p.link}`
				},
				ar: {
					subject: `تذكير: نشر ${piece.ar} مطلوب خلال 24 ساعة`,
					text: `اعتُمد المحتوى ${piece.ar} لحملة «${c}» (${p.brand}) ويجب نشره في موعد أقصاه ${day.ar} (نهاية اليوم بتوقيت الجزائر)، مع إشارة الشراكة والوسوم المتفق عليها.\nبعد النشر، سجّل رابط المنشور: ${p.link}`
				},
				en: {
					subject: `Reminder: ${piece.en} is due to be published within 24 hours`,
					text: `The content ${piece.en} for "${c}" (${p.brand}) is approved and must be published by the end of ${day.en} (Algiers time), with the partnership label and the agreed hashtags.\nOnce it is online, record the post's link: ${p.link}`
				}
			};
		case 'deliverable_publication_late':
			return {
				fr: {
					subject: `Publication en retard\u00a0: ${piece.fr} pour «\u00a0${c}\u00a0»`,
					text: brandSide
						? `${p.creator} devait publier ${piece.fr} pour «\u00a0${c}\u00a0» au plus tard le ${day.fr}\u00a0; aucune publication n’a encore été enregistrée.\nSuivre le livrable ou écrire à ${p.creator}\u00a0: ${p.link}`
						: `Le contenu ${piece.fr} pour «\u00a0${c}\u00a0» (${p.brand}) devait être publié au plus tard le ${day.fr}\u00a0; aucune publication n’a encore été enregistrée.\nS’il est déjà en ligne, enregistrez son lien\u00a0; sinon, publiez-le ou prévenez ${p.brand} dans le fil du livrable\u00a0: ${p.link}`
				},
				ar: {
					subject: `نشر متأخر: ${piece.ar} لحملة «${c}»`,
					text: brandSide
						? `كان على ${p.creator} نشر ${piece.ar} لحملة «${c}» في موعد أقصاه ${day.ar}، ولم يُسجَّل أي منشور بعد.\nلمتابعة المحتوى أو مراسلة ${p.creator}: ${p.link}`
						: `كان يجب نشر المحتوى ${piece.ar} لحملة «${c}» (${p.brand}) في موعد أقصاه ${day.ar}، ولم يُسجَّل أي منشور بعد.\nإن كان منشورًا فسجّل رابطه، وإلا فانشره أو أبلغ ${p.brand} في محادثة المحتوى: ${p.link}`
				},
				en: {
					subject: `Late post: ${piece.en} for "${c}"`,
					text: brandSide
						? `${p.creator} was due to publish ${piece.en} for "${c}" by the end of ${day.en}; no post has been recorded yet.\nFollow the deliverable or write to ${p.creator}: ${p.link}`
						: `The content ${piece.en} for "${c}" (${p.brand}) was due to be published by the end of ${day.en}; no post has been recorded yet.\nIf it is online, record its link; otherwise publish it or tell ${p.brand} in the deliverable's thread: ${p.link}`
				}
			};
		case 'deliverable_stats_due':
			return {
				fr: {
					subject: `Rappel\u00a0: les statistiques ${win.fr} de ${piece.fr} sont à déclarer`,
					text: `Les statistiques ${win.fr} de ${piece.fr} pour «\u00a0${c}\u00a0» (${p.brand}) peuvent être relevées\u00a0: déclarez-les (vues, portée, interactions, avec une capture d’écran) au plus tard le ${moment.fr}.\nLes déclarer\u00a0: ${p.link}`
				},
				ar: {
					subject: `تذكير: حان التصريح بإحصائيات ${win.ar} للمحتوى ${piece.ar}`,
					text: `يمكن الآن جمع إحصائيات ${win.ar} للمحتوى ${piece.ar} لحملة «${c}» (${p.brand}): صرّح بها (المشاهدات، الوصول، التفاعلات، مع لقطة شاشة) في موعد أقصاه ${moment.ar}.\nللتصريح بها: ${p.link}`
				},
				en: {
					subject: `Reminder: the ${win.en} stats of ${piece.en} are due`,
					text: `The ${win.en} stats of ${piece.en} for "${c}" (${p.brand}) can now be read: report them (views, reach, interactions, with a screenshot) by ${moment.en}.\nReport them: ${p.link}`
				}
			};
		case 'deliverable_stats_late':
			return {
				fr: {
					subject: `Statistiques ${win.fr} en retard\u00a0: ${piece.fr} pour «\u00a0${c}\u00a0»`,
					text: `Les statistiques ${win.fr} de ${piece.fr} pour «\u00a0${c}\u00a0» (${p.brand}) étaient attendues au plus tard le ${moment.fr} et n’ont pas encore été déclarées.\nLes déclarer\u00a0: ${p.link}`
				},
				ar: {
					subject: `إحصائيات ${win.ar} متأخرة: ${piece.ar} لحملة «${c}»`,
					text: `كانت إحصائيات ${win.ar} للمحتوى ${piece.ar} لحملة «${c}» (${p.brand}) مطلوبة في موعد أقصاه ${moment.ar}، ولم يُصرَّح بها بعد.\nللتصريح بها: ${p.link}`
				},
				en: {
					subject: `Late ${win.en} stats: ${piece.en} for "${c}"`,
					text: `The ${win.en} stats of ${piece.en} for "${c}" (${p.brand}) were due by ${moment.en} and have not been reported yet.\nReport them: ${p.link}`
				}
			};
		case 'withdrawal_overdue': {
			const asked = p.requestedBy === p.party;
			const other = brandSide ? p.creator : p.brand;
			return {
				fr: {
					subject: `Retrait en retard\u00a0: ${piece.fr} pour «\u00a0${c}\u00a0»`,
					text: asked
						? `Vous avez demandé le retrait de ${piece.fr} pour «\u00a0${c}\u00a0» au titre de la clause de crise. Le délai prévu par l’accord a expiré le ${moment.fr} et ${other} n’a pas encore confirmé le retrait.\nSuivre la demande\u00a0: ${p.link}`
						: `${other} a demandé le retrait de ${piece.fr} pour «\u00a0${c}\u00a0» au titre de la clause de crise. Le délai prévu par l’accord a expiré le ${moment.fr} et le retrait n’a pas encore été confirmé.\nConfirmez le retrait sur la page du livrable\u00a0: ${p.link}`
				},
				ar: {
					subject: `سحب متأخر: ${piece.ar} لحملة «${c}»`,
					text: asked
						? `طلبت سحب ${piece.ar} لحملة «${c}» بموجب بند الأزمات. انقضت المهلة المنصوص عليها في الاتفاق في ${moment.ar} ولم يؤكد ${other} السحب بعد.\nلمتابعة الطلب: ${p.link}`
						: `طلب ${other} سحب ${piece.ar} لحملة «${c}» بموجب بند الأزمات. انقضت المهلة المنصوص عليها في الاتفاق في ${moment.ar} ولم يُؤكَّد السحب بعد.\nأكّد السحب من صفحة المحتوى: ${p.link}`
				},
				en: {
					subject: `Overdue withdrawal: ${piece.en} for "${c}"`,
					text: asked
						? `You asked for ${piece.en} for "${c}" to be withdrawn under the crisis clause. The time the agreement gives ran out on ${moment.en} and ${other} has not confirmed the withdrawal yet.\nFollow the request: ${p.link}`
						: `${other} asked for ${piece.en} for "${c}" to be withdrawn under the crisis clause. The time the agreement gives ran out on ${moment.en} and the withdrawal has not been confirmed yet.\nConfirm the withdrawal on the deliverable's page: ${p.link}`
				}
			};
		}
		case 'reuse_rights_ending':
			return {
				fr: {
					subject: `Rappel\u00a0: vos droits sur ${piece.fr} de ${p.creator} prennent fin le ${day.fr}`,
					text: `Les droits de réutilisation de ${piece.fr} de ${p.creator} (campagne «\u00a0${c}\u00a0») prennent fin le ${moment.fr}. Ensuite, retirez ce contenu de vos propres canaux (site, publicités, réseaux) ou convenez d’une prolongation avec ${p.creator}.\nVotre bibliothèque de contenus\u00a0: ${p.link}`
				},
				ar: {
					subject: `تذكير: تنتهي حقوقك على ${piece.ar} من ${p.creator} في ${day.ar}`,
					text: `تنتهي حقوق إعادة استخدام ${piece.ar} من ${p.creator} (حملة «${c}») في ${moment.ar}. بعد ذلك، أزل هذا المحتوى من قنواتك (الموقع، الإعلانات، الشبكات) أو اتفق مع ${p.creator} على تمديدها.\nمكتبة المحتوى: ${p.link}`
				},
				en: {
					subject: `Reminder: your rights to ${piece.en} by ${p.creator} end on ${day.en}`,
					text: `Your reuse rights to ${piece.en} by ${p.creator} (campaign "${c}") end on ${moment.en}. After that, take this content off your own channels (website, ads, social accounts) or agree an extension with ${p.creator}.\nYour content library: ${p.link}`
				}
			};
	}
}

/** The email of a deliverable reminder of `kind`, in `locale`. */
export function deliverableReminderEmail(kind: DeliverableReminderKind, locale: Locale, p: DeliverableReminderText): OutboxMessage {
	const t = texts(kind, p)[locale];
	return { to: p.to, kind, locale, subject: t.subject, text: `${HELLO[locale]}${t.text}${SIGN[locale]}` };
}
