/**
 * The PDF seal: a standard PDF signature (ISO 32000-1 12.8, SubFilter adbe.pkcs7.detached)
 * made with the platform's ECDSA P-256 key. Any PDF reader or `pdfsig` can check the seal;
 * `verifySealedPdf` (verify.ts, raw bytes only) is the strict checker behind POST /verify.
 * Everything the verifier reads is written in clear here: the file is saved without object
 * streams, so the signature dictionary and the Info dictionary are plain objects.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { indexOf, lastIndexOf } from './bytes';
import { concatBytes } from './der';
import { buildSignedData } from './cms';
import type { Signer } from './x509';

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

// ByteRange placeholder: four numbers wide enough for any file a Worker handles (10 digits).
const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';
const enc = new TextEncoder();

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

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
