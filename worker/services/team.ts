/**
 * Brand teams on D1: invitations (sent by the owner, answered only by the invitee), the
 * brands a user belongs to, switching between them, leaving one, and creating one's own.
 * The brand a user works in is `currentBrand` (services/accounts.ts).
 */
import type { brandInvitations } from '../../db/schema';
import type { SqlPick } from '../../db/schema/sql-row';
import type { CallerContext, ServiceContext } from '../context';
import type { Locale, SessionUser } from '../env';
import { AppError } from '../errors';
import { INVITATION_TTL_MS, normaliseEmail } from '../domain/accounts';
import { iso, isoOrNull } from '../domain/dates';
import { canLeave, checkAnswer, checkRevoke, INVITATION_HISTORY_MS, type InvitationAnswer, invitationStatus, pendingSql, shownInTeam } from '../domain/team-invitations';
import { brandMemberships, currentBrand, ownBrandStatements } from './accounts';
import { actingBrand } from './viewer';
import { inviteEmail } from './emails';
import { acceptStatements, declineStatements, findInvitation, type InvitationRow, pendingInvitationsFor, timesOf } from './invitation-records';
import { notifyUserStatement } from './notifications';
import { queueEmailStatement } from './outbox';
import { normaliseAlgerianPhone } from '../domain/phone';

const DAY_MS = 24 * 3600 * 1000;

/** The brand the owner acts for; 403 for a member or a user without a brand. */
async function ownedCurrentBrand(ctx: CallerContext) {
	const brand = await actingBrand(ctx);
	if (brand.role !== 'owner') throw new AppError('forbidden', { detailKey: 'detail_owner_only' });
	return brand;
}

/** Invitations are answered by brand accounts; a creator (or an admin) cannot join a team. */
function requireBrandAccount(user: SessionUser) {
	if (user.role !== 'brand') throw new AppError('forbidden', { detailKey: 'detail_brand_accounts_only' });
}

/**
 * Invites a teammate by email (owner only). A pending invitation to the same address is sent
 * again with a fresh expiry rather than duplicated. The email goes out in the recipient's
 * language when they have an account (else the inviter's); a brand user with an account is
 * also notified in the app. Nobody joins until they accept.
 */
export async function inviteTeammate(ctx: CallerContext, input: { email: string }) {
	const { db, now, locale, origin, user: inviter } = ctx;
	const brand = await ownedCurrentBrand(ctx);
	const email = normaliseEmail(input.email);
	const member = await db.prepare('SELECT 1 AS x FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?1 AND u.email = ?2').bind(brand.id, email).first();
	if (member) throw new AppError('already_exists', { detailKey: 'detail_already_member', fieldKeys: [{ path: 'email', key: 'detail_already_member' }] });

	const [pending, recipient] = await Promise.all([
		db
			.prepare(`SELECT id FROM brand_invitations WHERE brand_id = ?1 AND email = ?2 AND ${pendingSql('?3')} ORDER BY created_at DESC LIMIT 1`)
			.bind(brand.id, email, now)
			.first<{ id: string }>(),
		db.prepare('SELECT id, role, locale FROM users WHERE email = ?1').bind(email).first<{ id: string; role: SessionUser['role']; locale: Locale }>()
	]);
	const id = pending?.id ?? crypto.randomUUID();
	const expiresAt = now + INVITATION_TTL_MS;
	const link = recipient ? `${origin}/invitations` : `${origin}/signup?role=brand&invitation=${encodeURIComponent(id)}&email=${encodeURIComponent(email)}`;
	const mail = inviteEmail(recipient?.locale ?? locale, {
		brand: brand.name,
		inviter: inviter.name,
		to: email,
		link,
		origin,
		hasAccount: recipient !== null,
		days: Math.round(INVITATION_TTL_MS / DAY_MS)
	});
	const stmts: D1PreparedStatement[] = [
		pending
			? db.prepare('UPDATE brand_invitations SET expires_at = ?2, invited_by = ?3 WHERE id = ?1').bind(id, expiresAt, inviter.id)
			: db.prepare('INSERT INTO brand_invitations (id, brand_id, email, invited_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)').bind(id, brand.id, email, inviter.id, now, expiresAt),
		queueEmailStatement(db, mail, now)
	];
	if (recipient?.role === 'brand') {
		stmts.push(notifyUserStatement(db, recipient.id, 'team_invitation_received', { brandName: brand.name, invitationId: id, inviterName: inviter.name }, now));
	}
	await db.batch(stmts);
	return { invitation: { id, email, brandId: brand.id, expiresAt: iso(expiresAt) } };
}

