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
import { type DeliverableFacts, type NextStep, STATS_WINDOWS, type StatsWindow, nextStep } from './deliverables';
import type { MessageKind } from './message-kinds';

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface ReminderRule {
	/** Due this long after the anchor; negative: before it (the anchor is a deadline, the reminder says it is near). */
	after: number;
	/** Due again every `repeatEvery` while the subject still waits; null: once per anchor. */
	repeatEvery: number | null;
	/**
	 * No second reminder of this kind about the same subject within this time, whatever its
	 * due moment. Anchors can move (the oldest waiting application is answered, the next one
	 * is older than 3 days too): this keeps a moving anchor from sending a reminder a day.
	 */
	quietFor: number;
	/**
	 * No longer sent from `anchor + until` on (absent: as long as the subject waits). A "due
	 * soon" reminder stops at its deadline, where the "late" one takes over; a "late" one is
	 * not sent a week after the fact (the cron was down that long): it also bounds what the
	 * finders scan to a range of an indexed deadline.
	 */
	until?: number;
}

/** "Due soon" reminders of deliverables go out this long before the deadline. */
export const DUE_SOON_MS = 24 * HOUR_MS;
/** "Late" reminders of deliverables are not sent more than this long after the deadline. */
export const LATE_FOR_MS = 7 * DAY_MS;
/** Brands hear about reuse rights ending this long before they end. */
export const RIGHTS_NOTICE_MS = 7 * DAY_MS;

/**
 * Payouts (issue 13): an overdue payout is reminded to the brand at its deadline, then again
 * every this long while it stays overdue; a dispute that waits this long unresolved is
 * reminded to the brand, then again every this long.
 */
export const PAYOUT_REMINDER_EVERY_MS = 3 * DAY_MS;

/** Due a day before the deadline, until it. */
const dueSoon = { after: -DUE_SOON_MS, repeatEvery: null, quietFor: 0, until: 0 } as const;
/** Due at the deadline, once, within a week of it. */
const late = { after: 0, repeatEvery: null, quietFor: 0, until: LATE_FOR_MS } as const;

/**
 * Every reminder and its rule. The keys are message kinds (worker/domain/message-kinds.ts),
 * so a reminder has a category and follows (or, for signing, ignores) people's preferences.
 */
