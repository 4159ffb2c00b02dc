/** The admins' queue of disputed payouts (issue 13, point 3). */
export const fr = {
	'disputes.title': 'Paiements contestés',
	'disputes.lead':
		'La plus ancienne contestation d’abord. Lisez le motif du créateur et la preuve de la marque, puis décidez avec une note : elle figure dans l’historique que les deux parties voient.',
	'disputes.link': 'Paiements contestés à trancher',
	'disputes.campaign': 'Campagne et échéance',
	'disputes.amount': 'Montant',
	'disputes.paid': 'Paiement déclaré',
	'disputes.disputedAt': 'Contesté le',
	'disputes.reason': 'Motif du créateur',
	'disputes.proof': 'Preuve',
	'disputes.noProof': 'Aucune preuve déposée',
	'disputes.decision': 'Décision',
	'disputes.outcome.paid': 'Payé : le paiement est confirmé',
	'disputes.outcome.unpaid': 'Non payé : le paiement redevient dû',
	'disputes.note': 'Note (motif de la décision)',
	'disputes.submit': 'Décider',
	'disputes.done': 'Décision enregistrée.',
	'disputes.empty': 'Aucun paiement contesté.',
	'disputes.emptyText': 'Les contestations que les marques n’ont pas réglées avec une preuve arrivent ici.'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'disputes.title': 'مدفوعات متنازع عليها',
	'disputes.lead': 'الأقدم أولًا. اقرأ سبب المبدع وإثبات العلامة التجارية، ثم قرّر مع ملاحظة: تظهر في السجلّ الذي يراه الطرفان.',
	'disputes.link': 'مدفوعات متنازع عليها بانتظار القرار',
	'disputes.campaign': 'الحملة والدفعة',
	'disputes.amount': 'المبلغ',
	'disputes.paid': 'الدفع المُصرَّح به',
	'disputes.disputedAt': 'تاريخ النزاع',
	'disputes.reason': 'سبب المبدع',
	'disputes.proof': 'الإثبات',
	'disputes.noProof': 'لا يوجد إثبات',
	'disputes.decision': 'القرار',
	'disputes.outcome.paid': 'مدفوعة: يُؤكَّد الدفع',
	'disputes.outcome.unpaid': 'غير مدفوعة: تعود الدفعة مستحقة',
	'disputes.note': 'ملاحظة (سبب القرار)',
	'disputes.submit': 'قرّر',
	'disputes.done': 'تم تسجيل القرار.',
	'disputes.empty': 'لا توجد مدفوعات متنازع عليها.',
	'disputes.emptyText': 'تصل إلى هنا النزاعات التي لم تحسمها العلامات التجارية بإثبات.'
};

export const en: Record<Keys, string> = {
	'disputes.title': 'Disputed payouts',
	'disputes.lead': 'The oldest dispute first. Read the creator’s reason and the brand’s proof, then decide with a note: it shows in the history both sides see.',
	'disputes.link': 'Disputed payouts to decide',
	'disputes.campaign': 'Campaign and instalment',
	'disputes.amount': 'Amount',
	'disputes.paid': 'Payment declared',
	'disputes.disputedAt': 'Disputed on',
	'disputes.reason': 'The creator’s reason',
	'disputes.proof': 'Proof',
	'disputes.noProof': 'No proof uploaded',
	'disputes.decision': 'Decision',
	'disputes.outcome.paid': 'Paid: the payment is confirmed',
	'disputes.outcome.unpaid': 'Unpaid: the payout is due again',
	'disputes.note': 'Note (the reason for the decision)',
	'disputes.submit': 'Decide',
	'disputes.done': 'Decision recorded.',
	'disputes.empty': 'No disputed payouts.',
	'disputes.emptyText': 'Disputes the brands did not settle with a proof arrive here.'
};
