/**
 * Deterministic demo data: creators across the wilayas with 90 days of follower history,
 * posts, sample comments, a handful of injected anomalies, brands, campaigns in every
 * status and applications to them.
 *
 * Pure TypeScript on purpose (no node:, no D1): the CLI runs it under Node and the tests
 * run it inside workerd. Everything comes from a seeded PRNG and the anchor date, so the
 * same options always give byte-identical SQL, and every id is fixed (`seed-…`), which
 * with `INSERT OR IGNORE` makes re-running the seed a no-op.
 */
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import {
	applications,
	brandMembers,
	brands,
	campaigns,
	campaignTasks,
	creatorAccounts,
	creatorFeatures,
	creatorRiskFlags,
	creators,
	followerPoints,
	postComments,
	posts,
	seedAnomalies,
	users
} from '../schema';
import { hashPassword } from '../../worker/domain/password';
import { algiersDay, PLAN_STEPS, planCampaign } from '../../worker/domain/campaign-plan';
import { computeCreatorFeatures, profileInputs } from '../../worker/domain/creator-features';
import { DEMO_BRAND_EMAIL, DEMO_CREATOR_EMAIL, DEMO_PASSWORD } from './demo-accounts';

// ---------------------------------------------------------------------------------------
// Public shape
// ---------------------------------------------------------------------------------------

type Row<T extends Table> = T['$inferSelect'];

/** Plain rows per table, in the column shape of the drizzle schema (camelCase keys). */
export interface SeedData {
	users: Row<typeof users>[];
	brands: Row<typeof brands>[];
	brandMembers: Row<typeof brandMembers>[];
	creators: Row<typeof creators>[];
	creatorAccounts: Row<typeof creatorAccounts>[];
	followerPoints: Row<typeof followerPoints>[];
	posts: Row<typeof posts>[];
	postComments: Row<typeof postComments>[];
	/** Derived features of every creator, computed by the same pure function as after an import. */
	creatorFeatures: Row<typeof creatorFeatures>[];
	creatorRiskFlags: Row<typeof creatorRiskFlags>[];
	seedAnomalies: Row<typeof seedAnomalies>[];
	campaigns: Row<typeof campaigns>[];
	/** The 14-day plan of every published campaign, as publishing writes it. */
	campaignTasks: Row<typeof campaignTasks>[];
	applications: Row<typeof applications>[];
}

export interface SeedOptions {
	/** PRNG seed; the default gives the data every demo database shares. */
	seed?: number;
	/** "Today" of the data, YYYY-MM-DD: follower history ends on it, campaigns are dated around it. */
	anchorDate: string;
	/** Generated creators, not counting the demo creator (default 320). */
	creators?: number;
}

export const DEFAULT_SEED = 2026;
export const DEFAULT_CREATORS = 320;
/** Days of follower history per creator, ending on the anchor date. */
export const HISTORY_DAYS = 90;
/** Share of generated creators that carry an injected anomaly. */
export const ANOMALY_SHARE = 0.05;

/** The fixed niche taxonomy; these keys are stored in creators.niches and campaigns.niches. */
export { NICHES } from '../../worker/domain/taxonomy';
import { NICHES, type AgeBand } from '../../worker/domain/taxonomy';
export type Niche = (typeof NICHES)[number];

export const DEMO_BRAND_ID = 'seed-br-demo';
export const DEMO_CREATOR_ID = 'seed-cr-demo';

type Format = Row<typeof posts>['format'];
type CampaignStatus = Row<typeof campaigns>['status'];
type Objective = Row<typeof campaigns>['objective'];
type ApplicationStatus = Row<typeof applications>['status'];
type AnomalyKind = Row<typeof seedAnomalies>['kind'];

// ---------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------

/** FNV-1a, to turn a label into a 32-bit PRNG seed. */
function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * mulberry32 with helpers. Each entity draws from its own stream (`Rng.for(seed, 'creator', 7)`)
 * so that changing how one part is generated does not reshuffle every other part.
 */
