/** Campaign offers on D1: create, edit, publish (with the 14-day plan on the campaign's dates), close, read, list, feed. */
import type { brands, campaignTasks, campaigns, creators } from '../../db/schema';
import type { SqlPick, SqlRow } from '../../db/schema/sql-row';
import type { CallerContext } from '../context';
import { AppError } from '../errors';
import { campaignWarnings, CAMPAIGN_DEFAULTS, CAMPAIGN_TRANSITIONS, type CampaignFields, checkCampaign, cleanBrief, missingForPublish, normaliseAgeBands, type Brief } from '../domain/campaign-rules';
import { PLAN_STEPS, planCampaign } from '../domain/campaign-plan';
import { type CreatorCodes, fillBrief, fillCreatorTokens, findPlaceholders } from '../domain/placeholders';
import { t } from '../i18n';
import { type Fit, type FitCreator, profileGaps, rankForCreator, type FitFilter } from '../domain/campaign-fit';
import type { AgeBand, CampaignStatus, Format, Niche, Objective } from '../domain/taxonomy';
import { iso, isoOrNull } from '../domain/dates';
import { jsonArray, jsonObjectOr, jsonStrings } from '../domain/json';
import { actingBrand } from './viewer';
import { invitedAtByCampaign } from './campaign-invitations';

/** A campaign with its brand's name (SELECT_CAMPAIGN): every column but the match weights, read by matching alone. */
export type CampaignRow = Omit<SqlRow<typeof campaigns>, 'match_weights'> & { brand_name: SqlRow<typeof brands>['name'] };

type TaskRow = Omit<SqlRow<typeof campaignTasks>, 'campaign_id'>;

const SELECT_CAMPAIGN = `SELECT c.id, c.brand_id, b.name AS brand_name, c.title, c.objective, c.offer, c.brief, c.formats, c.wilayas, c.niches, c.age_bands,
	c.follower_min, c.follower_max, c.budget_dzd, c.reuse_rights_days, c.starts_at, c.ends_at, c.apply_by, c.status,
	c.published_at, c.closed_at, c.created_at, c.updated_at, c.landing_url
	FROM campaigns c JOIN brands b ON b.id = c.brand_id`;

const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');

function readBrief(text: string): Brief {
	const raw = jsonObjectOr<Record<string, unknown>>(text, {});
	const list = (x: unknown) => (strings(x) ? (x as string[]) : []);
	return { keyMessages: list(raw.keyMessages), dos: list(raw.dos), donts: list(raw.donts), angle: typeof raw.angle === 'string' ? raw.angle : '' };
}

/** The stored row as domain fields (times in epoch ms). */
export function rowFields(r: CampaignRow): CampaignFields {
	return {
		title: r.title,
		objective: r.objective,
		offer: r.offer,
		brief: readBrief(r.brief),
		formats: jsonStrings<Format>(r.formats),
		wilayas: jsonStrings(r.wilayas),
		niches: jsonStrings<Niche>(r.niches),
		ageBands: normaliseAgeBands(jsonArray(r.age_bands)),
		followerMin: r.follower_min,
		followerMax: r.follower_max,
		budgetDzd: r.budget_dzd,
		reuseRightsDays: r.reuse_rights_days,
		startsAt: r.starts_at,
		endsAt: r.ends_at,
		applyBy: r.apply_by
	};
}

const ms = (s: string | null | undefined) => (s === null || s === undefined ? null : Date.parse(s));

/** What anyone allowed to see the campaign sees. */
function publicView(r: CampaignRow) {
	const f = rowFields(r);
	return {
		id: r.id,
		brand: { id: r.brand_id, name: r.brand_name },
		title: f.title,
		objective: f.objective,
		offer: f.offer,
		brief: f.brief,
		formats: f.formats,
		wilayas: f.wilayas,
		niches: f.niches,
		ageBands: f.ageBands,
		followerMin: f.followerMin,
		followerMax: f.followerMax,
		budgetDzd: f.budgetDzd,
		reuseRightsDays: f.reuseRightsDays,
		startsAt: isoOrNull(f.startsAt),
		endsAt: isoOrNull(f.endsAt),
		applyBy: isoOrNull(f.applyBy),
		status: r.status
	};
}

