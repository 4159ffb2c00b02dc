/**
 * The finders of the payout reminders (issue 13, point 3), registered in `REMINDER_FINDERS`
 * (reminders.ts), which sends them like every other reminder: once per (kind, subject, due
 * moment), in one batch with its messages, in each recipient's language and under their
 * choices for the deliverables category (a payout is the work's payment).
 *
 * - `payout_overdue`: a due payout, not held, past its deadline — to every member of the
 *   brand (subject "<payout>"), at the deadline, then every `PAYOUT_REMINDER_EVERY_MS` while
 *   it stays due. Paying (or a hold) stops it; a deadline moved by a crisis is a new anchor.
 * - `payout_dispute_waiting`: a disputed payout still disputed 3 days after the dispute, then
 *   every 3 days — to every member of the brand (subject "<payout>:brand"), who can answer
 *   with proof, and to every admin (subject "<payout>:admin:<user>"), who can decide. The
 *   creator opened the dispute and the brand was told at once (`payout_update`).
 *
 * Both read `payouts` by status (an indexed column of two indexes), bounded by the rule, and
 * skip what was already sent for the current due moment.
 */
import type { ServiceContext } from '../context';
import { iso } from '../domain/dates';
import { REMINDER_RULES, anchorCutoff, dueMoment, reminderSubject } from '../domain/reminders';
import type { Locale } from '../env';
import type { PayoutReminderPayload } from './notifications';
import { type PayoutReminderKind, payoutReminderEmail } from './payout-reminder-emails';
import type { DueReminder } from './reminders';

/** Accounts whose email may receive mail (an erased account keeps its row under a non-deliverable address); as in reminders.ts. */
const DELIVERABLE = "u.email NOT LIKE '%@deleted.invalid'";
/** No publication of the payout's agreement is flagged for its disclosure (`p` is the payout): a held payout is never overdue. */
const NOT_HELD = "NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.agreement_id = p.agreement_id AND d.publication_review = 'flagged' AND d.status <> 'withdrawn')";

interface PayoutReminderRow {
	id: string;
	agreement_id: string;
	brand_id: string;
	milestone: string;
	amount_dzd: number;
	anchor: number;
	application_id: string;
	brand_name: string;
	creator_name: string;
	campaign_title: string;
}

const COLUMNS = `p.id, p.agreement_id, p.brand_id, p.milestone, p.amount_dzd, g.application_id,
	b.name AS brand_name, cr.display_name AS creator_name, coalesce(c.title, '') AS campaign_title`;
const JOINS = `JOIN agreements g ON g.id = p.agreement_id JOIN brands b ON b.id = p.brand_id JOIN creators cr ON cr.id = p.creator_id LEFT JOIN campaigns c ON c.id = p.campaign_id`;

/** The due moment at `now` of a reminder anchored on `column`, in SQL (the same as `dueMoment`): anchor + after + k × every. */
function dueSql(kind: PayoutReminderKind, column: string): string {
	const rule = REMINDER_RULES[kind];
	return `(${column} + ${rule.after} + CAST((?1 - ${column} - ${rule.after}) / ${rule.repeatEvery} AS INTEGER) * ${rule.repeatEvery})`;
}

type People = { id: string; email: string; locale: Locale }[];

async function brandMembers(ctx: ServiceContext, brandId: string): Promise<People> {
	const { results } = await ctx.db
		.prepare(`SELECT u.id, u.email, u.locale FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?1 AND ${DELIVERABLE} ORDER BY m.created_at, u.id`)
		.bind(brandId)
		.all<{ id: string; email: string; locale: Locale }>();
	return results;
}

function deliveriesFor(kind: PayoutReminderKind, party: 'brand' | 'admin', people: People, row: PayoutReminderRow, now: number, link: string) {
	const payload: PayoutReminderPayload = {
		payoutId: row.id,
		agreementId: row.agreement_id,
		applicationId: row.application_id,
		campaignTitle: row.campaign_title,
		brandName: row.brand_name,
		creatorName: row.creator_name,
		milestone: row.milestone,
		amountDzd: row.amount_dzd,
		since: iso(row.anchor),
		party
	};
	return people.map((m) => ({
		userId: m.id,
		notification: payload,
		email: payoutReminderEmail(kind, m.locale, {
			to: m.email,
			party,
			brand: row.brand_name,
			creator: row.creator_name,
			campaign: row.campaign_title,
			amountDzd: row.amount_dzd,
			since: row.anchor,
			days: Math.floor((now - row.anchor) / 86_400_000),
			link
		})
	}));
}

