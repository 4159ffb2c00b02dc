/**
 * The finders of the deliverable reminders (issue 11, point 6), registered in
 * `REMINDER_FINDERS` (reminders.ts), which sends them like every other reminder: once per
 * (kind, subject, due moment), in one batch with its messages, in each recipient's language
 * and under their choices for the deliverables category.
 *
 * The step reminders (draft, review, publication, stats) are anchored on the deadline of the
 * deliverable's next step (`deliverableReminder` in domain/reminders.ts decides); the
 * withdrawal one on the request's deadline, the rights one on the end of the rights. Every
 * query reads a range of an indexed column — deliverables (status, draft_due_at), or status
 * alone for the other deadlines; deliverable_withdrawals (status, deadline_at);
 * content_assets (rights_until) — bounded on both sides by the kind's rule, and skips
 * what was already sent, so a page of `limit` is never filled with old reminders.
 */
import type { ServiceContext } from '../context';
import { iso } from '../domain/dates';
import { type DeliverableParty, type DeliverableStatus, STATS_WINDOWS, type StatsWindow } from '../domain/deliverables';
import { type DeliverableStepReminder, REMINDER_RULES, anchorCutoff, anchorFloor, deliverableReminder, dueMoment, reminderSubject } from '../domain/reminders';
import type { Locale } from '../env';
import { type DeliverableReminderKind, deliverableReminderEmail } from './deliverable-reminder-emails';
import type { DeliverableReminderPayload } from './notifications';
import type { DueReminder, ReminderDelivery } from './reminders';

/** Accounts whose email may receive mail (an erased account keeps its row under a non-deliverable address); as in reminders.ts. */
const DELIVERABLE = "u.email NOT LIKE '%@deleted.invalid'";

/** An SQL bound for a range of epoch ms (D1 binds finite numbers only). */
const bound = (ms: number) => (Number.isFinite(ms) ? ms : ms < 0 ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);

/** What the finders read about a deliverable, its agreement and its creator. */
const PIECE_COLUMNS = `d.id, d.agreement_id, d.brand_id, d.platform, d.format, d.ordinal, g.application_id,
	b.name AS brand_name, cr.display_name AS creator_name, coalesce(c.title, '') AS campaign_title,
	u.id AS creator_user_id, u.email AS creator_email, u.locale AS creator_locale`;
const PIECE_JOINS = `JOIN agreements g ON g.id = d.agreement_id
	JOIN brands b ON b.id = d.brand_id
	JOIN creators cr ON cr.id = d.creator_id
	JOIN users u ON u.id = cr.user_id
	LEFT JOIN campaigns c ON c.id = d.campaign_id`;

interface PieceRow {
	id: string;
	agreement_id: string;
	brand_id: string;
	platform: string;
	format: string;
	ordinal: number;
	application_id: string;
	brand_name: string;
	creator_name: string;
	campaign_title: string;
	creator_user_id: string;
	creator_email: string;
	creator_locale: Locale;
	party: DeliverableParty;
}

/** The parties a kind goes to, as an SQL VALUES list (constants only). */
const partiesCte = (parties: readonly DeliverableParty[]) => `WITH parties(party) AS (VALUES ${parties.map((p) => `('${p}')`).join(', ')})`;

/** The members of a brand who may receive mail, read once per brand and run. */
type Members = Map<string, { id: string; email: string; locale: Locale }[]>;
async function membersOf(ctx: ServiceContext, brandId: string, cache: Members) {
	let list = cache.get(brandId);
	if (!list) {
		const { results } = await ctx.db
			.prepare(`SELECT u.id, u.email, u.locale FROM brand_members m JOIN users u ON u.id = m.user_id WHERE m.brand_id = ?1 AND ${DELIVERABLE} ORDER BY m.created_at, u.id`)
			.bind(brandId)
			.all<{ id: string; email: string; locale: Locale }>();
		list = results;
		cache.set(brandId, list);
	}
	return list;
}

/**
 * The reminder about `row` for its party: to the creator's account, or to every member of
 * the brand, each with the in-app payload and the email in their language.
 */
