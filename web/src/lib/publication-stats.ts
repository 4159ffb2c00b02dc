/**
 * The publication and stats parts of the deliverable page (issue 11, points 3 and 4): which
 * forms to show to whom (the API's rules, imported from the pure domain modules), metric
 * names per platform, and Algiers date-times for <input type="datetime-local">. Plain
 * TypeScript with relative imports so unit tests load it inside workerd.
 */
import type { Key } from './i18n';
import type { DeliverableDetail, DeliverableStatus, StatsOut } from './deliverables';
import { HIGHLIGHT_STATUSES, RECORDED_STATUSES, canReviewPublication } from '../../../worker/domain/publication';
import { FIRST_REPORT, STATS_FIGURES, STORY_FIGURES, WINDOW_STATUSES, canAnswer, planReport, planReview } from '../../../worker/domain/deliverable-stats';
import { DELIVERABLE_ACTIONS } from '../../../worker/domain/deliverables';

export type StatsWindow = 'D1' | 'D7';
export const WINDOWS: readonly StatsWindow[] = ['D1', 'D7'];
export type Metric = (typeof STATS_FIGURES)[number] | (typeof STORY_FIGURES)[number];

/** Algiers is UTC+1 all year. */
const ALGIERS_OFFSET_MS = 3_600_000;

/** An instant as <input type="datetime-local"> shows it in Algiers: "2027-01-12T18:30". */
export function algiersLocal(iso: string | null): string {
	if (!iso) return '';
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? '' : new Date(ms + ALGIERS_OFFSET_MS).toISOString().slice(0, 16);
}

/** What a datetime-local input sent, read as Algiers time, as the API's ISO 8601 with offset; anything else unchanged (the API names the problem). */
export function fromAlgiersLocal(value: string): string {
	const v = value.trim();
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}+01:00` : v;
}

/** A whole number typed with or without spaces between groups ("12 000", "12000"); anything else as typed, for the API to refuse ("1,5" is not 15). */
export function figure(raw: string): number | string {
	const s = raw.replace(/[\s\u00a0\u202f]/g, '');
	return /^\d{1,12}$/.test(s) ? Number(s) : raw;
}

/** What a post address looks like on a platform, for a format (the URL field's hint). */
export const urlExample = (platform: string, format: string) => (platform === 'instagram' && format === 'story' ? 'https://www.instagram.com/stories/…' : (URL_EXAMPLES[platform] ?? 'https://…'));

const URL_EXAMPLES: Record<string, string> = {
	instagram: 'https://www.instagram.com/reel/…',
	tiktok: 'https://www.tiktok.com/@…/video/…',
	facebook: 'https://www.facebook.com/reel/…',
	youtube: 'https://youtube.com/shorts/…',
	snapchat: 'https://www.snapchat.com/spotlight/…'
};

// ---- who sees which form --------------------------------------------------------------------

type Viewer = Pick<DeliverableDetail, 'party' | 'deliverable'>;
const statusOf = (d: Viewer) => d.deliverable.status as DeliverableStatus;

/** The creator records the post (first time from approved, again while the stats are collected). */
export const canRecord = (d: Viewer) => d.party === 'creator' && (statusOf(d) === 'approved' || RECORDED_STATUSES.includes(statusOf(d)));
/** The brand confirms or flags the recorded post. */
export const canReviewPost = (d: Viewer, decision: 'confirm' | 'flag') =>
	d.party === 'brand' && RECORDED_STATUSES.includes(statusOf(d)) && canReviewPublication(d.deliverable.publicationReview, decision);
/** The creator records a story's highlight hours. */
export const canHighlight = (d: Viewer) => d.party === 'creator' && d.deliverable.format === 'story' && HIGHLIGHT_STATUSES.includes(statusOf(d));

/** Whether a window is open for reporting at `now`. */
export const windowOpen = (d: Viewer, w: StatsWindow, now: number) => d.deliverable.statsOpenAt[w] !== null && Date.parse(d.deliverable.statsOpenAt[w]!) <= now;

/** The creator may report (or correct) this window now: the state machine allows it and the window is open. */
export function canReport(d: Viewer, w: StatsWindow, stats: StatsOut | null, now: number): boolean {
	if (d.party !== 'creator' || !windowOpen(d, w, now)) return false;
	const plan = planReport(statusOf(d), w, stats?.status ?? null);
	if (plan.kind === 'correction') return true;
	return plan.kind === 'first' && (DELIVERABLE_ACTIONS[FIRST_REPORT[w]].from as readonly string[]).includes(statusOf(d));
}

/** The brand may approve or query this window. */
export const canReviewStats = (d: Viewer & Pick<DeliverableDetail, 'stats'>, w: StatsWindow, decision: 'approve' | 'query') =>
	d.party === 'brand' && planReview(statusOf(d), w, decision, d.stats[w]?.status ?? null, d.stats.D1?.status ?? null).ok;

/** The brand could approve D+7 but for D+1 not yet approved (the page says so instead of a button that would be refused). */
export const waitsForD1 = (d: Viewer & Pick<DeliverableDetail, 'stats'>) =>
	d.party === 'brand' && WINDOW_STATUSES.D7.includes(statusOf(d)) && d.stats.D7 !== null && d.stats.D7.status !== 'approved' && d.stats.D1?.status !== 'approved';

/** The creator may answer the brand's query on this window. */
export const canAnswerQuery = (d: Viewer & Pick<DeliverableDetail, 'stats'>, w: StatsWindow) => d.party === 'creator' && canAnswer(statusOf(d), w, d.stats[w]?.status ?? null);

// ---- metric names -----------------------------------------------------------------------------

/** Metrics shown for a deliverable: the eight of every window, then navigation and exits for stories. */
export const metricsOf = (format: string): Metric[] => [...STATS_FIGURES, ...(format === 'story' ? STORY_FIGURES : [])];

/** Where a platform has its own word for a metric (Instagram "accounts reached", TikTok "favourites"). */
const PLATFORM_WORDS: Partial<Record<string, readonly Metric[]>> = {
	instagram: ['reach'],
	tiktok: ['reach', 'saves'],
	facebook: ['reach'],
	youtube: ['reach'],
	snapchat: ['reach']
};

/** The catalogue key of a metric's label on a platform. */
export function metricKey(platform: string, metric: Metric): Key {
	return (PLATFORM_WORDS[platform]?.includes(metric) ? `dstats.metric.${metric}.${platform}` : `dstats.metric.${metric}`) as Key;
}

/**
 * The metrics each platform shows for a format (LOCAL.md "Platforms and their stats");
 * the form hints "0 if the platform does not show it" for the others.
 */
export function platformShows(platform: string, format: string, metric: Metric): boolean {
	if (platform === 'instagram') {
		return format === 'story'
			? ['views', 'reach', 'replies', 'shares', 'linkClicks', 'navigation', 'exits'].includes(metric)
			: ['views', 'reach', 'likes', 'comments', 'saves', 'shares'].includes(metric);
	}
	if (platform === 'tiktok') return ['views', 'likes', 'comments', 'shares', 'saves'].includes(metric);
	return ['views', 'reach', 'likes', 'comments', 'shares', 'navigation', 'exits'].includes(metric);
}
