/**
 * Cron task: sends the reminders due at `ctx.now`, kind by kind (worker/services/reminders.ts).
 * Each reminder is written at most once per (kind, subject, due moment), so running this
 * every minute, retrying it, or two runs overlapping sends nothing twice. A kind whose
 * finder fails, or a reminder whose batch fails, is counted and logged; the others go on,
 * and the next run tries again.
 */
import type { ServiceContext } from '../context';
import { REMINDER_KINDS, type ReminderKind } from '../domain/reminders';
import { REMINDER_FINDERS, sendReminder } from '../services/reminders';

/** At most this many reminders of each kind per run; the next minute takes the rest. */
const PER_RUN = 50;

export interface KindReport {
	/** Written by this run. */
	sent: number;
	/** Found due, but another run wrote it first (or it stopped being due before it was written). */
	skipped: number;
	failed: number;
}

export interface RemindersReport extends KindReport {
	/** In-app notifications and outbox emails written with them (after preferences). */
	notifications: number;
	emails: number;
	/** The same counts for each kind; every kind is listed, so the shape only grows as issues add kinds. */
	byKind: Record<ReminderKind, KindReport>;
}

export async function sendReminders(ctx: ServiceContext): Promise<RemindersReport> {
	const report: RemindersReport = {
		sent: 0,
		skipped: 0,
		failed: 0,
		notifications: 0,
		emails: 0,
		byKind: Object.fromEntries(REMINDER_KINDS.map((k) => [k, { sent: 0, skipped: 0, failed: 0 }])) as Record<ReminderKind, KindReport>
	};
	const count = (kind: ReminderKind, field: keyof KindReport) => {
		report[field]++;
		report.byKind[kind][field]++;
	};
	for (const kind of REMINDER_KINDS) {
		let due;
		try {
			due = await REMINDER_FINDERS[kind](ctx, PER_RUN);
		} catch (err) {
			count(kind, 'failed');
			console.error(JSON.stringify({ level: 'error', msg: 'reminder finder failed', kind, error: String(err instanceof Error ? err.message : err) }));
			continue;
		}
		for (const reminder of due) {
			try {
				const result = await sendReminder(ctx, reminder);
				count(kind, result.sent ? 'sent' : 'skipped');
				report.notifications += result.notifications;
				report.emails += result.emails;
			} catch (err) {
				count(kind, 'failed');
				console.error(JSON.stringify({ level: 'error', msg: 'reminder failed', kind, subject: reminder.subject, error: String(err instanceof Error ? err.message : err) }));
			}
		}
	}
	return report;
}
