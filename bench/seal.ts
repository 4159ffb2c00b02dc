// Seal bench (issue 5, point 9): CPU time to render and seal a typical agreement with our
// sealPdf (ECDSA P-256, WebCrypto), next to the same PDF signed the way OpenSign does it
// (@signpdf/placeholder-pdf-lib + @signpdf/signpdf + P12Signer with an RSA-2048 P12), in
// the same run. CPU = process.cpuUsage() user + system (all threads, so WebCrypto work on
// the libuv pool counts), per iteration, after a warm-up. Run: npx tsx bench/seal.ts
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDict, PDFDocument, PDFName, PDFString, rgb } from 'pdf-lib';
import { PDF_INFO_KEYS } from '../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../contracts/pdf';
import { AGREEMENT_DOCUMENTS, CERTIFICATES } from '../test/fixtures/agreement-documents';
import { createSelfSignedSigner, loadSigner, sealPdf, verifySealedPdf, type Signer } from '../contracts/seal';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CAIRO = path.join(root, 'node_modules/@expo-google-fonts/cairo/400Regular/Cairo_400Regular.ttf');

const LOREM =
	"Le créateur s'engage à publier le contenu convenu dans les délais fixés par la présente convention, " +
	'à respecter la charte de la marque et à mentionner clairement le partenariat commercial. La marque ' +
	'verse la rémunération convenue selon le calendrier prévu : un acompte à la signature et le solde à ' +
	"l'approbation du contenu. Tout litige est d'abord soumis à une médiation amiable sur la plateforme.";

/** The real pipeline: contracts/pdf renders the French fixture agreement and appends the certificate of completion. */
let serial = 0;

/**
 * The fixture agreement made distinct at every call (its id, hash, party names and a
 * reference number in the first clause change), as consecutive agreements of different
 * creators are: shaped runs the renderer caches across renders only help with the words
 * agreements share, never with a document rendered before.
 */
export async function renderFixtureAgreement(lang: 'fr' | 'ar' | 'en' = 'fr'): Promise<Uint8Array> {
	serial += 1;
	const base = AGREEMENT_DOCUMENTS[lang];
	const tag = `${serial * 7919}`;
	const doc = {
		...base,
		meta: { ...base.meta, agreementId: `${base.meta.agreementId}-${tag}`, documentSha256: `${tag}${base.meta.documentSha256}`.slice(0, 64) },
		parties: base.parties.map((p) => ({ ...p, lines: p.lines.map((l, i) => (i === 0 ? `${l} ${tag}` : l)) })),
		clauses: base.clauses.map((c, i) => (i === 0 ? { ...c, paragraphs: [`${c.paragraphs[0]} (${tag})`, ...c.paragraphs.slice(1)] } : c))
	};
	const cert = { ...CERTIFICATES[lang], meta: doc.meta, signers: CERTIFICATES[lang].signers.map((s) => ({ ...s, name: `${s.name} ${tag}` })) };
	return appendCompletionCertificate(await renderAgreementPdf(doc), cert);
}

/**
 * A stand-in agreement independent of contracts/pdf: ~4 A4 pages of wrapped text in an
 * embedded (subset) Cairo TTF, with the Wasla Info keys (`--own-document`).
 */
