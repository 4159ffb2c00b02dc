/** The single-line and multi-line text rules (worker/domain/text.ts), character by character. */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { headerText, isCleanMultiLine, isSingleLine, multiLineCheck, singleLineCheck } from '../../worker/domain/text';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Refused in single-line fields. */
const SINGLE_REFUSED = [
	...range(0x00, 0x1f), // C0, with TAB, LF, CR, NUL
	0x7f,
	...range(0x80, 0x9f), // C1, with NEL
	0x200b, // zero-width space
	0x2028,
	0x2029,
	...range(0x202a, 0x202e), // embeddings and overrides
	...range(0x2060, 0x2064), // word joiner, invisible operators
	...range(0x2066, 0x2069), // isolates
	...range(0x206a, 0x206f), // deprecated format characters
	0xfeff,
	...range(0xfff9, 0xfffb)
];
/** Kept in single-line fields: joiners for Persian spelling and emoji, direction marks for mixed Arabic. */
const SINGLE_ALLOWED = [0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x00a0, 0x202f, 0x00ad, 0xa0, 0x20, 0xfffd];
/** What multi-line fields accept on top of those: line breaks, TAB and the zero-width characters. */
const MULTI_ALLOWED = [0x09, 0x0a, 0x0d, 0x200b, 0x2028, 0x2029, 0x2060, 0xfeff, ...SINGLE_ALLOWED];

describe('isSingleLine', () => {
	for (const cp of SINGLE_REFUSED) {
		it(`refuses ${hex(cp)} inside a name`, () => {
			expect(isSingleLine(`Nour${String.fromCharCode(cp)}Beauty`)).toBe(false);
		});
	}

	it('keeps ZWJ/ZWNJ, LRM/RLM/ALM, no-break spaces and every letter', () => {
		for (const cp of SINGLE_ALLOWED) expect(isSingleLine(`a${String.fromCharCode(cp)}b`), hex(cp)).toBe(true);
		for (const name of ['Boutique Yasmine Cosmétiques', 'إيمان بيوتي', 'Imène Beauty | إيمان', 'Nour 👩‍🍳 Cuisine', 'متجر‏ 3G', 'می‌خواهم', '🏳️‍🌈 🇩🇿', '100 % Dziri']) {
			expect(isSingleLine(name), name).toBe(true);
		}
	});

	it('refuses lone surrogates but not pairs', () => {
		expect(isSingleLine('a\uD800b')).toBe(false);
		expect(isSingleLine('a\uDC00')).toBe(false);
		expect(isSingleLine('a\uD83D\uDE00b')).toBe(true);
	});

	it('refuses the header-injection payload of the issue', () => {
		expect(isSingleLine('Soldes\r\nBcc: x@evil.dz')).toBe(false);
	});
});

describe('isCleanMultiLine', () => {
	it('keeps line breaks, TAB and zero-width characters', () => {
		for (const cp of MULTI_ALLOWED) expect(isCleanMultiLine(`a${String.fromCharCode(cp)}b`), hex(cp)).toBe(true);
		expect(isCleanMultiLine('Bonjour,\r\n\r\nMon audience à Blida…\n- un reel\n- une story')).toBe(true);
	});

	it('refuses other controls, bidi embeddings/overrides/isolates and lone surrogates', () => {
		const refused = [...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), 0x7f, ...range(0x80, 0x9f), ...range(0x202a, 0x202e), ...range(0x2066, 0x206f), ...range(0xfff9, 0xfffb), 0xd800];
		for (const cp of refused) expect(isCleanMultiLine(`a\n${String.fromCharCode(cp)}b`), hex(cp)).toBe(false);
	});
});

describe('valibot actions', () => {
	const Name = v.pipe(v.string(), v.trim(), singleLineCheck(), v.minLength(2, 'name_length'));
	const Body = v.pipe(v.string(), v.trim(), multiLineCheck());

	it('trim first: surrounding line breaks and spaces go, inner ones are refused with single_line', () => {
		expect(v.parse(Name, '\r\n  Nour Beauty \n')).toBe('Nour Beauty');
		const r = v.safeParse(Name, 'Nour\nBeauty');
		expect(r.success).toBe(false);
		expect(r.issues?.[0].message).toBe('single_line');
	});

	it('multi-line: text_control_chars', () => {
		expect(v.parse(Body, 'a\nb')).toBe('a\nb');
		expect(v.safeParse(Body, 'a\u202Eb').issues?.[0].message).toBe('text_control_chars');
	});
});

describe('headerText', () => {
	it('turns each run of forbidden characters into one space and trims', () => {
		expect(headerText('Soldes\r\nBcc: x@evil.dz', 100)).toBe('Soldes Bcc: x@evil.dz');
		expect(headerText('\u202Ea\u0000\u0000b\u2028', 100)).toBe('a b');
		expect(headerText('a  b', 100)).toBe('a  b');
	});

	it('cuts at a code point, never inside a surrogate pair', () => {
		expect(headerText('😀😀😀', 2)).toBe('😀😀');
		expect(headerText('abc def', 4)).toBe('abc');
	});

	it('its output is always single-line', () => {
		let seed = 9;
		const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
		const alphabet = ['a', ' ', '\r', '\n', '\t', '\u0000', '\u0085', '\u2028', '\u202E', '\u2066', '\u200B', '\uFEFF', '\uD800', '\uDC00', 'ب', '😀', ':'];
		for (let i = 0; i < 500; i++) {
			const s = Array.from({ length: Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
			const out = headerText(s, 30);
			expect(isSingleLine(out), JSON.stringify(s)).toBe(true);
			expect(Array.from(out).length).toBeLessThanOrEqual(30);
		}
	});
});
