/**
 * The platform seal on completed agreements (issue 5): a PDF signature made with an ECDSA
 * P-256 key held as a Worker secret, and its strict verification. WebCrypto only.
 */
export { createSelfSignedSigner, loadSigner, loadSignerCached, parseCertificate, type ParsedCertificate, type Signer } from './x509';
export { sealPdf, SEAL_SUBFILTER, SEAL_FIELD_NAME, type SealOptions, type SealSubFilter } from './pdf';
export { verifySealedPdf, MAX_CMS_BYTES, type VerifyResult, type VerifyReason, type TrustedCertificates } from './verify';
export { fromPem } from './der';
export { sha256Hex } from '../../worker/domain/encoding';