export const REMINDER_RULES = {
	/** A party has not signed the current version 48 hours after it was sent; once per sending. */
	agreement_unsigned_reminder: { after: 48 * HOUR_MS, repeatEvery: null, quietFor: 0 },
	/** A brand's applicants have waited more than 3 days for an answer; then weekly while some still wait. */
	applicants_waiting_reminder: { after: 3 * DAY_MS, repeatEvery: 7 * DAY_MS, quietFor: 7 * DAY_MS },
	// Deliverables (issue 11): each anchored on the deadline of the deliverable's next step
	// (`nextStep` of domain/deliverables.ts), once per deadline: a moved deadline or a new
	// draft is a new due moment.
	/** The creator's draft is due within 24 hours (status planned; anchor draft_due_at). */
	deliverable_draft_due: dueSoon,
	/** The draft is late (planned past draft_due_at): the creator, and the brand waiting for it. */
	deliverable_draft_late: late,
	/** A draft has waited past the terms' review days (anchor last_submitted_at + review days; none while an extra round waits for the creator's consent): the brand. */
	deliverable_review_waiting: late,
	/** The approved post is due within 24 hours (anchor publish_due_at): the creator. */
	deliverable_publication_due: dueSoon,
	/** The approved post is late: the creator, and the brand waiting for it. */
	deliverable_publication_late: late,
	/** A stats window has opened: due a day before its deadline (published_at + D1/D7 `dueAfterMs`), which is when it opens. The creator. */
	deliverable_stats_due: dueSoon,
	/** A stats window's deadline has passed without the statement: the creator. */
	deliverable_stats_late: late,
	/** A withdrawal under the crisis clause is past its deadline and not confirmed (anchor deadline_at): both parties. */
	withdrawal_overdue: late,
	/** Reuse rights on an asset end within 7 days (anchor rights_until): the brand. */
	reuse_rights_ending: { after: -RIGHTS_NOTICE_MS, repeatEvery: null, quietFor: 0, until: 0 },
	// Payouts (issue 13), both to the brand, which has to act.
	/** A due payout, not held, past its deadline (anchor deadline_at): at the deadline, then every 3 days while unpaid. */
	payout_overdue: { after: 0, repeatEvery: PAYOUT_REMINDER_EVERY_MS, quietFor: 0 },
	/** A disputed payout unresolved 3 days after the dispute (anchor disputed_at), then every 3 days while disputed. */
	payout_dispute_waiting: { after: PAYOUT_REMINDER_EVERY_MS, repeatEvery: PAYOUT_REMINDER_EVERY_MS, quietFor: 0 }
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

/** Anchors must be after this moment for a reminder to be sent at `now` (the kind's `until`; -Infinity when it has none). */
export function anchorFloor(kind: ReminderKind, now: number): number {
	const rule: ReminderRule = REMINDER_RULES[kind];
	return rule.until === undefined ? Number.NEGATIVE_INFINITY : now - rule.until;
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
	if (rule.until !== undefined && now >= anchor + rule.until) return null;
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

// ---- deliverables -------------------------------------------------------------------------------

export type DeliverableStepReminder = Extract<
	ReminderKind,
	| 'deliverable_draft_due'
	| 'deliverable_draft_late'
	| 'deliverable_review_waiting'
	| 'deliverable_publication_due'
	| 'deliverable_publication_late'
	| 'deliverable_stats_due'
	| 'deliverable_stats_late'
>;

/** The reminders each next step of a deliverable calls for, before its deadline (`soon`) and after it (`late`). */
export const STEP_REMINDERS: Readonly<Record<NextStep['step'], { soon: DeliverableStepReminder | null; late: DeliverableStepReminder | null }>> = {
	submit_draft: { soon: 'deliverable_draft_due', late: 'deliverable_draft_late' },
	// A draft sent back for changes has no deadline of its own (the publication one still holds).
	revise_draft: { soon: null, late: null },
	review_draft: { soon: null, late: 'deliverable_review_waiting' },
	publish: { soon: 'deliverable_publication_due', late: 'deliverable_publication_late' },
	report_d1: { soon: 'deliverable_stats_due', late: 'deliverable_stats_late' },
	report_d7: { soon: 'deliverable_stats_due', late: 'deliverable_stats_late' },
	// The brand's approval of the D+7 stats has no deadline in the terms.
	approve_stats: { soon: null, late: null }
};

/** The stats window a step reports, if it reports one. */
const WINDOW_OF: Partial<Record<NextStep['step'], StatsWindow>> = { report_d1: 'D1', report_d7: 'D7' };

export interface DeliverableReminderFacts extends DeliverableFacts {
	/** The brand asked for a round beyond the included ones: the draft waits for the creator's consent, not for a review. */
	extraRoundPending: boolean;
	/** A withdrawal under the crisis clause is pending: the content is coming down, its stats are not chased. */
	withdrawalPending: boolean;
}

/** A reminder a deliverable calls for: the deadline it is about (its anchor), its due moment, and the stats window when it is about one. */
export interface DeliverableReminderDue {
	anchor: number;
	dueAt: number;
	window: StatsWindow | null;
}

/**
 * Whether a deliverable calls for a reminder of `kind` at `now`: its next step must be one
 * that kind reminds of, with a deadline, and `now` within the kind's rule around that
 * deadline. Null otherwise (another step, no deadline, too early, or past `until`).
 */
export function deliverableReminder(kind: DeliverableStepReminder, f: DeliverableReminderFacts, now: number): DeliverableReminderDue | null {
	const step = nextStep(f);
	if (step === null || step.dueAt === null) return null;
	if (step.step === 'review_draft' && f.extraRoundPending) return null;
	if ((step.step === 'report_d1' || step.step === 'report_d7') && f.withdrawalPending) return null;
	const kinds = STEP_REMINDERS[step.step];
	if (kinds.soon !== kind && kinds.late !== kind) return null;
	const dueAt = dueMoment(kind, step.dueAt, now);
	return dueAt === null ? null : { anchor: step.dueAt, dueAt, window: WINDOW_OF[step.step] ?? null };
}

/** The deadline of a stats window of a post published at `publishedAt`. */
export function statsDeadline(publishedAt: number, window: StatsWindow): number {
	return publishedAt + STATS_WINDOWS[window].dueAfterMs;
}
