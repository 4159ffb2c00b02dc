import { fail, redirect } from '@sveltejs/kit';
import { apiJson, formProblem } from '$lib/server/api';
import { formString, requireMe } from '$lib/server/form';
import { loadAgreement, stateAction } from '$lib/server/agreements';
import type { AgreementView, AuditTrail, DiffResult } from '$lib/agreements';
import type { DeliverableItem } from '$lib/deliverables';
import type { AttributionCodes } from '$lib/workspace';
import { fromAlgiersLocal } from '$lib/publication-stats';
import { buildAgreementDocument } from '../../../../../contracts/clauses';
import type { AgreementDocument } from '../../../../../contracts/document';
import { upgradeTerms } from '$worker/domain/agreement-terms';
import { legalDetailsBody, legalValuesOf, readLegalDetailsForm } from '$lib/server/legal-details';
import type { Actions, PageServerLoad } from './$types';

/**
 * The clauses of the current version in the reader's language, from the same generator as
 * the PDF. Null when the stored terms cannot be read as v2 terms: the page then shows its
 * own summary of the terms instead of failing.
 */
function documentOf(a: AgreementView, lang: 'fr' | 'ar' | 'en'): AgreementDocument | null {
	try {
		return buildAgreementDocument({ agreementId: a.id, version: a.version, documentSha256: a.documentSha256 ?? '', terms: upgradeTerms(a.terms), lang, campaignTitle: a.campaign.title });
	} catch {
		return null;
	}
}

/** The creator party of the terms as a client reads them (null when the terms are not readable). */
function creatorPartyOf(terms: Record<string, unknown>) {
	const creator = (terms.parties as { creator?: Record<string, unknown> } | undefined)?.creator;
	if (!creator || typeof creator.legalName !== 'string') return null;
	const code = (x: unknown) => (typeof x === 'string' ? x : null);
	return { legalName: creator.legalName, rcNumber: code(creator.rcNumber), nif: code(creator.nif), autoEntrepreneurCard: code(creator.autoEntrepreneurCard) };
}

const DONE = ['sent', 'signed', 'completed', 'saved', 'proposed', 'voided', 'reopened', 'details'] as const;

export const load: PageServerLoad = async ({ locals, fetch, params, url }) => {
	requireMe({ locals, url });
	const agreement = await loadAgreement(fetch, params.id);
	const id = encodeURIComponent(agreement.id);
	// The version whose changes are shown: ?v=N (compared with N-1), else the current one.
	const asked = Number.parseInt(url.searchParams.get('v') ?? '', 10);
	const to = Number.isInteger(asked) && asked >= 2 && asked <= agreement.version ? asked : agreement.version;
	const [audit, diff, deliverables, codes] = await Promise.all([
		apiJson<AuditTrail>(fetch, `/agreements/${id}/audit`, 'GET'),
		to >= 2 ? apiJson<DiffResult>(fetch, `/agreements/${id}/diff?from=${to - 1}&to=${to}&lang=${locals.locale}`, 'GET') : Promise.resolve(null),
		// The workspace (signed agreements only): the deliverables with their next step.
		agreement.status === 'signed' ? apiJson<{ deliverables: DeliverableItem[] }>(fetch, `/agreements/${id}/deliverables`, 'GET') : Promise.resolve(null),
		// Its codes and tracked link, live from the signature (issue 12).
		agreement.status === 'signed' ? apiJson<AttributionCodes>(fetch, `/agreements/${id}/codes`, 'GET') : Promise.resolve(null)
	]);
	const done = url.searchParams.get('done');
	return {
		agreement,
		document: documentOf(agreement, locals.locale),
		audit: audit.ok ? audit.data : null,
		deliverables: deliverables?.ok ? deliverables.data.deliverables : null,
		codes: codes?.ok ? codes.data : null,
		diff: diff === null ? null : diff.ok ? diff.data : ('unavailable' as const),
		diffTo: to,
		done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
		// The creator's legal identity as the current terms hold it (the form on a draft).
		creatorDetails: legalValuesOf(creatorPartyOf(agreement.terms)),
		doneVersion: Number.parseInt(url.searchParams.get('n') ?? '', 10) || agreement.version
	};
};

export const actions: Actions = {
	/** The limited offer the creator announces (24 to 48 hours), recorded by either party. */
	offerWindow: async ({ request, fetch, params }) => {
		const data = await request.formData();
		const values = { startsAt: formString(data, 'startsAt', 40), hours: formString(data, 'hours', 4), note: formString(data, 'note', 400) };
		const hours = Number(values.hours);
		const res = await apiJson(fetch, `/agreements/${encodeURIComponent(params.id)}/offer-window`, 'POST', {
			startsAt: fromAlgiersLocal(values.startsAt),
			hours: values.hours !== '' && Number.isFinite(hours) ? hours : values.hours,
			note: values.note
		});
		if (!res.ok) return fail(res.status, { offer: { values, ...formProblem(res.problem) } });
		return { offer: { done: true as const } };
	},
	/** The creator fills their own legal identity on the draft (a new version), kept on their profile if they leave the box ticked. */
	creatorDetails: async ({ request, fetch, params }) => {
		const { values, remember } = readLegalDetailsForm(await request.formData());
		const res = await apiJson<{ agreement: AgreementView }>(fetch, `/agreements/${encodeURIComponent(params.id)}/creator-details`, 'PUT', { ...legalDetailsBody(values), remember });
		if (!res.ok) return fail(res.status, { creatorDetails: { values, remember, ...formProblem(res.problem) } });
		redirect(303, `/agreements/${encodeURIComponent(params.id)}?done=details&n=${res.data.agreement.version}`);
	},
	send: (event) => stateAction(event, 'send'),
	reopen: (event) => stateAction(event, 'reopen'),
	void: (event) => stateAction(event, 'void')
};
