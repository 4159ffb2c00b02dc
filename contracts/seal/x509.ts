/**
 * The platform's signing identity: an ECDSA P-256 key (WebCrypto) and an X.509 v3
 * certificate. `createSelfSignedSigner` makes a development identity; `loadSigner` imports
 * the configured one (Worker secrets SEAL_PRIVATE_KEY / SEAL_CERTIFICATE) once.
 */
import {
	TAG,
	bitString,
	bool,
	children,
	content,
	ctx,
	expect,
	integer,
	oid,
	octetString,
	parse,
	printableString,
	raw,
	readOid,
	readString,
	readTime,
	readUnsigned,
	ecdsaRawToDer,
	fromPem,
	seq,
	setOf,
	time,
	toPem,
	utf8String,
	DerError
} from './der';

export const OID = {
	ecPublicKey: '1.2.840.10045.2.1',
	prime256v1: '1.2.840.10045.3.1.7',
	ecdsaWithSha256: '1.2.840.10045.4.3.2',
	sha256: '2.16.840.1.101.3.4.2.1',
	commonName: '2.5.4.3',
	organization: '2.5.4.10',
	country: '2.5.4.6',
	basicConstraints: '2.5.29.19',
	keyUsage: '2.5.29.15',
	extKeyUsage: '2.5.29.37',
	subjectKeyIdentifier: '2.5.29.14',
	emailProtection: '1.3.6.1.5.5.7.3.4'
} as const;

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface Signer {
	privateKey: CryptoKey;
	certificateDer: Uint8Array<ArrayBuffer>;
	/** DER of the certificate's issuer Name and the serial INTEGER's unsigned bytes (for the CMS SignerInfo). */
	issuerDer: Uint8Array<ArrayBuffer>;
	serial: Uint8Array<ArrayBuffer>;
	/** Subject common name, for /Name defaults and display. */
	subjectCommonName: string;
}

export interface ParsedCertificate {
	der: Uint8Array;
	tbsDer: Uint8Array;
	serial: Uint8Array;
	issuerDer: Uint8Array;
	subjectDer: Uint8Array;
	subject: { commonName?: string; organization?: string; country?: string };
	notBefore: Date;
	notAfter: Date;
	/** SubjectPublicKeyInfo DER (importable with crypto.subtle.importKey('spki')). */
	spkiDer: Uint8Array;
	publicKeyAlgorithm: string;
	namedCurve: string | null;
	signatureAlgorithm: string;
	signature: Uint8Array;
}

