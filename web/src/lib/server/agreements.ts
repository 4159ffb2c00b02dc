/**
 * Server side of the agreement pages: reading an agreement through the API, the terms
 * form's load and action (brand edit = PATCH, creator proposal = POST proposals), and the
 * state-change actions (send, reopen, void). Pages never touch D1 or worker services.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from './api';
import { requireMe } from './form';
import { applyTermsValues, readTermsForm, termsErrors, termsToValues, TERM_FIELDS, type AgreementView, type TermsValues } from '../agreements';

/**
 * The agreement as its reader sees it, or the page's 404 (another tenant's id looks like no
 * id); a session that ended has already sent the browser to the login page (hooks.server.ts).
 */
export async function loadAgreement(fetch: typeof globalThis.fetch, id: string): Promise<AgreementView> {
	const res = await apiJson<{ agreement: AgreementView }>(fetch, `/agreements/${encodeURIComponent(id)}`, 'GET');
	if (!res.ok) error(404, res.problem.detail);
	return res.data.agreement;
}

/** Every input name the terms form shows, to send API field errors to the right input. */
export function shownFields(values: TermsValues): string[] {
	return [...TERM_FIELDS.map((f) => f.path), ...Object.keys(values).filter((k) => /^(deliverables|paymentSchedule)\./.test(k))];
}

type Mode = 'edit' | 'propose';

/** Load for /agreements/[id]/edit (brand) and /propose (creator): the current terms as form values. */
export async function termsFormLoad(event: { locals: App.Locals; fetch: typeof globalThis.fetch; params: { id: string }; url: URL }, mode: Mode) {
	const me = requireMe(event);
	const agreement = await loadAgreement(event.fetch, event.params.id);
	const party = agreement.myParty ?? (me.user.role === 'brand' ? 'brand' : 'creator');
	// The brand edits, the creator proposes: the other page would only be refused by the API.
	if ((mode === 'edit' && party !== 'brand') || (mode === 'propose' && party !== 'creator')) redirect(303, `/agreements/${agreement.id}/${mode === 'edit' ? 'propose' : 'edit'}`);
	return { agreement, values: termsToValues(agreement.terms), editable: mode === 'edit' ? agreement.canEdit : agreement.canPropose };
}

/** The terms form's action: merge the submitted values into the current terms and save a new version. */
export async function termsFormAction(event: { locals: App.Locals; fetch: typeof globalThis.fetch; params: { id: string }; url: URL; request: Request }, mode: Mode) {
	const { values, note } = readTermsForm(await event.request.formData());
	const current = await loadAgreement(event.fetch, event.params.id);
	const terms = applyTermsValues(current.terms, values);
	const id = encodeURIComponent(event.params.id);
	const res =
		mode === 'edit'
			? await apiJson<{ agreement: AgreementView }>(event.fetch, `/agreements/${id}`, 'PATCH', { terms, note })
			: await apiJson<{ agreement: AgreementView }>(event.fetch, `/agreements/${id}/proposals`, 'POST', { terms, note });
	if (!res.ok) {
		const { errors, detail } = formProblem(res.problem);
		return fail(res.status, { values, note, errors: termsErrors(errors, shownFields(values)), detail });
	}
	const version = res.data?.agreement?.version ?? current.version + 1;
	redirect(303, `/agreements/${current.id}?done=${mode === 'edit' ? 'saved' : 'proposed'}&n=${version}`);
}

/** POST /agreements/:id/<what> and come back to the agreement page with a confirmation. */
export async function stateAction(event: { locals: App.Locals; fetch: typeof globalThis.fetch; params: { id: string }; url: URL }, what: 'send' | 'reopen' | 'void') {
	const res = await apiJson(event.fetch, `/agreements/${encodeURIComponent(event.params.id)}/${what}`, 'POST', {});
	if (!res.ok) {
		return fail(res.status, { stateAction: { action: what, ...formProblem(res.problem) } });
	}
	const done = { send: 'sent', reopen: 'reopened', void: 'voided' }[what];
	redirect(303, `/agreements/${encodeURIComponent(event.params.id)}?done=${done}`);
}
