/**
 * Wilaya names as people write them in comments: the French and Arabic names of
 * db/wilayas.csv (all 69; test/unit/comments-classifier.test.ts checks the list against the
 * file) plus common Latin, English and Darija spellings. A wilaya named with a direction
 * ("l Setif", "لسطيف", "to Oran") or in a question ("Blida ?") is a delivery question.
 */

export const WILAYA_NAMES: readonly string[] = [
	// French names of db/wilayas.csv
	'Adrar', 'Chlef', 'Laghouat', 'Oum El Bouaghi', 'Batna', 'Bejaïa', 'Biskra', 'Béchar', 'Blida', 'Bouira', 'Tamanghasset', 'Tebessa',
	'Tlemcen', 'Tiaret', 'Tizi Ouzou', 'Alger', 'Djelfa', 'Jijel', 'Sétif', 'Saïda', 'Skikda', 'Sidi Bel Abbès', 'Annaba', 'Guelma',
	'Constantine', 'Médéa', 'Mostaganem', 'M’Sila', 'Mascara', 'Ouargla', 'Oran', 'El Bayadh', 'Illizi', 'Bordj Bou Arréridj', 'Boumerdes',
	'El Tarf', 'Tindouf', 'Tissemsilt', 'El Oued', 'Khenchela', 'Souk Ahras', 'Tipaza', 'Mila', 'Aïn Defla', 'Naama', 'Aïn Temouchent',
	'Ghardaïa', 'Relizane', 'Timimoun', 'Bordj Badji Mokhtar', 'Ouled Djellal', 'Béni Abbès', 'In Salah', 'In Guezzam', 'Touggourt', 'Djanet',
	'El M’Ghaier', 'El Meniaa', 'Aflou', 'Barika', 'El Kantara', 'Bir El Ater', 'El Aricha', 'Ksar Chellala', 'Aïn Ouessara', 'Messaad',
	'Ksar El Boukhari', 'Bou Saâda', 'El Abiodh Sidi Cheikh',
	// Arabic names of db/wilayas.csv
	'أدرار', 'الشلف', 'الاغواط', 'أم البواقى', 'باتنة', 'بجاية', 'بسكرة', 'بشار', 'البليدة', 'البويرة', 'تامنغست', 'تبسة', 'تلمسان', 'تيارت',
	'تيزى وزو', 'الجزائر', 'الجلفة', 'جيجل', 'سطيف', 'سعيدة', 'سكيكدة', 'سيدى بلعباس', 'عنابة', 'قالمة', 'قسنطينة', 'المدية', 'مستغانم',
	'المسيلة', 'معسكر', 'ورقلة', 'وهران', 'البيض', 'ايليزى', 'برج بوعريريج', 'بومرداس', 'الطارف', 'تندوف', 'تيسمسيلت', 'الوادى', 'خنشلة',
	'سوق أهراس', 'تيبازة', 'ميلة', 'عين الدفلى', 'النعامة', 'عين تيموشنت', 'غرداية', 'غليزان', 'تيميمون', 'برج باجي مختار', 'أولاد جلال',
	'بني عباس', 'إن صالح', 'إن قزام', 'توقرت', 'جانت', 'المغير', 'المنيعة', 'أفلو', 'بريكة', 'القنطرة', 'بئر العاتر', 'العريشة', 'قصر الشلالة',
	'عين وسارة', 'مسعد', 'قصر البخاري', 'بوسعادة', 'الأبيض سيدي الشيخ',
	// other spellings
	'Algiers', 'Alger centre', 'Dzayer', 'Dzair', 'Djazair', 'Lassima', 'l3assima', 'el3assima', '3assima', 'Wahran', 'Qsentina', '9sentina',
	'Ksentina', 'Bgayet', 'Bejaia', 'Bejaya', 'Bougie', 'Stif', 'Tizi', 'Bordj', 'BBA', 'Msila', 'Boussaada', 'Tlemsen', 'Mosta', 'Eloued',
	'Souf', 'Tamanrasset', 'Tbessa', 'Khenchla', 'Warqla', 'Ouargla', 'Mdiya', 'Jelfa', 'Ghilizane', 'Tipasa', 'Boumerdès', 'Laghouat',
	'Ain Temouchent', 'Ain Defla', 'Tlemcen', 'Touggourt', 'العاصمة', 'دزاير', 'تيزي'
];

/** Names that are also common words (سعيدة "happy", البيض "eggs", ميلة, tizi): only with a direction. */
export const AMBIGUOUS_WILAYAS: readonly string[] = ['سعيدة', 'البيض', 'ميلة', 'المغير', 'Saïda', 'Mila', 'Tizi', 'Bordj', 'Souf', 'Mosta', 'تيزي'];

/** Words that send something to a place: "l", "lel", "sur", "à", "vers", "to", "إلى", "ل". */
export const DIRECTIONS: readonly string[] = ['l', 'lel', 'li', 'sur', 'a', 'vers', 'jusqu', 'to', 'until', 'till', 'الى', 'ل', 'حتى', 'نحو'];
