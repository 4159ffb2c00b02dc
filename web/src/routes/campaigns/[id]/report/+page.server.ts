import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { PageServerLoad } from './$types';

type Num = number | null;
export interface Attention {
	views: number;
	reach: number;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	reported: number;
	deliverables: number;
}
export interface Intention {
	clicks: number;
	storyReplies: number;
	whatsapp: number;
	dms: number;
	asked: number;
	conversations: number;
}
export interface Conversion {
	orders: number;
	revenueDzd: number;
	averageBasketDzd: Num;
	codeUses: number;
	returned: number;
	pending: number;
	returnRate: Num;
}
export interface Costs {
	feeDzd: number;
	costPerClickDzd: Num;
	costPerConversationDzd: Num;
	costPerOrderDzd: Num;
	revenueOverFee: Num;
}
export interface CampaignReport {
	campaign: { id: string; title: string };
	totals: { attention: Attention; intention: Intention; conversion: Conversion; costs: Costs; unattributedOrders: number };
	creators: {
		creatorId: string;
		displayName: string;
		handle: string;
		attention: Attention;
		intention: Intention;
		conversion: Conversion;
		costs: Costs;
		recommendation: { keep: boolean; reasons: { key: string; message: string }[] };
		offerWindow: { startsAt: string; endsAt: string; note: string } | null;
	}[];
	formats: { format: string; attention: Attention }[];
}

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<CampaignReport>(fetch, `/campaigns/${encodeURIComponent(params.id)}/report`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return res.data;
};
