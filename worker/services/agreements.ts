/**
 * Agreements between a brand and a creator: versions of the terms (brand edits, creator
 * proposals), sending for signature, one-time signing codes, signatures with their
 * evidence, reopening and voiding, and the hash-chained audit trail.
 *
 * Concurrency: every state change writes its audit event in the SAME D1 batch, at the seq
 * after the chain head read at the start of the request. The primary key (agreement_id,
 * seq) makes a racing writer's whole batch fail, so the chain head doubles as an optimistic
 * lock on the agreement: an operation that loses is re-run once from fresh rows (its guards
 * then see the winner's change), and a second loss is a 409, never a 5xx.
 *
 * Access: only the members of the agreement's brand and its creator; anyone else gets 404.
 */
import * as v from 'valibot';
import { type TermsChange, diffTerms } from '../../contracts/clauses/diff';
import { documentSha256, sameTerms, storedDocumentSha256 } from '../../contracts/hash';
import type { Locale, SessionUser } from '../env';
import { AppError } from '../errors';
import { t } from '../i18n';
import { fieldErrors } from '../problem';
import { type AgreementTerms, agreementTermsSchema, readStoredTerms, validateTermsRules } from '../domain/agreement-terms';
import { type ActorParty, type AuditAction, type AuditActor, type ChainHead, type ChainedEvent, EMPTY_HEAD, nextEvent, verifyChain } from '../domain/audit-chain';
import { iso, isoOrNull } from '../domain/dates';
import { jsonObjectOrNull } from '../domain/json';
import { LIMITS } from '../domain/rate-limit-rules';
import {
	type AgreementAction,
	type AgreementStatus,
	type Party,
	SIGNING_CODE,
	allowedActions,
	checkAction,
	codeId,
	codeState,
	consentSha256,
	consentText,
	countingSignatures,
	generateSigningCode,
	hashSigningCode,
	isComplete,
	normaliseCode,
	sameHash
} from '../domain/signing';
import { agreementCompletedEmail, agreementSentEmail, agreementSignedEmail, signingCodeEmail } from './agreement-emails';
import { noBrandError } from './accounts';
import { isUniqueViolation, retryOnConflict } from './conflicts';
import { partyOf, viewerOf } from './viewer';
import { queueEmailStatement } from './outbox';
import { consume, refund } from './rate-limit';

export const AGREEMENTS_PAGE_SIZE = 20;

// ---- terms: validation, hash, diff (worker/domain/agreement-terms.ts, contracts/) -----------------

/** SHA-256 (hex) of the canonical document {agreementId, version, terms} (contracts/hash.ts). */
export const documentHash = documentSha256;

/** Terms sent by a client, validated against the schema and the cross-field rules; else 400 with `terms.`-prefixed field errors. */
function parseNewTerms(input: unknown, current: AgreementTerms | null, locale: Locale): AgreementTerms {
	const parsed = v.safeParse(agreementTermsSchema, input);
	if (!parsed.success) {
		throw new AppError('invalid_request', { errors: fieldErrors(parsed.issues, locale).map((e) => ({ ...e, path: e.path ? `terms.${e.path}` : 'terms' })) });
	}
	const problems = validateTermsRules(parsed.output, { current: current ?? undefined });
	if (problems.length) throw new AppError('invalid_request', { fieldKeys: problems.map((p) => ({ path: `terms.${p.path}`, key: p.key })) });
	return parsed.output;
}

/** Readable changes between two versions in `lang` (contracts/clauses/diff.ts); none when either is unreadable. */
function diffTermsRows(a: AgreementTerms | null, b: AgreementTerms | null, lang: Locale): TermsChange[] {
	return a && b ? diffTerms(a, b, lang) : [];
}

// ---- rows ---------------------------------------------------------------------------------------

interface AgreementRow {
	id: string;
	application_id: string;
	campaign_id: string;
	brand_id: string;
	creator_id: string;
	status: AgreementStatus;
	version: number;
	terms: string;
	document_sha256: string | null;
	sent_at: number | null;
	completed_at: number | null;
	voided_at: number | null;
	created_at: number;
	updated_at: number;
	brand_name: string;
	owner_user_id: string;
	owner_email: string;
	owner_locale: Locale;
	creator_name: string;
	creator_handle: string;
	creator_user_id: string;
	creator_email: string;
	creator_locale: Locale;
	campaign_title: string | null;
}

const AGREEMENT_SELECT = `SELECT g.id, g.application_id, g.campaign_id, g.brand_id, g.creator_id, g.status, g.version, g.terms, g.document_sha256,
	g.sent_at, g.completed_at, g.voided_at, g.created_at, g.updated_at,
	b.name AS brand_name, b.owner_user_id, bu.email AS owner_email, bu.locale AS owner_locale,
	cr.display_name AS creator_name, cr.handle AS creator_handle, cr.user_id AS creator_user_id, cu.email AS creator_email, cu.locale AS creator_locale,
	c.title AS campaign_title
	FROM agreements g
	JOIN brands b ON b.id = g.brand_id JOIN users bu ON bu.id = b.owner_user_id
	JOIN creators cr ON cr.id = g.creator_id JOIN users cu ON cu.id = cr.user_id
	LEFT JOIN campaigns c ON c.id = g.campaign_id`;

