/**
 * Reading team invitations and the D1 statements that answer them. Shared by sign-up (an
 * explicit "join this team" choice) and the invitation routes; it imports no other service
 * that could import it back.
 */
import type { brandInvitations, brands, users } from '../../db/schema';
import type { SqlRow } from '../../db/schema/sql-row';
import type { ServiceContext } from '../context';
import { type InvitationTimes, pendingSql } from '../domain/team-invitations';
import { notifyUserStatement } from './notifications';

/** An invitation with its brand's and inviter's names (SELECT below). */
export type InvitationRow = SqlRow<typeof brandInvitations> & { brand_name: SqlRow<typeof brands>['name']; inviter_name: SqlRow<typeof users>['name'] };

const SELECT = `SELECT i.id, i.brand_id, b.name AS brand_name, i.email, i.invited_by, u.name AS inviter_name, i.created_at, i.expires_at,
	i.accepted_at, i.accepted_by, i.declined_at, i.revoked_at
	FROM brand_invitations i JOIN brands b ON b.id = i.brand_id JOIN users u ON u.id = i.invited_by`;

export function findInvitation(ctx: ServiceContext, id: string): Promise<InvitationRow | null> {
	return ctx.db.prepare(`${SELECT} WHERE i.id = ?1`).bind(id).first<InvitationRow>();
}

/** Pending, unexpired invitations addressed to `email`, oldest first. */
export async function pendingInvitationsFor(ctx: ServiceContext, email: string): Promise<InvitationRow[]> {
	const { results } = await ctx.db
		.prepare(`${SELECT} WHERE i.email = ?1 AND ${pendingSql('?2', 'i')} ORDER BY i.created_at, i.id`)
		.bind(email, ctx.now)
		.all<InvitationRow>();
	return results;
}

export const timesOf = (row: InvitationRow): InvitationTimes => ({
	expiresAt: row.expires_at,
	acceptedAt: row.accepted_at,
	declinedAt: row.declined_at,
	revokedAt: row.revoked_at
});

/**
 * Accepting, as one batch: the guarded UPDATE marks the invitation accepted only while it is
 * pending; every following statement acts only if that UPDATE did (the row then carries this
 * user and this instant), so a lost race adds no membership, switches nothing and notifies
 * nobody. The user then works in the joined brand, and the inviter is told.
 */
export function acceptStatements(d1: D1Database, inv: InvitationRow, invitee: { id: string; name: string }, now: number): D1PreparedStatement[] {
	const won = 'EXISTS (SELECT 1 FROM brand_invitations WHERE id = ?1 AND accepted_by = ?2 AND accepted_at = ?3)';
	return [
		d1.prepare(`UPDATE brand_invitations SET accepted_at = ?3, accepted_by = ?2 WHERE id = ?1 AND ${pendingSql('?3')}`).bind(inv.id, invitee.id, now),
		d1.prepare(`INSERT OR IGNORE INTO brand_members (brand_id, user_id, role, created_at) SELECT ?4, ?2, 'member', ?3 WHERE ${won}`).bind(inv.id, invitee.id, now, inv.brand_id),
		d1.prepare(`UPDATE users SET current_brand_id = ?4 WHERE id = ?2 AND ${won}`).bind(inv.id, invitee.id, now, inv.brand_id),
		notifyUserStatement(d1, inv.invited_by, 'team_invitation_accepted', { brandName: inv.brand_name, invitationId: inv.id, memberName: invitee.name }, now, {
			sql: 'EXISTS (SELECT 1 FROM brand_invitations WHERE id = ?6 AND accepted_by = ?7 AND accepted_at = ?8)',
			params: [inv.id, invitee.id, now]
		})
	];
}

/** Declining, as one batch: the guarded UPDATE, then the inviter's notification only if it won. */
export function declineStatements(d1: D1Database, inv: InvitationRow, invitee: { id: string; name: string }, now: number): D1PreparedStatement[] {
	return [
		d1.prepare(`UPDATE brand_invitations SET declined_at = ?2 WHERE id = ?1 AND ${pendingSql('?2')}`).bind(inv.id, now),
		notifyUserStatement(d1, inv.invited_by, 'team_invitation_declined', { brandName: inv.brand_name, invitationId: inv.id, memberName: invitee.name }, now, {
			sql: 'EXISTS (SELECT 1 FROM brand_invitations WHERE id = ?6 AND declined_at = ?7)',
			params: [inv.id, now]
		})
	];
}
