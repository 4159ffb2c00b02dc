/** The payouts statement page (issue 13, point 5). */
export const fr = {
	'statement.title': 'Relevé des paiements',
	'statement.lead':
		'Tous vos accords signés. Chaque paiement compte une fois, dans la colonne de son état actuel, au mois (heure d’Alger) où il y est arrivé : prévu à la signature, dû à son échéance, payé, contesté ou confirmé à sa date.',
	'statement.csv': 'Télécharger le détail (CSV)',
	'statement.totals': 'En tout',
	'statement.byMonth': 'Par mois',
	'statement.byAgreement': 'Par accord',
	'statement.scheduled': 'Prévu',
	'statement.due': 'Dû',
	'statement.overdue': 'Dont en retard',
	'statement.paid': 'Payé, à confirmer',
	'statement.disputed': 'Contesté',
	'statement.confirmed': 'Confirmé',
	'statement.total': 'Total des accords',
	'statement.empty': 'Aucun paiement pour l’instant.',
	'statement.emptyText': 'Les paiements naissent à la signature d’un accord, selon son échéancier.',
	'statement.unavailable': 'Le relevé n’a pas pu être chargé. Réessayez dans un instant.',
	'statement.link': 'Relevé de tous vos paiements'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'statement.title': 'كشف المدفوعات',
	'statement.lead':
		'كل اتفاقاتك الموقّعة. تُحتسب كل دفعة مرة واحدة، في عمود حالتها الحالية، في الشهر (بتوقيت الجزائر) الذي وصلت فيه إليها: مبرمجة عند التوقيع، مستحقة عند أجلها، مدفوعة أو متنازع عليها أو مؤكَّدة بتاريخها.',
	'statement.csv': 'تنزيل التفاصيل (CSV)',
	'statement.totals': 'المجموع',
	'statement.byMonth': 'حسب الشهر',
	'statement.byAgreement': 'حسب الاتفاق',
	'statement.scheduled': 'مبرمجة',
	'statement.due': 'مستحقة',
	'statement.overdue': 'منها متأخرة',
	'statement.paid': 'مدفوعة، بانتظار التأكيد',
	'statement.disputed': 'متنازع عليها',
	'statement.confirmed': 'مؤكَّدة',
	'statement.total': 'مجموع الاتفاقات',
	'statement.empty': 'لا توجد مدفوعات حتى الآن.',
	'statement.emptyText': 'تنشأ المدفوعات عند توقيع اتفاق، وفق جدول الدفع فيه.',
	'statement.unavailable': 'تعذّر تحميل الكشف. أعد المحاولة بعد قليل.',
	'statement.link': 'كشف كل مدفوعاتك'
};

export const en: Record<Keys, string> = {
	'statement.title': 'Payouts statement',
	'statement.lead':
		'All your signed agreements. Each payout counts once, in the column of its current status, in the month (Algiers time) it got there: scheduled at signature, due at its deadline, paid, disputed or confirmed on its date.',
	'statement.csv': 'Download the detail (CSV)',
	'statement.totals': 'Total',
	'statement.byMonth': 'By month',
	'statement.byAgreement': 'By agreement',
	'statement.scheduled': 'Scheduled',
	'statement.due': 'Due',
	'statement.overdue': 'Of which overdue',
	'statement.paid': 'Paid, awaiting confirmation',
	'statement.disputed': 'Disputed',
	'statement.confirmed': 'Confirmed',
	'statement.total': 'Total of the agreements',
	'statement.empty': 'No payouts yet.',
	'statement.emptyText': 'Payouts start when an agreement is signed, following its payment schedule.',
	'statement.unavailable': 'The statement could not be loaded. Try again in a moment.',
	'statement.link': 'Statement of all your payouts'
};
