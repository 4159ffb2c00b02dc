/** The dashboard's one read (GET /me/dashboard): each card as its own route answers it. */
import * as v from 'valibot';
import { CampaignListResponse } from './campaigns.types';
import { ChecklistOut } from './creator-checklist.types';
import { DueListResponse } from './deliverable-timelines.types';
import { MyInvitationsResponse, TeamResponse } from './team.types';

const card = <S extends v.GenericSchema>(schema: S, d: string) => v.pipe(v.nullable(schema), v.description(d));

export const DashboardResponse = v.object({
	role: v.picklist(['brand', 'creator', 'admin']),
	invitations: card(MyInvitationsResponse, 'Brand accounts: as GET /me/invitations. Null for others.'),
	team: card(TeamResponse, 'Brand members: as GET /brands/me/team. Null for others, and for a brand account without a brand.'),
	campaigns: card(CampaignListResponse, 'Brand members: the 4 latest campaigns, as GET /campaigns?limit=4.'),
	applications: card(
		v.object({ applications: v.array(v.looseObject({ id: v.string() })), total: v.number(), page: v.number(), pageSize: v.number() }),
		'Creators: the first page of GET /me/applications.'
	),
	due: card(DueListResponse, 'Creators and brand members: what is due, as GET /me/deliverables.'),
	checklist: card(ChecklistOut, 'Creators: as GET /me/checklist (null without a creator profile).')
});