/** What the owning brand sees: everything, with its timestamps. */
export function brandView(r: CampaignRow) {
	return {
		...publicView(r),
		publishedAt: isoOrNull(r.published_at),
		closedAt: isoOrNull(r.closed_at),
		createdAt: iso(r.created_at),
		updatedAt: iso(r.updated_at),
		landingUrl: r.landing_url
	};
}

function taskView(t: TaskRow) {
	return { id: t.id, day: t.day, phase: t.phase, key: t.key, dueDate: t.due_date, done: t.done_at !== null, doneAt: isoOrNull(t.done_at) };
}

export async function findCampaign(db: D1Database, id: string): Promise<CampaignRow | null> {
	return db.prepare(`${SELECT_CAMPAIGN} WHERE c.id = ?1`).bind(id).first<CampaignRow>();
}

/** The campaign if it belongs to the user's brand; otherwise 404, whether it exists or not. */
export async function ownCampaign(ctx: CallerContext, id: string) {
	const brand = await actingBrand(ctx);
	const row = await findCampaign(ctx.db, id);
	if (!row || row.brand_id !== brand.id) throw new AppError('not_found');
	return row;
}

async function unknownWilayas(db: D1Database, codes: string[]): Promise<Set<string>> {
	if (codes.length === 0) return new Set();
	const { results } = await db.prepare('SELECT code FROM wilayas WHERE code IN (SELECT value FROM json_each(?1))').bind(JSON.stringify(codes)).all<{ code: string }>();
	const known = new Set(results.map((r) => r.code));
	return new Set(codes.filter((c) => !known.has(c)));
}

async function validate(db: D1Database, f: CampaignFields): Promise<void> {
	const unknown = await unknownWilayas(db, f.wilayas);
	const problems = checkCampaign(f, (code) => !unknown.has(code));
	if (problems.length) throw new AppError('invalid_request', { fieldKeys: problems });
}

/**
 * Refuses (422) a campaign that still holds `[…]` blanks, naming each one and its field:
 * creators must never read "[votre offre]". Nothing is written before this check.
 */
function refusePlaceholders(ctx: CallerContext, f: CampaignFields): void {
	const left = findPlaceholders(f);
	if (left.length === 0) return;
	throw new AppError('unprocessable', {
		detailKey: 'detail_campaign_placeholders',
		errors: left.map((p) => ({ path: p.path, message: t(ctx.locale, 'campaign_placeholder_left', { placeholder: p.text }), placeholder: p.text }))
	});
}

/** Input of create/patch after schema validation: times as ISO strings. */
export interface CampaignInput {
	title?: string;
	objective?: Objective;
	offer?: string;
	brief?: Brief;
	formats?: Format[];
	wilayas?: string[];
	niches?: Niche[];
	/** Target age bands; [] clears them (all ages). */
	ageBands?: AgeBand[];
	followerMin?: number;
	followerMax?: number;
	budgetDzd?: number;
	reuseRightsDays?: number;
	startsAt?: string | null;
	endsAt?: string | null;
	applyBy?: string | null;
	/** The tracked links' destination (normalised https URL); null clears it. */
	landingUrl?: string | null;
}

/** Applies the given fields over `base` (undefined = unchanged, null date = cleared). */
function merge(base: CampaignFields, input: CampaignInput): CampaignFields {
	return {
		title: input.title ?? base.title,
		objective: input.objective ?? base.objective,
		offer: input.offer ?? base.offer,
		brief: input.brief ? cleanBrief(input.brief) : base.brief,
		formats: input.formats ?? base.formats,
		wilayas: input.wilayas ?? base.wilayas,
		niches: input.niches ?? base.niches,
		ageBands: input.ageBands ? normaliseAgeBands(input.ageBands) : base.ageBands,
		followerMin: input.followerMin ?? base.followerMin,
		followerMax: input.followerMax ?? base.followerMax,
		budgetDzd: input.budgetDzd ?? base.budgetDzd,
		reuseRightsDays: input.reuseRightsDays ?? base.reuseRightsDays,
		startsAt: input.startsAt === undefined ? base.startsAt : ms(input.startsAt),
		endsAt: input.endsAt === undefined ? base.endsAt : ms(input.endsAt),
		applyBy: input.applyBy === undefined ? base.applyBy : ms(input.applyBy)
	};
}

