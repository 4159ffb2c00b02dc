/**
 * Creator profiles on D1: the creator's own full profile, its update, the public view
 * (never contact or payout data) and the rule for who may see those private fields.
 */
import type { creatorAccounts, creatorFeatures, creators, posts as postsTable, wilayas } from '../../db/schema';
import type { SqlPick, SqlRow } from '../../db/schema/sql-row';
import type { CallerContext, RequestContext, ServiceContext } from '../context';
import { AppError } from '../errors';
import { requireStepUp } from './step-up';
import { normaliseAlgerianPhone } from '../domain/phone';
import { checkRip } from '../domain/rip';
import { rateWarnings } from '../domain/rates';
import { iso } from '../domain/dates';
import { jsonObjectOr, jsonStrings } from '../domain/json';
import type { ProfileInput } from '../routes/creators.types';
import { currentBrand } from './accounts';
import { ownCreatorId } from './viewer';
import { legalDetailsOut } from './creator-legal-details';
import { compareNiches, parseObservedNiches } from '../domain/observed-niches';
import { parseJsonOr } from '../domain/json';

/** The columns SELECT reads: the profile without its creation time. */
type CreatorRow = Omit<SqlRow<typeof creators>, 'created_at'>;

type FeatureRow = SqlRow<typeof creatorFeatures>;

/** A warning on accepted input: saved, but the UI should point at it. */
export interface InputWarning {
	path: string;
	code: 'looks_like_centimes' | 'unusual_prefix';
	/** i18n key and its parameters; the route translates. */
	key: string;
	params: Record<string, string | number>;
}

export function mediaKitUrl(handle: string) {
	return `/c/${encodeURIComponent(handle)}`;
}

/** The stored features in API shape, or null before the first import. */
export function featuresOut(f: FeatureRow | null) {
	if (!f) return null;
	return {
		computedAt: iso(f.computed_at),
		engagementByFormat: jsonObjectOr<Record<string, unknown>>(f.engagement_by_format, {}),
		sponsoredShare: f.sponsored_share,
		commentMix: jsonObjectOr<Record<string, number>>(f.comment_mix, {}),
		postsLast90d: f.posts_last_90d,
		followerGrowth30d: f.follower_growth_30d
	};
}

async function loadParts(db: D1Database, creatorId: string) {
	const [accounts, features] = await Promise.all([
		db
			.prepare('SELECT platform, handle, followers FROM creator_accounts WHERE creator_id = ?1 ORDER BY followers DESC, platform')
			.bind(creatorId)
			.all<SqlPick<typeof creatorAccounts, 'platform' | 'handle' | 'followers'>>(),
		db.prepare('SELECT * FROM creator_features WHERE creator_id = ?1').bind(creatorId).first<FeatureRow>()
	]);
	return { accounts: accounts.results, features: featuresOut(features), observedNiches: parseObservedNiches(parseJsonOr<unknown>(features?.observed_niches ?? '[]', [])) };
}

function publicShape(row: CreatorRow, parts: Awaited<ReturnType<typeof loadParts>>) {
	return {
		id: row.id,
		handle: row.handle,
		displayName: row.display_name,
		wilaya: row.wilaya,
		niches: jsonStrings(row.niches),
		languages: jsonStrings(row.languages),
		bio: row.bio,
		accounts: parts.accounts,
		followersTotal: row.followers_total,
		audience: jsonObjectOr<Record<string, unknown>>(row.audience, {}),
		ratesPublic: row.rates_public === 1,
		rates: row.rates_public === 1 ? jsonObjectOr<Record<string, number>>(row.rates, {}) : null,
		features: parts.features,
		/** What the content is about (issue 16): [{niche, confidence, words}], most confident first. */
		observedNiches: parts.observedNiches,
		/** Declared against observed: {confirmed, declaredOnly, observedOnly, mismatch}. */
		nicheCheck: compareNiches(jsonStrings(row.niches), parts.observedNiches),
		mediaKitUrl: mediaKitUrl(row.handle)
	};
}

function privateShape(row: CreatorRow, parts: Awaited<ReturnType<typeof loadParts>>) {
	return {
		...publicShape(row, parts),
		rates: jsonObjectOr<Record<string, number>>(row.rates, {}),
		phone: row.phone,
		payoutRip: row.payout_rip,
		/** Kept for agreements (issue 14); null until given. */
		legalDetails: legalDetailsOut(row),
		updatedAt: iso(row.updated_at)
	};
}