interface SignatureRow {
	id: string;
	version: number;
	party: Party;
	user_id: string;
	full_name: string;
	signed_at: number;
	document_sha256: string;
	consent_sha256: string;
}

interface VersionRow {
	version: number;
	terms: string;
	document_sha256: string;
	author_user_id: string | null;
	author_party: 'brand' | 'creator' | 'system';
	note: string;
	frozen_at: number | null;
	created_at: number;
}

interface EventRow {
	seq: number;
	at: number;
	actor_user_id: string | null;
	actor_party: string;
	action: string;
	data: string;
	prev_hash: string;
	hash: string;
	actor_name: string | null;
}

interface Ctx {
	row: AgreementRow;
	party: Party;
	user: SessionUser;
	head: ChainHead;
}

const busy = () => new AppError('invalid_state', { detailKey: 'detail_agreement_busy' });

/** State changes: one re-run from fresh rows (its guards then see the winner's change); a second loss is a 409. */
const retryOnce = <T>(op: () => Promise<T>) => retryOnConflict(op, { attempts: 2, lost: busy });

/**
 * Events that change no state (a download, a code sent) only need the next seq: parallel
 * requests by the same people are normal (ten tabs, a double click), so they get more
 * re-runs before giving up.
 */
const retryAppend = <T>(op: () => Promise<T>) => retryOnConflict(op, { attempts: 12, lost: busy });

function eventStatement(d1: D1Database, e: ChainedEvent) {
	return d1
		.prepare(
			`INSERT INTO agreement_events (agreement_id, seq, at, actor_user_id, actor_party, action, data, prev_hash, hash)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`
		)
		.bind(e.agreementId, e.seq, e.at, e.actor.userId, e.actor.party, e.action, JSON.stringify(e.data), e.prevHash, e.hash);
}

/** Chains several events after `head` (written together in one batch, in this order). */
async function chainEvents(head: ChainHead, agreementId: string, actor: AuditActor, at: number, items: { action: AuditAction; data: Record<string, unknown> }[]) {
	const out: ChainedEvent[] = [];
	let h = head;
	for (const item of items) {
		const e = await nextEvent(h, { agreementId, at, actor, action: item.action, data: item.data });
		out.push(e);
		h = { seq: e.seq, hash: e.hash };
	}
	return out;
}

async function readHead(d1: D1Database, agreementId: string): Promise<ChainHead> {
	const row = await d1.prepare('SELECT seq, hash FROM agreement_events WHERE agreement_id = ?1 ORDER BY seq DESC LIMIT 1').bind(agreementId).first<{ seq: number; hash: string }>();
	return row ?? EMPTY_HEAD;
}

/**
 * Agreements drafted before versions existed (seeded or older rows) get their version row
 * and 'created' event on first access. Idempotent: INSERT OR IGNORE on both primary keys,
 * and the hash is only filled where it is missing, so concurrent first reads agree.
 */