function fieldValues(f: CampaignFields) {
	return [
		f.title,
		f.objective,
		f.offer,
		JSON.stringify(f.brief),
		JSON.stringify(f.formats),
		JSON.stringify(f.wilayas),
		JSON.stringify(f.niches),
		f.followerMin,
		f.followerMax,
		f.budgetDzd,
		f.reuseRightsDays,
		f.startsAt,
		f.endsAt,
		f.applyBy,
		JSON.stringify(f.ageBands)
	];
}

/** Creates a draft campaign for the user's brand. */
export async function createCampaign(ctx: CallerContext, input: CampaignInput & { title: string; objective: Objective }) {
	const { db, now } = ctx;
	const brand = await actingBrand(ctx);
	const empty: CampaignFields = {
		title: input.title,
		objective: input.objective,
		offer: '',
		brief: { keyMessages: [], dos: [], donts: [], angle: '' },
		formats: [],
		wilayas: [],
		niches: [],
		ageBands: [],
		...CAMPAIGN_DEFAULTS,
		startsAt: null,
		endsAt: null,
		applyBy: null
	};
	const f = merge(empty, input);
	await validate(db, f);
	const id = crypto.randomUUID();
	await db
		.prepare(
			`INSERT INTO campaigns (id, brand_id, title, objective, offer, brief, formats, wilayas, niches, follower_min, follower_max, budget_dzd,
			 reuse_rights_days, starts_at, ends_at, apply_by, age_bands, status, created_at, updated_at, landing_url)
			 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'draft', ?18, ?18, ?19)`
		)
		.bind(id, brand.id, ...fieldValues(f), now, input.landingUrl ?? null)
		.run();
	return { campaign: brandView((await findCampaign(db, id))!), warnings: campaignWarnings(f) };
}

/**
 * Edits a draft or open campaign; the merged result is validated, and an open one must stay
 * publishable. A running (active) campaign only takes a new landing URL.
 */
export async function updateCampaign(ctx: CallerContext, update: { campaignId: string; changes: CampaignInput }) {
	const { db, now } = ctx;
	const { campaignId: id, changes: input } = update;
	const row = await ownCampaign(ctx, id);
	if (!CAMPAIGN_TRANSITIONS[row.status].editable && row.status === 'active' && Object.keys(input).every((k) => k === 'landingUrl')) {
		// Where the tracked links lead may change while they are live (the brief stays frozen).
		await db
			.prepare('UPDATE campaigns SET landing_url = ?3, updated_at = ?4 WHERE id = ?1 AND status = ?2')
			.bind(id, row.status, input.landingUrl ?? null, now)
			.run();
		return { campaign: brandView((await findCampaign(db, id))!), warnings: [], redated: 0 };
	}
	if (!CAMPAIGN_TRANSITIONS[row.status].editable) throw new AppError('invalid_state', { detailKey: 'detail_campaign_not_editable' });
	const f = merge(rowFields(row), input);
	await validate(db, f);
	if (row.status === 'open') {
		// An open campaign stays publishable; its deadline is only checked when it changes.
		const missing = missingForPublish(f, now).filter((p) => p.key !== 'campaign_apply_past' || input.applyBy !== undefined);
		if (missing.length) throw new AppError('invalid_request', { fieldKeys: missing });
		refusePlaceholders(ctx, f);
	}
	const write = db
		.prepare(
			`UPDATE campaigns SET title = ?3, objective = ?4, offer = ?5, brief = ?6, formats = ?7, wilayas = ?8, niches = ?9, follower_min = ?10,
			 follower_max = ?11, budget_dzd = ?12, reuse_rights_days = ?13, starts_at = ?14, ends_at = ?15, apply_by = ?16, age_bands = ?17,
			 updated_at = ?18, landing_url = ?19 WHERE id = ?1 AND status = ?2`
		)
		.bind(id, row.status, ...fieldValues(f), now, input.landingUrl === undefined ? row.landing_url : input.landingUrl);
	const datesMoved = f.applyBy !== row.apply_by || f.startsAt !== row.starts_at || f.endsAt !== row.ends_at;
	// A published campaign whose dates move takes its open tasks along; ticked ones keep their date.
	const redate = row.published_at !== null && datesMoved ? redateOpenTasks(db, id, row.published_at, f) : [];
	const [res, ...moved] = await db.batch([write, ...redate]);
	if (!res.meta.changes) throw new AppError('invalid_state', { detailKey: 'detail_campaign_not_editable' });
	const redated = moved.reduce((n, r) => n + r.meta.changes, 0);
	return { campaign: brandView((await findCampaign(db, id))!), warnings: campaignWarnings(f), redated };
}