async function reminderFor(
	ctx: ServiceContext,
	members: Members,
	r: { kind: DeliverableReminderKind; subject: string; dueAt: number; deadline: number; stillDue: DueReminder['stillDue']; link: string },
	row: PieceRow,
	extra: { window?: StatsWindow | null; withdrawalId?: string; requestedBy?: DeliverableParty; assetId?: string } = {}
): Promise<DueReminder> {
	const payload: DeliverableReminderPayload = {
		deliverableId: row.id,
		agreementId: row.agreement_id,
		applicationId: row.application_id,
		campaignTitle: row.campaign_title,
		brandName: row.brand_name,
		creatorName: row.creator_name,
		platform: row.platform,
		format: row.format,
		ordinal: row.ordinal,
		party: row.party,
		dueAt: iso(r.deadline),
		...(extra.window ? { window: extra.window } : {}),
		...(extra.withdrawalId ? { withdrawalId: extra.withdrawalId, requestedBy: extra.requestedBy } : {}),
		...(extra.assetId ? { assetId: extra.assetId } : {})
	};
	const people = row.party === 'creator' ? [{ id: row.creator_user_id, email: row.creator_email, locale: row.creator_locale }] : await membersOf(ctx, row.brand_id, members);
	const deliveries: ReminderDelivery[] = people.map((m) => ({
		userId: m.id,
		notification: payload,
		email: deliverableReminderEmail(r.kind, m.locale, {
			to: m.email,
			party: row.party,
			platform: row.platform,
			format: row.format,
			ordinal: row.ordinal,
			campaign: row.campaign_title,
			brand: row.brand_name,
			creator: row.creator_name,
			deadline: r.deadline,
			window: extra.window ?? null,
			requestedBy: extra.requestedBy ?? null,
			link: r.link
		})
	}));
	return {
		kind: r.kind,
		subject: r.subject,
		dueAt: r.dueAt,
		recipient: row.party === 'creator' ? { userId: row.creator_user_id } : { brandId: row.brand_id },
		stillDue: r.stillDue,
		deliveries
	};
}

// ---- the steps of a deliverable -------------------------------------------------------------------

/** One query of a step reminder: the deliverables in `status` whose next-step deadline is `deadlineSql`. */
interface StepQuery {
	status: DeliverableStatus;
	/** The deadline as an SQL expression over `d` (also what the rule's range applies to). */
	deadlineSql: string;
	window: StatsWindow | null;
	/** A further condition over `d`. */
	also?: string;
}

const DAY_SQL = 86_400_000;
const draftDeadline: StepQuery = { status: 'planned', deadlineSql: 'd.draft_due_at', window: null };
const publishDeadline: StepQuery = { status: 'approved', deadlineSql: 'd.publish_due_at', window: null };
/** The review clock restarts with each draft; none while an extra round waits for the creator's consent. */
const reviewDeadline: StepQuery = { status: 'draft_submitted', deadlineSql: `d.last_submitted_at + d.review_days * ${DAY_SQL}`, window: null, also: 'd.extra_round_asked_at IS NULL' };
/** Not while a withdrawal is pending: the content is coming down (one withdrawal per deliverable, by its unique index). */
const NO_WITHDRAWAL = "NOT EXISTS (SELECT 1 FROM deliverable_withdrawals w WHERE w.deliverable_id = d.id AND w.status = 'requested')";
const statsDeadlines: StepQuery[] = [
	{ status: 'published', deadlineSql: `d.published_at + ${STATS_WINDOWS.D1.dueAfterMs}`, window: 'D1', also: NO_WITHDRAWAL },
	{ status: 'stats_d1', deadlineSql: `d.published_at + ${STATS_WINDOWS.D7.dueAfterMs}`, window: 'D7', also: NO_WITHDRAWAL }
];

/** Each step reminder: which deadlines it watches and whom it tells (the second party, when there is one, gets a subject of its own). */
const STEP_KINDS: Record<DeliverableStepReminder, { queries: StepQuery[]; parties: readonly DeliverableParty[] }> = {
	deliverable_draft_due: { queries: [draftDeadline], parties: ['creator'] },
	deliverable_draft_late: { queries: [draftDeadline], parties: ['creator', 'brand'] },
	deliverable_review_waiting: { queries: [reviewDeadline], parties: ['brand'] },
	deliverable_publication_due: { queries: [publishDeadline], parties: ['creator'] },
	deliverable_publication_late: { queries: [publishDeadline], parties: ['creator', 'brand'] },
	deliverable_stats_due: { queries: statsDeadlines, parties: ['creator'] },
	deliverable_stats_late: { queries: statsDeadlines, parties: ['creator'] }
};

