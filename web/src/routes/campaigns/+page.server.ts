import { error, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { loadWilayas } from '$lib/server/campaign-pages';
import { CAMPAIGN_STATUSES, FORMATS, NICHES, type Campaign, type FeedItem, type FitFilter } from '$lib/campaigns';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 10;

/** Keeps a query value only when it is one of the allowed ones (anything else is ignored, not an error page). */
const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => (value && (allowed as readonly string[]).includes(value) ? (value as T) : '');
const pageOf = (value: string | null) => (value && /^\d{1,5}$/.test(value) && Number(value) >= 1 ? Number(value) : 1);

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	const page = pageOf(url.searchParams.get('page'));

	if (me.user.role === 'brand') {
		const status = oneOf(url.searchParams.get('status'), CAMPAIGN_STATUSES);
		const q = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE) });
		if (status) q.set('status', status);
		const res = await apiJson<{ campaigns: Campaign[]; total: number; page: number; limit: number }>(fetch, `/campaigns?${q}`, 'GET');
		if (!res.ok) error(res.status, res.problem.detail);
		return { view: 'brand' as const, status, list: res.data };
	}

	if (me.user.role === 'creator') {
		const wilayas = await loadWilayas(fetch, locals.locale);
		const filters = {
			niche: oneOf(url.searchParams.get('niche'), NICHES),
			wilaya: oneOf(
				url.searchParams.get('wilaya'),
				wilayas.map((w) => w.code)
			),
			format: oneOf(url.searchParams.get('format'), FORMATS),
			minBudget: (url.searchParams.get('minBudget') ?? '').replace(/[\s\u00a0\u202f]/g, '').match(/^\d{1,9}$/)?.[0] ?? ''
		};
		const q = new URLSearchParams({ page: String(page), limit: String(PAGE_SIZE) });
		for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
		const res = await apiJson<{ campaigns: FeedItem[]; total: number; page: number; limit: number; profileGaps: FitFilter[] }>(fetch, `/campaigns?${q}`, 'GET');
		if (!res.ok) error(res.status, res.problem.detail);
		const filtered = Object.values(filters).some(Boolean);
		return { view: 'creator' as const, filters, filtered, feed: res.data, wilayas };
	}

	redirect(303, '/dashboard');
};