const stepOrder = new Map(PLAN_STEPS.map((s, i) => [s.key, i]));

/** The plan in date order, then the article's order (several steps may share a day). */
async function tasksOf(db: D1Database, campaignId: string) {
	const { results } = await db.prepare('SELECT id, day, phase, key, due_date, done_at FROM campaign_tasks WHERE campaign_id = ?1 ORDER BY due_date, day').bind(campaignId).all<TaskRow>();
	return results.sort((a, b) => a.due_date.localeCompare(b.due_date) || (stepOrder.get(a.key) ?? 99) - (stepOrder.get(b.key) ?? 99)).map(taskView);
}

/**
 * Statements that move the unticked tasks of a published campaign to the plan of its new
 * dates (guarded on the campaign still being open, like the update they run with).
 */
function redateOpenTasks(db: D1Database, campaignId: string, publishedAt: number, f: CampaignFields): D1PreparedStatement[] {
	return planCampaign(publishedAt, f).map((task) =>
		db
			.prepare(
				`UPDATE campaign_tasks SET due_date = ?3, day = ?4 WHERE campaign_id = ?1 AND key = ?2 AND done_at IS NULL
				 AND EXISTS (SELECT 1 FROM campaigns WHERE id = ?1 AND status = 'open')`
			)
			.bind(campaignId, task.key, task.dueDate, task.day)
	);
}

/**
 * draft → open: checks what creators need and that no `[…]` blank is left, stamps
 * published_at and writes the 14-step plan, dated on the campaign's own deadline, start
 * and end, in one batch. A campaign already published gets `already_published`.
 */
export async function publishCampaign(ctx: CallerContext, input: { campaignId: string }) {
	const { db, now } = ctx;
	const id = input.campaignId;
	const row = await ownCampaign(ctx, id);
	if (row.published_at !== null || row.status !== 'draft') throw new AppError('already_published');
	const missing = missingForPublish(rowFields(row), now);
	if (missing.length) throw new AppError('invalid_request', { detailKey: 'detail_campaign_incomplete', fieldKeys: missing });
	refusePlaceholders(ctx, rowFields(row));
	// Tasks first, each guarded on the draft status, then the status flip: one atomic batch,
	// so a concurrent publish cannot write the plan twice.
	const stmts = planCampaign(now, rowFields(row)).map((t) =>
		db
			.prepare(
				`INSERT INTO campaign_tasks (id, campaign_id, day, phase, key, due_date)
				 SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = ?2 AND status = 'draft')`
			)
			.bind(crypto.randomUUID(), id, t.day, t.phase, t.key, t.dueDate)
	);
	stmts.push(db.prepare("UPDATE campaigns SET status = 'open', published_at = ?2, updated_at = ?2 WHERE id = ?1 AND status = 'draft'").bind(id, now));
	const results = await db.batch(stmts);
	if (!results[results.length - 1].meta.changes) throw new AppError('already_published');
	return { campaign: brandView((await findCampaign(db, id))!), tasks: await tasksOf(db, id) };
}

/** open/active → closed, stamping closed_at. */
export async function closeCampaign(ctx: CallerContext, input: { campaignId: string }) {
	const { db, now } = ctx;
	const id = input.campaignId;
	const row = await ownCampaign(ctx, id);
	if (row.status === 'closed') throw new AppError('already_closed');
	if (!CAMPAIGN_TRANSITIONS[row.status].close) throw new AppError('invalid_state', { detailKey: 'detail_campaign_not_closable' });
	const res = await db.prepare("UPDATE campaigns SET status = 'closed', closed_at = ?3, updated_at = ?3 WHERE id = ?1 AND status = ?2").bind(id, row.status, now).run();
	if (!res.meta.changes) throw new AppError('invalid_state', { detailKey: 'detail_campaign_not_closable' });
	return { campaign: brandView((await findCampaign(db, id))!) };
}

/**
 * The creator's own codes for this campaign, from their signed agreement (none before it is
 * signed): what replaces the `{…}` creator tokens of the brief they read.
 */
