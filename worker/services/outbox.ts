/**
 * The email outbox, which is also the delivery queue (worker/services/mail/delivery.ts).
 * Every email goes through `queueEmailStatement`, the one place that decides what a stored
 * header may hold — the subject is flattened to one bounded line (`mailSubject`) and the
 * recipient must be one email address (`isMailAddress`), whatever names and titles the
 * email texts were built from — and whether it goes out at all: a row whose recipient chose
 * no email for its category is written `suppressed`, in the same statement, so call sites
 * need no lookup of their own.
 */
import type { Locale } from '../env';
import { isMailAddress, mailSubject } from '../domain/mail';
import type { OutboxStatus } from '../domain/mail-delivery';
import { categoryOf, DEFAULT_CHANNEL, isMandatory, type MessageKind } from '../domain/message-kinds';

/** An email as the builders (emails.ts, agreement-emails.ts, application-emails.ts) write it. */
export interface OutboxMessage {
	to: string;
	subject: string;
	/** The text part; the HTML part is rendered from it at delivery (worker/domain/mail-html.ts). */
	text: string;
	kind: MessageKind;
	/** The recipient's language (the HTML part's lang and dir). */
	locale: Locale;
}

/**
 * The INSERT of one outbox row, for a D1 batch. `onlyIf` makes the row conditional
 * (`INSERT … SELECT … WHERE <sql>`, its parameters numbered from ?6). A recipient that is
 * not one email address is a programming error (addresses come from validated accounts
 * and invitations) and throws.
 *
 * The row is `queued`, due at once, unless the kind's category is not mandatory and the
 * account with that address stored a channel other than email for it
 * (`notification_preferences`): then it is `suppressed` — kept, never sent.
 */
export function queueEmailStatement(d1: D1Database, msg: OutboxMessage, now: number, onlyIf?: { sql: string; params: unknown[] }): D1PreparedStatement {
	if (!isMailAddress(msg.to)) throw new TypeError('outbox: the recipient is not one email address');
	const extra = onlyIf?.params ?? [];
	// Our own parameters come after the caller's (?6…), so `onlyIf` keeps its numbering.
	const p = (i: number) => `?${6 + extra.length + i}`;
	const where = onlyIf ? `WHERE ${onlyIf.sql}` : '';
	const status = `CASE WHEN ${p(3)} = 1 OR coalesce((SELECT np.channel FROM notification_preferences np JOIN users u ON u.id = np.user_id WHERE u.email = ?2 AND np.category = ${p(2)}), ${p(4)}) = 'email' THEN 'queued' ELSE 'suppressed' END`;
	return d1
		.prepare(
			`INSERT INTO outbox (id, to_email, subject, text, created_at, next_attempt_at, kind, locale, status)
			 SELECT ?1, ?2, ?3, ?4, ?5, ?5, ${p(0)}, ${p(1)}, ${status} ${where}`
		)
		.bind(crypto.randomUUID(), msg.to, mailSubject(msg.subject), msg.text, now, ...extra, msg.kind, msg.locale, categoryOf(msg.kind), isMandatory(msg.kind) ? 1 : 0, DEFAULT_CHANNEL);
}

/** The development outbox (GET /api/v1/dev/outbox): latest first, with each message's delivery status and attempts. */
export async function listOutbox(d1: D1Database, limit: number, to?: string) {
	const { results } = await d1
		.prepare('SELECT to_email AS "to", subject, text, created_at AS at, status, attempts FROM outbox WHERE ?2 IS NULL OR to_email = ?2 ORDER BY created_at DESC, rowid DESC LIMIT ?1')
		.bind(limit, to ?? null)
		.all<{ to: string; subject: string; text: string; at: number; status: OutboxStatus; attempts: number }>();
	return results.map((m) => ({ ...m, at: new Date(m.at).toISOString() }));
}
