/**
 * Passkeys on D1 (issue 15, point 3): registering one from the settings (options, then the
 * browser's answer), listing and removing them, and checking an assertion for the second step
 * of a login or a re-authentication. The ceremonies are verified by @simplewebauthn/server
 * (WebCrypto, so it runs in the Worker); challenges are stored here, bound to the session or
 * the pending login, valid 5 minutes and good once. Rules: worker/domain/passkeys.ts.
 */
import {
	type AuthenticationResponseJSON,
	type RegistrationResponseJSON,
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse
} from '@simplewebauthn/server';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { CallerContext, ServiceContext } from '../context';
import { AppError } from '../errors';
import {
	type ChallengePurpose,
	MAX_PASSKEYS_PER_USER,
	PASSKEY_CEREMONY_TIMEOUT_MS,
	PASSKEY_CHALLENGE_TTL_MS,
	type RelyingParty,
	challengeKey,
	cleanTransports,
	parseTransports,
	relyingParty
} from '../domain/passkeys';
import { isUniqueViolation } from './conflicts';

interface PasskeyRow {
	id: string;
	user_id: string;
	credential_id: string;
	public_key: string;
	counter: number;
	transports: string;
	name: string;
	created_at: number;
	last_used_at: number | null;
}

/** The relying party of this request, or 503 when production has no APP_URL to take it from. */
export function rpOf(ctx: Pick<ServiceContext, 'env' | 'origin'>): RelyingParty {
	const rp = relyingParty(ctx.env, ctx.origin);
	if (!rp) throw new AppError('unavailable', { detailKey: 'detail_passkeys_unavailable' });
	return rp;
}

/** The error a refused passkey answer gives, on the field that carried it. */
export const passkeyError = (path: string) => new AppError('invalid_request', { fieldKeys: [{ path, key: 'passkey_invalid' }] });

async function storeChallenge(ctx: ServiceContext, purpose: ChallengePurpose, bindingHash: string, userId: string, challenge: string) {
	await ctx.db.batch([
		ctx.db.prepare('DELETE FROM webauthn_challenges WHERE expires_at <= ?1').bind(ctx.now),
		ctx.db
			.prepare('INSERT OR REPLACE INTO webauthn_challenges (binding_key, user_id, challenge, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)')
			.bind(challengeKey(purpose, bindingHash), userId, challenge, ctx.now, ctx.now + PASSKEY_CHALLENGE_TTL_MS)
	]);
}

/**
 * Takes the challenge issued for this purpose and binding, deleting it whatever comes next:
 * an answer is checked against a challenge once (a replay finds none). Null when there is
 * none, it is another user's, or it expired.
 */
async function takeChallenge(ctx: ServiceContext, purpose: ChallengePurpose, bindingHash: string, userId: string): Promise<string | null> {
	const row = await ctx.db
		.prepare('DELETE FROM webauthn_challenges WHERE binding_key = ?1 RETURNING user_id, challenge, expires_at')
		.bind(challengeKey(purpose, bindingHash))
		.first<{ user_id: string; challenge: string; expires_at: number }>();
	if (!row || row.user_id !== userId || row.expires_at <= ctx.now) return null;
	return row.challenge;
}

function toPublic(row: PasskeyRow) {
	return {
		id: row.id,
		name: row.name,
		createdAt: new Date(row.created_at).toISOString(),
		lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString()
	};
}

async function passkeysOf(ctx: ServiceContext, userId: string): Promise<PasskeyRow[]> {
	const { results } = await ctx.db.prepare('SELECT * FROM passkeys WHERE user_id = ?1 ORDER BY created_at, id').bind(userId).all<PasskeyRow>();
	return results;
}

/** The caller's passkeys, oldest first (no key material). */
export async function listPasskeys(ctx: CallerContext) {
	return { passkeys: (await passkeysOf(ctx, ctx.user.id)).map(toPublic) };
}

function requireSession(ctx: CallerContext): string {
	if (!ctx.sessionHash) throw new AppError('unauthenticated');
	return ctx.sessionHash;
}

/**
 * Options for registering a new passkey (the route asks for a fresh re-authentication): the
 * caller's existing ones excluded, attestation "none", a resident key preferred; the challenge
 * is bound to this session.
 */
export async function passkeyRegistrationOptions(ctx: CallerContext) {
	const rp = rpOf(ctx);
	const session = requireSession(ctx);
	const existing = await passkeysOf(ctx, ctx.user.id);
	if (existing.length >= MAX_PASSKEYS_PER_USER) throw new AppError('invalid_state', { detailKey: 'detail_passkeys_too_many' });
	const options = await generateRegistrationOptions({
		rpName: rp.name,
		rpID: rp.id,
		userName: ctx.user.email,
		userDisplayName: ctx.user.name,
		userID: new Uint8Array(new TextEncoder().encode(ctx.user.id)),
		timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
		attestationType: 'none',
		excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: parseTransports(p.transports) })),
		authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' }
	});
	await storeChallenge(ctx, 'register', session, ctx.user.id, options.challenge);
	return { options };
}

/**
 * Registers the passkey the browser made from the options (the route asks for a fresh
 * re-authentication): the answer must carry this session's challenge, our origin and RP ID.
 * Stores its id, public key, counter and transports under the name given.
 */
