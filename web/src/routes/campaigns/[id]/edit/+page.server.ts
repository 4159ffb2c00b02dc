import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson } from '$lib/server/api';
import { requireMe } from '$lib/server/form';
import { bodyFromValues, campaignFormProblem, type FormBlank, isObjective, valuesFromCampaign, valuesFromForm, withTemplate } from '$lib/server/campaign-form';
import { translator } from '$lib/server/i18n';
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

const noBlanks: FormBlank[] = [];

export const actions: Actions = {
	save: async ({ request, fetch, params }) => {
		const values = valuesFromForm(await request.formData());
		const res = await apiJson<{ campaign: Campaign; warnings: CampaignWarning[]; redated?: number }>(fetch, `/campaigns/${encodeURIComponent(params.id)}`, 'PATCH', bodyFromValues(values, 'edit'));
		if (!res.ok) {
			if (res.status === 404) error(404, res.problem.detail);
			// An open campaign refused for a […] blank names it next to its field, like publishing does.
			const { errors, detail, blanks } = campaignFormProblem(res.problem);
			return fail(res.status, { values, errors, detail, templateApplied: false, blanks });
		}
		const warn = res.data.warnings.some((w) => w.code === 'looks_like_centimes') ? '&warn=centimes' : '';
		const redated = res.data.redated ? '&redated=1' : '';
		redirect(303, `/campaigns/${res.data.campaign.id}?saved=1${warn}${redated}`);
	},
	/** "Enregistrer et publier" (drafts): saves, then publishes; a refusal comes back on the form, next to the fields. */
	publish: async ({ request, fetch, params, locals }) => {
		const values = valuesFromForm(await request.formData());
		const id = encodeURIComponent(params.id);
		const saved = await apiJson<{ campaign: Campaign }>(fetch, `/campaigns/${id}`, 'PATCH', bodyFromValues(values, 'edit'));
		if (!saved.ok) {
			if (saved.status === 404) error(404, saved.problem.detail);
			const { errors, detail, blanks } = campaignFormProblem(saved.problem);
			return fail(saved.status, { values, errors, detail, templateApplied: false, blanks });
		}
		const res = await apiJson(fetch, `/campaigns/${id}/publish`, 'POST');
		// A retried click finds it already published: that is success.
		if (res.ok || res.problem.code === 'already_published') redirect(303, `/campaigns/${params.id}?published=1`);
		if (res.status === 404) error(404, res.problem.detail);
		const { errors, detail, blanks } = campaignFormProblem(res.problem);
		const t = translator(locals.locale);
		return fail(res.status, { values, errors, detail: [t('form.campaign.notPublished'), detail].filter(Boolean).join(' '), templateApplied: false, blanks });
	},
	template: async ({ request, fetch, locals }) => {
		const data = await request.formData();
		const values = valuesFromForm(data);
		const objective = String(data.get('templateObjective') ?? values.objective);
		const templates = await loadTemplates(fetch, locals.locale);
		const tpl = isObjective(objective) ? templates[objective] : undefined;
		return { values: tpl ? withTemplate(values, tpl) : values, errors: {} as Record<string, string>, detail: '', templateApplied: Boolean(tpl), blanks: noBlanks };
	}
};
