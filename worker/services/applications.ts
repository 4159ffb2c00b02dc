/**
 * Applications to campaigns: apply, list (brand and creator sides), shortlist, accept (which
 * drafts the agreement), decline, and the message thread. Every read of an application
 * goes through `loadApplication`, which returns 404 unless the caller is its creator or a
 * member of the brand that owns the campaign.
 */
import type { agreements, applicationMessages, applications, brands, campaigns, creatorFeatures, creators, users, wilayas } from '../../db/schema';
import type { LeftJoined, SqlPick, SqlRow } from '../../db/schema/sql-row';
import type { CallerContext } from '../context';
import { AppError } from '../errors';
import { ACTION_TARGET, type ApplicationAction, type ApplicationStatus, checkTransition, sourcesOf } from '../domain/application-status';
import { acceptsApplications, datesOutsideWindow, looksLikeCentimes, normaliseDays } from '../domain/application-rules';
import { prefillTerms } from '../domain/agreement-terms';
import { iso, isoOrNull } from '../domain/dates';
import { jsonObjectOrNull, jsonStrings } from '../domain/json';
import { firstVersionStatements } from './agreements';
import type { Format } from '../domain/taxonomy';
import { noBrandError } from './accounts';
import { isUniqueViolation } from './conflicts';
import { partyOf, type Viewer, viewerOf } from './viewer';
import { applicationAcceptedEmail, applicationReceivedEmail } from './application-emails';
import { notifyBrandStatement, notifyUserStatement, type NotificationPayload } from './notifications';
import { queueEmailStatement } from './outbox';

type Wilaya = SqlRow<typeof wilayas>;

export const APPLICATIONS_PAGE_SIZE = 20;
export const MESSAGES_PAGE_SIZE = 50;

// ---- rows and serialisation ----------------------------------------------------------------

/** Every column of an application (APPLICATION_COLUMNS). */
type ApplicationRow = SqlRow<typeof applications>;

const APPLICATION_COLUMNS = 'a.id, a.campaign_id, a.creator_id, a.pitch, a.fee_dzd, a.formats, a.proposed_dates, a.status, a.decline_reason, a.created_at, a.updated_at';

export function serializeApplication(a: ApplicationRow) {
	return {
		id: a.id,
		campaignId: a.campaign_id,
		creatorId: a.creator_id,
		status: a.status,
		pitch: a.pitch,
		feeDzd: a.fee_dzd,
		formats: jsonStrings<Format>(a.formats),
		proposedDates: jsonStrings(a.proposed_dates),
		declineReason: a.decline_reason,
		createdAt: iso(a.created_at),
		updatedAt: iso(a.updated_at)
	};
}

// ---- who is asking ---------------------------------------------------------------------------

async function requireViewer(ctx: CallerContext, side?: Viewer['side']): Promise<Viewer> {
	const { user } = ctx;
	const viewer = await viewerOf(ctx);
	if (!viewer) throw side === 'brand' && user.role === 'brand' ? noBrandError() : new AppError(side ? 'forbidden' : 'not_found');
	if (side && viewer.side !== side) throw new AppError('forbidden');
	return viewer;
}

// ---- campaigns as this module needs them -----------------------------------------------------

type CampaignRow = SqlPick<typeof campaigns, 'id' | 'brand_id' | 'title' | 'objective' | 'formats' | 'budget_dzd' | 'reuse_rights_days' | 'starts_at' | 'ends_at' | 'apply_by' | 'status'> & {
	brand_name: SqlRow<typeof brands>['name'];
};

async function loadCampaign(db: D1Database, campaignId: string): Promise<CampaignRow | null> {
	return db
		.prepare(
			`SELECT c.id, c.brand_id, b.name AS brand_name, c.title, c.objective, c.formats, c.budget_dzd, c.reuse_rights_days,
			        c.starts_at, c.ends_at, c.apply_by, c.status
			 FROM campaigns c JOIN brands b ON b.id = c.brand_id WHERE c.id = ?1`
		)
		.bind(campaignId)
		.first<CampaignRow>();
}

function campaignSummary(c: CampaignRow, now: number) {
	return {
		id: c.id,
		title: c.title,
		brandName: c.brand_name,
		objective: c.objective,
		status: c.status,
		formats: jsonStrings<Format>(c.formats),
		budgetDzd: c.budget_dzd,
		startsAt: isoOrNull(c.starts_at),
		endsAt: isoOrNull(c.ends_at),
		applyBy: isoOrNull(c.apply_by),
		acceptingApplications: acceptsApplications({ status: c.status, applyBy: c.apply_by }, now)
	};
}

