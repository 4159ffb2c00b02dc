/** The agreement in French (the product's default language and the reference text). */
import type { AgreementTerms } from '../../worker/domain/agreement-terms';
import { docCount, docDay, docDzd, docList } from './format';
import { VOCABULARY } from './labels';
import type { ClauseContext, LanguagePack } from './types';

const V = VOCABULARY.fr;
const or = (s: string | null | undefined) => (s && s.trim() ? s : V.toComplete);
const days = (n: number) => docCount(n, 'day', 'fr');
const hours = (n: number) => docCount(n, 'hour', 'fr');
/** "de Tlemcen", "d’Alger", "d’El Bayadh" (elision before a vowel). */
const ofPlace = (name: string) => (/^[AEIOUYÉÈÊÂÎÔaeiouyéèêâîô]/.test(name) ? `d’${name}` : `de ${name}`);

function deliverable(d: AgreementTerms['deliverables'][number]): string {
	const base = `${d.count} × ${V.format[d.format]} sur ${V.platform[d.platform]}`;
	return d.storyHighlightHours !== null ? `${base}, maintenue à la une pendant au moins ${hours(d.storyHighlightHours)}` : base;
}

function windowText(t: AgreementTerms): string {
	const { from, to } = t.publicationWindow;
	if (from && to) return `Les contenus sont publiés entre le ${docDay(from, 'fr')} et le ${docDay(to, 'fr')} inclus.`;
	if (from) return `Les contenus sont publiés à partir du ${docDay(from, 'fr')}.`;
	if (to) return `Les contenus sont publiés au plus tard le ${docDay(to, 'fr')}.`;
	return 'Les dates de publication sont fixées d’un commun accord par écrit avant la soumission des contenus.';
}

