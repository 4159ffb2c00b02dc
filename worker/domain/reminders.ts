/**
 * Reminders (issue 10, point 3): messages the cron sends when something has waited too
 * long. Each kind has a rule — how long after its anchor (the moment the thing started
 * waiting) it is due, whether it comes back while the thing still waits, and how long to
 * stay quiet after one was sent. A reminder is identified by (kind, subject, due moment):
 * the same key is never sent twice, and a new anchor (an agreement sent again) is a new
 * due moment, hence a new reminder.
 *
 * Pure rules; the finders (which subjects wait) and the sending are in
 * worker/services/reminders.ts, the cron task in worker/jobs/send-reminders.ts. A later
 * issue adds a kind here (with its message kind in message-kinds.ts), then its finder.
 */
import type { MessageKind } from './message-kinds';

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface ReminderRule {
	/** Due this long after the anchor. */
	after: number;
	/** Due again every `repeatEvery` while the subject still waits; null: once per anchor. */
	repeatEvery: number | null;
	/**
	 * No second reminder of this kind about the same subject within this time, whatever its
	 * due moment. Anchors can move (the oldest waiting application is answered, the next one
	 * is older than 3 days too): this keeps a moving anchor from sending a reminder a day.
	 */
	quietFor: number;
}

/**
 * Every reminder and its rule. The keys are message kinds (worker/domain/message-kinds.ts),
 * so a reminder has a category and follows (or, for signing, ignores) people's preferences.
 */
export const REMINDER_RULES = {
	/** A party has not signed the current version 48 hours after it was sent; once per sending. */
	agreement_unsigned_reminder: { after: 48 * HOUR_MS, repeatEvery: null, quietFor: 0 },
	/** A brand's applicants have waited more than 3 days for an answer; then weekly while some still wait. */
	applicants_waiting_reminder: { after: 3 * DAY_MS, repeatEvery: 7 * DAY_MS, quietFor: 7 * DAY_MS }
} as const satisfies Partial<Record<MessageKind, ReminderRule>>;

export type ReminderKind = keyof typeof REMINDER_RULES;

export const REMINDER_KINDS = Object.keys(REMINDER_RULES) as ReminderKind[];

export function isReminderKind(kind: string): kind is ReminderKind {
	return Object.hasOwn(REMINDER_RULES, kind);
}

/** Anchors at or before this moment have a due reminder at `now` (for the finders' SQL). */
export function anchorCutoff(kind: ReminderKind, now: number): number {
	return now - REMINDER_RULES[kind].after;
}

/**
 * The due moment of the reminder about something waiting since `anchor`, as seen at `now`:
 * `anchor + after`, then every `repeatEvery` after that (the latest one not after `now`);
 * null when nothing is due yet. Two runs at different times in the same period get the same
 * moment, so they compete for one reminder.
 */
export function dueMoment(kind: ReminderKind, anchor: number, now: number): number | null {
	const rule: ReminderRule = REMINDER_RULES[kind];
	const first = anchor + rule.after;
	if (!Number.isFinite(first) || now < first) return null;
	if (rule.repeatEvery === null) return first;
	return first + Math.floor((now - first) / rule.repeatEvery) * rule.repeatEvery;
}

/** Sent within the quiet period of its kind: a reminder sent at `lastSentAt` keeps another about the same subject away until then. */
export function quietUntil(kind: ReminderKind, lastSentAt: number): number {
	return lastSentAt + REMINDER_RULES[kind].quietFor;
}

/** The subject of a reminder: what it is about (and, when that has several recipients, for whom), e.g. "<agreement id>:creator". */
export function reminderSubject(...parts: readonly string[]): string {
	if (parts.length === 0 || parts.some((p) => p === '' || p.includes(':'))) throw new TypeError('reminder subject parts must be non-empty and free of ":"');
	return parts.join(':');
}
