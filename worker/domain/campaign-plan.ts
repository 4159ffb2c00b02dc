/**
 * The 14-step campaign plan of the seed article ("Mini plan d'action (14 jours)"), as dated
 * tasks generated when a campaign is published and laid on the campaign's own dates
 * (issue 14, point 10): each step is placed relative to publication, the application
 * deadline, and the first and last publication days, so a short campaign gets a tight
 * plan and a long one a spread-out plan. Days are Algiers calendar days (Africa/Algiers is
 * UTC+1 all year, no daylight saving): day 1 is the publish day there.
 *
 * J1–J3 framing: one objective, one clear offer, a one-page brief.
 * J4–J7 selection and negotiation: shortlist ~10 profiles, ask stats/rates/examples, keep
 *       4 to 6, negotiate reuse rights of at least 30 days.
 * J8–J14 execution and measurement: a tight 4–5 day publication calendar, stats at D+1
 *       and D+7, compare creators and formats, decide who to keep as ambassador.
 *
 * Task keys are stored in campaign_tasks.key and translated in the UI
 * (`campaign.task.<key>`): changing one needs a data migration.
 */

export const PLAN_PHASES = ['framing', 'selection', 'execution'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

/** One step of the plan template: its day in the article's 14-day layout, its phase, what to do. */
export interface PlanStep {
	day: number;
	phase: PlanPhase;
	key: string;
}

/** The plan as data: one task a day, in the article's order. */
export const PLAN_STEPS: readonly PlanStep[] = [
	{ day: 1, phase: 'framing', key: 'framing_objective' },
	{ day: 2, phase: 'framing', key: 'framing_offer' },
	{ day: 3, phase: 'framing', key: 'framing_brief' },
	{ day: 4, phase: 'selection', key: 'selection_shortlist' },
	{ day: 5, phase: 'selection', key: 'selection_evidence' },
	{ day: 6, phase: 'selection', key: 'selection_keep' },
	{ day: 7, phase: 'selection', key: 'selection_rights' },
	{ day: 8, phase: 'execution', key: 'execution_calendar' },
	{ day: 9, phase: 'execution', key: 'execution_publish' },
	{ day: 10, phase: 'execution', key: 'execution_stats_d1' },
	{ day: 11, phase: 'execution', key: 'execution_journal' },
	{ day: 12, phase: 'execution', key: 'execution_last_posts' },
	{ day: 13, phase: 'execution', key: 'execution_stats_d7' },
	{ day: 14, phase: 'execution', key: 'execution_decide' }
];

export const PLAN_DAYS = 14;

const DAY_MS = 86_400_000;
/** Africa/Algiers is UTC+1 all year (no DST since 1981). */
export const ALGIERS_OFFSET_MS = 3_600_000;

/** The Algiers calendar day (YYYY-MM-DD) of an instant. */
export function algiersDay(ms: number): string {
	return new Date(ms + ALGIERS_OFFSET_MS).toISOString().slice(0, 10);
}

/** A planned task: the step, the Algiers day it is due, and its day number counted from publication (day 1). */
export interface PlannedTask extends PlanStep {
	dueDate: string;
}

/** The campaign's own dates (epoch ms; null when not set). */
export interface PlanDates {
	applyBy: number | null;
	startsAt: number | null;
	endsAt: number | null;
}

/** Days a campaign without an end date is expected to publish for (the article's 4–5-day calendar). */
export const DEFAULT_PUBLISHING_DAYS = 5;

/** Epoch ms of 00:00 UTC on the Algiers calendar day of an instant, so days are whole numbers. */
const dayOf = (ms: number) => Date.parse(`${algiersDay(ms)}T00:00:00Z`) / DAY_MS;

/**
 * Where each step falls, in days from day 0 = publication, given the campaign's anchor
 * days (a = applications close, s = publishing starts, e = publishing ends), with
 * 0 ≤ a ≤ s ≤ e. Framing is done before applications close; selection runs from the
 * deadline to the eve of the start; "follow the first publications" is the start day
 * itself; D+1 and D+7 stats follow the first publications; the decision waits for the
 * D+7 figures of the last ones.
 */
function stepOffsets(a: number, s: number, e: number): Record<string, number> {
	const lerp = (from: number, to: number, f: number) => from + Math.round((to - from) * f);
	const framingEnd = Math.min(2, a);
	const eve = Math.max(a, s - 1);
	const journal = Math.max(s + 1, lerp(s, e, 0.5));
	const statsD7 = s + 7;
	return {
		framing_objective: 0,
		framing_offer: lerp(0, framingEnd, 0.5),
		framing_brief: framingEnd,
		selection_shortlist: a,
		selection_evidence: lerp(a, eve, 1 / 3),
		selection_keep: lerp(a, eve, 2 / 3),
		selection_rights: eve,
		execution_calendar: eve,
		execution_publish: s,
		execution_stats_d1: s + 1,
		execution_journal: journal,
		execution_last_posts: Math.max(e, journal),
		execution_stats_d7: statsD7,
		execution_decide: Math.max(e + 7, statsD7 + 1)
	};
}

/**
 * The dated plan of a campaign published at `publishedAtMs`, laid on its own dates:
 * applications close on `applyBy`, publications run from `startsAt` to `endsAt` (Algiers
 * days). A missing start is the day after the deadline, a missing end
 * DEFAULT_PUBLISHING_DAYS − 1 days after the start; dates before publication count as the
 * publication day, so the steps always keep their order. `day` is the step's day number
 * counted from publication (day 1). Tasks come in date order, then the article's order.
 */
export function planCampaign(publishedAtMs: number, dates: PlanDates): PlannedTask[] {
	if (!Number.isFinite(publishedAtMs)) throw new RangeError('planCampaign: publishedAtMs must be a finite epoch ms');
	const p = dayOf(publishedAtMs);
	const rel = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : dayOf(ms) - p);
	const a = Math.max(0, rel(dates.applyBy) ?? 0);
	const s = Math.max(a, rel(dates.startsAt) ?? a + 1);
	const e = Math.max(s, rel(dates.endsAt) ?? s + DEFAULT_PUBLISHING_DAYS - 1);
	const at = stepOffsets(a, s, e);
	return PLAN_STEPS.map((step, order) => ({ step, order, offset: at[step.key] }))
		.sort((x, y) => x.offset - y.offset || x.order - y.order)
		.map(({ step, offset }) => ({ ...step, day: offset + 1, dueDate: new Date((p + offset) * DAY_MS).toISOString().slice(0, 10) }));
}