async function ensureHistory(d1: D1Database, row: AgreementRow): Promise<void> {
	const has = await d1.prepare('SELECT 1 AS x FROM agreement_versions WHERE agreement_id = ?1 LIMIT 1').bind(row.id).first();
	if (has) return;
	const hash = await storedDocumentSha256(row.id, row.version, row.terms);
	const [created] = await chainEvents(EMPTY_HEAD, row.id, { party: 'system', userId: null }, row.created_at, [{ action: 'created', data: { version: row.version, documentSha256: hash } }]);
	await d1.batch([
		d1
			.prepare(
				`INSERT OR IGNORE INTO agreement_versions (agreement_id, version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at)
				 VALUES (?1, ?2, ?3, ?4, NULL, 'system', '', ?5, ?6)`
			)
			.bind(row.id, row.version, row.terms, hash, row.status === 'draft' ? null : (row.sent_at ?? row.updated_at), row.created_at),
		d1
			.prepare(
				`INSERT OR IGNORE INTO agreement_events (agreement_id, seq, at, actor_user_id, actor_party, action, data, prev_hash, hash)
				 SELECT ?1, 1, ?2, NULL, 'system', 'created', ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM agreement_events WHERE agreement_id = ?1)`
			)
			.bind(row.id, created.at, JSON.stringify(created.data), created.prevHash, created.hash),
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
	const exists = 'WHERE EXISTS (SELECT 1 FROM agreements WHERE id = ?1)';
	return {
		documentSha256: hash,
		statements: [
			d1
				.prepare(
					`INSERT INTO agreement_versions (agreement_id, version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at)
					 SELECT ?1, 1, ?2, ?3, NULL, 'system', '', NULL, ?4 ${exists}`
				)
				.bind(agreementId, termsJson, hash, now),
			d1
				.prepare(
					`INSERT INTO agreement_events (agreement_id, seq, at, actor_user_id, actor_party, action, data, prev_hash, hash)
					 SELECT ?1, 1, ?2, ?3, ?4, 'created', ?5, ?6, ?7 ${exists}`
				)
				.bind(agreementId, created.at, actor.userId, actor.party, JSON.stringify(created.data), created.prevHash, created.hash),
			d1.prepare('UPDATE agreements SET document_sha256 = ?2 WHERE id = ?1').bind(agreementId, hash)
		]
	};
}

/**
 * The agreement if the caller is one of its parties (a member of its brand, or its
 * creator), with the chain head; 404 for anyone else, whatever their role.
 */
async function load(d1: D1Database, user: SessionUser, agreementId: string): Promise<Ctx> {
	const viewer = await viewerOf(d1, user);
	if (!viewer) throw new AppError('not_found');
	const row = await d1.prepare(`${AGREEMENT_SELECT} WHERE g.id = ?1`).bind(agreementId).first<AgreementRow>();
	if (!row) throw new AppError('not_found');
	const party = partyOf(viewer, { brandId: row.brand_id, creatorId: row.creator_id });
	if (!party) throw new AppError('not_found');
	await ensureHistory(d1, row);
	return { row, party, user, head: await readHead(d1, agreementId) };
}

async function signaturesOf(d1: D1Database, agreementId: string): Promise<SignatureRow[]> {
	const { results } = await d1
		.prepare('SELECT id, version, party, user_id, full_name, signed_at, document_sha256, consent_sha256 FROM agreement_signatures WHERE agreement_id = ?1 ORDER BY signed_at, party')
		.bind(agreementId)
		.all<SignatureRow>();
	return results;
}

function signedPartiesOf(signatures: readonly SignatureRow[], version: number): Party[] {
	return countingSignatures(signatures, version).map((s) => s.party);
}

/** Throws the refusal of the state machine: 403 wrong role, 409 wrong status or already signed. */
function guard(ctx: Ctx, action: AgreementAction, signed: readonly Party[] = []) {
	const check = checkAction(ctx.row.status, action, ctx.party, signed);
	if (check.ok) return;
	if (check.code === 'forbidden') throw new AppError('forbidden');
	if (check.code === 'already_signed') throw new AppError('already_signed');
	throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
}

const actorOf = (ctx: Ctx): AuditActor => ({ party: ctx.party, userId: ctx.user.id });

/** The agreement row is written only if nobody changed it since it was read (same version and status). */
function updateAgreement(d1: D1Database, ctx: Ctx, set: string, params: unknown[]) {
	const marks = params.map((_, i) => `?${i + 4}`);
	const sql = set.replace(/\$(\d+)/g, (_, n: string) => marks[Number(n) - 1]);
	return d1.prepare(`UPDATE agreements SET ${sql} WHERE id = ?1 AND version = ?2 AND status = ?3`).bind(ctx.row.id, ctx.row.version, ctx.row.status, ...params);
}

// ---- reading ---------------------------------------------------------------------------------------

/** The agreement as the API shows it to one of its parties. */
async function view(d1: D1Database, ctx: Ctx, locale: Locale) {
	const { row, party } = ctx;
	const [versions, signatures] = await Promise.all([
		d1
			.prepare('SELECT version, document_sha256, author_party, note, frozen_at, created_at FROM agreement_versions WHERE agreement_id = ?1 ORDER BY version')
			.bind(row.id)
			.all<Omit<VersionRow, 'terms' | 'author_user_id'>>(),
		signaturesOf(d1, row.id)
	]);
	const counting = countingSignatures(signatures, row.version);
	const signed = counting.map((s) => s.party);
	const actions = allowedActions(row.status, party, signed);
	const documentSha256 = row.document_sha256 ?? '';
	const consent = consentText(locale, { version: row.version, documentSha256 });
	const terms = readStoredTerms(row.terms);
	return {
		agreement: {
			id: row.id,
			applicationId: row.application_id,
			campaignId: row.campaign_id,
			campaign: { id: row.campaign_id, title: row.campaign_title ?? '' },
			brand: { id: row.brand_id, name: row.brand_name },
			creator: { id: row.creator_id, displayName: row.creator_name, handle: row.creator_handle },
			status: row.status,
			version: row.version,
			terms: terms ?? {},
			documentSha256: row.document_sha256,
			signatures: counting.map((s) => ({ party: s.party, name: s.full_name, signedAt: iso(s.signed_at), version: s.version, documentSha256: s.document_sha256 })),
			sentAt: isoOrNull(row.sent_at),
			completedAt: isoOrNull(row.completed_at),
			voidedAt: isoOrNull(row.voided_at),
			createdAt: iso(row.created_at),
			updatedAt: iso(row.updated_at),
			myParty: party,
			mySignature: counting.some((s) => s.party === party),
			allowedActions: actions,
			canEdit: actions.includes('edit'),
			canPropose: actions.includes('propose'),
			canSend: actions.includes('send'),
			canReopen: actions.includes('reopen'),
			canVoid: actions.includes('void'),
			canSign: actions.includes('sign'),
			versions: versions.results.map((x) => ({
				version: x.version,
				authorParty: x.author_party,
				createdAt: iso(x.created_at),
				note: x.note,
				documentSha256: x.document_sha256,
				frozenAt: isoOrNull(x.frozen_at)
			})),
			consent: { lang: locale, text: consent, sha256: await consentSha256(consent) }
		}
	};
}

/** Re-reads the agreement after a write and returns its view. */
async function fresh(d1: D1Database, ctx: Ctx, locale: Locale) {
	const row = await d1.prepare(`${AGREEMENT_SELECT} WHERE g.id = ?1`).bind(ctx.row.id).first<AgreementRow>();
	return view(d1, { ...ctx, row: row!, head: await readHead(d1, ctx.row.id) }, locale);
}

/**
 * GET /agreements/:id. A party's read leaves one 'viewed' event per user and version (not
 * one per page load, which would flood the chain). Recording is best-effort: it never
 * fails the read.
 */
export async function getAgreement(d1: D1Database, user: SessionUser, agreementId: string, locale: Locale, now: number) {
	const ctx = await load(d1, user, agreementId);
	const seen = await d1
		.prepare("SELECT 1 AS x FROM agreement_events WHERE agreement_id = ?1 AND action = 'viewed' AND actor_user_id = ?2 AND json_extract(data, '$.version') = ?3 LIMIT 1")
		.bind(agreementId, user.id, ctx.row.version)
		.first();
	if (!seen) {
		try {
			const [e] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: 'viewed', data: { version: ctx.row.version } }]);
			await eventStatement(d1, e).run();
		} catch (err) {
			// A racing writer took the seq (a concurrent view is the same news) or the write failed.
			if (!isUniqueViolation(err)) logRecordFailure('viewed', agreementId, err);
		}
	}
	return view(d1, ctx, locale);
}

