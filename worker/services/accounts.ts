/** Account operations on D1: sign-up, login, password change, teammates. */
import type { Locale, SessionUser } from '../env';
import { AppError } from '../errors';
import { creatorHandle, INVITATION_TTL_MS, normaliseEmail } from '../domain/accounts';
import { toHex } from '../domain/encoding';
import { hashPassword, verifyPassword } from '../domain/password';
import { LIMITS } from '../domain/rate-limit-rules';
import { consume, refund } from './rate-limit';
import { type ClientInfo, createSession, deleteOtherSessions } from './sessions';
import { queueEmailStatement } from './outbox';
import { inviteEmail } from './emails';

export interface PublicUser {
	id: string;
	email: string;
	role: SessionUser['role'];
	name: string;
	locale: Locale;
}

interface UserRow {
	id: string;
	email: string;
	name: string;
	role: SessionUser['role'];
	locale: Locale;
	password_hash: string | null;
}

const toPublic = (u: UserRow | SessionUser): PublicUser => ({ id: u.id, email: u.email, role: u.role, name: u.name, locale: u.locale });

function isUniqueViolation(err: unknown) {
	return err instanceof Error && /UNIQUE constraint failed/i.test(err.message);
}

/** Pending, unexpired invitations for this email, oldest first. */
function pendingInvitations(d1: D1Database, email: string, now: number) {
	return d1
		.prepare('SELECT id, brand_id FROM brand_invitations WHERE email = ?1 AND accepted_at IS NULL AND expires_at > ?2 ORDER BY created_at')
		.bind(email, now)
		.all<{ id: string; brand_id: string }>()
		.then((r) => r.results);
}

function joinStatements(d1: D1Database, inv: { id: string; brand_id: string }, userId: string, now: number) {
	return [
		d1
			.prepare("INSERT OR IGNORE INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)")
			.bind(inv.brand_id, userId, now),
		d1.prepare('UPDATE brand_invitations SET accepted_at = ?2, accepted_by = ?3 WHERE id = ?1').bind(inv.id, now, userId)
	];
}

export interface RegisterInput {
	email: string;
	password: string;
	role: 'brand' | 'creator';
	name: string;
	locale?: Locale;
}

/**
 * Creates the account and its organisation: a brand user gets a brand named after `name`
 * unless an invitation is waiting for their email (then they join that team); a creator
 * gets a creator profile. Returns the user and a new session token.
 */
export async function registerUser(d1: D1Database, input: RegisterInput, client: ClientInfo, now: number, locale: Locale) {
	const email = normaliseEmail(input.email);
	await consume(d1, LIMITS.registerIp, client.ip ?? 'unknown', now);
	await consume(d1, LIMITS.registerAccount, email, now);

	const existing = await d1.prepare('SELECT id FROM users WHERE email = ?1').bind(email).first();
	if (existing) throw new AppError('already_exists', { detailKey: 'detail_email_taken', fieldKeys: [{ path: 'email', key: 'detail_email_taken' }] });

	const userId = crypto.randomUUID();
	const name = input.name.trim();
	const user: UserRow = { id: userId, email, name, role: input.role, locale: input.locale ?? locale, password_hash: await hashPassword(input.password) };
	const stmts: D1PreparedStatement[] = [
		d1
			.prepare('INSERT INTO users (id, email, name, role, password_hash, locale, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
			.bind(user.id, email, name, user.role, user.password_hash, user.locale, now)
	];
	if (input.role === 'brand') {
		const invitations = await pendingInvitations(d1, email, now);
		if (invitations.length > 0) {
			for (const inv of invitations) stmts.push(...joinStatements(d1, inv, userId, now));
		} else {
			const brandId = crypto.randomUUID();
			stmts.push(
				d1.prepare('INSERT INTO brands (id, name, owner_user_id, created_at) VALUES (?1, ?2, ?3, ?4)').bind(brandId, name, userId, now),
				d1
					.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'owner', ?3)")
					.bind(brandId, userId, now)
			);
		}
	} else {
		const suffix = toHex(crypto.getRandomValues(new Uint8Array(3)));
		stmts.push(
			d1
				.prepare('INSERT INTO creators (id, user_id, display_name, handle, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)')
				.bind(crypto.randomUUID(), userId, name, creatorHandle(name, suffix), now)
		);
	}
	try {
		await d1.batch(stmts);
	} catch (err) {
		if (isUniqueViolation(err)) throw new AppError('already_exists', { detailKey: 'detail_email_taken', fieldKeys: [{ path: 'email', key: 'detail_email_taken' }] });
		throw err;
	}
	const session = await createSession(d1, userId, client, now);
	return { user: toPublic(user), session };
}

/**
 * Checks the credentials under the per-IP and per-account limits, accepts waiting team
 * invitations for brand users, and opens a new session (never reusing a token).
 */
