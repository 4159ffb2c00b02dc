/**
 * Rules about what a creator may propose in an application: the fee (integer dinars, with
 * a centimes warning) and the proposed publication days (inside the campaign window).
 */

export const PITCH_MIN = 10;
export const PITCH_MAX = 2000;
export const PROPOSED_DATES_MAX = 10;
export const DECLINE_REASON_MIN = 3;
export const DECLINE_REASON_MAX = 500;
export const MESSAGE_MAX = 2000;

/** Above this, a micro-creator fee is implausible unless the campaign budget says otherwise. */
export const FEE_PLAUSIBLE_MAX_DZD = 500_000;

/**
 * People often speak in centimes ("1 500 000" meaning 15 000 DA, LOCAL.md). A fee looks
 * like centimes when it is a round hundred above what is plausible: above 500 000 DA and
 * above the campaign's whole budget. It is a warning, never a refusal.
 */
export function looksLikeCentimes(feeDzd: number, budgetDzd = 0): boolean {
	if (!Number.isSafeInteger(feeDzd) || feeDzd <= 0) return false;
	const ceiling = Math.max(FEE_PLAUSIBLE_MAX_DZD, budgetDzd);
	return feeDzd > ceiling && feeDzd % 100 === 0;
}

/** Milliseconds of Africa/Algiers ahead of UTC (UTC+1 all year, no daylight saving). */
const ALGIERS_OFFSET_MS = 3600_000;

/** The calendar day (YYYY-MM-DD) in Algiers of an epoch-milliseconds instant. */
export function algiersDay(ms: number): string {
	return new Date(ms + ALGIERS_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export interface CampaignWindow {
	/** Epoch ms, or null when the campaign has no start. */
	startsAt: number | null;
	endsAt: number | null;
}

/**
 * Indexes of proposed days that fall outside the campaign window (compared as Algiers
 * calendar days, both ends included). A campaign without dates accepts any day.
 */
export function datesOutsideWindow(days: readonly string[], window: CampaignWindow): number[] {
	const from = window.startsAt === null ? null : algiersDay(window.startsAt);
	const to = window.endsAt === null ? null : algiersDay(window.endsAt);
	const out: number[] = [];
	days.forEach((d, i) => {
		if ((from !== null && d < from) || (to !== null && d > to)) out.push(i);
	});
	return out;
}

/** Proposed days sorted and without repeats, as stored. */
export function normaliseDays(days: readonly string[]): string[] {
	return [...new Set(days)].sort();
}

/** Whether a campaign takes applications at `now`: open, and its deadline not passed. */
export function acceptsApplications(c: { status: string; applyBy: number | null }, now: number): boolean {
	return c.status === 'open' && (c.applyBy === null || c.applyBy > now);
}
