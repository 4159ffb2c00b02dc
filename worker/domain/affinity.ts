/**
 * Text affinity between a creator and a campaign, on normalised French / Arabic / Darija /
 * English text, in the SMART "lnc.ltc" scheme (Salton & Buckley 1988; Manning, Raghavan &
 * Schütze, Introduction to Information Retrieval, §6.4.3):
 * - creator side ("document", lnc): 1 + log(tf) per term, no idf, unit length. Computed when
 *   the creator's stats change and stored in creator_features.affinity_terms (top terms);
 * - campaign side ("query", ltc): 1 + log(tf) × idf, unit length, with idf = log(N / df)
 *   counted over the collection (matching: every creator with features, the affinity_df
 *   table; campaignQueryVector counts over a given pool), so a word every creator uses
 *   ("promo", "algerie") weighs little;
 * - affinity = Σ over shared terms of query weight × document weight (a cosine in [0, 1]).
 * Deterministic and offline.
 */
import { normaliseComment } from './comments';
import type { Niche } from './taxonomy';

/** Terms kept per creator (the strongest); enough for bios and a few dozen captions. */
export const AFFINITY_TOP_TERMS = 48;
/** Tokens shorter than this say little (articles, particles). */
const MIN_TOKEN = 3;

/** Function words in French, English, Arabic and Darija that carry no topic. */
const STOPWORDS = new Set(
	(
		'les des une pour avec dans sur par pas plus que qui quoi est sont etre avoir mon ton son mes tes ses nos vos leur leurs ' +
		'cette ces cet tout tous toute toutes aux chez comme mais ou donc car tres bien fait faire vous nous elle ils elles ' +
		'the and for with this that you your our are was from have has not but all what how its out new ' +
		'في من على الى عن مع هذا هذه ذلك التي الذي كل او ثم قد لا ما لم لن هو هي انا انت نحن هم كان يكون عند بعد قبل ' +
		'ta3 ta3i dial wach kayen bach fel f bezaf bzaf rani rahi rana kima hadi hada haka'
	).split(' ')
);

/** Arabic definite article and attached conjunction/preposition stripped from long words. */
function stemArabic(token: string): string {
	let t = token;
	if (t.length > 4 && /^(وال|بال|كال|فال|لل)/.test(t)) t = t.slice(3);
	else if (t.length > 3 && t.startsWith('ال')) t = t.slice(2);
	if (t.length > 4 && /(ات|ين|ون|ها)$/.test(t)) t = t.slice(0, -2);
	return t;
}

/** Plural s/x and a few common French/English endings folded on Latin words. */
function stemLatin(token: string): string {
	let t = token;
	if (t.length > 4 && /(s|x)$/.test(t)) t = t.slice(0, -1);
	if (t.length > 5 && /(ment|ing)$/.test(t)) t = t.replace(/(ment|ing)$/, '');
	if (t.length > 4 && t.endsWith('e')) t = t.slice(0, -1);
	return t;
}

/** Normalised, stemmed topic tokens of a text; numbers and @handles dropped. */
export function affinityTokens(text: string): string[] {
	const out: string[] = [];
	for (const raw of normaliseComment(text).split(' ')) {
		if (raw.length < MIN_TOKEN || raw.startsWith('@') || /^\d+$/.test(raw) || STOPWORDS.has(raw)) continue;
		const token = /[\u0600-\u06ff]/.test(raw) ? stemArabic(raw) : stemLatin(raw);
		if (token.length >= MIN_TOKEN && !STOPWORDS.has(token)) out.push(token);
	}
	return out;
}

/**
 * The words a reader would recognise for each stem: affinityTokens folds "boutiques" and
 * "boutique" into "boutiqu", which is no word. For every word of the texts (lower-cased,
 * accents kept) the stem it gives is mapped back to the form seen most often, ties to the
 * shortest, then the first in alphabetical order, so "maquillag" reads "maquillage".
 */
