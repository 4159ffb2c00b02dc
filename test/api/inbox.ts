/**
 * What the test SMTP server received (scripts/mail-inbox.mjs, started by
 * test/mail-inbox-setup.ts), read over its HTTP API from inside workerd.
 */
import { env } from 'cloudflare:workers';

export interface Received {
	id: string;
	envelope: { from: string; to: string[] };
	from: string;
	to: string[];
	subject: string;
	date: string | null;
	messageId: string | null;
	contentType: string;
	text: string;
	html: string;
	raw: string;
}

/** Every message the server accepted for `to`, oldest first. */
export async function received(to: string): Promise<Received[]> {
	const res = await fetch(`${env.INBOX_URL}/api/messages?to=${encodeURIComponent(to)}`);
	if (!res.ok) throw new Error(`inbox: ${res.status}`);
	return ((await res.json()) as { messages: Received[] }).messages;
}

/** Waits until the server accepted at least `n` messages for `to`. */
export async function waitForMail(to: string, n = 1, timeoutMs = 20_000): Promise<Received[]> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const got = await received(to);
		if (got.length >= n) return got;
		if (Date.now() > until) throw new Error(`inbox: ${got.length} of ${n} messages for ${to} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The server answers the next `times` RCPT TO for `to` with `code` (0: accepts) after `delayMs`. */
export async function scriptRecipient(to: string, rule: { code: number; times: number; delayMs?: number }): Promise<void> {
	const res = await fetch(`${env.INBOX_URL}/api/rules`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, ...rule }) });
	if (!res.ok) throw new Error(`inbox rules: ${res.status}`);
}
