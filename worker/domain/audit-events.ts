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
import { DELIVERABLE_STATUSES } from './deliverables';
import { PAYOUT_STATUSES } from './payouts';
import { PAYMENT_MILESTONES } from './agreement-terms';

const Version = v.pipe(v.number(), v.integer(), v.minValue(1));
const Sha256 = v.pipe(v.string(), v.description('Hex SHA-256'));
const Instant = v.pipe(v.string(), v.description('ISO 8601 UTC'));
const Status = v.picklist(DELIVERABLE_STATUSES);
const PayoutStatusSchema = v.picklist(PAYOUT_STATUSES);
const Milestone = v.picklist(PAYMENT_MILESTONES);
const Dinars = v.pipe(v.number(), v.integer(), v.minValue(0));

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
	downloaded: v.object({ version: Version, lang: v.picklist(['fr', 'ar', 'en']), pdfSha256: v.optional(Sha256) }),

	// ---- deliverables (issue 11): `deliverableId` and the status it is in after the event ----
	/** Signing created the deliverables of the terms. */
	deliverables_planned: v.object({ version: Version, deliverables: v.array(v.object({ id: v.string(), seq: v.number(), platform: v.string(), format: v.string(), publishOn: v.string() })) }),
	/** The creator sent draft `draftVersion` (the file's hash when there is one). */
	draft_submitted: v.object({ deliverableId: v.string(), status: Status, draftVersion: Version, fileSha256: v.nullable(Sha256) }),
	/** The brand asked for changes to a draft: round `round` of the included `included` (beyond them only with consent). */
	changes_requested: v.object({ deliverableId: v.string(), status: Status, draftVersion: Version, round: v.number(), included: v.number() }),
	/** The included rounds are used up: the brand asked for one more, which needs the creator's consent. */
	extra_round_asked: v.object({ deliverableId: v.string(), status: Status, draftVersion: Version }),
	/** The creator's answer to an extra round. */
	extra_round_answered: v.object({ deliverableId: v.string(), status: Status, accepted: v.boolean() }),
	/** The brand approved a draft. */
	draft_approved: v.object({ deliverableId: v.string(), status: Status, draftVersion: Version }),
	/** A party downloaded the file of a draft (recorded best-effort: a failed record never fails the download). */
	draft_downloaded: v.object({ deliverableId: v.string(), status: Status, draftVersion: Version, submissionId: v.string() }),
	/** The creator recorded the post, with the disclosure ticked and whether it is what the terms require. */
	published: v.object({
		deliverableId: v.string(),
		status: Status,
		url: v.string(),
		publishedAt: Instant,
		disclosure: v.object({ label: v.boolean(), hashtags: v.array(v.string()) }),
		disclosureComplete: v.boolean()
	}),
	/** The brand confirmed the post or flagged it (a flag holds the payout tied to it). */
	publication_reviewed: v.object({ deliverableId: v.string(), status: Status, decision: v.picklist(['confirm', 'flag']), reason: v.string() }),
	/** Stories: hours highlighted, against the terms' minimum. */
	highlight_recorded: v.object({ deliverableId: v.string(), status: Status, hours: v.number(), required: v.number() }),
	/** The creator reported (or corrected) the figures of a stats window; `answered`: they answered the brand's query on them (figures unchanged). */
	stats_reported: v.object({ deliverableId: v.string(), status: Status, window: v.picklist(['D1', 'D7']), correction: v.boolean(), answered: v.optional(v.boolean()) }),
	/** The brand approved a window's figures or queried one. */
	stats_reviewed: v.object({ deliverableId: v.string(), status: Status, window: v.picklist(['D1', 'D7']), decision: v.picklist(['approve', 'query']) }),
	/** A party asked to withdraw published content under the crisis clause; the payment effect the terms name. */
	withdrawal_requested: v.object({
		deliverableId: v.string(),
		status: Status,
		withdrawalId: v.string(),
		reason: v.string(),
		deadlineAt: Instant,
		paymentEffect: v.record(v.string(), v.unknown())
	}),
	/** The other side confirmed the content is removed (late when after the deadline). */
	withdrawal_confirmed: v.object({ deliverableId: v.string(), status: Status, withdrawalId: v.string(), late: v.boolean() }),

	// ---- payouts (issue 13): `payoutId`, its amount in dinars and the status it is in after the event ----
	/** Signing turned the payment schedule into payouts (those on signature due at once). */
	payouts_planned: v.object({
		version: Version,
		payouts: v.array(v.object({ id: v.string(), seq: v.number(), milestone: Milestone, amountDzd: Dinars, status: PayoutStatusSchema, deadlineAt: v.nullable(Instant) }))
	}),
	/** A milestone's event made payouts due (the deliverable whose change did it, if any). */
	payout_due: v.object({ payouts: v.array(v.object({ id: v.string(), milestone: Milestone, amountDzd: Dinars, deadlineAt: Instant })), deliverableId: v.nullable(v.string()) }),
	/** The brand marked a payout paid (early: it was still scheduled). */
	payout_marked_paid: v.object({ payoutId: v.string(), status: PayoutStatusSchema, amountDzd: Dinars, method: v.string(), reference: v.string(), paidAt: Instant, early: v.boolean() }),
	/** The brand attached a proof of payment (its SHA-256). */
	payout_proof_added: v.object({ payoutId: v.string(), status: PayoutStatusSchema, proofSha256: Sha256, type: v.string() }),
	/** The creator confirmed receiving it (the platform fee charged, 0 without one). */
	payout_confirmed: v.object({ payoutId: v.string(), status: PayoutStatusSchema, amountDzd: Dinars, feeDzd: Dinars, receiptSha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))) }),
	/** The creator disputed it, with a reason. */
	payout_disputed: v.object({ payoutId: v.string(), status: PayoutStatusSchema, amountDzd: Dinars, reason: v.string() }),
	/** A dispute resolved: the brand answered with proof, or an admin decided (paid or unpaid), with a note. */
	payout_resolved: v.object({
		payoutId: v.string(),
		status: PayoutStatusSchema,
		outcome: v.picklist(['proof', 'paid', 'unpaid']),
		note: v.string(),
		by: v.picklist(['brand', 'admin']),
		receiptSha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)))
	}),
	/** A confirmed crisis withdrawal applied its payment effect: amounts reduced or cancelled, payouts made due, a refund. */
	payouts_adjusted: v.object({
		withdrawalId: v.string(),
		amountDueDzd: Dinars,
		refundDzd: Dinars,
		changes: v.array(v.object({ payoutId: v.string(), fromDzd: Dinars, toDzd: Dinars, status: PayoutStatusSchema }))
	})
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
