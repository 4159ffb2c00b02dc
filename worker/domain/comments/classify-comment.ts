/**
 * A deterministic keyword classifier for comments: the label the matching and risk work
 * count (purchase intent, positive, negative, generic, spam) and the cue that decided it,
 * so every label can be explained. Pure and offline (runs inside the Worker).
 *
 * Order: a link is spam; then the word cues of lexicon.ts group by group (spam; negative,
 * where a negated praise word is a complaint — "pas bon", "ma 3ajbatnich", "مش كيما" — and a
 * negated complaint word is not one — "pas cher"; praise of price or delivery when nothing is
 * asked; purchase intent, where a wilaya named with a direction or a question is a delivery
 * question and a shoe or clothing size asked with "?" a size question; acknowledgements
 * such as "ok merci"; positive, including negated complaint words). A complaint about the
 * delivery is negative, not a question about it, and a delivery word said with praise and
 * no question ("livraison rapide, merci") is praise. Then emoji (pointing hands → spam,
 * money with a question mark → purchase intent, 👎 😡 → negative, 😍 ❤️ 👏 → positive);
 * then the generic word cues; a comment with none of these is generic with the cue `no_cue`.
 */
import { ACKNOWLEDGEMENTS, BARE_WORDS, CUE_GROUPS, LOOK_WORDS, EMOJI, NEGATION, REQUEST_WORDS, STEMS, THERE_IS_NO, WHEN_NEGATED, type CueTopic } from './lexicon';
import { isEmojiOnly, matchKey, normaliseComment } from './normalise';
import { AMBIGUOUS_WILAYAS, DIRECTIONS, WILAYA_NAMES } from './places';
import { NICHE_TOPICS, POST_TOPICS } from './topics';

export const COMMENT_LABELS = ['purchase_intent', 'positive', 'negative', 'generic', 'spam'] as const;
export type CommentLabel = (typeof COMMENT_LABELS)[number];

export interface CommentClassification {
	label: CommentLabel;
	/**
	 * What decided: a lexicon cue as written there ("ch7al"), a negation with the word it
	 * negates as they appear in the folded comment ("pas bon", "ma 3ajbatnich"), a wilaya
	 * name as written in places.ts ("Sétif"), a size asked about ("39"), the emoji that
	 * decided ("👎"), `url`, `@mention`, `emoji_only` or `no_cue`.
	 */
	cue: string;
	/** The kind of cue: price, availability, size, delivery, order, praise, complaint, … */
	topic: CueTopic | 'link' | 'emoji' | 'mention' | 'none';
	/** True when the comment has no letters or digits (emoji and punctuation only). */
	emojiOnly: boolean;
}

/** Links and bare domains; a domain-like @handle ("@rania.dz") is a mention, not a link. */
const URL = /(https?:\/\/|www\.)\S+|(?<![@\w.-])[a-z0-9][a-z0-9-]*\.(com|net|org|xyz|io|me|ly|link|shop|store|dz|info|site|online|app|co|fr|tk|biz|club|top)(\/\S*)?\b/i;
const QUESTION = /[?؟❓❔]/;
const ARABIC_CLITICS = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];
const REQUESTS = REQUEST_WORDS.map((w) => ` ${matchKey(w)} `);
const SHOE_OR_CLOTHING_SIZE = /^(3[4-9]|4[0-8])$/;

interface CompiledCue {
	written: string;
	key: string;
	prefix: boolean;
	phrase: boolean;
	/** Position in its group: the earliest matching cue of a group decides. */
	rank: number;
	/** First word of a multi-word cue: the phrase is searched only when that word occurs. */
	head: string;
}

interface CompiledGroup {
	label: CommentLabel;
	topic: CueTopic;
	unlessQuestion: boolean;
	onlyQuestion: boolean;
	yieldsToPraise: boolean;
	/** Whole-word cues by key, looked up per token (fast on long comments). */
	words: Map<string, CompiledCue>;
	/** One-word prefix cues by their first two characters. */
	prefixes: Map<string, CompiledCue[]>;
	/** Multi-word cues by their first word: searched only when that word occurs. */
	phrases: Map<string, CompiledCue[]>;
}

type Cues = Pick<CompiledGroup, 'words' | 'prefixes' | 'phrases'>;