/** The campaign a brand owns, or 404 (another brand's campaign looks like none). */
async function ownedCampaign(db: D1Database, viewer: Viewer, campaignId: string): Promise<CampaignRow> {
	const c = await loadCampaign(db, campaignId);
	if (!c || viewer.side !== 'brand' || c.brand_id !== viewer.brandId) throw new AppError('not_found');
	return c;
}

// ---- applying ---------------------------------------------------------------------------------

export interface ApplyInput {
	pitch: string;
	feeDzd: number;
	formats: Format[];
	proposedDates: string[];
}

/** Business checks beyond the schema: formats the campaign asks for, days inside its period. */
function checkAgainstCampaign(c: CampaignRow, input: ApplyInput) {
	const wanted = jsonStrings(c.formats);
	const fieldKeys: { path: string; key: string }[] = [];
	input.formats.forEach((f, i) => {
		if (!wanted.includes(f)) fieldKeys.push({ path: `formats.${i}`, key: 'format_not_in_campaign' });
	});
	for (const i of datesOutsideWindow(input.proposedDates, { startsAt: c.starts_at, endsAt: c.ends_at })) {
		fieldKeys.push({ path: `proposedDates.${i}`, key: 'date_outside_window' });
	}
	if (fieldKeys.length) throw new AppError('invalid_request', { fieldKeys });
}

/**
 * A creator applies to an open campaign. One application per campaign and creator: the
 * unique index decides under concurrency, so two simultaneous requests make one row.
 * The brand's members get a notification and the owner an email, in the same batch.
 */
export async function applyToCampaign(ctx: CallerContext, input: ApplyInput & { campaignId: string }) {
	const { db, now, origin, user } = ctx;
	const { campaignId } = input;
	const viewer = await requireViewer(ctx, 'creator');
	if (viewer.side !== 'creator') throw new AppError('forbidden');
	const campaign = await loadCampaign(db, campaignId);
	if (!campaign || !acceptsApplications({ status: campaign.status, applyBy: campaign.apply_by }, now)) throw new AppError('not_found');

	// Checked in the order sent, so error paths (formats.1, proposedDates.0) point at the caller's items.
	checkAgainstCampaign(campaign, input);
	const formats = [...new Set(input.formats)];
	const proposedDates = normaliseDays(input.proposedDates);

	const existing = await db.prepare('SELECT id FROM applications WHERE campaign_id = ?1 AND creator_id = ?2').bind(campaignId, viewer.creatorId).first();
	if (existing) throw new AppError('already_exists', { detailKey: 'detail_already_applied' });

	const [creator, owner] = await Promise.all([
		db.prepare('SELECT display_name FROM creators WHERE id = ?1').bind(viewer.creatorId).first<SqlPick<typeof creators, 'display_name'>>(),
		db.prepare('SELECT u.email, u.locale FROM brands b JOIN users u ON u.id = b.owner_user_id WHERE b.id = ?1').bind(campaign.brand_id).first<SqlPick<typeof users, 'email' | 'locale'>>()
	]);
	const creatorName = creator?.display_name ?? user.name;

	const row: ApplicationRow = {
		id: crypto.randomUUID(),
		campaign_id: campaignId,
		creator_id: viewer.creatorId,
		pitch: input.pitch,
		fee_dzd: input.feeDzd,
		formats: JSON.stringify(formats),
		proposed_dates: JSON.stringify(proposedDates),
		status: 'pending',
		decline_reason: null,
		created_at: now,
		updated_at: now
	};
	const payload: NotificationPayload = { applicationId: row.id, campaignId, campaignTitle: campaign.title, creatorName };
	const statements = [
		db
			.prepare(
				`INSERT INTO applications (id, campaign_id, creator_id, pitch, fee_dzd, formats, proposed_dates, status, decline_reason, created_at, updated_at)
				 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', NULL, ?8, ?8)`
			)
			.bind(row.id, row.campaign_id, row.creator_id, row.pitch, row.fee_dzd, row.formats, row.proposed_dates, now),
		notifyBrandStatement(db, campaign.brand_id, 'application_received', payload, now)
	];
	if (owner) {
		const mail = applicationReceivedEmail(owner.locale, { to: owner.email, creator: creatorName, campaign: campaign.title, link: `${origin}/campaigns/${campaignId}/applicants` });
		statements.push(queueEmailStatement(db, mail, now));
	}
	try {
		await db.batch(statements);
	} catch (err) {
		if (isUniqueViolation(err)) throw new AppError('already_exists', { detailKey: 'detail_already_applied' });
		throw err;
	}
	const warnings = looksLikeCentimes(input.feeDzd, campaign.budget_dzd) ? [{ path: 'feeDzd', code: 'fee_looks_like_centimes' as const }] : [];
	return { application: serializeApplication(row), warnings };
}

