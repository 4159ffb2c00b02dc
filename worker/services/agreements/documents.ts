/** What the PDF, its certificate of completion and the sealing job read: terms, counting signatures with their evidence, the audit head. */
import type { CallerContext, ServiceContext } from '../../context';
import type { ChainHead } from '../../domain/audit-chain';
import { readStoredTerms } from '../../domain/agreement-terms';
import { iso, isoOrNull } from '../../domain/dates';
import type { agreementSignatures } from '../../../db/schema';
import type { SqlPick } from '../../../db/schema/sql-row';
import { readHead } from './history';
import { agreementRow, load } from './load';
import type { Party } from '../../domain/signing';
import type { AgreementRow } from './rows';

/** The party of the caller for an agreement (404 unless a party): for other modules' access checks. */
export async function agreementParty(ctx: CallerContext, input: { agreementId: string }): Promise<Party> {
	return (await load(ctx, input.agreementId)).party;
}

/**
 * What the PDF and certificate need, for one of the parties (404 otherwise): the current
 * version's terms and hash, the counting signatures with their evidence, and the hash of
 * the last audit event. Read-only: the PDF route records 'downloaded' with `recordDownload`.
 */
export async function agreementForDocument(ctx: CallerContext, input: { agreementId: string }) {
	const loaded = await load(ctx, input.agreementId);
	return { party: loaded.party, ...(await documentData(ctx.db, loaded.row, loaded.head)) };
}

/**
 * The same data for the sealing job, which has no caller: only for an agreement both
 * parties signed (null otherwise).
 */
export async function signedAgreementForSealing(ctx: ServiceContext, input: { agreementId: string }) {
	const { db } = ctx;
	const { agreementId } = input;
	const row = await agreementRow(db, agreementId, 'signed');
	if (!row) return null;
	return documentData(db, row, await readHead(db, agreementId));
}

async function documentData(db: D1Database, row: AgreementRow, head: ChainHead) {
	const { results } = await db
		.prepare(
			`SELECT party, full_name, signed_at, ip, user_agent, document_sha256, consent_sha256 FROM agreement_signatures
			 WHERE agreement_id = ?1 AND version = ?2 ORDER BY signed_at, party`
		)
		.bind(row.id, row.version)
		.all<SqlPick<typeof agreementSignatures, 'party' | 'full_name' | 'signed_at' | 'ip' | 'user_agent' | 'document_sha256' | 'consent_sha256'>>();
	return {
		agreement: {
			id: row.id,
			status: row.status,
			version: row.version,
			terms: readStoredTerms(row.terms),
			documentSha256: row.document_sha256 ?? '',
			completedAt: isoOrNull(row.completed_at)
		},
		signatures: results.map((s) => ({
			party: s.party,
			name: s.full_name,
			signedAt: iso(s.signed_at),
			ip: s.ip,
			userAgent: s.user_agent,
			documentSha256: s.document_sha256,
			consentSha256: s.consent_sha256
		})),
		auditHead: head.hash
	};
}
