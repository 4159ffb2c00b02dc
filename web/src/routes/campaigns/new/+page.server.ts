import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { bodyFromValues, emptyValues, formFieldErrors, isObjective, valuesFromForm, withTemplate } from '$lib/server/campaign-form';
import { loadTemplates, loadWilayaChoices } from '$lib/server/campaign-pages';
import type { Campaign, CampaignWarning } from '$lib/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(403, 'forbidden');
	const [wilayas, templates] = await Promise.all([loadWilayaChoices(fetch, locals.locale), loadTemplates(fetch, locals.locale)]);
	return { wilayas, templates, initial: emptyValues() };
};

export const actions: Actions = {
	save: async ({ request, fetch }) => {
		const values = valuesFromForm(await request.formData());
		const res = await apiJson<{ campaign: Campaign; warnings: CampaignWarning[] }>(fetch, '/campaigns', 'POST', bodyFromValues(values, 'create'));
		if (!res.ok) {
			const { errors, detail } = formProblem(res.problem);
			return fail(res.status, { values, errors: formFieldErrors(errors), detail, templateApplied: false });
		}
		const warn = res.data.warnings.some((w) => w.code === 'looks_like_centimes') ? '&warn=centimes' : '';
		redirect(303, `/campaigns/${res.data.campaign.id}?saved=1${warn}`);
	},
	/** Without JavaScript: the same form again, with the chosen objective's template in the brief. */
	template: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		const values = valuesFromForm(data);
		const objective = String(data.get('templateObjective') ?? values.objective);
		const templates = await loadTemplates(fetch, locals.locale);
		const tpl = isObjective(objective) ? templates[objective] : undefined;
		return { values: tpl ? withTemplate(values, tpl) : values, errors: {} as Record<string, string>, detail: '', templateApplied: Boolean(tpl) };
	}
};
