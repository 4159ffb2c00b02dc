/**
 * Byte searches over a PDF's raw bytes, shared by the sealer and the verifier. Each call is
 * one linear pass over at most the given window: the needles have no repeated prefix, so a
 * mismatch costs a couple of comparisons per byte whatever the input.
 */

/** First position of `needle` in `hay[from, to)`, or -1. */
export function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
	const last = Math.min(to, hay.length) - needle.length;
	const first = needle[0];
	outer: for (let i = Math.max(0, from); i <= last; i++) {
		if (hay[i] !== first) continue;
		for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

/** Last position of `needle` starting at or before `from` and at or after `floor`, or -1. */
export function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from = hay.length - needle.length, floor = 0): number {
	const first = needle[0];
	outer: for (let i = Math.min(from, hay.length - needle.length); i >= Math.max(0, floor); i--) {
		if (hay[i] !== first) continue;
		for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