/**
 * What the apply page needs: the campaign summary and the caller's application to it, if
 * any. A campaign that no longer takes applications is still shown to a creator who applied.
 */
export async function campaignForApplicant(ctx: CallerContext, input: { campaignId: string }) {
	const { db, now } = ctx;
	const { campaignId } = input;
	const viewer = await requireViewer(ctx, 'creator');
	if (viewer.side !== 'creator') throw new AppError('forbidden');
	const campaign = await loadCampaign(db, campaignId);
	if (!campaign) throw new AppError('not_found');
	const mine = await db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.campaign_id = ?1 AND a.creator_id = ?2`).bind(campaignId, viewer.creatorId).first<ApplicationRow>();
	const summary = campaignSummary(campaign, now);
	if (!mine && !summary.acceptingApplications) throw new AppError('not_found');
	return { campaign: summary, application: mine ? serializeApplication(mine) : null };
}

// ---- lists --------------------------------------------------------------------------------------

/** An application with its creator, the creator's wilaya names and derived features (both LEFT JOINs). */
type ApplicantRow = ApplicationRow &
	SqlPick<typeof creators, 'display_name' | 'handle' | 'wilaya' | 'followers_total' | 'niches'> &
	LeftJoined<{ wilaya_fr: Wilaya['name_fr']; wilaya_ar: Wilaya['name_ar'] }> &
	LeftJoined<SqlPick<typeof creatorFeatures, 'engagement_by_format' | 'comment_mix' | 'sponsored_share'> & { features_at: SqlRow<typeof creatorFeatures>['computed_at'] }>;

/** Applicants of a brand's campaign with the numbers a brand decides on, filterable by status. */
export async function listApplicants(ctx: CallerContext, opts: { campaignId: string; status?: ApplicationStatus; page: number }) {
	const { db } = ctx;
	const { campaignId } = opts;
	const viewer = await requireViewer(ctx, 'brand');
	const campaign = await ownedCampaign(db, viewer, campaignId);
	const offset = (opts.page - 1) * APPLICATIONS_PAGE_SIZE;
	const statusFilter = opts.status ? 'AND a.status = ?2' : 'AND ?2 IS NULL';
	const [rows, counts] = await db.batch([
		db
			.prepare(
				`SELECT ${APPLICATION_COLUMNS}, cr.display_name, cr.handle, cr.wilaya, w.name_fr AS wilaya_fr, w.name_ar AS wilaya_ar,
				        cr.followers_total, cr.niches, f.engagement_by_format, f.comment_mix, f.sponsored_share, f.computed_at AS features_at
				 FROM applications a
				 JOIN creators cr ON cr.id = a.creator_id
				 LEFT JOIN wilayas w ON w.code = cr.wilaya
				 LEFT JOIN creator_features f ON f.creator_id = cr.id
				 WHERE a.campaign_id = ?1 ${statusFilter}
				 ORDER BY a.created_at DESC, a.id LIMIT ?3 OFFSET ?4`
			)
			.bind(campaignId, opts.status ?? null, APPLICATIONS_PAGE_SIZE, offset),
		db.prepare('SELECT status, count(*) AS n FROM applications WHERE campaign_id = ?1 GROUP BY status').bind(campaignId)
	]);
	const applicants = rows.results as ApplicantRow[];
	const accounts = await accountsOf(
		db,
		applicants.map((a) => a.creator_id)
	);
	const byStatus = Object.fromEntries((counts.results as { status: string; n: number }[]).map((r) => [r.status, r.n]));
	const statusCounts = { pending: 0, shortlisted: 0, accepted: 0, declined: 0, withdrawn: 0, ...byStatus } as Record<ApplicationStatus, number>;
	const total = opts.status ? statusCounts[opts.status] : Object.values(statusCounts).reduce((s, n) => s + n, 0);
	return {
		campaign: campaignSummary(campaign, ctx.now),
		applications: applicants.map((a) => ({
			...serializeApplication(a),
			creator: {
				id: a.creator_id,
				displayName: a.display_name,
				handle: a.handle,
				wilaya: a.wilaya === null ? null : { code: a.wilaya, nameFr: a.wilaya_fr, nameAr: a.wilaya_ar },
				followersTotal: a.followers_total,
				niches: jsonStrings(a.niches),
				accounts: accounts.get(a.creator_id) ?? [],
				engagementByFormat: a.features_at === null ? null : jsonObjectOrNull(a.engagement_by_format),
				commentMix: a.features_at === null ? null : jsonObjectOrNull(a.comment_mix),
				sponsoredShare: a.features_at === null ? null : a.sponsored_share
			}
		})),
		counts: statusCounts,
		page: opts.page,
		pageSize: APPLICATIONS_PAGE_SIZE,
		total
	};
}

async function accountsOf(db: D1Database, creatorIds: string[]) {
	const out = new Map<string, { platform: string; handle: string; followers: number }[]>();
	const ids = [...new Set(creatorIds)];
	if (ids.length === 0) return out;
	const marks = ids.map((_, i) => `?${i + 1}`).join(', ');
	const { results } = await db
		.prepare(`SELECT creator_id, platform, handle, followers FROM creator_accounts WHERE creator_id IN (${marks}) ORDER BY followers DESC`)
		.bind(...ids)
		.all<{ creator_id: string; platform: string; handle: string; followers: number }>();
	for (const r of results) {
		const list = out.get(r.creator_id) ?? [];
		list.push({ platform: r.platform, handle: r.handle, followers: r.followers });
		out.set(r.creator_id, list);
	}
	return out;
}

/** The creator's own applications, newest first, with the campaign and brand. */
export async function listMyApplications(ctx: CallerContext, input: { page: number }) {
	const { db } = ctx;
	const { page } = input;
	const viewer = await requireViewer(ctx, 'creator');
	if (viewer.side !== 'creator') throw new AppError('forbidden');
	const offset = (page - 1) * APPLICATIONS_PAGE_SIZE;
	const [rows, count] = await db.batch([
		db
			.prepare(
				`SELECT ${APPLICATION_COLUMNS}, c.title, c.status AS campaign_status, b.name AS brand_name, g.id AS agreement_id
				 FROM applications a JOIN campaigns c ON c.id = a.campaign_id JOIN brands b ON b.id = c.brand_id
				 LEFT JOIN agreements g ON g.application_id = a.id
				 WHERE a.creator_id = ?1 ORDER BY a.created_at DESC, a.id LIMIT ?2 OFFSET ?3`
			)
			.bind(viewer.creatorId, APPLICATIONS_PAGE_SIZE, offset),
		db.prepare('SELECT count(*) AS n FROM applications WHERE creator_id = ?1').bind(viewer.creatorId)
	]);
	type Row = ApplicationRow & { title: CampaignRow['title']; campaign_status: CampaignRow['status']; brand_name: CampaignRow['brand_name']; agreement_id: SqlRow<typeof agreements>['id'] | null };
	return {
		applications: (rows.results as Row[]).map((r) => ({
			...serializeApplication(r),
			campaign: { id: r.campaign_id, title: r.title, status: r.campaign_status, brandName: r.brand_name },
			agreement: r.agreement_id ? { id: r.agreement_id } : null
		})),
		page,
		pageSize: APPLICATIONS_PAGE_SIZE,
		total: (count.results[0] as { n: number }).n
	};
}

// ---- one application ----------------------------------------------------------------------------

interface LoadedApplication {
	app: ApplicationRow;
	campaign: CampaignRow;
	viewer: Viewer;
}

/** The application if the caller is its creator or a member of the owning brand; else 404. */
async function loadApplication(ctx: CallerContext, applicationId: string): Promise<LoadedApplication> {
	const { db } = ctx;
	const viewer = await viewerOf(ctx);
	if (!viewer) throw new AppError('not_found');
	const app = await db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.id = ?1`).bind(applicationId).first<ApplicationRow>();
	if (!app) throw new AppError('not_found');
	const campaign = await loadCampaign(db, app.campaign_id);
	if (!campaign) throw new AppError('not_found');
	if (!partyOf(viewer, { brandId: campaign.brand_id, creatorId: app.creator_id })) throw new AppError('not_found');
	return { app, campaign, viewer };
}