class Rng {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	static for(seed: number, ...labels: (string | number)[]): Rng {
		return new Rng(hash32(`${seed}|${labels.join('|')}`));
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) | 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), 1 | t);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	float(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** Integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	logUniform(min: number, max: number): number {
		return Math.exp(this.float(Math.log(min), Math.log(max)));
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	sample<T>(items: readonly T[], k: number): T[] {
		return this.shuffle(items).slice(0, k);
	}
}

// ---------------------------------------------------------------------------------------
// Dates: whole days around the anchor, times in Africa/Algiers (UTC+1 all year, no DST)
// ---------------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ALGIERS_OFFSET_MS = HOUR_MS;

function parseAnchor(anchorDate: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(anchorDate);
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	if (!m || Number.isNaN(ms) || isoDay(ms) !== anchorDate) throw new Error(`anchorDate must be YYYY-MM-DD, got "${anchorDate}"`);
	return ms;
}

function isoDay(utcMidnightMs: number): string {
	return new Date(utcMidnightMs).toISOString().slice(0, 10);
}

class Calendar {
	constructor(readonly anchorMs: number) {}
	/** Calendar day `offset` days from the anchor (negative = past), as UTC midnight. */
	day(offset: number): number {
		return this.anchorMs + offset * DAY_MS;
	}
	/** Epoch ms of a local (Algiers) wall-clock time on the day `offset` days from the anchor. */
	at(offset: number, hour: number, minute = 0): number {
		return this.day(offset) - ALGIERS_OFFSET_MS + hour * HOUR_MS + minute * 60_000;
	}
	date(offset: number): string {
		return isoDay(this.day(offset));
	}
}

// ---------------------------------------------------------------------------------------
// Reference content
// ---------------------------------------------------------------------------------------

const WILAYA_CODES = Array.from({ length: 69 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * Where creators live: weighted towards the big cities, a long tail elsewhere (every
 * official code gets a little weight, so the far south and the 2025 wilayas appear too).
 */
const WILAYA_WEIGHTS: Record<string, number> = {
	'16': 60, '31': 32, '25': 20, '09': 16, '19': 16, '23': 12, '06': 12, '15': 12, '13': 10, '35': 10,
	'05': 8, '07': 6, '27': 6, '22': 6, '42': 6, '26': 5, '10': 5, '18': 5, '21': 5, '34': 5, '02': 5,
	'30': 4, '47': 4, '17': 4, '29': 4, '14': 4, '28': 4, '39': 3, '04': 3, '12': 3, '43': 3, '24': 3,
	'44': 3, '48': 3, '46': 3
};
const WILAYA_ENTRIES = WILAYA_CODES.map((code) => [code, WILAYA_WEIGHTS[code] ?? 0.6] as const);

/** Wilaya names used in text (bios, comments, pitches), with the Latin spelling people type in comments. */
const CITY: Record<string, { fr: string; ar: string; dz: string }> = {
	'16': { fr: 'Alger', ar: 'العاصمة', dz: 'dzayer' },
	'31': { fr: 'Oran', ar: 'وهران', dz: 'wahran' },
	'25': { fr: 'Constantine', ar: 'قسنطينة', dz: 'qsentina' },
	'09': { fr: 'Blida', ar: 'البليدة', dz: 'blida' },
	'19': { fr: 'Sétif', ar: 'سطيف', dz: 'stif' },
	'23': { fr: 'Annaba', ar: 'عنابة', dz: 'annaba' },
	'06': { fr: 'Béjaïa', ar: 'بجاية', dz: 'bgayet' },
	'15': { fr: 'Tizi Ouzou', ar: 'تيزي وزو', dz: 'tizi' },
	'13': { fr: 'Tlemcen', ar: 'تلمسان', dz: 'tlemcen' },
	'35': { fr: 'Boumerdès', ar: 'بومرداس', dz: 'boumerdes' },
	'05': { fr: 'Batna', ar: 'باتنة', dz: 'batna' },
	'07': { fr: 'Biskra', ar: 'بسكرة', dz: 'biskra' },
	'27': { fr: 'Mostaganem', ar: 'مستغانم', dz: 'mosta' },
	'22': { fr: 'Sidi Bel Abbès', ar: 'سيدي بلعباس', dz: 'sidi bel abbes' },
	'42': { fr: 'Tipaza', ar: 'تيبازة', dz: 'tipaza' },
	'26': { fr: 'Médéa', ar: 'المدية', dz: 'medea' },
	'10': { fr: 'Bouira', ar: 'البويرة', dz: 'bouira' },
	'18': { fr: 'Jijel', ar: 'جيجل', dz: 'jijel' },
	'21': { fr: 'Skikda', ar: 'سكيكدة', dz: 'skikda' },
	'34': { fr: 'Bordj Bou Arréridj', ar: 'برج بوعريريج', dz: 'bordj' },
	'02': { fr: 'Chlef', ar: 'الشلف', dz: 'chlef' },
	'30': { fr: 'Ouargla', ar: 'ورقلة', dz: 'ouargla' },
	'47': { fr: 'Ghardaïa', ar: 'غرداية', dz: 'ghardaia' },
	'17': { fr: 'Djelfa', ar: 'الجلفة', dz: 'djelfa' },
	'29': { fr: 'Mascara', ar: 'معسكر', dz: 'mascara' },
	'14': { fr: 'Tiaret', ar: 'تيارت', dz: 'tiaret' },
	'28': { fr: "M'Sila", ar: 'المسيلة', dz: 'msila' },
	'39': { fr: 'El Oued', ar: 'الوادي', dz: 'el oued' },
	// The rest as in db/wilayas.csv.
	'01': { fr: 'Adrar', ar: 'أدرار', dz: 'adrar' },
	'03': { fr: 'Laghouat', ar: 'الاغواط', dz: 'laghouat' },
	'04': { fr: 'Oum El Bouaghi', ar: 'أم البواقى', dz: 'oum el bouaghi' },
	'08': { fr: 'Béchar', ar: 'بشار', dz: 'bechar' },
	'11': { fr: 'Tamanghasset', ar: 'تامنغست', dz: 'tamanghasset' },
	'12': { fr: 'Tebessa', ar: 'تبسة', dz: 'tebessa' },
	'20': { fr: 'Saïda', ar: 'سعيدة', dz: 'saida' },
	'24': { fr: 'Guelma', ar: 'قالمة', dz: 'guelma' },
	'32': { fr: 'El Bayadh', ar: 'البيض', dz: 'el bayadh' },
	'33': { fr: 'Illizi', ar: 'ايليزى', dz: 'illizi' },
	'36': { fr: 'El Tarf', ar: 'الطارف', dz: 'el tarf' },
	'37': { fr: 'Tindouf', ar: 'تندوف', dz: 'tindouf' },
	'38': { fr: 'Tissemsilt', ar: 'تيسمسيلت', dz: 'tissemsilt' },
	'40': { fr: 'Khenchela', ar: 'خنشلة', dz: 'khenchela' },
	'41': { fr: 'Souk Ahras', ar: 'سوق أهراس', dz: 'souk ahras' },
	'43': { fr: 'Mila', ar: 'ميلة', dz: 'mila' },
	'44': { fr: 'Aïn Defla', ar: 'عين الدفلى', dz: 'ain defla' },
	'45': { fr: 'Naama', ar: 'النعامة', dz: 'naama' },
	'46': { fr: 'Aïn Temouchent', ar: 'عين تيموشنت', dz: 'ain temouchent' },
	'48': { fr: 'Relizane', ar: 'غليزان', dz: 'relizane' },
	'49': { fr: 'Timimoun', ar: 'تيميمون', dz: 'timimoun' },
	'50': { fr: 'Bordj Badji Mokhtar', ar: 'برج باجي مختار', dz: 'bordj badji mokhtar' },
	'51': { fr: 'Ouled Djellal', ar: 'أولاد جلال', dz: 'ouled djellal' },
	'52': { fr: 'Béni Abbès', ar: 'بني عباس', dz: 'beni abbes' },
	'53': { fr: 'In Salah', ar: 'إن صالح', dz: 'in salah' },
	'54': { fr: 'In Guezzam', ar: 'إن قزام', dz: 'in guezzam' },
	'55': { fr: 'Touggourt', ar: 'توقرت', dz: 'touggourt' },
	'56': { fr: 'Djanet', ar: 'جانت', dz: 'djanet' },
	'57': { fr: "El M'Ghaier", ar: 'المغير', dz: 'el mghaier' },
	'58': { fr: 'El Meniaa', ar: 'المنيعة', dz: 'el meniaa' },
	'59': { fr: 'Aflou', ar: 'أفلو', dz: 'aflou' },
	'60': { fr: 'Barika', ar: 'بريكة', dz: 'barika' },
	'61': { fr: 'El Kantara', ar: 'القنطرة', dz: 'el kantara' },
	'62': { fr: 'Bir El Ater', ar: 'بئر العاتر', dz: 'bir el ater' },
	'63': { fr: 'El Aricha', ar: 'العريشة', dz: 'el aricha' },
	'64': { fr: 'Ksar Chellala', ar: 'قصر الشلالة', dz: 'ksar chellala' },
	'65': { fr: 'Aïn Ouessara', ar: 'عين وسارة', dz: 'ain ouessara' },
	'66': { fr: 'Messaad', ar: 'مسعد', dz: 'messaad' },
	'67': { fr: 'Ksar El Boukhari', ar: 'قصر البخاري', dz: 'ksar el boukhari' },
	'68': { fr: 'Bou Saâda', ar: 'بوسعادة', dz: 'bou saada' },
	'69': { fr: 'El Abiodh Sidi Cheikh', ar: 'الأبيض سيدي الشيخ', dz: 'el abiodh sidi cheikh' }
};
const BIG_CITIES: readonly (readonly [string, number])[] = ['16', '31', '25', '09', '19', '23', '06', '15', '13', '35', '05', '42', '27'].map(
	(c) => [c, WILAYA_WEIGHTS[c]] as const
);
/** "the girl/guy from …", used in some display names. */
const CITY_NICKNAME: Record<string, { f: string; m: string }> = {
	'16': { f: 'Dziriya', m: 'Dziri' },
	'31': { f: 'Wahrania', m: 'Wahrani' },
	'25': { f: 'Qsentinia', m: 'Qsentini' },
	'19': { f: 'Stayfia', m: 'Stayfi' },
	'23': { f: 'Annabia', m: 'Annabi' },
	'13': { f: 'Tlemcenia', m: 'Tlemceni' }
};
const KABYLIE = new Set(['06', '10', '15']);

const FIRST_NAMES = {
	f: [
		['Nour', 'نور'], ['Amina', 'أمينة'], ['Yasmine', 'ياسمين'], ['Sara', 'سارة'], ['Lina', 'لينا'], ['Meriem', 'مريم'],
		['Imène', 'إيمان'], ['Khadidja', 'خديجة'], ['Rania', 'رانية'], ['Selma', 'سلمى'], ['Chaïma', 'شيماء'], ['Asma', 'أسماء'],
		['Nesrine', 'نسرين'], ['Feriel', 'فريال'], ['Manel', 'منال'], ['Hadjer', 'هاجر'], ['Wissem', 'وسام'], ['Nawel', 'نوال'],
		['Rym', 'ريم'], ['Samira', 'سميرة'], ['Widad', 'وداد'], ['Ikram', 'إكرام'], ['Aya', 'آية'], ['Houda', 'هدى']
	],
	m: [
		['Yacine', 'ياسين'], ['Mehdi', 'مهدي'], ['Walid', 'وليد'], ['Amine', 'أمين'], ['Karim', 'كريم'], ['Sofiane', 'سفيان'],
		['Riad', 'رياض'], ['Nassim', 'نسيم'], ['Bilal', 'بلال'], ['Anis', 'أنيس'], ['Islam', 'إسلام'], ['Mohamed', 'محمد'],
		['Hamza', 'حمزة'], ['Oussama', 'أسامة'], ['Rafik', 'رفيق'], ['Younes', 'يونس'], ['Zakaria', 'زكريا'], ['Ayoub', 'أيوب'],
		['Abdelkader', 'عبد القادر'], ['Fares', 'فارس'], ['Lotfi', 'لطفي'], ['Adel', 'عادل']
	]
} as const;
const KABYLE_NAMES = {
	f: [['Lydia', 'ليديا'], ['Thiziri', 'ثيزيري'], ['Kahina', 'كاهينة'], ['Dihia', 'ديهية'], ['Tinhinane', 'تينهينان']],
	m: [['Aksel', 'أكسل'], ['Idir', 'إيدير'], ['Massinissa', 'ماسينيسا'], ['Amazigh', 'أمازيغ'], ['Yanis', 'يانيس']]
} as const;
const SURNAMES = [
	'Benali', 'Bouzid', 'Haddad', 'Mansouri', 'Belkacem', 'Cherif', 'Khelifi', 'Saidi', 'Boudiaf', 'Amrani', 'Hamidi',
	'Messaoudi', 'Ziani', 'Rahmani', 'Brahimi', 'Kaci', 'Ait Ahmed', 'Mebarki', 'Bensalem', 'Touati', 'Ouali', 'Larbi',
	'Djebbar', 'Slimani', 'Bouchama', 'Hadjadj', 'Benmoussa', 'Ferhat', 'Aissaoui', 'Guerfi', 'Meziane', 'Bouaziz'
];

interface NicheProfile {
	/** How the niche reads in a sentence ("Je parle de …"). */
	label: { fr: string; ar: string };
	weight: number;
	/** Probability that a creator of this niche is a woman; also drives the audience split. */
	female: number;
	slug: string;
	tags: string[];
	related: Niche[];
	bios: string[];
	captions: string[];
	/** Purchase-intent comments specific to the niche. */
	intent: string[];
	/** Age bands skew: 1 = the platform's usual mix, >1 younger, <1 older. */
	youth: number;
}

const NICHE_PROFILES: Record<Niche, NicheProfile> = {
	beauty: {
		label: { fr: 'la beauté', ar: 'الجمال' },
		weight: 14, female: 0.92, slug: 'beauty', youth: 1.1,
		tags: ['Beauty', 'Makeup', 'Glow', 'Skincare'],
		related: ['lifestyle', 'fashion', 'fitness_health'],
		bios: ['Makeup & skincare à petit prix 💄', 'Skincare routine w conseils l ga3 les types de peau ✨', 'مكياج وعناية بالبشرة بأسعار معقولة 💄', 'Tests produits sans filtre, avis honnêtes'],
		captions: [
			'Ma routine skincare du matin ☀️ peau mixte, 4 étapes seulement',
			'GRWM pour un mariage 💍 makeup soft glam',
			'Had l fond de teint ytawal 12h? jarrabtou f sif 🥵',
			'روتيني للعناية بالبشرة قبل النوم 🌙',
			'Top 5 des produits à moins de 1 500 DA',
			'Dupe ta3 parfum ghali b 2 500 DA 😱',
			'Makeup no-makeup pour le travail',
			'أفضل واقي شمس للبشرة الدهنية ☀️'
		],
		intent: ['ch7al had l sérum?', 'dispo f pharmacie?', 'la teinte svp', 'wach yesla7 l peau grasse?', 'هل يناسب البشرة الحساسة؟', 'le nom du rouge à lèvres svp']
	},
	fashion: {
		label: { fr: 'la mode', ar: 'الموضة' },
		weight: 12, female: 0.7, slug: 'fashion', youth: 1.1,
		tags: ['Style', 'Fashion', 'Look', 'Outfits'],
		related: ['lifestyle', 'beauty', 'modest_fashion'],
		bios: ['Looks du quotidien & bons plans mode 👗', 'Outfits b budget sghir 🛍️', 'أزياء وإطلالات يومية', 'Style urbain made in DZ'],
		captions: ['3 façons de porter une veste en jean 🧥', 'Outfit ta3 l jem3a ✨', 'Haul soldes : tout à moins de 3 000 DA', 'إطلالة بسيطة للخروج مع الصديقات', 'Lookbook automne 🍂', 'Sneakers blanches : avec quoi les porter ?'],
		intent: ['wach kayen taille M?', 'dispo en noir ?', 'kayen L?', 'المقاس من فضلك', 'le lien de la boutique svp', "c'est quoi la matière ?"]
	},
	modest_fashion: {
		label: { fr: 'la mode modeste', ar: 'الموضة المحتشمة' },
		weight: 10, female: 0.96, slug: 'modest', youth: 1,
		tags: ['Hijab Style', 'Modest', 'Sitra'],
		related: ['fashion', 'beauty', 'lifestyle'],
		bios: ['Hijab style & modest fashion 🧕', 'Tenues sitra w chic', 'موضة محتشمة وأناقة 🧕', 'Abayas, jilbabs & idées de looks'],
		captions: ['Nouveau tuto hijab en 1 minute ⏱️', "Abaya l l3id, wach rayek? 🌙", '3 looks modest pour le bureau', 'لفات حجاب سهلة للمبتدئات', "Jilbab léger pour l'été ☀️", 'Tenue kamla b 6 000 DA 😍'],
		intent: ["ch7al l'abaya?", 'kayen taille 56?', 'couleurs dispo ?', 'بكم الحجاب؟', 'tissu ta3ha ysakhen?', 'livraison l qsentina?']
	},
	food: {
		label: { fr: 'cuisine', ar: 'الطبخ' },
		weight: 12, female: 0.6, slug: 'food', youth: 0.9,
		tags: ['Cuisine', 'Kitchen', 'Gourmand'],
		related: ['family_parenting', 'lifestyle', 'travel'],
		bios: ['Recettes faciles de chez nous 🍲', 'Cuisine dziriya w gâteaux traditionnels', 'وصفات سهلة من المطبخ الجزائري 🍲', 'Street food & bonnes adresses'],
		captions: ['Chorba frik comme chez yemma 🍲', "Tcharek msakar pour l'Aïd 🌙", 'Rechta maison étape par étape', 'بوراك بالدجاج سهل وسريع', 'Test du nouveau fast-food f la ville 🍔', 'Mhadjeb b 3 ingrédients bark', 'Gâteau sans four en 10 minutes'],
		intent: ['la recette svp', 'win kayen had l resto?', "l'adresse svp", 'وين المحل؟', 'ch7al l plat?', 'vous livrez ?']
	},
	tech: {
		label: { fr: 'tech', ar: 'التكنولوجيا' },
		weight: 6, female: 0.2, slug: 'tech', youth: 1.1,
		tags: ['Tech', 'Tech DZ', 'Geek'],
		related: ['gaming', 'education', 'automotive'],
		bios: ['Tests smartphones & accessoires 📱', 'Unboxing w reviews b darija', 'مراجعات هواتف وإكسسوارات 📱', 'Bons plans high-tech en Algérie'],
		captions: ['Unboxing : écouteurs à 3 500 DA, ça vaut quoi ?', 'Top 3 smartphones à moins de 40 000 DA', 'Chargeur rapide original wela copie? 🔌', 'أفضل هاتف بسعر متوسط', 'Astuces batterie pour Android 🔋', 'Setup bureau petit budget'],
		intent: ['ch7al f Ouedkniss?', 'garantie?', "wach yji m3a chargeur?", 'كاين الضمان؟', 'dispo à Sétif ?', 'compatible iPhone ?']
	},
	gaming: {
		label: { fr: 'gaming', ar: 'الألعاب' },
		weight: 5, female: 0.15, slug: 'gaming', youth: 1.4,
		tags: ['Gaming', 'Plays', 'GG'],
		related: ['tech', 'humour'],
		bios: ['Gaming, FC & PUBG 🎮', 'Live gaming kol lila', 'ألعاب فيديو وبث مباشر 🎮', 'Reviews jeux & setups'],
		captions: ['Clutch de fou sur PUBG 😤', 'Tournoi FC entre abonnés ce soir 🎮', 'Manette à 4 000 DA, test complet', 'أفضل إعدادات للعب', 'Setup gaming à petit prix', 'Live ce soir 21h 🔴'],
		intent: ['ch7al la manette?', 'win techriha?', 'prix du casque svp', 'kayen livraison?', 'بكم؟']
	},
	sport: {
		label: { fr: 'sport', ar: 'الرياضة' },
		weight: 5, female: 0.3, slug: 'sport', youth: 1.1,
		tags: ['Sport', 'Foot', 'Run'],
		related: ['fitness_health', 'lifestyle'],
		bios: ['Foot, running & sport amateur ⚽', 'Sport w motivation kol nhar', 'رياضة وتحفيز ⚽', 'Analyses matchs EN & Ligue 1'],
		captions: ['Avant-match EN 🇩🇿 vos pronostics ?', '10 km ce matin au bord de la mer 🏃', 'Chaussures de running : mon avis', 'تمارين قبل المباراة', 'Footing f sbah m3a la team', 'Match de quartier, ambiance 🔥'],
		intent: ['ch7al sabat?', 'pointure 43 dispo?', 'win techriti?', 'بكم الحذاء؟']
	},
	fitness_health: {
		label: { fr: 'fitness et santé', ar: 'اللياقة والصحة' },
		weight: 6, female: 0.55, slug: 'fit', youth: 1,
		tags: ['Fit', 'Coach', 'Healthy'],
		related: ['sport', 'food', 'lifestyle'],
		bios: ['Coach fitness & nutrition 💪', 'Programmes maison sans matériel', 'لياقة وتغذية صحية 💪', 'Healthy w bnin'],
		captions: ['Programme 20 min à la maison 💪', 'Ftour healthy pour Ramadan', 'Protéines : faut-il en prendre ?', 'تمارين للبطن في المنزل', 'Meal prep de la semaine 🥗', 'Sport w siyam : mes conseils'],
		intent: ['le programme complet svp', 'ch7al le coaching?', 'win nechri la whey?', 'بكم البرنامج؟', 'dispo en ligne ?']
	},
	travel: {
		label: { fr: 'voyage', ar: 'السفر' },
		weight: 5, female: 0.5, slug: 'travel', youth: 0.9,
		tags: ['Travel', 'Voyage', 'Rihla'],
		related: ['lifestyle', 'food'],
		bios: ['Voyages en Algérie & ailleurs ✈️', 'Nketchfou bladna wilaya b wilaya', 'رحلات واكتشاف الجزائر ✈️', 'Bons plans hôtels & road trips'],
		captions: ['Week-end à Béjaïa : Cap Carbon & Yemma Gouraya 🌊', 'Djanet, le désert comme jamais 🏜️', 'Hôtel à moins de 6 000 DA la nuit', 'رحلة إلى تيميمون', 'Road trip Oran → Tlemcen', 'Combien coûte un week-end à Taghit ?'],
		intent: ['ch7al la nuit?', "le contact ta3 l'agence svp", 'prix du voyage ?', 'كم سعر الرحلة؟', 'kayen des places?']
	},
	family_parenting: {
		label: { fr: 'famille', ar: 'العائلة' },
		weight: 6, female: 0.85, slug: 'family', youth: 0.7,
		tags: ['Maman', 'Family', 'Mama'],
		related: ['food', 'home_decor', 'lifestyle'],
		bios: ['Maman de 3, astuces du quotidien 👶', 'Vie de famille w conseils', 'أمومة ونصائح يومية 👶', 'Activités enfants & bons plans'],
		captions: ['Rentrée scolaire : ma liste à petit prix 🎒', 'Activité peinture avec les enfants', 'Routine du soir avec bébé 🌙', 'نصائح للأمهات الجدد', "Goûter maison pour l'école", 'Sortie en famille au parc'],
		intent: ['ch7al le cartable?', 'win techritih?', "l'âge recommandé ?", 'بكم؟ وين نلقاه؟', 'dispo à Blida ?']
	},
	home_decor: {
		label: { fr: 'déco', ar: 'الديكور' },
		weight: 5, female: 0.75, slug: 'deco', youth: 0.8,
		tags: ['Déco', 'Home', 'Dar'],
		related: ['family_parenting', 'lifestyle'],
		bios: ['Déco & organisation de la maison 🏡', 'Dar zina b budget sghir', 'ديكور وترتيب المنزل 🏡', 'Avant/après & DIY'],
		captions: ['Salon relooké avec 10 000 DA 🛋️', 'Organisation cuisine : mes astuces', 'DIY étagère murale', 'ديكور رمضان 🌙', "Avant / après chambre d'ado", 'Tapis berbère, coup de cœur 😍'],
		intent: ['ch7al le tapis?', 'win techritih?', 'dimensions svp', 'بكم الطاولة؟', 'livraison l dzayer?']
	},
	automotive: {
		label: { fr: 'auto', ar: 'السيارات' },
		weight: 3, female: 0.05, slug: 'auto', youth: 0.9,
		tags: ['Auto', 'Cars DZ', 'Garage'],
		related: ['tech', 'travel'],
		bios: ['Voitures, essais & conseils 🚗', 'Mécanique w conseils auto', 'سيارات ونصائح 🚗', 'Prix du marché auto en Algérie'],
		captions: ['Prix des voitures au marché cette semaine', "Entretien avant l'été : 5 points", 'Essai : la citadine montée en Algérie', 'نصائح قبل شراء سيارة مستعملة', 'Accessoires auto utiles à moins de 2 000 DA', "Vidange : l'huile ta3 ch7al?"],
		intent: ['ch7al?', 'win kayen had garage?', 'prix de la pièce svp', 'بكم؟', 'dispo f Annaba?']
	},
	humour: {
		label: { fr: 'humour', ar: 'الفكاهة' },
		weight: 6, female: 0.35, slug: 'humour', youth: 1.3,
		tags: ['Officiel', 'Comedy', 'DZ'],
		related: ['lifestyle', 'gaming'],
		bios: ['Sketchs & vie quotidienne 😂', 'Nd7ekkom kol nhar', 'سكيتشات وضحك 😂', 'Humour dziri 100 %'],
		captions: ['Quand yemma te demande de ramener le pain 😂', "Les types de clients f l'7anout", 'Nhar le BAC 😭', 'الفرق بين الجزائري في الصيف والشتاء 😂', 'POV : t3ayet l taxi f 17h', 'Mariage dziri : attentes vs réalité'],
		intent: ['win chrit had t-shirt?', 'ch7al le hoodie?', 'le lien svp', 'بكم؟']
	},
	education: {
		label: { fr: 'éducation', ar: 'التعليم' },
		weight: 4, female: 0.5, slug: 'edu', youth: 1.3,
		tags: ['Prof', 'Learn', 'Study'],
		related: ['tech', 'family_parenting'],
		bios: ['Révisions BAC & BEM 📚', "Langues w astuces d'étude", 'دروس ومراجعة البكالوريا 📚', 'Anglais & français facile'],
		captions: ['5 astuces pour réviser le BAC 📚', 'Expressions anglaises du quotidien', 'Méthode pour la dissertation de philo', 'كيفية تنظيم وقت المراجعة', 'Maths : les limites en 3 minutes', 'Apprendre le français b darija'],
		intent: ['ch7al le cours?', 'kayen en ligne?', 'inscription win?', 'بكم الدورة؟', "c'est à Alger ?"]
	},
	lifestyle: {
		label: { fr: 'lifestyle', ar: 'نمط الحياة' },
		weight: 10, female: 0.6, slug: 'life', youth: 1,
		tags: ['Daily', 'Vlog', 'Life'],
		related: ['beauty', 'fashion', 'food', 'travel'],
		bios: ['Mon quotidien, mes bons plans ✨', 'Vlogs w hadra m3a les amis', 'يومياتي ونصائح ✨', 'Lifestyle, cafés & sorties'],
		captions: ['Une journée avec moi 🌸', 'Mes favoris du mois', 'Café tendance à découvrir ☕', 'يوم في حياتي', 'Petits plaisirs à moins de 1 000 DA', 'Weekend vlog 🎥'],
		intent: ['win had café?', 'ch7al?', "l'adresse svp", 'وين؟', 'le lien svp']
	}
};
const NICHE_ENTRIES = NICHES.map((n) => [n, NICHE_PROFILES[n].weight] as const);

/**
 * Comment pools: French, Arabic script and Darija in Latin letters with 3/7/9 for ع/ح/ق.
 * `{city}` / `{cityFr}` / `{cityAr}` are filled with a wilaya name in the matching script.
 */
const COMMENTS = {
	purchase_intent: [
		'prix svp', 'ch7al?', 'bch7al hada?', 'بكم هذا؟', 'السعر من فضلك', 'livraison l {city}?', 'kayen livraison l {city}?',
		'كاين التوصيل لـ{cityAr}؟', 'livraison disponible à {cityFr} ?', 'inbox svp', 'dispo?', 'kifach ncommandi?',
		'wach kayen paiement à la livraison?', 'كيفاش نطلب؟', 'prix + livraison l {city} svp', 'mazal kayen?'
	],
	// positive says something about this post, product or creator (API.md, "Comment labels");
	// praise that could stand under any post is generic
	positive: [
		'la couleur te va trop bien 😍', 'merci pour le conseil 🙏', 'bravo, contenu de qualité', 'jarrabtou w 3jebni bzaf', 'نحب الطريقة لي تشرحي بيها',
		"c'est exactement ce que je cherchais", 'الشرح واضح، يعطيك الصحة', 'the texture looks so soft', 'la vidéo est top, on voit bien le résultat',
		'jarrabt el crème w 3jbatni', 'اللون يليق عليك بزاف', "l'explication est claire, merci"
	],
	negative: [
		'ghali bzf', "c'est trop cher", 'jarrabtou w ma 3jebnich', "la qualité n'est pas top", 'سعر مبالغ فيه',
		'ma repondiwch f inbox 😒', 'commande ma wsaltnich', 'pub pub pub… ma b9atch thi9a', 'déçue de la livraison', 'غالي بزاف'
	],
	generic: [
		'nice', 'top', 'bravo', 'waw', 'جميل', 'super', 'good', 'cool', 'ok', 'mzyan', 'tbarkallah 3lik', 'machallah 3lik ❤️', 'ماشاء الله تبارك الله',
		'trop belle 😍', 'الله يبارك', 'ya3tik saha', 'روعة 😍', "j'adore ❤️", 'sa77a 3lik', 'rak dima fel 9ima 🔥'
	],
	emoji: ['🔥🔥', '❤️', '😍😍😍', '👏👏', '💯', '🙌', '😂😂', '❤️‍🔥', '👍'],
	spam: [
		'follow me back', 'check my page', 'promo sur mon compte 👉', 'gagnez 50 000 DA par jour, écrivez-moi',
		'free followers link in bio', 'visit my profile 🔥', 'تابعني وأتابعك'
	]
} as const;
type CommentKind = keyof typeof COMMENTS;

const HASHTAGS = ['#dz', '#algerie', '#الجزائر', '#algerian', '#dzpower', '#madeindz'];
const SPONSOR_NAMES = [
	'Boutique Yasmine Cosmétiques', 'Dar El Hidjab', 'Pâtisserie Les Ponts', 'Stif Phone Accessoires', 'Zitouna Naturel',
	'Atlas Sportswear', 'Dar Tlemcen Déco', 'Kids Land', 'Fit Food Oran', 'Torréfaction Djurdjura', 'Bahia Parfums', 'Sahel Shop'
];

const FORMAT_WEIGHTS: readonly (readonly [Format, number])[] = [['reel', 45], ['story', 30], ['post', 20], ['live', 5]];

// ---------------------------------------------------------------------------------------
// Creators
// ---------------------------------------------------------------------------------------

interface CreatorPlan {
	id: string;
	userId: string;
	email: string;
	passwordHash: string | null;
	gender: 'f' | 'm';
	firstName: string;
	firstNameAr: string;
	surname: string;
	displayName: string;
	handle: string;
	wilaya: string;
	niches: Niche[];
	languages: string[];
	igFollowers: number;
	tiktokFollowers: number | null;
	anomaly: AnomalyKind | null;
	/** Fixed post count for the demo profile; random otherwise. */
	postCount?: number;
	withAudience: boolean;
}

function asciiSlug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** Follower totals: log-normal around 16 000 in the 5k–60k micro band, plus thin tails either side. */
function sampleFollowers(rng: Rng): number {
	const u = rng.next();
	if (u < 0.06) return Math.round(rng.logUniform(1_000, 5_000));
	if (u > 0.94) return Math.round(rng.logUniform(60_000, 250_000));
	for (;;) {
		const v = Math.round(Math.exp(Math.log(16_000) + 0.65 * rng.normal()));
		if (v >= 5_000 && v <= 60_000) return v;
	}
}

function pickNiches(rng: Rng): Niche[] {
	const primary = rng.weighted(NICHE_ENTRIES);
	const out: Niche[] = [primary];
	const extra = rng.weighted([[0, 35], [1, 45], [2, 20]] as const);
	const related = rng.shuffle(NICHE_PROFILES[primary].related);
	for (const n of related) if (out.length <= extra && !out.includes(n)) out.push(n);
	return out;
}

function pickLanguages(rng: Rng, wilaya: string, niches: Niche[]): string[] {
	const langs: string[] = [...rng.weighted([[['ar', 'fr', 'dz'], 45], [['fr', 'dz'], 20], [['ar', 'dz'], 20], [['fr', 'ar'], 10], [['fr'], 5]] as const)];
	if (KABYLIE.has(wilaya) && rng.chance(0.6)) langs.push('ber');
	if (niches.some((n) => n === 'tech' || n === 'gaming' || n === 'travel' || n === 'education') && rng.chance(0.35)) langs.push('en');
	return langs;
}

function displayNameFor(rng: Rng, p: Pick<CreatorPlan, 'firstName' | 'firstNameAr' | 'surname' | 'niches' | 'wilaya' | 'gender'>): string {
	const profile = NICHE_PROFILES[p.niches[0]];
	const tag = rng.pick(profile.tags);
	const nickname = CITY_NICKNAME[p.wilaya];
	const style = rng.weighted([['tag', 40], ['initial', 20], ['arabic', 20], ['mixed', 10], ['city', nickname ? 10 : 0]] as const);
	switch (style) {
		case 'tag':
			return p.niches[0] === 'food' && rng.chance(0.5) ? `Chef ${p.firstName}` : `${p.firstName} ${tag}`;
		case 'initial':
			return `${p.firstName} ${p.surname[0]}.`;
		case 'arabic':
			return `${p.firstName} | ${p.firstNameAr}`;
		case 'mixed':
			return `${p.firstNameAr} | ${p.firstName} ${tag}`;
		case 'city':
			return `${p.firstName} ${nickname[p.gender]}`;
	}
}

function planCreator(seed: number, index: number, anomaly: AnomalyKind | null): CreatorPlan {
	const rng = Rng.for(seed, 'creator-plan', index);
	const num = String(index).padStart(4, '0');
	const wilaya = rng.weighted(WILAYA_ENTRIES);
	const niches = pickNiches(rng);
	const gender: 'f' | 'm' = rng.chance(NICHE_PROFILES[niches[0]].female) ? 'f' : 'm';
	const namePool = KABYLIE.has(wilaya) && rng.chance(0.5) ? KABYLE_NAMES[gender] : FIRST_NAMES[gender];
	const [firstName, firstNameAr] = rng.pick<readonly [string, string]>(namePool);
	const surname = rng.pick(SURNAMES);
	const total = sampleFollowers(rng);
	// About half also have TikTok; the total (the indexed, filterable figure) is split between them.
	const tiktok = rng.chance(0.5);
	const igFollowers = tiktok ? Math.round(total * rng.float(0.5, 0.9)) : total;
	const base = { firstName, firstNameAr, surname, niches, wilaya, gender };
	return {
		id: `seed-cr-${num}`,
		userId: `seed-us-cr-${num}`,
		email: `createur${num}@demo.wasla.dz`,
		passwordHash: null,
		...base,
		displayName: displayNameFor(rng, base),
		handle: `${asciiSlug(firstName)}.${NICHE_PROFILES[niches[0]].slug}.${num}`,
		languages: pickLanguages(rng, wilaya, niches),
		igFollowers,
		tiktokFollowers: tiktok ? total - igFollowers : null,
		anomaly,
		withAudience: rng.chance(0.7)
	};
}

function demoCreatorPlan(passwordHash: string): CreatorPlan {
	return {
		id: DEMO_CREATOR_ID,
		userId: 'seed-us-demo-creator',
		email: DEMO_CREATOR_EMAIL,
		passwordHash,
		gender: 'f',
		firstName: 'Imène',
		firstNameAr: 'إيمان',
		surname: 'Boudiaf',
		displayName: 'Imène Beauty | إيمان',
		handle: 'imene.beauty.blida',
		wilaya: '09',
		niches: ['beauty', 'lifestyle'],
		languages: ['ar', 'fr', 'dz'],
		igFollowers: 16_240,
		tiktokFollowers: 2_110,
		anomaly: null,
		postCount: 26,
		withAudience: true
	};
}

/** Rounds a price to the 500 DA step people quote in. */
const round500 = (n: number) => Math.max(500, Math.round(n / 500) * 500);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Integer thousands with a space, e.g. 12 340 (fixed, so it does not depend on the runtime's locale data). */
function fmt(n: number): string {
	return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function buildRates(rng: Rng, total: number): Record<string, number> {
	const reel = round500(Math.max(3_000, total * rng.float(0.55, 1.0)));
	const rates: Record<string, number> = { story: round500(reel * 0.35), reel, post: round500(reel * 0.6) };
	if (rng.chance(0.3)) rates.live = round500(reel * 1.3);
	return rates;
}

/** Shares rounded to 2 decimals that still add up to exactly `target`. */
function normaliseShares(weights: Record<string, number>, target = 1): Record<string, number> {
	const sum = Object.values(weights).reduce((s, w) => s + w, 0);
	const out: Record<string, number> = {};
	for (const [k, w] of Object.entries(weights)) out[k] = round2((w / sum) * target);
	const drift = round2(target - Object.values(out).reduce((s, v) => s + v, 0));
	const largest = Object.keys(out).reduce((a, b) => (out[a] >= out[b] ? a : b));
	out[largest] = round2(out[largest] + drift);
	return out;
}

function buildAudience(rng: Rng, plan: CreatorPlan): string {
	if (!plan.withAudience) return '{}';
	// Own wilaya first, then a few big cities; the rest of the audience is unlisted "other".
	const listed = rng.float(0.75, 0.92);
	const own = rng.float(0.3, 0.55);
	const others = rng.shuffle(BIG_CITIES.filter(([c]) => c !== plan.wilaya)).slice(0, rng.int(3, 4));
	const weights: Record<string, number> = {};
	others.forEach(([code], i) => (weights[code] = rng.float(0.5, 1) / (i + 1)));
	const wilayas = { [plan.wilaya]: round2(own), ...normaliseShares(weights, listed - round2(own)) };

	const youth = NICHE_PROFILES[plan.niches[0]].youth;
	const base: Record<string, number> = { '13-17': 0.07 * youth * youth, '18-24': 0.36 * youth, '25-34': 0.35, '35-44': 0.14 / youth, '45-54': 0.06 / youth, '55+': 0.02 / youth };
	for (const k of Object.keys(base)) base[k] *= rng.float(0.75, 1.25);
	const ageBands = normaliseShares(base);

	const femaleShare = Math.min(0.97, Math.max(0.05, NICHE_PROFILES[plan.niches[0]].female + rng.float(-0.08, 0.08)));
	const f = round2(femaleShare);
	// Bought engagement tends to come from abroad; clean profiles are overwhelmingly Algerian.
	const countryShareDZ = round2(plan.anomaly === 'engagement_incoherent' ? rng.float(0.35, 0.6) : rng.float(0.82, 0.97));
	return JSON.stringify({ wilayas, ageBands, gender: { f, m: round2(1 - f) }, countryShareDZ });
}

function buildBio(rng: Rng, plan: CreatorPlan): string {
	const niche = NICHE_PROFILES[plan.niches[0]];
	const city = CITY[plan.wilaya];
	const parts = [rng.pick(niche.bios)];
	parts.push(rng.chance(0.5) ? `📍 ${city.fr}` : `📍 ${city.ar}`);
	parts.push(rng.pick(['📩 collab en DM', 'للتعاون: راسلوني', 'Collab: DM 📩', 'Contact pro en DM', 'pour les collabs → DM']));
	return parts.join(' | ');
}

/**
 * 90 daily Instagram follower counts ending exactly at `final`. Growth is organic: a steady
 * drift of a few percent over the period with small day-to-day noise, every daily step kept
 * within −0.2 %…+1 %, so clean profiles never show a jump. Spikes add one-day jumps on top.
 *
 * Returns the public counts and the "organic" counts (without the bought followers), which
 * is what reach follows: bought followers do not watch anything.
 */
function followerSeries(rng: Rng, final: number, spikes: { day: number; jump: number }[]): { shown: number[]; organic: number[] } {
	const drift = Math.log(1 + rng.float(0.03, 0.16)) / (HISTORY_DAYS - 1);
	let level = 0;
	let bought = 0;
	const levels = [0];
	const boughtLevels = [0];
	for (let d = 1; d < HISTORY_DAYS; d++) {
		level += Math.min(0.01, Math.max(-0.002, drift + drift * 0.8 * rng.normal()));
		const spike = spikes.find((s) => s.day === d);
		if (spike) {
			level += Math.log(1 + spike.jump);
			bought += Math.log(1 + spike.jump);
		}
		levels.push(level);
		boughtLevels.push(bought);
	}
	const shown = levels.map((l) => Math.round(final * Math.exp(l - level)));
	const organic = shown.map((n, d) => Math.round(n / Math.exp(boughtLevels[d])));
	return { shown, organic };
}

interface Metrics {
	views: number;
	reach: number;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
}

type Range = readonly [number, number];

/**
 * Per-format ranges, each drawn uniformly: reach as a share of followers, then views, saves
 * and shares per person reached. Stories and lives cannot be saved.
 */
const FORMAT_METRICS: Record<Format, { reach: Range; views: Range; saves: Range; shares: Range }> = {
	reel: { reach: [0.2, 0.6], views: [1.3, 2.2], saves: [0.003, 0.025], shares: [0.002, 0.015] },
	post: { reach: [0.15, 0.4], views: [1.1, 1.6], saves: [0.003, 0.025], shares: [0.001, 0.008] },
	story: { reach: [0.05, 0.15], views: [1.0, 1.15], saves: [0, 0], shares: [0.0005, 0.003] },
	live: { reach: [0.02, 0.08], views: [1.0, 1.3], saves: [0, 0], shares: [0, 0.002] }
};

/**
 * Instagram insights for one post, relative to the followers who could see it. Likes are
 * 2–8 % of reach and comments 0.2–1.5 %, a little more on smaller accounts, as in practice
 * (the tier factor); sponsored posts reach and engage slightly less.
 */
function postMetrics(rng: Rng, format: Format, audience: number, sponsored: boolean): Metrics {
	const ranges = FORMAT_METRICS[format];
	const draw = (r: Range) => rng.float(r[0], r[1]);
	const tier = Math.min(1.4, Math.max(0.75, Math.pow(20_000 / Math.max(audience, 1), 0.15)));
	// A few reels travel beyond the followers, as reels do.
	const viral = format === 'reel' && rng.chance(0.05) ? rng.float(1.5, 2.5) : 1;
	const reach = Math.max(1, Math.round(audience * draw(ranges.reach) * viral * (sponsored ? rng.float(0.8, 0.95) : 1)));
	return {
		views: Math.round(reach * draw(ranges.views)),
		reach,
		likes: Math.round(reach * rng.float(0.02, 0.08) * tier * (sponsored ? 0.85 : 1)),
		comments: Math.round(reach * rng.float(0.002, 0.015) * tier),
		saves: Math.round(reach * draw(ranges.saves)),
		shares: Math.round(reach * draw(ranges.shares))
	};
}

/** Engagement that does not fit the reach: more likes than people reached, sometimes on tiny view counts. */
function incoherentMetrics(rng: Rng, m: Metrics, tinyViews: boolean): Metrics {
	const likes = Math.round(m.reach * rng.float(1.2, 2.8));
	return {
		...m,
		views: tinyViews ? Math.max(1, Math.round(m.reach * rng.float(0.15, 0.5))) : m.views,
		likes,
		comments: Math.round(m.reach * rng.float(0.04, 0.12))
	};
}

function refCode(rng: Rng, length: number): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
	let s = '';
	for (let i = 0; i < length; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
	return s;
}

function captionFor(rng: Rng, plan: CreatorPlan, sponsored: boolean): string {
	const niche = NICHE_PROFILES[rng.pick(plan.niches)];
	let caption = rng.pick(niche.captions);
	if (rng.chance(0.6)) caption += ` ${rng.sample(HASHTAGS, rng.int(1, 3)).join(' ')} #${niche.slug}dz`;
	if (sponsored) {
		const brand = rng.pick(SPONSOR_NAMES);
		const code = `${asciiSlug(plan.firstName).toUpperCase()}${rng.pick(['10', '15', '20'])}`;
		caption += rng.pick([
			` — en collab avec ${brand}, code ${code} pour une remise #sponsorisé`,
			` | بالتعاون مع ${brand} #إشهار كود ${code}`,
			` 🤝 ${brand} — b code ${code} 3andkom remise #sponsorisé`
		]);
	}
	return caption;
}

/** How a creator's comment section reads: audiences differ, and bought engagement is generic. */
function commentMix(rng: Rng, anomaly: AnomalyKind | null): readonly (readonly [CommentKind, number])[] {
	if (anomaly === 'engagement_incoherent') {
		return [['purchase_intent', 0.03], ['positive', 0.1], ['negative', 0.02], ['generic', 0.3], ['emoji', 0.35], ['spam', 0.2]];
	}
	return [
		['purchase_intent', rng.float(0.1, 0.4)],
		['positive', rng.float(0.2, 0.35)],
		['negative', rng.float(0.02, 0.08)],
		['generic', rng.float(0.08, 0.18)],
		['emoji', rng.float(0.08, 0.18)],
		['spam', rng.float(0.02, 0.1)]
	];
}

function commentText(rng: Rng, kind: CommentKind, plan: CreatorPlan): string {
	// Half of the purchase questions are about the niche's own products (size, shade, recipe…).
	const pool: readonly string[] = kind === 'purchase_intent' && rng.chance(0.5) ? NICHE_PROFILES[rng.pick(plan.niches)].intent : COMMENTS[kind];
	const text = rng.pick(pool);
	if (!text.includes('{')) return text;
	const city = CITY[rng.chance(0.5) ? plan.wilaya : rng.weighted(BIG_CITIES)];
	return text.replace('{city}', city.dz).replace('{cityFr}', city.fr).replace('{cityAr}', city.ar);
}

interface CreatorRows {
	user: Row<typeof users>;
	creator: Row<typeof creators>;
	accounts: Row<typeof creatorAccounts>[];
	points: Row<typeof followerPoints>[];
	posts: Row<typeof posts>[];
	comments: Row<typeof postComments>[];
	anomaly: Row<typeof seedAnomalies> | null;
}

function buildCreator(seed: number, plan: CreatorPlan, cal: Calendar): CreatorRows {
	const rng = Rng.for(seed, 'creator', plan.id);
	const total = plan.igFollowers + (plan.tiktokFollowers ?? 0);
	const createdAt = cal.at(-rng.int(120, 700), rng.int(9, 22), rng.int(0, 59));
	const updatedAt = cal.at(-rng.int(1, 5), rng.int(9, 22), rng.int(0, 59));

	// Follower history (index 0 = anchor − 89, index 89 = anchor).
	const spikes: { day: number; jump: number }[] = [];
	if (plan.anomaly === 'follower_spike') {
		const first = rng.int(15, 70);
		spikes.push({ day: first, jump: round2(rng.float(0.15, 0.4)) });
		if (rng.chance(0.5)) spikes.push({ day: first + rng.int(10, 18), jump: round2(rng.float(0.15, 0.3)) });
	}
	const series = followerSeries(rng, plan.igFollowers, spikes);
	const dayOffset = (d: number) => d - (HISTORY_DAYS - 1);
	const points = series.shown.map((followers, d) => ({ creatorId: plan.id, platform: 'instagram', date: cal.date(dayOffset(d)), followers }));

	// Posts on distinct days before the anchor, never on a spike day (the spike must be unexplained).
	const spikeDays = new Set(spikes.map((s) => s.day));
	const candidateDays = Array.from({ length: HISTORY_DAYS - 1 }, (_, d) => d).filter((d) => !spikeDays.has(d));
	const count = plan.postCount ?? rng.int(20, 30);
	const days = rng.sample(candidateDays, count).sort((a, b) => a - b);
	const sponsoredCount = Math.round(count * rng.float(0.1, 0.3));
	const sponsoredIdx = new Set(rng.sample(Array.from({ length: count }, (_, i) => i), sponsoredCount));
	const mix = commentMix(rng, plan.anomaly);
	const tinyViews = rng.chance(0.5);

	const postRows: Row<typeof posts>[] = [];
	const commentRows: Row<typeof postComments>[] = [];
	const incoherentRatios: number[] = [];
	days.forEach((day, i) => {
		const postId = `${plan.id.replace('seed-cr-', 'seed-po-')}-${String(i + 1).padStart(2, '0')}`;
		const format = rng.weighted(FORMAT_WEIGHTS);
		const sponsored = sponsoredIdx.has(i);
		let m = postMetrics(rng, format, series.organic[day], sponsored);
		// Most, not all, posts of an incoherent profile are off: a real detector has to look at the whole set.
		if (plan.anomaly === 'engagement_incoherent' && rng.chance(0.85)) {
			m = incoherentMetrics(rng, m, tinyViews);
			incoherentRatios.push(m.likes / m.reach);
		}
		const sampleCount = rng.int(2, 6);
		const mediaId = `${3_000_000_000_000 + rng.int(0, 999_999_999)}${i}`;
		const ref = {
			reel: `https://www.instagram.com/reel/${refCode(rng, 11)}/`,
			post: `https://www.instagram.com/p/${refCode(rng, 11)}/`,
			story: `https://www.instagram.com/stories/${plan.handle}/${mediaId}/`,
			live: `https://www.instagram.com/${plan.handle}/live/${mediaId}/`
		}[format];
		postRows.push({
			id: postId,
			creatorId: plan.id,
			platform: 'instagram',
			ref,
			format,
			postedAt: cal.at(dayOffset(day), rng.int(10, 23), rng.int(0, 59)),
			caption: captionFor(rng, plan, sponsored),
			...m,
			// The sample comments are part of the comment count.
			comments: Math.max(m.comments, sampleCount),
			sponsored
		});
		for (let c = 1; c <= sampleCount; c++) {
			commentRows.push({ id: `${postId.replace('seed-po-', 'seed-pc-')}-${c}`, postId, text: commentText(rng, rng.weighted(mix), plan) });
		}
	});

	let anomaly: Row<typeof seedAnomalies> | null = null;
	if (plan.anomaly === 'follower_spike') {
		const described = spikes.map((s) => {
			const before = series.shown[s.day - 1];
			const after = series.shown[s.day];
			return `+${Math.round((after / before - 1) * 100)} % le ${cal.date(dayOffset(s.day))} (${fmt(before)} → ${fmt(after)})`;
		});
		anomaly = {
			creatorId: plan.id,
			kind: 'follower_spike',
			detail: `Pic d'abonnés Instagram sans publication ce jour-là : ${described.join(' ; ')}`,
			magnitude: Math.max(...spikes.map((s) => s.jump))
		};
	} else if (plan.anomaly === 'engagement_incoherent') {
		const sorted = [...incoherentRatios].sort((a, b) => a - b);
		const median = round2(sorted[Math.floor(sorted.length / 2)] ?? 0);
		anomaly = {
			creatorId: plan.id,
			kind: 'engagement_incoherent',
			detail: `Likes supérieurs à la portée sur ${incoherentRatios.length} posts sur ${count} (médiane likes/portée ${String(median).replace('.', ',')})${tinyViews ? ', vues inférieures à la portée' : ''}`,
			magnitude: median
		};
	}

	const accounts: Row<typeof creatorAccounts>[] = [
		{ creatorId: plan.id, platform: 'instagram', handle: `${asciiSlug(plan.firstName)}_${NICHE_PROFILES[plan.niches[0]].slug}_${plan.handle.split('.').pop()}`, followers: plan.igFollowers }
	];
	if (plan.tiktokFollowers !== null) {
		accounts.push({ creatorId: plan.id, platform: 'tiktok', handle: plan.handle.replaceAll('.', '_'), followers: plan.tiktokFollowers });
	}

	return {
		user: {
			id: plan.userId,
			email: plan.email,
			name: `${plan.firstName} ${plan.surname}`,
			role: 'creator',
			passwordHash: plan.passwordHash,
			locale: plan.languages.includes('fr') ? 'fr' : 'ar',
			createdAt,
			passwordChangedAt: null,
			// Owners work in the brand they own by default (services/accounts.ts currentBrand).
			currentBrandId: null,
			totpSecret: null,
			totpEnabledAt: null,
			totpLastStep: null,
			totpPendingSecret: null,
			totpPendingAt: null
		},
		creator: {
			id: plan.id,
			userId: plan.userId,
			displayName: plan.displayName,
			handle: plan.handle,
			wilaya: plan.wilaya,
			bio: buildBio(rng, plan),
			niches: JSON.stringify(plan.niches),
			languages: JSON.stringify(plan.languages),
			rates: JSON.stringify(buildRates(rng, total)),
			audience: buildAudience(rng, plan),
			phone: null,
			payoutRip: null,
			legalName: null,
			legalRcNumber: null,
			legalNif: null,
			legalAutoEntrepreneurCard: null,
			ratesPublic: rng.chance(0.5),
			followersTotal: total,
			createdAt,
			updatedAt
		},
		accounts,
		points,
		posts: postRows,
		comments: commentRows,
		anomaly
	};
}

/** The creator_features row of a generated creator, as the API computes it after an import. */
function featuresRow(rows: CreatorRows, now: number): { features: Row<typeof creatorFeatures>; flags: Row<typeof creatorRiskFlags>[] } {
	const texts = new Map<string, string[]>();
	for (const c of rows.comments) texts.set(c.postId, [...(texts.get(c.postId) ?? []), c.text]);
	const f = computeCreatorFeatures({
		posts: rows.posts,
		points: rows.points,
		comments: rows.posts.flatMap((p) => texts.get(p.id) ?? []),
		followersByPlatform: Object.fromEntries(rows.accounts.map((a) => [a.platform, a.followers])),
		now,
		...profileInputs(rows.creator)
	});
	const features = {
		creatorId: rows.creator.id,
		computedAt: now,
		engagementByFormat: JSON.stringify(f.engagementByFormat),
		sponsoredShare: f.sponsoredShare,
		commentMix: JSON.stringify(f.commentMix),
		postsLast90d: f.postsLast90d,
		followerGrowth30d: f.followerGrowth30d,
		affinityTerms: JSON.stringify(f.affinityTerms),
		observedNiches: JSON.stringify(f.observedNiches),
		riskScore: f.risk.score,
		qualityScore: f.qualityScore,
		boundEngagement: JSON.stringify(f.bounds.engagement),
		boundComments: f.bounds.commentQuality,
		boundLoad: f.bounds.partnershipLoad,
		boundsFollowers: f.bounds.followers,
		postsTotal: f.postsTotal,
		commentsSampled: f.commentsSampled
	};
	const flags: Row<typeof creatorRiskFlags>[] = f.risk.flags.map((flag) => ({
		creatorId: rows.creator.id,
		code: flag.code,
		score: flag.score,
		reason: JSON.stringify(flag.reason),
		computedAt: now,
		explanation: null,
		explainedAt: null
	}));
	return { features, flags };
}

// ---------------------------------------------------------------------------------------
// Brands and campaigns
// ---------------------------------------------------------------------------------------

interface BrandSpec {
	id: string;
	name: string;
	owner: string;
	email: string;
}

/** Algerian SMEs; the first one is the demo brand that can sign in. */
const BRANDS: Omit<BrandSpec, 'id' | 'email'>[] = [
	{ name: 'Boutique Yasmine Cosmétiques', owner: 'Yasmine Benali' },
	{ name: 'Dar El Hidjab', owner: 'Samira Kaci' },
	{ name: 'Pâtisserie Les Ponts', owner: 'Nadir Bencheikh' },
	{ name: 'Stif Phone Accessoires', owner: 'Fares Laib' },
	{ name: 'Zitouna Naturel', owner: 'Lydia Ait Ouali' },
	{ name: 'Atlas Sportswear', owner: 'Hamza Belarbi' },
	{ name: 'Dar Tlemcen Déco', owner: 'Karima Bensaid' },
	{ name: 'Annaba Auto Pièces', owner: 'Rachid Mebarki' },
	{ name: 'Kids Land Boumerdès', owner: 'Nassima Hadj' },
	{ name: 'Académie Bayan Langues', owner: 'Walid Cherif' },
	{ name: 'Fit Food Oran', owner: 'Sonia Rahmani' },
	{ name: 'Torréfaction Djurdjura', owner: 'Idir Hamadouche' }
];

interface CampaignSpec {
	brand: number;
	status: CampaignStatus;
	title: string;
	objective: Objective;
	offer: string;
	keyMessages: string[];
	dos: string[];
	donts: string[];
	angle: string;
	formats: Format[];
	wilayas: string[];
	niches: Niche[];
	/** Target audience age bands (youngest first); left out = all ages. */
	ages?: AgeBand[];
	followers?: [number, number];
	budget: number;
}

const CAMPAIGNS: CampaignSpec[] = [
	// Demo brand (Oran cosmetics): one campaign in every status.
	{
		brand: 0, status: 'draft', title: 'Lancement du sérum vitamine C', objective: 'visibility', ages: ['18-24', '25-34'],
		offer: 'Sérum offert + 15 % de remise pour les abonnées avec le code {code promo du créateur}', budget: 180_000,
		keyMessages: ['Vitamine C stabilisée, éclat en 2 semaines', 'Fabriqué en Algérie, 2 900 DA'],
		dos: ['Montrer la texture en gros plan', 'Routine du matin réelle'], donts: ['Pas de promesse médicale', 'Pas de filtre beauté'],
		angle: 'Avant/après honnête sur 14 jours', formats: ['reel', 'story'], wilayas: ['31', '16', '09', '27'], niches: ['beauty', 'lifestyle']
	},
	{
		brand: 0, status: 'open', title: 'Crèmes solaires : la routine été', objective: 'whatsapp_sales', ages: ['18-24', '25-34'],
		offer: 'Pack écran solaire + brume à 3 500 DA, livraison dans toute l’Algérie, paiement à la livraison', budget: 240_000,
		keyMessages: ['SPF 50 texture légère, pas de traces blanches', 'Commande sur WhatsApp avec le mot-clé {mot-clé du créateur}'],
		dos: ['Parler des peaux grasses et mixtes', 'Afficher le mot-clé WhatsApp à l’écran'], donts: ['Pas de comparaison avec une autre marque'],
		angle: 'Une journée à la plage sans coup de soleil', formats: ['story', 'reel'], wilayas: ['31', '16', '09', '22', '46'], niches: ['beauty', 'lifestyle']
	},
	{
		brand: 0, status: 'active', title: 'Coffrets cadeaux skincare', objective: 'whatsapp_sales', ages: ['25-34', '35-44'],
		offer: 'Coffret 3 soins à 4 900 DA au lieu de 6 200 DA', budget: 300_000,
		keyMessages: ['Idée cadeau prête à offrir', 'Livraison en 48 h à Oran et Alger'],
		dos: ['Unboxing du coffret', 'Code promo visible en story'], donts: ['Pas de musique sous droits', 'Ne pas oublier #sponsorisé'],
		angle: 'Le cadeau parfait pour une sœur ou une amie', formats: ['reel', 'story'], wilayas: ['31', '16', '09', '13'], niches: ['beauty']
	},
	{
		brand: 0, status: 'completed', title: 'Ouverture de la 2e boutique à Oran', objective: 'traffic',
		offer: 'Un soin offert pour toute visite en boutique avec le code {code promo du créateur}', budget: 150_000,
		keyMessages: ['Nouvelle boutique à Oran centre', 'Conseil peau gratuit sur place'],
		dos: ['Filmer en boutique', 'Donner l’adresse exacte'], donts: ['Pas de prix barrés inventés'],
		angle: 'Visite guidée de la boutique', formats: ['reel', 'post', 'story'], wilayas: ['31', '27', '46', '22'], niches: ['beauty', 'lifestyle']
	},
	{
		brand: 0, status: 'closed', title: 'Rouges à lèvres made in DZ', objective: 'visibility',
		offer: 'Trois teintes offertes à chaque créatrice', budget: 90_000,
		keyMessages: ['Tenue 8 h', 'Teintes pensées pour les peaux méditerranéennes'],
		dos: ['Swatch des trois teintes'], donts: ['Pas de dénigrement'],
		angle: 'Trois looks, trois occasions', formats: ['reel'], wilayas: ['31', '16'], niches: ['beauty']
	},
	// Other brands.
	{
		brand: 1, status: 'open', title: 'Collection abayas légères', objective: 'whatsapp_sales', ages: ['25-34', '35-44'],
		offer: 'Abaya à 5 500 DA, -10 % avec le code, paiement à la livraison', budget: 220_000,
		keyMessages: ['Tissu léger qui ne colle pas', 'Du 38 au 56'], dos: ['Montrer le tombé en mouvement', 'Citer les tailles'],
		donts: ['Pas de musique', 'Pas de tenue moulante en association'], angle: 'Trois occasions, une abaya',
		formats: ['reel', 'story'], wilayas: ['16', '09', '35', '42'], niches: ['modest_fashion', 'fashion']
	},
	{
		brand: 1, status: 'completed', title: 'Tuto hijab avec nos foulards', objective: 'visibility',
		offer: 'Trois foulards offerts', budget: 80_000,
		keyMessages: ['Foulards en mousseline, 12 couleurs'], dos: ['Tuto pas à pas'], donts: ['Pas de filtre'],
		angle: 'Trois lfafat en une minute', formats: ['reel'], wilayas: ['16', '09', '35'], niches: ['modest_fashion']
	},
	{
		brand: 2, status: 'active', title: 'Gâteaux traditionnels pour les fêtes', objective: 'whatsapp_sales',
		offer: 'Plateau de 40 pièces à 6 000 DA, commande 48 h à l’avance', budget: 160_000,
		keyMessages: ['Recettes constantinoises', 'Commande sur WhatsApp'], dos: ['Goûter face caméra', 'Montrer le plateau complet'],
		donts: ['Pas de comparaison avec la pâtisserie voisine'], angle: 'La table de fête à la constantinoise',
		formats: ['reel', 'story'], wilayas: ['25', '43', '21', '23'], niches: ['food', 'family_parenting']
	},
	{
		brand: 2, status: 'draft', title: 'Box dégustation du vendredi', objective: 'traffic',
		offer: 'Box 12 pièces à 2 400 DA', budget: 60_000,
		keyMessages: ['Nouvelle box chaque vendredi'], dos: ['Ouvrir la box en direct'], donts: ['Pas de promesse de livraison hors Constantine'],
		angle: 'Le rituel café du vendredi', formats: ['story', 'live'], wilayas: ['25'], niches: ['food']
	},
	{
		brand: 3, status: 'open', title: 'Accessoires smartphone -15 %', objective: 'traffic', ages: ['18-24'],
		offer: 'Coques, chargeurs et écouteurs à -15 % avec le code {code promo du créateur}', budget: 140_000, followers: [5_000, 30_000],
		keyMessages: ['Chargeurs certifiés, garantie 6 mois', 'Retrait en boutique à Sétif'], dos: ['Tester la charge rapide à l’écran'],
		donts: ['Pas de comparatif avec une contrefaçon nommée'], angle: 'Le kit indispensable pour 3 000 DA',
		formats: ['reel', 'story'], wilayas: ['19', '34', '05', '28'], niches: ['tech', 'gaming']
	},
	{
		brand: 3, status: 'closed', title: 'Écouteurs sans fil', objective: 'visibility',
		offer: 'Écouteurs offerts', budget: 50_000,
		keyMessages: ['30 h d’autonomie'], dos: ['Test en extérieur'], donts: ['Pas de fausse promesse d’étanchéité'],
		angle: 'Une journée avec', formats: ['reel'], wilayas: ['19'], niches: ['tech']
	},
	{
		brand: 4, status: 'completed', title: 'Savons à l’huile d’olive de Kabylie', objective: 'whatsapp_sales',
		offer: 'Lot de 4 savons à 1 800 DA', budget: 110_000,
		keyMessages: ['Huile d’olive de Béjaïa, saponification à froid'], dos: ['Montrer la fabrication'], donts: ['Pas d’allégation médicale'],
		angle: 'Du pressoir à la salle de bain', formats: ['reel', 'post'], wilayas: ['06', '15', '10', '16'], niches: ['beauty', 'lifestyle', 'fitness_health']
	},
	{
		brand: 5, status: 'active', title: 'Tenues de sport femmes & hommes', objective: 'whatsapp_sales', ages: ['18-24', '25-34'],
		offer: 'Ensemble à 4 200 DA, -10 % avec le code {code promo du créateur}', budget: 200_000, followers: [10_000, 50_000],
		keyMessages: ['Tissu respirant', 'Tailles du S au XXL'], dos: ['Séance réelle avec la tenue'], donts: ['Pas de marque concurrente visible'],
		angle: 'Un entraînement complet dans la tenue', formats: ['reel', 'story'], wilayas: ['09', '16', '42', '35'], niches: ['sport', 'fitness_health']
	},
	{
		brand: 6, status: 'open', title: 'Tapis & céramique artisanale', objective: 'traffic',
		offer: 'Livraison offerte dès 8 000 DA', budget: 130_000,
		keyMessages: ['Fait main à Tlemcen'], dos: ['Avant/après d’une pièce'], donts: ['Pas de pièces d’autres artisans'],
		angle: 'Une pièce transformée avec un seul objet', formats: ['reel', 'post'], wilayas: ['13', '31', '22', '46'], niches: ['home_decor', 'lifestyle']
	},
	{
		brand: 7, status: 'open', title: 'Kits d’entretien auto', objective: 'whatsapp_sales', ages: ['25-34', '35-44', '45-54'],
		offer: 'Kit vidange + filtres à 5 900 DA', budget: 90_000, followers: [5_000, 30_000],
		keyMessages: ['Pièces d’origine', 'Montage possible à Annaba'], dos: ['Montrer le montage'], donts: ['Pas de conduite dangereuse'],
		angle: 'Préparer sa voiture pour l’été', formats: ['reel'], wilayas: ['23', '36', '21', '24'], niches: ['automotive', 'tech']
	},
	{
		brand: 8, status: 'active', title: 'Rentrée des classes', objective: 'whatsapp_sales', ages: ['25-34', '35-44', '45-54'],
		offer: 'Tablier + cartable à 3 900 DA', budget: 120_000,
		keyMessages: ['Cartables légers', 'Tailles 4 à 14 ans'], dos: ['Filmer avec les enfants (avec accord)'], donts: ['Pas de visage d’enfant sans accord des parents'],
		angle: 'Le matin de la rentrée', formats: ['reel', 'story'], wilayas: ['35', '16', '09', '15'], niches: ['family_parenting', 'fashion']
	},
	{
		brand: 9, status: 'open', title: 'Inscriptions aux cours d’anglais', objective: 'signups', ages: ['18-24'],
		offer: 'Premier mois à 3 000 DA au lieu de 4 500 DA', budget: 100_000,
		keyMessages: ['Groupes de 8', 'Cours du soir et du week-end'], dos: ['Expliquer le test de niveau gratuit'], donts: ['Pas de promesse de score'],
		angle: 'Mon premier cours', formats: ['reel', 'story', 'live'], wilayas: ['16', '09', '35', '42'], niches: ['education', 'lifestyle']
	},
	{
		brand: 10, status: 'completed', title: 'Meal prep healthy', objective: 'whatsapp_sales',
		offer: '5 repas à 3 500 DA, livrés à Oran', budget: 90_000,
		keyMessages: ['Repas équilibrés', 'Livraison le matin'], dos: ['Déballer les 5 repas'], donts: ['Pas de promesse de perte de poids'],
		angle: 'Une semaine sans cuisiner', formats: ['reel', 'story'], wilayas: ['31', '27'], niches: ['fitness_health', 'food']
	},
	{
		brand: 11, status: 'draft', title: 'Le café du Djurdjura', objective: 'visibility',
		offer: 'Paquet 500 g offert', budget: 70_000,
		keyMessages: ['Torréfié à Tizi Ouzou'], dos: ['Préparation à la cafetière'], donts: ['Pas de boisson énergisante à côté'],
		angle: 'Le café du matin au village', formats: ['reel', 'post'], wilayas: ['15', '06', '10', '16'], niches: ['food', 'lifestyle']
	},
	{
		brand: 11, status: 'closed', title: 'Dégustation en torréfaction', objective: 'traffic',
		offer: 'Dégustation gratuite le samedi', budget: 40_000,
		keyMessages: ['Visite de la torréfaction'], dos: ['Filmer la torréfaction'], donts: ['Pas de mention de prix'],
		angle: 'Visite en coulisses', formats: ['story'], wilayas: ['15'], niches: ['food']
	}
];

/** Calendar of a campaign in days from the anchor, by status (published/apply-by/start/end). */
function timeline(rng: Rng, status: CampaignStatus) {
	const j = rng.int(-2, 2);
	switch (status) {
		case 'draft':
			return { created: -4 + j, updated: -1, published: null, applyBy: 14 + j, starts: 21 + j, ends: 35 + j };
		case 'open':
			return { created: -10 + j, updated: -6 + j, published: -7 + j, applyBy: 7 + j, starts: 14 + j, ends: 28 + j };
		case 'active':
			return { created: -30 + j, updated: -7 + j, published: -27 + j, applyBy: -14 + j, starts: -7 + j, ends: 14 + j };
		case 'completed':
			return { created: -85 + j, updated: -38 + j, published: -80 + j, applyBy: -66 + j, starts: -60 + j, ends: -40 + j };
		case 'closed':
			// Published, then closed by the brand before it started.
			return { created: -45 + j, updated: -22 + j, published: -40 + j, applyBy: -26 + j, starts: -20 + j, ends: -6 + j };
	}
}

const PITCHES = [
	'Salam ! Je suis {name}, {maker} de contenu à {city}. Mon audience vous ressemble : je propose {formats} avec code promo.',
	'Bonjour, {name} ici. Je parle de {niche} chaque semaine, mes abonnés posent souvent la question du prix en commentaire.',
	'Salam 3likoum, ana {name} men {city}. N7ebb nekhdem m3akom, 3andi des idées pour {formats}.',
	'السلام عليكم، أنا {nameAr} من {cityAr}. جمهوري مهتم بـ{nicheAr} وأقترح {formats}.',
	'Hello ! {name} de {city}, je peux tourner {formats} cette semaine et suivre les commandes WhatsApp avec mon mot-clé.'
];

interface CampaignRows {
	campaigns: Row<typeof campaigns>[];
	applications: Row<typeof applications>[];
}

function buildCampaigns(seed: number, cal: Calendar, brandIds: string[], roster: { plan: CreatorPlan; row: Row<typeof creators> }[]): CampaignRows {
	const campaignRows: Row<typeof campaigns>[] = [];
	const applicationRows: Row<typeof applications>[] = [];
	CAMPAIGNS.forEach((spec, i) => {
		const rng = Rng.for(seed, 'campaign', i);
		const id = `seed-ca-${String(i + 1).padStart(2, '0')}`;
		const t = timeline(rng, spec.status);
		const [followerMin, followerMax] = spec.followers ?? [8_000, 35_000];
		const publishedAt = t.published === null ? null : cal.at(t.published, rng.int(9, 12));
		campaignRows.push({
			id,
			brandId: brandIds[spec.brand],
			title: spec.title,
			objective: spec.objective,
			offer: spec.offer,
			brief: JSON.stringify({ keyMessages: spec.keyMessages, dos: spec.dos, donts: spec.donts, angle: spec.angle }),
			formats: JSON.stringify(spec.formats),
			wilayas: JSON.stringify(spec.wilayas),
			niches: JSON.stringify(spec.niches),
			ageBands: JSON.stringify(spec.ages ?? []),
			followerMin,
			followerMax,
			budgetDzd: spec.budget,
			reuseRightsDays: 30,
			matchWeights: null,
			startsAt: cal.at(t.starts, 0),
			endsAt: cal.at(t.ends, 23, 59),
			applyBy: cal.at(t.applyBy, 23, 59),
			landingUrl: null,
			deliveryTerms: '',
			status: spec.status,
			publishedAt,
			closedAt: spec.status === 'closed' ? cal.at(t.updated, 18) : null,
			createdAt: cal.at(t.created, rng.int(9, 12)),
			updatedAt: cal.at(t.updated, rng.int(13, 18))
		});

		// Applications come in while the campaign is open; closed and draft ones have none.
		if (publishedAt === null || spec.status === 'closed') return;
		const fits = roster.filter(({ plan, row }) => {
			if (!plan.niches.some((n) => spec.niches.includes(n))) return false;
			if (row.followersTotal < followerMin * 0.85 || row.followersTotal > followerMax * 1.15) return false;
			return spec.wilayas.includes(plan.wilaya) || rng.chance(0.15);
		});
		const wanted = { open: rng.int(5, 10), active: rng.int(6, 10), completed: rng.int(5, 8) }[spec.status as 'open' | 'active' | 'completed'];
		// The demo creator (beauty, Blida) applies to every published demo-brand campaign, so
		// both demo logins have applications to look at.
		const demo = spec.brand === 0 ? roster.filter(({ plan }) => plan.id === DEMO_CREATOR_ID) : [];
		const chosen = [...demo, ...rng.shuffle(fits.filter(({ plan }) => plan.id !== DEMO_CREATOR_ID))].slice(0, wanted);
		const accepted = spec.status === 'open' ? 0 : rng.int(2, 3);
		const applyEnd = Math.min(cal.at(t.applyBy, 23), cal.anchorMs);
		chosen.forEach(({ plan, row }, k) => {
			let status: ApplicationStatus;
			if (spec.status === 'open') status = k < Math.ceil(chosen.length / 4) ? 'shortlisted' : 'pending';
			else if (k < accepted) status = 'accepted';
			else status = spec.status === 'active' && k === chosen.length - 1 ? 'shortlisted' : 'declined';
			const formats = spec.formats.length > 1 && rng.chance(0.3) ? spec.formats.slice(0, -1) : spec.formats;
			const rates = JSON.parse(row.rates) as Record<string, number>;
			const fee = formats.reduce((s, f) => s + (rates[f] ?? rates.reel), 0);
			const createdAt = Math.floor(rng.float(publishedAt + HOUR_MS, applyEnd) / 60_000) * 60_000;
			const city = CITY[plan.wilaya];
			const niche = NICHE_PROFILES[spec.niches.find((n) => plan.niches.includes(n)) ?? spec.niches[0]];
			const pitch = rng
				.pick(PITCHES)
				.replaceAll('{name}', plan.firstName)
				.replaceAll('{nameAr}', plan.firstNameAr)
				.replaceAll('{maker}', plan.gender === 'f' ? 'créatrice' : 'créateur')
				.replaceAll('{city}', city.fr)
				.replaceAll('{cityAr}', city.ar)
				.replaceAll('{niche}', niche.label.fr)
				.replaceAll('{nicheAr}', niche.label.ar)
				.replaceAll('{formats}', formats.join(' + '));
			applicationRows.push({
				id: `${id.replace('seed-ca-', 'seed-ap-')}-${plan.id.replace('seed-cr-', '')}`,
				campaignId: id,
				creatorId: plan.id,
				pitch,
				feeDzd: fee,
				formats: JSON.stringify(formats),
				proposedDates: '[]',
				status,
				declineReason: status === 'declined' ? 'Profil hors cible pour cette campagne.' : null,
				createdAt,
				updatedAt: status === 'pending' ? createdAt : Math.min(createdAt + rng.int(1, 72) * HOUR_MS, cal.anchorMs)
			});
		});
	});
	return { campaigns: campaignRows, applications: applicationRows };
}

/**
 * The plan a published campaign got when it was published, on its own dates (same pure
 * function as the API); steps due before the anchor day are done, at 18:00 Algiers time
 * on their day.
 */
function planTasks(c: Row<typeof campaigns>, cal: Calendar): Row<typeof campaignTasks>[] {
	if (c.publishedAt === null) return [];
	const today = algiersDay(cal.anchorMs);
	return planCampaign(c.publishedAt, { applyBy: c.applyBy, startsAt: c.startsAt, endsAt: c.endsAt }).map((task) => ({
		// Numbered by the step's place in the article (days may repeat now that the plan follows the campaign's dates).
		id: `${c.id.replace('seed-ca-', 'seed-ta-')}-${String(PLAN_STEPS.findIndex((s) => s.key === task.key) + 1).padStart(2, '0')}`,
		campaignId: c.id,
		day: task.day,
		phase: task.phase,
		key: task.key,
		dueDate: task.dueDate,
		doneAt: task.dueDate < today ? Date.parse(`${task.dueDate}T17:00:00Z`) : null
	}));
}

// ---------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------

/** A fixed 16-byte salt per account, derived from the seed, so the demo hashes are reproducible. */
function demoSalt(seed: number, email: string): Uint8Array<ArrayBuffer> {
	const rng = Rng.for(seed, 'salt', email);
	return Uint8Array.from({ length: 16 }, () => Math.floor(rng.next() * 256));
}

/**
 * Generates the whole demo data set. Async only because the two demo accounts' password
 * hashes go through WebCrypto (PBKDF2); everything else is synchronous and pure.
 *
 * Same options ⇒ identical rows (including the hashes, whose salts derive from the seed).
 */
export async function generateSeed(opts: SeedOptions): Promise<SeedData> {
	const seed = opts.seed ?? DEFAULT_SEED;
	const count = opts.creators ?? DEFAULT_CREATORS;
	const cal = new Calendar(parseAnchor(opts.anchorDate));
	const [brandHash, creatorHash] = await Promise.all([
		hashPassword(DEMO_PASSWORD, demoSalt(seed, DEMO_BRAND_EMAIL)),
		hashPassword(DEMO_PASSWORD, demoSalt(seed, DEMO_CREATOR_EMAIL))
	]);

	// Anomalies: a fixed share of the generated creators (never the demo profile), half of each kind.
	const anomalyCount = Math.max(1, Math.round(count * ANOMALY_SHARE));
	const anomalous = Rng.for(seed, 'anomalies').sample(Array.from({ length: count }, (_, i) => i + 1), anomalyCount);
	const kindOf = new Map<number, AnomalyKind>(anomalous.map((index, k) => [index, k % 2 === 0 ? 'follower_spike' : 'engagement_incoherent']));

	const plans = [demoCreatorPlan(creatorHash), ...Array.from({ length: count }, (_, i) => planCreator(seed, i + 1, kindOf.get(i + 1) ?? null))];
	const data: SeedData = {
		users: [],
		brands: [],
		brandMembers: [],
		creators: [],
		creatorAccounts: [],
		followerPoints: [],
		posts: [],
		postComments: [],
		creatorFeatures: [],
		creatorRiskFlags: [],
		seedAnomalies: [],
		campaigns: [],
		campaignTasks: [],
		applications: []
	};

	const brandIds: string[] = [];
	BRANDS.forEach((b, i) => {
		const rng = Rng.for(seed, 'brand', i);
		const isDemo = i === 0;
		const num = String(i).padStart(2, '0');
		const id = isDemo ? DEMO_BRAND_ID : `seed-br-${num}`;
		const userId = isDemo ? 'seed-us-demo-brand' : `seed-us-br-${num}`;
		const createdAt = cal.at(-rng.int(100, 400), rng.int(9, 18));
		brandIds.push(id);
		data.users.push({
			id: userId,
			email: isDemo ? DEMO_BRAND_EMAIL : `marque${num}@demo.wasla.dz`,
			name: b.owner,
			role: 'brand',
			passwordHash: isDemo ? brandHash : null,
			locale: 'fr',
			createdAt,
			passwordChangedAt: null,
			// Owners work in the brand they own by default (services/accounts.ts currentBrand).
			currentBrandId: null,
			totpSecret: null,
			totpEnabledAt: null,
			totpLastStep: null,
			totpPendingSecret: null,
			totpPendingAt: null
		});
		data.brands.push({ id, name: b.name, ownerUserId: userId, whatsappPhone: null, createdAt });
		data.brandMembers.push({ brandId: id, userId, role: 'owner', createdAt });
	});

	const roster: { plan: CreatorPlan; row: Row<typeof creators> }[] = [];
	for (const plan of plans) {
		const rows = buildCreator(seed, plan, cal);
		data.users.push(rows.user);
		data.creators.push(rows.creator);
		data.creatorAccounts.push(...rows.accounts);
		data.followerPoints.push(...rows.points);
		data.posts.push(...rows.posts);
		data.postComments.push(...rows.comments);
		const derived = featuresRow(rows, cal.at(0, 23, 59));
		data.creatorFeatures.push(derived.features);
		data.creatorRiskFlags.push(...derived.flags);
		if (rows.anomaly) data.seedAnomalies.push(rows.anomaly);
		roster.push({ plan, row: rows.creator });
	}

	const campaignRows = buildCampaigns(seed, cal, brandIds, roster);
	data.campaigns.push(...campaignRows.campaigns);
	data.campaignTasks.push(...campaignRows.campaigns.flatMap((c) => planTasks(c, cal)));
	data.applications.push(...campaignRows.applications);
	return data;
}

/** Parents before children, so foreign keys hold inside one batch. */
const INSERT_ORDER: [keyof SeedData, Table][] = [
	['users', users],
	['brands', brands],
	['brandMembers', brandMembers],
	['creators', creators],
	['creatorAccounts', creatorAccounts],
	['followerPoints', followerPoints],
	['posts', posts],
	['postComments', postComments],
	['creatorFeatures', creatorFeatures],
	['creatorRiskFlags', creatorRiskFlags],
	['seedAnomalies', seedAnomalies],
	['campaigns', campaigns],
	['campaignTasks', campaignTasks],
	['applications', applications]
];

/** SQL literal for one value; strings are single-quoted with quotes doubled. */
function sqlValue(value: unknown): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`cannot store ${value} in SQL`);
		return String(value);
	}
	if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
	throw new Error(`unexpected ${typeof value} in seed data`);
}

/**
 * Turns the rows into `INSERT OR IGNORE` statements of at most `maxRows` rows each (and
 * under D1's 100 KB statement limit), in foreign-key order. Column names come from the
 * drizzle schema, so a renamed column breaks the type check rather than the seed.
 */
export function seedStatements(data: SeedData, opts: { maxRows?: number; maxBytes?: number } = {}): string[] {
	const maxRows = opts.maxRows ?? 100;
	const maxBytes = opts.maxBytes ?? 90_000;
	const encoder = new TextEncoder();
	const out: string[] = [];
	for (const [key, table] of INSERT_ORDER) {
		const rows = data[key] as Record<string, unknown>[];
		if (rows.length === 0) continue;
		const columns = Object.entries(getTableColumns(table)).map(([prop, col]) => [prop, col.name] as const);
		const head = `INSERT OR IGNORE INTO "${getTableName(table)}" (${columns.map(([, name]) => `"${name}"`).join(', ')}) VALUES\n`;
		const headBytes = encoder.encode(head).length;
		let tuples: string[] = [];
		let bytes = headBytes;
		const flush = () => {
			if (tuples.length) out.push(head + tuples.join(',\n'));
			tuples = [];
			bytes = headBytes;
		};
		for (const row of rows) {
			const tuple = `(${columns.map(([prop]) => sqlValue(row[prop])).join(', ')})`;
			const size = encoder.encode(tuple).length + 2;
			if (tuples.length >= maxRows || (tuples.length > 0 && bytes + size > maxBytes)) flush();
			tuples.push(tuple);
			bytes += size;
		}
		flush();
	}
	return out;
}
