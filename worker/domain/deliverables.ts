/**
 * Deliverables (issue 11): the pieces of content a signed agreement promises, one per
 * format × count of its terms, and their life cycle written as data like the applications'
 * (application-status.ts). Pure: no D1, no Hono.
 *
 * planned → draft_submitted → changes_requested ⇄ draft_submitted → approved → published
 *         → stats_d1 → stats_d7 → done,   and published…done → withdrawn (crisis clause).
 *
 * Services check `checkDeliverableAction` before any write and repeat `sourcesOf(action)` in
 * their UPDATE … WHERE status IN (…) guard, so two racing requests cannot skip the table.
 */
import type { AgreementTerms } from './agreement-terms';
import type { Format, Platform } from './taxonomy';

export const DELIVERABLE_STATUSES = ['planned', 'draft_submitted', 'changes_requested', 'approved', 'published', 'stats_d1', 'stats_d7', 'done', 'withdrawn'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

/** Who acts on a deliverable. */
export type DeliverableParty = 'brand' | 'creator';

/**
 * The actions that move a deliverable, who may take each, from which statuses and to which:
 * - `submit`: the creator sends a draft (a new version each time);
 * - `request_changes` / `approve`: the brand reviews the latest draft;
 * - `publish`: the creator records the post;
 * - `report_d1` / `report_d7`: the creator's first statement of each stats window (corrections
 *   of a window already reported do not move the deliverable);
 * - `close`: the brand approves the D+7 stats, the deliverable is done;
 * - `withdraw`: the removal asked under the crisis clause is confirmed.
 */
export const DELIVERABLE_ACTIONS = {
	submit: { by: 'creator', from: ['planned', 'changes_requested'], to: 'draft_submitted' },
	request_changes: { by: 'brand', from: ['draft_submitted'], to: 'changes_requested' },
	approve: { by: 'brand', from: ['draft_submitted'], to: 'approved' },
	publish: { by: 'creator', from: ['approved'], to: 'published' },
	report_d1: { by: 'creator', from: ['published'], to: 'stats_d1' },
	report_d7: { by: 'creator', from: ['stats_d1'], to: 'stats_d7' },
	close: { by: 'brand', from: ['stats_d7'], to: 'done' },
	withdraw: { by: 'either', from: ['published', 'stats_d1', 'stats_d7', 'done'], to: 'withdrawn' }
} as const satisfies Record<string, { by: DeliverableParty | 'either'; from: readonly DeliverableStatus[]; to: DeliverableStatus }>;

export type DeliverableAction = keyof typeof DELIVERABLE_ACTIONS;

/** Allowed transitions by status, derived from the actions (the table the tests walk). */
export const DELIVERABLE_TRANSITIONS: Readonly<Record<DeliverableStatus, readonly DeliverableStatus[]>> = Object.fromEntries(
	DELIVERABLE_STATUSES.map((s) => [s, [...new Set(Object.values(DELIVERABLE_ACTIONS).flatMap((a) => ((a.from as readonly DeliverableStatus[]).includes(s) ? [a.to] : [])))]])
) as Record<DeliverableStatus, DeliverableStatus[]>;

/** The statuses `action` may start from (for the UPDATE … WHERE status IN (…) guard). */
export function sourcesOf(action: DeliverableAction): readonly DeliverableStatus[] {
	return DELIVERABLE_ACTIONS[action].from;
}

export type DeliverableCheck = { ok: true; to: DeliverableStatus } | { ok: false; code: 'forbidden' | 'invalid_state' };

/** Whether `party` may take `action` on a deliverable in `status`: 403 for the wrong side, 409 for the wrong status. */
export function checkDeliverableAction(status: DeliverableStatus, action: DeliverableAction, party: DeliverableParty): DeliverableCheck {
	const rule = DELIVERABLE_ACTIONS[action];
	if (rule.by !== 'either' && rule.by !== party) return { ok: false, code: 'forbidden' };
	if (!(rule.from as readonly DeliverableStatus[]).includes(status)) return { ok: false, code: 'invalid_state' };
	return { ok: true, to: rule.to };
}

/** Statuses in which the content is online (what the crisis clause can withdraw). */
export const ONLINE_STATUSES: readonly DeliverableStatus[] = DELIVERABLE_ACTIONS.withdraw.from;

/** Statuses in which the deliverable no longer needs anything from anyone. */
export const FINAL_STATUSES: readonly DeliverableStatus[] = ['done', 'withdrawn'];

// ---- planning from the signed terms -------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Algiers is UTC+1 all year (no daylight saving since 1981). */
const ALGIERS_OFFSET_MS = 3_600_000;

/** The instant a calendar day (YYYY-MM-DD) ends in Algiers: midnight at the start of the next day, Algiers time. */
export function endOfAlgiersDay(day: string): number {
	return Date.parse(`${day}T00:00:00Z`) + DAY_MS - ALGIERS_OFFSET_MS;
}

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The Algiers calendar day of an instant. */
export function algiersDayOf(ms: number): string {
	return new Date(ms + ALGIERS_OFFSET_MS).toISOString().slice(0, 10);
}

/** One deliverable to create when an agreement is signed. */
export interface PlannedDeliverable {
	/** 1-based position in the agreement (stable order: terms order, then count). */
	seq: number;
	platform: Platform;
	format: Format;
	/** 1-based number among the deliverables of the same platform and format ("Reel 2 of 3"). */
	ordinal: number;
	/** Calendar day (Algiers) the post is due. */
	publishOn: string;
	/** Epoch ms: the draft is due by the end of this day (Algiers). */
	draftDueAt: number;
	/** Epoch ms: the brand's review of a draft sent on time is due by then. */
	reviewDueAt: number;
	/** Epoch ms: the post is due by the end of its day. */
	publishDueAt: number;
	/** Stories: minimum hours highlighted; null otherwise. */
	storyHighlightHours: number | null;
}

/**
 * The publication day of each of `n` deliverables: the proposed dates inside the window
 * first (in order), then days spread evenly across the window; with no window, the signing
 * day plus the draft and review delays (the earliest a reviewed draft can go out). A day
 * already past at signing moves to that earliest day: nothing is due before the signature.
 */
export function publicationDays(terms: Pick<AgreementTerms, 'publicationWindow' | 'validation'>, n: number, signedDay: string): string[] {
	const { validation } = terms;
	const earliest = addDays(signedDay, validation.draftDaysBeforePublication + validation.reviewDays);
	const from = terms.publicationWindow.from ?? earliest;
	const to = terms.publicationWindow.to ?? from;
	const inWindow = terms.publicationWindow.proposedDates.filter((d) => d >= from && d <= to);
	const days: string[] = inWindow.slice(0, n);
	const span = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS));
	for (let i = days.length; i < n; i++) {
		const remaining = n - inWindow.length;
		const k = i - inWindow.length;
		// Spread the rest across the window: 1 → the end, 2 → start and end, 3 → start, middle, end…
		const offset = remaining <= 1 ? span : Math.round((k * span) / (remaining - 1));
		days.push(addDays(from, offset));
	}
	return days.map((d) => (d < signedDay ? earliest : d)).sort();
}

