/**
 * What a text field may contain (issue 9, point 10). Pure: no Hono, no D1.
 *
 * Single-line fields (names, titles, legal names, the typed signer name, brief lines…) are
 * trimmed, then refused when they still contain a character that breaks a line, hides
 * itself or re-orders the text around it:
 *
 * - C0 controls U+0000–U+001F (NUL, TAB, LF, CR…), DEL U+007F and C1 controls
 *   U+0080–U+009F (NEL U+0085 is a line break);
 * - line and paragraph separators U+2028, U+2029;
 * - bidi embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the deprecated
 *   format characters U+206A–U+206F ("Trojan Source": they re-order what follows them);
 * - zero-width space U+200B, word joiner and invisible operators U+2060–U+2064, the BOM
 *   U+FEFF, interlinear annotation U+FFF9–U+FFFB;
 * - lone UTF-16 surrogates (JSON can carry "\ud800"; no UTF-8 encoder can).
 *
 * Deliberately allowed:
 * - ZWNJ U+200C and ZWJ U+200D: ZWNJ is part of correct Persian/Kurdish spelling and of some
 *   Arabic typing, ZWJ of every composed emoji (👩‍🍳) — both common in shop names;
 * - the marks LRM U+200E, RLM U+200F and ALM U+061C: Arabic keyboards insert them so that a
 *   name mixing Arabic with Latin letters or digits ("متجر 3G") reads right. Unlike the
 *   embeddings and overrides they open nothing that could run past the field.
 * Identifiers (handles, RC, NIF, card, promo code, WhatsApp keyword, hashtags) keep their own
 * narrower patterns, which already exclude every format character.
 *
 * Multi-line fields (bios, pitches, messages, notes, offers, the brief's angle) may hold
 * line breaks (LF, CR: browsers post CRLF) and TAB, and the zero-width characters; the
 * other controls, the bidi embeddings/overrides/isolates and lone surrogates are refused.
 */
import * as v from 'valibot';

/** Characters no single-line field may contain (after trimming). */
export const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u200B\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|\p{Cs}/u;

/** Characters no multi-line field may contain: controls other than TAB, LF and CR; bidi embeddings, overrides and isolates; lone surrogates. */
export const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u206F\uFFF9-\uFFFB]|\p{Cs}/u;

/** True when `s` holds no line break, control, bidi control or zero-width character (see the module comment). */
export function isSingleLine(s: string): boolean {
	return !SINGLE_LINE_FORBIDDEN.test(s);
}

/** True when `s` holds no control other than TAB/LF/CR and no bidi embedding, override or isolate. */
export function isCleanMultiLine(s: string): boolean {
	return !MULTI_LINE_FORBIDDEN.test(s);
}

/** Message keys of worker/i18n.ts used here. */
export type TextMessageKey = 'single_line' | 'text_control_chars';

/** valibot action: refuses a string that is not single-line (message key `single_line`). Put it after `v.trim()`. */
export const singleLineCheck = () => v.check<string, 'single_line'>(isSingleLine, 'single_line');

/** valibot action: refuses control and bidi characters in a multi-line string (message key `text_control_chars`). */
export const multiLineCheck = () => v.check<string, 'text_control_chars'>(isCleanMultiLine, 'text_control_chars');

/**
 * Text for an email header (subject, display name): every run of characters a single-line
 * field may not hold becomes one space, then the result is trimmed and cut to `max` code
 * points (never inside a surrogate pair). The result can never break a header line.
 */
export function headerText(s: string, max: number): string {
	const flat = s.replace(new RegExp(`(?:${SINGLE_LINE_FORBIDDEN.source})+`, 'gu'), ' ').trim();
	const points = Array.from(flat);
	return points.length <= max ? flat : points.slice(0, max).join('').trimEnd();
}
