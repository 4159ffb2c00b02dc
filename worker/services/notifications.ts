/** In-app notifications: one row per recipient; the UI writes the sentence from `kind` and `payload`. */

export type NotificationKind =
	| 'application_received'
	| 'application_shortlisted'
	| 'application_accepted'
	| 'application_declined'
	| 'message_received'
	| 'team_invitation_received'
	| 'team_invitation_accepted'
	| 'team_invitation_declined'
	| 'team_member_left';

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

/** Template parameters stored with a notification (ids and names, never private data). */
export type NotificationPayload = ApplicationNotificationPayload | TeamNotificationPayload;

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** One notification for one user. `onlyIf` is an SQL condition: the row is written only when it holds. */
export function notifyUserStatement(
	d1: D1Database,
	userId: string,
	kind: NotificationKind,
	payload: NotificationPayload,
	now: number,
	onlyIf?: { sql: string; params: unknown[] }
): D1PreparedStatement {
	const where = onlyIf ? `WHERE ${onlyIf.sql}` : '';
	return d1
		.prepare(`INSERT INTO notifications (id, user_id, kind, payload, created_at) SELECT ?1, ?2, ?3, ?4, ?5 ${where}`)
		.bind(crypto.randomUUID(), userId, kind, JSON.stringify(payload), now, ...(onlyIf?.params ?? []));
}

/** The same notification for every member of a brand (the team sees what reaches the brand). */
export function notifyBrandStatement(d1: D1Database, brandId: string, kind: NotificationKind, payload: NotificationPayload, now: number): D1PreparedStatement {
	return d1
		.prepare(
			`INSERT INTO notifications (id, user_id, kind, payload, created_at)
			 SELECT lower(hex(randomblob(16))), m.user_id, ?2, ?3, ?4 FROM brand_members m WHERE m.brand_id = ?1`
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

/** The caller's notifications, newest first, with the unread count. */
export async function listNotifications(d1: D1Database, userId: string, page: number) {
	const offset = (page - 1) * NOTIFICATIONS_PAGE_SIZE;
	const [rows, counts] = await d1.batch([
		d1
			.prepare('SELECT id, kind, payload, created_at, read_at FROM notifications WHERE user_id = ?1 ORDER BY created_at DESC, rowid DESC LIMIT ?2 OFFSET ?3')
			.bind(userId, NOTIFICATIONS_PAGE_SIZE, offset),
		d1.prepare('SELECT count(*) AS total, coalesce(sum(read_at IS NULL), 0) AS unread FROM notifications WHERE user_id = ?1').bind(userId)
	]);
	const { total, unread } = (counts.results[0] as { total: number; unread: number }) ?? { total: 0, unread: 0 };
	return {
		notifications: (rows.results as unknown as NotificationRow[]).map((n) => ({
			id: n.id,
			kind: n.kind,
			payload: JSON.parse(n.payload) as NotificationPayload,
			createdAt: new Date(n.created_at).toISOString(),
			readAt: n.read_at === null ? null : new Date(n.read_at).toISOString()
		})),
		unread,
		page,
		pageSize: NOTIFICATIONS_PAGE_SIZE,
		total
	};
}

/** Marks the caller's notifications read: the listed ones, or all. Others' ids are ignored. */
export async function markNotificationsRead(d1: D1Database, userId: string, ids: string[] | undefined, now: number) {
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