/** For brand-only actions: another brand gets 404 (checked first), a creator 403. */
async function loadForBrand(ctx: CallerContext, applicationId: string): Promise<LoadedApplication & { viewer: Extract<Viewer, { side: 'brand' }> }> {
	const loaded = await loadApplication(ctx, applicationId);
	if (loaded.viewer.side !== 'brand') throw new AppError('forbidden');
	return loaded as LoadedApplication & { viewer: Extract<Viewer, { side: 'brand' }> };
}

/** One application with its campaign, creator and agreement, for either party. */
export async function getApplication(ctx: CallerContext, input: { applicationId: string }) {
	const { db, now } = ctx;
	const { app, campaign, viewer } = await loadApplication(ctx, input.applicationId);
	const [creator, agreement] = await Promise.all([
		db
			.prepare(
				`SELECT cr.id, cr.display_name, cr.handle, cr.wilaya, w.name_fr, w.name_ar, cr.followers_total, cr.niches
				 FROM creators cr LEFT JOIN wilayas w ON w.code = cr.wilaya WHERE cr.id = ?1`
			)
			.bind(app.creator_id)
			.first<SqlPick<typeof creators, 'id' | 'display_name' | 'handle' | 'wilaya' | 'followers_total' | 'niches'> & LeftJoined<Pick<Wilaya, 'name_fr' | 'name_ar'>>>(),
		db.prepare('SELECT id, status, version FROM agreements WHERE application_id = ?1').bind(app.id).first<SqlPick<typeof agreements, 'id' | 'status' | 'version'>>()
	]);
	return {
		application: serializeApplication(app),
		campaign: campaignSummary(campaign, now),
		creator: creator && {
			id: creator.id,
			displayName: creator.display_name,
			handle: creator.handle,
			wilaya: creator.wilaya === null ? null : { code: creator.wilaya, nameFr: creator.name_fr, nameAr: creator.name_ar },
			followersTotal: creator.followers_total,
			niches: jsonStrings(creator.niches)
		},
		agreement: agreement ?? null,
		viewer: { side: viewer.side }
	};
}

