/**
 * Reading an agreement for one of its parties, and the guards every change goes through:
 * access (404 for anyone but the members of its brand and its creator), the state machine
 * (403 wrong party, 409 wrong status) and the optimistic write of the agreement row.
 */
import type { CallerContext } from '../../context';
import type { SessionUser } from '../../env';
import { AppError } from '../../errors';
import type { AuditActor, ChainHead } from '../../domain/audit-chain';
import { type AgreementAction, type Party, checkAction, countingSignatures } from '../../domain/signing';
import { partyOf, viewerOf } from '../viewer';
import { ensureHistory, readHead } from './history';
import { AGREEMENT_SELECT, type AgreementRow, type SignatureRow } from './rows';

/** An agreement as read for one of its parties, with the chain head its next event links to. */
export interface LoadedAgreement {
	row: AgreementRow;
	party: Party;
	user: SessionUser;
	head: ChainHead;
}

/** The agreement row with its parties' names and addresses; `status` narrows it (null: none). */
export function agreementRow(db: D1Database, agreementId: string, status?: AgreementRow['status']): Promise<AgreementRow | null> {
	return status
		? db.prepare(`${AGREEMENT_SELECT} WHERE g.id = ?1 AND g.status = ?2`).bind(agreementId, status).first<AgreementRow>()
		: db.prepare(`${AGREEMENT_SELECT} WHERE g.id = ?1`).bind(agreementId).first<AgreementRow>();
}

/**
 * The agreement if the caller is one of its parties (a member of its brand, or its
 * creator), with the chain head; 404 for anyone else, whatever their role.
 */
export async function load(ctx: CallerContext, agreementId: string): Promise<LoadedAgreement> {
	const { db, user } = ctx;
	const viewer = await viewerOf(ctx);
	if (!viewer) throw new AppError('not_found');
	const row = await agreementRow(db, agreementId);
	if (!row) throw new AppError('not_found');
	const party = partyOf(viewer, { brandId: row.brand_id, creatorId: row.creator_id });
	if (!party) throw new AppError('not_found');
	await ensureHistory(db, row);
	return { row, party, user, head: await readHead(db, agreementId) };
}

/** Every signature of the agreement, on any version, oldest first. */
export async function signaturesOf(db: D1Database, agreementId: string): Promise<SignatureRow[]> {
	const { results } = await db
		.prepare('SELECT id, version, party, user_id, full_name, signed_at, document_sha256, consent_sha256 FROM agreement_signatures WHERE agreement_id = ?1 ORDER BY signed_at, party')
		.bind(agreementId)
		.all<SignatureRow>();
	return results;
}

/** The parties whose signature counts: made on the current version. */
export function signedPartiesOf(signatures: readonly SignatureRow[], version: number): Party[] {
	return countingSignatures(signatures, version).map((s) => s.party);
}

/** Throws the refusal of the state machine: 403 wrong role, 409 wrong status or already signed. */
export function guard(loaded: LoadedAgreement, action: AgreementAction, signed: readonly Party[] = []) {
	const check = checkAction(loaded.row.status, action, loaded.party, signed);
	if (check.ok) return;
	if (check.code === 'forbidden') throw new AppError('forbidden');
	if (check.code === 'already_signed') throw new AppError('already_signed');
	throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
}

/** The caller as the audit trail names them. */
export const actorOf = (loaded: LoadedAgreement): AuditActor => ({ party: loaded.party, userId: loaded.user.id });

/** The agreement row is written only if nobody changed it since it was read (same version and status). */
export function updateAgreement(db: D1Database, loaded: LoadedAgreement, set: string, params: unknown[]) {
	const marks = params.map((_, i) => `?${i + 4}`);
	const sql = set.replace(/\$(\d+)/g, (_, n: string) => marks[Number(n) - 1]);
	return db.prepare(`UPDATE agreements SET ${sql} WHERE id = ?1 AND version = ?2 AND status = ?3`).bind(loaded.row.id, loaded.row.version, loaded.row.status, ...params);
}
