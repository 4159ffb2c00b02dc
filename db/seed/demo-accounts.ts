/**
 * The two seeded accounts that can sign in on a demo database. Public on purpose: they
 * only exist in local and demo databases created by `db/seed/cli.ts`, never in production.
 */
export const DEMO_PASSWORD = 'wasla-demo-2026';
/** Owner of "Boutique Yasmine Cosmétiques" (Oran), which has one campaign in every status. */
export const DEMO_BRAND_EMAIL = 'demo.marque@wasla.dz';
/** A full creator profile (Blida, beauty, about 18 000 followers) with posts and applications. */
export const DEMO_CREATOR_EMAIL = 'demo.createur@wasla.dz';
