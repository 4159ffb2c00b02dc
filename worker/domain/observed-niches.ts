/**
 * Observed niches (issue 16, point 2): what a creator actually publishes about, read from
 * the captions, their hashtags and the comments that talk about the posts, against the
 * niches they declared. Pure and offline: the vocabularies are comments/topics.ts.
 *
 * Each caption is one piece of evidence; a comment labelled purchase_intent, positive or
 * negative (it is about the post, API.md "Comment labels") counts half a caption, generic
 * and spam comments nothing (they have no subject, or another one). A piece of evidence
 * counts once per niche however many of its words it holds. A niche's share is its
 * evidence over the evidence that names any niche; its confidence is that share scaled by
 * how much evidence there is (full from OBSERVED_FULL_EVIDENCE captions' worth). A niche is
 * observed from OBSERVED_MIN_SHARE of the evidence and OBSERVED_MIN_EVIDENCE pieces; the
 * words that decided are its most frequent words as written in the texts.
 */
import { classifyComment, matchKey, type CommentLabel } from './comments';
import { NICHE_TOPICS } from './comments/topics';
import { NICHES, type Niche } from './taxonomy';

export interface ObservedNiche {
	niche: Niche;
	/** 0–1, two decimals. */
	confidence: number;
	/** The words that decided, most frequent first (at most OBSERVED_WORDS). */
	words: string[];
}

/** A niche below this share of the evidence that names any niche is not observed. */
export const OBSERVED_MIN_SHARE = 0.2;
/** Fewer pieces of evidence (captions, or two comments each) than this say nothing. */
export const OBSERVED_MIN_EVIDENCE = 2;
/** From this many captions' worth of evidence in a niche, confidence is the share itself. */
export const OBSERVED_FULL_EVIDENCE = 6;
/** A comment about the post weighs this much against a caption. */
export const COMMENT_WEIGHT = 0.5;
/** At most this many observed niches, and this many words each. */
export const OBSERVED_MAX = 3;
export const OBSERVED_WORDS = 5;
/** From this confidence an observed niche can stand in for declared ones that disagree. */
export const OBSERVED_TRUSTED = 0.5;

interface Cue {
	niche: Niche;
	prefix: boolean;
}

/** Whole-word and multi-word cues by key; prefix cues by key. */
const WORDS = new Map<string, Cue[]>();
const PHRASES: { key: string; niche: Niche }[] = [];
const PREFIXES: { key: string; niche: Niche }[] = [];
for (const niche of NICHES) {
	for (const raw of NICHE_TOPICS[niche]) {
		const prefix = raw.endsWith('*');
		const key = matchKey(prefix ? raw.slice(0, -1) : raw);
		if (key === '') continue;
		if (key.includes(' ')) PHRASES.push({ key, niche });
		else if (prefix) PREFIXES.push({ key, niche });
		else WORDS.set(key, [...(WORDS.get(key) ?? []), { niche, prefix }]);
	}
}
const ARABIC_CLITICS = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

function forms(token: string): string[] {
	const out = [token];
	if (/^[\u0600-\u06ff]/.test(token)) for (const p of ARABIC_CLITICS) if (token.startsWith(p) && token.length - p.length >= 3) out.push(token.slice(p.length));
	return out;
}