const SELECT =
	'SELECT id, user_id, display_name, handle, wilaya, bio, niches, languages, rates, audience, phone, payout_rip, legal_name, legal_rc_number, legal_nif, legal_auto_entrepreneur_card, rates_public, followers_total, updated_at FROM creators';

/** The caller's own profile, private fields included. */
export async function getOwnProfile(ctx: CallerContext) {
	const { db } = ctx;
	const row = await db.prepare(`${SELECT} WHERE user_id = ?1`).bind(ctx.user.id).first<CreatorRow>();
	if (!row) throw new AppError('not_found');
	return privateShape(row, await loadParts(db, row.id));
}

/**
 * Whether a brand may see a creator's phone and payout RIP: only once an agreement
 * between them is signed.
 */
export async function canSeeCreatorContact(ctx: ServiceContext, input: { brandId: string; creatorId: string }): Promise<boolean> {
	const row = await ctx.db.prepare("SELECT 1 AS ok FROM agreements WHERE brand_id = ?1 AND creator_id = ?2 AND status = 'signed' LIMIT 1").bind(input.brandId, input.creatorId).first();
	return row !== null;
}

/**
 * A creator as another user sees it: public fields for everyone; phone and payout RIP
 * only for the creator themself and for a brand with a signed agreement with them.
 */
export async function getCreatorFor(ctx: RequestContext, input: { creatorId: string }) {
	const { db, user: viewer } = ctx;
	const row = await db.prepare(`${SELECT} WHERE id = ?1`).bind(input.creatorId).first<CreatorRow>();
	if (!row || row.handle.startsWith('deleted.')) throw new AppError('not_found');
	const parts = await loadParts(db, row.id);
	let contact = viewer?.id === row.user_id;
	if (!contact && viewer?.role === 'brand') {
		const brand = await currentBrand(ctx, viewer.id);
		contact = brand !== null && (await canSeeCreatorContact(ctx, { brandId: brand.id, creatorId: row.id }));
	}
	if (!contact) return publicShape(row, parts);
	return { ...publicShape(row, parts), phone: row.phone, payoutRip: row.payout_rip };
}

/** The public media kit by handle: profile, features and a few recent posts. Never contact data. */
export async function getMediaKit(ctx: ServiceContext, input: { handle: string }) {
	const { db } = ctx;
	const row = await db.prepare(`${SELECT} WHERE handle = ?1`).bind(input.handle).first<CreatorRow>();
	if (!row || row.handle.startsWith('deleted.')) throw new AppError('not_found');
	const [parts, posts, wilaya] = await Promise.all([
		loadParts(db, row.id),
		db
			.prepare('SELECT platform, format, posted_at, views, reach, likes, comments, sponsored FROM posts WHERE creator_id = ?1 ORDER BY posted_at DESC LIMIT 6')
			.bind(row.id)
			.all<SqlPick<typeof postsTable, 'platform' | 'format' | 'posted_at' | 'views' | 'reach' | 'likes' | 'comments' | 'sponsored'>>(),
		row.wilaya ? db.prepare('SELECT name_fr, name_ar FROM wilayas WHERE code = ?1').bind(row.wilaya).first<SqlPick<typeof wilayas, 'name_fr' | 'name_ar'>>() : null
	]);
	return {
		creator: publicShape(row, parts),
		wilayaName: wilaya ? { fr: wilaya.name_fr, ar: wilaya.name_ar } : null,
		recentPosts: posts.results.map((p) => ({
			platform: p.platform,
			format: p.format,
			postedAt: iso(p.posted_at),
			views: p.views,
			reach: p.reach,
			likes: p.likes,
			comments: p.comments,
			sponsored: p.sponsored === 1
		}))
	};
}

/**
 * Checks the private fields and business rules the schema cannot (wilaya exists, phone,
 * RIP key), collecting every field error at once; then the warnings on accepted values.
 */
/** True when another creator already has `handle`. */
async function handleTaken(db: D1Database, handle: string, creatorId: string): Promise<boolean> {
	return (await db.prepare('SELECT 1 FROM creators WHERE handle = ?1 AND id <> ?2').bind(handle, creatorId).first()) !== null;
}

