/** Reading agreements: one (recording 'viewed'), the caller's list, one version, and the readable diff between two. */
import { type TermsChange, diffTerms } from '../../../contracts/clauses/diff';
import type { CallerContext } from '../../context';
import type { Locale } from '../../env';
import { AppError } from '../../errors';
import { type AgreementTerms, readStoredTerms } from '../../domain/agreement-terms';
import { iso, isoOrNull } from '../../domain/dates';
import type { AgreementStatus, Party } from '../../domain/signing';
import { noBrandError } from '../accounts';
import { isUniqueViolation } from '../conflicts';
import { viewerOf } from '../viewer';
import { logRecordFailure } from './audit';
import { chainEvents, eventStatement } from './history';
import { actorOf, load, signaturesOf } from './load';
import type { AgreementRow, VersionRow } from './rows';
import { view } from './view';

export const AGREEMENTS_PAGE_SIZE = 20;

/** Readable changes between two versions in `lang` (contracts/clauses/diff.ts); none when either is unreadable. */
function diffTermsRows(a: AgreementTerms | null, b: AgreementTerms | null, lang: Locale): TermsChange[] {
	return a && b ? diffTerms(a, b, lang) : [];
}

/**
 * GET /agreements/:id. A party's read leaves one 'viewed' event per user and version (not
 * one per page load, which would flood the chain). Recording is best-effort: it never
 * fails the read.
 */
export async function getAgreement(ctx: CallerContext, input: { agreementId: string }) {
	const { db, now, user } = ctx;
	const { agreementId } = input;
	const loaded = await load(ctx, agreementId);
	const seen = await db
		.prepare("SELECT 1 AS x FROM agreement_events WHERE agreement_id = ?1 AND action = 'viewed' AND actor_user_id = ?2 AND json_extract(data, '$.version') = ?3 LIMIT 1")
		.bind(agreementId, user.id, loaded.row.version)
		.first();
	if (!seen) {
		try {
			const [e] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'viewed', data: { version: loaded.row.version } }]);
			await eventStatement(db, e).run();
		} catch (err) {
			// A racing writer took the seq (a concurrent view is the same news) or the write failed.
			if (!isUniqueViolation(err)) logRecordFailure('viewed', agreementId, err);
		}
	}
	return view(ctx, loaded);
}

export interface ListQuery {
	status?: AgreementStatus;
	page: number;
}

/** The caller's agreements, latest activity first: the brand's for a brand member, their own for a creator. */
export async function listAgreements(ctx: CallerContext, q: ListQuery) {
	const { db, user } = ctx;
	const viewer = await viewerOf(ctx);
	if (!viewer) throw user.role === 'brand' ? noBrandError() : new AppError('forbidden');
	const [column, owner] = viewer.side === 'brand' ? ['g.brand_id', viewer.brandId] : ['g.creator_id', viewer.creatorId];
	const statusFilter = q.status ? 'AND g.status = ?2' : 'AND ?2 IS NULL';
	const offset = (q.page - 1) * AGREEMENTS_PAGE_SIZE;
	const [rows, count] = await db.batch([
		db
			.prepare(
				`SELECT g.id, g.status, g.version, g.campaign_id, c.title AS campaign_title, g.brand_id, b.name AS brand_name, g.creator_id, cr.display_name AS creator_name,
				        g.sent_at, g.completed_at, g.created_at, g.updated_at,
				        (SELECT group_concat(s.party) FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version) AS signed
				 FROM agreements g JOIN brands b ON b.id = g.brand_id JOIN creators cr ON cr.id = g.creator_id LEFT JOIN campaigns c ON c.id = g.campaign_id
				 WHERE ${column} = ?1 ${statusFilter} ORDER BY g.updated_at DESC, g.id LIMIT ?3 OFFSET ?4`
			)
			.bind(owner, q.status ?? null, AGREEMENTS_PAGE_SIZE, offset),
		db.prepare(`SELECT count(*) AS n FROM agreements g WHERE ${column} = ?1 ${statusFilter}`).bind(owner, q.status ?? null)
	]);
	type Row = Pick<
		AgreementRow,
		'id' | 'status' | 'version' | 'campaign_id' | 'campaign_title' | 'brand_id' | 'brand_name' | 'creator_id' | 'creator_name' | 'sent_at' | 'completed_at' | 'created_at' | 'updated_at'
	> & { signed: string | null };
	return {
		agreements: (rows.results as Row[]).map((r) => ({
			id: r.id,
			status: r.status,
			version: r.version,
			campaign: { id: r.campaign_id, title: r.campaign_title ?? '' },
			brand: { id: r.brand_id, name: r.brand_name },
			creator: { id: r.creator_id, displayName: r.creator_name },
			signedBy: (r.signed ?? '').split(',').filter(Boolean).sort() as Party[],
			sentAt: isoOrNull(r.sent_at),
			completedAt: isoOrNull(r.completed_at),
			createdAt: iso(r.created_at),
			updatedAt: iso(r.updated_at)
		})),
		page: q.page,
		pageSize: AGREEMENTS_PAGE_SIZE,
		total: (count.results[0] as { n: number }).n
	};
}

async function versionRow(db: D1Database, agreementId: string, version: number): Promise<VersionRow | null> {
	return db
		.prepare('SELECT version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at FROM agreement_versions WHERE agreement_id = ?1 AND version = ?2')
		.bind(agreementId, version)
		.first<VersionRow>();
}

/** One version of the terms with the signatures made on it (which count only if it is current). */
export async function getVersion(ctx: CallerContext, input: { agreementId: string; version: number }) {
	const { db } = ctx;
	const { agreementId, version } = input;
	const loaded = await load(ctx, agreementId);
	const row = await versionRow(db, agreementId, version);
	if (!row) throw new AppError('not_found');
	const signatures = (await signaturesOf(db, agreementId)).filter((s) => s.version === version);
	return {
		version: {
			version: row.version,
			current: row.version === loaded.row.version,
			terms: readStoredTerms(row.terms) ?? {},
			documentSha256: row.document_sha256,
			authorParty: row.author_party,
			note: row.note,
			createdAt: iso(row.created_at),
			frozenAt: isoOrNull(row.frozen_at),
			signatures: signatures.map((s) => ({ party: s.party, name: s.full_name, signedAt: iso(s.signed_at), counts: s.version === loaded.row.version }))
		}
	};
}

/** Readable differences between two versions (default: the previous and the current one). */
export async function diffVersions(ctx: CallerContext, q: { agreementId: string; from?: number; to?: number; lang: Locale }) {
	const { db } = ctx;
	const { agreementId } = q;
	const loaded = await load(ctx, agreementId);
	const to = q.to ?? loaded.row.version;
	const from = q.from ?? Math.max(1, to - 1);
	const [a, b] = await Promise.all([versionRow(db, agreementId, from), versionRow(db, agreementId, to)]);
	if (!a || !b) throw new AppError('not_found');
	return {
		from: { version: a.version, documentSha256: a.document_sha256, authorParty: a.author_party, note: a.note },
		to: { version: b.version, documentSha256: b.document_sha256, authorParty: b.author_party, note: b.note },
		lang: q.lang,
		rows: diffTermsRows(readStoredTerms(a.terms), readStoredTerms(b.terms), q.lang)
	};
}
