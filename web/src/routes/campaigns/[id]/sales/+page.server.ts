import { error, fail } from '@sveltejs/kit';
import { apiJson, formProblem, type Problem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export interface SalesDesk {
	campaign: { id: string; title: string };
	creators: {
		id: string;
		displayName: string;
		handle: string;
		promoCode: string | null;
		keyword: string | null;
		link: string | null;
		live: boolean;
		intentions: Record<'asked' | 'whatsapp' | 'dm', { today: number; total: number }>;
	}[];
	orders: { id: string; orderRef: string; ref: string; channel: string; amountDzd: number; at: string; deliveryStatus: string; attributedBy: string | null; creatorName: string | null }[];
	total: number;
	page: number;
	pageSize: number;
}

interface Imported {
	preview: boolean;
	imported: number;
	updated: number;
	duplicates: number;
	unattributed: number;
	rows: { orderRef: string; result: string; creator: string | null; attributedBy: string | null; deliveryStatus: string; amountDzd: number }[];
	rejected: { line: number; column: string; message: string }[];
}

/** The largest CSV the page sends on (the API's own limit). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const res = await apiJson<SalesDesk>(fetch, `/campaigns/${encodeURIComponent(params.id)}/sales?page=${page}`, 'GET');
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return res.data;
};

/** Row errors of a refused CSV (422 problem) as the page lists them. */
const rowsOf = (problem: Problem) => ((problem.errors ?? []) as unknown as { line: number; column: string; message: string }[]).map((e) => ({ line: e.line, column: e.column, message: e.message }));

async function sendCsv(fetch: typeof globalThis.fetch, id: string, text: string, query: string) {
	const res = await fetch(`/api/v1/campaigns/${encodeURIComponent(id)}/conversions${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: text });
	if (res.ok) return { ok: true as const, data: (await res.json()) as Imported };
	const problem = (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
	return { ok: false as const, status: res.status, problem };
}

export const actions: Actions = {
	/** One tap: an intention for a creator. */
	tap: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const creatorId = formString(data, 'creatorId', 64);
		const kind = formString(data, 'kind', 16);
		const res = await apiJson(fetch, `/campaigns/${encodeURIComponent(params.id)}/intentions`, 'POST', { creatorId, kind });
		if (!res.ok) return fail(res.status, { tap: { creatorId, ...formProblem(res.problem) } });
		return { tap: { done: true as const, creatorId } };
	},
	/** The staff's order form: source, creator, amount (and what else they know). */
	order: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const values = {
			source: formString(data, 'source', 16),
			creatorId: formString(data, 'creatorId', 64),
			ref: formString(data, 'ref', 80),
			amountDzd: formString(data, 'amountDzd', 16),
			channel: formString(data, 'channel', 16),
			orderRef: formString(data, 'orderRef', 80),
			deliveryStatus: formString(data, 'deliveryStatus', 16)
		};
		const amount = values.amountDzd.replace(/[\s\u00a0\u202f]/g, '');
		const res = await apiJson<{ result: 'insert' | 'update' | 'duplicate' }>(fetch, `/campaigns/${encodeURIComponent(params.id)}/conversions`, 'POST', {
			source: values.source || null,
			creatorId: values.creatorId || null,
			ref: values.ref,
			amountDzd: /^\d+$/.test(amount) ? Number(amount) : values.amountDzd,
			channel: values.channel,
			orderRef: values.orderRef || null,
			deliveryStatus: values.deliveryStatus || 'delivered'
		});
		if (!res.ok) return fail(res.status, { order: { values, ...formProblem(res.problem) } });
		return { order: { done: res.data.result } };
	},
	/** The orders CSV: a preview first (nothing written), then the import of the same text. */
	csv: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const step = formString(data, 'step', 16);
		const file = data.get('file');
		const text = file instanceof File && file.size > 0 ? (file.size > MAX_CSV_BYTES ? null : await file.text()) : String(data.get('csv') ?? '');
		if (text === null) return fail(413, { csv: { step: 'preview', text: '', detail: '', tooLarge: true } });
		const query = step === 'import' ? '' : step === 'importValid' ? '?importValid=1' : '?mode=preview';
		const res = await sendCsv(fetch, params.id, text, query);
		if (!res.ok) return fail(res.status, { csv: { step, text, detail: res.problem.detail, rows: rowsOf(res.problem) } });
		return { csv: { step, text: res.data.preview ? text : '', result: res.data } };
	}
};