export async function loginUser(d1: D1Database, input: { email: string; password: string }, client: ClientInfo, now: number) {
	const email = normaliseEmail(input.email);
	await consume(d1, LIMITS.loginIp, client.ip ?? 'unknown', now);
	// Counted atomically before the password work: parallel guesses each take a slot, so
	// at most `max` of them are ever checked. A success gives its slot back (only failures count).
	await consume(d1, LIMITS.loginAccount, email, now);

	const user = await d1
		.prepare('SELECT id, email, name, role, locale, password_hash FROM users WHERE email = ?1')
		.bind(email)
		.first<UserRow>();
	const ok = await verifyPassword(input.password, user?.password_hash ?? null);
	if (!user || !ok) throw new AppError('invalid_credentials');
	await refund(d1, LIMITS.loginAccount, email, now);
	if (user.role === 'brand') {
		const invitations = await pendingInvitations(d1, email, now);
		if (invitations.length > 0) await d1.batch(invitations.flatMap((inv) => joinStatements(d1, inv, user.id, now)));
	}
	const session = await createSession(d1, user.id, client, now);
	return { user: toPublic(user), session };
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(
	d1: D1Database,
	userId: string,
	currentHash: string | null,
	input: { currentPassword: string; newPassword: string },
	now: number
) {
	const row = await d1.prepare('SELECT password_hash FROM users WHERE id = ?1').bind(userId).first<{ password_hash: string | null }>();
	if (!(await verifyPassword(input.currentPassword, row?.password_hash ?? null))) {
		throw new AppError('invalid_request', { detailKey: 'detail_wrong_password', fieldKeys: [{ path: 'currentPassword', key: 'detail_wrong_password' }] });
	}
	await d1
		.prepare('UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1')
		.bind(userId, await hashPassword(input.newPassword), now)
		.run();
	await deleteOtherSessions(d1, userId, currentHash);
}

export interface Membership {
	id: string;
	name: string;
	role: 'owner' | 'member';
}

/** The brand the user works in: the most recently joined membership. */
export async function currentBrand(d1: D1Database, userId: string): Promise<Membership | null> {
	return d1
		.prepare(
			`SELECT b.id, b.name, m.role FROM brand_members m JOIN brands b ON b.id = m.brand_id
			 WHERE m.user_id = ?1 ORDER BY m.created_at DESC, b.id LIMIT 1`
		)
		.bind(userId)
		.first<Membership>();
}

export async function describeMe(d1: D1Database, user: SessionUser) {
	const brand = user.role === 'brand' ? await currentBrand(d1, user.id) : null;
	const creator =
		user.role === 'creator'
			? await d1.prepare('SELECT id, handle FROM creators WHERE user_id = ?1').bind(user.id).first<{ id: string; handle: string }>()
			: null;
	return { user: toPublic(user), brand, creator };
}

/** Invites a teammate by email (owner only); the invitation goes to the outbox. */
export async function inviteTeammate(d1: D1Database, inviter: SessionUser, rawEmail: string, now: number, locale: Locale, origin: string) {
	const brand = await currentBrand(d1, inviter.id);
	if (!brand) throw new AppError('forbidden');
	if (brand.role !== 'owner') throw new AppError('forbidden', { detailKey: 'detail_owner_only' });
	const email = normaliseEmail(rawEmail);
	const member = await d1
		.prepare('SELECT 1 AS x FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?1 AND u.email = ?2')
		.bind(brand.id, email)
		.first();
	if (member) throw new AppError('already_exists', { detailKey: 'detail_already_member', fieldKeys: [{ path: 'email', key: 'detail_already_member' }] });
	const id = crypto.randomUUID();
	const expiresAt = now + INVITATION_TTL_MS;
	await d1.batch([
		d1
			.prepare('INSERT INTO brand_invitations (id, brand_id, email, invited_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
			.bind(id, brand.id, email, inviter.id, now, expiresAt),
		queueEmailStatement(d1, inviteEmail(locale, { brand: brand.name, inviter: inviter.name, to: email, origin }), now)
	]);
	return { invitation: { id, email, brandId: brand.id, expiresAt: new Date(expiresAt).toISOString() } };
}

export async function listTeam(d1: D1Database, userId: string, now: number) {
	const brand = await currentBrand(d1, userId);
	if (!brand) throw new AppError('forbidden');
	const members = await d1
		.prepare(
			`SELECT u.id, u.name, u.email, m.role, m.created_at AS joinedAt FROM brand_members m JOIN users u ON u.id = m.user_id
			 WHERE m.brand_id = ?1 ORDER BY m.created_at`
		)
		.bind(brand.id)
		.all<{ id: string; name: string; email: string; role: string; joinedAt: number }>();
	const invitations = await d1
		.prepare('SELECT id, email, created_at AS createdAt, expires_at AS expiresAt FROM brand_invitations WHERE brand_id = ?1 AND accepted_at IS NULL AND expires_at > ?2 ORDER BY created_at')
		.bind(brand.id, now)
		.all<{ id: string; email: string; createdAt: number; expiresAt: number }>();
	return {
		brand,
		members: members.results.map((m) => ({ ...m, joinedAt: new Date(m.joinedAt).toISOString() })),
		invitations: invitations.results.map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString(), expiresAt: new Date(i.expiresAt).toISOString() }))
	};
}