export async function renderTypicalAgreement(fontBytes: Uint8Array = readFileSync(CAIRO)): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const font = await doc.embedFont(fontBytes, { subset: true });
	doc.setTitle('Contrat de partenariat de contenu');
	const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
	info.set(PDFName.of(PDF_INFO_KEYS.agreementId), PDFString.of('agr_01JBENCH0000000000000000'));
	info.set(PDFName.of(PDF_INFO_KEYS.version), PDFString.of('1'));
	info.set(PDFName.of(PDF_INFO_KEYS.documentSha256), PDFString.of('0'.repeat(64)));
	const size = 10.5;
	const width = 595 - 2 * 56;
	const words = LOREM.split(' ');
	// Measure each word once (fontkit layout is the costly part), as a real renderer would.
	const widths = new Map(words.map((w) => [w, font.widthOfTextAtSize(w, size)]));
	const space = font.widthOfTextAtSize(' ', size);
	for (let p = 0; p < 4; p++) {
		const page = doc.addPage([595, 842]);
		let y = 842 - 72;
		page.drawText(`Article ${p + 1}. Obligations des parties`, { x: 56, y, size: 13, font, color: rgb(0.1, 0.1, 0.3) });
		y -= 24;
		let line = '';
		let lineWidth = 0;
		for (let i = 0; y > 80; i++) {
			const w = words[i % words.length];
			const ww = widths.get(w)!;
			if (line && lineWidth + space + ww > width) {
				page.drawText(line, { x: 56, y, size, font });
				y -= size * 1.5;
				line = w;
				lineWidth = ww;
			} else {
				lineWidth += (line ? space : 0) + ww;
				line = line ? `${line} ${w}` : w;
			}
		}
		page.drawText(`Page ${p + 1} / 4`, { x: 56, y: 40, size: 8, font });
	}
	return doc.save();
}

