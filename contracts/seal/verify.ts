/**
 * The seal check behind POST /verify (issue 9, point 3), from the raw bytes: nothing is
 * parsed as a PDF and nothing is inflated. A signature dictionary cannot sit in a compressed
 * object stream (its /ByteRange counts bytes of the file as stored), so everything the check
 * needs is readable as uploaded:
 *
 * 1. the envelope: `%PDF-` in the first KiB and `%%EOF` in the last KiB, else `not_a_pdf`
 *    (a file whose seal still reads is judged by its seal even without the `%%EOF`);
 * 2. the last `/ByteRange [0 b c d]`: the hole `[b, c)` must be a `<hex>` string of at most
 *    MAX_CMS_BYTES of DER, inside the file;
 * 3. the CMS SignedData in the hole (our DER parser, bounded by the hole);
 * 4. who signed: the CMS signature over its signed attributes, with the embedded certificate,
 *    and whether that certificate is a trusted one. This does not depend on the document
 *    bytes, so a genuine seal is recognised even on a changed file;
 * 5. what was signed: the ranges cover the whole file and hash to the signed messageDigest.
 *
 * Allocations are bounded by the upload (10 MB at the route) or by MAX_CMS_BYTES; numbers read
 * from the file are checked against its length before anything is sized from them. pdf-lib is
 * not imported here: no path of the verifier can inflate a stream.
 */
import { equalBytes, indexOf, lastIndexOf } from './bytes';
import { parseSignedData } from './cms';
import { concatBytes, parseAt } from './der';
import { readInfoFast } from './info';
import { OID, parseCertificate } from './x509';

export type VerifyReason = 'ok' | 'not_a_pdf' | 'no_signature' | 'malformed' | 'altered' | 'bad_signature' | 'untrusted_certificate';

export interface VerifyResult {
	/** A signature dictionary with a /ByteRange was found. */
	signed: boolean;
	/** The signed ranges hash to the messageDigest the signature carries (and /Contents is as written). */
	intact: boolean;
	/** The byte ranges cover the whole file except the /Contents hex string. */
	coversWholeFile: boolean;
	/** The CMS signature over its signed attributes verifies with the embedded certificate's key. */
	signatureValid: boolean;
	/** The embedded signer certificate is byte-for-byte a trusted one. */
	certificateTrusted: boolean;
	/** CMS signingTime (ISO 8601), when present. */
	signingTime: string | null;
	/**
	 * String entries of the Info dictionary (Title, WaslaAgreementId, …), read only once a
	 * trusted signature verifies over the whole, unchanged file (so they are ours and covered
	 * by it), and only when written in clear, as the sealer writes it; empty otherwise.
	 */
	info: Record<string, string>;
	/**
	 * not_a_pdf: no PDF header, or no end-of-file marker and no readable signature.
	 * no_signature: a PDF without /ByteRange.
	 * malformed: a signature that cannot be read. bad_signature: the CMS signature does not
	 * verify. altered: a valid signature over other bytes (or not over the whole file).
	 * untrusted_certificate: valid and whole, but not by a trusted certificate.
	 */
	reason: VerifyReason;
}

/** The seal certificate(s) to trust; null trusts none (the result then says untrusted_certificate at best). */
export type TrustedCertificates = { certificateDer: Uint8Array } | readonly { certificateDer: Uint8Array }[] | null;

/** Where the header and the end-of-file marker may be (ISO 32000-1 7.5.2 and 7.5.5, with readers' usual 1 KiB tolerance). */
export const PDF_MARKER_WINDOW = 1024;
/**
 * Largest CMS accepted in /Contents, in bytes of DER (the hex string is twice as long). Our
 * seal is ~1.5 KB; signatures with a certificate chain and a timestamp stay well below.
 */
export const MAX_CMS_BYTES = 64 * 1024;

const enc = new TextEncoder();
const HEADER = enc.encode('%PDF-');
const EOF = enc.encode('%%EOF');
const BYTE_RANGE = enc.encode('/ByteRange');

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

function hexValue(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x61 && c <= 0x66) return c - 0x57;
	if (c >= 0x41 && c <= 0x46) return c - 0x37;
	return -1;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** Parses "[a b c d]" at `p` (after optional whitespace); null when it is not four plain integers. */
function parseByteRange(bytes: Uint8Array, p: number): number[] | null {
	const limit = Math.min(bytes.length, p + 200);
	while (p < limit && isSpace(bytes[p])) p++;
	if (bytes[p] !== 0x5b) return null; // [
	p++;
	const nums: number[] = [];
	for (;;) {
		while (p < limit && isSpace(bytes[p])) p++;
		if (p >= limit) return null;
		if (bytes[p] === 0x5d) break; // ]
		let s = '';
		while (p < limit && bytes[p] >= 0x30 && bytes[p] <= 0x39 && s.length <= 16) s += String.fromCharCode(bytes[p++]);
		if (!s || s.length > 16) return null;
		nums.push(Number(s));
		if (nums.length > 4) return null;
	}
	return nums.length === 4 && nums.every(Number.isSafeInteger) ? nums : null;
}

/**
 * Checks the last signature of `bytes`: the CMS signature verifies with the embedded
 * certificate, that certificate is the `trusted` one (or one of them, e.g. current and
 * previous seal keys after a rotation), the ranges cover the whole file but /Contents and
 * hash to the signed messageDigest. Never throws: hostile input gives not_a_pdf, no_signature
 * or malformed.
 */
