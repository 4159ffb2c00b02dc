import { error } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import type { PageServerLoad } from './$types';

import type { Attention, Conversion, Costs, Intention } from '$worker/domain/campaign-report';

export type { Attention, Conversion, Costs, Intention };

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
	journal: {
		bucketHours: number;
		buckets: { at: string; clicks: number; conversations: number; orders: number }[];
		publications: { at: string; creatorId: string; format: string }[];
	};
}

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const res = await apiJson<CampaignReport>(fetch, `/campaigns/${encodeURIComponent(params.id)}/report`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return res.data;
};