/** Subject of a step reminder: "<deliverable>", then the window ("<deliverable>:D1"), then the party when the kind goes to both. */
function stepSubject(id: string, window: StatsWindow | null, party: DeliverableParty, bothParties: boolean): string {
	return reminderSubject(id, ...(window ? [window] : []), ...(bothParties ? [party] : []));
}
/** The same in SQL, over `d` and `p`. */
function stepSubjectSql(window: StatsWindow | null, bothParties: boolean): string {
	return `d.id${window ? ` || ':${window}'` : ''}${bothParties ? " || ':' || p.party" : ''}`;
}

interface StepRow extends PieceRow {
	status: DeliverableStatus;
	draft_due_at: number;
	publish_due_at: number;
	last_submitted_at: number | null;
	review_days: number;
	published_at: number | null;
	extra_round_asked_at: number | null;
	withdrawal_pending: number;
}

/** The finder of a step reminder. */
function stepFinder(kind: DeliverableStepReminder) {
	const { queries, parties } = STEP_KINDS[kind];
	const both = parties.length > 1;
	return async (ctx: ServiceContext, limit: number): Promise<DueReminder[]> => {
		const members: Members = new Map();
		const due: DueReminder[] = [];
		for (const q of queries) {
			if (due.length >= limit) break;
			const { results } = await ctx.db
				.prepare(
					`${partiesCte(parties)}
					 SELECT ${PIECE_COLUMNS}, p.party, d.status, d.draft_due_at, d.publish_due_at, d.last_submitted_at, d.review_days, d.published_at, d.extra_round_asked_at,
					        EXISTS (SELECT 1 FROM deliverable_withdrawals w WHERE w.deliverable_id = d.id AND w.status = 'requested') AS withdrawal_pending
					 FROM deliverables d CROSS JOIN parties p ${PIECE_JOINS}
					 WHERE d.status = ?1 AND ${q.deadlineSql} > ?2 AND ${q.deadlineSql} <= ?3 ${q.also ? `AND ${q.also}` : ''}
					   AND (p.party = 'brand' OR ${DELIVERABLE})
					   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?4 AND r.subject = ${stepSubjectSql(q.window, both)} AND r.due_at = ${q.deadlineSql} + ?5)
					 ORDER BY ${q.deadlineSql}, d.id, p.party LIMIT ?6`
				)
				.bind(q.status, bound(anchorFloor(kind, ctx.now)), bound(anchorCutoff(kind, ctx.now)), kind, REMINDER_RULES[kind].after, limit - due.length)
				.all<StepRow>();
			for (const row of results) {
				// The domain has the last word: this kind for this step, and its due moment.
				const found = deliverableReminder(
					kind,
					{
						status: row.status,
						draftDueAt: row.draft_due_at,
						publishDueAt: row.publish_due_at,
						lastSubmittedAt: row.last_submitted_at,
						reviewDays: row.review_days,
						publishedAt: row.published_at,
						extraRoundPending: row.extra_round_asked_at !== null,
						withdrawalPending: row.withdrawal_pending === 1
					},
					ctx.now
				);
				if (found === null) continue;
				due.push(
					await reminderFor(
						ctx,
						members,
						{
							kind,
							subject: stepSubject(row.id, found.window, row.party, both),
							dueAt: found.dueAt,
							deadline: found.anchor,
							// Still in that status with that deadline: a draft sent, a post recorded or a deadline moved meanwhile cancels it.
							stillDue: {
								sql: `EXISTS (SELECT 1 FROM deliverables d WHERE d.id = ?9 AND d.status = ?10 AND ${q.deadlineSql} = ?11 ${q.also ? `AND ${q.also}` : ''})`,
								params: [row.id, q.status, found.anchor]
							},
							link: `${ctx.origin}/deliverables/${row.id}`
						},
						row,
						{ window: found.window }
					)
				);
			}
		}
		return due;
	};
}

// ---- withdrawals and rights ---------------------------------------------------------------------

/**
 * withdrawal_overdue: a withdrawal asked under the crisis clause, still `requested` past its
 * deadline. Both parties (subject "<withdrawal>:<party>", due at the deadline): the side
 * asked to remove the content, and the side that asked, who is still waiting.
 */
