import { fail } from '@sveltejs/kit';
import { apiJson, type Problem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { bodyFromValues, fieldIdFor, valuesFromForm, valuesFromProfile, type CreatorProfile } from '$lib/creator-profile';
import type { Actions, PageServerLoad } from './$types';

export interface Wilaya {
	code: string;
	name: string;
}

interface Warning {
	path: string;
	code: string;
	message: string;
}

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') return { me, profile: null, values: null, wilayas: [] as Wilaya[] };
	const [profile, wilayas] = await Promise.all([apiJson<{ creator: CreatorProfile }>(fetch, '/creators/me', 'GET'), apiJson<{ wilayas: Wilaya[] }>(fetch, `/wilayas?lang=${locals.locale}`, 'GET')]);
	if (!profile.ok) {
		throw new Error(`profile load failed: ${profile.status}`);
	}
	return { me, profile: profile.data.creator, values: valuesFromProfile(profile.data.creator), wilayas: wilayas.ok ? wilayas.data.wilayas : [] };
};

/** Field errors keyed by form input id; a message the form cannot place goes to the detail. */
function placeErrors(problem: Problem, accounts: ReturnType<typeof bodyFromValues>['accounts'], wilayaRows: ReturnType<typeof bodyFromValues>['wilayaRows']) {
	const errors: Record<string, string> = {};
	for (const e of problem.errors ?? []) {
		const id = fieldIdFor(e.path, accounts, wilayaRows);
		errors[id] ??= e.message;
	}
	return { errors, detail: Object.values(errors).includes(problem.detail) ? '' : problem.detail };
}

export const actions: Actions = {
	default: async ({ request, fetch }) => {
		const values = valuesFromForm(await request.formData());
		const { body, accounts, wilayaRows } = bodyFromValues(values);
		const res = await apiJson<{ creator: CreatorProfile; warnings: Warning[] }>(fetch, '/creators/me', 'PUT', body);
		if (!res.ok) {
			return fail(res.status, { values, ...placeErrors(res.problem, accounts, wilayaRows) });
		}
		const warnings: Record<string, string> = {};
		for (const w of res.data.warnings) warnings[fieldIdFor(w.path, accounts, wilayaRows)] = w.message;
		return { saved: true as const, warnings };
	}
};
