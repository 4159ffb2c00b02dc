import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { PageServerLoad } from './$types';

export interface Notification {
	id: string;
	kind:
		| 'application_received'
		| 'application_shortlisted'
		| 'application_accepted'
		| 'application_declined'
		| 'message_received'
		| 'team_invitation_received'
		| 'team_invitation_accepted'
		| 'team_invitation_declined'
		| 'team_member_left';
	/** Application kinds carry the application and campaign; team kinds the brand, the invitation and who. */
	payload: {
		applicationId?: string;
		campaignId?: string;
		campaignTitle?: string;
		brandName?: string;
		creatorName?: string;
		reason?: string;
		excerpt?: string;
		invitationId?: string;
		inviterName?: string;
		memberName?: string;
	};
	createdAt: string;
	readAt: string | null;
}

interface List {
	notifications: Notification[];
	unread: number;
	page: number;
	pageSize: number;
	total: number;
}

/** Lists the page and marks what it shows as read (the list keeps showing which were new). */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	requireMe(locals, '/notifications');
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const res = await apiJson<List>(fetch, `/notifications?page=${page}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	const fresh = res.data.notifications.filter((n) => n.readAt === null).map((n) => n.id);
	let unread = res.data.unread;
	if (fresh.length > 0) {
		const marked = await apiJson<{ unread: number }>(fetch, '/notifications/read', 'POST', { ids: fresh });
		if (marked.ok) unread = marked.data.unread;
	}
	return { ...res.data, unread };
};
