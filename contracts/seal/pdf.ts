/**
 * The PDF seal: a standard PDF signature (ISO 32000-1 12.8, SubFilter adbe.pkcs7.detached)
 * made with the platform's ECDSA P-256 key, and its verification. Any PDF reader or
 * `pdfsig` can check the seal; `verifySealedPdf` is the strict checker behind POST /verify.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { concatBytes, parseAt } from './der';
import { buildSignedData, parseSignedData } from './cms';
import { readInfoFast } from './info';
import { OID, parseCertificate, type Signer } from './x509';

/** Default SubFilter: the widest support (Acrobat, poppler, every PDF library). */
export const SEAL_SUBFILTER = 'adbe.pkcs7.detached';
export type SealSubFilter = 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached';
export const SEAL_FIELD_NAME = 'Wasla seal';

export interface SealOptions {
	reason: string;
	location?: string;
	name: string;
	contactInfo?: string;
	signingTime: Date;
	/**
	 * 'ETSI.CAdES.detached' makes a PAdES baseline (B-B) signature: same CMS with ESS
	 * signingCertificateV2, but no CMS signingTime attribute (the time is in /M).
	 */
	subFilter?: SealSubFilter;
}

export type VerifyReason = 'ok' | 'no_signature' | 'altered' | 'bad_signature' | 'untrusted_certificate' | 'malformed';

export interface VerifyResult {
	/** A signature dictionary with a /ByteRange was found. */
	signed: boolean;
	/** The signed bytes hash to the messageDigest the signature carries (and /Contents is as written). */
	intact: boolean;
	/** The byte ranges cover the whole file except the /Contents hex string. */
	coversWholeFile: boolean;
	/** The CMS signature verifies with the embedded certificate's public key. */
	signatureValid: boolean;
	/** The embedded certificate is byte-for-byte the trusted one. */
	certificateTrusted: boolean;
	/** CMS signingTime (ISO 8601), when present. */
	signingTime: string | null;
	/** String entries of the Info dictionary (Title, WaslaAgreementId, …). */
	info: Record<string, string>;
	reason: VerifyReason;
}

// ByteRange placeholder: four numbers wide enough for any file a Worker handles (10 digits).
const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';
const enc = new TextEncoder();

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from = hay.length - needle.length): number {
	outer: for (let i = Math.min(from, hay.length - needle.length); i >= 0; i--) {
		for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
	const last = Math.min(to, hay.length) - needle.length;
	outer: for (let i = Math.max(0, from); i <= last; i++) {
		for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

/** PDF text string: literal for printable ASCII, UTF-16BE hex otherwise (accents, Arabic). */
function pdfText(s: string): PDFString | PDFHexString {
	return /^[\x20-\x7e]*$/.test(s) ? PDFString.of(s.replace(/[\\()]/g, (c) => `\\${c}`)) : PDFHexString.fromText(s);
}

/** Bytes the CMS can take: the certificate plus generous room for attributes and signature. */
function contentsSize(signer: Signer): number {
	return signer.certificateDer.length + 1024;
}

/**
 * Seals `pdfBytes`: adds an invisible signature field on page 1, an AcroForm (SigFlags 3)
 * and a signature dictionary, rewrites the file (pdf-lib, no object streams), then signs the
 * /ByteRange with a detached CMS SignedData. The Info dictionary (WaslaAgreementId, …) is kept.
 */
export async function sealPdf(pdfBytes: Uint8Array, signer: Signer, opts: SealOptions): Promise<Uint8Array<ArrayBuffer>> {
	const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false, parseSpeed: Infinity });
	const ctx = doc.context;
	const size = contentsSize(signer);

	// The signature dictionary is written verbatim so its placeholders can be found in the output.
	const sigDict = ctx.obj({
		Type: 'Sig',
		Filter: 'Adobe.PPKLite',
		SubFilter: opts.subFilter ?? SEAL_SUBFILTER,
		M: PDFString.fromDate(opts.signingTime),
		Name: pdfText(opts.name),
		Reason: pdfText(opts.reason),
		...(opts.location ? { Location: pdfText(opts.location) } : {}),
		...(opts.contactInfo ? { ContactInfo: pdfText(opts.contactInfo) } : {}),
		Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Wasla' } }
	});
	const body = sigDict.toString(); // "<<\n/Type /Sig\n…\n>>"
	const sigText = `${body.slice(0, -2)}/ByteRange ${BYTE_RANGE_PLACEHOLDER}\n/Contents <${'0'.repeat(size * 2)}>\n>>`;
	const sigRef = ctx.register(PDFInvalidObject.of(enc.encode(sigText)));

	const page = doc.getPage(0);
	const widget = ctx.obj({
		Type: 'Annot',
		Subtype: 'Widget',
		FT: 'Sig',
		Rect: [0, 0, 0, 0],
		V: sigRef,
		T: PDFString.of(SEAL_FIELD_NAME),
		F: 132, // Print | Locked
		P: page.ref
	});
	const widgetRef = ctx.register(widget);
	const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
	if (annots) annots.push(widgetRef);
	else page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));

	let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
	if (!acroForm) {
		acroForm = ctx.obj({ Fields: [] });
		doc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
	}
	const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
	acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 3)); // SignaturesExist | AppendOnly
	const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
	if (fields) fields.push(widgetRef);
	else acroForm.set(PDFName.of('Fields'), ctx.obj([widgetRef]));

	const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
	const pdf = saved.buffer instanceof ArrayBuffer ? (saved as Uint8Array<ArrayBuffer>) : new Uint8Array(saved);
	const cmsTime = opts.subFilter === 'ETSI.CAdES.detached' ? null : opts.signingTime;
	return signPlaceholder(pdf, signer, cmsTime, size, sigRef);
}

