/**
 * The hash-chained audit trail of an agreement. Each event's hash is
 * SHA-256(prevHash || canonical JSON of {agreementId, seq, at, actor, action, data}); the
 * first event links to 64 zeros. Rewalking the chain from seq 1 detects any edited,
 * removed or reordered row. Pure: no D1, no Hono.
 *
 * The stored shape (agreement_events) and the hashed payload below are a format: changing
 * either breaks every existing chain, so it needs a migration that re-hashes old rows
 * (test/unit/hash-formats.test.ts pins the bytes).
 */
import { sha256Hex } from './encoding';

/** prevHash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The actions of the agreement's deliverables (issue 11): every transition of a deliverable is one of these. */
export const DELIVERABLE_AUDIT_ACTIONS = [
	'deliverables_planned',
	'draft_submitted',
	'changes_requested',
	'extra_round_asked',
	'extra_round_answered',
	'draft_approved',
	'draft_downloaded',
	'published',
	'publication_reviewed',
	'highlight_recorded',
	'stats_reported',
	'stats_reviewed',
	'withdrawal_requested',
	'withdrawal_confirmed'
] as const;

/** The actions of the agreement's payouts (issue 13): every step of a payout is one of these. */
export const PAYOUT_AUDIT_ACTIONS = [
	'payouts_planned',
	'payout_due',
	'payout_marked_paid',
	'payout_proof_added',
	'payout_confirmed',
	'payout_disputed',
	'payout_resolved',
	'payouts_adjusted'
] as const;

/** Every action the trail records. 'downloaded' is written by the PDF route. */
export const AUDIT_ACTIONS = [
	'created',
	'edited',
	'proposed',
	'sent',
	'viewed',
	'code_sent',
	'signed',
	'completed',
	'voided',
	'reopened',
	'downloaded',
	...DELIVERABLE_AUDIT_ACTIONS,
	...PAYOUT_AUDIT_ACTIONS
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it: a party of the agreement, the platform itself, or someone without an account. */
export type ActorParty = 'brand' | 'creator' | 'system' | 'public';
export interface AuditActor {
	party: ActorParty;
	userId: string | null;
}

/** The fields an event's hash covers. `at` is epoch milliseconds (UTC). */
export interface AuditEventInput {
	agreementId: string;
	seq: number;
	at: number;
	actor: AuditActor;
	action: AuditAction | string;
	data: Record<string, unknown>;
}

export interface ChainedEvent extends AuditEventInput {
	prevHash: string;
	hash: string;
}

/**
 * The audit chain's canonical JSON: object keys sorted at every depth, no whitespace,
 * undefined object members dropped, and what JSON.stringify would write for the rest
 * (undefined array items and non-finite numbers as null). Its own function, not the
 * document hash's (contracts/hash.ts, which throws on what JSON cannot hold): the two
 * formats are stored apart and must never share a change.
 */
export function auditCanonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : auditCanonicalJson(v))).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${auditCanonicalJson(v)}`).join(',')}}`;
}

/**
 * The exact text an event's hash covers: the previous hash, then the canonical JSON of
 * {agreementId, seq, at (ISO UTC), actor, action, data}. test/unit/hash-formats.test.ts
 * pins its bytes.
 */
export function auditEventHashInput(prevHash: string, e: AuditEventInput): string {
	return (
		prevHash +
		auditCanonicalJson({
			agreementId: e.agreementId,
			seq: e.seq,
			at: new Date(e.at).toISOString(),
			actor: { party: e.actor.party, userId: e.actor.userId },
			action: e.action,
			data: e.data
		})
	);
}

/** hash = SHA-256(prevHash || canonical event), hex. */
export function eventHash(prevHash: string, e: AuditEventInput): Promise<string> {
	return sha256Hex(auditEventHashInput(prevHash, e));
}

/** The chain's last link as read before a write: the next event takes seq + 1 and links to hash. */
export interface ChainHead {
	seq: number;
	hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * The next event after `head`, with its seq, link and hash filled in. Several events
 * written in one batch are chained by calling this in turn with the previous result.
 */
export async function nextEvent(head: ChainHead, e: Omit<AuditEventInput, 'seq'>): Promise<ChainedEvent> {
	const input: AuditEventInput = { ...e, seq: head.seq + 1 };
	return { ...input, prevHash: head.hash, hash: await eventHash(head.hash, input) };
}

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'wrong_agreement';
export type ChainVerdict = { valid: true; head: ChainHead } | { valid: false; brokenAt: number; reason: ChainBreak };

/**
 * Re-walks a chain in the order given (the caller reads it ordered by seq): seqs must run
 * 1, 2, 3…, each prevHash must be the previous event's hash (zeros for the first), and each
 * hash must match its recomputed value. Reports the first seq where that fails.
 */
export async function verifyChain(agreementId: string, events: readonly ChainedEvent[]): Promise<ChainVerdict> {
	let head: ChainHead = EMPTY_HEAD;
	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		const at = e.seq;
		if (e.agreementId !== agreementId) return { valid: false, brokenAt: at, reason: 'wrong_agreement' };
		if (e.seq !== i + 1) return { valid: false, brokenAt: Number.isInteger(e.seq) ? Math.min(e.seq, i + 1) : i + 1, reason: 'seq_gap' };
		if (e.prevHash !== head.hash) return { valid: false, brokenAt: at, reason: 'prev_hash_mismatch' };
		if ((await eventHash(e.prevHash, e)) !== e.hash) return { valid: false, brokenAt: at, reason: 'hash_mismatch' };
		head = { seq: e.seq, hash: e.hash };
	}
	return { valid: true, head };
}
