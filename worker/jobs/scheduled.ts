/**
 * What the cron runs, in order, with one clock (`ctx.now`). The same function answers
 * `POST /api/v1/dev/scheduled {"now"}` in development, so a test or a person can run "the
 * cron at that time" and read what it did.
 */
import type { ServiceContext } from '../context';
import { cleanupExpired } from './cleanup';
import { type RemindersReport, sendReminders } from './send-reminders';
import { sweepSealing } from './sweep-sealing';
import { sendDueEmails } from './send-emails';
import { expireContent } from './expire-content';
import { deactivateCodes } from './deactivate-codes';

export interface ScheduledReport {
	at: string;
	cleanup: { sessions: number; rateLimits: number; idempotencyKeys: number; passwordResets: number };
	sealing: { sealed: number; failed: number };
	/** Reminders written by this run (worker/jobs/send-reminders.ts), in total and by kind. */
	reminders: RemindersReport;
	/** Emails sent, put back for a later attempt, and given up on (worker/services/mail/delivery.ts). */
	emails: { sent: number; retried: number; failed: number };
	/** Content-library assets whose reuse rights ended, marked expired by this run (worker/jobs/expire-content.ts). */
	content: { expired: number };
	/** Attribution codes and tracked links of ended campaigns, deactivated by this run (worker/jobs/deactivate-codes.ts). */
	attribution: { codes: number; links: number };
}

export async function runScheduled(ctx: ServiceContext): Promise<ScheduledReport> {
	const cleanup = await cleanupExpired(ctx);
	const sealing = await sweepSealing(ctx);
	const reminders = await sendReminders(ctx);
	const content = await expireContent(ctx);
	const attribution = await deactivateCodes(ctx);
	// Last: emails written by the tasks above leave in this run.
	const emails = await sendDueEmails(ctx);
	return { at: new Date(ctx.now).toISOString(), cleanup, sealing, reminders, emails, content, attribution };
}
