/**
 * A small software WebAuthn authenticator for the API tests (issue 15, point 3): it answers
 * the options our routes hand out as a browser with a platform authenticator would — an ES256
 * key pair made with WebCrypto, clientDataJSON, authenticator data with its flags and
 * signature counter, and a "none" attestation encoded in CBOR (the tiny encoder below) — so
 * the tests go through the real routes and @simplewebauthn/server's real checks.
 *
 * Each ceremony can be bent the ways an attacker or a broken device would: another origin or
 * RP ID, a counter that goes back.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

// ---- CBOR (RFC 8949), only what an attestation object and a COSE key need ----------------------

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor> | { [key: string]: Cbor };

function head(major: number, n: number): number[] {
	if (n < 24) return [(major << 5) | n];
	if (n < 0x100) return [(major << 5) | 24, n];
	if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
	return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

export function cbor(value: Cbor): Uint8Array {
	const out: number[] = [];
	const put = (v: Cbor) => {
		if (typeof v === 'number') {
			if (!Number.isInteger(v)) throw new Error('integers only');
			out.push(...(v >= 0 ? head(0, v) : head(1, -1 - v)));
		} else if (typeof v === 'string') {
			const bytes = new TextEncoder().encode(v);
			out.push(...head(3, bytes.length), ...bytes);
		} else if (v instanceof Uint8Array) {
			out.push(...head(2, v.length), ...v);
		} else {
			const entries: [Cbor, Cbor][] = v instanceof Map ? [...v] : Object.entries(v);
			out.push(...head(5, entries.length));
			for (const [k, val] of entries) {
				put(k);
				put(val);
			}
		}
	};
	put(value);
	return new Uint8Array(out);
}

// ---- bytes ------------------------------------------------------------------------------------

const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};
const sha256 = async (bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const b64url = (bytes: Uint8Array) => encodeBase64urlNoPadding(bytes);
const u32 = (n: number) => new Uint8Array([(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** An ECDSA signature as WebCrypto gives it (r‖s, 32 bytes each) in the ASN.1 DER form WebAuthn requires. */
function derSignature(raw: Uint8Array): Uint8Array {
	const int = (bytes: Uint8Array) => {
		let i = 0;
		while (i < bytes.length - 1 && bytes[i] === 0) i++;
		let v = bytes.slice(i);
		if (v[0] & 0x80) v = concat(new Uint8Array([0]), v);
		return concat(new Uint8Array([0x02, v.length]), v);
	};
	const body = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
	return concat(new Uint8Array([0x30, body.length]), body);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface Bend {
	/** The origin the "browser" writes into clientDataJSON (default: the authenticator's). */
	origin?: string;
	/** The RP ID whose hash starts the authenticator data (default: the options' / the authenticator's). */
	rpId?: string;
	/** Sign with this counter instead of the next one (a cloned authenticator goes back). */
	counter?: number;
	/** Answer with this credential id (another account's) instead of our own. */
	credentialId?: string;
}

/** One passkey held by a software authenticator: its id, key pair and signature counter. */
export class SoftAuthenticator {
	counter = 0;
	private constructor(
		readonly credentialId: Uint8Array,
		private readonly keys: CryptoKeyPair,
		readonly origin: string,
		readonly rpId: string
	) {}

	static async create(origin = 'http://wasla.test', rpId = new URL(origin).hostname): Promise<SoftAuthenticator> {
		const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
		return new SoftAuthenticator(crypto.getRandomValues(new Uint8Array(16)), keys, origin, rpId);
	}

	get id(): string {
		return b64url(this.credentialId);
	}

	/** The public key as COSE (EC2, ES256, P-256). */
	private async coseKey(): Promise<Uint8Array> {
		const raw = new Uint8Array((await crypto.subtle.exportKey('raw', this.keys.publicKey)) as ArrayBuffer);
		return cbor(
			new Map<Cbor, Cbor>([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, raw.slice(1, 33)],
				[-3, raw.slice(33, 65)]
			])
		);
	}

	private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, bend: Bend): Uint8Array {
		return utf8(JSON.stringify({ type, challenge, origin: bend.origin ?? this.origin, crossOrigin: false }));
	}

	/** navigator.credentials.create() for registration options, as startRegistration() returns it. */
	async register(options: PublicKeyCredentialCreationOptionsJSON, bend: Bend = {}): Promise<RegistrationResponseJSON> {
		const rpId = bend.rpId ?? options.rp.id ?? this.rpId;
		const clientDataJSON = this.clientData('webauthn.create', options.challenge, bend);
		const attested = concat(new Uint8Array(16), new Uint8Array([0, this.credentialId.length]), this.credentialId, await this.coseKey());
		const authData = concat(await sha256(utf8(rpId)), new Uint8Array([FLAG_UP | FLAG_UV | FLAG_AT]), u32(this.counter), attested);
		const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			authenticatorAttachment: 'platform',
			clientExtensionResults: {},
			response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal', 'hybrid'] }
		};
	}

	/** navigator.credentials.get() for request options, as startAuthentication() returns it: the counter moves on by one. */
	async assert(options: PublicKeyCredentialRequestOptionsJSON, bend: Bend = {}): Promise<AuthenticationResponseJSON> {
		const rpId = bend.rpId ?? options.rpId ?? this.rpId;
		const counter = bend.counter ?? ++this.counter;
		const clientDataJSON = this.clientData('webauthn.get', options.challenge, bend);
		const authData = concat(await sha256(utf8(rpId)), new Uint8Array([FLAG_UP | FLAG_UV]), u32(counter));
		const signed = concat(authData, await sha256(clientDataJSON));
		const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
		const id = bend.credentialId ?? this.id;
		return {
			id,
			rawId: id,
			type: 'public-key',
			authenticatorAttachment: 'platform',
			clientExtensionResults: {},
			response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(derSignature(raw)) }
		};
	}
}

/** The challenge inside an answer's clientDataJSON (to check what was signed). */
export function signedChallenge(response: { response: { clientDataJSON: string } }): string {
	return (JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(response.response.clientDataJSON))) as { challenge: string }).challenge;
}