async function signPlaceholder(pdf: Uint8Array<ArrayBuffer>, signer: Signer, signingTime: Date | null, size: number, sigRef: PDFRef) {
	// The signature object is among the last ones written; find it from the end.
	const objStart = lastIndexOf(pdf, enc.encode(`\n${sigRef.objectNumber} 0 obj`));
	const brPos = indexOf(pdf, enc.encode(`/ByteRange ${BYTE_RANGE_PLACEHOLDER}`), objStart);
	const contentsPos = indexOf(pdf, enc.encode('/Contents <'), brPos);
	if (objStart < 0 || brPos < 0 || contentsPos < 0) throw new Error('seal placeholder not found in the saved PDF');
	const start = contentsPos + '/Contents '.length; // at '<'
	const end = start + size * 2 + 2; // after '>'
	const ranges = `[0 ${start} ${end} ${pdf.length - end}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
	pdf.set(enc.encode(ranges), brPos + '/ByteRange '.length);

	const signed = concatBytes([pdf.subarray(0, start), pdf.subarray(end)]);
	const digest = u8(await crypto.subtle.digest('SHA-256', signed));
	const cms = await buildSignedData(digest, signer, signingTime);
	if (cms.length > size) throw new Error(`CMS (${cms.length} bytes) exceeds the /Contents placeholder (${size})`);
	const hex = '0123456789abcdef';
	for (let i = 0, p = start + 1; i < cms.length; i++, p += 2) {
		pdf[p] = hex.charCodeAt(cms[i] >> 4);
		pdf[p + 1] = hex.charCodeAt(cms[i] & 15);
	}
	return pdf;
}

// ---------------------------------------------------------------- verification

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

function hexValue(c: number): number {
	if (c >= 0x30 && c <= 0x39) return c - 0x30;
	if (c >= 0x61 && c <= 0x66) return c - 0x57;
	if (c >= 0x41 && c <= 0x46) return c - 0x37;
	return -1;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
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

async function readInfo(bytes: Uint8Array): Promise<Record<string, string>> {
	const fast = readInfoFast(bytes);
	if (fast) return fast;
	// Info inside an object stream or unusual syntax: parse the whole file (slower).
	const info: Record<string, string> = {};
	try {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, parseSpeed: Infinity, throwOnInvalidObject: false, capNumbers: true });
		const dict = doc.context.lookup(doc.context.trailerInfo.Info);
		if (!(dict instanceof PDFDict)) return info;
		for (const [key, value] of dict.entries()) {
			const v = doc.context.lookup(value);
			if (v instanceof PDFString || v instanceof PDFHexString) info[key.decodeText()] = v.decodeText();
		}
	} catch {
		// Unreadable Info: the seal check stands on its own.
	}
	return info;
}

/** The seal certificate(s) to trust; null trusts none (the result then says untrusted_certificate at best). */
export type TrustedCertificates = { certificateDer: Uint8Array } | readonly { certificateDer: Uint8Array }[] | null;

/**
 * Checks the last signature of `bytes`: ranges cover the whole file but /Contents, the CMS
 * messageDigest matches, the signature verifies with the embedded certificate, and that
 * certificate is the `trusted` one (or one of them, e.g. current and previous seal keys after a
 * rotation). Never throws: garbage gives 'malformed' or 'no_signature'.
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
		reason: 'malformed'
	};
	try {
		if (bytes.length < 16 || indexOf(bytes, enc.encode('%PDF-'), 0, 1024) < 0) return result;
		result.info = await readInfo(bytes);
		const br = lastIndexOf(bytes, enc.encode('/ByteRange'));
		if (br < 0) return { ...result, reason: 'no_signature' };
		result.signed = true;
		const range = parseByteRange(bytes, br + '/ByteRange'.length);
		if (!range) return result;
		const [a, b, c, d] = range;
		// Structure first: a gap that is a hex string, inside the file.
		if (a !== 0 || b < 1 || c <= b + 1 || c > bytes.length || c + d > bytes.length) return result;
		if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return result; // < … >
		if (c + d < bytes.length) return { ...result, reason: 'altered' }; // bytes after the signed part
		result.coversWholeFile = true;

		// /Contents: lowercase hex of one DER element, then '0' padding. Anything else was changed.
		const hexLen = c - b - 2;
		if (hexLen % 2) return result;
		const der = new Uint8Array(hexLen / 2);
		let canonical = true;
		for (let i = 0; i < der.length; i++) {
			const hi = bytes[b + 1 + 2 * i];
			const lo = bytes[b + 2 + 2 * i];
			const h = hexValue(hi);
			const l = hexValue(lo);
			if (h < 0 || l < 0) return result;
			if ((hi >= 0x41 && hi <= 0x46) || (lo >= 0x41 && lo <= 0x46)) canonical = false;
			der[i] = (h << 4) | l;
		}
		const top = parseAt(der, 0);
		for (let i = top.end; i < der.length; i++) if (der[i] !== 0) canonical = false;
		const cms = parseSignedData(der.subarray(0, top.end));
		result.signingTime = cms.signingTime?.toISOString() ?? null;

		const signed = concatBytes([bytes.subarray(0, b), bytes.subarray(c)]);
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', signed));
		if (cms.digestAlgorithm !== OID.sha256 || !cms.messageDigest) return { ...result, reason: 'bad_signature' };
		result.intact = canonical && equalBytes(digest, cms.messageDigest);
		if (!result.intact) return { ...result, reason: 'altered' };

		const certDer = cms.certificates.find((der) => {
			try {
				const cert = parseCertificate(der);
				return equalBytes(cert.issuerDer, cms.issuerDer) && equalBytes(cert.serial, cms.serial);
			} catch {
				return false;
			}
		});
		if (!certDer) return result;
		const cert = parseCertificate(certDer);
		result.signatureValid = await verifySignature(cert.spkiDer, cert.publicKeyAlgorithm, cert.namedCurve, cms.signatureAlgorithm, cms.signature, cms.signedAttrsDer);
		if (!result.signatureValid) return { ...result, reason: 'bad_signature' };
		const trustedList = trusted === null ? [] : Array.isArray(trusted) ? trusted : [trusted as { certificateDer: Uint8Array }];
		result.certificateTrusted = trustedList.some((t) => equalBytes(certDer, t.certificateDer));
		return { ...result, reason: result.certificateTrusted ? 'ok' : 'untrusted_certificate' };
	} catch {
		// DerError from the CMS or certificate, or anything else unexpected in hostile input.
		return { ...result, reason: 'malformed' };
	}
}

async function verifySignature(
	spki: Uint8Array,
	keyAlg: string,
	curve: string | null,
	sigAlg: string,
	signature: Uint8Array,
	data: Uint8Array<ArrayBuffer>
): Promise<boolean> {
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