// ---- brand decisions ---------------------------------------------------------------------------

function refuseTransition(status: ApplicationStatus, action: ApplicationAction): never {
	const check = checkTransition(status, action);
	if (!check.ok && check.code === 'already_done' && action === 'accept') throw new AppError('already_accepted');
	throw new AppError('invalid_state', { detailKey: 'detail_application_state' });
}

/** UPDATE guarded by the state machine: only from the statuses the action allows. */
function transitionStatement(db: D1Database, applicationId: string, action: ApplicationAction, now: number, declineReason: string | null = null) {
	const from = sourcesOf(action);
	const marks = from.map((_, i) => `?${i + 5}`).join(', ');
	return db
		.prepare(`UPDATE applications SET status = ?2, updated_at = ?3, decline_reason = coalesce(?4, decline_reason) WHERE id = ?1 AND status IN (${marks})`)
		.bind(applicationId, ACTION_TARGET[action], now, declineReason, ...from);
}

async function currentStatus(db: D1Database, applicationId: string): Promise<ApplicationStatus> {
	const row = await db.prepare('SELECT status FROM applications WHERE id = ?1').bind(applicationId).first<Pick<ApplicationRow, 'status'>>();
	return row!.status;
}

async function creatorUser(db: D1Database, creatorId: string) {
	return db
		.prepare(
			'SELECT u.id, u.email, u.locale, cr.display_name, cr.handle, cr.legal_name, cr.legal_rc_number, cr.legal_nif, cr.legal_auto_entrepreneur_card FROM creators cr JOIN users u ON u.id = cr.user_id WHERE cr.id = ?1'
		)
		.bind(creatorId)
		.first<SqlPick<typeof users, 'id' | 'email' | 'locale'> & SqlPick<typeof creators, 'display_name' | 'handle' | 'legal_name' | 'legal_rc_number' | 'legal_nif' | 'legal_auto_entrepreneur_card'>>();
}

