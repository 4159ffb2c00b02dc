/**
 * Who is asking, as a party: the creator profile of a creator user, or the brand a brand
 * user works in (`currentBrand`). The one lookup behind every access decision by party
 * (agreements, applications, campaigns, creators, matching).
 */
import { type CallerContext, type ServiceContext, remembered } from '../context';
import { AppError } from '../errors';
import type { Party } from '../domain/signing';
import { currentBrand, type Membership, noBrandError } from './accounts';

export type Viewer = { side: 'creator'; userId: string; creatorId: string } | { side: 'brand'; userId: string; brandId: string; brandName: string };

/** The creator profile id of a user; null when they have none. */
export function creatorIdOf(ctx: ServiceContext, userId: string): Promise<string | null> {
	return remembered(ctx, `creator:${userId}`, async () => {
		const row = await ctx.db.prepare('SELECT id FROM creators WHERE user_id = ?1').bind(userId).first<{ id: string }>();
		return row?.id ?? null;
	});
}

/** The caller's own creator profile id (a creator user always has one, made at sign-up); 404 otherwise. */
export async function ownCreatorId(ctx: CallerContext): Promise<string> {
	const id = await creatorIdOf(ctx, ctx.user.id);
	if (id === null) throw new AppError('not_found');
	return id;
}

/** The brand the caller (a brand user) acts for; 403 `detail_no_brand` when they belong to none. */
export async function actingBrand(ctx: CallerContext): Promise<Membership> {
	const brand = await currentBrand(ctx, ctx.user.id);
	if (!brand) throw noBrandError();
	return brand;
}

/** The caller as a possible party: their creator profile or the brand they act for (null: neither). */
export async function viewerOf(ctx: CallerContext): Promise<Viewer | null> {
	const { user } = ctx;
	if (user.role === 'creator') {
		const creatorId = await creatorIdOf(ctx, user.id);
		return creatorId === null ? null : { side: 'creator', userId: user.id, creatorId };
	}
	if (user.role === 'brand') {
		const brand = await currentBrand(ctx, user.id);
		return brand ? { side: 'brand', userId: user.id, brandId: brand.id, brandName: brand.name } : null;
	}
	return null;
}

/** The viewer's party in something a brand and a creator share (an application, an agreement); null when it is not theirs. */
export function partyOf(viewer: Viewer, owners: { brandId: string; creatorId: string }): Party | null {
	if (viewer.side === 'brand') return owners.brandId === viewer.brandId ? 'brand' : null;
	return owners.creatorId === viewer.creatorId ? 'creator' : null;
}
