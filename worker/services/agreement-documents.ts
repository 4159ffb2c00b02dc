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
 * - `POST /verify` checks a PDF's embedded signature against the platform certificate, its
 *   SHA-256 against the stored documents, and the agreement's audit chain.
 */
import type { Env, SessionUser } from '../env';
import { AppError } from '../errors';
import type { AuditActor } from '../domain/audit-chain';
import { sha256Hex } from '../domain/encoding';
import { buildAgreementDocument, buildCompletionCertificateText } from '../../contracts/clauses';
import type { DocLang } from '../../contracts/document';
import { appendCompletionCertificate, renderAgreementPdf } from '../../contracts/pdf';
import { fromPem, loadSignerCached, sealPdf, verifySealedPdf, type TrustedCertificates } from '../../contracts/seal';
import { agreementChainVerdict, agreementForDocument, recordDownload } from './agreements';

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
export async function agreementPdf(env: Env, user: SessionUser, agreementId: string, lang: DocLang, origin: string, now: number): Promise<PdfResult> {
	const doc = await agreementForDocument(env.DB, user, agreementId);
	const actor: AuditActor = { party: doc.party, userId: user.id };
	const agreement = withTerms(doc.agreement);
	const filename = `wasla-${agreement.id.slice(0, 8)}-v${agreement.version}-${lang}${agreement.status === 'signed' ? '-signed' : ''}.pdf`;

	if (agreement.status === 'signed') {
		const stored = await storedDocument(env, agreement.id, lang);
		const result = stored ?? (await sealAndStore(env, doc, lang, origin, now));
		await recordDownload(env.DB, agreement.id, actor, { version: agreement.version, lang, pdfSha256: result.sha256 }, now);
		return { ...result, sealed: true, filename };
	}

	const bytes = await renderAgreementPdf(
		buildAgreementDocument({ agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256, terms: agreement.terms, lang, verifyUrl: verifyUrlFor(origin) })
	);
	const sha256 = await digest(bytes);
	await recordDownload(env.DB, agreement.id, actor, { version: agreement.version, lang, pdfSha256: sha256 }, now);
	return { bytes, sha256, sealed: false, filename };
}

async function storedDocument(env: Env, agreementId: string, lang: DocLang): Promise<{ bytes: Uint8Array; sha256: string } | null> {
	const row = await env.DB.prepare('SELECT r2_key, sha256 FROM agreement_documents WHERE agreement_id = ?1 AND lang = ?2')
		.bind(agreementId, lang)
		.first<{ r2_key: string; sha256: string }>();
	if (!row) return null;
	const object = await env.FILES.get(row.r2_key);
	if (!object) return null;
	const bytes = new Uint8Array(await object.arrayBuffer());
	// The stored hash is the reference: a file changed behind our back is not served as ours.
	if ((await digest(bytes)) !== row.sha256) {
		console.error(`sealed PDF ${row.r2_key} does not match its stored SHA-256`);
		throw new AppError('internal');
	}
	return { bytes, sha256: row.sha256 };
}

type DocumentData = Awaited<ReturnType<typeof agreementForDocument>>;

/** Stored terms that no longer parse cannot be printed: a conflict, not a crash. */
function withTerms<A extends DocumentData['agreement']>(a: A): A & { terms: NonNullable<A['terms']> } {
	if (!a.terms) throw new AppError('invalid_state');
	return a as A & { terms: NonNullable<A['terms']> };
}

const digest = (bytes: Uint8Array) => sha256Hex(bytes as Uint8Array<ArrayBuffer>);

async function sealAndStore(env: Env, doc: DocumentData, lang: DocLang, origin: string, now: number): Promise<{ bytes: Uint8Array; sha256: string }> {
	const agreement = withTerms(doc.agreement);
	const secrets = sealSecrets(env);
	const verifyUrl = verifyUrlFor(origin);
	const rendered = await renderAgreementPdf(
		buildAgreementDocument({ agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256, terms: agreement.terms, lang, verifyUrl })
	);
	const text = buildCompletionCertificateText(lang);
	const withCertificate = await appendCompletionCertificate(rendered, {
		lang,
		title: text.title,
		intro: text.intro,
		labels: text.labels,
		legalNote: text.legalNote,
		footer: text.footer,
		meta: { agreementId: agreement.id, version: agreement.version, documentSha256: agreement.documentSha256 },
		signers: doc.signatures.map((s) => ({ ...s, partyLabel: text.partyLabels[s.party] })),
		auditHead: doc.auditHead,
		verifyUrl
	});
	const signer = await loadSignerCached(secrets.key, secrets.cert);
	const sealed = await sealPdf(withCertificate, signer, {
		reason: text.title,
		name: 'Wasla',
		location: 'DZ',
		signingTime: new Date(agreement.completedAt ? Date.parse(agreement.completedAt) : now)
	});
	const sha256 = await digest(sealed);
	const key = `agreements/${agreement.id}/sealed-v${agreement.version}-${lang}-${sha256.slice(0, 16)}.pdf`;
	await env.FILES.put(key, sealed, { httpMetadata: { contentType: 'application/pdf' } });
	// Two first downloads at once: the first row wins and both serve its file.
	const inserted = await env.DB.prepare(
		'INSERT OR IGNORE INTO agreement_documents (agreement_id, lang, version, r2_key, sha256, size, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)'
	)
		.bind(agreement.id, lang, agreement.version, key, sha256, sealed.byteLength, now)
		.run();
	if (inserted.meta.changes === 0) {
		await env.FILES.delete(key);
		const winner = await storedDocument(env, agreement.id, lang);
		if (winner) return winner;
	}
	await env.DB.prepare('UPDATE agreements SET sealed_pdf_key = coalesce(sealed_pdf_key, ?2), sealed_pdf_sha256 = coalesce(sealed_pdf_sha256, ?3) WHERE id = ?1')
		.bind(agreement.id, key, sha256)
		.run();
	return { bytes: sealed, sha256 };
}

