import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, test } from 'vitest';
import { PDF_INFO_KEYS } from '../../contracts/document';
import { parseAt } from '../../contracts/seal/der';
import { createSelfSignedSigner, loadSigner, MAX_CMS_BYTES, sealPdf, verifySealedPdf, type Signer } from '../../contracts/seal';

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
const fromLatin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

async function agreementPdf(): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	for (let i = 1; i <= 2; i++) doc.addPage().drawText(`Article ${i}. Obligations des parties`, { x: 50, y: 700, size: 12, font });
	doc.setTitle('Contrat de partenariat de contenu');
	const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
	info.set(PDFName.of(PDF_INFO_KEYS.agreementId), PDFString.of('agr_test_1'));
	info.set(PDFName.of(PDF_INFO_KEYS.version), PDFString.of('3'));
	info.set(PDFName.of(PDF_INFO_KEYS.documentSha256), PDFString.of('ab'.repeat(32)));
	return doc.save();
}

/** ByteRange of the last signature, read the plain way. */
function byteRange(pdf: Uint8Array): number[] {
	const m = [...latin1(pdf).matchAll(/\/ByteRange\s*\[(\d+) (\d+) (\d+) (\d+)\]/g)].at(-1)!;
	return m.slice(1, 5).map(Number);
}

const signingTime = new Date('2026-11-26T12:34:56Z');
let signer: Signer;
let other: Signer;
let unsigned: Uint8Array;
let sealed: Uint8Array;

beforeAll(async () => {
	const a = await createSelfSignedSigner({ commonName: 'Wasla test seal', organization: 'Wasla', country: 'DZ' });
	const b = await createSelfSignedSigner({ commonName: 'Someone else' });
	signer = await loadSigner(a.privateKeyPkcs8Pem, a.certificatePem);
	other = await loadSigner(b.privateKeyPkcs8Pem, b.certificatePem);
	unsigned = await agreementPdf();
	sealed = await sealPdf(unsigned, signer, { reason: 'Signed by both parties', name: 'Wasla', location: 'Algiers', signingTime });
});

const verify = (bytes: Uint8Array, trusted: Signer | null = signer) => verifySealedPdf(bytes, trusted);