async function withdrawalOverdue(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'withdrawal_overdue' as const;
	const { results } = await ctx.db
		.prepare(
			`${partiesCte(['creator', 'brand'])}
			 SELECT ${PIECE_COLUMNS}, p.party, w.id AS withdrawal_id, w.deadline_at, w.requested_by_party
			 FROM deliverable_withdrawals w CROSS JOIN parties p JOIN deliverables d ON d.id = w.deliverable_id ${PIECE_JOINS}
			 WHERE w.status = 'requested' AND w.deadline_at > ?1 AND w.deadline_at <= ?2
			   AND (p.party = 'brand' OR ${DELIVERABLE})
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?3 AND r.subject = w.id || ':' || p.party AND r.due_at = w.deadline_at + ?4)
			 ORDER BY w.deadline_at, w.id, p.party LIMIT ?5`
		)
		.bind(bound(anchorFloor(kind, ctx.now)), bound(anchorCutoff(kind, ctx.now)), kind, REMINDER_RULES[kind].after, limit)
		.all<PieceRow & { withdrawal_id: string; deadline_at: number; requested_by_party: DeliverableParty }>();
	const members: Members = new Map();
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.deadline_at, ctx.now);
		if (dueAt === null) continue;
		due.push(
			await reminderFor(
				ctx,
				members,
				{
					kind,
					subject: reminderSubject(row.withdrawal_id, row.party),
					dueAt,
					deadline: row.deadline_at,
					stillDue: {
						sql: "EXISTS (SELECT 1 FROM deliverable_withdrawals w WHERE w.id = ?9 AND w.status = 'requested' AND w.deadline_at = ?10)",
						params: [row.withdrawal_id, row.deadline_at]
					},
					link: `${ctx.origin}/deliverables/${row.id}`
				},
				row,
				{ withdrawalId: row.withdrawal_id, requestedBy: row.requested_by_party }
			)
		);
	}
	return due;
}

/**
 * reuse_rights_ending: an asset of a brand's library whose reuse rights end within 7 days
 * (not perpetual, not withdrawn). Every member of the brand (subject "<asset>", due at
 * rights_until − 7 days), linking to the library. Extended rights are a new due moment.
 */
async function reuseRightsEnding(ctx: ServiceContext, limit: number): Promise<DueReminder[]> {
	const kind = 'reuse_rights_ending' as const;
	const { results } = await ctx.db
		.prepare(
			`SELECT ${PIECE_COLUMNS}, 'brand' AS party, a.id AS asset_id, a.rights_until
			 FROM content_assets a JOIN deliverables d ON d.id = a.deliverable_id ${PIECE_JOINS}
			 WHERE a.rights_until > ?1 AND a.rights_until <= ?2 AND a.perpetual = 0 AND a.withdrawn_at IS NULL
			   AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = ?3 AND r.subject = a.id AND r.due_at = a.rights_until + ?4)
			 ORDER BY a.rights_until, a.id LIMIT ?5`
		)
		.bind(bound(anchorFloor(kind, ctx.now)), bound(anchorCutoff(kind, ctx.now)), kind, REMINDER_RULES[kind].after, limit)
		.all<PieceRow & { asset_id: string; rights_until: number }>();
	const members: Members = new Map();
	const due: DueReminder[] = [];
	for (const row of results) {
		const dueAt = dueMoment(kind, row.rights_until, ctx.now);
		if (dueAt === null) continue;
		due.push(
			await reminderFor(
				ctx,
				members,
				{
					kind,
					subject: reminderSubject(row.asset_id),
					dueAt,
					deadline: row.rights_until,
					stillDue: {
						sql: 'EXISTS (SELECT 1 FROM content_assets a WHERE a.id = ?9 AND a.rights_until = ?10 AND a.perpetual = 0 AND a.withdrawn_at IS NULL)',
						params: [row.asset_id, row.rights_until]
					},
					link: `${ctx.origin}/content`
				},
				row,
				{ assetId: row.asset_id }
			)
		);
	}
	return due;
}

/** The finders of the deliverable reminders, for `REMINDER_FINDERS`. */
export const DELIVERABLE_REMINDER_FINDERS: { [K in DeliverableReminderKind]: (ctx: ServiceContext, limit: number) => Promise<DueReminder[]> } = {
	deliverable_draft_due: stepFinder('deliverable_draft_due'),
	deliverable_draft_late: stepFinder('deliverable_draft_late'),
	deliverable_review_waiting: stepFinder('deliverable_review_waiting'),
	deliverable_publication_due: stepFinder('deliverable_publication_due'),
	deliverable_publication_late: stepFinder('deliverable_publication_late'),
	deliverable_stats_due: stepFinder('deliverable_stats_due'),
	deliverable_stats_late: stepFinder('deliverable_stats_late'),
	withdrawal_overdue: withdrawalOverdue,
	reuse_rights_ending: reuseRightsEnding
};