/** Members of the current brand, and its invitations still worth showing: pending, recently declined or expired. */
export async function listTeam(ctx: CallerContext) {
	const { db, now } = ctx;
	const brand = await actingBrand(ctx);
	const [members, invitations] = await db.batch([
		db
			.prepare(
				`SELECT u.id, u.name, u.email, m.role, m.created_at AS joinedAt FROM brand_members m JOIN users u ON u.id = m.user_id
				 WHERE m.brand_id = ?1 ORDER BY m.created_at, u.id`
			)
			.bind(brand.id),
		db
			.prepare(
				`SELECT id, email, created_at, expires_at, accepted_at, declined_at, revoked_at FROM brand_invitations
				 WHERE brand_id = ?1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?2 ORDER BY created_at, id`
			)
			.bind(brand.id, now - INVITATION_HISTORY_MS)
	]);
	type Inv = SqlPick<typeof brandInvitations, 'id' | 'email' | 'created_at' | 'expires_at' | 'accepted_at' | 'declined_at' | 'revoked_at'>;
	const shown = (invitations.results as Inv[])
		.map((i) => ({ row: i, times: { expiresAt: i.expires_at, acceptedAt: i.accepted_at, declinedAt: i.declined_at, revokedAt: i.revoked_at } }))
		.filter(({ times }) => shownInTeam(times, now));
	return {
		brand,
		members: (members.results as { id: string; name: string; email: string; role: string; joinedAt: number }[]).map((m) => ({ ...m, joinedAt: iso(m.joinedAt) })),
		invitations: shown.map(({ row, times }) => ({
			id: row.id,
			email: row.email,
			status: invitationStatus(times, now) as 'pending' | 'declined' | 'expired',
			createdAt: iso(row.created_at),
			expiresAt: iso(row.expires_at),
			declinedAt: isoOrNull(row.declined_at)
		}))
	};
}

/**
 * Withdraws an invitation of the owner's current brand before it is answered. Another
 * brand's invitation is a 404; withdrawing twice changes nothing; an answered one is a 409.
 */
export async function revokeInvitation(ctx: CallerContext, input: { invitationId: string }) {
	const { db, now } = ctx;
	const { invitationId } = input;
	const brand = await ownedCurrentBrand(ctx);
	const inv = await findInvitation(ctx, invitationId);
	if (!inv || inv.brand_id !== brand.id) throw new AppError('not_found');
	const check = checkRevoke(invitationStatus(timesOf(inv), now));
	if (check === 'noop') return;
	if (check) throw new AppError(check.code, { detailKey: check.detailKey });
	const res = await db.prepare('UPDATE brand_invitations SET revoked_at = ?2 WHERE id = ?1 AND accepted_at IS NULL AND declined_at IS NULL AND revoked_at IS NULL').bind(inv.id, now).run();
	// Answered between the read and the write: report what happened.
	if (res.meta.changes === 0) {
		const fresh = await findInvitation(ctx, invitationId);
		const again = fresh ? checkRevoke(invitationStatus(timesOf(fresh), now)) : null;
		if (again && again !== 'noop') throw new AppError(again.code, { detailKey: again.detailKey });
	}
}

