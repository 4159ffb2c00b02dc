import { describe, expect, test } from 'vitest';
import {
	DerError,
	TAG,
	children,
	content,
	ecdsaDerToRaw,
	ecdsaRawToDer,
	fromPem,
	integer,
	oid,
	octetString,
	parse,
	readOid,
	readTime,
	readUnsigned,
	seq,
	setOf,
	time,
	toPem
} from '../../contracts/seal/der';
import { createSelfSignedSigner, loadSigner, loadSignerCached, parseCertificate } from '../../contracts/seal/x509';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h: string) => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));

describe('DER encoder', () => {
	test('INTEGER is minimal and positive', () => {
		expect(hex(integer(0))).toBe('020100');
		expect(hex(integer(127))).toBe('02017f');
		expect(hex(integer(128))).toBe('02020080');
		expect(hex(integer(256))).toBe('02020100');
		expect(hex(integer(bytes('0000ff')))).toBe('020200ff'); // leading zeros dropped, sign byte added
		expect(() => integer(-1)).toThrow(DerError);
	});

	test('OIDs round-trip, including multi-byte arcs', () => {
		for (const id of ['1.2.840.113549.1.9.16.2.47', '2.5.4.3', '1.2.840.10045.4.3.2', '2.999.3', '0.9.2342']) {
			expect(readOid(parse(oid(id)))).toBe(id);
		}
		expect(hex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
	});

	test('long lengths use the long form and parse back', () => {
		for (const n of [127, 128, 255, 256, 70_000]) {
			const der = octetString(new Uint8Array(n).fill(7));
			const node = parse(der);
			expect(content(node).length).toBe(n);
			expect(der.length).toBe(n + (n < 128 ? 2 : n < 256 ? 3 : n < 65536 ? 4 : 5));
		}
	});

	test('times: UTCTime before 2050, GeneralizedTime from 2050', () => {
		const d = new Date('2026-11-26T19:05:09Z');
		expect(new TextDecoder().decode(content(parse(time(d))))).toBe('261126190509Z');
		expect(parse(time(d)).tag).toBe(TAG.UTC_TIME);
		const late = new Date('2051-01-02T03:04:05Z');
		expect(parse(time(late)).tag).toBe(TAG.GENERALIZED_TIME);
		expect(readTime(parse(time(late))).toISOString()).toBe('2051-01-02T03:04:05.000Z');
		expect(readTime(parse(time(d))).toISOString()).toBe('2026-11-26T19:05:09.000Z');
	});

	test('SET OF sorts its elements; SEQUENCE keeps the order', () => {
		const a = integer(2);
		const b = integer(1);
		expect(hex(setOf(a, b))).toBe('3106020101020102');
		expect(hex(seq(a, b))).toBe('3006020102020101');
		expect(children(parse(seq(a, b))).map((n) => readUnsigned(n)[0])).toEqual([2, 1]);
	});
});

describe('DER decoder rejects bad input', () => {
	test.each([
		['truncated', '300a0201'],
		['indefinite length', '3080020100 0000'.replace(' ', '')],
		['trailing bytes', '02010000'],
		['length beyond buffer', '0485ffffffffff'],
		['empty', '']
	])('%s', (_label, h) => {
		expect(() => parse(h ? bytes(h) : new Uint8Array(0))).toThrow(DerError);
	});
});

describe('ECDSA-Sig-Value', () => {
	test('raw r||s ↔ DER, with high bits and leading zeros', () => {
		const r = new Uint8Array(32).fill(0x80); // high bit: needs a 0x00 sign byte
		const s = new Uint8Array(32);
		s[5] = 1; // leading zeros: dropped in DER, restored in raw
		const rawSig = new Uint8Array([...r, ...s]);
		const der = ecdsaRawToDer(rawSig);
		const [dr, ds] = children(parse(der));
		expect(content(dr).length).toBe(33);
		expect(content(ds).length).toBe(27);
		expect(hex(ecdsaDerToRaw(der))).toBe(hex(rawSig));
	});
});

describe('PEM and self-signed certificate', () => {
	test('PEM round-trips, also with newlines escaped as \\n', () => {
		const der = seq(integer(42), oid('2.5.4.3'));
		const pem = toPem('CERTIFICATE', der);
		expect(pem.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
		expect(hex(fromPem('CERTIFICATE', pem))).toBe(hex(der));
		expect(hex(fromPem('CERTIFICATE', pem.replaceAll('\n', '\\n')))).toBe(hex(der));
		expect(() => fromPem('PRIVATE KEY', pem)).toThrow();
	});

	test('the certificate is X.509 v3, self-signed with ECDSA P-256, and names the subject', async () => {
		const now = new Date('2026-11-26T10:00:00Z');
		const id = await createSelfSignedSigner({ commonName: 'Wasla test seal', organization: 'Wasla SARL', country: 'DZ', validDays: 30, now });
		const cert = parseCertificate(fromPem('CERTIFICATE', id.certificatePem));
		expect(cert.subject).toEqual({ commonName: 'Wasla test seal', organization: 'Wasla SARL', country: 'DZ' });
		expect(hex(cert.issuerDer)).toBe(hex(cert.subjectDer));
		expect(cert.publicKeyAlgorithm).toBe('1.2.840.10045.2.1');
		expect(cert.namedCurve).toBe('1.2.840.10045.3.1.7');
		expect(cert.signatureAlgorithm).toBe('1.2.840.10045.4.3.2');
		expect(cert.serial.length).toBe(16);
		expect(cert.serial[0] & 0x80).toBe(0);
		expect(cert.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
		expect(cert.notAfter.getTime() - cert.notBefore.getTime()).toBe(30 * 86_400_000);
		// Self-signed: the TBS verifies with the certificate's own key.
		const pub = await crypto.subtle.importKey('spki', new Uint8Array(cert.spkiDer), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
		const sig = ecdsaDerToRaw(cert.signature);
		expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pub, sig, new Uint8Array(cert.tbsDer))).toBe(true);
		// Extensions: keyUsage digitalSignature + nonRepudiation (BIT STRING 06 c0), basicConstraints CA:false.
		expect(hex(cert.tbsDer)).toContain('0603551d0f0101ff0404030206c0');
		expect(hex(cert.tbsDer)).toContain('0603551d130101ff04023000');
	});

	test('loadSigner imports a matching pair and refuses a key from another pair', async () => {
		const a = await createSelfSignedSigner({ commonName: 'A' });
		const b = await createSelfSignedSigner({ commonName: 'B' });
		const signer = await loadSigner(a.privateKeyPkcs8Pem, a.certificatePem);
		expect(signer.subjectCommonName).toBe('A');
		expect(signer.privateKey.type).toBe('private');
		await expect(loadSigner(b.privateKeyPkcs8Pem, a.certificatePem)).rejects.toThrow(/does not match/);
	});

	test('loadSignerCached imports once per key/certificate pair', async () => {
		const a = await createSelfSignedSigner({ commonName: 'A' });
		const b = await createSelfSignedSigner({ commonName: 'B' });
		const first = await loadSignerCached(a.privateKeyPkcs8Pem, a.certificatePem);
		expect(await loadSignerCached(a.privateKeyPkcs8Pem, a.certificatePem)).toBe(first);
		const other = await loadSignerCached(b.privateKeyPkcs8Pem, b.certificatePem);
		expect(other).not.toBe(first);
		expect(other.subjectCommonName).toBe('B');
		await expect(loadSignerCached(b.privateKeyPkcs8Pem, a.certificatePem)).rejects.toThrow(/does not match/);
		await expect(loadSignerCached(b.privateKeyPkcs8Pem, a.certificatePem)).rejects.toThrow(/does not match/);
	});
});
