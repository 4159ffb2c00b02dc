/**
 * The document hash of an agreement version: hex SHA-256 of the canonical JSON of
 * {agreementId, version, terms}. It identifies what was agreed, not one rendering of it:
 * the French, Arabic and English PDFs of a version carry the same hash, and re-rendering
 * (new fonts, layout fixes) never changes it. Signatures commit to this value.
 *
 * A stored format: agreement_versions, agreement_signatures, the audit trail and every PDF
 * footer hold these hashes. Changing `documentCanonicalJson` or `documentHashInput` changes
 * every hash, so it needs a migration; test/unit/hash-formats.test.ts pins the exact bytes.
 * The audit chain has its own canonical form (worker/domain/audit-chain.ts): the two never
 * share a change.
 */
import { type AgreementTerms, readStoredTerms } from '../worker/domain/agreement-terms';
import { sha256Hex } from '../worker/domain/encoding';

/**
 * The document hash's canonical JSON: object keys sorted (UTF-16 code unit order) at every
 * depth, no whitespace, undefined object members dropped, undefined array items as null;
 * a non-finite number or a value JSON cannot hold throws. Equal data gives equal bytes,
 * whatever the key order.
 */
export function documentCanonicalJson(value: unknown): string {
	if (value === null) return 'null';
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return JSON.stringify(value);
		case 'number':
			if (!Number.isFinite(value)) throw new TypeError('documentCanonicalJson: non-finite number');
			return JSON.stringify(value);
		case 'object': {
			if (Array.isArray(value)) return `[${value.map((x) => documentCanonicalJson(x === undefined ? null : x)).join(',')}]`;
			const obj = value as Record<string, unknown>;
			const keys = Object.keys(obj)
				.filter((k) => obj[k] !== undefined)
				.sort();
			return `{${keys.map((k) => `${JSON.stringify(k)}:${documentCanonicalJson(obj[k])}`).join(',')}}`;
		}
		default:
			throw new TypeError(`documentCanonicalJson: cannot encode a ${typeof value}`);
	}
}

/** Whether two terms objects are the same document content (what a new version must change). */
export function sameTerms(a: AgreementTerms, b: AgreementTerms): boolean {
	return documentCanonicalJson(a) === documentCanonicalJson(b);
}

/** The exact string that is hashed (exposed so a verifier can show or recompute it). */
export function documentHashInput(agreementId: string, version: number, terms: AgreementTerms): string {
	if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`documentSha256: version must be a positive integer, got ${String(version)}`);
	return documentCanonicalJson({ agreementId, version, terms });
}

/** Hex SHA-256 (64 lower-case characters) of the canonical {agreementId, version, terms}. */
export async function documentSha256(agreementId: string, version: number, terms: AgreementTerms): Promise<string> {
	return sha256Hex(documentHashInput(agreementId, version, terms));
}

/**
 * The document hash of a stored terms column: the canonical hash when the text reads as
 * terms; otherwise (a damaged or pre-v1 row) the SHA-256 of the stored text itself, so
 * such a version is still identified by what is stored.
 */
export async function storedDocumentSha256(agreementId: string, version: number, storedTerms: string): Promise<string> {
	const terms = readStoredTerms(storedTerms);
	return terms ? documentSha256(agreementId, version, terms) : sha256Hex(storedTerms);
}
