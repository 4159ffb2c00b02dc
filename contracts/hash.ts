/**
 * The document hash of an agreement version: hex SHA-256 of the canonical JSON of
 * {agreementId, version, terms}. It identifies what was agreed, not one rendering of it:
 * the French, Arabic and English PDFs of a version carry the same hash, and re-rendering
 * (new fonts, layout fixes) never changes it. Signatures commit to this value.
 */
import { canonicalJson, type AgreementTerms } from '../worker/domain/agreement-terms';
import { sha256Hex } from '../worker/domain/encoding';

/** The exact string that is hashed (exposed so a verifier can show or recompute it). */
export function documentHashInput(agreementId: string, version: number, terms: AgreementTerms): string {
	if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`documentSha256: version must be a positive integer, got ${String(version)}`);
	return canonicalJson({ agreementId, version, terms });
}

/** Hex SHA-256 (64 lower-case characters) of the canonical {agreementId, version, terms}. */
export async function documentSha256(agreementId: string, version: number, terms: AgreementTerms): Promise<string> {
	return sha256Hex(documentHashInput(agreementId, version, terms));
}
