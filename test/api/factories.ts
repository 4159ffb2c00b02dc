/**
 * Test factories: rows with sensible defaults, written with direct SQL so that tests of one
 * area do not depend on another area's routes.
 */
import type { Format, Niche } from '../../worker/domain/taxonomy';
import { Client, signUp } from './helpers';

const DAY = 24 * 3600 * 1000;

export interface CampaignFixture {
	brandId: string;
	status?: 'draft' | 'open' | 'active' | 'completed' | 'closed';
	title?: string;
	objective?: 'visibility' | 'traffic' | 'whatsapp_sales' | 'signups';
	formats?: Format[];
	wilayas?: string[];
	niches?: Niche[];
	followerMin?: number;
	followerMax?: number;
	budgetDzd?: number;
	reuseRightsDays?: number;
	/** Epoch ms; null for none. Defaults: starts in 7 days, ends in 21, apply within 5. */
	startsAt?: number | null;
	endsAt?: number | null;
	applyBy?: number | null;
}

/** Inserts a campaign (open by default) and returns its id. */
export async function createCampaign(env: { DB: D1Database }, f: CampaignFixture): Promise<string> {
	const now = Date.now();
	const id = crypto.randomUUID();
	const pick = <T>(v: T | undefined, d: T) => (v === undefined ? d : v);
	await env.DB.prepare(
		`INSERT INTO campaigns (id, brand_id, title, objective, offer, brief, formats, wilayas, niches, follower_min, follower_max,
		   budget_dzd, reuse_rights_days, starts_at, ends_at, apply_by, status, published_at, created_at, updated_at)
		 VALUES (?1, ?2, ?3, ?4, 'Pack découverte -20 %', '{}', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?16)`
	)
		.bind(
			id,
			f.brandId,
			f.title ?? 'Lancement sérum Blida',
			f.objective ?? 'whatsapp_sales',
			JSON.stringify(f.formats ?? ['reel', 'story']),
			JSON.stringify(f.wilayas ?? ['09', '16']),
			JSON.stringify(f.niches ?? ['beauty']),
			f.followerMin ?? 8000,
			f.followerMax ?? 35000,
			f.budgetDzd ?? 120000,
			f.reuseRightsDays ?? 30,
			pick(f.startsAt, now + 7 * DAY),
			pick(f.endsAt, now + 21 * DAY),
			pick(f.applyBy, now + 5 * DAY),
			f.status ?? 'open',
			now
		)
		.run();
	return id;
}

export interface CreatorProfileFixture {
	displayName?: string;
	wilaya?: string;
	niches?: Niche[];
	accounts?: { platform: string; handle: string; followers: number }[];
	features?: { engagementByFormat: Record<string, unknown>; commentMix: Record<string, number>; sponsoredShare?: number };
}

/** Fills a creator's profile (wilaya, niches, accounts, derived features) directly in D1. */
export async function setCreatorProfile(env: { DB: D1Database }, creatorId: string, p: CreatorProfileFixture = {}) {
	const accounts = p.accounts ?? [{ platform: 'instagram', handle: 'nour.dz', followers: 18400 }];
	const statements = [
		env.DB.prepare('UPDATE creators SET display_name = coalesce(?2, display_name), wilaya = ?3, niches = ?4, followers_total = ?5 WHERE id = ?1').bind(
			creatorId,
			p.displayName ?? null,
			p.wilaya ?? '09',
			JSON.stringify(p.niches ?? ['beauty']),
			accounts.reduce((s, a) => s + a.followers, 0)
		),
		env.DB.prepare('DELETE FROM creator_accounts WHERE creator_id = ?1').bind(creatorId),
		...accounts.map((a) => env.DB.prepare('INSERT INTO creator_accounts (creator_id, platform, handle, followers) VALUES (?1, ?2, ?3, ?4)').bind(creatorId, a.platform, a.handle, a.followers))
	];
	if (p.features) {
		statements.push(
			env.DB.prepare(
				`INSERT INTO creator_features (creator_id, computed_at, engagement_by_format, sponsored_share, comment_mix, posts_last_90d)
				 VALUES (?1, ?2, ?3, ?4, ?5, 12)
				 ON CONFLICT (creator_id) DO UPDATE SET computed_at = excluded.computed_at, engagement_by_format = excluded.engagement_by_format,
				   sponsored_share = excluded.sponsored_share, comment_mix = excluded.comment_mix, posts_last_90d = excluded.posts_last_90d`
			).bind(creatorId, Date.now(), JSON.stringify(p.features.engagementByFormat), p.features.sponsoredShare ?? 0.1, JSON.stringify(p.features.commentMix))
		);
	}
	await env.DB.batch(statements);
}

interface MeBody {
	user: { id: string; email: string; name: string };
	brand: { id: string; name: string } | null;
	creator: { id: string; handle: string } | null;
}

/** A signed-up brand with its brand id. */
export async function brandAccount(name = 'Boutique Yasmine') {
	const s = await signUp({ role: 'brand', name });
	const me = (await (await s.client.call('/me')).json()) as MeBody;
	return { ...s, brandId: me.brand!.id };
}

/** A signed-up creator with a filled profile. */
export async function creatorAccount(env: { DB: D1Database }, name = 'Nour Beauty', profile: CreatorProfileFixture = {}) {
	const s = await signUp({ role: 'creator', name });
	const me = (await (await s.client.call('/me')).json()) as MeBody;
	await setCreatorProfile(env, me.creator!.id, profile);
	return { ...s, creatorId: me.creator!.id, handle: me.creator!.handle };
}

export { Client };
