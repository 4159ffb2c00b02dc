/**
 * Which open campaigns fit a creator, and how well: the creator feed's rules.
 *
 * Hard filters (all must hold; the feed's SQL applies the same ones, this module is the
 * reference and the unit tests pin it):
 * - one of the campaign's target wilayas is the creator's wilaya;
 * - at least one campaign niche is one of the creator's niches;
 * - the creator's total followers are within [followerMin, followerMax];
 * - at least one campaign format is offered by the creator, i.e. has a positive price in
 *   the creator's rates.
 *
 * Fit score, 0–100, a weighted sum of five parts each between 0 and 1:
 * - niches (35): share of the campaign's niches the creator covers;
 * - formats (20): share of the campaign's formats the creator offers;
 * - followers (20): how central the creator is in the follower range (1 in the middle,
 *   0.5 at either bound), since the bounds are where a brand hesitates;
 * - budget (15): whether the budget per creator (budget ÷ 5, the article keeps 4 to 6
 *   creators) covers the creator's price for the matching formats; 0.5 when the budget is
 *   not stated;
 * - deadline (10): applications closing soon rank a little higher so they are not missed
 *   (1 within 3 days, falling to 0 at 30 days).
 * Ties: earlier deadline first, then id, so the order is stable across pages.
 */
import { FORMATS, type Format } from './taxonomy';

export interface FitCreator {
	wilaya: string | null;
	niches: string[];
	followersTotal: number;
	/** {format: dinars}; a format is offered when its price is positive. */
	rates: Record<string, unknown>;
}

export interface FitCampaign {
	id: string;
	wilayas: string[];
	niches: string[];
	formats: string[];
	followerMin: number;
	followerMax: number;
	budgetDzd: number;
	/** Epoch ms, or null. */
	applyBy: number | null;
}

/** Why a campaign ranks where it does; keys translated in the UI (`feed.reason.<key>`). */
export const FIT_REASONS = ['wilaya', 'niches_all', 'niches_some', 'formats_all', 'formats_some', 'followers_centre', 'budget_covers', 'deadline_soon'] as const;
export type FitReason = (typeof FIT_REASONS)[number];

/** Hard filters that can fail; also what a profile must have for anything to fit. */
export type FitFilter = 'wilaya' | 'niches' | 'followers' | 'formats';

export const FIT_WEIGHTS = { niches: 35, formats: 20, followers: 20, budget: 15, deadline: 10 } as const;

/** Creators kept per campaign in the seed article's plan (4 to 6): the budget is split by this. */
export const CREATORS_PER_CAMPAIGN = 5;

const DAY_MS = 86_400_000;

/** The formats a creator offers: those with a positive, finite price in the rates JSON. */
export function offeredFormats(rates: Record<string, unknown>): Format[] {
	return FORMATS.filter((f) => {
		const price = rates[f];
		return typeof price === 'number' && Number.isFinite(price) && price > 0;
	});
}

/** The hard filters a campaign fails for this creator (empty: it fits). */
export function failedFilters(campaign: FitCampaign, creator: FitCreator): FitFilter[] {
	const failed: FitFilter[] = [];
	if (creator.wilaya === null || !campaign.wilayas.includes(creator.wilaya)) failed.push('wilaya');
	if (!campaign.niches.some((n) => creator.niches.includes(n))) failed.push('niches');
	if (creator.followersTotal < campaign.followerMin || creator.followersTotal > campaign.followerMax) failed.push('followers');
	const offered = offeredFormats(creator.rates) as string[];
	if (!campaign.formats.some((f) => offered.includes(f))) failed.push('formats');
	return failed;
}

/** True when every hard filter holds. */
export function fits(campaign: FitCampaign, creator: FitCreator): boolean {
	return failedFilters(campaign, creator).length === 0;
}

/**
 * What is missing from a creator's profile for any campaign to fit (no wilaya, no niche,
 * no follower count, no priced format): the feed explains an empty result with it.
 */
export function profileGaps(creator: FitCreator): FitFilter[] {
	const gaps: FitFilter[] = [];
	if (!creator.wilaya) gaps.push('wilaya');
	if (creator.niches.length === 0) gaps.push('niches');
	if (creator.followersTotal <= 0) gaps.push('followers');
	if (offeredFormats(creator.rates).length === 0) gaps.push('formats');
	return gaps;
}

export interface Fit {
	score: number;
	reasons: FitReason[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The fit score and its reasons, for a campaign that passed the hard filters. */
export function fitScore(campaign: FitCampaign, creator: FitCreator, now: number): Fit {
	const reasons: FitReason[] = ['wilaya'];
	const offered = offeredFormats(creator.rates) as string[];

	const nicheHits = campaign.niches.filter((n) => creator.niches.includes(n)).length;
	const niches = campaign.niches.length ? nicheHits / campaign.niches.length : 0;
	reasons.push(niches >= 1 ? 'niches_all' : 'niches_some');

	const matching = campaign.formats.filter((f) => offered.includes(f));
	const formats = campaign.formats.length ? matching.length / campaign.formats.length : 0;
	reasons.push(formats >= 1 ? 'formats_all' : 'formats_some');

	const half = (campaign.followerMax - campaign.followerMin) / 2;
	const mid = campaign.followerMin + half;
	const followers = half > 0 ? clamp01(1 - (Math.abs(creator.followersTotal - mid) / half) * 0.5) : 1;
	if (followers >= 0.75) reasons.push('followers_centre');

	let budget = 0.5;
	if (campaign.budgetDzd > 0) {
		const price = matching.reduce((sum, f) => sum + (creator.rates[f] as number), 0);
		const share = campaign.budgetDzd / CREATORS_PER_CAMPAIGN;
		budget = price > 0 ? clamp01(share / price) : 0.5;
		if (budget >= 1) reasons.push('budget_covers');
	}

	let deadline = 0;
	if (campaign.applyBy !== null) {
		const days = (campaign.applyBy - now) / DAY_MS;
		deadline = days <= 3 ? 1 : clamp01((30 - days) / 27);
		if (days <= 3) reasons.push('deadline_soon');
	}

	const w = FIT_WEIGHTS;
	const score = Math.round(w.niches * niches + w.formats * formats + w.followers * followers + w.budget * budget + w.deadline * deadline);
	return { score, reasons };
}

/** Best fit first; ties by earlier deadline, then id. */
export function compareFit(a: { campaign: FitCampaign; fit: Fit }, b: { campaign: FitCampaign; fit: Fit }): number {
	return (
		b.fit.score - a.fit.score ||
		(a.campaign.applyBy ?? Number.MAX_SAFE_INTEGER) - (b.campaign.applyBy ?? Number.MAX_SAFE_INTEGER) ||
		(a.campaign.id < b.campaign.id ? -1 : a.campaign.id > b.campaign.id ? 1 : 0)
	);
}

/**
 * Filters and ranks campaigns for a creator: only those that fit, best first, each with
 * its fit.
 */
export function rankForCreator<C extends FitCampaign>(campaigns: C[], creator: FitCreator, now: number): { campaign: C; fit: Fit }[] {
	return campaigns
		.filter((c) => fits(c, creator))
		.map((campaign) => ({ campaign, fit: fitScore(campaign, creator, now) }))
		.sort(compareFit);
}
