/**
 * The fixed vocabularies shared by the API, the UI and the seeder. Changing one of these
 * lists changes what stored rows may contain: keep them append-only.
 */

/** Creator niches (one fixed taxonomy for creators and campaigns). */
export const NICHES = [
	'beauty',
	'fashion',
	'modest_fashion',
	'food',
	'tech',
	'gaming',
	'sport',
	'fitness_health',
	'travel',
	'family_parenting',
	'home_decor',
	'automotive',
	'humour',
	'education',
	'lifestyle'
] as const;
export type Niche = (typeof NICHES)[number];

/** Content formats a deliverable or a rate can be about. */
export const FORMATS = ['reel', 'story', 'post', 'live'] as const;
export type Format = (typeof FORMATS)[number];

export const PLATFORMS = ['instagram', 'tiktok', 'facebook', 'youtube', 'snapchat'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Languages a creator publishes in: Arabic, French, Darija, Tamazight, English. */
export const CONTENT_LANGUAGES = ['ar', 'fr', 'dz', 'ber', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const OBJECTIVES = ['visibility', 'traffic', 'whatsapp_sales', 'signups'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'open', 'active', 'completed', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const APPLICATION_STATUSES = ['pending', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
