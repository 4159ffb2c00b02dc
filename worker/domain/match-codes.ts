/**
 * The names the matching speaks in — its criteria and its risk codes — alone in a leaf
 * module, so the pages that label them (web/src/lib/matches.ts) do not pull the scoring,
 * stemming and comment-classifier tables into the browser.
 */
export const CRITERIA = ['engagement', 'commentQuality', 'affinity', 'partnershipLoad', 'audienceFit', 'trackRecord'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type MatchWeights = Record<Criterion, number>;

export const RISK_CODES = ['follower_spike', 'engagement_incoherent', 'generic_comments', 'audience_abroad'] as const;
export type RiskCode = (typeof RISK_CODES)[number];