/** The caller's brands as the API shows them. */
async function membershipsOut(ctx: CallerContext) {
	return (await brandMemberships(ctx, ctx.user.id)).map((m) => ({ id: m.id, name: m.name, role: m.role, current: m.current, joinedAt: iso(m.joinedAt) }));
}

/**
 * Pending invitations addressed to the caller's email, with the brands they already belong
 * to, so the page can say what joining changes before they answer.
 */
export async function listMyInvitations(ctx: CallerContext) {
	requireBrandAccount(ctx.user);
	const [invitations, memberships] = await Promise.all([pendingInvitationsFor(ctx, ctx.user.email), membershipsOut(ctx)]);
	return {
		invitations: invitations.map((i) => ({ id: i.id, brandName: i.brand_name, inviterName: i.inviter_name, createdAt: iso(i.created_at), expiresAt: iso(i.expires_at) })),
		memberships
	};
}

/** The invitation if it is addressed to the caller; 404 otherwise, whether it exists or not. */
async function invitationFor(ctx: CallerContext, invitationId: string): Promise<InvitationRow> {
	const inv = await findInvitation(ctx, invitationId);
	if (!inv || inv.email !== normaliseEmail(ctx.user.email)) throw new AppError('not_found');
	return inv;
}

/**
 * The invitee accepts or declines. Accepting adds a 'member' membership and makes the joined
 * brand the one they work in; either answer notifies the inviter. Repeating an answer is a
 * 409 with its own code (`already_accepted`, `already_declined`) that a client may treat as
 * success; an expired, withdrawn or differently answered invitation is a 409 `invalid_state`.
 */
export async function answerInvitation(ctx: CallerContext, input: { invitationId: string; answer: InvitationAnswer }) {
	const { db, now, user } = ctx;
	const { invitationId, answer } = input;
	requireBrandAccount(user);
	const inv = await invitationFor(ctx, invitationId);
	const check = checkAnswer(invitationStatus(timesOf(inv), now), answer);
	if (check) throw new AppError(check.code, { detailKey: check.detailKey });
	const stmts = answer === 'accept' ? acceptStatements(db, inv, user, now) : declineStatements(db, inv, user, now);
	const [first] = await db.batch(stmts);
	if (first.meta.changes === 0) {
		// Lost a race with another answer or a withdrawal: report the state that won.
		const fresh = await invitationFor(ctx, invitationId);
		const after = checkAnswer(invitationStatus(timesOf(fresh), now), answer);
		throw after ? new AppError(after.code, { detailKey: after.detailKey }) : new AppError('invalid_state');
	}
	return {
		invitation: { id: inv.id, status: answer === 'accept' ? ('accepted' as const) : ('declined' as const), brandName: inv.brand_name },
		brand: answer === 'accept' ? { id: inv.brand_id, name: inv.brand_name, role: 'member' as const } : null
	};
}

/** An invitation as the sign-up page shows it: only with its id and the address it was sent to, only while pending. */
export async function previewInvitation(ctx: ServiceContext, input: { invitationId: string; email: string }) {
	const inv = await findInvitation(ctx, input.invitationId);
	if (!inv || inv.email !== normaliseEmail(input.email) || invitationStatus(timesOf(inv), ctx.now) !== 'pending') throw new AppError('not_found');
	return { invitation: { id: inv.id, brandName: inv.brand_name, inviterName: inv.inviter_name, expiresAt: iso(inv.expires_at) } };
}

/** The brands the caller belongs to, oldest membership first, with the current one marked. */
export async function listMyBrands(ctx: CallerContext) {
	return { brands: await membershipsOut(ctx) };
}

/** Makes `brandId` the brand the caller works in; 404 unless they belong to it. */
export async function switchBrand(ctx: CallerContext, input: { brandId: string }) {
	const userId = ctx.user.id;
	const { brandId } = input;
	const res = await ctx.db.prepare('UPDATE users SET current_brand_id = ?2 WHERE id = ?1 AND EXISTS (SELECT 1 FROM brand_members WHERE brand_id = ?2 AND user_id = ?1)').bind(userId, brandId).run();
	if (res.meta.changes === 0) throw new AppError('not_found');
	return { brand: await currentBrand(ctx, userId) };
}

