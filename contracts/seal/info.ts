/**
 * Reads the string entries of a PDF's Info dictionary without parsing the whole file:
 * the last `/Info n g R` (classic trailer or xref-stream dictionary), then the object
 * `n g obj` written in clear, as the sealer writes it (no object streams). Nothing is
 * inflated: returns null when the Info object cannot be found this way (e.g. inside an
 * object stream), and the verifier then reports no Info (issue 9).
 */

const enc = new TextEncoder();

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number): number {
	outer: for (let i = Math.min(from, hay.length - needle.length); i >= 0; i--) {
		for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

class Reader {
	constructor(
		readonly b: Uint8Array,
		public p: number
	) {}

	skipWhite(): void {
		for (;;) {
			while (this.p < this.b.length && isWhite(this.b[this.p])) this.p++;
			if (this.b[this.p] !== 0x25) return; // % comment
			while (this.p < this.b.length && this.b[this.p] !== 0x0a && this.b[this.p] !== 0x0d) this.p++;
		}
	}

	integer(): number | null {
		this.skipWhite();
		const start = this.p;
		while (this.p < this.b.length && isDigit(this.b[this.p]) && this.p - start < 12) this.p++;
		if (this.p === start) return null;
		let n = 0;
		for (let i = start; i < this.p; i++) n = n * 10 + this.b[i] - 0x30;
		return n;
	}

	name(): string | null {
		this.skipWhite();
		if (this.b[this.p] !== 0x2f) return null;
		this.p++;
		let s = '';
		while (this.p < this.b.length && !isWhite(this.b[this.p]) && !isDelim(this.b[this.p])) {
			const c = this.b[this.p++];
			if (c === 0x23 && this.p + 1 < this.b.length) {
				const v = parseInt(String.fromCharCode(this.b[this.p], this.b[this.p + 1]), 16);
				if (!Number.isNaN(v)) {
					s += String.fromCharCode(v);
					this.p += 2;
					continue;
				}
			}
			s += String.fromCharCode(c);
		}
		return s;
	}

	/** A literal `( … )` string's bytes, with escapes resolved. */
	literal(): Uint8Array {
		const out: number[] = [];
		let depth = 0;
		this.p++; // (
		while (this.p < this.b.length) {
			const c = this.b[this.p++];
			if (c === 0x5c) {
				const e = this.b[this.p++];
				const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
				if (e in simple) out.push(simple[e]);
				else if (e >= 0x30 && e <= 0x37) {
					let v = e - 0x30;
					for (let k = 0; k < 2 && this.b[this.p] >= 0x30 && this.b[this.p] <= 0x37; k++) v = v * 8 + this.b[this.p++] - 0x30;
					out.push(v & 0xff);
				} else if (e === 0x0d) {
					if (this.b[this.p] === 0x0a) this.p++;
				} else if (e !== 0x0a && e !== undefined) out.push(e);
				continue;
			}
			if (c === 0x28) depth++;
			if (c === 0x29 && depth-- === 0) return new Uint8Array(out);
			out.push(c);
		}
		throw new Error('unterminated string');
	}

	/** A hex `< … >` string's bytes. */
	hex(): Uint8Array {
		this.p++; // <
		let digits = '';
		while (this.p < this.b.length && this.b[this.p] !== 0x3e) {
			const c = this.b[this.p++];
			if (!isWhite(c)) digits += String.fromCharCode(c);
		}
		this.p++;
		if (!/^[0-9a-fA-F]*$/.test(digits)) throw new Error('bad hex string');
		if (digits.length % 2) digits += '0';
		const out = new Uint8Array(digits.length / 2);
		for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
		return out;
	}

	/** Reads a value; returns the bytes for strings, undefined for anything else (skipped). */
	value(depth = 0): Uint8Array | undefined {
		if (depth > 32) throw new Error('nesting too deep');
		this.skipWhite();
		const c = this.b[this.p];
		if (c === undefined) throw new Error('truncated');
		if (c === 0x28) return this.literal();
		if (c === 0x3c && this.b[this.p + 1] !== 0x3c) return this.hex();
		if (c === 0x3c) {
			this.dict(depth + 1, () => undefined);
			return undefined;
		}
		if (c === 0x5b) {
			this.p++;
			for (;;) {
				this.skipWhite();
				if (this.b[this.p] === 0x5d) {
					this.p++;
					return undefined;
				}
				if (this.p >= this.b.length) throw new Error('truncated');
				this.value(depth + 1);
			}
		}
		if (c === 0x2f) {
			this.name();
			return undefined;
		}
		// Number, reference (n g R), boolean or null: a run of regular characters.
		const start = this.p;
		while (this.p < this.b.length && !isWhite(this.b[this.p]) && !isDelim(this.b[this.p])) this.p++;
		if (this.p === start) throw new Error('unexpected delimiter');
		const save = this.p;
		const g = this.integer();
		this.skipWhite();
		if (g !== null && this.b[this.p] === 0x52 /* R */) this.p++;
		else this.p = save;
		return undefined;
	}

	dict(depth: number, onEntry: (key: string, value: Uint8Array | undefined) => void): void {
		this.skipWhite();
		if (this.b[this.p] !== 0x3c || this.b[this.p + 1] !== 0x3c) throw new Error('not a dictionary');
		this.p += 2;
		for (;;) {
			this.skipWhite();
			if (this.b[this.p] === 0x3e && this.b[this.p + 1] === 0x3e) {
				this.p += 2;
				return;
			}
			const key = this.name();
			if (key === null) throw new Error('bad dictionary key');
			onEntry(key, this.value(depth));
		}
	}
}

/** PDF text string bytes to a JS string: UTF-16BE or UTF-8 with BOM, else PDFDocEncoding (≈ Latin-1). */
export function decodePdfText(b: Uint8Array): string {
	if (b[0] === 0xfe && b[1] === 0xff) {
		let s = '';
		for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
		return s;
	}
	if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder().decode(b.subarray(3));
	let s = '';
	for (const c of b) s += String.fromCharCode(c);
	return s;
}

export function readInfoFast(bytes: Uint8Array): Record<string, string> | null {
	try {
		const at = lastIndexOf(bytes, enc.encode('/Info'), bytes.length);
		if (at < 0) return null;
		const r = new Reader(bytes, at + 5);
		const num = r.integer();
		const gen = r.integer();
		r.skipWhite();
		if (num === null || gen === null || bytes[r.p] !== 0x52) return null;
		// The last definition of "num gen obj" at the start of a line (or of the file) wins.
		const head = enc.encode(`${num} ${gen} obj`);
		let p = bytes.length;
		for (;;) {
			p = lastIndexOf(bytes, head, p - 1);
			if (p < 0) return null;
			if (p === 0 || isWhite(bytes[p - 1])) break;
		}
		const obj = new Reader(bytes, p + head.length);
		const info: Record<string, string> = {};
		obj.dict(0, (key, value) => {
			if (value) info[key] = decodePdfText(value);
		});
		return info;
	} catch {
		return null;
	}
}
