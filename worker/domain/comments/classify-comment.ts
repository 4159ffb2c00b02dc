/**
 * A deterministic keyword classifier for comments: the label the matching and risk work
 * count (purchase intent, positive, negative, generic, spam) and the cue that decided it,
 * so every label can be explained. Pure and offline (runs inside the Worker).
 *
 * Order: a link is spam; then the word cues of lexicon.ts group by group (spam, negative,
 * purchase intent, positive — a complaint about the delivery is negative, not a question
 * about it); then emoji (pointing hands → spam, money with a question mark → purchase
 * intent, 👎 😡 → negative, 😍 ❤️ 👏 → positive); then the generic word cues; a comment
 * with none of these is generic with the cue `no_cue`.
 */
import { CUE_GROUPS, EMOJI, type CueTopic } from './lexicon';
import { isEmojiOnly, matchKey } from './normalise';

export const COMMENT_LABELS = ['purchase_intent', 'positive', 'negative', 'generic', 'spam'] as const;
export type CommentLabel = (typeof COMMENT_LABELS)[number];

export interface CommentClassification {
	label: CommentLabel;
	/**
	 * What decided: a lexicon cue as written there ("ch7al"), the emoji that decided
	 * ("👎"), `url`, `@mention`, or `no_cue`.
	 */
	cue: string;
	/** The kind of cue: price, availability, size, delivery, order, praise, complaint, … */
	topic: CueTopic | 'link' | 'emoji' | 'mention' | 'none';
	/** True when the comment has no letters or digits (emoji and punctuation only). */
	emojiOnly: boolean;
}

const URL = /(https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(com|net|org|xyz|io|me|ly|link|shop|store|dz)(\/\S*)?\b/i;
const ARABIC_CLITICS = ['وال', 'بال', 'فال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

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
	/** Whole-word cues by key, looked up per token (fast on long comments). */
	words: Map<string, CompiledCue>;
	/** Prefix cues and multi-word cues, tested one by one. */
	others: CompiledCue[];
}

const COMPILED: CompiledGroup[] = CUE_GROUPS.map((g) => {
	const words = new Map<string, CompiledCue>();
	const others: CompiledCue[] = [];
	g.cues.forEach((raw, rank) => {
		const prefix = raw.endsWith('*');
		const written = prefix ? raw.slice(0, -1) : raw;
		const key = matchKey(written);
		const cue = { written, key, prefix, phrase: key.includes(' '), rank, head: key.split(' ')[0] };
		if (!cue.prefix && !cue.phrase) {
			if (!words.has(key)) words.set(key, cue);
		} else others.push(cue);
	});
	return { label: g.label, topic: g.topic, words, others };
});

/** A token and the same token without an Arabic clitic prefix (و ف ب ل ال …). */
function variants(token: string): string[] {
	const out = [token];
	if (/^[\u0600-\u06ff]/.test(token)) {
		for (const p of ARABIC_CLITICS) if (token.startsWith(p) && token.length - p.length >= 2) out.push(token.slice(p.length));
	}
	return out;
}

function startsAny(forms: ReadonlySet<string>, prefix: string): boolean {
	for (const form of forms) if (form.startsWith(prefix)) return true;
	return false;
}

/** The earliest cue of the group (lexicon order) found in the comment, or null. */
function findCue(padded: string, forms: ReadonlySet<string>, group: CompiledGroup): CompiledCue | null {
	let best: CompiledCue | null = null;
	for (const form of forms) {
		const cue = group.words.get(form);
		if (cue && (!best || cue.rank < best.rank)) best = cue;
	}
	for (const cue of group.others) {
		if (best && cue.rank > best.rank) break;
		const hit = cue.phrase
			? forms.has(cue.head) && padded.includes(cue.prefix ? ` ${cue.key}` : ` ${cue.key} `)
			: startsAny(forms, cue.key);
		if (hit) return cue;
	}
	return best;
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
	const key = matchKey(text);
	const padded = ` ${key} `;
	const tokens = key === '' ? [] : [...new Set(key.split(' '))];
	const forms = new Set(tokens.flatMap(variants));
	const generic = COMPILED[COMPILED.length - 1];
	for (const group of COMPILED) {
		if (group === generic) break;
		const cue = findCue(padded, forms, group);
		if (cue) return { label: group.label, cue: cue.written, topic: group.topic, emojiOnly };
	}
	const emoji = emojiCue(text);
	if (emoji) return { ...emoji, topic: 'emoji', emojiOnly };
	const cue = findCue(padded, forms, generic);
	if (cue) return { label: 'generic', cue: cue.written, topic: 'reaction', emojiOnly };
	if (tokens.some((t) => t.startsWith('@'))) return { label: 'generic', cue: '@mention', topic: 'mention', emojiOnly };
	if (emojiOnly) return { label: 'generic', cue: 'emoji_only', topic: 'emoji', emojiOnly };
	return { label: 'generic', cue: 'no_cue', topic: 'none', emojiOnly };
}