export function surfaceWords(texts: readonly string[]): Map<string, string> {
	const seen = new Map<string, Map<string, number>>();
	for (const text of texts) {
		for (const word of text.toLowerCase().split(/[^\p{L}\p{M}\p{N}@]+/u)) {
			if (word === '') continue;
			const tokens = affinityTokens(word);
			if (tokens.length !== 1) continue;
			const forms = seen.get(tokens[0]) ?? new Map<string, number>();
			forms.set(word, (forms.get(word) ?? 0) + 1);
			seen.set(tokens[0], forms);
		}
	}
	const out = new Map<string, string>();
	for (const [stem, forms] of seen) {
		const best = [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
		out.set(stem, best[0]);
	}
	return out;
}

/** Stems as readable words (the stem itself when no text showed one), duplicates dropped. */
export function readableWords(stems: readonly string[], surface: ReadonlyMap<string, string>): string[] {
	const out: string[] = [];
	for (const stem of stems) {
		const word = surface.get(stem) ?? stem;
		if (!out.includes(word)) out.push(word);
	}
	return out;
}

function termFrequencies(texts: readonly string[]): Map<string, number> {
	const tf = new Map<string, number>();
	for (const text of texts) for (const token of affinityTokens(text)) tf.set(token, (tf.get(token) ?? 0) + 1);
	return tf;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The creator's lnc vector: 1 + ln(tf), unit length, the top terms kept (ties by term). */
export function creatorTermVector(texts: readonly string[], top = AFFINITY_TOP_TERMS): Record<string, number> {
	return termVectorOfCounts(termFrequencies(texts), top);
}

/** creatorTermVector from term counts already made (the benchmark's seeder counts tokens of repeated texts once). */
export function termVectorOfCounts(counts: ReadonlyMap<string, number>, top = AFFINITY_TOP_TERMS): Record<string, number> {
	const weighted = [...counts].map(([term, n]) => [term, 1 + Math.log(n)] as const);
	weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const kept = weighted.slice(0, top);
	const norm = Math.sqrt(kept.reduce((s, [, w]) => s + w * w, 0));
	const out: Record<string, number> = {};
	if (norm === 0) return out;
	for (const [term, w] of kept) out[term] = round4(w / norm);
	return out;
}

/** The campaign's raw term frequencies (before idf, which depends on the candidates). */
export function campaignTerms(texts: readonly string[]): Map<string, number> {
	return termFrequencies(texts);
}

/**
 * The campaign's ltc vector against a pool of creator vectors: idf = ln(N / df) over the
 * pool, terms no candidate uses dropped (they cannot match anyway), unit length.
 */
export function campaignQueryVector(terms: ReadonlyMap<string, number>, pool: readonly Record<string, number>[]): Map<string, number> {
	const df = new Map<string, number>();
	for (const term of terms.keys()) {
		let n = 0;
		for (const doc of pool) if (doc[term] !== undefined) n += 1;
		df.set(term, n);
	}
	return campaignQueryVectorFromDf(terms, { df, n: pool.length });
}

/**
 * Document frequencies over a collection of creator vectors: matching uses every creator's
 * (the affinity_df table, kept by triggers), so a creator's score does not depend on which
 * others were shortlisted, and the shortlist can be exact (match-bounds.ts).
 */
export interface TermCollection {
	df: ReadonlyMap<string, number>;
	/** Documents in the collection. */
	n: number;
}

/** The campaign's ltc vector with the idf of a collection (campaignQueryVector's rule). */
export function campaignQueryVectorFromDf(terms: ReadonlyMap<string, number>, collection: TermCollection): Map<string, number> {
	const { n } = collection;
	const weights = new Map<string, number>();
	if (n <= 0) return weights;
	for (const [term, tf] of terms) {
		const df = collection.df.get(term) ?? 0;
		if (df <= 0) continue;
		// +1 inside the log keeps a term used by every candidate slightly above zero, so a pool
		// of one still has a direction.
		const idf = Math.log((n + 1) / df);
		weights.set(term, (1 + Math.log(tf)) * idf);
	}
	const norm = Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0));
	if (norm === 0) return new Map();
	for (const [term, w] of weights) weights.set(term, w / norm);
	return weights;
}

const ORDERS = new WeakMap<ReadonlyMap<string, number>, Map<string, number>>();
/** Each query term's place in the query, made once per query. */
function queryOrder(query: ReadonlyMap<string, number>): Map<string, number> {
	let order = ORDERS.get(query);
	if (!order) {
		order = new Map();
		for (const term of query.keys()) order.set(term, order.size);
		ORDERS.set(query, order);
	}
	return order;
}

/** Cosine of a query vector and a creator vector (both unit length), with the shared terms that weigh most. */
export function cosine(query: ReadonlyMap<string, number>, doc: Record<string, number>): { value: number; shared: string[] } {
	// The document's own terms looked up in the query (a Map), not the query's terms in the
	// document: a parsed JSON object answers a missing key slowly (and would answer inherited
	// ones such as "constructor"); matching does this for every candidate it scores.
	const order = queryOrder(query);
	const contributions: [string, number, number][] = [];
	for (const term of Object.keys(doc)) {
		const q = query.get(term);
		if (q === undefined) continue;
		contributions.push([term, q * doc[term], order.get(term)!]);
	}
	// Summed in the query's order, as it always was (a float sum depends on its order).
	contributions.sort((a, b) => a[2] - b[2]);
	let value = 0;
	for (const c of contributions) value += c[1];
	contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	return { value: Math.min(1, Math.max(0, value)), shared: contributions.slice(0, 3).map(([t]) => t) };
}

/**
 * Topic words per niche in French, Arabic and English, added to both sides' text so that a
 * campaign written in French meets captions written in Arabic on the same topic.
 */
export const NICHE_WORDS: Record<Niche, string> = {
	beauty: 'beauté maquillage soins skincare beauty makeup تجميل مكياج بشرة',
	fashion: 'mode tenue look vêtements fashion outfit style موضة ملابس أزياء',
	modest_fashion: 'hijab abaya jilbab modest mode pudique حجاب عباية جلباب محتشمة',
	food: 'cuisine recette food restaurant gâteau recipe طبخ وصفة أكل مطعم',
	tech: 'tech smartphone téléphone accessoires unboxing review phone هاتف تقنية مراجعة',
	gaming: 'gaming jeux vidéo manette console game ألعاب العاب',
	sport: 'sport football foot match running رياضة كرة مباراة',
	fitness_health: 'fitness santé nutrition programme workout health لياقة صحة تغذية تمارين',
	travel: 'voyage tourisme hôtel travel trip سفر سياحة فندق',
	family_parenting: 'famille enfants bébé maman parents family kids عائلة أطفال أم',
	home_decor: 'maison décoration déco intérieur home decor منزل ديكور بيت',
	automotive: 'auto voiture moto garage car سيارة سيارات',
	humour: 'humour drôle sketch comedy funny فكاهة ضحك',
	education: 'éducation cours études apprendre education learn تعليم دراسة دروس',
	lifestyle: 'lifestyle quotidien vlog routine daily حياة يومية روتين'
};

/** The topic words of a niche code ('' for an unknown one). */
export function nicheWords(niche: string): string {
	return (NICHE_WORDS as Record<string, string>)[niche] ?? '';
}