function compile(cues: readonly string[]): Cues {
	const out: Cues = { words: new Map(), prefixes: new Map(), phrases: new Map() };
	const push = (map: Map<string, CompiledCue[]>, at: string, cue: CompiledCue) => map.set(at, [...(map.get(at) ?? []), cue]);
	cues.forEach((raw, rank) => {
		const prefix = raw.endsWith('*');
		const written = prefix ? raw.slice(0, -1) : raw;
		const key = matchKey(written);
		const cue = { written, key, prefix, phrase: key.includes(' '), rank, head: key.split(' ')[0] };
		if (cue.phrase) push(out.phrases, cue.head, cue);
		else if (prefix) push(out.prefixes, key.slice(0, 2), cue);
		else if (!out.words.has(key)) out.words.set(key, cue);
	});
	return out;
}

const COMPILED: CompiledGroup[] = CUE_GROUPS.map((g) => ({
	label: g.label,
	topic: g.topic,
	unlessQuestion: g.unlessQuestion ?? false,
	onlyQuestion: g.onlyQuestion ?? false,
	yieldsToPraise: g.yieldsToPraise ?? false,
	...compile(g.cues)
}));
const GENERIC = COMPILED[COMPILED.length - 1];
const ACK = compile(ACKNOWLEDGEMENTS);
/** Words about the post, the product or a subject (topics.ts): what makes praise specific. */
const TOPICS = compile([...POST_TOPICS, ...Object.values(NICHE_TOPICS).flat()]);
const BARE = new Set(BARE_WORDS.map(matchKey));
const LOOK = compile(LOOK_WORDS);
/** Words of the generic group: reactions and greetings, no subject. */
const REACTION_WORDS = wordSetOf(CUE_GROUPS[CUE_GROUPS.length - 1].cues);
function wordSetOf(cues: readonly string[]): Set<string> {
	const out = new Set<string>();
	for (const raw of cues) for (const w of matchKey(raw.replace(/\*$/, '')).split(' ')) if (w !== '') out.add(w);
	return out;
}
/** Words of every praise cue, phrases split into their words ("trop belle" → "belle"). */
const PRAISE_VOCABULARY = wordSetOf(CUE_GROUPS.filter((g) => g.label === 'positive').flatMap((g) => g.cues));
/** Words a comment must hold, besides praise and bare words, to be about something: two, or one topic word. */
const CONTENT_WORDS_NEEDED = 2;

/** Single words (and prefixes) whose negation flips them: praise and complaint cues plus WHEN_NEGATED. */
interface WordSet {
	words: Set<string>;
	prefixes: string[];
}
function wordSet(lists: readonly (readonly string[])[]): WordSet {
	const out: WordSet = { words: new Set(), prefixes: [] };
	for (const list of lists) {
		for (const raw of list) {
			const prefix = raw.endsWith('*');
			const key = matchKey(prefix ? raw.slice(0, -1) : raw);
			if (key.includes(' ') || key === '') continue;
			if (prefix) out.prefixes.push(key);
			else out.words.add(key);
		}
	}
	return out;
}
const cuesOf = (label: CommentLabel) => CUE_GROUPS.filter((g) => g.label === label && !g.unlessQuestion).map((g) => g.cues);
const PRAISE_WORDS = wordSet([...cuesOf('positive'), WHEN_NEGATED.negative]);
const COMPLAINT_WORDS = wordSet([WHEN_NEGATED.positive]);
const inSet = (set: WordSet, forms: readonly string[]) => forms.some((f) => set.words.has(f) || set.prefixes.some((p) => f.startsWith(p)));

const POSITIVE_STEMS = STEMS.filter((s) => s.polarity === 'positive').map((s) => s.re);

const keys = (list: readonly string[]) => new Set(list.map(matchKey));
const WIDE = keys(NEGATION.wide);
const NT = keys(NEGATION.nt);
const VERB = keys(NEGATION.verb);
const STOP = keys(NEGATION.stop);
const FILLER = keys(NEGATION.filler);
/** A negator reaches the first word after it that is not a filler ("pas très bon"; not "merci" in "pas de retard, merci"). */
const NEGATOR_REACH = 1;

