/**
 * API messages of issue 16, point 4: the track-record criterion's reason
 * (worker/domain/track-record.ts), its parts and its "why this creator" line. Spread into
 * the catalogues of worker/i18n.ts.
 */
export const fr = {
	match_track_none: 'Pas encore d’historique sur Wasla (critère laissé hors du total).',
	match_track: '{campaigns} campagne(s) terminée(s) sur Wasla\u00a0: {parts}.',
	match_track_on_time: '{onTime}/{total} livrables à l’heure',
	match_track_disclosure: 'mention du partenariat respectée {disclosed}/{total}',
	match_track_views: 'vues J+7 {times}× sa médiane',
	match_track_cost: '{cost} DA par commande',
	match_track_no_orders: 'aucune commande attribuée',
	why_track: '{onTime}/{total} livrables à l’heure sur {campaigns} campagne(s) Wasla'
} as const;

export const ar: Record<keyof typeof fr, string> = {
	match_track_none: 'لا يوجد سجل بعد على وصلة (المعيار خارج المجموع).',
	match_track: '{campaigns} حملة مكتملة على وصلة: {parts}.',
	match_track_on_time: '{onTime}/{total} محتوى في الموعد',
	match_track_disclosure: 'الإشارة إلى الشراكة محترمة {disclosed}/{total}',
	match_track_views: 'مشاهدات اليوم السابع {times}× وسيطه',
	match_track_cost: '{cost} دج لكل طلبية',
	match_track_no_orders: 'لا طلبيات منسوبة',
	why_track: '{onTime}/{total} محتوى في الموعد عبر {campaigns} حملة على وصلة'
};

export const en: Record<keyof typeof fr, string> = {
	match_track_none: 'No history on Wasla yet (criterion left out of the total).',
	match_track: '{campaigns} completed campaign(s) on Wasla: {parts}.',
	match_track_on_time: '{onTime}/{total} deliverables on time',
	match_track_disclosure: 'partnership disclosure respected {disclosed}/{total}',
	match_track_views: 'D+7 views {times}× their median',
	match_track_cost: '{cost} DA per order',
	match_track_no_orders: 'no attributed order',
	why_track: '{onTime}/{total} deliverables on time over {campaigns} Wasla campaign(s)'
};
