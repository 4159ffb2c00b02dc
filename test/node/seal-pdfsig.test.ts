import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { beforeAll, expect, test } from 'vitest';
import { PDF_INFO_KEYS } from '../../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { createSelfSignedSigner, loadSigner, sealPdf, verifySealedPdf, type Signer } from '../../contracts/seal';
import { AGREEMENT_DOCUMENTS, CERTIFICATES } from '../fixtures/agreement-documents';

// An outside verifier must accept the seal: poppler's pdfsig checks the CMS signature with
// NSS and says whether the signed ranges cover the whole document. Our self-signed
// certificate is untrusted by pdfsig, which is expected.
const dir = mkdtempSync(path.join(tmpdir(), 'wasla-seal-'));
let sealed: Uint8Array;
let signer: Signer;

function pdfsig(bytes: Uint8Array, name: string): string {
	const file = path.join(dir, name);
	writeFileSync(file, bytes);
	return execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(async () => {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	for (let p = 1; p <= 2; p++) {
		const page = doc.addPage([595, 842]);
		for (let i = 0; i < 40; i++) page.drawText(`Article ${p}.${i + 1} - Le createur publie le contenu convenu dans les delais.`, { x: 56, y: 780 - i * 18, size: 10, font });
	}
	doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of(PDF_INFO_KEYS.agreementId), PDFString.of('agr_pdfsig'));
	const id = await createSelfSignedSigner({ commonName: 'Wasla test seal', organization: 'Wasla', country: 'DZ' });
	signer = await loadSigner(id.privateKeyPkcs8Pem, id.certificatePem);
	sealed = await sealPdf(await doc.save(), signer, {
		reason: 'Accord signé par les deux parties',
		name: 'Wasla',
		location: 'Alger',
		signingTime: new Date('2026-11-26T12:00:00Z')
	});
});

test('pdfsig reports the seal valid and covering the whole document', () => {
	const out = pdfsig(sealed, 'sealed.pdf');
	expect(out).toContain('Signature Field Name: Wasla seal');
	expect(out).toContain('Signer Certificate Common Name: Wasla test seal');
	expect(out).toContain('Signature Type: adbe.pkcs7.detached');
	expect(out).toContain('Signing Hash Algorithm: SHA-256');
	expect(out).toContain('Signature Validation: Signature is Valid.');
	expect(out).toContain('Total document signed');
	expect(out).not.toContain('Not total document signed');
	// The second signed range ends at the last byte of the file.
	const ranges = /Signed Ranges: \[0 - (\d+)\], \[(\d+) - (\d+)\]/.exec(out);
	expect(ranges).not.toBeNull();
	expect(Number(ranges![3])).toBe(sealed.length);
	expect(Number(ranges![2]) - Number(ranges![1])).toBeGreaterThan(1000); // only the /Contents hex is left out
});

test('pdfsig does not report a one-byte-altered copy as valid', () => {
	const altered = sealed.slice();
	altered[Math.floor(sealed.length / 4)] ^= 0x01;
	const out = pdfsig(altered, 'altered.pdf');
	expect(out).toContain('Signature Validation:');
	expect(out).not.toContain('Signature is Valid.');
});

test('pdfsig flags bytes appended after the seal as not covering the whole document', () => {
	const longer = new Uint8Array([...sealed, ...new TextEncoder().encode('\n%%EOF\n')]);
	const out = pdfsig(longer, 'appended.pdf');
	expect(out).toContain('Not total document signed');
});

test('the real agreement (contracts/pdf, Arabic, with its certificate of completion) seals and pdfsig accepts it', async () => {
	const lang = 'ar';
	const pdf = await appendCompletionCertificate(await renderAgreementPdf(AGREEMENT_DOCUMENTS[lang]), CERTIFICATES[lang]);
	const agreement = await sealPdf(pdf, signer, { reason: 'تم التوقيع من الطرفين', name: 'Wasla', signingTime: new Date('2026-11-26T12:00:00Z') });
	const out = pdfsig(agreement, 'agreement-ar.pdf');
	expect(out).toContain('Signature Validation: Signature is Valid.');
	expect(out).toContain('Total document signed');
	const ours = await verifySealedPdf(agreement, signer);
	expect(ours.reason).toBe('ok');
	expect(ours.info[PDF_INFO_KEYS.agreementId]).toBe(AGREEMENT_DOCUMENTS[lang].meta.agreementId);
});

test('the PAdES variant (ETSI.CAdES.detached, no CMS signingTime) is also valid for pdfsig', async () => {
	const doc = await PDFDocument.create();
	const font = await doc.embedFont(StandardFonts.Helvetica);
	doc.addPage().drawText('PAdES baseline', { x: 56, y: 780, size: 12, font });
	const pades = await sealPdf(await doc.save(), signer, { reason: 'Signed', name: 'Wasla', signingTime: new Date('2026-11-26T12:00:00Z'), subFilter: 'ETSI.CAdES.detached' });
	const out = pdfsig(pades, 'pades.pdf');
	expect(out).toContain('Signature Type: ETSI.CAdES.detached');
	expect(out).toContain('Signature Validation: Signature is Valid.');
	expect(out).toContain('Total document signed');
	const ours = await verifySealedPdf(pades, signer);
	expect(ours).toMatchObject({ reason: 'ok', signingTime: null });
});