function logRecordFailure(action: AuditAction, agreementId: string, err: unknown) {
	console.warn(JSON.stringify({ level: 'warn', msg: 'audit event not recorded', action, agreementId, error: String(err instanceof Error ? err.message : err) }));
}

export interface ListQuery {
	status?: AgreementStatus;
	page: number;
}

/** The caller's agreements, latest activity first: the brand's for a brand member, their own for a creator. */
export async function listAgreements(d1: D1Database, user: SessionUser, q: ListQuery) {
	const viewer = await viewerOf(d1, user);
	if (!viewer) throw user.role === 'brand' ? noBrandError() : new AppError('forbidden');
	const [column, owner] = viewer.side === 'brand' ? ['g.brand_id', viewer.brandId] : ['g.creator_id', viewer.creatorId];
	const statusFilter = q.status ? 'AND g.status = ?2' : 'AND ?2 IS NULL';
	const offset = (q.page - 1) * AGREEMENTS_PAGE_SIZE;
	const [rows, count] = await d1.batch([
		d1
			.prepare(
				`SELECT g.id, g.status, g.version, g.campaign_id, c.title AS campaign_title, g.brand_id, b.name AS brand_name, g.creator_id, cr.display_name AS creator_name,
				        g.sent_at, g.completed_at, g.created_at, g.updated_at,
				        (SELECT group_concat(s.party) FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version) AS signed
				 FROM agreements g JOIN brands b ON b.id = g.brand_id JOIN creators cr ON cr.id = g.creator_id LEFT JOIN campaigns c ON c.id = g.campaign_id
				 WHERE ${column} = ?1 ${statusFilter} ORDER BY g.updated_at DESC, g.id LIMIT ?3 OFFSET ?4`
			)
			.bind(owner, q.status ?? null, AGREEMENTS_PAGE_SIZE, offset),
		d1.prepare(`SELECT count(*) AS n FROM agreements g WHERE ${column} = ?1 ${statusFilter}`).bind(owner, q.status ?? null)
	]);
	type Row = {
		id: string;
		status: AgreementStatus;
		version: number;
		campaign_id: string;
		campaign_title: string | null;
		brand_id: string;
		brand_name: string;
		creator_id: string;
		creator_name: string;
		sent_at: number | null;
		completed_at: number | null;
		created_at: number;
		updated_at: number;
		signed: string | null;
	};
	return {
		agreements: (rows.results as unknown as Row[]).map((r) => ({
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

async function versionRow(d1: D1Database, agreementId: string, version: number): Promise<VersionRow | null> {
	return d1
		.prepare('SELECT version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at FROM agreement_versions WHERE agreement_id = ?1 AND version = ?2')
		.bind(agreementId, version)
		.first<VersionRow>();
}

/** One version of the terms with the signatures made on it (which count only if it is current). */
export async function getVersion(d1: D1Database, user: SessionUser, agreementId: string, version: number) {
	const ctx = await load(d1, user, agreementId);
	const row = await versionRow(d1, agreementId, version);
	if (!row) throw new AppError('not_found');
	const signatures = (await signaturesOf(d1, agreementId)).filter((s) => s.version === version);
	return {
		version: {
			version: row.version,
			current: row.version === ctx.row.version,
			terms: readStoredTerms(row.terms) ?? {},
			documentSha256: row.document_sha256,
			authorParty: row.author_party,
			note: row.note,
			createdAt: iso(row.created_at),
			frozenAt: isoOrNull(row.frozen_at),
			signatures: signatures.map((s) => ({ party: s.party, name: s.full_name, signedAt: iso(s.signed_at), counts: s.version === ctx.row.version }))
		}
	};
}

/** Readable differences between two versions (default: the previous and the current one). */
export async function diffVersions(d1: D1Database, user: SessionUser, agreementId: string, q: { from?: number; to?: number; lang: Locale }) {
	const ctx = await load(d1, user, agreementId);
	const to = q.to ?? ctx.row.version;
	const from = q.from ?? Math.max(1, to - 1);
	const [a, b] = await Promise.all([versionRow(d1, agreementId, from), versionRow(d1, agreementId, to)]);
	if (!a || !b) throw new AppError('not_found');
	return {
		from: { version: a.version, documentSha256: a.document_sha256, authorParty: a.author_party, note: a.note },
		to: { version: b.version, documentSha256: b.document_sha256, authorParty: b.author_party, note: b.note },
		lang: q.lang,
		rows: diffTermsRows(readStoredTerms(a.terms), readStoredTerms(b.terms), q.lang)
	};
}

// ---- versions: brand edits, creator proposals ------------------------------------------------------

/**
 * A new version of the terms, authored by the brand (`edit`) or the creator (`propose`),
 * while the agreement is a draft. The version row, the agreement's current terms and the
 * 'edited'/'proposed' event go in one batch. Identical terms are refused (no empty versions).
 */
async function newVersion(d1: D1Database, user: SessionUser, agreementId: string, input: { terms: unknown; note?: string }, action: 'edit' | 'propose', now: number, locale: Locale) {
	return retryOnce(async () => {
		const ctx = await load(d1, user, agreementId);
		guard(ctx, action);
		const current = readStoredTerms(ctx.row.terms);
		const terms = parseNewTerms(input.terms, current, locale);
		if (current && sameTerms(current, terms)) {
			throw new AppError('invalid_request', { fieldKeys: [{ path: 'terms', key: 'agreement_terms_unchanged' }] });
		}
		const version = ctx.row.version + 1;
		const hash = await documentHash(agreementId, version, terms);
		const note = input.note ?? '';
		const [event] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: action === 'edit' ? 'edited' : 'proposed', data: { version, documentSha256: hash, note } }]);
		const stored = JSON.stringify(terms);
		await d1.batch([
			eventStatement(d1, event),
			d1
				.prepare(
					`INSERT INTO agreement_versions (agreement_id, version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at)
					 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8)`
				)
				.bind(agreementId, version, stored, hash, user.id, ctx.party, note, now),
			updateAgreement(d1, ctx, 'version = $1, terms = $2, document_sha256 = $3, updated_at = $4', [version, stored, hash, now])
		]);
		return fresh(d1, ctx, locale);
	});
}

/** PATCH /agreements/:id: the brand edits a draft (a new version). */
export const editTerms = (d1: D1Database, user: SessionUser, id: string, input: { terms: unknown; note?: string }, now: number, locale: Locale) => newVersion(d1, user, id, input, 'edit', now, locale);

/** POST /agreements/:id/proposals: the creator proposes changed terms (a new version the brand can edit further or send). */
export const proposeTerms = (d1: D1Database, user: SessionUser, id: string, input: { terms: unknown; note: string }, now: number, locale: Locale) =>
	newVersion(d1, user, id, input, 'propose', now, locale);

// ---- sending, reopening, voiding ------------------------------------------------------------------

/**
 * The brand sends the current version for signature: it is frozen, the agreement awaits
 * signatures, both parties get an email in their language. The terms must name the
 * signatories and the publication window first (400 listing what is missing).
 */
export async function sendAgreement(d1: D1Database, user: SessionUser, agreementId: string, now: number, locale: Locale, origin: string) {
	return retryOnce(async () => {
		const ctx = await load(d1, user, agreementId);
		guard(ctx, 'send');
		const terms = readStoredTerms(ctx.row.terms);
		if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
		const missing = validateTermsRules(terms, { forSending: true });
		if (missing.length) throw new AppError('invalid_request', { detailKey: 'detail_agreement_incomplete', fieldKeys: missing.map((p) => ({ path: `terms.${p.path}`, key: p.key })) });
		const { row } = ctx;
		const [event] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: 'sent', data: { version: row.version, documentSha256: row.document_sha256 } }]);
		const link = `${origin}/agreements/${agreementId}`;
		const mail = (to: string, lang: Locale) =>
			queueEmailStatement(d1, agreementSentEmail(lang, { to, brand: row.brand_name, creator: row.creator_name, campaign: row.campaign_title ?? '', version: row.version, link }), now);
		await d1.batch([
			eventStatement(d1, event),
			d1.prepare('UPDATE agreement_versions SET frozen_at = ?3 WHERE agreement_id = ?1 AND version = ?2').bind(agreementId, row.version, now),
			updateAgreement(d1, ctx, "status = 'awaiting_signatures', sent_at = $1, updated_at = $1", [now]),
			mail(row.owner_email, row.owner_locale),
			mail(row.creator_email, row.creator_locale)
		]);
		return fresh(d1, ctx, locale);
	});
}

