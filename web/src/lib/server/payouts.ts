/**
 * Form actions of the payouts page (issue 13), spread into
 * routes/agreements/[id]/payouts/+page.server.ts. Each names the payout it acts on (a hidden
 * `payoutId`) and answers `{ payout: { id, form, done } }` or `fail(status, { payout: { id,
 * form, values, errors, detail, key } })`, so the page shows the errors next to that payout's
 * form with what was typed.
 *
 * Money-moving routes need an Idempotency-Key: the page renders a random one in a hidden
 * input (`key`), and the action sends it as the header. A double submit, or the browser
 * re-posting the form, replays the first answer instead of paying twice. After a refusal the
 * page takes a fresh key, except while the first request with it may still be running
 * (`idempotency_in_progress`): then the form keeps it, so its retry gets that request's answer.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { translator } from './i18n';
import { type PayoutForm, paidAtOf, payoutProblem } from '../payouts';
import type { Problem } from './api';
import { formString } from './form';

type Event = RequestEvent<{ id: string }>;

/** Visible ASCII, as worker/idempotency.ts takes it; anything else gets a fresh key (and the API's 400 never shows). */
const KEY = /^[\x21-\x7e]{1,255}$/;

async function problemOf(res: Response): Promise<Problem> {
	return (await res.json().catch(() => ({ title: 'Error', status: res.status, code: 'internal', detail: '' }))) as Problem;
}

/** Sends one payout form to the API and turns the answer into the page's `payout` part. */
async function send(event: Event, data: FormData, form: PayoutForm, values: Record<string, string>, init: { path: string; json?: unknown; body?: FormData; idempotent: boolean }) {
	const id = formString(data, 'payoutId', 100);
	const key = formString(data, 'key', 255);
	const headers: Record<string, string> = {};
	if (init.json !== undefined) headers['content-type'] = 'application/json';
	if (init.idempotent) headers['idempotency-key'] = KEY.test(key) ? key : crypto.randomUUID();
	const res = await event.fetch(`/api/v1/payouts/${encodeURIComponent(id)}${init.path}`, {
		method: 'POST',
		headers,
		body: init.body ?? (init.json === undefined ? undefined : JSON.stringify(init.json))
	});
	if (res.ok) return { payout: { id, form, done: true as const } };
	const t = translator(event.locals.locale);
	const { keepKey, ...shown } = payoutProblem(res.status, await problemOf(res), t);
	return fail(res.status, { payout: { id, form, values, ...shown, key: keepKey ? key : null } });
}

export const payoutActions = {
	markPaid: async (event: Event) => {
		const data = await event.request.formData();
		const values = { method: formString(data, 'method', 20), reference: formString(data, 'reference', 200), date: formString(data, 'date', 40) };
		const at = paidAtOf(values.date, Date.now());
		// A missing choice is sent as such, so the API's field error on `method` shows.
		const json = { method: values.method, reference: values.reference, ...(at === undefined ? {} : { at }) };
		return send(event, data, 'markPaid', values, { path: '/mark-paid', json, idempotent: true });
	},

	proof: async (event: Event) => {
		const data = await event.request.formData();
		const file = data.get('file');
		const body = new FormData();
		if (file instanceof File && file.size > 0) body.append('file', file, file.name);
		return send(event, data, 'proof', {}, { path: '/proof', body, idempotent: false });
	},

	confirm: async (event: Event) => {
		const data = await event.request.formData();
		return send(event, data, 'confirm', {}, { path: '/confirm', idempotent: true });
	},

	dispute: async (event: Event) => {
		const data = await event.request.formData();
		const values = { reason: formString(data, 'reason', 1100) };
		return send(event, data, 'dispute', values, { path: '/dispute', json: { reason: values.reason }, idempotent: true });
	},

	resolve: async (event: Event) => {
		const data = await event.request.formData();
		const values = { note: formString(data, 'note', 1100) };
		return send(event, data, 'resolve', values, { path: '/resolve', json: { outcome: 'proof', note: values.note }, idempotent: true });
	}
};
