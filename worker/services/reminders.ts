/**
 * Reminders (issue 10, point 3), written once for every kind: a finder per kind says which
 * reminders are due at `ctx.now` (subject, due moment, recipients, texts), and
 * `sendReminder` writes one in a single D1 batch —
 *
 *   1. `INSERT INTO reminders … ON CONFLICT DO NOTHING` with a fresh token, only while the
 *      subject still waits (`stillDue`) and outside the kind's quiet period;
 *   2. the in-app notifications and the outbox emails, each conditional on the stored row
 *      carrying this run's token.
 *
 * A batch is one transaction, so of two overlapping runs, a retry, or a run that found the
 * reminder a moment before someone signed, exactly one writes the row and its messages and
 * the others write nothing. Preferences apply where messages are written: in-app in
 * `notifyUserStatement`, email in `queueEmailStatement` (by the message's `kind`).
 *
 * A later issue adds a reminder by adding its rule (worker/domain/reminders.ts), its
 * message kind (message-kinds.ts) and its finder to `REMINDER_FINDERS` below.
 */
import type { ServiceContext } from '../context';
import type { Locale } from '../env';
import { type ReminderKind, REMINDER_RULES, anchorCutoff, dueMoment, reminderSubject } from '../domain/reminders';
import { type NotificationPayload, notifyUserStatement } from './notifications';
import { type OutboxMessage, queueEmailStatement } from './outbox';
import { agreementUnsignedReminderEmail, applicantsWaitingReminderEmail } from './reminder-emails';
import { DELIVERABLE_REMINDER_FINDERS } from './deliverable-reminders';
import { PAYOUT_REMINDER_FINDERS } from './payout-reminders';

/** One person a reminder goes to: what they see in-app, and the email in their language. */
export interface ReminderDelivery {
	userId: string;
	notification: NotificationPayload;
	email: OutboxMessage;
}

/** A reminder that is due: its key, who it goes to, and the condition under which it still should. */
export interface DueReminder {
	kind: ReminderKind;
	subject: string;
	dueAt: number;
	recipient: { userId: string } | { brandId: string };
	/** An SQL condition, parameters numbered from ?9, that must still hold when the reminder is written (the party has not signed meanwhile…). */
	stillDue: { sql: string; params: unknown[] };
	deliveries: ReminderDelivery[];
}

export interface SendResult {
	/** This run wrote the reminder (false: another run or an earlier one did, or it is no longer due). */
	sent: boolean;
	notifications: number;
	emails: number;
}

/** Writes one reminder and its messages in one batch, at most once per (kind, subject, due moment). */
export async function sendReminder(ctx: ServiceContext, r: DueReminder): Promise<SendResult> {
	const token = crypto.randomUUID();
	const quietFor = REMINDER_RULES[r.kind].quietFor;
	const conditions = [`(${r.stillDue.sql})`];
	// Another reminder of this kind about this subject sent recently (its anchor moved) keeps this one away.
	if (quietFor > 0) conditions.push('NOT EXISTS (SELECT 1 FROM reminders q WHERE q.kind = ?1 AND q.subject = ?2 AND q.sent_at > ?8)');
	const insert = ctx.db
		.prepare(
			`INSERT INTO reminders (kind, subject, due_at, recipient_user_id, recipient_brand_id, token, sent_at)
			 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE ${conditions.join(' AND ')}
			 ON CONFLICT (kind, subject, due_at) DO NOTHING`
		)
		.bind(
			r.kind,
			r.subject,
			r.dueAt,
			'userId' in r.recipient ? r.recipient.userId : null,
			'brandId' in r.recipient ? r.recipient.brandId : null,
			token,
			ctx.now,
			ctx.now - quietFor,
			...r.stillDue.params
		);
	// Messages are written only by the run whose row was stored (queueEmailStatement and notifyUserStatement number `onlyIf` from ?6).
	const ours = { sql: 'EXISTS (SELECT 1 FROM reminders WHERE kind = ?6 AND subject = ?7 AND due_at = ?8 AND token = ?9)', params: [r.kind, r.subject, r.dueAt, token] };
	const messages = r.deliveries.flatMap((d) => [
		notifyUserStatement(ctx.db, d.userId, r.kind, d.notification, ctx.now, ours),
		queueEmailStatement(ctx.db, { ...d.email, kind: r.kind }, ctx.now, ours)
	]);
	const [stored, ...written] = await ctx.db.batch([insert, ...messages]);
	const changes = written.map((w) => w.meta.changes ?? 0);
	return {
		sent: (stored.meta.changes ?? 0) === 1,
		notifications: changes.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0),
		emails: changes.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0)
	};
}