/** payout_overdue: due, not held, past the deadline; to the brand's members. */
async function payoutOverdue(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'payout_overdue' as const;
	const { results } = await ctx.db
		.prepare(
			`SELECT ${COLUMNS}, p.deadline_at AS anchor FROM payouts p ${JOINS}
			 WHERE p.status = 'due' AND p.deadline_at IS NOT NULL AND p.deadline_at <= ?2 AND ${NOT_HELD}
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?3 AND r.subject = p.id AND r.due_at = ${dueSql(kind, 'p.deadline_at')})
			 ORDER BY p.deadline_at, p.id LIMIT ?4`
		)
		.bind(ctx.now, anchorCutoff(kind, ctx.now), kind, limit)
		.all<PayoutReminderRow>();
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.anchor, ctx.now);
		if (dueAt === null) continue;
		due.push({
			kind,
			subject: reminderSubject(row.id),
			dueAt,
			recipient: { brandId: row.brand_id },
			stillDue: {
				sql: `EXISTS (SELECT 1 FROM payouts p WHERE p.id = ?9 AND p.status = 'due' AND p.deadline_at = ?10 AND ${NOT_HELD})`,
				params: [row.id, row.anchor]
			},
			deliveries: deliveriesFor(kind, 'brand', await brandMembers(ctx, row.brand_id), row, ctx.now, `${ctx.origin}/agreements/${row.agreement_id}/payouts`)
		});
	}
	return due;
}

/** payout_dispute_waiting: disputed for 3 days or more; to the brand's members and to each admin. */
async function payoutDisputeWaiting(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'payout_dispute_waiting' as const;
	const { results } = await ctx.db
		.prepare(
			`SELECT ${COLUMNS}, p.disputed_at AS anchor FROM payouts p ${JOINS}
			 WHERE p.status = 'disputed' AND p.disputed_at IS NOT NULL AND p.disputed_at <= ?2
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?3 AND r.subject = p.id || ':brand' AND r.due_at = ${dueSql(kind, 'p.disputed_at')})
			 ORDER BY p.disputed_at, p.id LIMIT ?4`
		)
		.bind(ctx.now, anchorCutoff(kind, ctx.now), kind, limit)
		.all<PayoutReminderRow>();
	if (results.length === 0) return [];
	const admins = (
		await ctx.db.prepare(`SELECT u.id, u.email, u.locale FROM users u WHERE u.role = 'admin' AND ${DELIVERABLE} ORDER BY u.created_at, u.id`).all<{ id: string; email: string; locale: Locale }>()
	).results;
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.anchor, ctx.now);
		if (dueAt === null) continue;
		const stillDue = { sql: "EXISTS (SELECT 1 FROM payouts p WHERE p.id = ?9 AND p.status = 'disputed' AND p.disputed_at = ?10)", params: [row.id, row.anchor] };
		const link = `${ctx.origin}/agreements/${row.agreement_id}/payouts`;
		due.push({
			kind,
			subject: reminderSubject(row.id, 'brand'),
			dueAt,
			recipient: { brandId: row.brand_id },
			stillDue,
			deliveries: deliveriesFor(kind, 'brand', await brandMembers(ctx, row.brand_id), row, ctx.now, link)
		});
		for (const admin of admins) {
			due.push({
				kind,
				subject: reminderSubject(row.id, 'admin', admin.id),
				dueAt,
				recipient: { userId: admin.id },
				stillDue,
				deliveries: deliveriesFor(kind, 'admin', [admin], row, ctx.now, `${ctx.origin}/admin/disputes`)
			});
		}
	}
	return due;
}

export const PAYOUT_REMINDER_FINDERS = {
	payout_overdue: payoutOverdue,
	payout_dispute_waiting: payoutDisputeWaiting
} as const;