interface Place {
	written: string;
	rest: string[];
	ambiguous: boolean;
}
const AMBIGUOUS = keys(AMBIGUOUS_WILAYAS);
const DIRECTION = keys(DIRECTIONS);
const PLACES = new Map<string, Place[]>();
for (const written of WILAYA_NAMES) {
	const key = matchKey(written);
	const [first, ...rest] = key.split(' ');
	const head = /^ال[\u0600-\u06ff]{2,}$/.test(first) ? first.slice(2) : first;
	const list = PLACES.get(head) ?? [];
	list.push({ written, rest, ambiguous: AMBIGUOUS.has(key) });
	PLACES.set(head, list);
}

/** A token and the same token without an Arabic clitic prefix (و ف ب ل ال …). */
function variants(token: string): string[] {
	const out = [token];
	if (/^[\u0600-\u06ff]/.test(token)) {
		for (const p of ARABIC_CLITICS) if (token.startsWith(p) && token.length - p.length >= 3) out.push(token.slice(p.length));
	}
	return out;
}

interface Doc {
	tokens: string[];
	forms: string[][];
	padded: string;
	/** Character offset in `padded` of each token → its index. */
	starts: Map<number, number>;
	/** A question mark or a request word (svp, please, من فضلك): the comment asks something. */
	question: boolean;
}

function makeDoc(text: string): Doc {
	const key = matchKey(text);
	const tokens = key === '' ? [] : key.split(' ');
	const forms = tokens.map(variants);
	const starts = new Map<number, number>();
	let offset = 1;
	tokens.forEach((t, i) => {
		starts.set(offset, i);
		offset += t.length + 1;
	});
	const padded = ` ${key} `;
	return { tokens, forms, padded, starts, question: QUESTION.test(text) || REQUESTS.some((r) => padded.includes(r)) };
}

/** Whether a multi-word cue occurs starting at a token not in `skip`. */
function phraseOccurs(doc: Doc, cue: CompiledCue, skip: ReadonlySet<number>): boolean {
	const needle = cue.prefix ? ` ${cue.key}` : ` ${cue.key} `;
	for (let at = doc.padded.indexOf(needle); at >= 0; at = doc.padded.indexOf(needle, at + 1)) {
		const index = doc.starts.get(at + 1);
		if (index !== undefined && !skip.has(index)) return true;
	}
	return false;
}

const NONE: ReadonlySet<number> = new Set();

/** The earliest cue of the group (lexicon order) found in the comment outside `skip`, or null. */
function findCue(doc: Doc, group: Cues, skip: ReadonlySet<number> = NONE): CompiledCue | null {
	let best: CompiledCue | null = null;
	for (let i = 0; i < doc.forms.length; i++) {
		if (skip.has(i)) continue;
		for (const form of doc.forms[i]) {
			const word = group.words.get(form);
			if (word && (best === null || word.rank < best.rank)) best = word;
			const prefixes = group.prefixes.get(form.slice(0, 2));
			if (prefixes) for (const cue of prefixes) if ((best === null || cue.rank < best.rank) && form.startsWith(cue.key)) best = cue;
			const phrases = group.phrases.get(form);
			if (phrases) for (const cue of phrases) if ((best === null || cue.rank < best.rank) && phraseOccurs(doc, cue, skip)) best = cue;
		}
	}
	return best;
}

interface Negated {
	/** The negator and the negated word as they appear in the folded comment. */
	cue: string;
	/** What was negated: a whole word (wide negators) or the stem inside "ma…ch" / after "ma". */
	stem: string;
	verbOnly: boolean;
}

/** Per token: how it is negated, or null. */
function negations(tokens: readonly string[]): (Negated | null)[] {
	const negator = tokens.map((t, j) => WIDE.has(t) || (t === 't' && j > 0 && NT.has(tokens[j - 1])) || circumfixStem(tokens, j)?.match(THERE_IS_NO) != null);
	return tokens.map((t, i) => {
		const stem = circumfixStem(tokens, i);
		if (stem !== null) return { cue: tokens[i - 1] === 'ma' || tokens[i - 1] === 'ما' ? `${tokens[i - 1]} ${t}` : t, stem, verbOnly: false };
		if (i > 0 && VERB.has(tokens[i - 1])) return { cue: `${tokens[i - 1]} ${t}`, stem: t, verbOnly: true };
		let counted = 0;
		for (let j = i - 1; j >= 0 && counted < NEGATOR_REACH; j--) {
			const u = tokens[j];
			if (STOP.has(u)) break;
			if (negator[j]) {
				// "didn t like", "ma kayench thi9a": the cue starts at the whole negator
				const start = j > 0 && (tokens[j] === 't' || (VERB.has(tokens[j - 1]) && !WIDE.has(tokens[j]))) ? j - 1 : j;
				return { cue: tokens.slice(start, i + 1).join(' '), stem: t, verbOnly: false };
			}
			if (!FILLER.has(u)) counted++;
		}
		return null;
	});
}

