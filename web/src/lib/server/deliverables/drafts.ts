/**
 * Form actions of the deliverable page: the drafts part (issue 11, point 2). See actions.ts.
 * Each answers `{ drafts: { form, done } }` or `fail(status, { drafts: { form, values,
 * errors, detail } })`, `form` naming which of the part's forms it was, so the component
 * shows the errors next to that form only. Without JavaScript a draft's file goes through
 * the page (forms are capped at MAX_FORM_BYTES, 16 MB, by hooks.server.ts); with it, the
 * component sends the file straight to the API, which takes up to 95 MB.
 */
import { fail } from '@sveltejs/kit';
import { DRAFT_TEXT, placeSubmissionProblem } from '../../deliverable-drafts';
import { type Problem, apiJson, formProblem } from '../api';
import { formString } from '../form';
import { type DeliverableAction, deliverablePath } from './actions';

export type DraftsForm = 'submit' | 'review' | 'extra' | 'comment';

async function problemOf(res: Response): Promise<Problem> {
	return (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
}

export const draftsActions: Record<string, DeliverableAction> = {
	draftSubmit: async (event) => {
		const data = await event.request.formData();
		const note = formString(data, 'note', DRAFT_TEXT.noteMax + 100);
		const file = data.get('file');
		const body = new FormData();
		body.append('note', note);
		if (file instanceof File && file.size > 0) body.append('file', file, file.name);
		const res = await event.fetch(`/api/v1${deliverablePath(event, '/submissions')}`, { method: 'POST', body });
		if (!res.ok) return fail(res.status, { drafts: { form: 'submit' as const, values: { note }, ...placeSubmissionProblem(res.status, await problemOf(res)) } });
		return { drafts: { form: 'submit' as const, done: 'submitted' } };
	},

	draftReview: async (event) => {
		const data = await event.request.formData();
		const decision = formString(data, 'decision', 20);
		const comment = formString(data, 'comment', DRAFT_TEXT.commentMax + 100);
		const res = await apiJson<{ deliverable: { extraRoundPending: boolean } }>(event.fetch, deliverablePath(event, '/review'), 'POST', { decision, comment });
		if (!res.ok) return fail(res.status, { drafts: { form: 'review' as const, values: { comment }, ...formProblem(res.problem) } });
		const done = decision === 'approve' ? 'approved' : res.data.deliverable.extraRoundPending ? 'extraAsked' : 'changesRequested';
		return { drafts: { form: 'review' as const, done } };
	},

	draftExtraRound: async (event) => {
		const data = await event.request.formData();
		const accept = formString(data, 'accept', 10) === 'true';
		const comment = formString(data, 'comment', DRAFT_TEXT.commentMax + 100);
		const res = await apiJson(event.fetch, deliverablePath(event, '/extra-round'), 'POST', { accept, comment });
		if (!res.ok) return fail(res.status, { drafts: { form: 'extra' as const, values: { comment }, ...formProblem(res.problem) } });
		return { drafts: { form: 'extra' as const, done: accept ? 'extraAccepted' : 'extraRefused' } };
	},

	draftComment: async (event) => {
		const data = await event.request.formData();
		const body = formString(data, 'body', DRAFT_TEXT.messageMax + 100);
		const res = await apiJson(event.fetch, deliverablePath(event, '/messages'), 'POST', { body });
		if (!res.ok) return fail(res.status, { drafts: { form: 'comment' as const, values: { body }, ...formProblem(res.problem) } });
		return { drafts: { form: 'comment' as const, done: 'sent' } };
	}
};
