/**
 * A deterministic keyword classifier for sample comments: the label the matching and
 * risk work count (purchase intent, positive, negative, generic, spam) and the cue that
 * decided it, so every label can be explained. Rules are checked in a fixed order:
 * spam, negative, purchase intent, positive, generic (a complaint about the
 * delivery is negative, not a question about it); a comment with no cue, or made of
 * emoji only, is generic.
 */
import { CUES, type CueLabel } from './lexicon';
import { isEmojiOnly, normaliseComment } from './normalise';

export const COMMENT_LABELS = ['purchase_intent', 'positive', 'negative', 'generic', 'spam'] as const;
export type CommentLabel = (typeof COMMENT_LABELS)[number];

export interface CommentClassification {
	label: CommentLabel;
	/** The normalised cue that matched, or `emoji_only` / `url` / `no_cue`. */
	cue: string;
}

const ORDER: CueLabel[] = ['spam', 'negative', 'purchase_intent', 'positive', 'generic'];
const URL = /(https?:\/\/|www\.)\S+/i;

/** Finds the first cue of a list in a normalised, space-padded text. */
function findCue(padded: string, cues: readonly string[]): string | null {
	for (const cue of cues) {
		if (cue.endsWith('*')) {
			if (padded.includes(` ${cue.slice(0, -1)}`)) return cue;
		} else if (padded.includes(` ${cue} `)) {
			return cue;
		}
	}
	return null;
}

/** Labels one comment. Pure and deterministic: the same text always gets the same answer. */
export function classifyComment(text: string): CommentClassification {
	if (isEmojiOnly(text)) return { label: 'generic', cue: 'emoji_only' };
	if (URL.test(text)) return { label: 'spam', cue: 'url' };
	const padded = ` ${normaliseComment(text)} `;
	for (const label of ORDER) {
		const cue = findCue(padded, CUES[label]);
		if (cue) return { label, cue };
	}
	return { label: 'generic', cue: 'no_cue' };
}