function name(attrs: { commonName: string; organization?: string; country?: string }): Uint8Array<ArrayBuffer> {
	const rdns: Uint8Array[] = [];
	if (attrs.country) rdns.push(setOf(seq(oid(OID.country), printableString(attrs.country))));
	if (attrs.organization) rdns.push(setOf(seq(oid(OID.organization), utf8String(attrs.organization))));
	rdns.push(setOf(seq(oid(OID.commonName), utf8String(attrs.commonName))));
	return seq(...rdns);
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array<ArrayBuffer> {
	return critical ? seq(oid(id), bool(true), octetString(value)) : seq(oid(id), octetString(value));
}

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

/**
 * A new ECDSA P-256 key and a self-signed X.509 v3 certificate (ecdsa-with-SHA256,
 * basicConstraints CA:false, keyUsage digitalSignature + nonRepudiation, EKU emailProtection),
 * both as PEM.
 */
export async function createSelfSignedSigner(opts: {
	commonName: string;
	organization?: string;
	country?: string;
	validDays?: number;
	now?: Date;
}): Promise<{ privateKeyPkcs8Pem: string; certificatePem: string }> {
	const keys = (await crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
	const spki = u8((await crypto.subtle.exportKey('spki', keys.publicKey)) as ArrayBuffer);
	const pkcs8 = u8((await crypto.subtle.exportKey('pkcs8', keys.privateKey)) as ArrayBuffer);
	const now = opts.now ?? new Date();
	const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 60_000);
	const notAfter = new Date(notBefore.getTime() + (opts.validDays ?? 3650) * 86_400_000);
	const serial = crypto.getRandomValues(new Uint8Array(16));
	serial[0] = (serial[0] & 0x7f) | 0x40; // positive, 16 bytes, no leading zero
	// Subject key identifier: SHA-1 of the subjectPublicKey BIT STRING value (RFC 5280 4.2.1.2, method 1).
	const spkiNode = children(parse(spki));
	const keyBits = new Uint8Array(content(spkiNode[1]).subarray(1));
	const ski = u8(await crypto.subtle.digest('SHA-1', keyBits));
	const subject = name(opts);
	const sigAlg = seq(oid(OID.ecdsaWithSha256));
	const tbs = seq(
		ctx(0, integer(2)),
		integer(serial),
		sigAlg,
		subject,
		seq(time(notBefore), time(notAfter)),
		subject,
		spki,
		ctx(
			3,
			seq(
				extension(OID.basicConstraints, true, seq()),
				extension(OID.keyUsage, true, bitString(new Uint8Array([0xc0]), 6)),
				extension(OID.extKeyUsage, false, seq(oid(OID.emailProtection))),
				extension(OID.subjectKeyIdentifier, false, octetString(ski))
			)
		)
	);
	const rawSig = u8(await crypto.subtle.sign(ECDSA_SHA256, keys.privateKey, tbs));
	const cert = seq(tbs, sigAlg, bitString(ecdsaRawToDer(rawSig)));
	return { privateKeyPkcs8Pem: toPem('PRIVATE KEY', pkcs8), certificatePem: toPem('CERTIFICATE', cert) };
}

function readName(n: { der: Uint8Array }): { commonName?: string; organization?: string; country?: string } {
	const out: { commonName?: string; organization?: string; country?: string } = {};
	for (const rdn of children(expect(parse(n.der), TAG.SEQUENCE))) {
		for (const atv of children(expect(rdn, TAG.SET))) {
			const [type, value] = children(expect(atv, TAG.SEQUENCE));
			const id = readOid(type);
			if (id === OID.commonName) out.commonName = readString(value);
			else if (id === OID.organization) out.organization = readString(value);
			else if (id === OID.country) out.country = readString(value);
		}
	}
	return out;
}

/** Parses the fields of an X.509 certificate this module needs; throws DerError when malformed. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
	const [tbs, sigAlg, sigValue, extra] = children(expect(parse(der), TAG.SEQUENCE));
	if (extra) throw new DerError('extra element in Certificate');
	const f = children(expect(tbs, TAG.SEQUENCE));
	let i = 0;
	if (f[0]?.tag === 0xa0) i++; // version
	const serial = readUnsigned(f[i++]);
	i++; // signature AlgorithmIdentifier (repeated outside TBS)
	const issuer = expect(f[i++], TAG.SEQUENCE);
	const [nb, na] = children(expect(f[i++], TAG.SEQUENCE));
	const subject = expect(f[i++], TAG.SEQUENCE);
	const spki = expect(f[i], TAG.SEQUENCE);
	const [alg] = children(spki);
	const [algId, algParam] = children(expect(alg, TAG.SEQUENCE));
	const sigBits = content(expect(sigValue, TAG.BIT_STRING));
	return {
		der,
		tbsDer: raw(tbs),
		serial,
		issuerDer: raw(issuer),
		subjectDer: raw(subject),
		subject: readName({ der: raw(subject) }),
		notBefore: readTime(nb),
		notAfter: readTime(na),
		spkiDer: raw(spki),
		publicKeyAlgorithm: readOid(algId),
		namedCurve: algParam?.tag === TAG.OID ? readOid(algParam) : null,
		signatureAlgorithm: readOid(children(expect(sigAlg, TAG.SEQUENCE))[0]),
		signature: sigBits.subarray(1)
	};
}

/** Imports the PKCS#8 key once and parses the certificate; checks that they belong together. */
export async function loadSigner(privateKeyPkcs8Pem: string, certificatePem: string): Promise<Signer> {
	const certificateDer = fromPem('CERTIFICATE', certificatePem);
	const cert = parseCertificate(certificateDer);
	if (cert.publicKeyAlgorithm !== OID.ecPublicKey || cert.namedCurve !== OID.prime256v1) {
		throw new Error('seal certificate must hold an ECDSA P-256 key');
	}
	const privateKey = await crypto.subtle.importKey('pkcs8', fromPem('PRIVATE KEY', privateKeyPkcs8Pem), EC_P256, false, ['sign']);
	// The key must match the certificate: sign a probe and verify it with the certificate's key.
	const publicKey = await crypto.subtle.importKey('spki', new Uint8Array(cert.spkiDer), EC_P256, false, ['verify']);
	const probe = new TextEncoder().encode('wasla-seal-key-check');
	const sig = await crypto.subtle.sign(ECDSA_SHA256, privateKey, probe);
	if (!(await crypto.subtle.verify(ECDSA_SHA256, publicKey, sig, probe))) {
		throw new Error('SEAL_PRIVATE_KEY does not match SEAL_CERTIFICATE');
	}
	return {
		privateKey,
		certificateDer,
		issuerDer: new Uint8Array(cert.issuerDer),
		serial: new Uint8Array(cert.serial),
		subjectCommonName: cert.subject.commonName ?? ''
	};
}

let cached: { key: string; cert: string; signer: Promise<Signer> } | null = null;

/**
 * loadSigner, memoised for the isolate: a Worker imports its secret key once, not per request.
 * A different key/certificate pair replaces the cached one; a failed import is not cached.
 */
export function loadSignerCached(privateKeyPkcs8Pem: string, certificatePem: string): Promise<Signer> {
	if (cached && cached.key === privateKeyPkcs8Pem && cached.cert === certificatePem) return cached.signer;
	const signer = loadSigner(privateKeyPkcs8Pem, certificatePem);
	const entry = { key: privateKeyPkcs8Pem, cert: certificatePem, signer };
	cached = entry;
	signer.catch(() => {
		if (cached === entry) cached = null;
	});
	return signer;
}
