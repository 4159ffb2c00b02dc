/** Labels and small helpers shared by the application pages (creator and brand sides). */
import type { Key, Translate } from './i18n';

export type ApplicationStatus = 'pending' | 'shortlisted' | 'accepted' | 'declined' | 'withdrawn';
export const STATUS_TABS: readonly ApplicationStatus[] = ['pending', 'shortlisted', 'accepted', 'declined'];

export const statusLabel = (t: Translate, s: string) => t(`appl.status.${s}` as Key);
/** Format and niche names are the campaign catalogue's (campaign.format.*, campaign.niche.*). */
export const formatLabel = (t: Translate, f: string) => t(`campaign.format.${f}` as Key);
export const nicheLabel = (t: Translate, n: string) => t(`campaign.niche.${n}` as Key);
export const commentLabel = (t: Translate, c: string) => t(`appl.comment.${c}` as Key);

/** Badge colour class per status: accepted is green, declined/withdrawn grey. */
export function statusClass(s: string): string {
	return s === 'accepted' ? 'badge' : s === 'shortlisted' ? 'badge badge-accent' : s === 'pending' ? 'badge badge-neutral' : 'badge badge-muted';
}

export interface ApplicationOut {
	id: string;
	campaignId: string;
	creatorId: string;
	status: ApplicationStatus;
	pitch: string;
	feeDzd: number;
	formats: string[];
	proposedDates: string[];
	declineReason: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface CampaignSummary {
	id: string;
	title: string;
	brandName: string;
	status: string;
	formats: string[];
	budgetDzd: number;
	startsAt: string | null;
	endsAt: string | null;
	applyBy: string | null;
	acceptingApplications: boolean;
}

/** Parses a typed dinar amount: "15 000", "15000" → 15000; empty → undefined; anything else → null. */
export function parseDinars(raw: string): number | null | undefined {
	let compact = raw.replace(/[\s\u00a0\u202f]/g, '');
	if (compact === '') return undefined;
	// "15.000" is a thousands separator; "2500.5" (a fraction) is refused by the API.
	if (/^\d{1,3}(\.\d{3})+$/.test(compact)) compact = compact.replace(/\./g, '');
	return /^\d{1,12}$/.test(compact) ? Number(compact) : null;
}

/**
 * The fee a creator would ask for these formats at their own rates (issue 14): the sum of
 * the rates they set, and which formats it counts. `total` is null when none of the formats
 * has a rate, so the form leaves the fee empty rather than suggesting 0 DA.
 */
export function feeFromRates(formats: readonly string[], rates: Readonly<Record<string, number>> | null | undefined): { total: number | null; parts: { format: string; amount: number }[] } {
	const parts = formats.flatMap((format) => {
		const amount = rates?.[format];
		return typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 ? [{ format, amount }] : [];
	});
	return { total: parts.length === 0 ? null : parts.reduce((sum, p) => sum + p.amount, 0), parts };
}

/**
 * Wraps user text (a campaign title, a name) in Unicode isolates (FSI … PDI) before it goes
 * into a translated sentence, so a Latin title inside Arabic text (or the reverse) keeps
 * its own direction without reordering the words around it.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}
