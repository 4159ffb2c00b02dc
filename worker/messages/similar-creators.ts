/**
 * API messages of issue 16, point 3 (look-alike creators, worker/domain/look-alikes.ts): the
 * reason sentence and its parts, numbers formatted for the locale. Spread into the
 * catalogues of worker/i18n.ts.
 */
export const fr = {
	similar_reason: 'Proche par\u00a0: {factors}.',
	similar_and: '{a} et {b}',
	similar_comma: ', ',
	similar_content: 'les mots de ses contenus ({words})',
	similar_niches_same: 'les mêmes thématiques',
	similar_niches_some: '{shared} thématique(s) en commun',
	similar_tier_same: 'la même taille de compte ({tier} abonnés)',
	similar_tier_near: 'une taille de compte voisine ({tier} abonnés)',
	similar_engagement: 'un engagement comparable en {format}',
	similar_audience: '{percent} % d’audience dans les mêmes wilayas',
	similar_audience_estimated: '{percent} % d’audience estimée dans les mêmes wilayas',
	similar_audience_home: 'la même wilaya ({wilaya})',
	similar_campaign_id: 'Identifiant de campagne invalide.'
} as const;

export const ar: Record<keyof typeof fr, string> = {
	similar_reason: 'قريب من حيث: {factors}.',
	similar_and: '{a} و{b}',
	similar_comma: '، ',
	similar_content: 'كلمات محتواه ({words})',
	similar_niches_same: 'نفس المجالات',
	similar_niches_some: '{shared} مجالات مشتركة',
	similar_tier_same: 'نفس حجم الحساب ({tier} متابع)',
	similar_tier_near: 'حجم حساب قريب ({tier} متابع)',
	similar_engagement: 'تفاعل مماثل في {format}',
	similar_audience: '{percent}% من الجمهور في نفس الولايات',
	similar_audience_estimated: '{percent}% من الجمهور المقدّر في نفس الولايات',
	similar_audience_home: 'نفس الولاية ({wilaya})',
	similar_campaign_id: 'معرّف الحملة غير صالح.'
};

export const en: Record<keyof typeof fr, string> = {
	similar_reason: 'Close in {factors}.',
	similar_and: '{a} and {b}',
	similar_comma: ', ',
	similar_content: 'the words of their content ({words})',
	similar_niches_same: 'the same niches',
	similar_niches_some: '{shared} shared niche(s)',
	similar_tier_same: 'the same account size ({tier} followers)',
	similar_tier_near: 'a neighbouring account size ({tier} followers)',
	similar_engagement: 'comparable engagement on {format}',
	similar_audience: '{percent} % of the audience in the same wilayas',
	similar_audience_estimated: '{percent} % of the estimated audience in the same wilayas',
	similar_audience_home: 'the same wilaya ({wilaya})',
	similar_campaign_id: 'Invalid campaign id.'
};