export async function verifySealedPdf(bytes: Uint8Array, trusted: TrustedCertificates): Promise<VerifyResult> {
	const result: VerifyResult = {
		signed: false,
		intact: false,
		coversWholeFile: false,
		signatureValid: false,
		certificateTrusted: false,
		signingTime: null,
		info: {},
		reason: 'not_a_pdf'
	};
	// Without its end-of-file marker a file is judged only by a signature we can read: a sealed
	// PDF with its last byte changed is altered, a truncated or made-up file is not a PDF.
	let ends = false;
	const unreadable = (reason: 'no_signature' | 'malformed'): VerifyResult => ({ ...result, reason: ends ? reason : 'not_a_pdf' });
	try {
		if (bytes.length < 16 || indexOf(bytes, HEADER, 0, PDF_MARKER_WINDOW) < 0) return result;
		ends = lastIndexOf(bytes, EOF, bytes.length - EOF.length, bytes.length - PDF_MARKER_WINDOW) >= 0;
		const br = lastIndexOf(bytes, BYTE_RANGE);
		if (br < 0) return unreadable('no_signature');
		result.signed = true;
		const range = parseByteRange(bytes, br + BYTE_RANGE.length);
		if (!range) return unreadable('malformed');
		const [a, b, c, d] = range;
		// Structure first: a hole that is a hex string inside the file, then the signed tail.
		if (a !== 0 || b < 1 || c <= b + 1 || c > bytes.length || c + d > bytes.length) return unreadable('malformed');
		if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return unreadable('malformed'); // < … >
		const hexLen = c - b - 2;
		if (hexLen % 2 || hexLen > MAX_CMS_BYTES * 2) return unreadable('malformed');

		// /Contents: lowercase hex of one DER element, then '0' padding. Anything else was changed.
		const der = new Uint8Array(hexLen / 2);
		let canonical = true;
		for (let i = 0; i < der.length; i++) {
			const hi = bytes[b + 1 + 2 * i];
			const lo = bytes[b + 2 + 2 * i];
			const h = hexValue(hi);
			const l = hexValue(lo);
			if (h < 0 || l < 0) return unreadable('malformed');
			if ((hi >= 0x41 && hi <= 0x46) || (lo >= 0x41 && lo <= 0x46)) canonical = false;
			der[i] = (h << 4) | l;
		}
		const top = parseAt(der, 0);
		for (let i = top.end; i < der.length; i++) if (der[i] !== 0) canonical = false;
		const cms = parseSignedData(der.subarray(0, top.end));
		if (cms.digestAlgorithm !== OID.sha256 || !cms.messageDigest) return { ...result, reason: 'bad_signature' };

		// Who signed: the signature over the signed attributes, with the embedded certificate.
		const certDer = cms.certificates.find((der) => {
			try {
				const cert = parseCertificate(der);
				return equalBytes(cert.issuerDer, cms.issuerDer) && equalBytes(cert.serial, cms.serial);
			} catch {
				return false;
			}
		});
		if (!certDer) return unreadable('malformed');
		const cert = parseCertificate(certDer);
		const trustedList = trusted === null ? [] : Array.isArray(trusted) ? trusted : [trusted as { certificateDer: Uint8Array }];
		result.certificateTrusted = trustedList.some((t) => equalBytes(certDer, t.certificateDer));
		result.signatureValid = await verifySignature(cert.spkiDer, cert.publicKeyAlgorithm, cert.namedCurve, cms.signatureAlgorithm, cms.signature, cms.signedAttrsDer);
		result.signingTime = cms.signingTime?.toISOString() ?? null;

		// What was signed: the declared ranges, and whether they are the whole file.
		result.coversWholeFile = c + d === bytes.length;
		const signed = concatBytes([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', signed));
		result.intact = canonical && equalBytes(digest, cms.messageDigest);

		if (!result.signatureValid) return { ...result, reason: 'bad_signature' };
		if (!result.intact || !result.coversWholeFile) return { ...result, reason: 'altered' };
		// Our own seal over the whole file: the Info dictionary is ours too, read only if in clear.
		if (result.certificateTrusted) result.info = readInfoFast(bytes) ?? {};
		return { ...result, reason: result.certificateTrusted ? 'ok' : 'untrusted_certificate' };
	} catch {
		// DerError from the CMS or certificate, or anything else unexpected in hostile input.
		return unreadable('malformed');
	}
}

async function verifySignature(spki: Uint8Array, keyAlg: string, curve: string | null, sigAlg: string, signature: Uint8Array, data: Uint8Array<ArrayBuffer>): Promise<boolean> {
	try {
		const key = new Uint8Array(spki);
		const sig = new Uint8Array(signature);
		if (keyAlg === OID.ecPublicKey && curve === OID.prime256v1 && sigAlg === OID.ecdsaWithSha256) {
			const pub = await crypto.subtle.importKey('spki', key, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
			return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, data);
		}
		// RSA PKCS#1 v1.5 with SHA-256, as @signpdf / OpenSign produce.
		if (keyAlg === RSA_ENCRYPTION && (sigAlg === SHA256_WITH_RSA || sigAlg === RSA_ENCRYPTION)) {
			const pub = await crypto.subtle.importKey('spki', key, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
			return await crypto.subtle.verify('RSASSA-PKCS1-v1_5', pub, sig, data);
		}
		return false;
	} catch {
		return false;
	}
}