/**
 * Either party takes a sent agreement back to draft to change its terms. A new editable
 * version (same terms, new number, new hash) becomes current, so any signature already made
 * on the sent version stops counting: both parties sign again after the next send.
 */
export async function reopenAgreement(d1: D1Database, user: SessionUser, agreementId: string, note: string, now: number, locale: Locale) {
	return retryOnce(async () => {
		const ctx = await load(d1, user, agreementId);
		guard(ctx, 'reopen');
		const { row } = ctx;
		const terms = readStoredTerms(row.terms);
		if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
		const version = row.version + 1;
		const hash = await documentHash(agreementId, version, terms);
		const [event] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: 'reopened', data: { fromVersion: row.version, version, documentSha256: hash, note } }]);
		await d1.batch([
			eventStatement(d1, event),
			d1
				.prepare(
					`INSERT INTO agreement_versions (agreement_id, version, terms, document_sha256, author_user_id, author_party, note, frozen_at, created_at)
					 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8)`
				)
				.bind(agreementId, version, row.terms, hash, user.id, ctx.party, note, now),
			updateAgreement(d1, ctx, "status = 'draft', version = $1, document_sha256 = $2, sent_at = NULL, updated_at = $3", [version, hash, now])
		]);
		return fresh(d1, ctx, locale);
	});
}

