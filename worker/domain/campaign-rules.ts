/**
 * Business rules of a campaign offer, with no D1 or HTTP: defaults, cross-field checks,
 * what publishing needs, the status machine and the centimes warning on the budget.
 * Field problems are returned as message keys of worker/i18n.ts, translated when written.
 */
import { AGE_BANDS, type AgeBand, type CampaignStatus, type Format, type Niche, type Objective } from './taxonomy';

/** Defaults of the seed article: micro-creators of 8 000–35 000 followers, 30 days of reuse rights. */
export const CAMPAIGN_DEFAULTS = { followerMin: 8_000, followerMax: 35_000, reuseRightsDays: 30, budgetDzd: 0 } as const;

export interface Brief {
	keyMessages: string[];
	dos: string[];
	donts: string[];
	angle: string;
}

/** A campaign's editable fields, as stored (times are epoch ms, null when not set). */
export interface CampaignFields {
	title: string;
	objective: Objective;
	offer: string;
	brief: Brief;
	formats: Format[];
	wilayas: string[];
	niches: Niche[];
	/** Target audience age bands, in AGE_BANDS order; empty = all ages. */
	ageBands: AgeBand[];
	followerMin: number;
	followerMax: number;
	budgetDzd: number;
	reuseRightsDays: number;
	startsAt: number | null;
	endsAt: number | null;
	applyBy: number | null;
}

export interface FieldKey {
	path: string;
	key: string;
}

/**
 * Cross-field rules every saved campaign (draft included) must satisfy: known wilayas,
 * followerMin ≤ followerMax, applyBy ≤ startsAt ≤ endsAt for the dates that are set.
 */
export function checkCampaign(c: CampaignFields, wilayaExists: (code: string) => boolean): FieldKey[] {
	const problems: FieldKey[] = [];
	const unknown = c.wilayas.findIndex((w) => !wilayaExists(w));
	if (unknown >= 0) problems.push({ path: `wilayas.${unknown}`, key: 'campaign_wilaya_unknown' });
	if (c.followerMin > c.followerMax) problems.push({ path: 'followerMax', key: 'campaign_followers_order' });
	if (c.applyBy !== null && c.startsAt !== null && c.applyBy > c.startsAt) problems.push({ path: 'applyBy', key: 'campaign_apply_after_start' });
	if (c.startsAt !== null && c.endsAt !== null && c.startsAt > c.endsAt) problems.push({ path: 'endsAt', key: 'campaign_end_before_start' });
	if (c.applyBy !== null && c.startsAt === null && c.endsAt !== null && c.applyBy > c.endsAt) problems.push({ path: 'applyBy', key: 'campaign_apply_after_start' });
	return problems;
}

/**
 * What a creator needs before a campaign can be open: a title, at least one format, wilaya
 * and niche, and an application deadline still in the future.
 */
export function missingForPublish(c: CampaignFields, now: number): FieldKey[] {
	const problems: FieldKey[] = [];
	if (c.title.trim() === '') problems.push({ path: 'title', key: 'campaign_publish_required' });
	if (c.formats.length === 0) problems.push({ path: 'formats', key: 'campaign_publish_required' });
	if (c.wilayas.length === 0) problems.push({ path: 'wilayas', key: 'campaign_publish_required' });
	if (c.niches.length === 0) problems.push({ path: 'niches', key: 'campaign_publish_required' });
	if (c.applyBy === null) problems.push({ path: 'applyBy', key: 'campaign_publish_required' });
	else if (c.applyBy <= now) problems.push({ path: 'applyBy', key: 'campaign_apply_past' });
	return problems;
}

/** What each status allows. A table, so the compiler checks every status is covered. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, { editable: boolean; publish: boolean; close: boolean }> = {
	draft: { editable: true, publish: true, close: false },
	open: { editable: true, publish: false, close: true },
	active: { editable: false, publish: false, close: true },
	completed: { editable: false, publish: false, close: false },
	closed: { editable: false, publish: false, close: false }
};

/**
 * Budgets above this many dinars are probably centimes: Algerians often count in centimes
 * ("12 millions" = 120 000 DA). A micro-influence campaign of 4–6 creators rarely passes
 * a few hundred thousand dinars; 5 000 000 DA is also the auto-entrepreneur's yearly cap.
 */
export const BUDGET_CENTIMES_THRESHOLD = 5_000_000;

/** A non-blocking remark on a saved campaign, shown next to the field. */
export interface CampaignWarning {
	path: 'budgetDzd';
	/** Same code as the creators' rate warning, so clients handle both alike. */
	code: 'looks_like_centimes';
	/** Message key in worker/i18n.ts. */
	key: 'campaign_budget_centimes';
	/** The amount in dinars if the figure was meant in centimes. */
	asDinars: number;
}

/** The warnings a campaign's fields deserve (none is a reason to refuse it). */
export function campaignWarnings(f: { budgetDzd: number }): CampaignWarning[] {
	return budgetLooksLikeCentimes(f.budgetDzd) ? [{ path: 'budgetDzd', code: 'looks_like_centimes', key: 'campaign_budget_centimes', asDinars: Math.round(f.budgetDzd / 100) }] : [];
}

/** True when a budget in dinars looks 100× too high (typed in centimes). */
export function budgetLooksLikeCentimes(budgetDzd: number): boolean {
	return budgetDzd >= BUDGET_CENTIMES_THRESHOLD && budgetDzd % 100 === 0;
}

/** Removes blank lines and surrounding spaces from brief lists. */
export function cleanBrief(b: Brief): Brief {
	const clean = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x !== '');
	return { keyMessages: clean(b.keyMessages), dos: clean(b.dos), donts: clean(b.donts), angle: b.angle.trim() };
}

/**
 * Age bands as stored and shown: known codes only, each once, in AGE_BANDS order (youngest
 * first), whatever order the brand ticked them in. Unknown codes are dropped, so a stored
 * row holding something unexpected reads as "all ages" rather than failing.
 */
export function normaliseAgeBands(bands: readonly unknown[]): AgeBand[] {
	const wanted = new Set(bands);
	return AGE_BANDS.filter((b) => wanted.has(b));
}