/** An RSA-2048 key and self-signed certificate in a P12, as OpenSign configures its signer. */
export function makeP12(password: string): Buffer {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
	const cert = forge.pki.createCertificate();
	cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
	cert.serialNumber = '01';
	cert.validity.notBefore = new Date();
	cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
	const attrs = [{ name: 'commonName', value: 'OpenSign-style bench signer' }];
	cert.setSubject(attrs);
	cert.setIssuer(attrs);
	cert.sign(key, forge.md.sha256.create());
	const asn1 = forge.pkcs12.toPkcs12Asn1(key, cert, password);
	return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** OpenSign's way: load, add the @signpdf placeholder, save, sign with a P12Signer. */
export async function openSignSeal(pdf: Uint8Array, p12: Buffer, password: string, signingTime: Date): Promise<Buffer> {
	const doc = await PDFDocument.load(pdf);
	pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Agreement signed by both parties', contactInfo: 'support@wasla.dz', name: 'Wasla', location: 'Algiers', signingTime });
	const withPlaceholder = Buffer.from(await doc.save());
	return new SignPdf().sign(withPlaceholder, new P12Signer(p12, { passphrase: password }), signingTime);
}

function cpuMs(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
}

type Stats = { median: number; p95: number };

function stats(samples: number[]): Stats {
	const sorted = [...samples].sort((a, b) => a - b);
	const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
	return { median: pick(50), p95: pick(95) };
}

/**
 * Runs the named tasks interleaved (round-robin, rotating the order every round) so JIT
 * warm-up, GC and machine noise fall on all of them alike; CPU ms per call.
 */
async function measureInterleaved<K extends string>(tasks: Record<K, () => Promise<unknown>>, n: number, warmup: number): Promise<Record<K, Stats>> {
	const names = Object.keys(tasks) as K[];
	const samples = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
	for (let round = 0; round < warmup + n; round++) {
		const order = names.map((_, i) => names[(i + round) % names.length]);
		for (const k of order) {
			const t0 = cpuMs();
			await tasks[k]();
			if (round >= warmup) samples[k].push(cpuMs() - t0);
		}
	}
	return Object.fromEntries(names.map((k) => [k, stats(samples[k])])) as Record<K, Stats>;
}

export interface SealBenchResult {
	pdfBytes: number;
	n: number;
	render: Stats;
	ours: Stats;
	baseline: Stats;
	sealOnly: { ours: Stats; baseline: Stats };
	/** verifySealedPdf on our sealed output (the POST /verify check without D1). */
	verify: Stats;
	/** Render + seal, median CPU: ours / baseline. Target ≤ 0.5. */
	ratio: number;
	/** Seal step alone, median CPU: ours / baseline. */
	sealOnlyRatio: number;
	/** Our render + seal against the OpenSign signing step alone (OpenSign renders in the browser). */
	oursVsBaselineSignOnly: number;
}

export interface SealBenchOptions {
	n?: number;
	warmup?: number;
	log?: boolean;
	/** The agreement renderer to time; defaults to renderFixtureAgreement('fr') (contracts/pdf + certificate of completion). */
	render?: () => Promise<Uint8Array>;
	/** Label for the render row. */
	renderLabel?: string;
}

export async function runSealBench({ n = 30, warmup = 5, log = true, render: renderFn, renderLabel }: SealBenchOptions = {}): Promise<SealBenchResult> {
	const renderDoc = renderFn ?? (() => renderFixtureAgreement('fr'));
	const identity = await createSelfSignedSigner({ commonName: 'Wasla bench seal', organization: 'Wasla', country: 'DZ' });
	const signer: Signer = await loadSigner(identity.privateKeyPkcs8Pem, identity.certificatePem);
	const password = 'bench';
	const p12 = makeP12(password);
	const signingTime = new Date();
	const opts = { reason: 'Agreement signed by both parties', name: 'Wasla', location: 'Algiers', contactInfo: 'support@wasla.dz', signingTime };

	// Sanity: both outputs are signed PDFs our verifier accepts (the baseline is RSA).
	const pdf = await renderDoc();
	const ourPdf = await sealPdf(pdf, signer, opts);
	const basePdf = await openSignSeal(pdf, p12, password, signingTime);
	for (const [label, bytes] of [
		['ours', ourPdf],
		['baseline', basePdf]
	] as const) {
		const r = await verifySealedPdf(bytes, null);
		if (!r.signatureValid || !r.intact) throw new Error(`${label} seal does not verify: ${r.reason}`);
	}

	const m = await measureInterleaved(
		{
			render: renderDoc,
			sealOurs: () => sealPdf(pdf, signer, opts),
			sealBase: () => openSignSeal(pdf, p12, password, signingTime),
			ours: async () => sealPdf(await renderDoc(), signer, opts),
			baseline: async () => openSignSeal(await renderDoc(), p12, password, signingTime),
			verify: () => verifySealedPdf(ourPdf, signer)
		},
		n,
		warmup
	);
	const { render, sealOurs, sealBase, ours, baseline, verify } = m;
	const result: SealBenchResult = {
		pdfBytes: pdf.length,
		n,
		render,
		ours,
		baseline,
		sealOnly: { ours: sealOurs, baseline: sealBase },
		verify,
		ratio: ours.median / baseline.median,
		sealOnlyRatio: sealOurs.median / sealBase.median,
		oursVsBaselineSignOnly: ours.median / sealBase.median
	};
	if (log) {
		const f = (x: number) => x.toFixed(1).padStart(8);
		const what = renderLabel ?? 'contracts/pdf fixture agreement (fr) + certificate of completion';
		console.log(`\nSeal bench: ${what}, ${(pdf.length / 1024).toFixed(0)} KiB before sealing; CPU ms, n=${n} after ${warmup} warm-up`);
		console.log('                                                 median      p95');
		console.log(`render only                                      ${f(render.median)} ${f(render.p95)}`);
		console.log(`seal only: Wasla sealPdf (ECDSA P-256, WebCrypto) ${f(sealOurs.median)} ${f(sealOurs.p95)}`);
		console.log(`seal only: OpenSign way (@signpdf, P12 RSA-2048)  ${f(sealBase.median)} ${f(sealBase.p95)}`);
		console.log(`render + seal: Wasla                             ${f(ours.median)} ${f(ours.p95)}`);
		console.log(`render + seal: OpenSign way                      ${f(baseline.median)} ${f(baseline.p95)}`);
		console.log(`verifySealedPdf (ours, trusted cert)              ${f(verify.median)} ${f(verify.p95)}`);
		console.log(`ratio ours/baseline (median, target ≤ 0.50): render+seal ${result.ratio.toFixed(2)}, seal only ${result.sealOnlyRatio.toFixed(2)}`);
		console.log(`  our render+seal against OpenSign's signing step alone: ${result.oursVsBaselineSignOnly.toFixed(2)} (the renderer's share is ${((render.median / ours.median) * 100).toFixed(0)} %)`);
	}
	return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const own = process.argv.includes('--own-document');
	const fontBytes = readFileSync(CAIRO);
	await runSealBench(own ? { render: () => renderTypicalAgreement(fontBytes), renderLabel: '~4-page stand-in agreement, Cairo TTF subset' } : {});
}
