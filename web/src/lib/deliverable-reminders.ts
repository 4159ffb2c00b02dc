/**
 * The deliverable reminders as the inbox shows them (issue 11, point 6): the sentence, the
 * link and the icon of each kind, from the notification's payload (ids, names, the piece,
 * the deadline). Plain TypeScript with relative imports so unit tests load it inside workerd.
 */
import { isolate } from './applications';
import { pieceLabel } from './deliverables';
import { formatDate, formatDateTime } from './format';
import type { Locale, Translate } from './i18n';

export const DELIVERABLE_REMINDER_KINDS = [
	'deliverable_draft_due',
	'deliverable_draft_late',
	'deliverable_review_waiting',
	'deliverable_publication_due',
	'deliverable_publication_late',
	'deliverable_stats_due',
	'deliverable_stats_late',
	'withdrawal_overdue',
	'reuse_rights_ending'
] as const;
export type DeliverableReminderKind = (typeof DELIVERABLE_REMINDER_KINDS)[number];

/** What the API stores with a deliverable reminder (worker/services/notifications.ts DeliverableReminderPayload). */
export interface DeliverableReminderPayload {
	deliverableId?: string;
	campaignTitle?: string;
	brandName?: string;
	creatorName?: string;
	platform?: string;
	format?: string;
	ordinal?: number;
	/** The side reminded. */
	party?: 'brand' | 'creator';
	/** The deadline (ISO 8601). */
	dueAt?: string;
	window?: 'D1' | 'D7';
	requestedBy?: 'brand' | 'creator';
	assetId?: string;
}

export function isDeliverableReminder(kind: string): kind is DeliverableReminderKind {
	return (DELIVERABLE_REMINDER_KINDS as readonly string[]).includes(kind);
}

/** Draft and publication deadlines close an Algiers day (stored as the next midnight): they are shown as that day. */
const END_OF_DAY: ReadonlySet<DeliverableReminderKind> = new Set(['deliverable_draft_due', 'deliverable_draft_late', 'deliverable_publication_due', 'deliverable_publication_late']);

/** The deadline as the sentence says it: the day of a day's deadline or of the end of rights, else the day and time. */
export function reminderDate(kind: DeliverableReminderKind, dueAt: string, locale: Locale): string {
	if (END_OF_DAY.has(kind)) return formatDate(new Date(Date.parse(dueAt) - 1), locale);
	if (kind === 'reuse_rights_ending') return formatDate(dueAt, locale);
	return formatDateTime(dueAt, locale);
}

/** The sentence of a deliverable reminder, worded for the side reminded (names and titles isolated for mixed-direction text). */
export function reminderSentence(t: Translate, locale: Locale, kind: DeliverableReminderKind, p: DeliverableReminderPayload, createdAt: string): string {
	const params = {
		piece: isolate(pieceLabel(t, locale, { format: p.format ?? '', ordinal: p.ordinal ?? 1, platform: p.platform ?? '' })),
		campaign: isolate(p.campaignTitle ?? ''),
		brand: isolate(p.brandName ?? ''),
		creator: isolate(p.creatorName ?? ''),
		// The other side: the creator for the brand, the brand for the creator.
		other: isolate((p.party === 'brand' ? p.creatorName : p.brandName) ?? ''),
		window: t(p.window === 'D7' ? 'notifications.statsWindow.D7' : 'notifications.statsWindow.D1'),
		date: isolate(reminderDate(kind, p.dueAt ?? createdAt, locale))
	};
	if (kind === 'deliverable_draft_late' && p.party === 'brand') return t('notifications.kind.deliverable_draft_late.brand', params);
	if (kind === 'deliverable_publication_late' && p.party === 'brand') return t('notifications.kind.deliverable_publication_late.brand', params);
	if (kind === 'withdrawal_overdue' && p.requestedBy === p.party) return t('notifications.kind.withdrawal_overdue.requester', params);
	return t(`notifications.kind.${kind}`, params);
}

/** Reuse rights are about the brand's content library; the other reminders about the deliverable's page. */
export function reminderHref(kind: DeliverableReminderKind, p: DeliverableReminderPayload): string {
	return kind === 'reuse_rights_ending' ? '/content' : `/deliverables/${p.deliverableId ?? ''}`;
}

/** Late and overdue: the alert icon; rights: the document; due soon or waiting: the clock. */
export function reminderIcon(kind: DeliverableReminderKind): 'alert' | 'document' | 'clock' {
	if (kind === 'deliverable_draft_late' || kind === 'deliverable_publication_late' || kind === 'deliverable_stats_late' || kind === 'withdrawal_overdue') return 'alert';
	return kind === 'reuse_rights_ending' ? 'document' : 'clock';
}
