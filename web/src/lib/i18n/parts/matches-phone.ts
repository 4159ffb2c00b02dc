/** The matches page on a phone (issue 14, point 6): compact cards, the sticky compare bar, invitations, and what the creator sees of them. */
export const fr = {
	'mp.noHighlight': 'Aucun critère ne ressort nettement\u00a0; le détail dit pourquoi.',
	'mp.details': 'Détail des critères et des risques',
	'mp.rates': 'Tarifs',
	'mp.risk.count': '{n, plural, one {# signal de risque} other {# signaux de risque}}',
	'mp.invite': 'Inviter à candidater',
	'mp.invited': 'Invité·e le {date}',
	'mp.invite.done': '{name} est invité·e\u00a0: la campagne apparaît en tête de ses offres.',
	'mp.invite.error': 'L’invitation n’a pas pu être envoyée\u00a0: {detail}',
	'mp.ticked': 'coché(s), de 2 à 4',
	'mp.tickedLive': '{n, plural, =0 {Aucun créateur coché} one {# créateur coché} other {# créateurs cochés}}',
	'mp.compareBar': 'Comparaison',
	'mp.feed.invited': 'Invité·e',
	'mp.feed.invitedOn': 'La marque vous invite à candidater (le {date}).',
	'notifications.kind.campaign_invitation': '{brand} vous invite à candidater à «\u00a0{campaign}\u00a0».'
} as const;

export const ar: Record<keyof typeof fr, string> = {
	'mp.noHighlight': 'لا يبرز أي معيار بوضوح؛ التفاصيل تشرح السبب.',
	'mp.details': 'تفاصيل المعايير والمخاطر',
	'mp.rates': 'الأسعار',
	'mp.risk.count': '{n, plural, zero {لا إشارات مخاطر} one {إشارة مخاطر واحدة} two {إشارتا مخاطر} few {# إشارات مخاطر} many {# إشارة مخاطر} other {# إشارة مخاطر}}',
	'mp.invite': 'دعوة إلى الترشح',
	'mp.invited': 'تمت الدعوة في {date}',
	'mp.invite.done': 'تمت دعوة {name}: تظهر الحملة في أعلى عروضه.',
	'mp.invite.error': 'تعذر إرسال الدعوة: {detail}',
	'mp.ticked': 'محدد، من 2 إلى 4',
	'mp.tickedLive':
		'{n, plural, zero {لم يتم تحديد أي صانع محتوى} one {تم تحديد صانع محتوى واحد} two {تم تحديد صانعي محتوى} few {تم تحديد # صناع محتوى} many {تم تحديد # صانع محتوى} other {تم تحديد # صانع محتوى}}',
	'mp.compareBar': 'المقارنة',
	'mp.feed.invited': 'مدعو',
	'mp.feed.invitedOn': 'تدعوك العلامة إلى الترشح (بتاريخ {date}).',
	'notifications.kind.campaign_invitation': 'تدعوك {brand} إلى الترشح لحملة «{campaign}».'
};

export const en: Record<keyof typeof fr, string> = {
	'mp.noHighlight': 'No criterion stands out clearly; the details say why.',
	'mp.details': 'Criteria and risk details',
	'mp.rates': 'Rates',
	'mp.risk.count': '{n, plural, one {# risk signal} other {# risk signals}}',
	'mp.invite': 'Invite to apply',
	'mp.invited': 'Invited on {date}',
	'mp.invite.done': '{name} is invited: the campaign shows first among their offers.',
	'mp.invite.error': 'The invitation could not be sent: {detail}',
	'mp.ticked': 'ticked, 2 to 4',
	'mp.tickedLive': '{n, plural, =0 {No creator ticked} one {# creator ticked} other {# creators ticked}}',
	'mp.compareBar': 'Comparison',
	'mp.feed.invited': 'Invited',
	'mp.feed.invitedOn': 'The brand invites you to apply (on {date}).',
	'notifications.kind.campaign_invitation': '{brand} invites you to apply to "{campaign}".'
};
