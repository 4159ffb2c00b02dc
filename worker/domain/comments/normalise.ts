/**
 * Folds a social-media comment so that spelling variants meet (LOCAL.md): lower case,
 * Latin diacritics removed, Arabic letter variants unified (أ إ آ ٱ → ا, ى → ي, ة → ه),
 * Arabic diacritics and tatweel removed, letters repeated 3+ times shortened ("merciii"),
 * punctuation turned into spaces. Digits stay: in Arabizi 3/7/9 are letters (ع/ح/ق).
 */

const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

export function normaliseComment(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(ARABIC_MARKS, '')
		.replace(/[أإآٱ]/g, 'ا')
		.replace(/ى/g, 'ي')
		.replace(/ة/g, 'ه')
		.replace(/ؤ/g, 'و')
		.replace(/ئ/g, 'ي')
		.replace(/(\p{L})\1{2,}/gu, '$1')
		.replace(/[^\p{L}\p{N}@]+/gu, ' ')
		.replace(/@(?![\p{L}\p{N}])/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The key cues are compared on: the normalised text with every doubled letter or digit
 * squeezed ("bezzaf" = "bezaf", "sa77a" = "sa7a", "ههه" = "ه") and Arabizi spellings
 * folded ("sh" = "ch", "5" between letters = "kh"). Cues go through the same function,
 * so a lexicon entry can be written in any of its spellings.
 */
export function matchKey(text: string): string {
	return normaliseComment(text)
		.replace(/([\p{L}\p{N}])\1+/gu, '$1')
		.replace(/sh/g, 'ch')
		.replace(/(?<=\p{L})5|5(?=\p{L})/gu, 'kh');
}

/** True when the text has no letters or digits at all (emoji, punctuation, spaces). */
export function isEmojiOnly(text: string): boolean {
	return text.trim() !== '' && !/[\p{L}\p{N}]/u.test(text);
}
