/** Smaller helps of the first hour (issue 14, point 13): wilaya search, the fee from the creator's rates, sample CSV files. */
export const fr = {
	'wilayaPicker.search': 'Rechercher une wilaya',
	'wilayaPicker.searchHint': 'Nom ou numéro, en français ou en arabe.',
	'wilayaPicker.matches': '{n, plural, one {# wilaya correspond.} other {# wilayas correspondent.}}',
	'wilayaPicker.none': 'Aucune wilaya ne correspond à « {query} ».',
	'wilayaPicker.selected': '{n, plural, =0 {Aucune wilaya cochée} one {# wilaya cochée} other {# wilayas cochées}}',
	'wilayaPicker.clear': 'Effacer la recherche',
	'apply.fee.fromRates': 'Prérempli d’après vos tarifs ({detail}). Modifiez-le si vous proposez autre chose.',
	'apply.fee.noRates': 'Indiquez un tarif par format dans votre profil et ce montant se remplira tout seul.',
	'apply.fee.ratesLink': 'Mes tarifs',
	'profile.kitHandle': 'Adresse de votre kit média',
	'profile.kitHandleHint': 'Aujourd’hui {url}. Lettres latines sans accent, chiffres, point ou tiret : c’est l’adresse que vous envoyez aux marques. Si vous la changez, l’ancienne ne répond plus.',
	'stats.csv.samples': 'Pas de fichier sous la main ? Partez d’un exemple prêt à importer :',
	'stats.csv.samplePosts': 'Exemple de publications (CSV)',
	'stats.csv.sampleFollowers': 'Exemple d’historique d’abonnés (CSV)'
} as const;

type Keys = keyof typeof fr;

export const ar: Record<Keys, string> = {
	'wilayaPicker.search': 'البحث عن ولاية',
	'wilayaPicker.searchHint': 'الاسم أو الرقم، بالعربية أو بالفرنسية.',
	'wilayaPicker.matches': '{n, plural, one {ولاية واحدة تطابق البحث.} two {ولايتان تطابقان البحث.} few {# ولايات تطابق البحث.} many {# ولاية تطابق البحث.} other {# ولاية تطابق البحث.}}',
	'wilayaPicker.none': 'لا توجد ولاية تطابق «{query}».',
	'wilayaPicker.selected': '{n, plural, =0 {لم تحدَّد أي ولاية} one {ولاية واحدة محددة} two {ولايتان محددتان} few {# ولايات محددة} many {# ولاية محددة} other {# ولاية محددة}}',
	'wilayaPicker.clear': 'مسح البحث',
	'apply.fee.fromRates': 'مملوء حسب أسعارك ({detail}). عدّله إن كنت تقترح شيئًا آخر.',
	'apply.fee.noRates': 'أدخل سعرًا لكل صيغة في ملفك الشخصي وسيُملأ هذا المبلغ تلقائيًا.',
	'apply.fee.ratesLink': 'أسعاري',
	'profile.kitHandle': 'عنوان ملفك الإعلامي',
	'profile.kitHandleHint': 'حاليًا {url}. حروف لاتينية دون تشكيل أو أرقام أو نقطة أو شرطة: هو العنوان الذي ترسله إلى العلامات التجارية. إن غيّرته، يتوقف العنوان القديم عن العمل.',
	'stats.csv.samples': 'ليس لديك ملف؟ ابدأ من مثال جاهز للاستيراد:',
	'stats.csv.samplePosts': 'مثال للمنشورات (CSV)',
	'stats.csv.sampleFollowers': 'مثال لسجل المتابعين (CSV)'
};

export const en: Record<Keys, string> = {
	'wilayaPicker.search': 'Search for a wilaya',
	'wilayaPicker.searchHint': 'Name or number, in French or Arabic.',
	'wilayaPicker.matches': '{n, plural, one {# wilaya matches.} other {# wilayas match.}}',
	'wilayaPicker.none': 'No wilaya matches “{query}”.',
	'wilayaPicker.selected': '{n, plural, =0 {No wilaya ticked} one {# wilaya ticked} other {# wilayas ticked}}',
	'wilayaPicker.clear': 'Clear the search',
	'apply.fee.fromRates': 'Filled in from your rates ({detail}). Change it if you are offering something else.',
	'apply.fee.noRates': 'Set a rate per format in your profile and this amount will fill itself in.',
	'apply.fee.ratesLink': 'My rates',
	'profile.kitHandle': 'Your media kit address',
	'profile.kitHandleHint': 'Currently {url}. Unaccented Latin letters, digits, dot or dash: this is the address you send to brands. If you change it, the old one stops working.',
	'stats.csv.samples': 'No file at hand? Start from an example that imports as it is:',
	'stats.csv.samplePosts': 'Sample posts file (CSV)',
	'stats.csv.sampleFollowers': 'Sample follower history (CSV)'
};
