/**
 * Cron task: sends the emails that are due — retries whose wait is over, rows whose
 * `deliver_email` job was lost or never pushed, claims whose sender died — in bounded
 * batches (worker/services/mail/delivery.ts). Runs last, so emails written by the tasks
 * before it in the same run go out in that run.
 */
import type { ServiceContext } from '../context';
import { type DeliveryReport, deliverDueEmails } from '../services/mail/delivery';

export function sendDueEmails(ctx: ServiceContext): Promise<DeliveryReport> {
	return deliverDueEmails(ctx);
}
