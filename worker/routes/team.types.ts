/** Schemas of the team routes (invitations, memberships). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { AccountName, Email } from './accounts.types';

export const InviteBody = v.strictObject({ email: Email });

/** Same rules as the brand name given at sign-up. */
export const CreateBrandBody = v.strictObject({ name: AccountName });

export const SwitchBrandBody = v.strictObject({
	brandId: v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(64, 'invalid_type'), v.description('A brand the caller belongs to (from GET /me/brands).'))
});

export const PreviewQuery = v.object({
	email: v.optional(v.pipe(v.string(), v.maxLength(320, 'email_invalid'), v.description('The address the invitation was sent to (from the invitation link).')), '')
});

const Role = v.picklist(['owner', 'member']);
const Iso = v.pipe(v.string(), v.description('ISO 8601 time.'));

export const BrandOut = v.object({
	id: v.string(),
	name: v.string(),
	role: v.pipe(Role, v.description('The caller’s role in it.'))
});

export const MembershipOut = v.object({
	id: v.string(),
	name: v.string(),
	role: Role,
	current: v.pipe(v.boolean(), v.description('The brand the caller works in: what they create belongs to it.')),
	joinedAt: Iso
});

export const MyBrandsResponse = v.object({ brands: v.array(MembershipOut) });

export const CurrentBrandResponse = v.object({
	brand: v.pipe(v.nullable(BrandOut), v.description('The brand the caller now works in (null: none left).'))
});

export const MyInvitationsResponse = v.object({
	invitations: v.array(
		v.object({
			id: v.string(),
			brandName: v.string(),
			inviterName: v.string(),
			createdAt: Iso,
			expiresAt: Iso
		})
	),
	memberships: v.pipe(v.array(MembershipOut), v.description('The brands the caller already belongs to, so joining can be explained first.'))
});

export const AnswerResponse = v.object({
	invitation: v.object({ id: v.string(), status: v.picklist(['accepted', 'declined']), brandName: v.string() }),
	brand: v.pipe(v.nullable(BrandOut), v.description('After accepting: the joined brand, now the current one.'))
});

export const PreviewResponse = v.object({
	invitation: v.object({ id: v.string(), brandName: v.string(), inviterName: v.string(), expiresAt: Iso })
});

export const InviteResponse = v.object({
	invitation: v.object({ id: v.string(), email: v.string(), brandId: v.string(), expiresAt: Iso })
});

export const TeamResponse = v.object({
	brand: BrandOut,
	members: v.array(v.object({ id: v.string(), name: v.string(), email: v.string(), role: Role, joinedAt: Iso })),
	invitations: v.array(
		v.object({
			id: v.string(),
			email: v.string(),
			status: v.pipe(v.picklist(['pending', 'declined', 'expired']), v.description('Declined and expired ones stay listed for 30 days.')),
			createdAt: Iso,
			expiresAt: Iso,
			declinedAt: v.nullable(Iso)
		})
	)
});

/** PUT /brands/me/contact: the brand's WhatsApp Business number, as people type it (0550 12 34 56, +213 550…); null or "" removes it. */
export const BrandContactBody = v.strictObject({
	whatsappPhone: v.pipe(
		v.nullable(v.pipe(v.string('brand_whatsapp_invalid'), v.maxLength(30, 'brand_whatsapp_invalid'))),
		v.description('An Algerian number; stored E.164 (+213XXXXXXXXX). Tracked links open a WhatsApp chat with it, the keyword prefilled.')
	)
});

export const BrandContactResponse = v.object({
	contact: v.object({
		whatsappPhone: v.pipe(v.nullable(v.string()), v.description('E.164, or null.')),
		canEdit: v.pipe(v.boolean(), v.description('Whether the caller (the owner) may change it.'))
	}),
	warnings: v.optional(v.array(v.object({ path: v.string(), code: v.literal('unusual_prefix'), message: v.string() })))
});
