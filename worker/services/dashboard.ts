/**
 * GET /me/dashboard: everything the dashboard page shows, read in one request. The page used
 * to make a sub-request per card (invitations, team, campaigns, deliverables; applications,
 * deliverables, checklist), each going through the API's middleware and session lookup again:
 * over 10 ms of CPU per page view (issue 15, point 4). Each card is what its own route answers;
 * a card whose service refuses (a creator without a profile has no checklist) is null, so one
 * card never blanks the page.
 */
import type { CallerContext } from '../context';
import { batchingDatabase } from '../d1-batching';
import { AppError } from '../errors';
import { listMyApplications } from './applications';
import { listBrandCampaigns } from './campaigns';
import { getCreatorChecklist } from './creator-checklist';
import { myDeliverables } from './deliverables';
import { listMyInvitations, listTeam } from './team';

/** Campaigns on the brand's card: the latest few. */
export const DASHBOARD_CAMPAIGNS = 4;

/** The card, or null when its service refuses the caller (an AppError); anything else still fails the request. */
async function card<T>(read: Promise<T>): Promise<T | null> {
	try {
		return await read;
	} catch (err) {
		if (err instanceof AppError) return null;
		throw err;
	}
}

/** The caller's dashboard: a brand member's invitations, team, latest campaigns and due deliverables; a creator's applications, due deliverables and checklist. */
export async function loadDashboard(caller: CallerContext) {
	// Read-only: the cards share one lookup of the caller's brands (or creator id) instead of one
	// each, and the reads they make side by side go to D1 together (worker/d1-batching.ts).
	const ctx: CallerContext = { ...caller, memo: new Map(), db: batchingDatabase(caller.db) };
	const { user } = ctx;
	const empty = { role: user.role, invitations: null, team: null, campaigns: null, applications: null, due: null, checklist: null };
	if (user.role === 'creator') {
		const [applications, due, checklist] = await Promise.all([card(listMyApplications(ctx, { page: 1 })), card(myDeliverables(ctx, { status: 'open', page: 1 })), card(getCreatorChecklist(ctx))]);
		return { ...empty, applications, due, checklist };
	}
	if (user.role !== 'brand') return empty;
	const invitations = await card(listMyInvitations(ctx));
	// A brand account without a brand (after leaving a team) is offered to create one: nothing else to read.
	if (!invitations?.memberships.some((m) => m.current)) return { ...empty, invitations };
	const [team, campaigns, due] = await Promise.all([
		card(listTeam(ctx)),
		card(listBrandCampaigns(ctx, { page: 1, limit: DASHBOARD_CAMPAIGNS })),
		card(myDeliverables(ctx, { status: 'open', page: 1 }))
	]);
	return { ...empty, invitations, team, campaigns, due };
}