/** The brand calls the agreement off (draft or awaiting signatures; never once signed). */
export async function voidAgreement(d1: D1Database, user: SessionUser, agreementId: string, reason: string, now: number, locale: Locale) {
	return retryOnce(async () => {
		const ctx = await load(d1, user, agreementId);
		guard(ctx, 'void');
		const [event] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: 'voided', data: { version: ctx.row.version, reason } }]);
		await d1.batch([eventStatement(d1, event), updateAgreement(d1, ctx, "status = 'void', voided_at = $1, updated_at = $1", [now])]);
		return fresh(d1, ctx, locale);
	});
}

/**
 * A creator erased their account (Law 18-07): every agreement with them that was never
 * signed by both parties can no longer be concluded, so it is called off by the system
 * (a 'voided' event with reason `account_erased`, chained like any other). Signed
 * agreements are contracts and stay as they are. Returns how many were voided.
 */
export async function voidUnsignedAgreementsOfCreator(d1: D1Database, creatorId: string, now: number): Promise<number> {
	const { results } = await d1.prepare("SELECT id FROM agreements WHERE creator_id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(creatorId).all<{ id: string }>();
	let voided = 0;
	for (const { id } of results) {
		const changed = await retryAppend(async () => {
			const row = await d1.prepare("SELECT version FROM agreements WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id).first<{ version: number }>();
			if (!row) return false;
			const [event] = await chainEvents(await readHead(d1, id), id, { party: 'system', userId: null }, now, [{ action: 'voided', data: { version: row.version, reason: 'account_erased' } }]);
			await d1.batch([
				eventStatement(d1, event),
				d1.prepare("UPDATE agreements SET status = 'void', voided_at = ?2, updated_at = ?2 WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id, now)
			]);
			return true;
		});
		if (changed) voided++;
	}
	return voided;
}

// ---- signing ---------------------------------------------------------------------------------------

/** "n***@example.dz": enough for the signer to recognise their address. */
function maskEmail(email: string): string {
	const [local, domain] = email.split('@');
	return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

/**
 * POST /agreements/:id/sign/code: a fresh 6-digit code to the caller's email. Only its
 * salted SHA-256 is stored; a new code replaces the previous ones (only the latest can be
 * used). At most 5 per agreement and user per hour (429 with Retry-After).
 */
export async function requestSigningCode(d1: D1Database, user: SessionUser, agreementId: string, now: number) {
	const first = await load(d1, user, agreementId);
	guard(first, 'request_code', signedPartiesOf(await signaturesOf(d1, agreementId), first.row.version));
	// Counted only for a party allowed to sign now; refused requests above cost nothing, and
	// one that fails below gives its slot back.
	const quotaKey = `${agreementId}:${user.id}`;
	await consume(d1, LIMITS.signingCode, quotaKey, now);
	try {
		return await sendSigningCode(d1, user, agreementId, first, now);
	} catch (err) {
		await refund(d1, LIMITS.signingCode, quotaKey, now);
		throw err;
	}
}

/** Writes a new code, its 'code_sent' event and the email; re-run from fresh rows when a concurrent writer took the seq. */
async function sendSigningCode(d1: D1Database, user: SessionUser, agreementId: string, first: Ctx, now: number) {
	let runs = 0;
	return retryAppend(async () => {
		let ctx = first;
		if (runs++ > 0) {
			ctx = await load(d1, user, agreementId);
			guard(ctx, 'request_code', signedPartiesOf(await signaturesOf(d1, agreementId), ctx.row.version));
		}
		const { row } = ctx;
		const code = generateSigningCode();
		const id = codeId();
		const expiresAt = now + SIGNING_CODE.ttlMs;
		const [event] = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [{ action: 'code_sent', data: { version: row.version, codeId: id, expiresAt: iso(expiresAt) } }]);
		await d1.batch([
			eventStatement(d1, event),
			d1
				.prepare('INSERT INTO signing_codes (id, agreement_id, user_id, party, version, code_hash, attempts, expires_at, used_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, NULL, ?8)')
				.bind(id, agreementId, user.id, ctx.party, row.version, await hashSigningCode(id, code), expiresAt, now),
			queueEmailStatement(d1, signingCodeEmail(user.locale, { to: user.email, code, campaign: row.campaign_title ?? '', version: row.version, minutes: SIGNING_CODE.ttlMs / 60000 }), now)
		]);
		return { sentTo: maskEmail(user.email), expiresAt: iso(expiresAt), version: row.version, attempts: SIGNING_CODE.maxAttempts };
	});
}

export interface SignInput {
	fullName: string;
	code: string;
	/** Language of the consent text the signer was shown; the request's language by default. */
	lang?: Locale;
}

export interface SignEvidence {
	ip: string;
	userAgent: string;
}

function codeError(
	locale: Locale,
	key: 'agreement_code_missing' | 'agreement_code_used' | 'agreement_code_expired' | 'agreement_code_exhausted' | 'agreement_code_stale' | 'agreement_code_wrong',
	params: Record<string, number> = {}
): never {
	throw new AppError('invalid_request', { detailKey: 'detail_agreement_code', errors: [{ path: 'code', message: t(locale, key, params) }] });
}

/**
 * POST /agreements/:id/sign. The code is checked against the caller's latest code (10
 * minutes, one use, 5 tries — each try is counted atomically before comparing). The code's
 * use, the signature with its evidence and the 'signed' event go in one batch; when this
 * is the second party, the same batch marks the agreement signed, adds 'completed' and
 * emails both. Two concurrent requests by one signer make one signature: the loser's batch
 * fails on the chain's next seq (or the signature's unique index), is rolled back whole,
 * and its re-run answers 409 `already_signed`.
 */
export async function signAgreement(d1: D1Database, user: SessionUser, agreementId: string, input: SignInput, evidence: SignEvidence, now: number, locale: Locale, origin: string) {
	return retryOnce(async () => {
		const ctx = await load(d1, user, agreementId);
		const { row } = ctx;
		const signatures = await signaturesOf(d1, agreementId);
		const signed = signedPartiesOf(signatures, row.version);
		guard(ctx, 'sign', signed);

		const code = await d1
			.prepare('SELECT id, code_hash, attempts, expires_at, used_at, version FROM signing_codes WHERE agreement_id = ?1 AND user_id = ?2 ORDER BY created_at DESC, rowid DESC LIMIT 1')
			.bind(agreementId, user.id)
			.first<{ id: string; code_hash: string; attempts: number; expires_at: number; used_at: number | null; version: number }>();
		if (!code) codeError(locale, 'agreement_code_missing');
		const state = codeState({ attempts: code.attempts, expiresAt: code.expires_at, usedAt: code.used_at, version: code.version }, now, row.version);
		if (state !== 'usable') codeError(locale, `agreement_code_${state}`);
		// Count the try before comparing, atomically, so parallel guesses cannot exceed 5.
		const tried = await d1
			.prepare('UPDATE signing_codes SET attempts = attempts + 1 WHERE id = ?1 AND used_at IS NULL AND attempts < ?2 AND expires_at > ?3 RETURNING attempts')
			.bind(code.id, SIGNING_CODE.maxAttempts, now)
			.first<{ attempts: number }>();
		if (!tried) codeError(locale, 'agreement_code_exhausted');
		const typed = normaliseCode(input.code);
		if (!typed || !sameHash(await hashSigningCode(code.id, typed), code.code_hash)) {
			const left = SIGNING_CODE.maxAttempts - tried.attempts;
			codeError(locale, left > 0 ? 'agreement_code_wrong' : 'agreement_code_exhausted', { remaining: left });
		}

		const documentSha256 = row.document_sha256 ?? '';
		const consentLang = input.lang ?? locale;
		const consent = await consentSha256(consentText(consentLang, { version: row.version, documentSha256 }));
		const signatureId = crypto.randomUUID();
		const completes = isComplete([...signed, ctx.party]);
		const events = await chainEvents(ctx.head, agreementId, actorOf(ctx), now, [
			{
				action: 'signed',
				data: { version: row.version, party: ctx.party, signatureId, fullName: input.fullName, documentSha256, consentSha256: consent, consentLang, ip: evidence.ip, userAgent: evidence.userAgent }
			},
			...(completes ? [{ action: 'completed' as const, data: { version: row.version, documentSha256 } }] : [])
		]);
		const statements = [
			...events.map((e) => eventStatement(d1, e)),
			d1.prepare('UPDATE signing_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL').bind(code.id, now),
			d1
				.prepare(
					`INSERT INTO agreement_signatures (id, agreement_id, version, party, user_id, full_name, signed_at, ip, user_agent, document_sha256, consent_sha256)
					 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`
				)
				.bind(signatureId, agreementId, row.version, ctx.party, user.id, input.fullName, now, evidence.ip, evidence.userAgent, documentSha256, consent),
			completes ? updateAgreement(d1, ctx, "status = 'signed', completed_at = $1, updated_at = $1", [now]) : updateAgreement(d1, ctx, 'updated_at = $1', [now])
		];
		if (completes) {
			const link = `${origin}/agreements/${agreementId}`;
			for (const [to, lang] of [
				[row.owner_email, row.owner_locale],
				[row.creator_email, row.creator_locale]
			] as const) {
				statements.push(
					queueEmailStatement(d1, agreementCompletedEmail(lang, { to, brand: row.brand_name, creator: row.creator_name, campaign: row.campaign_title ?? '', version: row.version, link }), now)
				);
			}
		} else {
			// The other party learns it is their turn.
			const [to, lang, signer] = ctx.party === 'brand' ? ([row.creator_email, row.creator_locale, row.brand_name] as const) : ([row.owner_email, row.owner_locale, row.creator_name] as const);
			const link = `${origin}/agreements/${agreementId}/sign`;
			statements.push(queueEmailStatement(d1, agreementSignedEmail(lang, { to, signer, campaign: row.campaign_title ?? '', version: row.version, link }), now));
		}
		await d1.batch(statements);
		return fresh(d1, ctx, locale);
	});
}

// ---- audit trail -----------------------------------------------------------------------------------

/**
 * The whole trail with the verdict of re-walking the chain from seq 1: every hash
 * recomputed, every link and seq checked. `brokenAt` is the first seq that fails.
 */
export async function getAuditTrail(d1: D1Database, user: SessionUser, agreementId: string) {
	await load(d1, user, agreementId);
	return readAuditTrail(d1, agreementId);
}

/**
 * Re-walks an agreement's chain from seq 1 without an access check: for the public
 * verification of a PDF (which reveals only the verdict, never the events).
 */
export async function agreementChainVerdict(d1: D1Database, agreementId: string) {
	const trail = await readAuditTrail(d1, agreementId);
	return { valid: trail.chainValid && trail.events.length > 0, events: trail.events.length };
}

async function readAuditTrail(d1: D1Database, agreementId: string) {
	const { results } = await d1
		.prepare(
			`SELECT e.seq, e.at, e.actor_user_id, e.actor_party, e.action, e.data, e.prev_hash, e.hash, u.name AS actor_name
			 FROM agreement_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.agreement_id = ?1 ORDER BY e.seq`
		)
		.bind(agreementId)
		.all<EventRow>();
	const chained: ChainedEvent[] = results.map((r) => ({
		agreementId,
		seq: r.seq,
		at: r.at,
		actor: { party: r.actor_party as ActorParty, userId: r.actor_user_id },
		action: r.action,
		data: parseData(r.data),
		prevHash: r.prev_hash,
		hash: r.hash
	}));
	const verdict = await verifyChain(agreementId, chained);
	return {
		events: results.map((r, i) => ({
			seq: r.seq,
			at: iso(r.at),
			actor: { party: r.actor_party, userId: r.actor_user_id, name: r.actor_name },
			action: r.action,
			data: chained[i].data,
			prevHash: r.prev_hash,
			hash: r.hash
		})),
		chainValid: verdict.valid,
		...(verdict.valid ? { head: verdict.head.hash } : { brokenAt: verdict.brokenAt, reason: verdict.reason })
	};
}

/** Stored event data; text that is not a JSON object is kept as-is so its hash fails visibly. */
function parseData(raw: string): Record<string, unknown> {
	return jsonObjectOrNull(raw) ?? { unparsable: raw };
}

/**
 * Appends one event to an agreement's chain on its own (no other state change), re-reading
 * the head when another writer took the seq. For routes outside this module.
 */
export async function appendAgreementEvent(d1: D1Database, agreementId: string, actor: AuditActor, action: AuditAction, data: Record<string, unknown>, now: number): Promise<ChainedEvent> {
	return retryAppend(async () => {
		const [e] = await chainEvents(await readHead(d1, agreementId), agreementId, actor, now, [{ action, data }]);
		await eventStatement(d1, e).run();
		return e;
	});
}

/**
 * Records that a party downloaded the PDF of a version. Best-effort, like 'viewed': the
 * download is what the user asked for, so a record that cannot be written (heavy
 * contention on the chain, a storage error) is logged and never fails it.
 */
export async function recordDownload(d1: D1Database, agreementId: string, actor: AuditActor, data: { version: number; lang: string; pdfSha256?: string }, now: number): Promise<ChainedEvent | null> {
	try {
		return await appendAgreementEvent(d1, agreementId, actor, 'downloaded', data, now);
	} catch (err) {
		logRecordFailure('downloaded', agreementId, err);
		return null;
	}
}

/** The party of the caller for an agreement (404 unless a party): for other modules' access checks. */
export async function agreementParty(d1: D1Database, user: SessionUser, agreementId: string): Promise<Party> {
	return (await load(d1, user, agreementId)).party;
}

/**
 * What the PDF and certificate need, for one of the parties (404 otherwise): the current
 * version's terms and hash, the counting signatures with their evidence, and the hash of
 * the last audit event. Read-only: the PDF route records 'downloaded' with `recordDownload`.
 */
export async function agreementForDocument(d1: D1Database, user: SessionUser, agreementId: string) {
	const ctx = await load(d1, user, agreementId);
	return { party: ctx.party, ...(await documentData(d1, ctx.row, ctx.head)) };
}

/**
 * The same data for the sealing job, which has no caller: only for an agreement both
 * parties signed (null otherwise).
 */
export async function signedAgreementForSealing(d1: D1Database, agreementId: string) {
	const row = await d1.prepare(`${AGREEMENT_SELECT} WHERE g.id = ?1 AND g.status = 'signed'`).bind(agreementId).first<AgreementRow>();
	if (!row) return null;
	return documentData(d1, row, await readHead(d1, agreementId));
}

async function documentData(d1: D1Database, row: AgreementRow, head: ChainHead) {
	const { results } = await d1
		.prepare(
			`SELECT party, full_name, signed_at, ip, user_agent, document_sha256, consent_sha256 FROM agreement_signatures
			 WHERE agreement_id = ?1 AND version = ?2 ORDER BY signed_at, party`
		)
		.bind(row.id, row.version)
		.all<{ party: Party; full_name: string; signed_at: number; ip: string; user_agent: string; document_sha256: string; consent_sha256: string }>();
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
