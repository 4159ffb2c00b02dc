/**
 * Job `deliver_email`: one attempt at one outbox row, right after the request that wrote it
 * (issue 10, point 4). The row holds the truth: a row already sent, being sent or not due is
 * left alone, and a failed attempt is recorded on the row (attempts, last error, next
 * attempt) for the cron to retry — the job itself succeeds, so the queue never resends it.
 */
import type { ServiceContext } from '../context';
import { deliverMessage, mailer } from '../services/mail/delivery';
import type { Job } from './types';

export async function deliverEmail(ctx: ServiceContext, job: Extract<Job, { kind: 'deliver_email' }>): Promise<void> {
	const via = mailer(ctx.env);
	if (!via) return;
	await deliverMessage(ctx, via, job.outboxId);
}