/** The stem inside a Darija circumfix negation: "ma3jebnich" → "3jebni", "ma wsalch" → "wsal", "ما وصلتنيش" → "وصلتني". */
function circumfixStem(tokens: readonly string[], i: number): string | null {
	const t = tokens[i];
	if (/^ma[a-z0-9]{2,}ch$/.test(t)) return t.slice(2, -2);
	if (/^ما[\u0600-\u06ff]{2,}ش$/.test(t)) return t.slice(2, -1);
	const before = i > 0 ? tokens[i - 1] : '';
	if (before === 'ma' && /^[a-z0-9]{2,}ch$/.test(t)) return t.slice(0, -2);
	if (before === 'ما' && /^[\u0600-\u06ff]{2,}ش$/.test(t)) return t.slice(0, -1);
	return null;
}

/** What a negation turns the word into: a complaint, praise, or nothing. */
function negatedPolarity(n: Negated, forms: readonly string[]): 'negative' | 'positive' | null {
	const stems = variants(n.stem);
	for (const s of STEMS) {
		if (stems.some((f) => s.re.test(f))) return s.polarity === 'negative' ? 'positive' : 'negative';
	}
	if (n.verbOnly) return null;
	const words = n.stem === forms[0] ? forms : [...forms, ...stems];
	if (inSet(PRAISE_WORDS, words)) return 'negative';
	if (inSet(COMPLAINT_WORDS, words)) return 'positive';
	return null;
}

/**
 * Whether the comment says something about this post, product or creator (API.md, "Comment
 * labels"): it names a topic (topics.ts: the video, the colour, a product, a recipe …), or
 * it holds at least two words that are neither praise, a reaction nor a bare word
 * (pronoun, intensifier, term of address, blessing). Praise without either could stand
 * under any post: generic.
 */
function aboutThePost(doc: Doc): boolean {
	const bare = new Set<number>();
	doc.forms.forEach((forms, i) => {
		if (forms.some((f) => BARE.has(f))) bare.add(i);
	});
	if (findCue(doc, TOPICS, bare)) return true;
	let content = 0;
	doc.forms.forEach((forms, i) => {
		const t = doc.tokens[i];
		if (bare.has(i) || t.length < 3 || /^\d+$/.test(t) || t.startsWith('@')) return;
		if (forms.some((f) => PRAISE_VOCABULARY.has(f) || REACTION_WORDS.has(f)) || inSet(PRAISE_WORDS, forms) || POSITIVE_STEMS.some((re) => re.test(t))) return;
		content += 1;
	});
	return content >= CONTENT_WORDS_NEEDED;
}

/** A wilaya named with a direction ("l setif", "لسطيف", "to Oran") or in a question. */
function placeCue(doc: Doc): string | null {
	for (let i = 0; i < doc.tokens.length; i++) {
		const t = doc.tokens[i];
		for (const form of doc.forms[i]) {
			const places = PLACES.get(form);
			if (!places) continue;
			const directed = (i > 0 && DIRECTION.has(doc.tokens[i - 1])) || (form !== t && t.startsWith('ل'));
			for (const p of places) {
				if (p.rest.some((w, k) => doc.tokens[i + 1 + k] !== w)) continue;
				if (directed || (doc.question && !p.ambiguous)) return p.written;
			}
		}
	}
	return null;
}

function emojiCue(text: string): { label: CommentLabel; cue: string } | null {
	const has = (list: readonly string[]) => list.find((e) => text.includes(e));
	const spam = has(EMOJI.spam);
	if (spam) return { label: 'spam', cue: spam };
	const commerce = has(EMOJI.commerce);
	const question = has(EMOJI.question);
	if (commerce && question) return { label: 'purchase_intent', cue: `${commerce}${question}` };
	if (commerce) return { label: 'spam', cue: commerce };
	const negative = has(EMOJI.negative);
	if (negative) return { label: 'negative', cue: negative };
	const positive = has(EMOJI.positive);
	if (positive) return { label: 'positive', cue: positive };
	return null;
}

