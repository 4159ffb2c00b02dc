/**
 * Campaign invitations (issue 14, point 6): from its matches, a brand invites a creator to
 * apply to one of its open campaigns. The invitation, the creator's in-app notification and
 * the email are written in one D1 batch, the last two only if the invitation row was; one
 * invitation per (campaign, creator), so inviting again answers the first one.
 */
import type { CallerContext } from '../context';
import { AppError } from '../errors';
import { iso } from '../domain/dates';
import { isMailAddress } from '../domain/mail';
import { LIMITS } from '../domain/rate-limit-rules';
import { campaignInvitationEmail } from './campaign-invitation-emails';
import { ownCampaign } from './campaigns';
import { notifyUserStatement, type CampaignInvitationPayload } from './notifications';
import { queueEmailStatement } from './outbox';
import { consume, refund } from './rate-limit';

interface InvitationRow {
	id: string;
	campaign_id: string;
	creator_id: string;
	created_at: number;
}

const serialize = (r: InvitationRow) => ({ id: r.id, campaignId: r.campaign_id, creatorId: r.creator_id, invitedAt: iso(r.created_at) });

async function findInvitation(db: D1Database, campaignId: string, creatorId: string) {
	return db.prepare('SELECT id, campaign_id, creator_id, created_at FROM campaign_invitations WHERE campaign_id = ?1 AND creator_id = ?2').bind(campaignId, creatorId).first<InvitationRow>();
}

/**
 * Invites a creator to apply to one of the caller's campaigns. Another brand's campaign or an
 * unknown creator: 404. Already invited: the existing invitation, `created: false` (a retry is
 * a success). A campaign that is not open: 409. Each new invitation counts against the
 * brand's daily cap before anything is written (429 once spent; a request that turns out to
 * create nothing gives its count back).
 */
export async function inviteCreator(ctx: CallerContext, input: { campaignId: string; creatorId: string }) {
	const { db, now, origin, user } = ctx;
	const campaign = await ownCampaign(ctx, input.campaignId);
	const creator = await db
		.prepare('SELECT cr.id, u.id AS user_id, u.email, u.locale FROM creators cr JOIN users u ON u.id = cr.user_id WHERE cr.id = ?1')
		.bind(input.creatorId)
		.first<{ id: string; user_id: string; email: string; locale: 'fr' | 'ar' | 'en' }>();
	if (!creator) throw new AppError('not_found');
	const existing = await findInvitation(db, campaign.id, creator.id);
	if (existing) return { invitation: serialize(existing), created: false };
	if (campaign.status !== 'open') throw new AppError('invalid_state', { detailKey: 'invitation_campaign_not_open' });

	await consume(ctx, LIMITS.campaignInvitationsBrand, campaign.brand_id);
	const id = crypto.randomUUID();
	const payload: CampaignInvitationPayload = { invitationId: id, campaignId: campaign.id, campaignTitle: campaign.title, brandName: campaign.brand_name };
	const written = { sql: 'EXISTS (SELECT 1 FROM campaign_invitations WHERE id = ?6)', params: [id] };
	const statements = [
		db
			.prepare(
				`INSERT INTO campaign_invitations (id, campaign_id, creator_id, brand_id, invited_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
				 ON CONFLICT (campaign_id, creator_id) DO NOTHING`
			)
			.bind(id, campaign.id, creator.id, campaign.brand_id, user.id, now),
		notifyUserStatement(db, creator.user_id, 'campaign_invitation', payload, now, written)
	];
	// An erased account keeps no address to write to.
	if (isMailAddress(creator.email)) {
		const mail = campaignInvitationEmail(creator.locale, { to: creator.email, brand: campaign.brand_name, campaign: campaign.title, link: `${origin}/campaigns/${campaign.id}` });
		statements.push(queueEmailStatement(db, mail, now, written));
	}
	const [insert] = await db.batch(statements);
	if (insert.meta.changes !== 1) {
		// Invited concurrently by another request: that one counted.
		await refund(ctx, LIMITS.campaignInvitationsBrand, campaign.brand_id);
		const row = await findInvitation(db, campaign.id, creator.id);
		return { invitation: serialize(row!), created: false };
	}
	return { invitation: { id, campaignId: campaign.id, creatorId: creator.id, invitedAt: iso(now) }, created: true };
}

/** When each of these creators was invited to this campaign (ISO), for the matches page. */
export async function invitedAtByCreator(db: D1Database, campaignId: string, creatorIds: readonly string[]): Promise<Map<string, string>> {
	if (creatorIds.length === 0) return new Map();
	const { results } = await db
		.prepare('SELECT creator_id, created_at FROM campaign_invitations WHERE campaign_id = ?1 AND creator_id IN (SELECT value FROM json_each(?2))')
		.bind(campaignId, JSON.stringify(creatorIds))
		.all<{ creator_id: string; created_at: number }>();
	return new Map(results.map((r) => [r.creator_id, iso(r.created_at)]));
}

/** When the creator was invited to each campaign that invited them (ISO), for the feed. */
export async function invitedAtByCampaign(db: D1Database, creatorId: string): Promise<Map<string, string>> {
	const { results } = await db.prepare('SELECT campaign_id, created_at FROM campaign_invitations WHERE creator_id = ?1').bind(creatorId).all<{ campaign_id: string; created_at: number }>();
	return new Map(results.map((r) => [r.campaign_id, iso(r.created_at)]));
}
