/**
 * Stats of a published deliverable at D+1 and D+7 (issue 11, point 4): which figures a
 * window holds, when it opens, what the creator may report or correct and what the brand
 * may review in each state, and which approved figures feed the creator's features. Pure.
 *
 * A window's figures are `submitted` by the creator, `queried` when the brand asks about a
 * figure (the creator answers in the thread and may correct them: back to `submitted`), and
 * `approved` by the brand, after which they are final. The first D+1 report moves the
 * deliverable published → stats_d1, the first D+7 report stats_d1 → stats_d7, and approving
 * D+7 (only once D+1 is approved: windows are reviewed in order) closes it: done.
 */
import { type DeliverableAction, type DeliverableStatus, STATS_WINDOWS, type StatsWindow } from './deliverables';

export const STATS_WINDOW_NAMES = Object.keys(STATS_WINDOWS) as StatsWindow[];

/** The figures every window holds, as the API names them (LOCAL.md "Platforms and their stats"). */
export const STATS_FIGURES = ['views', 'reach', 'likes', 'comments', 'saves', 'shares', 'replies', 'linkClicks'] as const;
/** Stories only: taps forward/back and exits. */
export const STORY_FIGURES = ['navigation', 'exits'] as const;
export type StatsFigure = (typeof STATS_FIGURES)[number];
export type StoryFigure = (typeof STORY_FIGURES)[number];

/** Highest figure accepted: no post of a micro-creator comes near it; more is a typing mistake (and stays a safe SQLite integer). */
export const STATS_FIGURE_MAX = 2_000_000_000;

export type StatsStatus = 'submitted' | 'queried' | 'approved';

export type Figures = Record<StatsFigure, number> & Partial<Record<StoryFigure, number | null>>;

/** When a window opens for reporting: D+1 a day after the post went online, D+7 seven days after. */
export function statsOpensAt(publishedAt: number, window: StatsWindow): number {
	return publishedAt + STATS_WINDOWS[window].opensAfterMs;
}

/** Deliverable statuses in which a window already reported may be corrected, answered and reviewed. */
export const WINDOW_STATUSES: Record<StatsWindow, readonly DeliverableStatus[]> = { D1: ['stats_d1', 'stats_d7'], D7: ['stats_d7'] };

/** The action of a window's first report. */
export const FIRST_REPORT: Record<StatsWindow, DeliverableAction> = { D1: 'report_d1', D7: 'report_d7' };

/**
 * What a creator's report of `window` is, given the deliverable's status and the window's
 * current figures (null: none yet): the first report (the action that moves the
 * deliverable), a correction (the status stays), or why not.
 */
export type ReportPlan = { kind: 'first'; action: DeliverableAction } | { kind: 'correction' } | { kind: 'refused'; reason: 'invalid_state' | 'approved' | 'd1_first' };

export function planReport(status: DeliverableStatus, window: StatsWindow, current: StatsStatus | null): ReportPlan {
	if (current === 'approved') return { kind: 'refused', reason: 'approved' };
	if (current !== null) return WINDOW_STATUSES[window].includes(status) ? { kind: 'correction' } : { kind: 'refused', reason: 'invalid_state' };
	if (window === 'D7' && status === 'published') return { kind: 'refused', reason: 'd1_first' };
	// The state machine decides the rest (published for D+1, stats_d1 for D+7).
	return { kind: 'first', action: FIRST_REPORT[window] };
}

export type StatsDecision = 'approve' | 'query';

/**
 * Whether the brand may approve or query `window`: the deliverable still in a stats status,
 * the figures reported; approve from submitted or queried (the brand may accept a figure it
 * asked about), query from submitted (a second question waits for the answer to the first).
 * D+7 is approved only after D+1, and approving it closes the deliverable.
 */
export type ReviewPlan = { ok: true; closes: boolean } | { ok: false; reason: 'invalid_state' | 'd1_first' };

export function planReview(status: DeliverableStatus, window: StatsWindow, decision: StatsDecision, current: StatsStatus | null, d1: StatsStatus | null): ReviewPlan {
	if (!WINDOW_STATUSES[window].includes(status) || current === null) return { ok: false, reason: 'invalid_state' };
	if (decision === 'query') return current === 'submitted' ? { ok: true, closes: false } : { ok: false, reason: 'invalid_state' };
	if (current === 'approved') return { ok: false, reason: 'invalid_state' };
	if (window === 'D7' && d1 !== 'approved') return { ok: false, reason: 'd1_first' };
	return { ok: true, closes: window === 'D7' };
}

/** Whether the creator may answer the brand's query on `window`. */
export function canAnswer(status: DeliverableStatus, window: StatsWindow, current: StatsStatus | null): boolean {
	return WINDOW_STATUSES[window].includes(status) && current === 'queried';
}

/**
 * The approved figures that stand for the delivered post in the creator's stats: D+7 when
 * approved (the post's settled numbers), else D+1 when approved, else none.
 */
export function deliveredFigures<T extends { window: string; status: string }>(windows: readonly T[]): T | null {
	const approved = (w: StatsWindow) => windows.find((s) => s.window === w && s.status === 'approved') ?? null;
	return approved('D7') ?? approved('D1');
}

/** The posts.ref of a delivered post, unique per creator and platform and stable across re-recordings of its URL. */
export const deliveredPostRef = (deliverableId: string) => `wasla:${deliverableId}`;
