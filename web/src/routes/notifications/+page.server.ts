import { error, fail } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { CATEGORIES, type Category } from '$lib/notifications';
import type { Actions, PageServerLoad } from './$types';

export interface Notification {
	id: string;
	kind:
		| 'application_received'
		| 'application_shortlisted'
		| 'application_accepted'
		| 'application_declined'
		| 'applicants_waiting_reminder'
		| 'campaign_invitation'
		| 'message_received'
		| 'agreement_unsigned_reminder'
		| 'agreement_sent'
		| 'agreement_details_needed'
		| 'agreement_signed'
		| 'agreement_completed'
		| 'team_invitation_received'
		| 'team_invitation_accepted'
		| 'team_invitation_declined'
		| 'team_member_left'
		| 'deliverable_update'
		| 'payout_update'
		| 'payout_overdue'
		| 'payout_dispute_waiting'
		| 'deliverable_draft_due'
		| 'deliverable_draft_late'
		| 'deliverable_review_waiting'
		| 'deliverable_publication_due'
		| 'deliverable_publication_late'
		| 'deliverable_stats_due'
		| 'deliverable_stats_late'
		| 'withdrawal_overdue'
		| 'reuse_rights_ending';
	category: Category | null;
	/** Application kinds carry the application and campaign; team kinds the brand, the invitation and who; reminders what they remind of. */
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
		agreementId?: string;
		party?: 'brand' | 'creator';
		otherSigned?: boolean;
		/** Agreement notifications: the version, and who signed (agreement_signed). */
		version?: number;
		signer?: 'brand' | 'creator';
		waiting?: number;
		/** deliverable_update: which piece, what happened, who did it. */
		deliverableId?: string;
		actorName?: string;
		event?: string;
		platform?: string;
		format?: string;
		ordinal?: number;
		/** payout_update: which payout of which instalment, for how much (actorName and event as above). */
		payoutId?: string;
		milestone?: string;
		amountDzd?: number;
		/** Deliverable reminders: the deadline (ISO), the stats window, the withdrawal and who asked for it, the asset. */
		dueAt?: string;
		window?: 'D1' | 'D7';
		withdrawalId?: string;
		requestedBy?: 'brand' | 'creator';
		assetId?: string;
	};
	createdAt: string;
	readAt: string | null;
}

interface List {
	notifications: Notification[];
	unread: number;
	unreadByCategory: Record<Category, number>;
	category: Category | null;
	page: number;
	pageSize: number;
	total: number;
}

/**
 * Lists the page (of one category with ?category=) and marks what it shows as read: the list
 * keeps showing which were new, and the counts say what is still unread elsewhere (other
 * categories, older pages), with a button to mark everything read.
 */
export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	requireMe({ locals, url });
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const asked = url.searchParams.get('category');
	const category = CATEGORIES.find((c) => c === asked) ?? null;
	const query = new URLSearchParams({ page: String(page) });
	// An unknown category goes to the API as it is, which refuses it (400).
	if (asked !== null) query.set('category', category ?? asked);
	const res = await apiJson<List>(fetch, `/notifications?${query}`, 'GET');
	if (!res.ok) error(res.status, res.problem.detail);
	const fresh = res.data.notifications.filter((n) => n.readAt === null);
	let { unread } = res.data;
	const unreadByCategory = { ...res.data.unreadByCategory };
	if (fresh.length > 0) {
		const marked = await apiJson<{ unread: number }>(fetch, '/notifications/read', 'POST', { ids: fresh.map((n) => n.id) });
		if (marked.ok) {
			unread = marked.data.unread;
			for (const n of fresh) if (n.category && unreadByCategory[n.category] > 0) unreadByCategory[n.category] -= 1;
		}
	}
	return { ...res.data, unread, unreadByCategory, fresh: fresh.length };
};

export const actions: Actions = {
	/** Marks every notification of the caller read (also those of other categories and older pages). */
	readAll: async ({ fetch }) => {
		const res = await apiJson<{ unread: number }>(fetch, '/notifications/read', 'POST', {});
		if (!res.ok) {
			return fail(res.status, { readAll: { detail: res.problem.detail } });
		}
		return { readAll: { done: true as const } };
	}
};
