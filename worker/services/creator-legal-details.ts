/**
 * The legal identity a creator keeps on their profile for agreements (issue 14, point 4):
 * private (the creator's own GET /creators/me), written from /profile/legal or when they
 * fill a draft's details, and copied into each new draft agreement when it is created.
 */
import type { CallerContext } from '../context';
import type { CreatorLegalDetails } from '../domain/agreement-details';
import { AppError } from '../errors';

/** The stored columns as the API shows them; null until the creator gave a legal name. */
export function legalDetailsOut(row: { legal_name: string | null; legal_rc_number: string | null; legal_nif: string | null; legal_auto_entrepreneur_card: string | null }): CreatorLegalDetails | null {
	if (!row.legal_name) return null;
	return { legalName: row.legal_name, rcNumber: row.legal_rc_number, nif: row.legal_nif, autoEntrepreneurCard: row.legal_auto_entrepreneur_card };
}

/** The UPDATE that keeps `details` on the creator's profile. */
export function saveLegalDetailsStatement(db: D1Database, creatorId: string, details: CreatorLegalDetails, now: number): D1PreparedStatement {
	return db
		.prepare('UPDATE creators SET legal_name = ?2, legal_rc_number = ?3, legal_nif = ?4, legal_auto_entrepreneur_card = ?5, updated_at = ?6 WHERE id = ?1')
		.bind(creatorId, details.legalName, details.rcNumber, details.nif, details.autoEntrepreneurCard, now);
}

/** PUT /creators/me/legal-details: the caller's profile keeps their legal identity for the next drafts. */
export async function saveOwnLegalDetails(ctx: CallerContext, details: CreatorLegalDetails) {
	const row = await ctx.db.prepare('SELECT id FROM creators WHERE user_id = ?1').bind(ctx.user.id).first<{ id: string }>();
	if (!row) throw new AppError('not_found');
	await saveLegalDetailsStatement(ctx.db, row.id, details, ctx.now).run();
	return { legalDetails: details };
}
