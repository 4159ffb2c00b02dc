/**
 * Account operations on D1: sign-up, login, password change, and the brand a user works in.
 * Signing up or in never joins a team: invitations are answered explicitly (services/team.ts).
 */
import type { creators, users } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import { type CallerContext, type RequestContext, type ServiceContext, remembered } from '../context';
import type { Locale, SessionUser } from '../env';
import { AppError } from '../errors';
import { creatorHandle, normaliseEmail } from '../domain/accounts';
import { toHex } from '../domain/encoding';
import { hashPassword, verifyPassword } from '../domain/password';
import { LIMITS } from '../domain/rate-limit-rules';
import { invitationStatus, pickCurrentBrand } from '../domain/team-invitations';
import { isUniqueViolation } from './conflicts';
import { acceptCurrentVersionsStatements } from './consents';
import { consume, refund } from './rate-limit';
import { createSession, deleteOtherSessions } from './sessions';
import { acceptStatements, findInvitation, timesOf } from './invitation-records';
import { openLoginChallenge, secondFactorOf, useSecondFactor } from './two-factor';

export interface PublicUser {
	id: string;
	email: string;
	role: SessionUser['role'];
	name: string;
	locale: Locale;
}

type UserRow = SqlPick<typeof users, 'id' | 'email' | 'name' | 'role' | 'locale' | 'password_hash'>;

const toPublic = (u: UserRow | SessionUser): PublicUser => ({ id: u.id, email: u.email, role: u.role, name: u.name, locale: u.locale });

export interface RegisterInput {
	email: string;
	password: string;
	role: 'brand' | 'creator';
	name: string;
	locale?: Locale;
	/**
	 * The id of a pending invitation addressed to `email` that the person chose to accept
	 * while signing up (brand accounts only): they join that team instead of creating a brand.
	 */
	acceptInvitation?: string;
	/**
	 * The sign-up form's "I accept the terms and the privacy notice" box. `false` refuses the
	 * sign-up (422, nothing written); absent (API clients older than the box), acceptance of the
	 * current versions is recorded with source `api`.
	 */
	acceptTerms?: boolean;
}

/** The invitation a sign-up explicitly accepts, or a 400 on that field that reveals nothing about it. */
async function invitationToAccept(ctx: ServiceContext, input: RegisterInput, email: string) {
	if (input.acceptInvitation === undefined) return null;
	if (input.role !== 'brand') throw new AppError('invalid_request', { fieldKeys: [{ path: 'acceptInvitation', key: 'invitation_brand_only' }] });
	const inv = await findInvitation(ctx, input.acceptInvitation);
	if (!inv || inv.email !== email || invitationStatus(timesOf(inv), ctx.now) !== 'pending') {
		throw new AppError('invalid_request', { fieldKeys: [{ path: 'acceptInvitation', key: 'invitation_unavailable' }] });
	}
	return inv;
}

/**
 * Creates the account and its organisation: a brand user gets a brand named after `name`,
 * or, when they explicitly accept an invitation addressed to their email
 * (`acceptInvitation`), joins that team instead; a creator gets a creator profile. Nothing
 * else joins a team. Returns the user and a new session token (the session records the client).
 */
