/**
 * Passkeys (WebAuthn) as a second factor beside TOTP (issue 15, point 3): who the relying
 * party is, how long a challenge lives, what a passkey's name and transports may be. Pure:
 * the configuration and the request's origin come in as arguments. The ceremonies themselves
 * are checked by @simplewebauthn/server (worker/services/passkeys.ts).
 */

/** The name browsers and password managers show beside the passkey. */
export const RP_NAME = 'Wasla';
/** How long options handed to the browser may be answered (a challenge is good once). */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** How long the browser may take over the ceremony (passed in the options). */
export const PASSKEY_CEREMONY_TIMEOUT_MS = 2 * 60 * 1000;
export const MAX_PASSKEYS_PER_USER = 10;
export const PASSKEY_NAME_MAX = 60;

/** What a challenge is for; it is bound to the session (register, reauth) or the pending login (login). */
export type ChallengePurpose = 'register' | 'login' | 'reauth';

/** The key of a challenge row: one per purpose and session or pending login, a newer one replacing it. */
export function challengeKey(purpose: ChallengePurpose, bindingHash: string): string {
	return `${purpose}:${bindingHash}`;
}

export interface RelyingParty {
	/** The RP ID: the host name passkeys are bound to (no scheme, no port). */
	id: string;
	/** The one origin whose ceremonies are accepted (scheme, host and port). */
	origin: string;
	name: string;
}

/**
 * The relying party: in production, the configured public origin (`APP_URL`) and its host
 * name, never the request's Host header; null when it is not configured (passkeys are then
 * unavailable, 503). In development (`npm start`, the tests), the origin the browser is on,
 * so http://localhost:<port> works as well as the configured address.
 */
export function relyingParty(env: { APP_ENV?: string; APP_URL?: string }, requestOrigin: string): RelyingParty | null {
	const configured = env.APP_URL?.trim().replace(/\/+$/, '');
	const origin = env.APP_ENV === 'development' ? requestOrigin : configured;
	if (!origin) return null;
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	return { id: url.hostname, origin: url.origin, name: RP_NAME };
}

const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/** The transports worth keeping as hints from what a browser reported (known names only, no duplicates). */
export function cleanTransports(input: unknown): string[] {
	if (!Array.isArray(input)) return [];
	return [...new Set(input.filter((t): t is string => typeof t === 'string' && TRANSPORTS.has(t)))];
}

/** `passkeys.transports` read back (a JSON array), tolerant of anything else. */
export function parseTransports(stored: string): string[] {
	try {
		return cleanTransports(JSON.parse(stored));
	} catch {
		return [];
	}
}
