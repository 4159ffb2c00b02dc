/**
 * The platform seal on completed agreements (issue 5): a PDF signature made with an ECDSA
 * P-256 key held as a Worker secret, and its strict verification. WebCrypto only.
 */
export { createSelfSignedSigner, loadSigner, loadSignerCached, parseCertificate, type ParsedCertificate, type Signer } from './x509';
export { sealPdf, verifySealedPdf, SEAL_SUBFILTER, SEAL_FIELD_NAME, type SealOptions, type SealSubFilter, type VerifyResult, type VerifyReason, type TrustedCertificates } from './pdf';
export { fromPem } from './der';
export { sha256Hex } from '../../worker/domain/encoding';
