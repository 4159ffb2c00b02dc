/**
 * The vocabularies and bounds of agreement terms (worker/domain/agreement-terms.ts re-exports
 * them), in a leaf module without valibot: the agreement pages import them, and the terms'
 * schemas would otherwise come along into the browser's scripts.
 */

/** Where the brand may reuse the creator's content: paid ads/whitelisting, its website, its product catalogue, its WhatsApp Business catalogue, screens/prints in store. */
export const REUSE_CHANNELS = ['ads', 'website', 'catalogue', 'whatsapp_catalogue', 'in_store'] as const;
export type ReuseChannel = (typeof REUSE_CHANNELS)[number];
/** Prefilled reuse channels: the brand's own organic surfaces. Paid ads (whitelisting) and in-store use are opt-in. */
export const DEFAULT_REUSE_CHANNELS: readonly ReuseChannel[] = ['website', 'catalogue', 'whatsapp_catalogue'];

/** Who may ask for the content to be withdrawn in a crisis: the brand only, or either party. */
export const CRISIS_REQUESTERS = ['brand', 'either'] as const;
export type CrisisRequester = (typeof CRISIS_REQUESTERS)[number];
/**
 * What happens to the fee when content is withdrawn in a crisis:
 * - `due_in_full`: the whole fee stays due (the creator is not at fault);
 * - `pro_rata`: the fee is due in proportion to the deliverables published before the request;
 * - `none_if_not_published`: if nothing was published before the request, no fee is due and
 *   amounts already paid are refunded; once something was published, the whole fee is due.
 */
export const CRISIS_PAYMENTS = ['due_in_full', 'pro_rata', 'none_if_not_published'] as const;
export type CrisisPayment = (typeof CRISIS_PAYMENTS)[number];

/** Events a payment instalment falls due on: signature of the agreement, approval of the drafts, publication. */
export const PAYMENT_MILESTONES = ['signature', 'approval', 'publication'] as const;
export type PaymentMilestone = (typeof PAYMENT_MILESTONES)[number];

/** Categories of personal data the parties exchange to perform the agreement (Law 18-07: collect the least). */
export const PERSONAL_DATA_ITEMS = ['identity', 'contact', 'payment_details', 'audience_stats'] as const;
export type PersonalDataItem = (typeof PERSONAL_DATA_ITEMS)[number];

/** Bounds shared by the schema, the rules and the UI. */
export const TERMS_LIMITS = {
	deliverables: { min: 1, max: 20 },
	count: { min: 1, max: 20 },
	hours: { min: 1, max: 168 },
	reuseDays: { min: 1, max: 3650 },
	validationDays: { min: 1, max: 60 },
	correctionRounds: { min: 0, max: 5 },
	feeDzd: { min: 0, max: 100_000_000 },
	milestones: { max: 4 },
	paymentDueDays: { min: 0, max: 90 },
	hashtags: { min: 1, max: 5, length: 40 },
	noticeDays: { min: 0, max: 90 },
	cureDays: { min: 1, max: 30 },
	retentionMonths: { min: 1, max: 120 },
	amicableDays: { min: 1, max: 90 },
	name: 120,
	title: 200,
	handle: 60,
	id: 64,
	proposedDates: 10
} as const;