// ---- finders ---------------------------------------------------------------------------------------

/** Accounts whose email may receive mail (an erased account keeps its row under a non-deliverable address). */
const DELIVERABLE = "u.email NOT LIKE '%@deleted.invalid'";

/**
 * agreement_unsigned_reminder: each party of an agreement awaiting signatures who has not
 * signed the current version 48 hours after it was sent. Subject "<agreement>:<party>", due
 * moment sent_at + 48 h: sending again after a reopening is a new reminder. The creator
 * party is the creator's account; the brand party is the brand's owner, who receives the
 * agreement when it is sent (any member may sign, but the owner is the one it was sent to).
 */
async function agreementUnsigned(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'agreement_unsigned_reminder' as const;
	const { results } = await ctx.db
		.prepare(
			`WITH parties(party) AS (VALUES ('brand'), ('creator'))
			 SELECT g.id, g.application_id, g.version, g.sent_at, p.party, b.name AS brand_name, cr.display_name AS creator_name,
			        coalesce(c.title, '') AS campaign_title, u.id AS user_id, u.email, u.locale,
			        EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version AND s.party <> p.party) AS other_signed
			 FROM agreements g CROSS JOIN parties p
			 JOIN brands b ON b.id = g.brand_id
			 JOIN creators cr ON cr.id = g.creator_id
			 JOIN users u ON u.id = CASE p.party WHEN 'brand' THEN b.owner_user_id ELSE cr.user_id END
			 LEFT JOIN campaigns c ON c.id = g.campaign_id
			 WHERE g.status = 'awaiting_signatures' AND g.sent_at <= ?1 AND ${DELIVERABLE}
			   AND NOT EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version AND s.party = p.party)
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?2 AND r.subject = g.id || ':' || p.party AND r.due_at = g.sent_at + ?3)
			 ORDER BY g.sent_at, g.id, p.party LIMIT ?4`
		)
		.bind(anchorCutoff(kind, ctx.now), kind, REMINDER_RULES[kind].after, limit)
		.all<{
			id: string;
			application_id: string;
			version: number;
			sent_at: number;
			party: 'brand' | 'creator';
			brand_name: string;
			creator_name: string;
			campaign_title: string;
			user_id: string;
			email: string;
			locale: Locale;
			other_signed: number;
		}>();
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.sent_at, ctx.now);
		if (dueAt === null) continue;
		const otherSigned = row.other_signed === 1;
		due.push({
			kind,
			subject: reminderSubject(row.id, row.party),
			dueAt,
			recipient: { userId: row.user_id },
			stillDue: {
				sql: `EXISTS (SELECT 1 FROM agreements g WHERE g.id = ?9 AND g.status = 'awaiting_signatures' AND g.sent_at = ?10
				      AND NOT EXISTS (SELECT 1 FROM agreement_signatures s WHERE s.agreement_id = g.id AND s.version = g.version AND s.party = ?11))`,
				params: [row.id, row.sent_at, row.party]
			},
			deliveries: [
				{
					userId: row.user_id,
					notification: {
						agreementId: row.id,
						// Lets erasing the creator blank their name here too (personal-data.ts matches on applicationId).
						applicationId: row.application_id,
						campaignTitle: row.campaign_title,
						brandName: row.brand_name,
						creatorName: row.creator_name,
						version: row.version,
						party: row.party,
						otherSigned
					},
					email: agreementUnsignedReminderEmail(row.locale, {
						to: row.email,
						brand: row.brand_name,
						creator: row.creator_name,
						campaign: row.campaign_title,
						version: row.version,
						otherSigned,
						other: row.party === 'brand' ? row.creator_name : row.brand_name,
						link: `${ctx.origin}/agreements/${row.id}/sign`
					})
				}
			]
		});
	}
	return due;
}

