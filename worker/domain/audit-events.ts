/**
 * What each audit event records in agreement_events.data, by action.
 *
 * STORED AND HASHED: an event's hash covers its data (audit-chain.ts), and events are never
 * rewritten. Renaming, retyping or dropping a field, or reading an action's data differently,
 * needs a migration that re-hashes every chain; a new field may only be added as optional,
 * for new events. Events are checked against these shapes when read (`readAuditEventData`),
 * and written only through `AuditEvent`, so the compiler refuses an event with the wrong data.
 */
import * as v from 'valibot';
import { AUDIT_ACTIONS, type AuditAction } from './audit-chain';

const Version = v.pipe(v.number(), v.integer(), v.minValue(1));
const Sha256 = v.pipe(v.string(), v.description('Hex SHA-256'));
const Instant = v.pipe(v.string(), v.description('ISO 8601 UTC'));

/** The data of each action (valibot schemas: the check on read, the types on write, the API documentation). */
export const AUDIT_EVENT_DATA = {
	/** The first version exists (accepting the application, or a backfill of an older draft). */
	created: v.object({ version: Version, documentSha256: Sha256 }),
	/** The brand saved a new version of the terms. */
	edited: v.object({ version: Version, documentSha256: Sha256, note: v.string() }),
	/** The creator proposed a new version of the terms. */
	proposed: v.object({ version: Version, documentSha256: Sha256, note: v.string() }),
	/** The brand sent the current version for signature (it is frozen). */
	sent: v.object({ version: Version, documentSha256: v.nullable(Sha256) }),
	/** A party read a version for the first time. */
	viewed: v.object({ version: Version }),
	/** A signing code went to the caller's email (its value is never recorded). */
	code_sent: v.object({ version: Version, codeId: v.string(), expiresAt: Instant }),
	/** A party signed: the evidence of the signature. */
	signed: v.object({
		version: Version,
		party: v.picklist(['brand', 'creator']),
		signatureId: v.string(),
		fullName: v.string(),
		documentSha256: Sha256,
		consentSha256: Sha256,
		consentLang: v.picklist(['fr', 'ar', 'en']),
		ip: v.string(),
		userAgent: v.string()
	}),
	/** The second signature: the agreement is signed by both. */
	completed: v.object({ version: Version, documentSha256: Sha256 }),
	/** Called off by the brand (its note) or by the system (`account_erased`). */
	voided: v.object({ version: Version, reason: v.string() }),
	/** Taken back to draft as a new version; signatures on `fromVersion` no longer count. */
	reopened: v.object({ fromVersion: Version, version: Version, documentSha256: Sha256, note: v.string() }),
	/** A party downloaded the PDF of a version in a language. */
	downloaded: v.object({ version: Version, lang: v.picklist(['fr', 'ar', 'en']), pdfSha256: v.optional(Sha256) })
} as const satisfies Record<AuditAction, v.GenericSchema>;

/** An event as written: the action with its data. */
export type AuditEvent = { [A in AuditAction]: { action: A; data: v.InferInput<(typeof AUDIT_EVENT_DATA)[A]> } }[AuditAction];

/** The data of one action. */
export type AuditEventData<A extends AuditAction> = Extract<AuditEvent, { action: A }>['data'];

/**
 * Stored event data checked against its action's shape: the typed event, or null when the
 * action is unknown or the data does not match (an event written by a bug, or edited in the
 * database — the chain's hash says which). Never transforms: the hash covers the data as stored.
 */
export function readAuditEventData(action: string, data: unknown): AuditEvent | null {
	if (!(AUDIT_ACTIONS as readonly string[]).includes(action)) return null;
	const schema = AUDIT_EVENT_DATA[action as AuditAction];
	return v.is(schema, data) ? ({ action, data } as AuditEvent) : null;
}
