/**
 * In-app notifications: one row per recipient; the UI writes the sentence from `kind` and
 * `payload`. Every row is written by `notifyUserStatement` or `notifyBrandStatement`, which
 * apply the recipient's preferences in SQL: no row when they turned the kind's category off
 * (mandatory categories — account, signing — are always written).
 */
import type { CallerContext } from '../context';
import { MESSAGE_CATEGORIES, MESSAGE_KINDS, type MessageCategory, type MessageKind, categoryOf, isMandatory } from '../domain/message-kinds';

export type NotificationKind = Extract<
	MessageKind,
	| 'application_received'
	| 'application_shortlisted'
	| 'application_accepted'
	| 'application_declined'
	| 'applicants_waiting_reminder'
	| 'campaign_invitation'
	| 'message_received'
	| 'agreement_unsigned_reminder'
	| 'agreement_sent'
	| 'agreement_details_needed'
	| 'agreement_signed'
	| 'agreement_completed'
	| 'team_invitation_received'
	| 'team_invitation_accepted'
	| 'team_invitation_declined'
	| 'team_member_left'
	| 'deliverable_update'
	| 'deliverable_draft_due'
	| 'deliverable_draft_late'
	| 'deliverable_review_waiting'
	| 'deliverable_publication_due'
	| 'deliverable_publication_late'
	| 'deliverable_stats_due'
	| 'deliverable_stats_late'
	| 'withdrawal_overdue'
	| 'reuse_rights_ending'
	| 'payout_update'
	| 'payout_overdue'
	| 'payout_dispute_waiting'
>;

/** Template parameters of the application notifications (ids and names, never private data). */
export interface ApplicationNotificationPayload {
	applicationId: string;
	campaignId: string;
	campaignTitle: string;
	brandName?: string;
	creatorName?: string;
	agreementId?: string;
	reason?: string;
	/** The first characters of a message, for message_received. */
	excerpt?: string;
	/** The message quoted by `excerpt`, so erasing its author can blank the quote. */
	messageId?: string;
}

/** Template parameters of the team notifications: who, which brand, which invitation. */
export interface TeamNotificationPayload {
	brandName: string;
	invitationId?: string;
	/** Who invited (team_invitation_received). */
	inviterName?: string;
	/** Who answered or left (team_invitation_accepted, _declined, team_member_left). */
	memberName?: string;
}

/** A party has not signed an agreement 48 hours after it was sent (agreement_unsigned_reminder). */
export interface AgreementReminderPayload {
	agreementId: string;
	applicationId: string;
	campaignTitle: string;
	brandName: string;
	creatorName: string;
	version: number;
	/** The party reminded. */
	party: 'brand' | 'creator';
	/** Whether the other party has signed this version already. */
	otherSigned: boolean;
}

/**
 * An agreement moved on its way to signatures (issue 14, point 8): sent for signature (to the
 * creator), signed by one party (to the other), signed by both (to both sides).
 */
export interface AgreementNotificationPayload {
	agreementId: string;
	/** Lets erasing the creator blank their name here too (personal-data.ts matches on applicationId). */
	applicationId: string;
	campaignTitle: string;
	brandName: string;
	creatorName: string;
	version: number;
	/** agreement_signed: the party who signed. */
	signer?: 'brand' | 'creator';
}

/** A brand's applicants have waited more than 3 days (applicants_waiting_reminder); the link goes to the campaign with the oldest one. */
export interface ApplicantsReminderPayload {
	brandName: string;
	campaignId: string;
	campaignTitle: string;
	/** Applications waiting more than 3 days for an answer, over all the brand's open campaigns. */
	waiting: number;
	/** How many campaigns they are spread over. */
	campaigns: number;
}

/** The other party moved a deliverable (deliverable_update): what they did, on which piece of which campaign. */
export interface DeliverableNotificationPayload {
	deliverableId: string;
	agreementId: string;
	campaignTitle: string;
	/** Who acted: the brand's or the creator's name. */
	actorName: string;
	/** The audit action of what happened (draft_submitted, changes_requested, …). */
	event: string;
	platform: string;
	format: string;
	/** Its number among the agreement's deliverables of that platform and format. */
	ordinal: number;
}

/**
 * A deliverable reminder (deliverable_draft_due … reuse_rights_ending): which piece of which
 * campaign, the side reminded, and the deadline it is about.
 */