// ---------------------------------------------------------------------------------------
// verification
// ---------------------------------------------------------------------------------------

export type VerifyVerdict = 'valid' | 'altered' | 'unknown';

export interface VerifyOutcome {
	valid: boolean;
	verdict: VerifyVerdict;
	/** Why, as a code the UI translates: ok | altered | bad_signature | not_sealed_by_wasla | unknown_document | chain_broken | not_a_pdf. */
	reason: string;
	agreementId: string | null;
	version: number | null;
	signers: { party: string; name: string; signedAt: string }[];
	checks: { signature: boolean; storedHash: boolean; auditChain: boolean };
	signedAt: string | null;
}

/**
 * Checks a PDF someone holds. Valid only when all three hold: the embedded seal verifies
 * with the platform certificate and covers the whole file, the file's SHA-256 is one we
 * stored for that agreement, and the agreement's audit chain re-walks cleanly.
 * Unknown: not sealed by us or not one of our documents. Altered: our seal, but the bytes
 * changed (or the chain was tampered with).
 */
export async function verifyPdf(env: Env, bytes: Uint8Array): Promise<VerifyOutcome> {
	const sha256 = await digest(bytes);
	const outcome: VerifyOutcome = {
		valid: false,
		verdict: 'unknown',
		reason: 'unknown_document',
		agreementId: null,
		version: null,
		signers: [],
		checks: { signature: false, storedHash: false, auditChain: false },
		signedAt: null
	};
	const seal = await verifySealedPdf(bytes, trustedCertificates(env));
	const stored = await env.DB.prepare('SELECT agreement_id, version FROM agreement_documents WHERE sha256 = ?1').bind(sha256).first<{ agreement_id: string; version: number }>();
	const claimedId = stored?.agreement_id ?? seal.info.WaslaAgreementId ?? null;
	const sealOk = seal.signed && seal.intact && seal.coversWholeFile && seal.signatureValid && seal.certificateTrusted;
	outcome.checks.signature = sealOk;
	outcome.checks.storedHash = stored !== null;
	outcome.signedAt = seal.signingTime;

	if (!seal.signed) {
		outcome.reason = seal.reason === 'malformed' ? 'not_a_pdf' : 'not_sealed_by_wasla';
		return outcome;
	}
	const agreement = claimedId
		? await env.DB.prepare("SELECT id, version, status FROM agreements WHERE id = ?1 AND status = 'signed'").bind(claimedId).first<{ id: string; version: number; status: string }>()
		: null;
	if (!agreement) {
		// A seal by another key, or a document that names no agreement of ours.
		outcome.reason = seal.certificateTrusted ? 'unknown_document' : 'not_sealed_by_wasla';
		return outcome;
	}
	outcome.agreementId = agreement.id;
	outcome.version = stored?.version ?? (Number(seal.info.WaslaVersion) || null);
	const chain = await agreementChainVerdict(env.DB, agreement.id);
	outcome.checks.auditChain = chain.valid;
	const { results } = await env.DB.prepare(
		'SELECT party, full_name, signed_at FROM agreement_signatures WHERE agreement_id = ?1 AND version = ?2 ORDER BY signed_at, party'
	)
		.bind(agreement.id, agreement.version)
		.all<{ party: string; full_name: string; signed_at: number }>();
	outcome.signers = results.map((s) => ({ party: s.party, name: s.full_name, signedAt: new Date(s.signed_at).toISOString() }));

	if (seal.intact && seal.signatureValid && !seal.certificateTrusted) {
		// An intact document signed by someone else's key that borrows one of our ids.
		outcome.reason = 'not_sealed_by_wasla';
		outcome.verdict = 'unknown';
	} else if (!sealOk || !stored) {
		outcome.verdict = 'altered';
		outcome.reason = seal.signatureValid || seal.reason === 'altered' ? 'altered' : 'bad_signature';
	} else if (!chain.valid) {
		outcome.verdict = 'altered';
		outcome.reason = 'chain_broken';
	} else {
		outcome.valid = true;
		outcome.verdict = 'valid';
		outcome.reason = 'ok';
	}
	return outcome;
}