/**
 * One deliverable per format × count of the signed terms, each with its due moments in
 * Algiers time: publication by the end of its day, the draft `draftDaysBeforePublication`
 * days before, the review `reviewDays` after the draft (never after the publication day).
 */
export function planDeliverables(terms: Pick<AgreementTerms, 'deliverables' | 'publicationWindow' | 'validation'>, signedAt: number): PlannedDeliverable[] {
	const units = terms.deliverables.flatMap((d) => Array.from({ length: d.count }, (_, i) => ({ platform: d.platform, format: d.format, ordinal: i + 1, storyHighlightHours: d.storyHighlightHours })));
	const days = publicationDays(terms, units.length, algiersDayOf(signedAt));
	return units.map((u, i) => {
		const publishOn = days[i];
		const draftDay = addDays(publishOn, -terms.validation.draftDaysBeforePublication);
		const reviewDay = addDays(draftDay, terms.validation.reviewDays);
		return {
			seq: i + 1,
			...u,
			publishOn,
			draftDueAt: endOfAlgiersDay(draftDay),
			reviewDueAt: endOfAlgiersDay(reviewDay < publishOn ? reviewDay : publishOn),
			publishDueAt: endOfAlgiersDay(publishOn)
		};
	});
}

// ---- what comes next ------------------------------------------------------------------------------

/** The facts about a deliverable that decide what is expected next and by when. */
export interface DeliverableFacts {
	status: DeliverableStatus;
	draftDueAt: number;
	publishDueAt: number;
	/** When the latest draft was sent (review clock), or null. */
	lastSubmittedAt: number | null;
	/** Days the brand has to review a draft (terms). */
	reviewDays: number;
	/** When the post went online, or null. */
	publishedAt: number | null;
}

/** What a deliverable waits for: who acts, what, and by when (null: nothing left to do). */
export interface NextStep {
	party: DeliverableParty;
	step: 'submit_draft' | 'revise_draft' | 'review_draft' | 'publish' | 'report_d1' | 'report_d7' | 'approve_stats';
	dueAt: number | null;
}

/** D+1 and D+7 stats are due one and seven days after publication, with a day's grace to read them. */
export const STATS_WINDOWS = { D1: { opensAfterMs: DAY_MS, dueAfterMs: 2 * DAY_MS }, D7: { opensAfterMs: 7 * DAY_MS, dueAfterMs: 8 * DAY_MS } } as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

/** The next step of a deliverable and its deadline. */
export function nextStep(f: DeliverableFacts): NextStep | null {
	switch (f.status) {
		case 'planned':
			return { party: 'creator', step: 'submit_draft', dueAt: f.draftDueAt };
		case 'changes_requested':
			return { party: 'creator', step: 'revise_draft', dueAt: null };
		case 'draft_submitted':
			return { party: 'brand', step: 'review_draft', dueAt: f.lastSubmittedAt === null ? null : f.lastSubmittedAt + f.reviewDays * DAY_MS };
		case 'approved':
			return { party: 'creator', step: 'publish', dueAt: f.publishDueAt };
		case 'published':
			return { party: 'creator', step: 'report_d1', dueAt: f.publishedAt === null ? null : f.publishedAt + STATS_WINDOWS.D1.dueAfterMs };
		case 'stats_d1':
			return { party: 'creator', step: 'report_d7', dueAt: f.publishedAt === null ? null : f.publishedAt + STATS_WINDOWS.D7.dueAfterMs };
		case 'stats_d7':
			return { party: 'brand', step: 'approve_stats', dueAt: null };
		case 'done':
		case 'withdrawn':
			return null;
	}
}

/** Whether a step's deadline has passed at `now`. */
export function isLate(step: NextStep | null, now: number): boolean {
	return step !== null && step.dueAt !== null && now > step.dueAt;
}