async function signedCodes(ctx: CallerContext, campaignId: string): Promise<CreatorCodes | null> {
	const { results } = await ctx.db
		.prepare(
			`SELECT ac.kind AS kind, ac.code AS code, (SELECT slug FROM tracked_links tl WHERE tl.agreement_id = a.id) AS slug
			 FROM agreements a JOIN creators cr ON cr.id = a.creator_id JOIN attribution_codes ac ON ac.agreement_id = a.id
			 WHERE a.campaign_id = ?1 AND cr.user_id = ?2 AND a.status = 'signed'`
		)
		.bind(campaignId, ctx.user.id)
		.all<{ kind: string; code: string; slug: string | null }>();
	if (results.length === 0) return null;
	const codes: CreatorCodes = {};
	for (const r of results) {
		if (r.kind === 'keyword') codes.keyword = r.code;
		if (r.kind === 'promo') codes.promo = r.code;
		if (r.slug) codes.link = `${ctx.origin}/l/${r.slug}`;
	}
	return codes;
}

/**
 * A campaign as the caller may see it: the owning brand gets everything with its plan; a
 * creator open campaigns, and any campaign they applied to (they keep the brief while they
 * execute it), without internal fields, and once their agreement is signed with its creator
 * tokens replaced by their own keyword, promo code and link (`codes`), and when the brand
 * invited them to apply (`invitedAt`, null when it did not); anyone else a 404.
 */
export async function readCampaign(ctx: CallerContext, input: { campaignId: string }) {
	const { db, user } = ctx;
	const id = input.campaignId;
	if (user.role === 'brand') {
		const row = await ownCampaign(ctx, id);
		return { campaign: brandView(row), tasks: await tasksOf(db, id) };
	}
	const row = await findCampaign(db, id);
	if (!row || row.status === 'draft') throw new AppError('not_found');
	if (row.status !== 'open') {
		const applied = await db.prepare('SELECT 1 AS x FROM applications a JOIN creators c ON c.id = a.creator_id WHERE a.campaign_id = ?1 AND c.user_id = ?2').bind(id, user.id).first();
		if (!applied) throw new AppError('not_found');
	}
	const view = publicView(row);
	const [codes, invitation] = await Promise.all([
		signedCodes(ctx, id),
		db.prepare('SELECT ci.created_at AS at FROM campaign_invitations ci JOIN creators c ON c.id = ci.creator_id WHERE ci.campaign_id = ?1 AND c.user_id = ?2').bind(id, user.id).first<{ at: number }>()
	]);
	const invitedAt = invitation ? iso(invitation.at) : null;
	if (!codes) return { campaign: view, invitedAt };
	return { campaign: { ...view, offer: fillCreatorTokens(view.offer, codes), brief: fillBrief(view.brief, codes) }, codes, invitedAt };
}

export async function listTasks(ctx: CallerContext, input: { campaignId: string }) {
	await ownCampaign(ctx, input.campaignId);
	return { tasks: await tasksOf(ctx.db, input.campaignId) };
}

/** Marks a plan task done (stamping when) or not done. */
export async function setTaskDone(ctx: CallerContext, input: { campaignId: string; taskId: string; done: boolean }) {
	const { db, now } = ctx;
	const { campaignId: id, taskId, done } = input;
	await ownCampaign(ctx, id);
	const res = await db
		.prepare('UPDATE campaign_tasks SET done_at = CASE WHEN ?3 THEN COALESCE(done_at, ?4) ELSE NULL END WHERE id = ?2 AND campaign_id = ?1')
		.bind(id, taskId, done ? 1 : 0, now)
		.run();
	if (!res.meta.changes) throw new AppError('not_found');
	const task = await db.prepare('SELECT id, day, phase, key, due_date, done_at FROM campaign_tasks WHERE id = ?1').bind(taskId).first<TaskRow>();
	return { task: taskView(task!) };
}

export interface Paging {
	page: number;
	limit: number;
}

/** A brand's own campaigns, every status, newest first. */
export async function listBrandCampaigns(ctx: CallerContext, opts: Paging & { status?: CampaignStatus }) {
	const { db } = ctx;
	const brand = await actingBrand(ctx);
	const where = opts.status ? 'c.brand_id = ?1 AND c.status = ?2' : 'c.brand_id = ?1 AND ?2 IS NULL';
	const status = opts.status ?? null;
	const [rows, count] = await db.batch([
		db.prepare(`${SELECT_CAMPAIGN} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ?3 OFFSET ?4`).bind(brand.id, status, opts.limit, (opts.page - 1) * opts.limit),
		db.prepare(`SELECT count(*) AS n FROM campaigns c WHERE ${where}`).bind(brand.id, status)
	]);
	const total = (count.results[0] as { n: number }).n;
	return { campaigns: (rows.results as CampaignRow[]).map(brandView), total, page: opts.page, limit: opts.limit };
}

