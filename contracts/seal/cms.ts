/**
 * CMS SignedData (RFC 5652), detached, as used by PDF signatures (adbe.pkcs7.detached):
 * signed attributes contentType, signingTime, messageDigest and ESS signingCertificateV2
 * (RFC 5035), one ECDSA P-256 / SHA-256 SignerInfo, the signer's certificate embedded.
 */
import {
	TAG,
	children,
	content,
	ctx,
	ecdsaDerToRaw,
	ecdsaRawToDer,
	expect,
	integer,
	octetString,
	oid,
	parse,
	raw,
	readOid,
	readTime,
	readUnsigned,
	seq,
	setOf,
	time,
	concatBytes,
	DerError,
	type Node
} from './der';
import { OID, type Signer } from './x509';

export const CMS_OID = {
	data: '1.2.840.113549.1.7.1',
	signedData: '1.2.840.113549.1.7.2',
	contentType: '1.2.840.113549.1.9.3',
	messageDigest: '1.2.840.113549.1.9.4',
	signingTime: '1.2.840.113549.1.9.5',
	signingCertificateV2: '1.2.840.113549.1.9.16.2.47'
} as const;

const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const u8 = (b: ArrayBuffer) => new Uint8Array(b);

const attribute = (id: string, value: Uint8Array) => seq(oid(id), setOf(value));

/**
 * DER ContentInfo(SignedData) over a precomputed SHA-256 `digest` of the detached content.
 * `signingTime` null leaves the signingTime attribute out (PAdES / ETSI.CAdES.detached, where
 * the time lives in the signature dictionary's /M).
 */
export async function buildSignedData(digest: Uint8Array, signer: Signer, signingTime: Date | null): Promise<Uint8Array<ArrayBuffer>> {
	const certHash = u8(await crypto.subtle.digest('SHA-256', signer.certificateDer));
	const issuerSerial = seq(seq(ctx(4, signer.issuerDer)), integer(signer.serial)); // GeneralNames{directoryName}
	const attrs = [
		attribute(CMS_OID.contentType, oid(CMS_OID.data)),
		...(signingTime ? [attribute(CMS_OID.signingTime, time(signingTime))] : []),
		attribute(CMS_OID.messageDigest, octetString(digest)),
		// SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, issuerSerial } }
		attribute(CMS_OID.signingCertificateV2, seq(seq(seq(octetString(certHash), issuerSerial))))
	];
	// The signature covers the DER SET OF the attributes; in SignerInfo they are [0] IMPLICIT.
	const signedAttrsSet = setOf(...attrs);
	const rawSig = u8(await crypto.subtle.sign(ECDSA_SHA256, signer.privateKey, signedAttrsSet));
	const signedAttrsImplicit = concatBytes([new Uint8Array([0xa0]), signedAttrsSet.subarray(1)]);
	const sha256Alg = seq(oid(OID.sha256));
	const signerInfo = seq(integer(1), seq(signer.issuerDer, integer(signer.serial)), sha256Alg, signedAttrsImplicit, seq(oid(OID.ecdsaWithSha256)), octetString(ecdsaRawToDer(rawSig)));
	const signedData = seq(integer(1), setOf(sha256Alg), seq(oid(CMS_OID.data)), ctx(0, signer.certificateDer), setOf(signerInfo));
	return seq(oid(CMS_OID.signedData), ctx(0, signedData));
}

export interface ParsedSignedData {
	certificates: Uint8Array[];
	issuerDer: Uint8Array;
	serial: Uint8Array;
	digestAlgorithm: string;
	signatureAlgorithm: string;
	/** Re-tagged as a DER SET (0x31): the bytes the signature covers. */
	signedAttrsDer: Uint8Array<ArrayBuffer>;
	messageDigest: Uint8Array | null;
	contentType: string | null;
	signingTime: Date | null;
	/** Raw r||s for WebCrypto (ECDSA), or the signature bytes as given otherwise. */
	signature: Uint8Array;
}

/** Parses a detached ContentInfo(SignedData) with one SignerInfo; throws DerError when malformed. */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
	const [ct, wrapped] = children(expect(parse(der), TAG.SEQUENCE));
	if (readOid(ct) !== CMS_OID.signedData) throw new DerError('not SignedData');
	const [sd] = children(expect(wrapped, 0xa0));
	const parts = children(expect(sd, TAG.SEQUENCE));
	let i = 1; // version
	i++; // digestAlgorithms
	const encap = children(expect(parts[i++], TAG.SEQUENCE));
	if (encap.length > 1) throw new DerError('content is not detached');
	const certificates: Uint8Array[] = [];
	if (parts[i]?.tag === 0xa0) for (const c of children(parts[i++])) certificates.push(raw(c));
	if (parts[i]?.tag === 0xa1) i++; // crls
	const infos = children(expect(parts[i], TAG.SET));
	if (infos.length !== 1) throw new DerError('expected exactly one SignerInfo');
	const si = children(expect(infos[0], TAG.SEQUENCE));
	const [sidIssuer, sidSerial] = children(expect(si[1], TAG.SEQUENCE));
	const digestAlgorithm = readOid(children(expect(si[2], TAG.SEQUENCE))[0]);
	const attrsNode = expect(si[3], 0xa0);
	const signedAttrsDer = concatBytes([new Uint8Array([TAG.SET]), raw(attrsNode).subarray(1)]);
	let messageDigest: Uint8Array | null = null;
	let contentType: string | null = null;
	let signingTime: Date | null = null;
	for (const a of children(attrsNode)) {
		const [type, values] = children(expect(a, TAG.SEQUENCE));
		const [v] = children(expect(values, TAG.SET));
		const id = readOid(type);
		if (id === CMS_OID.messageDigest) messageDigest = content(expect(v, TAG.OCTET_STRING));
		else if (id === CMS_OID.contentType) contentType = readOid(v);
		else if (id === CMS_OID.signingTime) signingTime = readTime(v as Node);
	}
	const signatureAlgorithm = readOid(children(expect(si[4], TAG.SEQUENCE))[0]);
	const sigBytes = content(expect(si[5], TAG.OCTET_STRING));
	return {
		certificates,
		issuerDer: raw(expect(sidIssuer, TAG.SEQUENCE)),
		serial: readUnsigned(sidSerial),
		digestAlgorithm,
		signatureAlgorithm,
		signedAttrsDer,
		messageDigest,
		contentType,
		signingTime,
		signature: signatureAlgorithm === OID.ecdsaWithSha256 ? ecdsaDerToRaw(sigBytes) : sigBytes
	};
}
