import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from 'vitest';
import { makeP12, openSignSeal } from '../../bench/seal';
import { verifySealedPdf } from '../../contracts/seal';

// The verifier is not tied to our own output: a PDF signed the OpenSign way (@signpdf,
// RSA-2048 P12, adbe.pkcs7.detached) checks out as validly signed but untrusted, and a
// changed byte is caught. This is the baseline the seal bench compares against.
test('an RSA signature made by @signpdf verifies, untrusted; one changed byte → altered', async () => {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	doc.addPage().drawText('Contrat de partenariat', { x: 50, y: 700, size: 14, font });
	const signed = await openSignSeal(await doc.save(), makeP12('pw'), 'pw', new Date('2026-11-26T12:00:00Z'));
	const r = await verifySealedPdf(signed, null);
	expect(r).toMatchObject({ signed: true, intact: true, coversWholeFile: true, signatureValid: true, reason: 'untrusted_certificate' });
	expect(r.signingTime).toBe('2026-11-26T12:00:00.000Z');
	const altered = new Uint8Array(signed);
	altered[200] ^= 1;
	expect((await verifySealedPdf(altered, null)).reason).toBe('altered');
});
