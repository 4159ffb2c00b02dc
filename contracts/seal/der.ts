/**
 * A minimal DER encoder and decoder: enough for X.509 certificates, CMS SignedData and
 * ECDSA-Sig-Value. Pure functions over Uint8Array; no dependency, runs in workerd and Node.
 */
import { fromBase64, toBase64 } from '../../worker/domain/encoding';

export const TAG = {
	BOOLEAN: 0x01,
	INTEGER: 0x02,
	BIT_STRING: 0x03,
	OCTET_STRING: 0x04,
	NULL: 0x05,
	OID: 0x06,
	UTF8_STRING: 0x0c,
	PRINTABLE_STRING: 0x13,
	IA5_STRING: 0x16,
	UTC_TIME: 0x17,
	GENERALIZED_TIME: 0x18,
	SEQUENCE: 0x30,
	SET: 0x31
} as const;

export class DerError extends Error {}

// ---------------------------------------------------------------- encoding

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	let n = 0;
	for (const p of parts) n += p.length;
	const out = new Uint8Array(n);
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}

function lengthBytes(n: number): number[] {
	if (n < 0x80) return [n];
	const bytes: number[] = [];
	for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
	return [0x80 | bytes.length, ...bytes];
}

/** One TLV with the given identifier octet and content. */
export function tlv(tag: number, content: Uint8Array): Uint8Array<ArrayBuffer> {
	const len = lengthBytes(content.length);
	const out = new Uint8Array(1 + len.length + content.length);
	out[0] = tag;
	out.set(len, 1);
	out.set(content, 1 + len.length);
	return out;
}

export const seq = (...items: Uint8Array[]) => tlv(TAG.SEQUENCE, concatBytes(items));

/** DER SET OF: the encodings are sorted as unsigned byte strings (X.690 11.6). */
export function setOf(...items: Uint8Array[]): Uint8Array<ArrayBuffer> {
	const sorted = [...items].sort(compareBytes);
	return tlv(TAG.SET, concatBytes(sorted));
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
	return a.length - b.length;
}

/** Context-specific tag [n]; constructed by default (EXPLICIT, or IMPLICIT over a constructed type). */
export function ctx(n: number, content: Uint8Array, constructed = true): Uint8Array<ArrayBuffer> {
	if (n > 30) throw new DerError('high tag numbers are not supported');
	return tlv(0x80 | (constructed ? 0x20 : 0) | n, content);
}

/** INTEGER from a non-negative number or from big-endian unsigned bytes (minimal, positive). */
export function integer(value: number | Uint8Array): Uint8Array<ArrayBuffer> {
	let bytes: Uint8Array;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value < 0) throw new DerError('integer out of range');
		const b: number[] = [];
		for (let v = value; v > 0; v = Math.floor(v / 256)) b.unshift(v & 0xff);
		bytes = new Uint8Array(b.length ? b : [0]);
	} else {
		let i = 0;
		while (i < value.length - 1 && value[i] === 0) i++;
		bytes = value.length ? value.subarray(i) : new Uint8Array([0]);
	}
	if (bytes[0] & 0x80) bytes = concatBytes([new Uint8Array([0]), bytes]);
	return tlv(TAG.INTEGER, bytes);
}

export const nul = () => new Uint8Array([TAG.NULL, 0]);
export const bool = (v: boolean) => new Uint8Array([TAG.BOOLEAN, 1, v ? 0xff : 0]);
export const octetString = (b: Uint8Array) => tlv(TAG.OCTET_STRING, b);
export const utf8String = (s: string) => tlv(TAG.UTF8_STRING, new TextEncoder().encode(s));
export function printableString(s: string): Uint8Array<ArrayBuffer> {
	if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s)) throw new DerError('not a PrintableString');
	return tlv(TAG.PRINTABLE_STRING, new TextEncoder().encode(s));
}

/** BIT STRING with `unusedBits` trailing padding bits in the last byte. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array<ArrayBuffer> {
	return tlv(TAG.BIT_STRING, concatBytes([new Uint8Array([unusedBits]), bytes]));
}

export function oid(dotted: string): Uint8Array<ArrayBuffer> {
	const parts = dotted.split('.').map(Number);
	if (parts.length < 2 || parts.some((p) => !Number.isSafeInteger(p) || p < 0)) throw new DerError(`bad OID ${dotted}`);
	const out: number[] = [];
	const arcs = [parts[0] * 40 + parts[1], ...parts.slice(2)];
	for (const arc of arcs) {
		const b: number[] = [arc & 0x7f];
		for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) b.unshift(0x80 | (v & 0x7f));
		out.push(...b);
	}
	return tlv(TAG.OID, new Uint8Array(out));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 4.1.2.5); whole seconds, UTC. */
