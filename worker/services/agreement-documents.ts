/**
 * Agreement PDFs and their verification (issue 5, points 2, 5, 6).
 *
 * - Before both parties have signed, `GET /agreements/:id/pdf` renders the current version
 *   (clauses in the requested language, footer with the document hash).
 * - Once both have signed, the first download in a language renders the agreement, appends
 *   the certificate of completion (signers, evidence, document hash, audit head,
 *   verification URL and QR code), seals it with the platform key (CMS SignedData,
 *   ECDSA P-256, adbe.pkcs7.detached), stores it in R2 and its SHA-256 in
 *   agreement_documents. Every later download serves those exact bytes.
 * - `POST /verify` checks a PDF's embedded seal from its raw bytes against the platform
 *   certificates, then its SHA-256 against the stored documents and the agreement's audit
 *   chain; it names the agreement and its signers only for a valid document (issue 9).
 */
import type { Env } from '../env';
import { AppError } from '../errors';
import type { AuditActor } from '../domain/audit-chain';
import { sha256Hex } from '../domain/encoding';
import { iso } from '../domain/dates';
import { buildAgreementDocument, buildCompletionCertificate, buildCompletionCertificateText } from '../../contracts/clauses';
import type { DocLang } from '../../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { fromPem, loadSignerCached, sealPdf, verifySealedPdf, type TrustedCertificates } from '../../contracts/seal';
import type { CallerContext, ServiceContext } from '../context';
import { DOC_LANGS } from '../../contracts/document';
import { agreementChainVerdict, agreementForDocument, recordDownload, signedAgreementForSealing } from './agreements';

export interface PdfResult {
	bytes: Uint8Array;
	sha256: string;
	sealed: boolean;
	filename: string;
}

const verifyUrlFor = (origin: string) => `${origin}/verify`;

/** The seal configuration, or a clear error for the operator (never a silent unsigned PDF). */
function sealSecrets(env: Env): { key: string; cert: string } {
	if (!env.SEAL_PRIVATE_KEY || !env.SEAL_CERTIFICATE) {
		console.error('SEAL_PRIVATE_KEY / SEAL_CERTIFICATE are not configured: signed agreements cannot be sealed');
		throw new AppError('internal');
	}
	return { key: env.SEAL_PRIVATE_KEY, cert: env.SEAL_CERTIFICATE };
}

/** The platform certificate and the retired ones: a seal made with any of them verifies. */
export function trustedCertificates(env: Env): TrustedCertificates {
	const pems = [env.SEAL_CERTIFICATE ?? '', ...(env.SEAL_PREVIOUS_CERTIFICATES ?? '').split(/(?=-----BEGIN CERTIFICATE-----)/)].filter((p) => p.includes('BEGIN CERTIFICATE'));
	return pems.map((pem) => ({ certificateDer: fromPem('CERTIFICATE', pem) }));
}

/**
 * The PDF of an agreement in `lang` for one of its parties (404 for anyone else), and the
 * 'downloaded' audit event. Sealed once signed by both.
 */
export async function agreementPdf(ctx: CallerContext, input: { agreementId: string; lang: DocLang }): Promise<PdfResult> {
	const { lang } = input;
	const doc = await agreementForDocument(ctx, input);
	const actor: AuditActor = { party: doc.party, userId: ctx.user.id };
	const agreement = withTerms(doc.agreement);
	const filename = `wasla-${agreement.id.slice(0, 8)}-v${agreement.version}-${lang}${agreement.status === 'signed' ? '-signed' : ''}.pdf`;

	if (agreement.status === 'signed') {
		const stored = await storedDocument(ctx, agreement.id, lang);
		const result = stored ?? (await sealAndStore(ctx, doc, lang));
		await recordDownload(ctx, { agreementId: agreement.id, actor, data: { version: agreement.version, lang, pdfSha256: result.sha256 } });
		return { ...result, sealed: true, filename };
	}

	const bytes = await renderAgreementPdf(
		buildAgreementDocument({ agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256, terms: agreement.terms, lang, verifyUrl: verifyUrlFor(ctx.origin) })
	);
	const sha256 = await digest(bytes);
	await recordDownload(ctx, { agreementId: agreement.id, actor, data: { version: agreement.version, lang, pdfSha256: sha256 } });
	return { bytes, sha256, sealed: false, filename };
}

async function storedDocument(ctx: ServiceContext, agreementId: string, lang: DocLang): Promise<{ bytes: Uint8Array; sha256: string } | null> {
	const row = await ctx.db.prepare('SELECT r2_key, sha256 FROM agreement_documents WHERE agreement_id = ?1 AND lang = ?2').bind(agreementId, lang).first<{ r2_key: string; sha256: string }>();
	if (!row) return null;
	const object = await ctx.files.get(row.r2_key);
	if (!object) return null;
	const bytes = new Uint8Array(await object.arrayBuffer());
	// The stored hash is the reference: a file changed behind our back is not served as ours.
	if ((await digest(bytes)) !== row.sha256) {
		console.error(`sealed PDF ${row.r2_key} does not match its stored SHA-256`);
		throw new AppError('internal');
	}
	return { bytes, sha256: row.sha256 };
}