export const fr: LanguagePack = {
	title: 'Contrat de partenariat de contenu',
	parties: ({ terms: t }) => {
		const b = t.parties.brand;
		const c = t.parties.creator;
		const brand = [`Raison sociale : ${or(b.legalName)}`, `Nom commercial : ${b.name}`];
		if (b.rcNumber) brand.push(`RC : ${b.rcNumber}`);
		if (b.nif) brand.push(`NIF : ${b.nif}`);
		brand.push(`Représentée par : ${or(b.representative)}`);
		const creator = [`Nom : ${or(c.legalName)}`, `Nom d’usage : ${c.displayName} (@${c.handle})`];
		if (c.rcNumber) creator.push(`RC : ${c.rcNumber}`);
		if (c.nif) creator.push(`NIF : ${c.nif}`);
		if (c.autoEntrepreneurCard) creator.push(`Carte d’auto-entrepreneur : ${c.autoEntrepreneurCard}`);
		return [
			{ label: 'Première partie — la Marque', lines: brand },
			{ label: 'Seconde partie — le Créateur (influenceur / créateur de contenu)', lines: creator }
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
				heading: 'Objet',
				paragraphs: [
					`Le présent contrat fixe les conditions dans lesquelles le Créateur réalise et publie, pour la Marque, les contenus décrits à l’article 3, dans le cadre de la campagne « ${ctx.campaignTitle} » (objectif : ${V.objective[t.campaign.objective]}).`,
					'Le Créateur exerce son activité en toute indépendance : le présent contrat ne crée aucun lien de subordination entre les Parties.'
				]
			},
			{
				heading: 'Parties et définitions',
				paragraphs: [
					`« la Marque » : ${or(b.legalName)} (nom commercial ${b.name}), représentée par ${or(b.representative)}. « le Créateur » : ${or(c.legalName)}, connu sous le nom de ${c.displayName} (@${c.handle}). Ensemble, « les Parties ».`,
					'« Contenu » : toute vidéo, story, publication ou diffusion en direct réalisée au titre du présent contrat. « Plateforme » : le réseau social sur lequel un contenu est publié.',
					'« Wasla » : la plateforme qui a mis les Parties en relation et qui conserve les preuves de signature. Wasla n’est pas partie au présent contrat.'
				]
			},
			{
				heading: 'Livrables',
				paragraphs: [
					'Le Créateur réalise et publie sur son propre compte les contenus suivants :',
					...t.deliverables.map((d) => `— ${deliverable(d)} ;`),
					'Le Créateur reste libre de son ton et de sa mise en scène, dans le respect du brief de la campagne et des présentes conditions.'
				]
			},
			{
				heading: 'Validation et délais',
				paragraphs: [
					`Le Créateur soumet chaque contenu à la Marque au moins ${days(t.validation.draftDaysBeforePublication)} avant sa publication. La Marque le valide ou demande des corrections dans un délai de ${days(t.validation.reviewDays)} ; sans réponse dans ce délai, le contenu est réputé validé.`,
					t.validation.correctionRounds === 0
						? 'Aucune série de corrections n’est incluse ; toute modification fait l’objet d’un accord écrit.'
						: `La rémunération inclut ${docCount(t.validation.correctionRounds, 'round', 'fr')} de corrections ; au-delà, toute modification fait l’objet d’un accord écrit.`,
					windowText(t)
				]
			},
			{
				heading: 'Mention du partenariat',
				paragraphs: [
					`Chaque contenu affiche le libellé de partenariat rémunéré proposé par la plateforme et la mention ${docList(t.disclosure.hashtags, 'fr')}, de façon visible dès les premières secondes ou les premières lignes.`,
					'Ces mentions restent visibles pendant toute la durée de vie de la publication : le Créateur ne les retire ni ne les masque, même après la fin de la campagne.'
				]
			},
			{
				heading: 'Droits de réutilisation',
				paragraphs: [
					r.channels.length === 0
						? 'La Marque n’acquiert aucun droit de réutilisation des contenus : elle peut seulement les partager tels que publiés par le Créateur.'
						: `Le Créateur autorise la Marque à réutiliser les contenus validés sur les supports suivants : ${docList(
								r.channels.map((ch) => V.channel[ch]),
								'fr'
							)}.`,
					r.perpetual
						? 'Cette autorisation est consentie sans limite de durée, par choix exprès des Parties.'
						: `Cette autorisation est consentie pour ${days(r.days ?? 0)} à compter de la première publication ; à son terme, la Marque cesse toute nouvelle diffusion. Elle n’est jamais perpétuelle sans accord exprès.`,
					'Toute autre utilisation, modification substantielle ou cession à un tiers requiert l’accord écrit du Créateur.'
				]
			},
			{
				heading: 'Clause de crise',
				paragraphs: [
					`Si un événement (polémique, deuil national, incident touchant l’une des Parties ou le produit) rend la diffusion préjudiciable, ${V.requester[t.crisis.requestedBy]} peut demander par écrit le retrait ou l’archivage des contenus.`,
					`Le Créateur retire ou archive les contenus concernés dans un délai de ${hours(t.crisis.withdrawalWithinHours)} suivant la demande. Dans ce cas, ${V.crisisPayment[t.crisis.payment]}.`
				]
			},
			{
				heading: 'Rémunération et paiement',
				paragraphs:
					fee === 0
						? ['La prestation est réalisée sans rémunération en numéraire.']
						: [
								`En contrepartie, la Marque verse au Créateur une rémunération forfaitaire de ${docDzd(fee, 'fr')}, payée selon l’échéancier suivant :`,
								...t.paymentSchedule.map((m) => `— ${docDzd(m.amountDzd, 'fr')} ${V.milestone[m.milestone]}, ${m.dueDays === 0 ? 'sans délai' : `dans un délai de ${days(m.dueDays)}`} ;`),
								'La Marque paie directement le Créateur (CCP, BaridiMob, virement bancaire ou espèces contre reçu) ; Wasla ne détient aucun fonds. Chaque Partie reste responsable de ses obligations fiscales et sociales.'
							]
			},
			{
				heading: 'Code promo et mot-clé WhatsApp',
				paragraphs: [
					`Le code promo ${t.attribution.promoCode} et le mot-clé WhatsApp ${t.attribution.whatsappKeyword} sont propres au Créateur. Il les cite dans ses contenus ; la Marque les accepte dans ses ventes et ses conversations WhatsApp pendant la campagne.`,
					'Ils servent à mesurer les ventes attribuables au Créateur ; sauf accord écrit, ils n’ouvrent droit à aucune commission.'
				]
			},
			{
				heading: 'Confidentialité et données personnelles',
				paragraphs: [
					'Les informations non publiques échangées (brief, prix, lancements) restent confidentielles jusqu’à leur publication par la Marque.',
					`Les Parties traitent les données à caractère personnel échangées (${docList(
						t.personalData.shared.map((i) => V.dataItem[i]),
						'fr'
					)}) dans le seul but d’exécuter le présent contrat, conformément à la loi n° 18-07 du 10 juin 2018 relative à la protection des personnes physiques dans le traitement des données à caractère personnel.`,
					`Ces données sont conservées ${docCount(t.personalData.retentionMonths, 'month', 'fr')} après la fin du contrat, à l’exception du contrat signé et des pièces comptables, conservés pendant les durées légales. Chaque personne concernée dispose des droits d’accès, de rectification et d’opposition.`
				]
			},
			{
				heading: 'Résiliation',
				paragraphs: [
					t.termination.noticeDays === 0
						? 'Chaque Partie peut mettre fin au contrat sans motif, sans préavis, par notification écrite.'
						: `Chaque Partie peut mettre fin au contrat sans motif moyennant un préavis de ${days(t.termination.noticeDays)}, notifié par écrit.`,
					`En cas de manquement grave, la Partie lésée met l’autre en demeure par écrit ; faute de régularisation dans un délai de ${days(t.termination.cureDays)}, le contrat peut être résilié de plein droit.`,
					'Les échéances atteintes avant la fin du contrat restent dues, et les mentions de partenariat des contenus publiés restent en place.'
				]
			},
			{
				heading: 'Droit applicable et litiges',
				paragraphs: [
					'Le présent contrat est régi par le droit algérien.',
					`En cas de différend, les Parties recherchent une solution amiable pendant ${days(t.law.amicableDays)} à compter de sa notification écrite. À défaut, le litige est porté devant le tribunal territorialement compétent ${ofPlace(t.law.courtWilaya.nameFr)}.`
				]
			},
			{
				heading: 'Signature électronique',
				paragraphs: [
					'Le présent contrat est signé par voie électronique. Il s’agit d’une signature électronique simple (non qualifiée) au sens de la loi n° 15-04 du 1er février 2015 fixant les règles générales relatives à la signature et à la certification électroniques ; elle ne peut être privée d’effet juridique ni écartée comme preuve au seul motif qu’elle est électronique ou non qualifiée.',
					'Chaque signataire confirme son identité par un code à usage unique envoyé à son adresse e-mail et saisit son nom complet. Wasla conserve les preuves : date et heure, adresse IP, navigateur, empreinte du document et journal d’audit chaîné.',
					`Empreinte SHA-256 de ce document (version ${ctx.version}) : ${ctx.documentSha256}.`,
					ctx.verifyUrl ? `Ce document peut être vérifié à l’adresse ${ctx.verifyUrl}.` : 'Ce document peut être vérifié sur la page de vérification de Wasla.'
				]
			}
		];
	},
	footer: { page: 'Page {n} sur {total}', agreement: 'Contrat', version: 'Version', hash: 'Empreinte SHA-256' },
	certificate: {
		title: 'Certificat de signature',
		intro: 'Ce certificat récapitule les preuves de signature du contrat ci-dessus. Il a été établi lorsque les deux Parties ont signé.',
		labels: {
			signer: 'Signataire',
			signedAt: 'Signé le',
			ip: 'Adresse IP',
			userAgent: 'Navigateur',
			documentSha256: 'Empreinte du document (SHA-256)',
			consentSha256: 'Empreinte du consentement (SHA-256)',
			auditHead: 'Dernier maillon du journal d’audit',
			verifyUrl: 'Vérification'
		},
		legalNote:
			'Signature électronique simple (non qualifiée) au sens de la loi n° 15-04 du 1er février 2015 fixant les règles générales relatives à la signature et à la certification électroniques. Wasla conserve les preuves de chaque signature et un journal d’audit chaîné.',
		partyLabels: { brand: 'La Marque', creator: 'Le Créateur' }
	}
};
