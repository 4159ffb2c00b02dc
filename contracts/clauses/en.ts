/** The agreement in English (a courtesy translation; the French text is the reference). */
import type { AgreementTerms } from '../../worker/domain/agreement-terms';
import { docCount, docDay, docDzd, docList } from './format';
import { VOCABULARY } from './labels';
import type { ClauseContext, LanguagePack } from './types';

const V = VOCABULARY.en;
const or = (s: string | null | undefined) => (s && s.trim() ? s : V.toComplete);
const days = (n: number) => docCount(n, 'day', 'en');
const hours = (n: number) => docCount(n, 'hour', 'en');

function deliverable(d: AgreementTerms['deliverables'][number]): string {
	const base = `${d.count} × ${V.format[d.format]} on ${V.platform[d.platform]}`;
	return d.storyHighlightHours !== null ? `${base}, kept highlighted for at least ${hours(d.storyHighlightHours)}` : base;
}

function windowText(t: AgreementTerms): string {
	const { from, to } = t.publicationWindow;
	if (from && to) return `The content is published between ${docDay(from, 'en')} and ${docDay(to, 'en')} inclusive.`;
	if (from) return `The content is published from ${docDay(from, 'en')}.`;
	if (to) return `The content is published no later than ${docDay(to, 'en')}.`;
	return 'Publication dates are agreed in writing before the content is submitted.';
}