export async function registerUser(ctx: RequestContext, input: RegisterInput) {
	const { db, now } = ctx;
	// Before anything is counted or written: a refusal leaves the database as it was.
	if (input.acceptTerms === false) throw new AppError('unprocessable', { detailKey: 'detail_terms_required', fieldKeys: [{ path: 'acceptTerms', key: 'terms_required' }] });
	const email = normaliseEmail(input.email);
	await consume(ctx, LIMITS.registerIp, ctx.ip ?? 'unknown');
	await consume(ctx, LIMITS.registerAccount, email);

	const existing = await db.prepare('SELECT id FROM users WHERE email = ?1').bind(email).first();
	if (existing) throw new AppError('already_exists', { detailKey: 'detail_email_taken', fieldKeys: [{ path: 'email', key: 'detail_email_taken' }] });

	const invitation = await invitationToAccept(ctx, input, email);
	const userId = crypto.randomUUID();
	const name = input.name.trim();
	const user: UserRow = { id: userId, email, name, role: input.role, locale: input.locale ?? ctx.locale, password_hash: await hashPassword(input.password) };
	const stmts: D1PreparedStatement[] = [
		db
			.prepare('INSERT INTO users (id, email, name, role, password_hash, locale, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
			.bind(user.id, email, name, user.role, user.password_hash, user.locale, now),
		...acceptCurrentVersionsStatements(db, { userId, at: now, locale: user.locale, source: input.acceptTerms === true ? 'web' : 'api' })
	];
	if (invitation) {
		// If the invitation was answered or withdrawn meanwhile, the account still exists,
		// without a brand: the product then offers to create one.
		stmts.push(...acceptStatements(db, invitation, { id: userId, name }, now));
	} else if (input.role === 'brand') {
		stmts.push(...ownBrandStatements(db, userId, name, now));
	} else {
		const suffix = toHex(crypto.getRandomValues(new Uint8Array(3)));
		stmts.push(
			db
				.prepare('INSERT INTO creators (id, user_id, display_name, handle, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)')
				.bind(crypto.randomUUID(), userId, name, creatorHandle(name, suffix), now)
		);
	}
	try {
		await db.batch(stmts);
	} catch (err) {
		if (isUniqueViolation(err)) throw new AppError('already_exists', { detailKey: 'detail_email_taken', fieldKeys: [{ path: 'email', key: 'detail_email_taken' }] });
		throw err;
	}
	const session = await createSession(ctx, userId);
	return { user: toPublic(user), session };
}

/**
 * Checks the credentials under the per-IP and per-account limits and opens a new session
 * (never reusing a token). With a second factor on, the session opens only with a right
 * `otp` (TOTP or recovery code); without one, a pending login (`challenge`) is opened
 * instead and the code is asked for (services/two-factor.ts). Waiting invitations are left
 * for the user to answer.
 */
export async function loginUser(
	ctx: RequestContext,
	input: { email: string; password: string; otp?: string }
): Promise<{ user: PublicUser; session: { token: string }; challenge?: undefined } | { user: PublicUser; challenge: { token: string; expiresAt: number }; session?: undefined }> {
	const email = normaliseEmail(input.email);
	await consume(ctx, LIMITS.loginIp, ctx.ip ?? 'unknown');
	// Counted atomically before the password work: parallel guesses each take a slot, so
	// at most `max` of them are ever checked. A success gives its slot back (only failures count).
	await consume(ctx, LIMITS.loginAccount, email);

	const user = await ctx.db.prepare('SELECT id, email, name, role, locale, password_hash FROM users WHERE email = ?1').bind(email).first<UserRow>();
	const ok = await verifyPassword(input.password, user?.password_hash ?? null);
	if (!user || !ok) throw new AppError('invalid_credentials');
	const factor = await secondFactorOf(ctx, user.id);
	if (factor) {
		// The password is right: its slot goes back, and each wrong code takes one (here or on the pending login).
		if (input.otp === undefined) {
			await refund(ctx, LIMITS.loginAccount, email);
			return { user: toPublic(user), challenge: await openLoginChallenge(ctx, user.id) };
		}
		if (!(await useSecondFactor(ctx, factor, input.otp))) throw new AppError('invalid_request', { fieldKeys: [{ path: 'otp', key: 'totp_code_invalid' }] });
	}
	await refund(ctx, LIMITS.loginAccount, email);
	const session = await createSession(ctx, user.id);
	return { user: toPublic(user), session };
}

/** The public fields of a user, by id (after a login finished with a second factor). */
export async function publicUser(ctx: ServiceContext, userId: string): Promise<PublicUser> {
	const row = await ctx.db.prepare('SELECT id, email, name, role, locale, password_hash FROM users WHERE id = ?1').bind(userId).first<UserRow>();
	if (!row) throw new AppError('invalid_credentials');
	return toPublic(row);
}

/** Changes the caller's password and ends every other session of theirs (this one stays). */
export async function changePassword(ctx: CallerContext, input: { currentPassword: string; newPassword: string }) {
	const userId = ctx.user.id;
	const row = await ctx.db.prepare('SELECT password_hash FROM users WHERE id = ?1').bind(userId).first<SqlPick<typeof users, 'password_hash'>>();
	if (!(await verifyPassword(input.currentPassword, row?.password_hash ?? null))) {
		throw new AppError('invalid_request', { detailKey: 'detail_wrong_password', fieldKeys: [{ path: 'currentPassword', key: 'detail_wrong_password' }] });
	}
	await ctx.db
		.prepare('UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1')
		.bind(userId, await hashPassword(input.newPassword), ctx.now)
		.run();
	await deleteOtherSessions(ctx, userId, ctx.sessionHash);
}

/** Saves the caller's preferred language (emails use it). */
export async function saveLocale(ctx: CallerContext, input: { locale: Locale }) {
	await ctx.db.prepare('UPDATE users SET locale = ?2 WHERE id = ?1').bind(ctx.user.id, input.locale).run();
}

export interface Membership {
	id: string;
	name: string;
	role: 'owner' | 'member';
}

/**
 * A new brand owned by `userId`, its owner membership, and the user working in it. Guarded:
 * nothing is written if the user already owns a brand (one owned brand per account), so the
 * first statement's `changes` says whether it happened.
 */
export function ownBrandStatements(d1: D1Database, userId: string, name: string, now: number, brandId: string = crypto.randomUUID()): D1PreparedStatement[] {
	const created = 'EXISTS (SELECT 1 FROM brands WHERE id = ?1 AND owner_user_id = ?2)';
	return [
		d1.prepare('INSERT INTO brands (id, name, owner_user_id, created_at) SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM brands WHERE owner_user_id = ?3)').bind(brandId, name, userId, now),
		d1.prepare(`INSERT INTO brand_members (brand_id, user_id, role, created_at) SELECT ?1, ?2, 'owner', ?3 WHERE ${created}`).bind(brandId, userId, now),
		d1.prepare(`UPDATE users SET current_brand_id = ?1 WHERE id = ?2 AND ${created}`).bind(brandId, userId)
	];
}

export interface BrandMembership extends Membership {
	/** The user owns this brand. */
	owns: boolean;
	/** When the user joined it (ms). */
	joinedAt: number;
	/** It is the brand the user currently works in. */
	current: boolean;
}

/** Every brand the user belongs to, oldest membership first, with the one they work in marked. */
export function brandMemberships(ctx: ServiceContext, userId: string): Promise<BrandMembership[]> {
	return remembered(ctx, `memberships:${userId}`, () => readBrandMemberships(ctx, userId));
}

type MembershipRow = Membership & { owns: number; joinedAt: number; chosen: string | null };

/** The query behind brandMemberships, as a statement (GET /me reads it in one batch with its count). */
function brandMembershipsStatement(db: D1Database, userId: string): D1PreparedStatement {
	return db
		.prepare(
			`SELECT b.id, b.name, m.role, b.owner_user_id = m.user_id AS owns, m.created_at AS joinedAt, u.current_brand_id AS chosen
			 FROM brand_members m JOIN brands b ON b.id = m.brand_id JOIN users u ON u.id = m.user_id
			 WHERE m.user_id = ?1 ORDER BY m.created_at, b.id`
		)
		.bind(userId);
}

function membershipsOf(results: MembershipRow[]): BrandMembership[] {
	const rows = results.map((r) => ({ id: r.id, name: r.name, role: r.role, owns: r.owns === 1, joinedAt: r.joinedAt }));
	const current = pickCurrentBrand(rows, results[0]?.chosen ?? null);
	return rows.map((r) => ({ ...r, current: r.id === current?.id }));
}

async function readBrandMemberships(ctx: ServiceContext, userId: string): Promise<BrandMembership[]> {
	return membershipsOf((await brandMembershipsStatement(ctx.db, userId).all<MembershipRow>()).results);
}

const currentOf = (memberships: BrandMembership[]): Membership | null => {
	const current = memberships.find((m) => m.current);
	return current ? { id: current.id, name: current.name, role: current.role } : null;
};

/**
 * The brand the user works in, the one every brand-side service acts for: the brand they
 * chose (`users.current_brand_id`) while they still belong to it, else the brand they own,
 * else their oldest membership (`pickCurrentBrand`). Null: they belong to no brand.
 */
export async function currentBrand(ctx: ServiceContext, userId: string): Promise<Membership | null> {
	return currentOf(await brandMemberships(ctx, userId));
}

/** The 403 a brand user without any brand gets from brand-side routes, saying what to do. */
export function noBrandError(): AppError {
	return new AppError('forbidden', { detailKey: 'detail_no_brand' });
}

/**
 * The caller with the brand they work in, or their creator profile, and how many of their
 * notifications are unread: every page asks this once (hooks.server.ts) and its header shows
 * the count, so no page needs a second request for it.
 */
export async function describeMe(ctx: CallerContext) {
	const { user, db } = ctx;
	const unread = db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL').bind(user.id);
	const described = (brand: Membership | null, creator: SqlPick<typeof creators, 'id' | 'handle'> | null, count: D1Result<{ n: number }>) => ({
		user: toPublic(user),
		brand,
		creator,
		unread: count.results[0]?.n ?? 0
	});
	// One D1 round trip: the brand memberships or the creator profile, in one batch with the count.
	if (user.role === 'brand') {
		const [memberships, count] = await db.batch<unknown>([brandMembershipsStatement(db, user.id), unread]);
		return described(currentOf(membershipsOf(memberships.results as MembershipRow[])), null, count as D1Result<{ n: number }>);
	}
	if (user.role === 'creator') {
		const [creator, count] = await db.batch<unknown>([db.prepare('SELECT id, handle FROM creators WHERE user_id = ?1').bind(user.id), unread]);
		return described(null, (creator.results[0] as SqlPick<typeof creators, 'id' | 'handle'> | undefined) ?? null, count as D1Result<{ n: number }>);
	}
	return described(null, null, await unread.all<{ n: number }>());
}