/** What rendering and sealing read: the agreement, its counting signatures and the audit head. */
type DocumentData = NonNullable<Awaited<ReturnType<typeof signedAgreementForSealing>>>;

/** Stored terms that no longer parse cannot be printed: a conflict, not a crash. */
function withTerms<A extends DocumentData['agreement']>(a: A): A & { terms: NonNullable<A['terms']> } {
	if (!a.terms) throw new AppError('invalid_state');
	return a as A & { terms: NonNullable<A['terms']> };
}

const digest = (bytes: Uint8Array) => sha256Hex(bytes as Uint8Array<ArrayBuffer>);

async function sealAndStore(ctx: ServiceContext, doc: DocumentData, lang: DocLang): Promise<{ bytes: Uint8Array; sha256: string }> {
	const { db, files, now } = ctx;
	const agreement = withTerms(doc.agreement);
	const secrets = sealSecrets(ctx.env);
	const verifyUrl = verifyUrlFor(ctx.origin);
	const rendered = await renderAgreementPdf(
		buildAgreementDocument({ agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256, terms: agreement.terms, lang, verifyUrl })
	);
	const text = buildCompletionCertificateText(lang);
	const withCertificate = await appendCompletionCertificate(
		rendered,
		buildCompletionCertificate(lang, {
			meta: { agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256 },
			signers: doc.signatures,
			auditHead: doc.auditHead,
			verifyUrl
		})
	);
	const signer = await loadSignerCached(secrets.key, secrets.cert);
	const sealed = await sealPdf(withCertificate, signer, {
		reason: text.title,
		name: 'Wasla',
		location: 'DZ',
		signingTime: new Date(agreement.completedAt ? Date.parse(agreement.completedAt) : now)
	});
	const sha256 = await digest(sealed);
	const key = `agreements/${agreement.id}/sealed-v${agreement.version}-${lang}-${sha256.slice(0, 16)}.pdf`;
	await files.put(key, sealed, { httpMetadata: { contentType: 'application/pdf' } });
	// Two first downloads at once: the first row wins and both serve its file.
	const inserted = await db
		.prepare('INSERT OR IGNORE INTO agreement_documents (agreement_id, lang, version, r2_key, sha256, size, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
		.bind(agreement.id, lang, agreement.version, key, sha256, sealed.byteLength, now)
		.run();
	if (inserted.meta.changes === 0) {
		await files.delete(key);
		const winner = await storedDocument(ctx, agreement.id, lang);
		if (winner) return winner;
	}
	await db.prepare('UPDATE agreements SET sealed_pdf_key = coalesce(sealed_pdf_key, ?2), sealed_pdf_sha256 = coalesce(sealed_pdf_sha256, ?3) WHERE id = ?1').bind(agreement.id, key, sha256).run();
	return { bytes: sealed, sha256 };
}

/**
 * Asks the queue to seal a signed agreement. The signature is already stored: a queue that
 * cannot take the message now must not fail it, and the cron sweep seals what was missed.
 */
export async function queueSealing(ctx: ServiceContext, input: { agreementId: string }): Promise<void> {
	const { agreementId } = input;
	try {
		await ctx.jobs.enqueue({ kind: 'seal_agreement', agreementId });
	} catch (err) {
		console.error(JSON.stringify({ level: 'error', msg: 'sealing not queued; the cron sweep will do it', agreementId, error: String(err instanceof Error ? err.message : err) }));
	}
}

/**
 * The sealing job (worker/jobs/seal-agreement.ts): once both parties signed, every language
 * is rendered, sealed and stored ahead of the first download, so downloads serve stored
 * bytes. A language already stored is left as it is (a download may have sealed it first);
 * an agreement that is not signed (any more) is nothing to do. Returns the languages sealed now.
 */
export async function sealSignedAgreement(ctx: ServiceContext, input: { agreementId: string }): Promise<DocLang[]> {
	const { agreementId } = input;
	const doc = await signedAgreementForSealing(ctx, input);
	if (!doc) return [];
	const { results } = await ctx.db.prepare('SELECT lang FROM agreement_documents WHERE agreement_id = ?1').bind(agreementId).all<{ lang: DocLang }>();
	const stored = new Set(results.map((r) => r.lang));
	const missing = DOC_LANGS.filter((lang) => !stored.has(lang));
	for (const lang of missing) await sealAndStore(ctx, doc, lang);
	return missing;
}

// ---------------------------------------------------------------------------------------
// verification
// ---------------------------------------------------------------------------------------

export type VerifyVerdict = 'valid' | 'altered' | 'unknown';

export interface VerifyOutcome {
	valid: boolean;
	verdict: VerifyVerdict;
	/** Why, as a code the UI translates: ok | altered | chain_broken | unknown_document | bad_signature | not_sealed_by_wasla. */
	reason: string;
	/** The agreement, its version and its signers: only when the verdict is valid (issue 9, point 4). */
	agreementId: string | null;
	version: number | null;
	signers: { party: string; name: string; signedAt: string }[];
	checks: { signature: boolean; storedHash: boolean; auditChain: boolean };
	/** The seal's CMS signing time, only when the seal is ours (valid or altered). */
	signedAt: string | null;
}

/**
 * Checks a PDF someone holds (issue 5, point 6; issue 9, points 3 and 4). Valid only when all
 * three hold: the embedded seal verifies with a platform certificate and covers the whole
 * file, the file's SHA-256 is one we stored, and that agreement's audit chain re-walks cleanly.
 *
 * The seal is checked from the raw bytes first (`verifySealedPdf`: no PDF parsing, nothing
 * inflated); bytes that are not a PDF are a 422 problem. D1 is asked nothing until the seal
 * is ours and covers the whole, unchanged file, and the agreement is then found from the
 * stored SHA-256 of those exact bytes, never from an id written in the file. What each
 * verdict may say, so that the answer is never an oracle for which agreements exist:
 * - no valid Wasla seal (no signature, unreadable, someone else's key, a signature that does
 *   not verify): `unknown`, and the reason depends on the uploaded bytes alone;
 * - a Wasla seal whose own signature verifies but whose ranges no longer match the file:
 *   `altered`. Only our key can make that signature, so the holder had a genuine document;
 *   still no D1 lookup, so no agreement, version or signer;
 * - our seal over the whole file: only then D1. Not stored (or no longer signed): `unknown`,
 *   `unknown_document`; audit chain broken: `altered`, `chain_broken`; else `valid`, with the
 *   agreement, its version and its signers — the only verdict that names them.
 */
export async function verifyPdf(ctx: ServiceContext, input: { bytes: Uint8Array }): Promise<VerifyOutcome> {
	const { db } = ctx;
	const { bytes } = input;
	const seal = await verifySealedPdf(bytes, trustedCertificates(ctx.env));
	if (seal.reason === 'not_a_pdf') throw new AppError('unprocessable', { detailKey: 'verify_not_a_pdf' });
	const outcome: VerifyOutcome = {
		valid: false,
		verdict: 'unknown',
		reason: 'not_sealed_by_wasla',
		agreementId: null,
		version: null,
		signers: [],
		checks: { signature: false, storedHash: false, auditChain: false },
		signedAt: null
	};
	// A seal is ours when its CMS signature verifies with one of our certificates.
	if (!seal.certificateTrusted || !seal.signatureValid) {
		// Our certificate copied next to a signature that does not verify is still not our seal.
		if (seal.certificateTrusted) outcome.reason = 'bad_signature';
		return outcome;
	}
	outcome.signedAt = seal.signingTime;
	if (seal.reason !== 'ok') {
		outcome.verdict = 'altered';
		outcome.reason = 'altered';
		return outcome;
	}
	outcome.checks.signature = true;

	const sha256 = await digest(bytes);
	const stored = await db.prepare('SELECT agreement_id, version FROM agreement_documents WHERE sha256 = ?1').bind(sha256).first<{ agreement_id: string; version: number }>();
	const agreement = stored ? await db.prepare("SELECT id FROM agreements WHERE id = ?1 AND status = 'signed'").bind(stored.agreement_id).first<{ id: string }>() : null;
	if (!stored || !agreement) {
		// Sealed by us, but not a document we keep: nothing to name.
		outcome.reason = 'unknown_document';
		return outcome;
	}
	outcome.checks.storedHash = true;
	const chain = await agreementChainVerdict(ctx, { agreementId: agreement.id });
	outcome.checks.auditChain = chain.valid;
	if (!chain.valid) {
		outcome.verdict = 'altered';
		outcome.reason = 'chain_broken';
		return outcome;
	}
	const { results } = await db
		.prepare('SELECT party, full_name, signed_at FROM agreement_signatures WHERE agreement_id = ?1 AND version = ?2 ORDER BY signed_at, party')
		.bind(agreement.id, stored.version)
		.all<{ party: string; full_name: string; signed_at: number }>();
	return {
		...outcome,
		valid: true,
		verdict: 'valid',
		reason: 'ok',
		agreementId: agreement.id,
		version: stored.version,
		signers: results.map((s) => ({ party: s.party, name: s.full_name, signedAt: iso(s.signed_at) }))
	};
}
