import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { expect, test } from 'vitest';
import { decodePdfText, readInfoFast } from '../../contracts/seal/info';
import { verifySealedPdf } from '../../contracts/seal';

const pdf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

test('reads literal strings with escapes, hex UTF-16 strings, and skips other values', () => {
	const file = pdf(
		'%PDF-1.7\n13 0 obj\n<< /Title (not this one) >>\nendobj\n' +
			'3 0 obj\n<< /Title (Contrat \\(v2\\) \\\\ \\351t\\351\\\nsuite) /Kids [1 0 R [2 (x)] << /A (nested) >>] /Count 3 /Flag true\n' +
			'/WaslaAgreementId <FEFF0627064406390642062F> /Ref 7 0 R /N#61me (hash-escaped key) % a comment\n>>\nendobj\n' +
			'trailer\n<< /Size 14 /Info 3 0 R /Root 1 0 R >>\n%%EOF\n'
	);
	expect(readInfoFast(file)).toEqual({ Title: 'Contrat (v2) \\ étésuite', WaslaAgreementId: 'العقد', Name: 'hash-escaped key' });
});

test('decodes UTF-16BE, UTF-8 with BOM and PDFDocEncoding', () => {
	expect(decodePdfText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x06, 0x27]))).toBe('Aا');
	expect(decodePdfText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa9]))).toBe('é');
	expect(decodePdfText(new Uint8Array([0x41, 0xe9]))).toBe('Aé');
});

test('returns null rather than guessing on broken or missing Info', () => {
	expect(readInfoFast(pdf('%PDF-1.7\ntrailer << /Root 1 0 R >>'))).toBeNull();
	expect(readInfoFast(pdf('%PDF-1.7\ntrailer << /Info 3 0 R >>'))).toBeNull(); // no object 3
	expect(readInfoFast(pdf('%PDF-1.7\n3 0 obj << /Title (unterminated'))).toBeNull();
	expect(readInfoFast(pdf('%PDF-1.7\n3 0 obj << /Title <zz> >> trailer << /Info 3 0 R >>'))).toBeNull();
});

test('an Info dictionary inside an object stream is not read: nothing is inflated (issue 9)', async () => {
	const doc = await PDFDocument.create();
	doc.addPage();
	const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
	info.set(PDFName.of('WaslaAgreementId'), PDFString.of('agr_objstm'));
	info.set(PDFName.of('WaslaVersion'), PDFHexString.fromText('٢'));
	const bytes = await doc.save({ useObjectStreams: true });
	expect(readInfoFast(bytes)).toBeNull();
	const r = await verifySealedPdf(bytes, null);
	expect(r).toMatchObject({ reason: 'no_signature', info: {} });
});
