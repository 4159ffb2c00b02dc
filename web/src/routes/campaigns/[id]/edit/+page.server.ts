import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { bodyFromValues, formFieldErrors, isObjective, valuesFromCampaign, valuesFromForm, withTemplate } from '$lib/server/campaign-form';
import { loadTemplates, loadWilayaChoices } from '$lib/server/campaign-pages';
import type { Campaign, CampaignWarning } from '$lib/campaigns';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'brand') error(403, 'forbidden');
	const res = await apiJson<{ campaign: Campaign }>(fetch, `/campaigns/${encodeURIComponent(params.id)}`, 'GET');
	if (!res.ok) error(res.status === 404 ? 404 : 500, res.problem.detail);
	const campaign = res.data.campaign;
	// Only drafts and open campaigns can change; the others show their page instead.
	if (campaign.status !== 'draft' && campaign.status !== 'open') redirect(303, `/campaigns/${campaign.id}`);
	const [wilayas, templates] = await Promise.all([loadWilayaChoices(fetch, locals.locale), loadTemplates(fetch, locals.locale)]);
	return { campaign: { id: campaign.id, title: campaign.title, status: campaign.status }, initial: valuesFromCampaign(campaign), wilayas, templates };
};

export const actions: Actions = {
	save: async ({ request, fetch, params }) => {
		const values = valuesFromForm(await request.formData());
		const res = await apiJson<{ campaign: Campaign; warnings: CampaignWarning[] }>(fetch, `/campaigns/${encodeURIComponent(params.id)}`, 'PATCH', bodyFromValues(values, 'edit'));
		if (!res.ok) {
			if (res.status === 404) error(404, res.problem.detail);
			const { errors, detail } = formProblem(res.problem);
			return fail(res.status, { values, errors: formFieldErrors(errors), detail, templateApplied: false });
		}
		const warn = res.data.warnings.some((w) => w.code === 'looks_like_centimes') ? '&warn=centimes' : '';
		redirect(303, `/campaigns/${res.data.campaign.id}?saved=1${warn}`);
	},
	template: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		const values = valuesFromForm(data);
		const objective = String(data.get('templateObjective') ?? values.objective);
		const templates = await loadTemplates(fetch, locals.locale);
		const tpl = isObjective(objective) ? templates[objective] : undefined;
		return { values: tpl ? withTemplate(values, tpl) : values, errors: {} as Record<string, string>, detail: '', templateApplied: Boolean(tpl) };
	}
};
