/**
 * Attribution codes and tracked-link slugs (issue 12, point 1). Pure: no D1.
 *
 * A customer reads a code off a phone screen in a story and types it into WhatsApp or says
 * it at the counter: O and 0, I, L and 1 look alike, and case, spaces and hyphens vary. So a
 * code is matched by its key — upper case, letters and digits only, O read as 0 and I and L
 * as 1 — and two codes of one brand may not share a key, ever (a code is never reused, so an
 * old order's code always names the creator it was given to).
 */

/** The matching key of a promo code or keyword: "nour-10", "NOURIO" and "NOUR10" are one code. */
export function codeKey(code: string): string {
	return code
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[^A-Z0-9]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
}

/** The kinds of attribution code: a promo code typed at checkout, a keyword sent on WhatsApp. */
export const CODE_KINDS = ['promo', 'keyword'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/**
 * Characters of a link slug: lower-case letters and digits without the look-alikes (0 o, 1 i
 * l) nor u (read as v), so a slug copied by hand from a screenshot still works.
 */
export const SLUG_ALPHABET = '23456789abcdefghjkmnpqrstvwxyz';
export const SLUG_LENGTH = 8;
export const SLUG_PATTERN = new RegExp(`^[${SLUG_ALPHABET}]{${SLUG_LENGTH}}$`);

/** A random slug (rejection sampling, so every character is equally likely). */
export function newSlug(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (b) => crypto.getRandomValues(b)): string {
	const n = SLUG_ALPHABET.length;
	const limit = 256 - (256 % n);
	let out = '';
	while (out.length < SLUG_LENGTH) {
		for (const byte of random(new Uint8Array(SLUG_LENGTH * 2))) {
			if (byte >= limit) continue;
			out += SLUG_ALPHABET[byte % n];
			if (out.length === SLUG_LENGTH) break;
		}
	}
	return out;
}

/** The codes a signed agreement puts live: its promo code and its WhatsApp keyword. */
export function codesOfTerms(terms: { attribution: { promoCode: string; whatsappKeyword: string } }): { kind: CodeKind; code: string; key: string }[] {
	return [
		{ kind: 'promo', code: terms.attribution.promoCode, key: codeKey(terms.attribution.promoCode) },
		{ kind: 'keyword', code: terms.attribution.whatsappKeyword, key: codeKey(terms.attribution.whatsappKeyword) }
	];
}

/** Bounds of a limited offer announced by a creator (the seed's "offre limitée 24–48 h"). */
export const OFFER_WINDOW_HOURS = { min: 24, max: 48 } as const;
