import { error, fail, redirect } from '@sveltejs/kit';
import { looksLikeCentimes, PROPOSED_DATES_MAX } from '$worker/domain/application-rules';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { type ApplicationOut, type CampaignSummary, parseDinars } from '$lib/applications';
import type { Actions, PageServerLoad } from './$types';

/** Date inputs shown without JavaScript (the API takes up to PROPOSED_DATES_MAX). */
const DATE_INPUTS = Math.min(3, PROPOSED_DATES_MAX);

interface ForApplicant {
	campaign: CampaignSummary;
	application: ApplicationOut | null;
}

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	const me = requireMe({ locals, url });
	if (me.user.role !== 'creator') error(403, 'creators only');
	const [res, me2] = await Promise.all([
		apiJson<ForApplicant>(fetch, `/campaigns/${encodeURIComponent(params.id)}/application`, 'GET'),
		// The creator's own rates prefill the fee (issue 14); without them the field starts empty.
		apiJson<{ creator: { rates: Record<string, number> | null } }>(fetch, '/creators/me', 'GET')
	]);
	if (!res.ok) error(res.status === 403 ? 403 : 404, res.problem.detail);
	return { ...res.data, dateInputs: DATE_INPUTS, rates: me2.ok ? (me2.data.creator.rates ?? {}) : {} };
};

export const actions: Actions = {
	default: async ({ request, fetch, params, url }) => {
		const data = await request.formData();
		const values = {
			pitch: formString(data, 'pitch', 4000),
			fee: formString(data, 'fee', 40),
			formats: data
				.getAll('formats')
				.filter((f): f is string => typeof f === 'string')
				.slice(0, 8),
			proposedDates: data
				.getAll('proposedDates')
				.filter((d): d is string => typeof d === 'string')
				.slice(0, PROPOSED_DATES_MAX)
				.map((d) => d.slice(0, 20))
		};
		const fee = parseDinars(values.fee);
		const budget = Number(formString(data, 'budget', 20)) || 0;
		// A fee that looks like centimes needs one explicit confirmation of the same amount.
		const confirmed = typeof fee === 'number' && formString(data, 'confirmFee', 20) === String(fee);
		if (typeof fee === 'number' && looksLikeCentimes(fee, budget) && !confirmed) {
			return fail(400, { values, errors: {}, detail: '', confirmFee: fee, confirmed: false });
		}
		// Empty date inputs are not sent; `sent[k]` is the input that became proposedDates[k].
		const sent = values.proposedDates.flatMap((d, i) => (d === '' ? [] : [i]));
		const body = { pitch: values.pitch, feeDzd: fee, formats: values.formats, proposedDates: sent.map((i) => values.proposedDates[i]) };
		const res = await apiJson<{ application: ApplicationOut }>(fetch, `/campaigns/${encodeURIComponent(params.id)}/applications`, 'POST', body);
		if (!res.ok) {
			// Already applied: the page shows the existing application.
			if (res.status === 409) redirect(303, url.pathname);
			const problem = formProblem(res.problem);
			const errors = Object.fromEntries(
				Object.entries(problem.errors).map(([path, message]) => {
					const m = /^proposedDates\.(\d+)$/.exec(path);
					return [m ? `proposedDates.${sent[Number(m[1])] ?? m[1]}` : path, message];
				})
			);
			// A confirmed large fee stays confirmed while other fields are corrected.
			return fail(res.status, { values, errors, detail: problem.detail, confirmFee: confirmed ? fee : null, confirmed });
		}
		redirect(303, `/applications/${res.data.application.id}?applied=1`);
	}
};