export async function registerPasskey(ctx: CallerContext, input: { name: string; response: RegistrationResponseJSON }) {
	const rp = rpOf(ctx);
	const session = requireSession(ctx);
	const challenge = await takeChallenge(ctx, 'register', session, ctx.user.id);
	if (!challenge) throw passkeyError('response');
	let info;
	try {
		const verified = await verifyRegistrationResponse({
			response: input.response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: false
		});
		if (!verified.verified) throw passkeyError('response');
		info = verified.registrationInfo;
	} catch (err) {
		if (err instanceof AppError) throw err;
		throw passkeyError('response');
	}
	const count = await ctx.db.prepare('SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1').bind(ctx.user.id).first<{ n: number }>();
	if ((count?.n ?? 0) >= MAX_PASSKEYS_PER_USER) throw new AppError('invalid_state', { detailKey: 'detail_passkeys_too_many' });
	const row: PasskeyRow = {
		id: crypto.randomUUID(),
		user_id: ctx.user.id,
		credential_id: info.credential.id,
		public_key: encodeBase64urlNoPadding(info.credential.publicKey),
		counter: info.credential.counter,
		transports: JSON.stringify(cleanTransports(input.response.response.transports ?? info.credential.transports)),
		name: input.name,
		created_at: ctx.now,
		last_used_at: null
	};
	try {
		await ctx.db
			.prepare('INSERT INTO passkeys (id, user_id, credential_id, public_key, counter, transports, name, created_at, last_used_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL)')
			.bind(row.id, row.user_id, row.credential_id, row.public_key, row.counter, row.transports, row.name, row.created_at)
			.run();
	} catch (err) {
		if (isUniqueViolation(err)) throw new AppError('already_exists', { detailKey: 'detail_passkey_exists' });
		throw err;
	}
	return { passkey: toPublic(row) };
}

/** Removes one of the caller's passkeys (the route asks for a fresh re-authentication); another user's is 404. */
export async function removePasskey(ctx: CallerContext, id: string) {
	const gone = await ctx.db.prepare('DELETE FROM passkeys WHERE id = ?1 AND user_id = ?2').bind(id, ctx.user.id).run();
	if (gone.meta.changes !== 1) throw new AppError('not_found');
}

/** How many passkeys the user has (a second factor when at least one). */
export async function passkeyCount(ctx: ServiceContext, userId: string): Promise<number> {
	return (await ctx.db.prepare('SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1').bind(userId).first<{ n: number }>())?.n ?? 0;
}

/**
 * Options for proving the user with one of their passkeys (second step of a login, or a
 * re-authentication): their credentials allowed, the challenge bound to `bindingHash` (the
 * pending login's or the session's token hash). 409 when the user has none.
 */
export async function passkeyAssertionOptions(ctx: ServiceContext, purpose: 'login' | 'reauth', userId: string, bindingHash: string) {
	const rp = rpOf(ctx);
	const mine = await passkeysOf(ctx, userId);
	if (mine.length === 0) throw new AppError('invalid_state', { detailKey: 'detail_no_passkey' });
	const options = await generateAuthenticationOptions({
		rpID: rp.id,
		timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
		userVerification: 'preferred',
		allowCredentials: mine.map((p) => ({ id: p.credential_id, transports: parseTransports(p.transports) }))
	});
	await storeChallenge(ctx, purpose, bindingHash, userId, options.challenge);
	return { options };
}

/**
 * Checks a passkey assertion for the user against the challenge bound to `bindingHash` (used
 * up whatever the outcome): the credential must be one of this user's, the origin and RP ID
 * ours, the signature right and the counter higher than the last one seen (unless the
 * authenticator keeps none). Right: the counter and last use are saved, guarded so two
 * parallel answers cannot both pass. False otherwise; nothing else changes.
 */
export async function usePasskey(ctx: ServiceContext, purpose: 'login' | 'reauth', userId: string, bindingHash: string, response: AuthenticationResponseJSON): Promise<boolean> {
	const rp = relyingParty(ctx.env, ctx.origin);
	if (!rp) throw new AppError('unavailable', { detailKey: 'detail_passkeys_unavailable' });
	const challenge = await takeChallenge(ctx, purpose, bindingHash, userId);
	if (!challenge) return false;
	const row = await ctx.db.prepare('SELECT * FROM passkeys WHERE credential_id = ?1 AND user_id = ?2').bind(response.id, userId).first<PasskeyRow>();
	if (!row) return false;
	let newCounter: number;
	try {
		const verified = await verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: false,
			credential: { id: row.credential_id, publicKey: new Uint8Array(decodeBase64urlIgnorePadding(row.public_key)), counter: row.counter, transports: parseTransports(row.transports) }
		});
		if (!verified.verified) return false;
		newCounter = verified.authenticationInfo.newCounter;
	} catch {
		return false;
	}
	const saved = await ctx.db.prepare('UPDATE passkeys SET counter = ?3, last_used_at = ?4 WHERE id = ?1 AND counter = ?2').bind(row.id, row.counter, newCounter, ctx.now).run();
	return saved.meta.changes === 1;
}
