/**
 * Messages on the JOBS queue. A message is a pointer to work whose truth lives in D1 (an
 * outbox row, an agreement): running it twice, or after the cron sweep already did the
 * work, changes nothing. Messages in flight keep the shape they were sent with, so a kind's
 * fields are only ever added, never renamed.
 */
export type Job =
	/** Render and seal the PDFs of an agreement both parties have signed (fr, ar, en). */
	| { kind: 'seal_agreement'; agreementId: string }
	/** Try to deliver one outbox row now (a request just wrote it); the cron sends what this misses. */
	| { kind: 'deliver_email'; outboxId: string };

export type JobKind = Job['kind'];
