/**
 * What delivery needs from a mail provider: send one message, and say whether a failure is
 * worth retrying. The SMTP adapter (smtp.ts) is the only provider; another (an HTTP API)
 * would implement the same interface and be picked in `mailProvider`.
 */
export interface OutgoingMail {
	/** Envelope sender and recipient (MAIL FROM, RCPT TO). */
	from: string;
	to: string;
	/** The whole message (headers, multipart/alternative body) from worker/domain/mail.ts, sent as it is. */
	data: string;
}

export type SendResult =
	| { ok: true }
	/**
	 * `retryable`: a temporary refusal (4xx), a timeout, a connection or login problem — try
	 * again later. Otherwise the server refused this message for good (5xx at RCPT or DATA).
	 * `stopBatch`: the server itself is unreachable or refuses us, so the rest of a batch
	 * would fail the same way.
	 */
	| { ok: false; retryable: boolean; stopBatch: boolean; error: string };

export interface MailProvider {
	send(mail: OutgoingMail): Promise<SendResult>;
}