/** Hashtags split into words: "#MakeupTutorial" → "Makeup Tutorial", "#recette_facile" → "recette facile". */
function hashtagWords(text: string): string {
	return text.replace(/#([\p{L}\p{N}_]+)/gu, (_, tag: string) => ` ${tag.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')} `);
}

/** The niche words of one text: niche → the words as written in the text. */
export function nicheWordsIn(text: string): Map<Niche, string[]> {
	const out = new Map<Niche, string[]>();
	const add = (niche: Niche, word: string) => {
		const list = out.get(niche) ?? [];
		if (!list.includes(word)) list.push(word);
		out.set(niche, list);
	};
	const tags = new Set([...text.matchAll(/#([\p{L}\p{N}]+)/gu)].map((m) => matchKey(m[1])));
	const written = hashtagWords(text)
		.toLowerCase()
		.split(/[^\p{L}\p{M}\p{N}]+/u)
		.filter((w) => w !== '');
	const keys = written.map((w) => matchKey(w));
	keys.forEach((key, i) => {
		if (key === '' || key.includes(' ')) return;
		const word = written[i];
		for (const form of forms(key)) {
			for (const cue of WORDS.get(form) ?? []) add(cue.niche, word);
			for (const p of PREFIXES) if (form.startsWith(p.key)) add(p.niche, word);
			// a glued hashtag ("makeuptutorial", "recettefacile") holds a long cue at its start
			if (form.length > 7 && tags.has(form)) for (const [cueKey, cues] of WORDS) if (cueKey.length >= 5 && form !== cueKey && form.startsWith(cueKey)) for (const c of cues) add(c.niche, word);
		}
	});
	if (PHRASES.length > 0) {
		const padded = ` ${keys.join(' ')} `;
		for (const p of PHRASES) if (padded.includes(` ${p.key} `)) add(p.niche, p.key);
	}
	return out;
}

export interface NicheEvidence {
	captions: readonly string[];
	/** Comments with their label (comments/classify-comment.ts); bare texts are labelled here. */
	comments: readonly (string | { text: string; label: CommentLabel })[];
}

/** The creator's observed niches, most confident first (at most OBSERVED_MAX). */
export function observeNiches(input: NicheEvidence): ObservedNiche[] {
	const weight = new Map<Niche, number>();
	const words = new Map<Niche, Map<string, number>>();
	let total = 0;
	const take = (text: string, w: number) => {
		const found = nicheWordsIn(text);
		if (found.size === 0) return;
		total += w;
		for (const [niche, list] of found) {
			weight.set(niche, (weight.get(niche) ?? 0) + w);
			const counts = words.get(niche) ?? new Map<string, number>();
			for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
			words.set(niche, counts);
		}
	};
	for (const caption of input.captions) take(caption, 1);
	for (const comment of input.comments) {
		const { text, label } = typeof comment === 'string' ? { text: comment, label: classifyComment(comment).label } : comment;
		if (label === 'purchase_intent' || label === 'positive' || label === 'negative') take(text, COMMENT_WEIGHT);
	}
	if (total === 0) return [];
	const out: ObservedNiche[] = [];
	for (const niche of NICHES) {
		const w = weight.get(niche) ?? 0;
		const share = w / total;
		if (w < OBSERVED_MIN_EVIDENCE || share < OBSERVED_MIN_SHARE) continue;
		const confidence = Math.round(share * Math.min(1, w / OBSERVED_FULL_EVIDENCE) * 100) / 100;
		const ranked = [...(words.get(niche) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		out.push({ niche, confidence, words: ranked.slice(0, OBSERVED_WORDS).map(([word]) => word) });
	}
	return out.sort((a, b) => b.confidence - a.confidence || NICHES.indexOf(a.niche) - NICHES.indexOf(b.niche)).slice(0, OBSERVED_MAX);
}

export interface NicheComparison {
	/** Declared and observed. */
	confirmed: Niche[];
	/** Declared, not observed in the content. */
	declaredOnly: Niche[];
	/** Observed, not declared. */
	observedOnly: Niche[];
	/**
	 * True when the content is clear (an observed niche at OBSERVED_TRUSTED or more) and
	 * none of the declared niches is observed: the declared niches say one thing, the
	 * posts another.
	 */
	mismatch: boolean;
}

export function compareNiches(declared: readonly string[], observed: readonly ObservedNiche[]): NicheComparison {
	const known = declared.filter((n): n is Niche => (NICHES as readonly string[]).includes(n));
	const seen = observed.map((o) => o.niche);
	const confirmed = known.filter((n) => seen.includes(n));
	return {
		confirmed,
		declaredOnly: known.filter((n) => !seen.includes(n)),
		observedOnly: seen.filter((n) => !known.includes(n)),
		mismatch: confirmed.length === 0 && observed.some((o) => o.confidence >= OBSERVED_TRUSTED)
	};
}

/**
 * The niches matching's affinity reads: the declared ones, unless they disagree with the
 * content (compareNiches().mismatch), then the trusted observed ones.
 */
export function effectiveNiches(declared: readonly string[], observed: readonly ObservedNiche[]): string[] {
	if (!compareNiches(declared, observed).mismatch) return [...declared];
	return observed.filter((o) => o.confidence >= OBSERVED_TRUSTED).map((o) => o.niche);
}

/** Stored observed niches (creator_features.observed_niches) read back, invalid entries dropped. */
export function parseObservedNiches(raw: unknown): ObservedNiche[] {
	if (!Array.isArray(raw)) return [];
	const out: ObservedNiche[] = [];
	for (const o of raw) {
		if (!o || typeof o !== 'object') continue;
		const { niche, confidence, words } = o as Record<string, unknown>;
		if (typeof niche !== 'string' || !(NICHES as readonly string[]).includes(niche) || typeof confidence !== 'number' || !Number.isFinite(confidence)) continue;
		out.push({ niche: niche as Niche, confidence, words: Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string').slice(0, OBSERVED_WORDS) : [] });
	}
	return out;
}
