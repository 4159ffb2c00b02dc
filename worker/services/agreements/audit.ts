/** The audit trail: reading and re-walking the chain, and appending events that change no state (downloads). */
import type { CallerContext, ServiceContext } from '../../context';
import { type ActorParty, type AuditAction, type AuditActor, type ChainedEvent, verifyChain } from '../../domain/audit-chain';
import { type AuditEvent, type AuditEventData, readAuditEventData } from '../../domain/audit-events';
import { iso } from '../../domain/dates';
import { jsonObjectOrNull } from '../../domain/json';
import { chainEvents, eventStatement, readHead, retryAppend } from './history';
import { load } from './load';
import type { EventRow } from './rows';

/**
 * The whole trail with the verdict of re-walking the chain from seq 1: every hash
 * recomputed, every link and seq checked. `brokenAt` is the first seq that fails.
 */
export async function getAuditTrail(ctx: CallerContext, input: { agreementId: string }) {
	await load(ctx, input.agreementId);
	return readAuditTrail(ctx.db, input.agreementId);
}

/**
 * Re-walks an agreement's chain from seq 1 without an access check: for the public
 * verification of a PDF (which reveals only the verdict, never the events).
 */
export async function agreementChainVerdict(ctx: ServiceContext, input: { agreementId: string }) {
	const trail = await readAuditTrail(ctx.db, input.agreementId);
	return { valid: trail.chainValid && trail.events.length > 0, events: trail.events.length };
}

/** Re-walks the chain of `agreementId` in `db`, any database (a restored backup: services/backup.ts). */
export async function chainVerdictIn(db: D1Database, agreementId: string) {
	const trail = await readAuditTrail(db, agreementId);
	return { valid: trail.chainValid, brokenAt: 'brokenAt' in trail ? trail.brokenAt : undefined, events: trail.events.length };
}

async function readAuditTrail(db: D1Database, agreementId: string) {
	const { results } = await db
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
	for (const e of chained) {
		// Shown as stored either way (the hash covers it); a shape that is not the action's is a bug or an edit to look at.
		if (!readAuditEventData(e.action, e.data)) console.warn(JSON.stringify({ level: 'warn', msg: 'audit event data does not match its action', agreementId, seq: e.seq, action: e.action }));
	}
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
export async function appendAgreementEvent(ctx: ServiceContext, input: { agreementId: string; actor: AuditActor; event: AuditEvent }): Promise<ChainedEvent> {
	const { db, now } = ctx;
	const { agreementId, actor, event } = input;
	return retryAppend(async () => {
		const [e] = await chainEvents(await readHead(db, agreementId), agreementId, actor, now, [event]);
		await eventStatement(db, e).run();
		return e;
	});
}

/**
 * Records that a party downloaded the PDF of a version. Best-effort, like 'viewed': the
 * download is what the user asked for, so a record that cannot be written (heavy
 * contention on the chain, a storage error) is logged and never fails it.
 */
export async function recordDownload(ctx: ServiceContext, input: { agreementId: string; actor: AuditActor; data: AuditEventData<'downloaded'> }): Promise<ChainedEvent | null> {
	const { agreementId, actor, data } = input;
	try {
		return await appendAgreementEvent(ctx, { agreementId, actor, event: { action: 'downloaded', data } });
	} catch (err) {
		logRecordFailure('downloaded', agreementId, err);
		return null;
	}
}

export function logRecordFailure(action: AuditAction, agreementId: string, err: unknown) {
	console.warn(JSON.stringify({ level: 'warn', msg: 'audit event not recorded', action, agreementId, error: String(err instanceof Error ? err.message : err) }));
}