/** Labels one comment. Pure and deterministic: the same text always gets the same answer. */
export function classifyComment(text: string): CommentClassification {
	const emojiOnly = isEmojiOnly(text);
	if (URL.test(text)) return { label: 'spam', cue: 'url', topic: 'link', emojiOnly };
	const doc = makeDoc(text);
	const found = (label: CommentLabel, cue: string, topic: CommentClassification['topic']): CommentClassification => ({ label, cue, topic, emojiOnly });

	// Negation: the first negated praise word is a complaint; negated complaint words are not complaints.
	const negated = negations(doc.tokens);
	let complaint: string | null = null;
	let praise: string | null = null;
	const notComplaints = new Set<number>();
	negated.forEach((n, i) => {
		if (!n) return;
		const polarity = negatedPolarity(n, doc.forms[i]);
		if (polarity === 'negative') complaint ??= n.cue;
		if (polarity === 'positive') {
			praise ??= n.cue;
			notComplaints.add(i);
		}
	});

	/** An inflected "like" verb said without negation ("3ajbatni", "عجبتني"). */
	const liked = () => doc.tokens.find((t, i) => !negated[i] && POSITIVE_STEMS.some((re) => re.test(t)));

	let purchase: CommentClassification | null = null;
	for (const group of COMPILED) {
		if (group === GENERIC) break;
		if ((group.unlessQuestion && doc.question) || (group.onlyQuestion && !doc.question)) continue;
		if (group.label === 'positive' && !group.unlessQuestion) {
			if (purchase) {
				const praised = findCue(doc, group)?.written ?? praise ?? liked();
				return praised ? found('positive', praised, group.topic) : purchase;
			}
			const place = placeCue(doc);
			if (place) return found('purchase_intent', place, 'delivery');
			const size = doc.question
				? normaliseComment(text)
						.split(' ')
						.find((t) => SHOE_OR_CLOTHING_SIZE.test(t))
				: undefined;
			if (size) return found('purchase_intent', size, 'size');
			// "@amina regarde le sérum": a friend shown the product
			const look = doc.tokens.some((t) => t.startsWith('@')) ? findCue(doc, LOOK) : null;
			if (look && aboutThePost(doc)) return found('purchase_intent', look.written, 'order');
			const ack = doc.tokens.length <= 4 ? findCue(doc, ACK) : null;
			if (ack) return found('generic', ack.written, 'reaction');
		}
		const cue = findCue(doc, group, group.label === 'negative' ? notComplaints : NONE);
		if (group.label === 'negative' && !cue && complaint) return found('negative', complaint, 'complaint');
		if (!cue) continue;
		// praise that names nothing of the post could stand under any post
		if (group.label === 'positive' && !group.unlessQuestion && !aboutThePost(doc)) return found('generic', cue.written, 'reaction');
		if (group.label !== 'purchase_intent') return found(group.label, cue.written, group.topic);
		// a delivery or order noun said with praise and no question is praise ("livraison rapide, merci")
		if (group.yieldsToPraise && !doc.question) {
			purchase ??= found(group.label, cue.written, group.topic);
			continue;
		}
		return found(group.label, cue.written, group.topic);
	}
	if (purchase) return purchase;
	if (praise) return found('positive', praise, 'praise');
	const like = liked();
	if (like) return aboutThePost(doc) ? found('positive', like, 'praise') : found('generic', like, 'reaction');
	const emoji = emojiCue(text);
	// approving emoji say something only next to words about the post; alone, however many, they are generic
	if (emoji?.label === 'positive' && (emojiOnly || !aboutThePost(doc))) return emojiOnly ? found('generic', 'emoji_only', 'emoji') : found('generic', emoji.cue, 'emoji');
	if (emoji) return { ...emoji, topic: 'emoji', emojiOnly };
	const cue = findCue(doc, GENERIC);
	if (cue) return found('generic', cue.written, 'reaction');
	if (doc.tokens.some((t) => t.startsWith('@'))) return found('generic', '@mention', 'mention');
	if (emojiOnly) return found('generic', 'emoji_only', 'emoji');
	return found('generic', 'no_cue', 'none');
}