describe('sealPdf', () => {
	test('the sealed PDF verifies: intact, whole file, valid, trusted, with the signing time', async () => {
		const r = await verify(sealed);
		expect(r).toMatchObject({ signed: true, intact: true, coversWholeFile: true, signatureValid: true, certificateTrusted: true, reason: 'ok' });
		expect(r.signingTime).toBe('2026-11-26T12:34:56.000Z');
	});

	test('the Info dictionary, custom Wasla keys included, survives sealing', async () => {
		const { info } = await verify(sealed);
		expect(info[PDF_INFO_KEYS.agreementId]).toBe('agr_test_1');
		expect(info[PDF_INFO_KEYS.version]).toBe('3');
		expect(info[PDF_INFO_KEYS.documentSha256]).toBe('ab'.repeat(32));
		expect(info.Title).toBe('Contrat de partenariat de contenu');
	});

	test('writes a standard signature field: AcroForm SigFlags 3, /Sig with adbe.pkcs7.detached', async () => {
		const doc = await PDFDocument.load(sealed, { updateMetadata: false });
		const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
		expect(acroForm.lookup(PDFName.of('SigFlags'), PDFNumber).asNumber()).toBe(3);
		const widget = acroForm.lookup(PDFName.of('Fields'), PDFArray).lookup(0, PDFDict);
		expect(widget.get(PDFName.of('FT'))).toBe(PDFName.of('Sig'));
		const sig = widget.lookup(PDFName.of('V'), PDFDict);
		expect(sig.get(PDFName.of('Type'))).toBe(PDFName.of('Sig'));
		expect(sig.get(PDFName.of('Filter'))).toBe(PDFName.of('Adobe.PPKLite'));
		expect(sig.get(PDFName.of('SubFilter'))).toBe(PDFName.of('adbe.pkcs7.detached'));
		expect(sig.lookup(PDFName.of('Reason'), PDFString).decodeText()).toBe('Signed by both parties');
		expect(sig.lookup(PDFName.of('M'), PDFString).decodeDate().toISOString()).toBe(signingTime.toISOString());
		const page1Annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
		expect(page1Annots.size()).toBe(1);
	});

	test('non-ASCII reason and name (French, Arabic) are written as text strings and still verify', async () => {
		const pdf = await sealPdf(unsigned, signer, { reason: 'Accord signé — تم التوقيع', name: 'وصلة', signingTime });
		expect((await verify(pdf)).reason).toBe('ok');
		const doc = await PDFDocument.load(pdf, { updateMetadata: false });
		const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
		const sig = form.lookup(PDFName.of('Fields'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('V'), PDFDict);
		expect(sig.lookup(PDFName.of('Reason'), PDFHexString).decodeText()).toBe('Accord signé — تم التوقيع');
	});
});

describe('verifySealedPdf says what is wrong', () => {
	test('one changed byte inside the signed ranges → altered, the seal itself still recognised as ours', async () => {
		const [, b, c] = byteRange(sealed);
		// the last byte is in the %%EOF marker: the file is judged by its seal all the same
		for (const pos of [Math.floor(b / 2), c + 10, sealed.length - 1]) {
			const copy = sealed.slice();
			copy[pos] ^= 0x01;
			const r = await verify(copy);
			expect(r.reason, `byte ${pos}`).toBe('altered');
			expect(r).toMatchObject({ intact: false, signatureValid: true, certificateTrusted: true, info: {} });
		}
	});

	test('one changed hex digit in the ECDSA signature inside /Contents → bad_signature', async () => {
		const [, b, c] = byteRange(sealed);
		const digits = latin1(sealed.subarray(b + 1, c - 1));
		const der = new Uint8Array(digits.match(/../g)!.map((h) => parseInt(h, 16)));
		const derLen = parseAt(der, 0).end;
		// The DER ends with the ECDSA s value: change a hex digit five bytes before the end.
		const pos = b + 1 + 2 * (derLen - 5);
		const copy = sealed.slice();
		copy[pos] = copy[pos] === 0x37 ? 0x38 : 0x37; // another lowercase hex digit
		const r = await verify(copy);
		expect(r).toMatchObject({ reason: 'bad_signature', intact: true, signatureValid: false });
	});

	test('bytes appended after the signed part → altered, not the whole file', async () => {
		const longer = new Uint8Array([...sealed, ...new TextEncoder().encode('\n% extra\n')]);
		const r = await verify(longer);
		expect(r).toMatchObject({ reason: 'altered', coversWholeFile: false });
	});

	test('/Contents must hold exactly what was written: case change or padding change → altered', async () => {
		const [, b, c] = byteRange(sealed);
		const text = latin1(sealed.subarray(b, c));
		const upper = sealed.slice();
		const letter = text.search(/[a-f]/);
		upper[b + letter] -= 0x20; // 'a' → 'A': same bytes once decoded, but not what was signed
		expect((await verify(upper)).reason).toBe('altered');
		const padded = sealed.slice();
		padded[c - 3] = 0x31; // a padding '0' → '1'
		expect((await verify(padded)).reason).toBe('altered');
	});

	test('another certificate as the trusted one → untrusted_certificate (signature itself valid)', async () => {
		expect(await verify(sealed, other)).toMatchObject({ reason: 'untrusted_certificate', signatureValid: true, certificateTrusted: false });
		expect((await verify(sealed, null)).reason).toBe('untrusted_certificate');
		expect((await verifySealedPdf(sealed, [])).reason).toBe('untrusted_certificate');
		// After a key rotation the previous certificate stays in the trusted list.
		expect((await verifySealedPdf(sealed, [other, signer])).reason).toBe('ok');
	});

	test('a PDF signed by someone else with a valid signature is not trusted', async () => {
		const foreign = await sealPdf(unsigned, other, { reason: 'x', name: 'x', signingTime });
		expect(await verify(foreign)).toMatchObject({ reason: 'untrusted_certificate', intact: true, signatureValid: true });
	});

	test('an unsigned PDF → no_signature; its Info, covered by no signature, is not read', async () => {
		const r = await verify(unsigned);
		expect(r).toMatchObject({ signed: false, reason: 'no_signature', info: {} });
	});

	test('the Info dictionary is read for a trusted seal only', async () => {
		expect((await verify(sealed, other)).info).toEqual({});
		expect((await verify(sealed)).info[PDF_INFO_KEYS.agreementId]).toBe('agr_test_1');
	});

	test('garbage never throws: not a PDF (no header, or no end and no readable seal), or a malformed seal', async () => {
		const random = crypto.getRandomValues(new Uint8Array(4096));
		const absurd = fromLatin1(latin1(sealed).replace(/\/ByteRange \[[^\]]*\]/, '/ByteRange [0 99999999999999999999 1 1]'));
		const [, , c, d] = byteRange(sealed);
		const cases: [Uint8Array, string][] = [
			[new Uint8Array(0), 'not_a_pdf'],
			[random, 'not_a_pdf'],
			[fromLatin1('%PDF-1.7\n/ByteRange [0 10 20'), 'not_a_pdf'],
			[fromLatin1('%PDF-1.7\n/ByteRange [0 10 20\n%%EOF\n'), 'malformed'],
			[fromLatin1('%PDF-1.7\n/ByteRange [0 5 9 1]\n<zz>'), 'not_a_pdf'],
			[fromLatin1('%PDF-1.7\n/ByteRange [0 5 9 1]\n<zz>\n%%EOF\n'), 'malformed'],
			[fromLatin1('%PDF-1.7\ntrailer << >>\n%%EOF\n'), 'no_signature'],
			[sealed.subarray(0, c + Math.floor(d / 2)), 'not_a_pdf'], // truncated after /Contents
			[sealed.subarray(0, Math.floor(sealed.length / 2)), 'not_a_pdf'], // truncated before the seal
			[absurd, 'malformed']
		];
		for (const [input, reason] of cases) {
			const r = await verify(input);
			expect(r.reason, latin1(input.subarray(0, 40))).toBe(reason);
			expect(r.signatureValid).toBe(false);
		}
	});

	test('a /Contents larger than MAX_CMS_BYTES is refused before it is decoded', async () => {
		const sigFor = (hexDigits: number) => {
			const before = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /ByteRange ';
			const width = 40;
			const start = before.length + width + '\n/Contents '.length;
			const end = start + hexDigits + 2;
			const tail = ' >>\nendobj\n%%EOF\n';
			const ranges = `[0 ${start} ${end} ${tail.length}]`.padEnd(width, ' ');
			return fromLatin1(`${before}${ranges}\n/Contents <${'0'.repeat(hexDigits)}>${tail}`);
		};
		// within the limit the hole is decoded (all zeros: not a CMS); beyond it, not even that
		expect((await verify(sigFor(2 * MAX_CMS_BYTES))).reason).toBe('malformed');
		expect((await verify(sigFor(2 * MAX_CMS_BYTES + 2))).reason).toBe('malformed');
	});
});
