/**
 * Campaign shapes as the API returns them, and the label keys the pages use. Plain
 * TypeScript (no SvelteKit imports): the vocabularies come from worker/domain/taxonomy so
 * the UI never retypes a list.
 */
import { AGE_BANDS, CAMPAIGN_STATUSES, FORMATS, NICHES, OBJECTIVES, type AgeBand, type CampaignStatus, type Format, type Niche, type Objective } from '../../../worker/domain/taxonomy';
import { PLAN_PHASES, type PlanPhase } from '../../../worker/domain/campaign-plan';
import type { FitReason, FitFilter } from '../../../worker/domain/campaign-fit';
import type { Key, Translate } from './i18n';

export { AGE_BANDS, CAMPAIGN_STATUSES, FORMATS, NICHES, OBJECTIVES, PLAN_PHASES };
export type { AgeBand, CampaignStatus, Format, Niche, Objective, PlanPhase, FitReason, FitFilter };

export interface Brief {
	keyMessages: string[];
	dos: string[];
	donts: string[];
	angle: string;
}

export interface Campaign {
	id: string;
	brand: { id: string; name: string };
	title: string;
	objective: Objective;
	offer: string;
	brief: Brief;
	formats: Format[];
	wilayas: string[];
	niches: Niche[];
	/** Target age bands, youngest first; [] = all ages. */
	ageBands: AgeBand[];
	followerMin: number;
	followerMax: number;
	budgetDzd: number;
	reuseRightsDays: number;
	startsAt: string | null;
	endsAt: string | null;
	applyBy: string | null;
	status: CampaignStatus;
	/** Only for the owning brand. */
	publishedAt?: string | null;
	closedAt?: string | null;
	/** Where the creators' tracked links lead (https), or null. */
	landingUrl?: string | null;
	createdAt?: string;
	updatedAt?: string;
}

export interface FeedItem extends Campaign {
	fit: { score: number; reasons: FitReason[] };
	/** When the campaign's brand invited the creator to apply (ISO), or null; invited campaigns come first. */
	invitedAt: string | null;
}

export interface Task {
	id: string;
	day: number;
	phase: PlanPhase;
	key: string;
	dueDate: string;
	done: boolean;
	doneAt: string | null;
}

export interface Wilaya {
	code: string;
	name: string;
	/** The name in the other script (Arabic on French and English pages, French on Arabic ones), for search. */
	alt?: string;
}

export interface CampaignWarning {
	path: string;
	code: 'looks_like_centimes';
	message: string;
	asDinars: number;
}

export const objectiveKey = (o: Objective) => `campaign.objective.${o}` as Key;
export const formatKey = (f: Format) => `campaign.format.${f}` as Key;
export const nicheKey = (n: Niche) => `campaign.niche.${n}` as Key;
export const statusKey = (s: CampaignStatus) => `campaign.status.${s}` as Key;
export const phaseKey = (p: PlanPhase) => `campaign.phase.${p}` as Key;
export const taskKey = (k: string) => `campaign.task.${k}` as Key;
export const reasonKey = (r: FitReason) => `campaign.reason.${r}` as Key;
export const gapKey = (g: FitFilter) => `feed.gap.${g}` as Key;
/** "18-24 ans": the band is isolated left-to-right so "55+" stays "55+" in Arabic. */
export const ageBandLabel = (t: Translate, b: AgeBand) => t('campaign.ageBand', { band: `\u2066${b}\u2069` });

/** Statuses after publication, where applications exist (the applicants page links from these). */
export const HAS_APPLICANTS: readonly CampaignStatus[] = ['open', 'active', 'completed'];

/** Same heuristic as the API's warning (domain/campaign-rules.ts), for the live hint. */
export { budgetLooksLikeCentimes } from '../../../worker/domain/campaign-rules';

/** Total pages for a list, at least 1. */
export const pageCount = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));
