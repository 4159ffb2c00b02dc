/** The email outbox: messages are written here; a mail provider would deliver them in production. */
export interface OutboxMessage {
	to: string;
	subject: string;
	text: string;
}

export function queueEmailStatement(d1: D1Database, msg: OutboxMessage, now: number): D1PreparedStatement {
	return d1
		.prepare('INSERT INTO outbox (id, to_email, subject, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
		.bind(crypto.randomUUID(), msg.to, msg.subject, msg.text, now);
}

export async function listOutbox(d1: D1Database, limit: number) {
	const { results } = await d1
		.prepare('SELECT to_email AS "to", subject, text, created_at AS at FROM outbox ORDER BY created_at DESC, rowid DESC LIMIT ?1')
		.bind(limit)
		.all<{ to: string; subject: string; text: string; at: number }>();
	return results.map((m) => ({ ...m, at: new Date(m.at).toISOString() }));
}
