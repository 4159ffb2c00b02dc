/** Attribution (issue 12): the codes, the tracked link and the limited offer on the agreement workspace. */
export const fr = {
	'attr.live': 'Actif',
	'attr.ended': 'Désactivé',
	'attr.pending': 'Actif à la signature',
	'attr.live.hint': 'Les codes et le lien comptent de la signature à la fin de la campagne ; ensuite ils sont désactivés, jamais réattribués.',
	'attr.link': 'Lien suivi',
	'attr.link.hint': 'À mettre en bio ou en story : chaque clic est compté pour ce créateur.',
	'attr.offer.title': 'Offre limitée',
	'attr.offer.none': 'Aucune offre limitée annoncée.',
	'attr.offer.window': 'Du {from} au {to}',
	'attr.offer.current': 'En cours',
	'attr.offer.starts': 'Début (heure d’Alger)',
	'attr.offer.hours': 'Durée',
	'attr.offer.hoursValue': '{n} heures',
	'attr.offer.note': 'L’offre (facultatif)',
	'attr.offer.noteHint': 'Par exemple : -20 % sur le coffret pendant 48 h.',
	'attr.offer.submit': 'Enregistrer l’offre limitée',
	'attr.offer.done': 'Offre limitée enregistrée.'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'attr.live': 'نشط',
	'attr.ended': 'معطّل',
	'attr.pending': 'يُفعَّل عند التوقيع',
	'attr.live.hint': 'تُحتسب الرموز والرابط من التوقيع إلى نهاية الحملة، ثم تُعطَّل ولا يُعاد إسنادها أبدًا.',
	'attr.link': 'الرابط المتتبَّع',
	'attr.link.hint': 'ضعه في السيرة أو في القصة: تُحتسب كل نقرة لصانع المحتوى هذا.',
	'attr.offer.title': 'عرض محدود',
	'attr.offer.none': 'لم يُعلَن عن أي عرض محدود.',
	'attr.offer.window': 'من {from} إلى {to}',
	'attr.offer.current': 'جارٍ',
	'attr.offer.starts': 'البداية (بتوقيت الجزائر)',
	'attr.offer.hours': 'المدة',
	'attr.offer.hoursValue': '{n} ساعة',
	'attr.offer.note': 'العرض (اختياري)',
	'attr.offer.noteHint': 'مثلًا: تخفيض 20 % على العلبة لمدة 48 ساعة.',
	'attr.offer.submit': 'تسجيل العرض المحدود',
	'attr.offer.done': 'تم تسجيل العرض المحدود.'
};

export const en: Record<Keys, string> = {
	'attr.live': 'Live',
	'attr.ended': 'Deactivated',
	'attr.pending': 'Live at signing',
	'attr.live.hint': 'Codes and link count from the signature to the campaign’s end; then they are deactivated, never given again.',
	'attr.link': 'Tracked link',
	'attr.link.hint': 'For the bio or a story: every click is counted for this creator.',
	'attr.offer.title': 'Limited offer',
	'attr.offer.none': 'No limited offer announced.',
	'attr.offer.window': 'From {from} to {to}',
	'attr.offer.current': 'Running',
	'attr.offer.starts': 'Start (Algiers time)',
	'attr.offer.hours': 'Length',
	'attr.offer.hoursValue': '{n} hours',
	'attr.offer.note': 'The offer (optional)',
	'attr.offer.noteHint': 'For example: 20 % off the gift box for 48 hours.',
	'attr.offer.submit': 'Record the limited offer',
	'attr.offer.done': 'Limited offer recorded.'
};
