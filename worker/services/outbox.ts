/**
 * The email outbox: messages are written here; a mail provider would deliver them in
 * production. Every email goes through `queueEmailStatement`, the one place that decides
 * what a stored header may hold: the subject is flattened to one bounded line
 * (`mailSubject`) and the recipient must be one email address (`isMailAddress`), whatever
 * names and titles the email texts were built from. Delivery builds the message with
 * `buildMessage` (worker/domain/mail.ts).
 */
import { isMailAddress, mailSubject } from '../domain/mail';
import type { MessageKind } from '../domain/message-kinds';

export interface OutboxMessage {
	to: string;
	subject: string;
	text: string;
	/** What kind of message this is (worker/domain/message-kinds.ts), for the recipient's preferences. */
	kind?: MessageKind;
}

/**
 * The INSERT of one outbox row, for a D1 batch. `onlyIf` makes the row conditional
 * (`INSERT … SELECT … WHERE <sql>`, its parameters numbered from ?6). A recipient that is
 * not one email address is a programming error (addresses come from validated accounts
 * and invitations) and throws.
 */
export function queueEmailStatement(d1: D1Database, msg: OutboxMessage, now: number, onlyIf?: { sql: string; params: unknown[] }): D1PreparedStatement {
	if (!isMailAddress(msg.to)) throw new TypeError('outbox: the recipient is not one email address');
	const where = onlyIf ? `WHERE ${onlyIf.sql}` : '';
	return d1
		.prepare(`INSERT INTO outbox (id, to_email, subject, text, created_at) SELECT ?1, ?2, ?3, ?4, ?5 ${where}`)
		.bind(crypto.randomUUID(), msg.to, mailSubject(msg.subject), msg.text, now, ...(onlyIf?.params ?? []));
}

export async function listOutbox(d1: D1Database, limit: number) {
	const { results } = await d1
		.prepare('SELECT to_email AS "to", subject, text, created_at AS at FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?1')
		.bind(limit)
		.all<{ to: string; subject: string; text: string; at: number }>();
	return results.map((m) => ({ ...m, at: new Date(m.at).toISOString() }));
}
