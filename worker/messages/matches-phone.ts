/**
 * API messages of issue 14, point 6 (the matches page on a phone): the "why this creator"
 * highlights (worker/domain/match-why.ts) and the campaign invitations' refusals. Spread
 * into the catalogues of worker/i18n.ts.
 */
export const fr = {
	why_engagement: 'Engagement {times} fois la médiane de sa taille',
	why_engagement_format: 'En {format}, engagement {times} fois la médiane de sa taille',
	why_comments: '{intent} % de ses commentaires veulent acheter',
	why_affinity_words: 'Parle déjà de\u00a0: {words}',
	why_affinity_partnerships: 'Déjà {partnerships} collaboration(s) acceptée(s) dans vos thématiques',
	why_affinity_all_niches: 'Couvre toutes les thématiques de la campagne',
	why_affinity_niches: 'Couvre {shared} des {niches} thématiques de la campagne',
	why_load: 'Peu de publicité\u00a0: {percent} % de contenus sponsorisés',
	why_audience: '{percent} % de son audience dans vos wilayas',
	why_audience_national: '{percent} % de son audience en Algérie',
	why_audience_home: 'Vit à {wilaya}, dans votre zone',
	invitation_campaign_not_open: 'On ne peut inviter des créateurs que sur une campagne ouverte.',
	invitation_creator_id: 'Indiquez l’identifiant du créateur à inviter.'
} as const;

export const ar: Record<keyof typeof fr, string> = {
	why_engagement: 'تفاعل يساوي {times} مرة الوسيط لحسابات بحجمه',
	why_engagement_format: 'في {format}، تفاعل يساوي {times} مرة الوسيط لحسابات بحجمه',
	why_comments: '{intent}% من تعليقاته تعبّر عن نية شراء',
	why_affinity_words: 'يتحدث أصلًا عن: {words}',
	why_affinity_partnerships: '{partnerships} تعاون مقبول سابقًا في مجالاتكم',
	why_affinity_all_niches: 'يغطي كل مجالات الحملة',
	why_affinity_niches: 'يغطي {shared} من أصل {niches} مجالات الحملة',
	why_load: 'إعلانات قليلة: {percent}% من المحتوى ممول',
	why_audience: '{percent}% من جمهوره في ولاياتكم',
	why_audience_national: '{percent}% من جمهوره في الجزائر',
	why_audience_home: 'يقيم في {wilaya}، ضمن منطقتكم',
	invitation_campaign_not_open: 'لا يمكن دعوة صناع المحتوى إلا إلى حملة مفتوحة.',
	invitation_creator_id: 'أدخل معرّف صانع المحتوى المراد دعوته.'
};

export const en: Record<keyof typeof fr, string> = {
	why_engagement: 'Engagement {times} times the median for their size',
	why_engagement_format: '{format}: engagement {times} times the median for their size',
	why_comments: '{intent} % of their comments want to buy',
	why_affinity_words: 'Already talks about: {words}',
	why_affinity_partnerships: '{partnerships} accepted partnership(s) in your niches already',
	why_affinity_all_niches: 'Covers every niche of the campaign',
	why_affinity_niches: 'Covers {shared} of the campaign’s {niches} niches',
	why_load: 'Few ads: {percent} % sponsored content',
	why_audience: '{percent} % of their audience in your wilayas',
	why_audience_national: '{percent} % of their audience in Algeria',
	why_audience_home: 'Lives in {wilaya}, in your area',
	invitation_campaign_not_open: 'Creators can only be invited to an open campaign.',
	invitation_creator_id: 'Give the id of the creator to invite.'
};