export const en: LanguagePack = {
	title: 'Content partnership agreement',
	parties: ({ terms: t }) => {
		const b = t.parties.brand;
		const c = t.parties.creator;
		const brand = [`Legal name: ${or(b.legalName)}`, `Trade name: ${b.name}`];
		if (b.rcNumber) brand.push(`Trade register (RC): ${b.rcNumber}`);
		if (b.nif) brand.push(`Tax number (NIF): ${b.nif}`);
		brand.push(`Represented by: ${or(b.representative)}`);
		const creator = [`Name: ${or(c.legalName)}`, `Known as: ${c.displayName} (@${c.handle})`];
		if (c.rcNumber) creator.push(`Trade register (RC): ${c.rcNumber}`);
		if (c.nif) creator.push(`Tax number (NIF): ${c.nif}`);
		if (c.autoEntrepreneurCard) creator.push(`Auto-entrepreneur card: ${c.autoEntrepreneurCard}`);
		return [
			{ label: 'First party — the Brand', lines: brand },
			{ label: 'Second party — the Creator (influencer / content creator)', lines: creator }
		];
	},
	clauses: (ctx: ClauseContext) => {
		const t = ctx.terms;
		const b = t.parties.brand;
		const c = t.parties.creator;
		const r = t.reuseRights;
		const fee = t.fee.amountDzd;
		return [
			{
				heading: 'Purpose',
				paragraphs: [
					`This agreement sets the conditions under which the Creator produces and publishes, for the Brand, the content described in clause 3, as part of the campaign “${ctx.campaignTitle}” (objective: ${V.objective[t.campaign.objective]}).`,
					'The Creator works independently: this agreement creates no relationship of subordination between the Parties.'
				]
			},
			{
				heading: 'Parties and definitions',
				paragraphs: [
					`“the Brand”: ${or(b.legalName)} (trade name ${b.name}), represented by ${or(b.representative)}. “the Creator”: ${or(c.legalName)}, known as ${c.displayName} (@${c.handle}). Together, “the Parties”.`,
					'“Content”: any video, story, post or live broadcast made under this agreement. “Platform”: the social network on which content is published.',
					'“Wasla”: the platform that put the Parties in touch and keeps the evidence of signature. Wasla is not a party to this agreement.'
				]
			},
			{
				heading: 'Deliverables',
				paragraphs: [
					'The Creator produces and publishes the following content on their own account:',
					...t.deliverables.map((d) => `— ${deliverable(d)};`),
					'The Creator keeps control of their tone and staging, within the campaign brief and these terms.'
				]
			},
			{
				heading: 'Approval and deadlines',
				paragraphs: [
					`The Creator submits each piece of content to the Brand at least ${days(t.validation.draftDaysBeforePublication)} before it is published. The Brand approves it or asks for corrections within ${days(t.validation.reviewDays)}; without an answer within that time, the content is deemed approved.`,
					t.validation.correctionRounds === 0
						? 'No round of corrections is included; any change needs a written agreement.'
						: `The fee includes ${docCount(t.validation.correctionRounds, 'round', 'en')} of corrections; any further change needs a written agreement.`,
					windowText(t)
				]
			},
			{
				heading: 'Partnership disclosure',
				paragraphs: [
					`Each piece of content shows the platform’s paid-partnership label and the mention ${docList(t.disclosure.hashtags, 'en')}, visibly, from the first seconds or lines.`,
					'These mentions stay visible for the whole life of the post: the Creator neither removes nor hides them, even after the campaign ends.'
				]
			},
			{
				heading: 'Reuse rights',
				paragraphs: [
					r.channels.length === 0
						? 'The Brand acquires no right to reuse the content: it may only share it as published by the Creator.'
						: `The Creator authorises the Brand to reuse the approved content on the following channels: ${docList(
								r.channels.map((ch) => V.channel[ch]),
								'en'
							)}.`,
					r.perpetual
						? 'This authorisation is granted with no time limit, by the express choice of the Parties.'
						: `This authorisation is granted for ${days(r.days ?? 0)} from the first publication; when it ends, the Brand stops any new distribution. It is never perpetual without express agreement.`,
					'Any other use, substantial alteration or transfer to a third party requires the Creator’s written consent.'
				]
			},
			{
				heading: 'Crisis clause',
				paragraphs: [
					`If an event (public controversy, national mourning, an incident affecting either Party or the product) makes distribution harmful, ${V.requester[t.crisis.requestedBy]} may ask in writing for the content to be withdrawn or archived.`,
					`The Creator withdraws or archives the content concerned within ${hours(t.crisis.withdrawalWithinHours)} of the request. In that case, ${V.crisisPayment[t.crisis.payment]}.`
				]
			},
			{
				heading: 'Fee and payment',
				paragraphs:
					fee === 0
						? ['The service is provided without a cash fee.']
						: [
								`In return, the Brand pays the Creator a flat fee of ${docDzd(fee, 'en')}, according to the following schedule:`,
								...t.paymentSchedule.map((m) => `— ${docDzd(m.amountDzd, 'en')} ${V.milestone[m.milestone]}, ${m.dueDays === 0 ? 'immediately' : `within ${days(m.dueDays)}`};`),
								'The Brand pays the Creator directly (CCP, BaridiMob, bank transfer or cash against a receipt); Wasla holds no funds. Each Party remains responsible for its own tax and social-security obligations.'
							]
			},
			{
				heading: 'Promo code and WhatsApp keyword',
				paragraphs: [
					`The promo code ${t.attribution.promoCode} and the WhatsApp keyword ${t.attribution.whatsappKeyword} belong to the Creator, who mentions them in the content; the Brand honours them in its sales and WhatsApp conversations during the campaign.`,
					'They are used to measure the sales attributable to the Creator; unless agreed in writing, they give no right to a commission.'
				]
			},
			{
				heading: 'Confidentiality and personal data',
				paragraphs: [
					'Non-public information exchanged (brief, prices, launches) stays confidential until the Brand publishes it.',
					`The Parties process the personal data they exchange (${docList(
						t.personalData.shared.map((i) => V.dataItem[i]),
						'en'
					)}) for the sole purpose of performing this agreement, in accordance with Law No. 18-07 of 10 June 2018 on the protection of natural persons in the processing of personal data.`,
					`This data is kept for ${docCount(t.personalData.retentionMonths, 'month', 'en')} after the agreement ends, except the signed agreement and accounting records, which are kept for the periods required by law. Every data subject has the rights of access, rectification and objection.`
				]
			},
			{
				heading: 'Termination',
				paragraphs: [
					t.termination.noticeDays === 0
						? 'Either Party may end the agreement without cause and without notice period, by written notice.'
						: `Either Party may end the agreement without cause by giving written notice of ${days(t.termination.noticeDays)}.`,
					`In the event of a serious breach, the injured Party gives the other formal notice in writing; if the breach is not cured within ${days(t.termination.cureDays)}, the agreement may be terminated as of right.`,
					'Instalments that fell due before the agreement ended remain payable, and the partnership mentions on published content stay in place.'
				]
			},
			{
				heading: 'Governing law and disputes',
				paragraphs: [
					'This agreement is governed by Algerian law.',
					`In the event of a dispute, the Parties seek an amicable settlement for ${days(t.law.amicableDays)} from its written notification. Failing that, the dispute is brought before the court with territorial jurisdiction in the wilaya of ${t.law.courtWilaya.nameFr}.`
				]
			},
			{
				heading: 'Electronic signature',
				paragraphs: [
					'This agreement is signed electronically. The signature is a simple (non-qualified) electronic signature within the meaning of Law No. 15-04 of 1 February 2015 laying down the general rules on electronic signature and certification; it may not be denied legal effect or refused as evidence solely because it is electronic or not qualified.',
					'Each signer confirms their identity with a one-time code sent to their email address and types their full name. Wasla keeps the evidence: date and time, IP address, browser, document fingerprint and a hash-chained audit log.',
					`SHA-256 fingerprint of this document (version ${ctx.version}): ${ctx.documentSha256}.`,
					ctx.verifyUrl ? `This document can be verified at ${ctx.verifyUrl}.` : 'This document can be verified on Wasla’s verification page.'
				]
			}
		];
	},
	footer: { page: 'Page {n} of {total}', agreement: 'Agreement', version: 'Version', hash: 'SHA-256 fingerprint' },
	certificate: {
		title: 'Certificate of completion',
		intro: 'This certificate summarises the evidence of signature of the agreement above. It was issued when both Parties had signed.',
		labels: {
			signer: 'Signer',
			signedAt: 'Signed on',
			ip: 'IP address',
			userAgent: 'Browser',
			documentSha256: 'Document fingerprint (SHA-256)',
			consentSha256: 'Consent fingerprint (SHA-256)',
			auditHead: 'Last link of the audit log',
			verifyUrl: 'Verification'
		},
		legalNote:
			'Simple (non-qualified) electronic signature within the meaning of Law No. 15-04 of 1 February 2015 laying down the general rules on electronic signature and certification. Wasla keeps the evidence of each signature and a hash-chained audit log.',
		partyLabels: { brand: 'The Brand', creator: 'The Creator' }
	}
};