/** Campaigns whose applicants a brand is expected to answer. */
const ANSWERABLE_CAMPAIGN = "c.status IN ('open', 'active')";

/**
 * applicants_waiting_reminder: a brand with applications still pending more than 3 days
 * after they were sent, on its open or running campaigns. One reminder per brand (subject
 * "<brand>"), not per campaign or application: due when the oldest waiting application
 * crosses 3 days, then weekly while applications still wait, and never twice within a
 * week (the quiet period) even when the oldest one is answered and the next one is old
 * too. It goes to every member of the brand, in-app and by email in each one's language,
 * and links to the campaign of the oldest waiting application.
 */
async function applicantsWaiting(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'applicants_waiting_reminder' as const;
	const cutoff = anchorCutoff(kind, ctx.now);
	const { results } = await ctx.db
		.prepare(
			`SELECT c.brand_id, b.name AS brand_name, min(a.created_at) AS oldest, count(*) AS waiting, count(DISTINCT a.campaign_id) AS campaigns
			 FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN brands b ON b.id = c.brand_id
			 WHERE a.status = 'pending' AND a.created_at <= ?1 AND ${ANSWERABLE_CAMPAIGN}
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?2 AND r.subject = c.brand_id AND r.sent_at > ?3)
			 GROUP BY c.brand_id ORDER BY oldest LIMIT ?4`
		)
		.bind(cutoff, kind, ctx.now - REMINDER_RULES[kind].quietFor, limit)
		.all<{ brand_id: string; brand_name: string; oldest: number; waiting: number; campaigns: number }>();
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.oldest, ctx.now);
		if (dueAt === null) continue;
		const [oldest, members] = await ctx.db.batch([
			ctx.db
				.prepare(
					`SELECT c.id, c.title FROM applications a JOIN campaigns c ON c.id = a.campaign_id
					 WHERE c.brand_id = ?1 AND a.status = 'pending' AND a.created_at <= ?2 AND ${ANSWERABLE_CAMPAIGN}
					 ORDER BY a.created_at, a.id LIMIT 1`
				)
				.bind(row.brand_id, cutoff),
			ctx.db.prepare(`SELECT u.id, u.email, u.locale FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?1 AND ${DELIVERABLE} ORDER BY m.created_at, u.id`).bind(row.brand_id)
		]);
		const campaign = oldest.results[0] as { id: string; title: string } | undefined;
		if (!campaign) continue;
		const payload = { brandName: row.brand_name, campaignId: campaign.id, campaignTitle: campaign.title, waiting: row.waiting, campaigns: row.campaigns };
		due.push({
			kind,
			subject: reminderSubject(row.brand_id),
			dueAt,
			recipient: { brandId: row.brand_id },
			stillDue: {
				sql: `EXISTS (SELECT 1 FROM applications a JOIN campaigns c ON c.id = a.campaign_id
				      WHERE c.brand_id = ?9 AND a.status = 'pending' AND a.created_at <= ?10 AND ${ANSWERABLE_CAMPAIGN})`,
				params: [row.brand_id, cutoff]
			},
			deliveries: (members.results as { id: string; email: string; locale: Locale }[]).map((m) => ({
				userId: m.id,
				notification: payload,
				email: applicantsWaitingReminderEmail(m.locale, {
					to: m.email,
					brand: row.brand_name,
					campaign: campaign.title,
					waiting: row.waiting,
					campaigns: row.campaigns,
					link: `${ctx.origin}/campaigns/${campaign.id}/applicants`
				})
			}))
		});
	}
	return due;
}

/** Which reminders of each kind are due at `ctx.now` (at most `limit`; the next run takes the rest). The compiler asks for a finder per kind. */
export const REMINDER_FINDERS: { [K in ReminderKind]: (ctx: ServiceContext, limit: number) => Promise<DueReminder[]> } = {
	agreement_unsigned_reminder: agreementUnsigned,
	applicants_waiting_reminder: applicantsWaiting,
	// Issue 11: drafts, reviews, publications, stats, withdrawals and reuse rights (deliverable-reminders.ts).
	...DELIVERABLE_REMINDER_FINDERS,
	// Issue 13: overdue payouts and disputes waiting (payout-reminders.ts).
	...PAYOUT_REMINDER_FINDERS
};