export interface DeliverableReminderPayload {
	deliverableId: string;
	agreementId: string;
	/** Lets erasing the creator blank their name here too (personal-data.ts matches on applicationId). */
	applicationId: string;
	campaignTitle: string;
	brandName: string;
	creatorName: string;
	platform: string;
	format: string;
	/** Its number among the agreement's deliverables of that platform and format. */
	ordinal: number;
	/** The side reminded. */
	party: 'brand' | 'creator';
	/** The deadline (ISO 8601): of the draft, the review, the post, the stats window or the withdrawal; the end of the rights. */
	dueAt: string;
	/** deliverable_stats_due and _late: the stats window. */
	window?: 'D1' | 'D7';
	/** withdrawal_overdue: the request and who made it. */
	withdrawalId?: string;
	requestedBy?: 'brand' | 'creator';
	/** reuse_rights_ending: the asset in the brand's library. */
	assetId?: string;
}

/** The other side moved a payout (payout_update): what they did, on which instalment of which campaign. */
export interface PayoutNotificationPayload {
	payoutId: string;
	agreementId: string;
	campaignTitle: string;
	/** Who acted: the brand's or the creator's name (an admin's decision: "Wasla"). */
	actorName: string;
	/** The audit action of what happened (payout_marked_paid, payout_confirmed, …). */
	event: string;
	milestone: string;
	amountDzd: number;
}

/** A payout reminder (payout_overdue, payout_dispute_waiting): which instalment of which campaign, how much, and since when. */
export interface PayoutReminderPayload {
	payoutId: string;
	agreementId: string;
	/** Lets erasing the creator blank their name here too (personal-data.ts matches on applicationId). */
	applicationId: string;
	campaignTitle: string;
	brandName: string;
	creatorName: string;
	milestone: string;
	amountDzd: number;
	/** The deadline (overdue) or the dispute's time (dispute waiting), ISO 8601. */
	since: string;
	/** Who is reminded: the brand, or an admin (a dispute only). */
	party: 'brand' | 'admin';
}

/** A brand invites the creator to apply to one of its open campaigns (campaign_invitation). */
export interface CampaignInvitationPayload {
	invitationId: string;
	campaignId: string;
	campaignTitle: string;
	brandName: string;
}

/** Template parameters stored with a notification (ids and names, never private data). */
export type NotificationPayload =
	| CampaignInvitationPayload
	| ApplicationNotificationPayload
	| TeamNotificationPayload
	| AgreementReminderPayload
	| AgreementNotificationPayload
	| ApplicantsReminderPayload
	| DeliverableNotificationPayload
	| DeliverableReminderPayload
	| PayoutNotificationPayload
	| PayoutReminderPayload;

/**
 * The SQL condition "the recipient (`userColumn`) has not turned off this kind's category",
 * or none for a mandatory category. The category is a constant of message-kinds.ts, checked
 * against the list before it is written into the statement.
 */