async function checkProfile(db: D1Database, input: ProfileInput, creatorId: string) {
	const fieldKeys: { path: string; key: string }[] = [];
	const warnings: InputWarning[] = [];
	const wilaya = await db.prepare('SELECT code FROM wilayas WHERE code = ?1').bind(input.wilaya).first();
	if (!wilaya) fieldKeys.push({ path: 'wilaya', key: 'creator_wilaya_invalid' });
	if (input.handle !== undefined && (await handleTaken(db, input.handle, creatorId))) fieldKeys.push({ path: 'handle', key: 'creator_handle_taken' });

	let phone: string | null | undefined = input.phone === undefined ? undefined : null;
	if (input.phone) {
		const p = normaliseAlgerianPhone(input.phone);
		if (!p.ok) fieldKeys.push({ path: 'phone', key: 'creator_phone_invalid' });
		else {
			phone = p.e164;
			if (p.warning) warnings.push({ path: 'phone', code: 'unusual_prefix', key: 'creator_phone_unusual_prefix', params: { phone: p.e164 } });
		}
	}
	let rip: string | null | undefined = input.payoutRip === undefined ? undefined : null;
	if (input.payoutRip) {
		const r = checkRip(input.payoutRip);
		if (!r.ok) fieldKeys.push({ path: 'payoutRip', key: `creator_${r.reason}` });
		else rip = r.rip;
	}
	if (fieldKeys.length > 0) throw new AppError('invalid_request', { fieldKeys });
	for (const w of rateWarnings(input.rates ?? {})) {
		warnings.push({ path: `rates.${w.format}`, code: w.code, key: 'creator_rate_centimes', params: { dinars: w.asDinars } });
	}
	return { phone, rip, warnings };
}

/**
 * Saves the caller's profile. Fields left out keep their stored value; `accounts`
 * replaces the social accounts and keeps followers_total equal to their sum.
 */
export async function updateOwnProfile(ctx: CallerContext, input: ProfileInput) {
	const { db, now } = ctx;
	const creatorId = await ownCreatorId(ctx);
	const { phone, rip, warnings } = await checkProfile(db, input, creatorId);
	if (rip !== undefined) {
		// Payout details are a sensitive change: a new RIP (not the same one sent again) needs a fresh re-authentication.
		const stored = await db.prepare('SELECT payout_rip FROM creators WHERE id = ?1').bind(creatorId).first<{ payout_rip: string | null }>();
		if ((stored?.payout_rip ?? null) !== rip) requireStepUp(ctx);
	}
	const sets: string[] = ['display_name = ?2', 'wilaya = ?3', 'niches = ?4', 'updated_at = ?5'];
	const binds: unknown[] = [creatorId, input.displayName, input.wilaya, JSON.stringify(input.niches), now];
	const set = (column: string, value: unknown) => {
		binds.push(value);
		sets.push(`${column} = ?${binds.length}`);
	};
	if (input.handle !== undefined) set('handle', input.handle);
	if (input.languages !== undefined) set('languages', JSON.stringify(input.languages));
	if (input.rates !== undefined) set('rates', JSON.stringify(Object.fromEntries(Object.entries(input.rates).filter(([, n]) => n !== undefined))));
	if (input.ratesPublic !== undefined) set('rates_public', input.ratesPublic ? 1 : 0);
	if (input.bio !== undefined) set('bio', input.bio);
	if (input.audience !== undefined) set('audience', JSON.stringify(input.audience));
	if (phone !== undefined) set('phone', phone);
	if (rip !== undefined) set('payout_rip', rip);

	const stmts: D1PreparedStatement[] = [];
	if (input.accounts !== undefined) {
		set(
			'followers_total',
			input.accounts.reduce((s, a) => s + a.followers, 0)
		);
		stmts.push(db.prepare('DELETE FROM creator_accounts WHERE creator_id = ?1').bind(creatorId));
		for (const a of input.accounts) {
			stmts.push(db.prepare('INSERT INTO creator_accounts (creator_id, platform, handle, followers) VALUES (?1, ?2, ?3, ?4)').bind(creatorId, a.platform, a.handle, a.followers));
		}
	}
	stmts.unshift(db.prepare(`UPDATE creators SET ${sets.join(', ')} WHERE id = ?1`).bind(...binds));
	try {
		await db.batch(stmts);
	} catch (e) {
		// Two creators choosing the same free handle at once: the unique index decides, and the
		// loser gets the same field error as if it had been taken before (nothing was written).
		if (input.handle !== undefined && /UNIQUE constraint failed: creators\.handle/u.test(String(e)))
			throw new AppError('invalid_request', { fieldKeys: [{ path: 'handle', key: 'creator_handle_taken' }] });
		throw e;
	}
	return { creator: await getOwnProfile(ctx), warnings };
}
