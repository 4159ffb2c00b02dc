/** The report page's charts (issue 12, point 6): the funnel, creators side by side, the campaign journal. */
export const fr = {
	'reportCharts.title': 'En graphiques',
	'reportCharts.numbers': 'Voir les chiffres',
	'reportCharts.funnel': 'Entonnoir : de l’attention à la vente',
	'reportCharts.funnelNote': 'Échelle logarithmique : chaque niveau est souvent cent fois plus petit que le précédent. Intention = clics + conversations.',
	'reportCharts.count': 'Nombre',
	'reportCharts.stepViews': 'Vues',
	'reportCharts.stepIntention': 'Clics et conversations',
	'reportCharts.stepOrders': 'Commandes livrées',
	'reportCharts.creators': 'Créateurs côte à côte',
	'reportCharts.clicks': 'Clics',
	'reportCharts.conversations': 'Conversations',
	'reportCharts.orders': 'Commandes livrées',
	'reportCharts.journal': 'Journal de campagne',
	'reportCharts.journalNote': 'Traits verticaux : publications. Par tranche de {hours} h, heure d’Alger ; les commandes comptent à leur date, une fois livrées.',
	'reportCharts.journalEmpty': 'Rien encore : le journal commence avec la première publication, le premier clic ou la première commande.',
	'reportCharts.time': 'Heure'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'reportCharts.title': 'بالرسوم البيانية',
	'reportCharts.numbers': 'عرض الأرقام',
	'reportCharts.funnel': 'القمع: من الانتباه إلى البيع',
	'reportCharts.funnelNote': 'سُلَّم لوغاريتمي: كل مستوى غالبًا أصغر بمئة مرة من الذي قبله. النية = النقرات + المحادثات.',
	'reportCharts.count': 'العدد',
	'reportCharts.stepViews': 'المشاهدات',
	'reportCharts.stepIntention': 'النقرات والمحادثات',
	'reportCharts.stepOrders': 'الطلبات المُسلَّمة',
	'reportCharts.creators': 'المبدعون جنبًا إلى جنب',
	'reportCharts.clicks': 'النقرات',
	'reportCharts.conversations': 'المحادثات',
	'reportCharts.orders': 'الطلبات المُسلَّمة',
	'reportCharts.journal': 'سجلّ الحملة',
	'reportCharts.journalNote': 'الخطوط العمودية: المنشورات. لكل {hours} ساعة بتوقيت الجزائر؛ تُحتسب الطلبات بتاريخها بعد تسليمها.',
	'reportCharts.journalEmpty': 'لا شيء بعد: يبدأ السجلّ مع أول منشور أو أول نقرة أو أول طلب.',
	'reportCharts.time': 'الساعة'
};

export const en: Record<Keys, string> = {
	'reportCharts.title': 'In charts',
	'reportCharts.numbers': 'Show the numbers',
	'reportCharts.funnel': 'Funnel: from attention to sale',
	'reportCharts.funnelNote': 'Logarithmic scale: each level is often a hundred times smaller than the one before. Intention = clicks + conversations.',
	'reportCharts.count': 'Count',
	'reportCharts.stepViews': 'Views',
	'reportCharts.stepIntention': 'Clicks and conversations',
	'reportCharts.stepOrders': 'Delivered orders',
	'reportCharts.creators': 'Creators side by side',
	'reportCharts.clicks': 'Clicks',
	'reportCharts.conversations': 'Conversations',
	'reportCharts.orders': 'Delivered orders',
	'reportCharts.journal': 'Campaign journal',
	'reportCharts.journalNote': 'Vertical lines: publications. Per {hours} h, Algiers time; orders count at their date, once delivered.',
	'reportCharts.journalEmpty': 'Nothing yet: the journal starts with the first publication, click or order.',
	'reportCharts.time': 'Time'
};