function preferenceAllows(kind: NotificationKind, userColumn: string): string | null {
	if (isMandatory(kind)) return null;
	const category = categoryOf(kind);
	if (!(MESSAGE_CATEGORIES as readonly string[]).includes(category)) throw new TypeError('unknown message category');
	return `NOT EXISTS (SELECT 1 FROM notification_preferences np WHERE np.user_id = ${userColumn} AND np.category = '${category}' AND np.channel = 'off')`;
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * One notification for one user, unless they turned its category off. `onlyIf` is an SQL
 * condition (parameters numbered from ?6): the row is written only when it holds.
 */
export function notifyUserStatement(
	d1: D1Database,
	userId: string,
	kind: NotificationKind,
	payload: NotificationPayload,
	now: number,
	onlyIf?: { sql: string; params: unknown[] }
): D1PreparedStatement {
	const conditions = [onlyIf ? `(${onlyIf.sql})` : null, preferenceAllows(kind, '?2')].filter((c) => c !== null);
	const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
	return d1
		.prepare(`INSERT INTO notifications (id, user_id, kind, payload, created_at) SELECT ?1, ?2, ?3, ?4, ?5 ${where}`)
		.bind(crypto.randomUUID(), userId, kind, JSON.stringify(payload), now, ...(onlyIf?.params ?? []));
}

/** The same notification for every member of a brand (the team sees what reaches the brand), except those who turned its category off. */
export function notifyBrandStatement(d1: D1Database, brandId: string, kind: NotificationKind, payload: NotificationPayload, now: number): D1PreparedStatement {
	const allows = preferenceAllows(kind, 'm.user_id');
	return d1
		.prepare(
			`INSERT INTO notifications (id, user_id, kind, payload, created_at)
			 SELECT lower(hex(randomblob(16))), m.user_id, ?2, ?3, ?4 FROM brand_members m WHERE m.brand_id = ?1${allows ? ` AND ${allows}` : ''}`
		)
		.bind(brandId, kind, JSON.stringify(payload), now);
}

interface NotificationRow {
	id: string;
	kind: NotificationKind;
	payload: string;
	created_at: number;
	read_at: number | null;
}

/** The kinds of a category, for `kind IN (…)`. */
function kindsOf(category: MessageCategory): string[] {
	return Object.entries(MESSAGE_KINDS)
		.filter(([, c]) => c === category)
		.map(([k]) => k);
}

/** Unread counts per category, every category present (0 when none). */
function unreadByCategory(rows: { kind: string; n: number }[]): Record<MessageCategory, number> {
	const counts = Object.fromEntries(MESSAGE_CATEGORIES.map((c) => [c, 0])) as Record<MessageCategory, number>;
	for (const { kind, n } of rows) if (Object.hasOwn(MESSAGE_KINDS, kind)) counts[categoryOf(kind as MessageKind)] += n;
	return counts;
}

/**
 * The caller's notifications, newest first (only one category's when `category` is given),
 * with the unread count and the unread count of each category.
 */
export async function listNotifications(ctx: CallerContext, input: { page: number; category?: MessageCategory }) {
	const { db: d1, user } = ctx;
	const { page, category } = input;
	const userId = user.id;
	const offset = (page - 1) * NOTIFICATIONS_PAGE_SIZE;
	const kinds = category ? kindsOf(category) : [];
	const only = category ? `AND kind IN (${kinds.map((_, i) => `?${i + 4}`).join(', ')})` : '';
	const [rows, counts, byKind] = await d1.batch([
		d1
			.prepare(`SELECT id, kind, payload, created_at, read_at FROM notifications WHERE user_id = ?1 ${only} ORDER BY created_at DESC, rowid DESC LIMIT ?2 OFFSET ?3`)
			.bind(userId, NOTIFICATIONS_PAGE_SIZE, offset, ...kinds),
		d1.prepare(`SELECT count(*) AS total FROM notifications WHERE user_id = ?1 ${category ? `AND kind IN (${kinds.map((_, i) => `?${i + 2}`).join(', ')})` : ''}`).bind(userId, ...kinds),
		d1.prepare('SELECT kind, count(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL GROUP BY kind').bind(userId)
	]);
	const total = (counts.results[0] as { total: number } | undefined)?.total ?? 0;
	const unreadRows = byKind.results as { kind: string; n: number }[];
	const unreadCounts = unreadByCategory(unreadRows);
	return {
		notifications: (rows.results as unknown as NotificationRow[]).map((n) => ({
			id: n.id,
			kind: n.kind,
			category: Object.hasOwn(MESSAGE_KINDS, n.kind) ? categoryOf(n.kind) : null,
			payload: JSON.parse(n.payload) as NotificationPayload,
			createdAt: new Date(n.created_at).toISOString(),
			readAt: n.read_at === null ? null : new Date(n.read_at).toISOString()
		})),
		/** Unread notifications of the caller, all categories (what the header shows). */
		unread: unreadRows.reduce((sum, r) => sum + r.n, 0),
		unreadByCategory: unreadCounts,
		category: category ?? null,
		page,
		pageSize: NOTIFICATIONS_PAGE_SIZE,
		/** Notifications in the list (of `category` when given). */
		total
	};
}

/** Marks the caller's notifications read: the listed ones, or all. Others' ids are ignored. */
export async function markNotificationsRead(ctx: CallerContext, input: { ids?: string[] }) {
	const { db: d1, user, now } = ctx;
	const { ids } = input;
	const userId = user.id;
	if (ids === undefined) {
		await d1.prepare('UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL').bind(userId, now).run();
	} else if (ids.length > 0) {
		const marks = ids.map((_, i) => `?${i + 3}`).join(', ');
		await d1
			.prepare(`UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL AND id IN (${marks})`)
			.bind(userId, now, ...ids)
			.run();
	}
	const row = await d1.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL').bind(userId).first<{ n: number }>();
	return { unread: row?.n ?? 0 };
}
