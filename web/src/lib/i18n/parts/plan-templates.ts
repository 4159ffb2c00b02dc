/** Issue 14, points 5 and 10: blanks and creator tokens in the brief, the plan on the campaign's dates, one-click steps, save and publish. */
export const fr = {
	'plan.phase.framing': 'Cadrage',
	'plan.phase.selection': 'Sélection et négociation',
	'plan.phase.execution': 'Exécution et mesure',
	'plan.phaseDates': '{phase} · du {from} au {to}',
	'plan.phaseDay': '{phase} · le {date}',
	'plan.title': 'Plan en 14 étapes',
	'plan.lead': 'Chaque étape est datée sur cette campagne : fin des candidatures, début et fin des publications. Un clic sur une étape la coche ou la décoche.',
	'plan.emptyText': 'En publiant, vous obtiendrez 14 étapes datées sur vos dates de candidature et de publication : cadrage, sélection et négociation, puis exécution et mesure.',
	'plan.publishHint': 'Les créateurs qui correspondent la verront dans leur fil. Les 14 étapes du plan se calent sur vos dates de candidature et de publication.',
	'plan.published': 'Campagne publiée. Votre plan en 14 étapes est daté sur ses dates.',
	'plan.doneLabel': 'Fait',
	'plan.todoLabel': 'À faire',
	'plan.ticked': 'Étape cochée : {task}',
	'plan.unticked': 'Étape décochée : {task}',
	'plan.redated': 'Les étapes non cochées du plan suivent les nouvelles dates.',
	'form.campaign.saveAndPublish': 'Enregistrer et publier',
	'form.campaign.saveAndPublishHint': 'Enregistre vos changements puis publie la campagne. S’il reste un blanc entre crochets, rien n’est publié et il est signalé à côté de son champ.',
	'form.campaign.notPublished': 'Vos changements sont enregistrés dans le brouillon, mais la campagne n’est pas publiée.',
	'form.campaign.blanksHint':
		'Entre crochets [ ] : à remplacer avant de publier. Entre accolades, comme {token} : remplacé pour chaque créateur par son propre mot-clé ou code promo, une fois l’accord signé.',
	'campaign.tokensHint': 'Les passages entre accolades, comme {token}, seront remplacés par vos propres codes une fois l’accord signé.',
	'campaign.codesFilled': 'Ce brief affiche vos propres codes, ceux de votre accord signé.',
	'campaign.blanksLeft': 'Ce brouillon contient encore des blancs entre crochets : remplacez-les avant de publier.',
	'campaign.fixBlanks': 'Remplacer les blancs'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'plan.phase.framing': 'التأطير',
	'plan.phase.selection': 'الاختيار والتفاوض',
	'plan.phase.execution': 'التنفيذ والقياس',
	'plan.phaseDates': '{phase} · من {from} إلى {to}',
	'plan.phaseDay': '{phase} · يوم {date}',
	'plan.title': 'خطة من 14 خطوة',
	'plan.lead': 'كل خطوة مؤرخة حسب تواريخ هذه الحملة: نهاية الترشحات، بداية المنشورات ونهايتها. نقرة واحدة على خطوة تؤشّرها أو تلغي تأشيرها.',
	'plan.emptyText': 'عند النشر ستحصلون على 14 خطوة مؤرخة حسب تواريخ الترشح والنشر: التأطير، ثم الاختيار والتفاوض، ثم التنفيذ والقياس.',
	'plan.publishHint': 'سيراها صنّاع المحتوى المناسبون في قائمتهم. خطوات الخطة الـ14 تتبع تواريخ الترشح والنشر الخاصة بكم.',
	'plan.published': 'نُشرت الحملة. خطتكم من 14 خطوة مؤرخة حسب تواريخها.',
	'plan.doneLabel': 'منجزة',
	'plan.todoLabel': 'للإنجاز',
	'plan.ticked': 'خطوة مؤشَّرة: {task}',
	'plan.unticked': 'أُلغي تأشير الخطوة: {task}',
	'plan.redated': 'الخطوات غير المؤشَّرة في الخطة تتبع التواريخ الجديدة.',
	'form.campaign.saveAndPublish': 'حفظ ونشر',
	'form.campaign.saveAndPublishHint': 'يحفظ تغييراتكم ثم ينشر الحملة. إن بقي فراغ بين معقوفين فلا يُنشر شيء ويُشار إليه بجانب حقله.',
	'form.campaign.notPublished': 'حُفظت تغييراتكم في المسودة، لكن الحملة لم تُنشر.',
	'form.campaign.blanksHint': 'بين معقوفين [ ]: يجب تعويضه قبل النشر. بين حاصرتين، مثل {token}: يُعوَّض لكل صانع محتوى بكلمته المفتاحية أو رمز التخفيض الخاص به بعد توقيع الاتفاق.',
	'campaign.tokensHint': 'المقاطع بين حاصرتين، مثل {token}، ستُعوَّض برموزكم الخاصة بعد توقيع الاتفاق.',
	'campaign.codesFilled': 'يعرض هذا الملخص رموزكم الخاصة، رموز اتفاقكم الموقَّع.',
	'campaign.blanksLeft': 'ما زالت في هذه المسودة فراغات بين معقوفين: عوّضوها قبل النشر.',
	'campaign.fixBlanks': 'تعويض الفراغات'
};

export const en: Record<Keys, string> = {
	'plan.phase.framing': 'Framing',
	'plan.phase.selection': 'Selection and negotiation',
	'plan.phase.execution': 'Execution and measurement',
	'plan.phaseDates': '{phase} · {from} to {to}',
	'plan.phaseDay': '{phase} · on {date}',
	'plan.title': '14-step plan',
	'plan.lead': 'Each step is dated on this campaign: the application deadline, the first and last publication days. One click on a step ticks or unticks it.',
	'plan.emptyText': 'When you publish you get 14 steps dated on your application and publication dates: framing, selection and negotiation, then execution and measurement.',
	'plan.publishHint': 'Matching creators will see it in their feed. The 14 steps of the plan follow your application and publication dates.',
	'plan.published': 'Campaign published. Your 14-step plan is dated on its dates.',
	'plan.doneLabel': 'Done',
	'plan.todoLabel': 'To do',
	'plan.ticked': 'Step ticked: {task}',
	'plan.unticked': 'Step unticked: {task}',
	'plan.redated': 'The unticked steps of the plan follow the new dates.',
	'form.campaign.saveAndPublish': 'Save and publish',
	'form.campaign.saveAndPublishHint': 'Saves your changes, then publishes the campaign. If a blank in square brackets is left, nothing is published and it is pointed out next to its field.',
	'form.campaign.notPublished': 'Your changes are saved in the draft, but the campaign is not published.',
	'form.campaign.blanksHint':
		'In square brackets [ ]: to replace before publishing. In braces, like {token}: replaced for each creator by their own keyword or promo code once the agreement is signed.',
	'campaign.tokensHint': 'The parts in braces, like {token}, will be replaced by your own codes once the agreement is signed.',
	'campaign.codesFilled': 'This brief shows your own codes, those of your signed agreement.',
	'campaign.blanksLeft': 'This draft still has blanks in square brackets: replace them before publishing.',
	'campaign.fixBlanks': 'Replace the blanks'
};
