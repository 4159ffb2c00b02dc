/**
 * The deliverable pages' shared vocabulary: what GET /deliverables/:id and the lists return
 * (as far as the pages rely on it) and small pure helpers. Plain TypeScript with relative
 * imports so unit tests load it inside workerd.
 */
import type { Key, Locale, Translate } from './i18n';
import { labelOf, platformLabel } from './agreements';

export type DeliverableStatus = 'planned' | 'draft_submitted' | 'changes_requested' | 'approved' | 'published' | 'stats_d1' | 'stats_d7' | 'done' | 'withdrawn';
export type Party = 'brand' | 'creator';

export interface NextStep {
	party: Party;
	step: 'submit_draft' | 'revise_draft' | 'review_draft' | 'answer_extra_round' | 'publish' | 'report_d1' | 'report_d7' | 'approve_stats';
	dueAt: string | null;
	late: boolean;
}

export interface DeliverableItem {
	id: string;
	agreementId: string;
	seq: number;
	platform: string;
	format: string;
	ordinal: number;
	status: DeliverableStatus;
	dueAt: string;
	publishOn: string;
	draftDueAt: string;
	reviewDueAt: string;
	publishDueAt: string;
	next: NextStep | null;
	draftVersion: number;
	roundsUsed: number;
	correctionRounds: number;
	extraRoundPending: boolean;
	storyHighlightHours: number | null;
	postUrl: string | null;
	publishedAt: string | null;
	disclosure: { label: boolean; hashtags: string[] } | null;
	publicationReview: 'pending' | 'confirmed' | 'flagged' | null;
	publicationFlag: string | null;
	payoutHeld: boolean;
	highlightHours: number | null;
	highlightShort: boolean | null;
	statsOpenAt: { D1: string | null; D7: string | null };
	withdrawnAt: string | null;
	updatedAt: string;
}

export interface StatsOut {
	window: 'D1' | 'D7';
	views: number;
	reach: number;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	replies: number;
	linkClicks: number;
	navigation: number | null;
	exits: number | null;
	screenshotId: string | null;
	status: 'submitted' | 'queried' | 'approved';
	submittedAt: string;
	updatedAt: string;
	approvedAt: string | null;
}

export interface DeliverableDetail {
	party: Party;
	agreement: { id: string; campaignId: string; campaignTitle: string | null; brandName: string; creatorName: string; creatorHandle: string };
	deliverable: DeliverableItem;
	terms: {
		reviewDays: number;
		correctionRounds: number;
		draftDaysBeforePublication: number;
		disclosure: { platformLabel: boolean; hashtags: string[] };
		crisis: { requestedBy: string; withdrawalWithinHours: number; payment: string };
		reuseRights: { days: number | null; perpetual: boolean; channels: string[] };
	};
	submissions: { id: string; version: number; note: string; file: { type: string; size: number; name: string; sha256: string } | null; createdAt: string }[];
	messages: { id: string; party: string; authorName: string | null; kind: string; body: string; draftVersion: number | null; statsWindow: string | null; createdAt: string }[];
	stats: { D1: StatsOut | null; D7: StatsOut | null };
	withdrawal: {
		id: string;
		requestedBy: string;
		reason: string;
		requestedAt: string;
		deadlineAt: string;
		status: string;
		confirmedAt: string | null;
		late: boolean;
		paymentEffect: Record<string, unknown>;
	} | null;
}

/** "Reel 2 on Instagram". */
export function pieceLabel(t: Translate, locale: Locale, d: Pick<DeliverableItem, 'format' | 'ordinal' | 'platform'>): string {
	return t('dlv.piece', { format: labelOf(t, 'campaign.format.', d.format), n: d.ordinal, platform: platformLabel(locale, d.platform) });
}

export const deliverableStatusLabel = (t: Translate, s: string) => labelOf(t, 'dlv.status.', s);
export const stepLabel = (t: Translate, s: string) => labelOf(t, 'dlv.step.', s);

/** Badge colour per status: done green, waiting on someone amber, withdrawn muted. */
export function deliverableStatusClass(s: DeliverableStatus, late = false): string {
	if (late) return 'badge badge-danger';
	if (s === 'done' || s === 'published' || s === 'stats_d1' || s === 'stats_d7') return 'badge';
	if (s === 'withdrawn') return 'badge badge-muted';
	if (s === 'planned') return 'badge badge-neutral';
	return 'badge badge-accent';
}

/** Who the next step belongs to, from the viewer's side. */
export function turnLabel(t: Translate, viewer: Party, next: NextStep): string {
	if (next.party === viewer) return t('dlv.next.you');
	return t(next.party === 'brand' ? 'dlv.next.brand' : 'dlv.next.creator');
}

export type { Key };
