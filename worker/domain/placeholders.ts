/**
 * Placeholders in a campaign's text (issue 14, point 5). Two kinds, told apart by their
 * brackets:
 *
 * - `[…]` in square brackets is for the brand to replace (`[votre offre]`, `[@compte]`).
 *   A campaign is never published, nor an open one saved, while one remains:
 *   `findPlaceholders` names each one and the field it is in.
 * - `{…}` creator tokens stand for what differs per creator (their WhatsApp keyword,
 *   promo code and tracked link). They stay in the published brief, clearly marked, and
 *   each signed creator reads it with their own codes (`fillCreatorTokens`).
 *
 * Tokens are written in the brief's language; any of the three is recognised, so a brand
 * writing in French for Arabic-speaking creators still gets them filled.
 */
import type { Brief } from './campaign-rules';

export type TokenLang = 'fr' | 'ar' | 'en';
export type CreatorToken = 'keyword' | 'promo' | 'link';

/** The creator tokens as written in a brief, per language (braces included). */
export const CREATOR_TOKENS: Record<CreatorToken, Record<TokenLang, string>> = {
	keyword: { fr: '{mot-clé du créateur}', ar: '{كلمة صانع المحتوى المفتاحية}', en: '{creator’s keyword}' },
	promo: { fr: '{code promo du créateur}', ar: '{رمز التخفيض الخاص بصانع المحتوى}', en: '{creator’s promo code}' },
	link: { fr: '{lien suivi du créateur}', ar: '{رابط صانع المحتوى المتتبَّع}', en: '{creator’s tracked link}' }
};

/** A placeholder left in a field: the field's API path and the placeholder as written. */
export interface Placeholder {
	/** `title`, `offer`, `brief.keyMessages.2`, `brief.angle`… */
	path: string;
	/** The whole placeholder, brackets included: `[votre offre, ex. pack à 3 500 DA]`. */
	text: string;
}

/**
 * A bracketed run of 1–120 characters on one line, with no bracket inside. Longer runs or
 * empty brackets are not taken for placeholders (`[]` is not something to fill in).
 */
const BRACKETED = /\[[^[\]\n]{1,120}\]/g;

/** Every `[…]` placeholder of a text, in order of appearance (each occurrence once). */
export function placeholdersIn(text: string): string[] {
	return text.match(BRACKETED) ?? [];
}

/** The text fields of a campaign that creators read. */
export interface CampaignText {
	title: string;
	offer: string;
	brief: Brief;
}

/**
 * Every `[…]` placeholder left in the campaign's title, offer and brief, with the path of
 * the field it is in, in the form's order. Empty when the campaign may be published.
 */
export function findPlaceholders(c: CampaignText): Placeholder[] {
	const fields: [string, string][] = [
		['title', c.title],
		['offer', c.offer],
		...c.brief.keyMessages.map((line, i): [string, string] => [`brief.keyMessages.${i}`, line]),
		...c.brief.dos.map((line, i): [string, string] => [`brief.dos.${i}`, line]),
		...c.brief.donts.map((line, i): [string, string] => [`brief.donts.${i}`, line]),
		['brief.angle', c.brief.angle]
	];
	return fields.flatMap(([path, text]) => placeholdersIn(text).map((p) => ({ path, text: p })));
}

/** What replaces the creator tokens for one creator (a missing value leaves its token as is). */
export type CreatorCodes = Partial<Record<CreatorToken, string>>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each token in every language, apostrophe ' or ’, any letter case. */
const TOKEN_PATTERNS: [CreatorToken, RegExp][] = (Object.keys(CREATOR_TOKENS) as CreatorToken[]).map((token) => {
	const forms = Object.values(CREATOR_TOKENS[token]).map((form) => escape(form).replace(/’/g, "['’]"));
	return [token, new RegExp(forms.join('|'), 'giu')];
});

/** The text with each creator token replaced by that creator's own code. */
export function fillCreatorTokens(text: string, codes: CreatorCodes): string {
	let out = text;
	for (const [token, pattern] of TOKEN_PATTERNS) {
		const value = codes[token];
		if (value) out = out.replace(pattern, () => value);
	}
	return out;
}

/** True when the text holds at least one creator token (in any language). */
export function hasCreatorToken(text: string): boolean {
	return TOKEN_PATTERNS.some(([, pattern]) => {
		pattern.lastIndex = 0;
		return pattern.test(text);
	});
}

/** The brief (and offer) as one signed creator reads it: tokens replaced by their codes. */
export function fillBrief(b: Brief, codes: CreatorCodes): Brief {
	const fill = (s: string) => fillCreatorTokens(s, codes);
	return { keyMessages: b.keyMessages.map(fill), dos: b.dos.map(fill), donts: b.donts.map(fill), angle: fill(b.angle) };
}

/** A piece of text as shown: plain, a creator token (filled per creator), a `[…]` blank (for the brand to replace) or a creator's own code. */
export interface TextSegment {
	text: string;
	kind: 'plain' | 'token' | 'blank' | 'code';
}

/**
 * The text cut into plain runs, creator tokens, `[…]` blanks and, when given, the creator's
 * own codes (as filled in), so a page can mark them and isolate codes in Arabic text.
 */
export function textSegments(text: string, codes: readonly string[] = []): TextSegment[] {
	const tokens = TOKEN_PATTERNS.map(([, p]) => p.source).join('|');
	const literal = codes
		.filter((c) => c !== '')
		.sort((a, b) => b.length - a.length)
		.map(escape);
	const parts = [`(${tokens})`, `(${BRACKETED.source})`, ...(literal.length ? [`(${literal.join('|')})`] : [])];
	const pattern = new RegExp(parts.join('|'), 'giu');
	const out: TextSegment[] = [];
	let last = 0;
	for (const m of text.matchAll(pattern)) {
		if (m[0] === '') continue;
		if (m.index > last) out.push({ text: text.slice(last, m.index), kind: 'plain' });
		out.push({ text: m[0], kind: m[1] !== undefined ? 'token' : m[2] !== undefined ? 'blank' : 'code' });
		last = m.index + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last), kind: 'plain' });
	return out;
}