export function time(d: Date): Uint8Array<ArrayBuffer> {
	const y = d.getUTCFullYear();
	const rest = `${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
	if (y >= 1950 && y < 2050) return tlv(TAG.UTC_TIME, new TextEncoder().encode(pad2(y % 100) + rest));
	return tlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(String(y).padStart(4, '0') + rest));
}

// ---------------------------------------------------------------- decoding

export interface Node {
	/** Identifier octet (low-tag-number form only). */
	tag: number;
	constructed: boolean;
	/** Offsets in `buf`: start of the TLV, start of the content, end of the TLV. */
	start: number;
	contentStart: number;
	end: number;
	buf: Uint8Array;
}

/** Parses one TLV at `offset`; throws DerError on truncation, indefinite length or overflow. */
export function parseAt(buf: Uint8Array, offset = 0, limit = buf.length): Node {
	if (offset + 2 > limit) throw new DerError('truncated');
	const tag = buf[offset];
	if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
	let p = offset + 1;
	let len = buf[p++];
	if (len & 0x80) {
		const n = len & 0x7f;
		if (n === 0) throw new DerError('indefinite length');
		if (n > 4) throw new DerError('length too large');
		if (p + n > limit) throw new DerError('truncated');
		len = 0;
		for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
	}
	const end = p + len;
	if (end > limit) throw new DerError('truncated');
	return { tag, constructed: (tag & 0x20) !== 0, start: offset, contentStart: p, end, buf };
}

/** Parses a whole buffer that must hold exactly one TLV. */
export function parse(buf: Uint8Array): Node {
	const n = parseAt(buf, 0);
	if (n.end !== buf.length) throw new DerError('trailing bytes');
	return n;
}

export const content = (n: Node) => n.buf.subarray(n.contentStart, n.end);
export const raw = (n: Node) => n.buf.subarray(n.start, n.end);

export function children(n: Node): Node[] {
	if (!n.constructed) throw new DerError('not constructed');
	const out: Node[] = [];
	for (let p = n.contentStart; p < n.end;) {
		const c = parseAt(n.buf, p, n.end);
		out.push(c);
		p = c.end;
	}
	return out;
}

/** The node, checked to have the expected tag. */
export function expect(n: Node | undefined, tag: number): Node {
	if (!n) throw new DerError(`missing element (tag 0x${tag.toString(16)})`);
	if (n.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}, got 0x${n.tag.toString(16)}`);
	return n;
}

export function readOid(n: Node): string {
	const b = content(expect(n, TAG.OID));
	if (!b.length) throw new DerError('empty OID');
	const arcs: number[] = [];
	let v = 0;
	for (let i = 0; i < b.length; i++) {
		v = v * 128 + (b[i] & 0x7f);
		if (v > Number.MAX_SAFE_INTEGER) throw new DerError('OID arc too large');
		if (!(b[i] & 0x80)) {
			arcs.push(v);
			v = 0;
		} else if (i === b.length - 1) throw new DerError('truncated OID');
	}
	const first = arcs[0] < 80 ? Math.floor(arcs[0] / 40) : 2;
	return [first, arcs[0] - first * 40, ...arcs.slice(1)].join('.');
}

/** INTEGER content as unsigned big-endian bytes (leading zero removed); rejects negatives. */
export function readUnsigned(n: Node): Uint8Array {
	const b = content(expect(n, TAG.INTEGER));
	if (!b.length) throw new DerError('empty INTEGER');
	if (b[0] & 0x80) throw new DerError('negative INTEGER');
	return b[0] === 0 && b.length > 1 ? b.subarray(1) : b;
}

export function readString(n: Node): string {
	return new TextDecoder().decode(content(n));
}

export function readTime(n: Node): Date {
	const s = readString(n);
	const m = n.tag === TAG.UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : n.tag === TAG.GENERALIZED_TIME ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : null;
	if (!m) throw new DerError('bad time');
	let y = Number(m[1]);
	if (n.tag === TAG.UTC_TIME) y += y < 50 ? 2000 : 1900;
	return new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

// ---------------------------------------------------------------- ECDSA-Sig-Value

/** WebCrypto's raw r||s (IEEE P1363) to DER ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(rawSig: Uint8Array): Uint8Array<ArrayBuffer> {
	if (rawSig.length % 2) throw new DerError('odd raw signature length');
	const h = rawSig.length / 2;
	return seq(integer(rawSig.subarray(0, h)), integer(rawSig.subarray(h)));
}

/** DER ECDSA-Sig-Value to raw r||s, each left-padded to `size` bytes (32 for P-256). */
export function ecdsaDerToRaw(der: Uint8Array, size = 32): Uint8Array<ArrayBuffer> {
	const [r, s, extra] = children(expect(parse(der), TAG.SEQUENCE));
	if (extra) throw new DerError('extra element in ECDSA-Sig-Value');
	const out = new Uint8Array(size * 2);
	for (const [i, n] of [r, s].entries()) {
		const v = readUnsigned(n);
		if (v.length > size) throw new DerError('ECDSA integer too large');
		out.set(v, i * size + size - v.length);
	}
	return out;
}

// ---------------------------------------------------------------- PEM

export function toPem(label: string, der: Uint8Array): string {
	const lines = toBase64(der).match(/.{1,64}/g) ?? [];
	return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside the first `label` PEM block; also accepts newlines written as a literal "\\n". */
export function fromPem(label: string, pem: string): Uint8Array<ArrayBuffer> {
	const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem.replaceAll('\\n', '\n'));
	if (!m) throw new DerError(`no ${label} PEM block`);
	return fromBase64(m[1].replace(/\s+/g, ''));
}
