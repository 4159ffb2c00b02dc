/**
 * Brand teams: the owner's invitations and team list; the invitee's invitations, answered
 * only by them; the brands a user belongs to, switching, leaving, creating one's own.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import {
	answerInvitation,
	createOwnBrand,
	getBrandContact,
	setBrandContact,
	inviteTeammate,
	leaveBrand,
	listMyBrands,
	listMyInvitations,
	listTeam,
	previewInvitation,
	revokeInvitation,
	switchBrand
} from '../services/team';
import {
	AnswerResponse,
	BrandContactBody,
	BrandContactResponse,
	CreateBrandBody,
	CurrentBrandResponse,
	InviteBody,
	InviteResponse,
	MyBrandsResponse,
	MyInvitationsResponse,
	PreviewQuery,
	PreviewResponse,
	SwitchBrandBody,
	TeamResponse
} from './team.types';
import { t } from '../i18n';

export function teamRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/brands/me/team',
			summary: 'Members of the current brand, and its invitations: pending, and declined or expired in the last 30 days',
			tags: ['brands'],
			auth: 'brand',
			responses: { 200: { description: 'OK', schema: TeamResponse }, 403: { description: 'A brand account without a brand' } }
		},
		async (c, { ctx }) => c.json(await listTeam(ctx))
	);

	route(
		r,
		{
			method: 'post',
			path: '/brands/me/invitations',
			summary: 'Invite a teammate by email (brand owner). Nobody joins until the invitee accepts; inviting a pending address again resends it',
			tags: ['brands'],
			auth: 'brand',
			stepUp: true,
			body: json(InviteBody),
			responses: {
				201: { description: 'Invitation sent to the outbox (and to the invitee’s notifications when they have a brand account)', schema: InviteResponse },
				403: { description: 'Not the owner' },
				409: { description: 'Already a member' }
			}
		},
		async (c, { ctx, body }) => c.json(await inviteTeammate(ctx, { email: body.email }), 201)
	);

	route(
		r,
		{
			method: 'delete',
			path: '/brands/me/invitations/:id',
			summary: 'Withdraw an invitation of the current brand before it is answered (brand owner)',
			tags: ['brands'],
			auth: 'brand',
			stepUp: true,
			params: ById,
			responses: {
				204: { description: 'Withdrawn (also when it already was)' },
				403: { description: 'Not the owner' },
				404: { description: 'No such invitation in this brand' },
				409: { description: 'Already accepted or declined' }
			}
		},
		async (c, { ctx, params }) => {
			await revokeInvitation(ctx, { invitationId: params.id });
			return c.body(null, 204);
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/invitations',
			summary: 'Pending invitations addressed to the caller’s email, and the brands they already belong to',
			tags: ['brands'],
			auth: 'user',
			responses: { 200: { description: 'OK', schema: MyInvitationsResponse }, 403: { description: 'Not a brand account: creators cannot join a brand team' } }
		},
		async (c, { ctx }) => c.json(await listMyInvitations(ctx))
	);

	for (const answer of ['accept', 'decline'] as const) {
		route(
			r,
			{
				method: 'post',
				path: `/invitations/:id/${answer}`,
				summary:
					answer === 'accept'
						? 'Accept an invitation addressed to the caller: they become a member of the brand and work in it from now on; the inviter is notified'
						: 'Decline an invitation addressed to the caller; the inviter is notified',
				tags: ['brands'],
				auth: 'user',
				params: ById,
				responses: {
					200: { description: answer === 'accept' ? 'Joined' : 'Declined', schema: AnswerResponse },
					403: { description: 'Not a brand account: creators cannot join a brand team' },
					404: { description: 'No such invitation for the caller (someone else’s reads the same)' },
					409: {
						description:
							answer === 'accept'
								? '`already_accepted` (a retry: treat as success), or `invalid_state`: declined, withdrawn or expired'
								: '`already_declined` (a retry: treat as success), or `invalid_state`: accepted, withdrawn or expired'
					}
				}
			},
			async (c, { ctx, params }) => c.json(await answerInvitation(ctx, { invitationId: params.id, answer }))
		);
	}

	route(
		r,
		{
			method: 'get',
			path: '/invitations/:id',
			summary: 'A pending invitation as the sign-up page shows it; needs the address it was sent to (both are in the invitation link)',
			tags: ['brands'],
			auth: 'public',
			params: ById,
			query: PreviewQuery,
			responses: { 200: { description: 'OK', schema: PreviewResponse }, 404: { description: 'Unknown, for another address, answered, withdrawn or expired' } }
		},
		async (c, { ctx, params, query }) => c.json(await previewInvitation(ctx, { invitationId: params.id, email: query.email }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/me/brands',
			summary: 'The brands the caller belongs to, with their role and which one they work in',
			tags: ['brands'],
			auth: 'brand',
			responses: { 200: { description: 'OK', schema: MyBrandsResponse } }
		},
		async (c, { ctx }) => c.json(await listMyBrands(ctx))
	);

	route(
		r,
		{
			method: 'put',
			path: '/me/brand',
			summary: 'Switch the brand the caller works in (one they belong to)',
			tags: ['brands'],
			auth: 'brand',
			body: json(SwitchBrandBody),
			responses: { 200: { description: 'Switched', schema: CurrentBrandResponse }, 404: { description: 'Not a member of that brand' } }
		},
		async (c, { ctx, body }) => c.json(await switchBrand(ctx, { brandId: body.brandId }))
	);

	route(
		r,
		{
			method: 'delete',
			path: '/brands/:id/membership',
			summary: 'Leave a brand the caller is a member of; what they created stays with it. Its owner cannot leave it',
			tags: ['brands'],
			auth: 'brand',
			params: ById,
			responses: {
				200: { description: 'Left; the brand the caller now works in', schema: CurrentBrandResponse },
				404: { description: 'Not a member of that brand' },
				409: { description: 'The caller owns this brand' }
			}
		},
		async (c, { ctx, params }) => c.json(await leaveBrand(ctx, { brandId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/brands',
			summary: 'Create the caller’s own brand (when they own none): they own it and work in it',
			tags: ['brands'],
			auth: 'brand',
			body: json(CreateBrandBody),
			responses: { 201: { description: 'Created', schema: CurrentBrandResponse }, 400: { description: 'Invalid name' }, 409: { description: 'The caller already owns a brand' } }
		},
		async (c, { ctx, body }) => c.json(await createOwnBrand(ctx, { name: body.name }), 201)
	);

	route(
		r,
		{
			method: 'get',
			path: '/brands/me/contact',
			summary: 'The WhatsApp Business number of the brand the caller works in (where tracked links open a chat)',
			tags: ['brands'],
			auth: 'brand',
			responses: { 200: { description: 'OK', schema: BrandContactResponse } }
		},
		async (c, { ctx }) => c.json(await getBrandContact(ctx))
	);

	route(
		r,
		{
			method: 'put',
			path: '/brands/me/contact',
			summary: 'Sets or removes the brand’s WhatsApp Business number (owner only); an unusual prefix is saved with a warning',
			tags: ['brands'],
			auth: 'brand',
			body: json(BrandContactBody),
			responses: { 200: { description: 'Saved', schema: BrandContactResponse }, 400: { description: 'Not an Algerian number' }, 403: { description: 'Not the brand’s owner' } }
		},
		async (c, { ctx, body }) => {
			const out = await setBrandContact(ctx, { whatsappPhone: body.whatsappPhone });
			const warnings = out.warning ? [{ path: out.warning.path, code: out.warning.code, message: t(ctx.locale, 'brand_whatsapp_unusual_prefix', { phone: out.warning.phone }) }] : [];
			return c.json({ contact: out.contact, warnings });
		}
	);
}
