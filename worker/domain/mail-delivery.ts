/**
 * How the outbox delivers (issue 10, point 4): the states of a message, how long a claim
 * lasts, how long to wait after a failed attempt and when to give up. Pure: no D1, no sockets.
 *
 *   queued ──claim──▶ sending ──▶ sent
 *     ▲                  │
 *     └── retryable ─────┤ (attempts < MAX_ATTEMPTS: due again after retryDelayMs)
 *                        └──▶ failed (permanent refusal, or MAX_ATTEMPTS used)
 *   suppressed: written but never sent (the recipient chose no email for that category)
 *
 * A claim sets `sending` with a lease; a sender that dies mid-send leaves the lease to lapse,
 * and the message is due again (its attempt counted, its Message-ID unchanged).
 */

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Attempts before a message that keeps failing is marked failed (about two hours of retries). */
export const MAX_ATTEMPTS = 8;

/** How long a claim holds: longer than the slowest SMTP conversation the adapter allows. */
export const LEASE_MS = 5 * 60_000;

const MINUTE = 60_000;

/** Wait after the `attempts`-th failed attempt: 1, 2, 4, 8, 16, 32 minutes, then an hour. */
export function retryDelayMs(attempts: number): number {
	return Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
}

/** What becomes of a message after an attempt that did not deliver it. */
export function afterFailure(attempts: number, retryable: boolean): 'queued' | 'failed' {
	return retryable && attempts < MAX_ATTEMPTS ? 'queued' : 'failed';
}

/**
 * The Message-ID of an outbox row: the same for every attempt, so a receiver that got a
 * message whose acknowledgement was lost can drop the second copy.
 */
export function messageIdFor(outboxId: string, fromAddress: string): string {
	const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
	return `${outboxId.replace(/[^A-Za-z0-9._%+-]/g, '').slice(0, 64)}@${domain}`;
}

/** The six-digit code of a signing-code email: the subject ends with it, and holds nothing a person typed. */
export function signingCodeIn(subject: string): string | undefined {
	return /(?<!\d)(\d{6})\s*$/.exec(subject)?.[1];
}
