/**
 * Look-alike creators on D1 (issue 16, point 3): "creators like this one" for a brand (from
 * a match card, a comparison or an applicant) and for admins, scored by
 * worker/domain/look-alikes.ts.
 *
 * The candidates are preselected in SQL, bounded and on indexes, so the route stays cheap
 * at 500 000 creators: creator_niches (niche, wilaya, followers_total) seeked per shared
 * niche × wilaya (the campaign's, or every wilaya) over a follower band around the creator
 * (÷4 to ×4, within the campaign's range), the nearest in followers first, at most
 * LOOK_ALIKE_POOL of them. Opened from a campaign, the campaign's hard filters apply as for
 * its matches: its wilayas, niches and follower range in that seek, a priced requested
 * format in SQL, then campaign-fit.ts `fits` on the rows. Only public profile fields are read
 * (never phone, RIP or legal details; the rates only to check the campaign's formats, never
 * returned).
 */
import type { CallerContext } from '../context';
import type { Locale } from '../env';
import { AppError } from '../errors';
import type { FitCampaign } from '../domain/campaign-fit';
import { benchmarkFor } from '../domain/matching';
import { compareNiches } from '../domain/observed-niches';
import { profileOf, rankLookAlikes, renderLookAlikeReason, type LookAlikeRow } from '../domain/look-alikes';
import { NICHES } from '../domain/taxonomy';
import { findCampaign, ownCampaign, rowFields, type CampaignRow } from './campaigns';
import { wilayaNames } from './matching';
import { LOOK_ALIKE_COLUMNS, LOOK_ALIKE_POOL, seekLookAlikes } from './look-alike-sql';

/** A creator with fewer followers is searched around this many (a band around 0 is empty). */
const BAND_FLOOR = 1000;
/** Captions read for the readable shared words. */
const SURFACE_POSTS = 30;

export interface LookAlikeOptions {
	creatorId: string;
	campaignId?: string;
	locale: Locale;
}

/** The campaign the list is filtered by: a brand's own (another brand's → 404), any for an admin. */
async function filteringCampaign(ctx: CallerContext, campaignId: string): Promise<CampaignRow> {
	if (ctx.user.role === 'admin') {
		const row = await findCampaign(ctx.db, campaignId);
		if (!row) throw new AppError('not_found');
		return row;
	}
	return ownCampaign(ctx, campaignId);
}

/**
 * Up to 10 creators like this one, best first, each with its similarity (0–100), the
 * factors (0–100) and the reason in the viewer's language. Brands and admins; a creator
 * gets 403. Unknown creator → 404.
 */
export async function similarCreators(ctx: CallerContext, opts: LookAlikeOptions) {
	if (ctx.user.role !== 'brand' && ctx.user.role !== 'admin') throw new AppError('forbidden');
	const { db } = ctx;
	const campaignRow = opts.campaignId ? await filteringCampaign(ctx, opts.campaignId) : null;
	const campaign = campaignRow ? { id: campaignRow.id, ...rowFields(campaignRow) } : null;
	const [sourceRow, captions] = await db.batch([
		db.prepare(`SELECT ${LOOK_ALIKE_COLUMNS}, c.bio FROM creators c LEFT JOIN creator_features f ON f.creator_id = c.id WHERE c.id = ?1`).bind(opts.creatorId),
		db.prepare('SELECT caption FROM posts WHERE creator_id = ?1 ORDER BY posted_at DESC LIMIT ?2').bind(opts.creatorId, SURFACE_POSTS)
	]);
	const row = sourceRow.results[0] as (LookAlikeRow & { bio: string }) | undefined;
	if (!row) throw new AppError('not_found');
	const source = profileOf(row);

	// The seek: shared niches (the campaign's when it shares none), wilayas, a follower band.
	let niches: string[] = source.searchable.length > 0 ? source.searchable : [...NICHES];
	if (campaign) {
		const shared = niches.filter((n) => (campaign.niches as string[]).includes(n));
		niches = shared.length > 0 ? shared : campaign.niches;
	}
	const around = Math.max(BAND_FLOOR, row.followers_total);
	const [pool, names] = await Promise.all([
		seekLookAlikes<LookAlikeRow>(
			db,
			{ niches, wilayas: campaign ? campaign.wilayas : null, formats: campaign ? (campaign.formats as string[]) : null, selfId: row.id, around, pool: LOOK_ALIKE_POOL },
			campaign ? [campaign.followerMin, campaign.followerMax] : null
		),
		wilayaNames(db)
	]);

	const fit: FitCampaign | null = campaign ? { ...campaign, formats: campaign.formats as string[] } : null;
	const { list, byId } = rankLookAlikes(row, pool, fit, [row.bio ?? '', ...(captions.results as { caption: string }[]).map((p) => p.caption)]);
	const reasonCtx = { locale: opts.locale, wilayaNames: names };
	const tierOf = (followers: number) => {
		const band = benchmarkFor(followers);
		return { min: band.min, max: Number.isFinite(band.max) ? band.max : null };
	};
	return {
		creator: { id: row.id, displayName: row.display_name, handle: row.handle, mediaKitUrl: `/c/${row.handle}` },
		campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
		creators: list.map((l) => {
			const c = byId.get(l.id)!;
			return {
				creatorId: l.id,
				similarity: l.similarity,
				reason: renderLookAlikeReason(l.reasons, reasonCtx),
				reasonFactors: l.reasons.map((r) => r.factor),
				factors: l.factors,
				displayName: c.row.display_name,
				handle: c.row.handle,
				mediaKitUrl: `/c/${c.row.handle}`,
				wilaya: c.row.wilaya,
				followersTotal: c.row.followers_total,
				tier: tierOf(c.row.followers_total),
				niches: c.declared,
				observedNiches: c.observed,
				effectiveNiches: c.profile.niches,
				nicheCheck: compareNiches(c.declared, c.observed)
			};
		})
	};
}