/**
 * A status change by the brand with its notification to the creator, written together;
 * the notification only lands if the guarded UPDATE did (same timestamp, same status).
 */
async function decide(ctx: CallerContext, applicationId: string, action: 'shortlist' | 'decline', reason: string | null) {
	const { db, now } = ctx;
	const { app, campaign } = await loadForBrand(ctx, applicationId);
	if (!checkTransition(app.status, action).ok) refuseTransition(app.status, action);
	const creator = await creatorUser(db, app.creator_id);
	const target = ACTION_TARGET[action];
	const payload: NotificationPayload = { applicationId, campaignId: campaign.id, campaignTitle: campaign.title, brandName: campaign.brand_name, ...(reason ? { reason } : {}) };
	const statements = [transitionStatement(db, applicationId, action, now, reason)];
	if (creator) {
		statements.push(
			notifyUserStatement(db, creator.id, action === 'shortlist' ? 'application_shortlisted' : 'application_declined', payload, now, {
				sql: 'EXISTS (SELECT 1 FROM applications WHERE id = ?6 AND status = ?7 AND updated_at = ?5)',
				params: [applicationId, target]
			})
		);
	}
	const [update] = await db.batch(statements);
	if (update.meta.changes !== 1) refuseTransition(await currentStatus(db, applicationId), action);
	const row = await db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.id = ?1`).bind(applicationId).first<ApplicationRow>();
	return { application: serializeApplication(row!) };
}

/** The brand shortlists a pending application. */
export const shortlistApplication = (ctx: CallerContext, input: { applicationId: string }) => decide(ctx, input.applicationId, 'shortlist', null);
/** The brand declines an application, with a reason shown to the creator. */
export const declineApplication = (ctx: CallerContext, input: { applicationId: string; reason: string }) => decide(ctx, input.applicationId, 'decline', input.reason);

/**
 * The brand accepts: in one D1 batch the application moves to accepted, the agreement
 * draft is written with prefilled terms, and the creator gets a notification and an
 * email. The agreement's unique index on application_id makes a second accept (even a
 * concurrent one) fail as a whole: exactly one agreement per application.
 */
export async function acceptApplication(ctx: CallerContext, input: { applicationId: string }) {
	const { db, now, origin, user } = ctx;
	const { applicationId } = input;
	const { app, campaign } = await loadForBrand(ctx, applicationId);
	if (!checkTransition(app.status, 'accept').ok) refuseTransition(app.status, 'accept');
	const creator = await creatorUser(db, app.creator_id);
	if (!creator) throw new AppError('not_found');

	const terms = prefillTerms({
		brand: { id: campaign.brand_id, name: campaign.brand_name },
		// The legal identity the creator keeps on their profile (issue 14): a new draft starts with it.
		creator: {
			id: app.creator_id,
			displayName: creator.display_name,
			handle: creator.handle,
			legalName: creator.legal_name ?? '',
			rcNumber: creator.legal_rc_number,
			nif: creator.legal_nif,
			autoEntrepreneurCard: creator.legal_auto_entrepreneur_card
		},
		campaign: {
			id: campaign.id,
			title: campaign.title,
			objective: campaign.objective,
			reuseRightsDays: campaign.reuse_rights_days,
			startsAt: campaign.starts_at,
			endsAt: campaign.ends_at
		},
		application: { formats: jsonStrings<Format>(app.formats), feeDzd: app.fee_dzd, proposedDates: jsonStrings(app.proposed_dates) }
	});
	const agreementId = crypto.randomUUID();
	const termsJson = JSON.stringify(terms);
	// Version 1 and the audit trail's first event are written in the same batch (agreements service).
	const history = await firstVersionStatements(db, agreementId, termsJson, { party: 'brand', userId: user.id }, now);
	const payload: NotificationPayload = { applicationId, campaignId: campaign.id, campaignTitle: campaign.title, brandName: campaign.brand_name, agreementId };
	const mail = applicationAcceptedEmail(creator.locale, { to: creator.email, brand: campaign.brand_name, campaign: campaign.title, link: `${origin}/applications/${applicationId}` });

	let results: D1Result[];
	try {
		results = await db.batch([
			transitionStatement(db, applicationId, 'accept', now),
			db
				.prepare(
					`INSERT INTO agreements (id, application_id, campaign_id, brand_id, creator_id, status, version, terms, created_at, updated_at)
					 SELECT ?1, ?2, ?3, ?4, ?5, 'draft', 1, ?6, ?7, ?7 WHERE EXISTS (SELECT 1 FROM applications WHERE id = ?2 AND status = 'accepted')`
				)
				.bind(agreementId, applicationId, campaign.id, campaign.brand_id, app.creator_id, termsJson, now),
			...history.statements,
			notifyUserStatement(db, creator.id, 'application_accepted', payload, now, { sql: 'EXISTS (SELECT 1 FROM agreements WHERE id = ?6)', params: [agreementId] }),
			// Written only if the agreement exists, so a refused accept sends nothing.
			queueEmailStatement(db, mail, now, { sql: 'EXISTS (SELECT 1 FROM agreements WHERE id = ?6)', params: [agreementId] })
		]);
	} catch (err) {
		if (isUniqueViolation(err)) refuseTransition(await currentStatus(db, applicationId), 'accept');
		throw err;
	}
	if (results[0].meta.changes !== 1 || results[1].meta.changes !== 1) refuseTransition(await currentStatus(db, applicationId), 'accept');
	const row = await db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM applications a WHERE a.id = ?1`).bind(applicationId).first<ApplicationRow>();
	return { application: serializeApplication(row!), agreement: { id: agreementId, status: 'draft', version: 1 } };
}

