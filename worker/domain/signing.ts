/**
 * The rules of agreeing and signing, as data and pure functions: the agreement's state
 * machine (who may do what in which status), which signatures count, the one-time signing
 * code policy and the consent text a signer accepts. No D1, no Hono: the service
 * (worker/services/agreements.ts) reads the rows, asks these functions, then writes.
 */
import type { Locale } from '../i18n';
import { toHex, sha256Hex } from './encoding';

export const AGREEMENT_STATUSES = ['draft', 'awaiting_signatures', 'signed', 'void'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type Party = 'brand' | 'creator';

export const AGREEMENT_ACTIONS = ['edit', 'propose', 'send', 'reopen', 'void', 'request_code', 'sign'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/**
 * Who may act, and from which statuses. The brand edits and sends; the creator proposes
 * changes to a draft; either side may reopen a sent agreement (to change its terms) and
 * sign it; only the brand voids, and never once signed.
 */
export const AGREEMENT_RULES: Record<AgreementAction, { parties: readonly Party[]; from: readonly AgreementStatus[] }> = {
	edit: { parties: ['brand'], from: ['draft'] },
	propose: { parties: ['creator'], from: ['draft'] },
	send: { parties: ['brand'], from: ['draft'] },
	reopen: { parties: ['brand', 'creator'], from: ['awaiting_signatures'] },
	void: { parties: ['brand'], from: ['draft', 'awaiting_signatures'] },
	request_code: { parties: ['brand', 'creator'], from: ['awaiting_signatures'] },
	sign: { parties: ['brand', 'creator'], from: ['awaiting_signatures'] }
};

export type ActionCheck = { ok: true } | { ok: false; code: 'forbidden' | 'invalid_state' | 'already_signed' };

/**
 * Whether `party` may do `action` now. The role is checked first (a creator editing is a
 * 403 whatever the status), then the status (409), then for signing whether this party has
 * already signed the current version (409 `already_signed`, which a retry can treat as done).
 */
export function checkAction(status: AgreementStatus, action: AgreementAction, party: Party, signedParties: readonly Party[] = []): ActionCheck {
	const rule = AGREEMENT_RULES[action];
	if (!rule.parties.includes(party)) return { ok: false, code: 'forbidden' };
	if ((action === 'sign' || action === 'request_code') && (status === 'signed' || signedParties.includes(party))) {
		return { ok: false, code: 'already_signed' };
	}
	if (!rule.from.includes(status)) return { ok: false, code: 'invalid_state' };
	return { ok: true };
}

/** The actions `party` may take now, for the UI (canEdit, canSign…). */
export function allowedActions(status: AgreementStatus, party: Party, signedParties: readonly Party[]): AgreementAction[] {
	return AGREEMENT_ACTIONS.filter((a) => checkAction(status, a, party, signedParties).ok);
}

/**
 * Only signatures of the current version count: editing after a reopen makes a new version,
 * and what was signed before no longer binds anyone.
 */
export function countingSignatures<S extends { version: number }>(signatures: readonly S[], currentVersion: number): S[] {
	return signatures.filter((s) => s.version === currentVersion);
}

/** Both parties have signed the current version. */
export function isComplete(signedParties: readonly Party[]): boolean {
	return signedParties.includes('brand') && signedParties.includes('creator');
}

export const otherParty = (p: Party): Party => (p === 'brand' ? 'creator' : 'brand');

// ---- one-time signing codes ---------------------------------------------------------------

/** The code policy: 6 digits, valid 10 minutes, one use, 5 tries; at most 5 sent per hour. */
export const SIGNING_CODE = {
	digits: 6,
	ttlMs: 10 * 60 * 1000,
	maxAttempts: 5
} as const;

const CODE_SPACE = 10 ** SIGNING_CODE.digits;
/** Largest multiple of 10^6 below 2^32: values at or above it are redrawn (no modulo bias). */
const UNBIASED_LIMIT = Math.floor(2 ** 32 / CODE_SPACE) * CODE_SPACE;

/** Fills a Uint32Array with random values; crypto.getRandomValues in production. */
export type RandomFill = (buf: Uint32Array<ArrayBuffer>) => void;
const cryptoFill: RandomFill = (buf) => {
	crypto.getRandomValues(buf);
};

/**
 * A uniformly random 6-digit code ("000000"–"999999"). Draws 32-bit values and rejects
 * those in the incomplete last block of 10^6, so every code is equally likely.
 */
export function generateSigningCode(fill: RandomFill = cryptoFill): string {
	const buf = new Uint32Array(1);
	for (let i = 0; i < 64; i++) {
		fill(buf);
		if (buf[0] < UNBIASED_LIMIT) return String(buf[0] % CODE_SPACE).padStart(SIGNING_CODE.digits, '0');
	}
	// 64 rejections in a row has probability below 10^-200 with a real random source.
	throw new Error('random source keeps returning out-of-range values');
}

/** What a signing code's hash covers: the code salted with its row id, so equal codes hash differently. */
export function signingCodeHashInput(codeId: string, code: string): string {
	return `${codeId}:${code}`;
}

/** Only this is stored (signing_codes.code_hash): SHA-256 of `signingCodeHashInput`. */
export function hashSigningCode(codeId: string, code: string): Promise<string> {
	return sha256Hex(signingCodeHashInput(codeId, code));
}

/** Comparison that takes the same time wherever two equal-length hex strings differ. */
export function sameHash(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

export interface StoredCode {
	attempts: number;
	expiresAt: number;
	usedAt: number | null;
	version: number;
}

export type CodeState = 'usable' | 'used' | 'expired' | 'exhausted' | 'stale';

/**
 * Whether a stored code can still be tried: not used, not past its 10 minutes, fewer than
 * 5 tries spent, and issued for the version being signed (a reopen makes old codes stale).
 */
export function codeState(code: StoredCode, now: number, currentVersion: number): CodeState {
	if (code.usedAt !== null) return 'used';
	if (code.version !== currentVersion) return 'stale';
	if (code.attempts >= SIGNING_CODE.maxAttempts) return 'exhausted';
	if (now >= code.expiresAt) return 'expired';
	return 'usable';
}

/** Six digits, spaces and dashes ignored ("123 456" is accepted), or null. */
export function normaliseCode(input: string): string | null {
	const digits = input.replace(/[\s-]/g, '');
	return /^\d{6}$/.test(digits) ? digits : null;
}

// ---- consent --------------------------------------------------------------------------------

/**
 * The declaration a signer accepts, in their language, naming the version and document hash
 * they sign. The API returns the exact text (GET /agreements/:id → consent.text) and stores
 * SHA-256 of that text with the signature, so what the UI showed is what was hashed.
 */
export function consentText(lang: Locale, p: { version: number; documentSha256: string }): string {
	switch (lang) {
		case 'ar':
			return `أقرّ بأنني قرأت الاتفاق (النسخة ${p.version}، البصمة SHA-256: ${p.documentSha256}) وأوافق على جميع بنوده، وأن كتابة اسمي الكامل وإدخال الرمز المرسل إلى بريدي الإلكتروني يُعدّان توقيعًا إلكترونيًا مني يُلزمني بهذا الاتفاق.`;
		case 'en':
			return `I confirm that I have read the agreement (version ${p.version}, SHA-256 fingerprint ${p.documentSha256}) and accept all its terms, and that typing my full name and entering the code sent to my email is my electronic signature, binding me to this agreement.`;
		default:
			return `Je confirme avoir lu l’accord (version ${p.version}, empreinte SHA-256 ${p.documentSha256}) et en accepter toutes les clauses, et que saisir mon nom complet et le code reçu par e-mail vaut signature électronique de ma part et m’engage.`;
	}
}

/**
 * SHA-256 (hex) of the consent text exactly as shown (agreement_signatures.consent_sha256):
 * the text is its own hash input, so `consentText`'s wording is part of the format
 * (test/unit/hash-formats.test.ts pins it).
 */
export function consentSha256(text: string): Promise<string> {
	return sha256Hex(text);
}

/** Random id for a code row (also the code's salt). */
export function codeId(): string {
	const b = new Uint8Array(16);
	crypto.getRandomValues(b);
	return toHex(b);
}

/** The longest user agent kept as signing evidence. */
export const USER_AGENT_MAX = 512;

/**
 * A browser's User-Agent as signing evidence (agreement_signatures.user_agent, the
 * certificate's "Navigateur" row): control, bidi and invisible format characters removed
 * (they would scramble the certificate line), white space collapsed, at most 512 characters.
 */
export function cleanUserAgent(raw: string | null | undefined): string {
	return (raw ?? '')
		.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]|\p{Cs}/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim()
		.slice(0, USER_AGENT_MAX)
		.trim();
}