/**
 * The caller leaves a brand they are a member of (404 if they are not). Its owner cannot
 * leave it (409). What they created stays with the brand; the owner is notified. The
 * caller then works in their next brand by the usual rule, or in none.
 */
export async function leaveBrand(ctx: CallerContext, input: { brandId: string }) {
	const { db, now, user } = ctx;
	const { brandId } = input;
	const row = await db
		.prepare('SELECT b.name, b.owner_user_id, m.role FROM brand_members m JOIN brands b ON b.id = m.brand_id WHERE m.brand_id = ?1 AND m.user_id = ?2')
		.bind(brandId, user.id)
		.first<{ name: string; owner_user_id: string; role: 'owner' | 'member' }>();
	if (!row) throw new AppError('not_found');
	if (!canLeave(row.role, row.owner_user_id === user.id)) throw new AppError('invalid_state', { detailKey: 'detail_owner_cannot_leave' });
	await db.batch([
		db.prepare("DELETE FROM brand_members WHERE brand_id = ?1 AND user_id = ?2 AND role = 'member'").bind(brandId, user.id),
		db.prepare('UPDATE users SET current_brand_id = NULL WHERE id = ?1 AND current_brand_id = ?2').bind(user.id, brandId),
		notifyUserStatement(db, row.owner_user_id, 'team_member_left', { brandName: row.name, memberName: user.name }, now)
	]);
	return { brand: await currentBrand(ctx, user.id) };
}

/**
 * Creates the caller's own brand (they own it and work in it), for a brand user who has
 * none: after leaving a team, or after joining one at sign-up. One owned brand per account.
 */
export async function createOwnBrand(ctx: CallerContext, input: { name: string }) {
	const { db, now, user } = ctx;
	const name = input.name;
	const id = crypto.randomUUID();
	const [created] = await db.batch(ownBrandStatements(db, user.id, name.trim(), now, id));
	if (created.meta.changes === 0) throw new AppError('already_exists', { detailKey: 'detail_already_own_brand' });
	return { brand: { id, name: name.trim(), role: 'owner' as const } };
}

/** GET /brands/me/contact: the brand's WhatsApp Business number (tracked links open a chat with it); the owner may change it. */
export async function getBrandContact(ctx: CallerContext) {
	const brand = await actingBrand(ctx);
	const row = await ctx.db.prepare('SELECT whatsapp_phone FROM brands WHERE id = ?1').bind(brand.id).first<{ whatsapp_phone: string | null }>();
	return { contact: { whatsappPhone: row?.whatsapp_phone ?? null, canEdit: brand.role === 'owner' } };
}

/**
 * PUT /brands/me/contact (owner only: the number where the brand's sales land): an Algerian
 * number stored E.164, or null to remove it; an unusual prefix is saved with a warning.
 */
export async function setBrandContact(ctx: CallerContext, input: { whatsappPhone: string | null }) {
	const brand = await ownedCurrentBrand(ctx);
	let e164: string | null = null;
	let warning: { path: string; code: 'unusual_prefix'; phone: string } | null = null;
	if (input.whatsappPhone !== null && input.whatsappPhone.trim() !== '') {
		const p = normaliseAlgerianPhone(input.whatsappPhone);
		if (!p.ok) throw new AppError('invalid_request', { fieldKeys: [{ path: 'whatsappPhone', key: 'brand_whatsapp_invalid' }] });
		e164 = p.e164;
		if (p.warning) warning = { path: 'whatsappPhone', code: 'unusual_prefix', phone: p.e164 };
	}
	await ctx.db.prepare('UPDATE brands SET whatsapp_phone = ?2 WHERE id = ?1').bind(brand.id, e164).run();
	return { contact: { whatsappPhone: e164, canEdit: true }, warning };
}