/**
 * The feed's query: ?1 now, ?2 the creator's followers, ?3 their wilaya, ?4 their niches
 * (JSON), ?5 their offered formats (JSON), ?6–?9 the optional filters (NULL = none).
 * `status = 'open' AND apply_by > ?1` is a range on campaigns_status_idx.
 */
export const FEED_SQL = `${SELECT_CAMPAIGN}
			 WHERE c.status = 'open' AND c.apply_by > ?1
			   AND c.follower_min <= ?2 AND c.follower_max >= ?2
			   AND EXISTS (SELECT 1 FROM json_each(c.wilayas) w WHERE w.value = ?3)
			   AND EXISTS (SELECT 1 FROM json_each(c.niches) n WHERE n.value IN (SELECT value FROM json_each(?4)))
			   AND EXISTS (SELECT 1 FROM json_each(c.formats) f WHERE f.value IN (SELECT value FROM json_each(?5)))
			   AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.niches) n2 WHERE n2.value = ?6))
			   AND (?7 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.wilayas) w2 WHERE w2.value = ?7))
			   AND (?8 IS NULL OR EXISTS (SELECT 1 FROM json_each(c.formats) f2 WHERE f2.value = ?8))
			   AND (?9 IS NULL OR c.budget_dzd >= ?9)`;

export interface FeedFilters {
	niche?: Niche;
	wilaya?: string;
	format?: Format;
	minBudget?: number;
}

type CreatorRow = SqlPick<typeof creators, 'id' | 'wilaya' | 'niches' | 'followers_total' | 'rates'>;

/**
 * The creator feed: open campaigns whose deadline is ahead and that pass every hard filter
 * of domain/campaign-fit.ts, best fit first. SQL narrows on the (status, apply_by) index
 * and applies the JSON filters with json_each; the fit score ranks the survivors in TS.
 * Campaigns whose brand invited the creator come first (most recent invitation first),
 * with `invitedAt`.
 */
export async function creatorFeed(ctx: CallerContext, opts: Paging & FeedFilters) {
	const { db, now } = ctx;
	const row = await db.prepare('SELECT id, wilaya, niches, followers_total, rates FROM creators WHERE user_id = ?1').bind(ctx.user.id).first<CreatorRow>();
	if (!row) throw new AppError('forbidden');
	const creator: FitCreator = {
		wilaya: row.wilaya,
		niches: jsonStrings(row.niches),
		followersTotal: row.followers_total,
		rates: jsonObjectOr<Record<string, unknown>>(row.rates, {})
	};
	const gaps: FitFilter[] = profileGaps(creator);
	const empty = { campaigns: [], total: 0, page: opts.page, limit: opts.limit, profileGaps: gaps };
	if (gaps.length) return empty;

	const offered = Object.entries(creator.rates)
		.filter(([, p]) => typeof p === 'number' && p > 0)
		.map(([f]) => f);
	const { results } = await db
		.prepare(FEED_SQL)
		.bind(now, creator.followersTotal, creator.wilaya, JSON.stringify(creator.niches), JSON.stringify(offered), opts.niche ?? null, opts.wilaya ?? null, opts.format ?? null, opts.minBudget ?? null)
		.all<CampaignRow>();
	const invited = await invitedAtByCampaign(db, row.id);
	const ranked = rankForCreator(
		results.map((r) => ({ row: r, id: r.id, ...rowFields(r) })),
		creator,
		now
	).map((x, rank) => ({ ...x, rank, invitedAt: invited.get(x.campaign.id) ?? null }));
	// Invited first (latest invitation first), then the fit order; Array.sort is stable.
	ranked.sort((a, b) => (b.invitedAt ?? '').localeCompare(a.invitedAt ?? '') || a.rank - b.rank);
	const start = (opts.page - 1) * opts.limit;
	const page = ranked
		.slice(start, start + opts.limit)
		.map(({ campaign, fit, invitedAt }: { campaign: { row: CampaignRow }; fit: Fit; invitedAt: string | null }) => ({ ...publicView(campaign.row), fit, invitedAt }));
	return { campaigns: page, total: ranked.length, page: opts.page, limit: opts.limit, profileGaps: [] as FitFilter[] };
}