// ---- messages ------------------------------------------------------------------------------------

/** The thread of an application, oldest first on each page (page 1 = the latest messages). */
export async function listMessages(ctx: CallerContext, input: { applicationId: string; page: number }) {
	const { db } = ctx;
	const { applicationId, page } = input;
	const { app, viewer } = await loadApplication(ctx, applicationId);
	const creator = await creatorUser(db, app.creator_id);
	const offset = (page - 1) * MESSAGES_PAGE_SIZE;
	const [rows, count] = await db.batch([
		db
			.prepare(
				`SELECT m.id, m.body, m.created_at, m.author_user_id, u.name AS author_name
				 FROM application_messages m JOIN users u ON u.id = m.author_user_id
				 WHERE m.application_id = ?1 ORDER BY m.created_at DESC, m.rowid DESC LIMIT ?2 OFFSET ?3`
			)
			.bind(applicationId, MESSAGES_PAGE_SIZE, offset),
		db.prepare('SELECT count(*) AS n FROM application_messages WHERE application_id = ?1').bind(applicationId)
	]);
	type Row = SqlPick<typeof applicationMessages, 'id' | 'body' | 'created_at' | 'author_user_id'> & { author_name: SqlRow<typeof users>['name'] };
	return {
		messages: (rows.results as Row[]).reverse().map((m) => ({
			id: m.id,
			body: m.body,
			createdAt: iso(m.created_at),
			author: { name: m.author_name, side: m.author_user_id === creator?.id ? ('creator' as const) : ('brand' as const) },
			mine: m.author_user_id === viewer.userId
		})),
		page,
		pageSize: MESSAGES_PAGE_SIZE,
		total: (count.results[0] as { n: number }).n
	};
}

/** Either party writes in the thread; the other side is notified in-app. */
export async function postMessage(ctx: CallerContext, input: { applicationId: string; body: string }) {
	const { db, now, user } = ctx;
	const { applicationId, body } = input;
	const { app, campaign, viewer } = await loadApplication(ctx, applicationId);
	const id = crypto.randomUUID();
	const payload: NotificationPayload = {
		applicationId,
		campaignId: campaign.id,
		campaignTitle: campaign.title,
		brandName: campaign.brand_name,
		excerpt: body.slice(0, 120),
		messageId: id
	};
	const statements = [db.prepare('INSERT INTO application_messages (id, application_id, author_user_id, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(id, applicationId, user.id, body, now)];
	if (viewer.side === 'creator') {
		statements.push(notifyBrandStatement(db, campaign.brand_id, 'message_received', { ...payload, creatorName: user.name }, now));
	} else {
		const creator = await creatorUser(db, app.creator_id);
		if (creator) statements.push(notifyUserStatement(db, creator.id, 'message_received', payload, now));
	}
	await db.batch(statements);
	return {
		message: { id, body, createdAt: iso(now), author: { name: user.name, side: viewer.side }, mine: true }
	};
}

// GET /agreements/:id: worker/services/agreements.ts.
