/** Look-alike creators (issue 16, point 3): the API's answer and the link every creator card uses. */
import type { NicheCheck, ObservedNiche } from '$lib/creator-profile';

/** The similarity's factors, in the API's order (worker/domain/look-alikes.ts). */
export const FACTORS = ['content', 'niches', 'tier', 'engagement', 'audience'] as const;
export type Factor = (typeof FACTORS)[number];

export interface SimilarOut {
	creator: { id: string; displayName: string; handle: string; mediaKitUrl: string };
	campaign: { id: string; title: string } | null;
	creators: {
		creatorId: string;
		similarity: number;
		reason: string;
		factors: Record<Factor, number>;
		displayName: string;
		handle: string;
		mediaKitUrl: string;
		wilaya: string | null;
		followersTotal: number;
		niches: string[];
		observedNiches: ObservedNiche[];
		nicheCheck: NicheCheck;
	}[];
}

/** The list page of creators like `creatorId`, filtered by the campaign it is opened from. */
export function similarHref(creatorId: string, campaignId?: string | null): string {
	const base = `/creators/${encodeURIComponent(creatorId)}/similar`;
	return campaignId ? `${base}?campaignId=${encodeURIComponent(campaignId)}` : base;
}
