/**
 * Writing an agreement's history: the hash-chained events and the versions of its terms.
 * Every state change writes its event in the same D1 batch as the change, at the seq after
 * the chain head read at the start of the request; the primary key (agreement_id, seq) makes
 * a racing writer's whole batch fail, so the head doubles as an optimistic lock.
 */
import { storedDocumentSha256 } from '../../../contracts/hash';
import { AppError } from '../../errors';
import { type AuditActor, type ChainHead, type ChainedEvent, EMPTY_HEAD, nextEvent } from '../../domain/audit-chain';
import type { AuditEvent } from '../../domain/audit-events';
import { retryOnConflict } from '../conflicts';
import type { AgreementRow } from './rows';

const busy = () => new AppError('invalid_state', { detailKey: 'detail_agreement_busy' });

/** State changes: one re-run from fresh rows (its guards then see the winner's change); a second loss is a 409. */
export const retryOnce = <T>(op: () => Promise<T>) => retryOnConflict(op, { attempts: 2, lost: busy });

/**
 * Events that change no state (a download, a code sent) only need the next seq: parallel
 * requests by the same people are normal (ten tabs, a double click), so they get more
 * re-runs before giving up.
 */
export const retryAppend = <T>(op: () => Promise<T>) => retryOnConflict(op, { attempts: 12, lost: busy });

/**
 * When a history row is written: `always` (a lost race fails the batch), `if_missing` (a
 * backfill that leaves what a concurrent request wrote), `if_agreement_exists` (in the
 * accept batch, only if the agreement row was written).
 */
type When = 'always' | 'if_missing' | 'if_agreement_exists';

const AGREEMENT_EXISTS = 'EXISTS (SELECT 1 FROM agreements WHERE id = ?1)';

/** The INSERT of one chained event. `if_missing` writes the first event only into an empty chain. */
export function eventStatement(d1: D1Database, e: ChainedEvent, when: When = 'always') {
	const guard = when === 'if_missing' ? ' WHERE NOT EXISTS (SELECT 1 FROM agreement_events WHERE agreement_id = ?1)' : when === 'if_agreement_exists' ? ` WHERE ${AGREEMENT_EXISTS}` : '';
	return d1
		.prepare(
			`INSERT${when === 'if_missing' ? ' OR IGNORE' : ''} INTO agreement_events (agreement_id, seq, at, actor_user_id, actor_party, action, data, prev_hash, hash)
			 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9${guard}`
		)
		.bind(e.agreementId, e.seq, e.at, e.actor.userId, e.actor.party, e.action, JSON.stringify(e.data), e.prevHash, e.hash);
}

/** One version of the terms, as stored in agreement_versions. */
export interface NewVersion {
	agreementId: string;
	version: number;
	/** The terms as stored (JSON text). */
	terms: string;
	documentSha256: string;
	author: { userId: string | null; party: 'brand' | 'creator' | 'system' };
	note: string;
	frozenAt: number | null;
	createdAt: number;
}

/** The INSERT of one version row: the one place versions are written. */
export function versionStatement(d1: D1Database, v: NewVersion, when: When = 'always') {
	const guard = when === 'if_agreement_exists' ? ` WHERE ${AGREEMENT_EXISTS}` : '';
	return d1
		.prepare(
			`INSERT${when === 'if_missing' ? ' OR IGNORE' : ''} INTO agreement_versions (agreement_id, version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at)
			 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9${guard}`
		)
		.bind(v.agreementId, v.version, v.terms, v.documentSha256, v.author.userId, v.author.party, v.note, v.frozenAt, v.createdAt);
}

/** Chains several events after `head` (written together in one batch, in this order). */
export async function chainEvents(head: ChainHead, agreementId: string, actor: AuditActor, at: number, items: AuditEvent[]) {
	const out: ChainedEvent[] = [];
	let h = head;
	for (const item of items) {
		const e = await nextEvent(h, { agreementId, at, actor, action: item.action, data: item.data });
		out.push(e);
		h = { seq: e.seq, hash: e.hash };
	}
	return out;
}

/** The chain's last link (the empty head for a chain without events). */
export async function readHead(d1: D1Database, agreementId: string): Promise<ChainHead> {
	const row = await d1.prepare('SELECT seq, hash FROM agreement_events WHERE agreement_id = ?1 ORDER BY seq DESC LIMIT 1').bind(agreementId).first<{ seq: number; hash: string }>();
	return row ?? EMPTY_HEAD;
}

/**
 * Agreements drafted before versions existed (seeded or older rows) get their version row
 * and 'created' event on first access. Idempotent: INSERT OR IGNORE on both primary keys,
 * and the hash is only filled where it is missing, so concurrent first reads agree.
 */
export async function ensureHistory(d1: D1Database, row: AgreementRow): Promise<void> {
	const has = await d1.prepare('SELECT 1 AS x FROM agreement_versions WHERE agreement_id = ?1 LIMIT 1').bind(row.id).first();
	if (has) return;
	const hash = await storedDocumentSha256(row.id, row.version, row.terms);
	const system = { party: 'system' as const, userId: null };
	const [created] = await chainEvents(EMPTY_HEAD, row.id, system, row.created_at, [{ action: 'created', data: { version: row.version, documentSha256: hash } }]);
	const frozenAt = row.status === 'draft' ? null : (row.sent_at ?? row.updated_at);
	await d1.batch([
		versionStatement(d1, { agreementId: row.id, version: row.version, terms: row.terms, documentSha256: hash, author: system, note: '', frozenAt, createdAt: row.created_at }, 'if_missing'),
		eventStatement(d1, created, 'if_missing'),
		d1.prepare('UPDATE agreements SET document_sha256 = ?2 WHERE id = ?1 AND document_sha256 IS NULL').bind(row.id, hash)
	]);
	row.document_sha256 ??= hash;
}

/**
 * For the accept batch (worker/services/applications.ts): version 1 of a new draft and its
 * 'created' event (seq 1, linked to zeros), both written only if the agreement row exists
 * in the same batch. Returns the statements and the document hash.
 */
export async function firstVersionStatements(d1: D1Database, agreementId: string, termsJson: string, actor: AuditActor, now: number) {
	const hash = await storedDocumentSha256(agreementId, 1, termsJson);
	const [created] = await chainEvents(EMPTY_HEAD, agreementId, actor, now, [{ action: 'created', data: { version: 1, documentSha256: hash } }]);
	return {
		documentSha256: hash,
		statements: [
			versionStatement(
				d1,
				{ agreementId, version: 1, terms: termsJson, documentSha256: hash, author: { userId: null, party: 'system' }, note: '', frozenAt: null, createdAt: now },
				'if_agreement_exists'
			),
			eventStatement(d1, created, 'if_agreement_exists'),
			d1.prepare('UPDATE agreements SET document_sha256 = ?2 WHERE id = ?1').bind(agreementId, hash)
		]
	};
}
