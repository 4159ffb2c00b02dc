/**
 * The 14-day campaign plan of the seed article ("Mini plan d'action (14 jours)"), as dated
 * tasks generated when a campaign is published. Days are Algiers calendar days
 * (Africa/Algiers is UTC+1 all year, no daylight saving): day 1 is the publish day there.
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

/** One step of the plan template: on which day, in which phase, what to do. */
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

/** A planned task: the step and the Algiers day it is due. */
export interface PlannedTask extends PlanStep {
	dueDate: string;
}

/**
 * The dated plan of a campaign published at `publishedAtMs`: day 1 is the Algiers day of
 * publication, day n is n − 1 days later.
 */
export function planCampaign(publishedAtMs: number): PlannedTask[] {
	if (!Number.isFinite(publishedAtMs)) throw new RangeError('planCampaign: publishedAtMs must be a finite epoch ms');
	const day1 = Date.parse(`${algiersDay(publishedAtMs)}T00:00:00Z`);
	return PLAN_STEPS.map((step) => ({ ...step, dueDate: new Date(day1 + (step.day - 1) * DAY_MS).toISOString().slice(0, 10) }));
}
