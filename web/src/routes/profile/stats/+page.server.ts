import { fail } from '@sveltejs/kit';
import { apiJson, type Problem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import type { CreatorFeaturesOut } from '$lib/creator-profile';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 10;

export interface StatsPost {
	id: string;
	platform: string;
	ref: string;
	format: string;
	postedAt: string;
	views: number;
	reach: number | null;
	likes: number;
	comments: number;
	saves: number;
	shares: number;
	sponsored: boolean;
}

export interface PreviewRow {
	line: number;
	platform: string;
	ref: string;
	format: string;
	postedAt: string;
	views: number;
	reach: number | null;
	likes: number;
	comments: number;
	sponsored: boolean;
}

export interface FollowerPreviewRow {
	line: number;
	platform: string;
	date: string;
	followers: number;
}

/** Which kind of CSV the creator sends: post metrics or follower history. */
type CsvKind = 'posts' | 'followers';
const csvKind = (data: FormData): CsvKind => (data.get('kind') === 'followers' ? 'followers' : 'posts');
const csvEndpoint = (kind: CsvKind) => `/api/v1/creators/me/${kind}`;

export interface RowError {
	line: number;
	column: string;
	message: string;
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') return { me, creator: null, stats: null, screenshots: [], page: 1, pages: 1 };
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const [profile, stats, shots] = await Promise.all([
		apiJson<{ creator: { features: CreatorFeaturesOut | null; mediaKitUrl: string } }>(fetch, '/creators/me', 'GET'),
		apiJson<{ posts: StatsPost[]; total: number }>(fetch, `/creators/me/stats?page=${page}&limit=${PAGE_SIZE}`, 'GET'),
		apiJson<{ screenshots: { id: string; note: string; createdAt: string; size: number }[] }>(fetch, '/creators/me/screenshots', 'GET')
	]);
	if (!profile.ok || !stats.ok) {
		throw new Error('stats load failed');
	}
	return {
		me,
		creator: profile.data.creator,
		stats: stats.data,
		screenshots: shots.ok ? shots.data.screenshots : [],
		page,
		pages: Math.max(1, Math.ceil(stats.data.total / PAGE_SIZE))
	};
};

/** Problem → errors keyed by form input id (prefix + field name), detail when no field says it. */
function placed(problem: Problem, prefix: string) {
	const errors: Record<string, string> = {};
	for (const e of problem.errors ?? []) {
		const field = e.path.split('.').pop() || 'form';
		errors[`${prefix}-${field}`] ??= e.message;
	}
	return { errors, detail: Object.values(errors).includes(problem.detail) ? '' : problem.detail };
}

async function problemOf(res: Response): Promise<Problem> {
	return (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
}

const count = (raw: string) => {
	const s = raw.replace(/[\s\u00a0\u202f]/g, '');
	return /^\d{1,12}$/.test(s) ? Number(s) : raw;
};

/** Reads the CSV either from the uploaded file (first check) or from the carried text (import). */
async function csvText(data: FormData): Promise<string | null> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) return await file.text();
	const carried = data.get('csv');
	return typeof carried === 'string' && carried !== '' ? carried : null;
}

export const actions: Actions = {
	followers: async (event) => {
		const data = await event.request.formData();
		const values = { platform: formString(data, 'platform', 20), date: formString(data, 'date', 20), followers: formString(data, 'followers', 30) };
		const res = await apiJson(event.fetch, '/creators/me/followers', 'POST', { platform: values.platform, points: [{ date: values.date, followers: count(values.followers) }] });
		if (!res.ok) return fail(res.status, { followers: { values, ...placed(res.problem, 'fol') } });
		return { followers: { done: true as const } };
	},

	post: async (event) => {
		const data = await event.request.formData();
		const values = {
			platform: formString(data, 'platform', 20),
			ref: formString(data, 'ref', 600),
			format: formString(data, 'format', 20),
			postedAt: formString(data, 'postedAt', 30),
			views: formString(data, 'views', 30),
			reach: formString(data, 'reach', 30),
			likes: formString(data, 'likes', 30),
			comments: formString(data, 'comments', 30),
			saves: formString(data, 'saves', 30),
			shares: formString(data, 'shares', 30),
			sponsored: data.get('sponsored') === 'on',
			samples: formString(data, 'samples', 12_000)
		};
		const optional = (raw: string) => (raw.trim() === '' ? undefined : count(raw));
		const res = await apiJson(event.fetch, '/creators/me/posts', 'POST', {
			platform: values.platform,
			posts: [
				{
					ref: values.ref,
					format: values.format,
					postedAt: values.postedAt,
					views: count(values.views),
					reach: optional(values.reach) ?? null,
					likes: count(values.likes),
					comments: count(values.comments),
					saves: optional(values.saves) ?? 0,
					shares: optional(values.shares) ?? 0,
					sponsored: values.sponsored,
					commentSamples: values.samples
						.split(/\r?\n/)
						.map((s) => s.trim())
						.filter(Boolean)
						.slice(0, 20)
				}
			]
		});
		if (!res.ok) return fail(res.status, { post: { values, ...placed(res.problem, 'post') } });
		return { post: { done: true as const } };
	},

	preview: async (event) => {
		const data = await event.request.formData();
		const kind = csvKind(data);
		const csv = await csvText(data);
		if (csv === null) return fail(400, { csv: { kind, errors: { 'csv-file': '' }, missingFile: true, detail: '' } });
		const res = await event.fetch(`${csvEndpoint(kind)}?mode=preview`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: csv });
		if (!res.ok) return fail(res.status, { csv: { kind, errors: {}, missingFile: false, detail: (await problemOf(res)).detail } });
		const preview = (await res.json()) as { total: number; rows: (PreviewRow | FollowerPreviewRow)[]; errors: RowError[] };
		// The rows carried to the import button are the file itself, so nothing is re-typed.
		return { csv: { kind, preview: { total: preview.total, rows: preview.rows.slice(0, 50), validCount: preview.rows.length, errors: preview.errors }, text: csv } };
	},

	import: async (event) => {
		const data = await event.request.formData();
		const kind = csvKind(data);
		const csv = await csvText(data);
		if (csv === null) return fail(400, { csv: { kind, errors: { 'csv-file': '' }, missingFile: true, detail: '' } });
		const valid = data.get('importValid') === '1' ? '?importValid=1' : '';
		const res = await event.fetch(`${csvEndpoint(kind)}${valid}`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: csv });
		if (!res.ok) {
			const problem = await problemOf(res);
			const errors = (problem.errors ?? []) as unknown as RowError[];
			return fail(res.status, { csv: { kind, errors: {}, missingFile: false, detail: problem.detail, rowErrors: errors, text: csv } });
		}
		const out = (await res.json()) as { imported: number; rejected: RowError[] };
		return { csv: { kind, imported: out.imported, rejected: out.rejected } };
	},

	screenshot: async (event) => {
		const data = await event.request.formData();
		const note = formString(data, 'note', 300);
		const file = data.get('file');
		const body = new FormData();
		if (file instanceof File && file.size > 0) body.append('file', file, file.name);
		body.append('note', note);
		const res = await event.fetch('/api/v1/creators/me/screenshots', { method: 'POST', body });
		if (!res.ok) {
			const problem = await problemOf(res);
			const errors = placed(problem, 'shot').errors;
			// Type and size refusals are about the file.
			if (Object.keys(errors).length === 0) errors['shot-file'] = problem.detail;
			return fail(res.status, { screenshot: { values: { note }, errors, detail: '' } });
		}
		return { screenshot: { done: true as const } };
	}
};
