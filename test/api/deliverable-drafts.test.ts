/**
 * Drafts, reviews and the thread of a deliverable (issue 11, point 2), through the real
 * routes, D1 and R2: versions kept and downloaded byte for byte, the file checks of the
 * streamed upload (415, 413) leaving nothing behind, who may do what (403, 404), the wrong
 * status (409) changing nothing, the correction rounds and the creator's consent to an
 * extra one, the audit chain after each step and the other side's notices.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../worker/domain/deliverable-drafts';
import { brandAccount, creatorAccount } from './factories';
import { count } from './agreements-scene';
import { deliverableTerms, listDeliverables, signedScene, type DeliverableOut } from './deliverables-scene';
import type { Client } from './helpers';

type Scene = Awaited<ReturnType<typeof signedScene>>;

interface Detail {
	party: string;
	deliverable: DeliverableOut;
	submissions: { id: string; version: number; note: string; file: { type: string; size: number; name: string; sha256: string } | null; createdAt: string }[];
	messages: { id: string; party: string; authorName: string | null; kind: string; body: string; draftVersion: number | null }[];
}
interface Problem {
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}
interface AuditEventOut {
	action: string;
	actor: { party: string };
	data: Record<string, unknown>;
}

const enc = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
const hex = async (bytes: Uint8Array<ArrayBuffer>) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Bytes that differ from one offset to the next, so a lost or reordered chunk shows. */
function pattern(size: number, seed = 0) {
	const out = new Uint8Array(size);
	for (let i = 0; i < size; i++) out[i] = (i * 7 + seed + (i >>> 11)) & 255;
	return out;
}
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, ...pattern(5000, 3)]);
const MP4_HEAD = [0, 0, 0, 24, ...enc('ftypmp42'), 0, 0, 0, 0, ...enc('isommp42'), 0, 0, 0, 8, ...enc('free')];
const MP4 = new Uint8Array([...MP4_HEAD, ...pattern(20_000, 11)]);
/** An HTML page named and declared as a PNG. */
const DISGUISED = enc('<!doctype html><script>fetch("/api/v1/me")</script>'.padEnd(2000, ' '));

function draftForm(note: string | null, file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type?: string }) {
	const form = new FormData();
	if (note !== null) form.append('note', note);
	if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
	return form;
}

const submit = (client: Client, id: string, form: FormData) => client.call(`/deliverables/${id}/submissions`, { method: 'POST', body: form });
const review = (client: Client, id: string, body: Record<string, unknown>) => client.call(`/deliverables/${id}/review`, { json: body });
const answer = (client: Client, id: string, body: Record<string, unknown>) => client.call(`/deliverables/${id}/extra-round`, { json: body });
const comment = (client: Client, id: string, body: unknown) => client.call(`/deliverables/${id}/messages`, { json: { body } });

async function detail(client: Client, id: string): Promise<Detail> {
	const res = await client.call(`/deliverables/${id}`);
	expect(res.status).toBe(200);
	return (await res.json()) as Detail;
}

async function audit(client: Client, agreementId: string) {
	const res = await client.call(`/agreements/${agreementId}/audit`);
	expect(res.status).toBe(200);
	return (await res.json()) as { events: AuditEventOut[]; chainValid: boolean };
}

/** The trail's events after the planning (deliverables, then payouts), and that the chain is still valid. */
async function deliverableEvents(s: Scene) {
	const trail = await audit(s.brand.client, s.agreementId);
	expect(trail.chainValid).toBe(true);
	return trail.events.slice(trail.events.findLastIndex((e) => e.action === 'deliverables_planned' || e.action === 'payouts_planned') + 1);
}

async function notices(client: Client) {
	const res = await client.call('/notifications');
	expect(res.status).toBe(200);
	return ((await res.json()) as { notifications: { kind: string; payload: { deliverableId?: string; event?: string; actorName?: string } }[] }).notifications.filter(
		(n) => n.kind === 'deliverable_update'
	);
}

const objectsOf = async (d: { agreementId: string; id: string }) => (await env.FILES.list({ prefix: `deliverables/${d.agreementId}/${d.id}/` })).objects.map((o) => o.key);

/** Everything a refused request must leave as it was: the row, the versions, the thread, the chain, the notices, R2. */
async function state(d: { agreementId: string; id: string }) {
	return {
		row: await env.DB.prepare('SELECT * FROM deliverables WHERE id = ?1').bind(d.id).first(),
		submissions: await count('SELECT count(*) AS n FROM deliverable_submissions WHERE deliverable_id = ?1', d.id),
		messages: await count('SELECT count(*) AS n FROM deliverable_messages WHERE deliverable_id = ?1', d.id),
		events: await count('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1', d.agreementId),
		notifications: await count("SELECT count(*) AS n FROM notifications WHERE kind = 'deliverable_update' AND payload LIKE ?1", `%${d.id}%`),
		objects: await objectsOf(d)
	};
}

async function scene(opts: { correctionRounds?: number } = {}) {
	const s = await signedScene({ shape: (t) => ({ ...deliverableTerms(t), validation: { draftDaysBeforePublication: 3, reviewDays: 2, correctionRounds: opts.correctionRounds ?? 1 } }) });
	const [d] = await listDeliverables(s.creator.client, s.agreementId);
	return { s, d };
}

async function expectProblem(res: Response, status: number, code: string) {
	expect(res.status, await res.clone().text()).toBe(status);
	const problem = (await res.json()) as Problem;
	expect(problem.code).toBe(code);
	return problem;
}

async function submitted(res: Response) {
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as { submission: Detail['submissions'][number]; deliverable: DeliverableOut };
}

async function reviewed(res: Response) {
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { deliverable: DeliverableOut }).deliverable;
}

describe('submitting drafts', () => {
	it('a text-only draft: version 1, the deliverable waits for the brand’s review, nothing in R2, the event on the chain, the brand notified', async () => {
		const { s, d } = await scene();
		const out = await submitted(await submit(s.creator.client, d.id, draftForm('  Accroche : « Ma routine éclat en 30 secondes »\nPuis le sérum en gros plan.  ')));
		expect(out.submission).toMatchObject({ version: 1, note: 'Accroche : « Ma routine éclat en 30 secondes »\nPuis le sérum en gros plan.', file: null });
		expect(out.deliverable).toMatchObject({ status: 'draft_submitted', draftVersion: 1, roundsUsed: 0, extraRoundPending: false });
		expect(out.deliverable.next).toMatchObject({ party: 'brand', step: 'review_draft' });
		expect(await objectsOf(d)).toEqual([]);

		const seen = await detail(s.brand.client, d.id);
		expect(seen.submissions.map((v) => v.id)).toEqual([out.submission.id]);
		expect(seen.messages.map((m) => [m.party, m.kind, m.draftVersion])).toEqual([['creator', 'draft_submitted', 1]]);

		const events = await deliverableEvents(s);
		expect(events.map((e) => [e.action, e.actor.party, e.data])).toEqual([['draft_submitted', 'creator', { deliverableId: d.id, status: 'draft_submitted', draftVersion: 1, fileSha256: null }]]);
		expect((await notices(s.brand.client)).map((n) => [n.payload.deliverableId, n.payload.event])).toEqual([[d.id, 'draft_submitted']]);
		expect(await notices(s.creator.client)).toEqual([]);
	});

	it('an image draft is stored in R2 and downloaded by both parties byte for byte, with its detected type and safe headers; the download is recorded', async () => {
		const { s, d } = await scene();
		const out = await submitted(await submit(s.creator.client, d.id, draftForm('', { bytes: PNG, name: '../Brouillon <final>\u202e.exe', type: 'text/html' })));
		expect(out.submission.file).toEqual({ type: 'image/png', size: PNG.byteLength, name: '../Brouillon <final>\u202e.exe', sha256: await hex(PNG) });
		const [key] = await objectsOf(d);
		expect(key).toMatch(new RegExp(`^deliverables/${s.agreementId}/${d.id}/v1-[0-9a-f-]{36}$`));

		for (const client of [s.brand.client, s.creator.client]) {
			const res = await client.call(`/deliverables/${d.id}/submissions/${out.submission.id}/file`);
			expect(res.status).toBe(200);
			expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
			expect(res.headers.get('content-type')).toBe('image/png');
			expect(res.headers.get('content-length')).toBe(String(PNG.byteLength));
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
			expect(res.headers.get('cache-control')).toBe('private, no-store');
			// No folder, no character a file system refuses, no bidi override, and the extension of the detected type.
			expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Brouillon _final__.png"; filename*=UTF-8''Brouillon%20_final__.png`);
		}
		const events = await deliverableEvents(s);
		expect(events[0].data.fileSha256).toBe(await hex(PNG));
		expect(events.slice(1).map((e) => [e.action, e.actor.party, e.data.submissionId, e.data.draftVersion])).toEqual([
			['draft_downloaded', 'brand', out.submission.id, 1],
			['draft_downloaded', 'creator', out.submission.id, 1]
		]);
	});

	it('keeps every version: v1 (image) and v2 (video) both downloadable, newest first', async () => {
		const { s, d } = await scene();
		const v1 = await submitted(await submit(s.creator.client, d.id, draftForm('Première idée', { bytes: PNG, name: 'idee.png' })));
		await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Montrez le flacon plus tôt.' }));
		const v2 = await submitted(await submit(s.creator.client, d.id, draftForm('Flacon dès la 2e seconde', { bytes: MP4, name: 'reel v2.mov' })));
		expect(v2.submission).toMatchObject({ version: 2, file: { type: 'video/mp4', size: MP4.byteLength } });
		expect(v2.deliverable).toMatchObject({ status: 'draft_submitted', draftVersion: 2 });

		const seen = await detail(s.brand.client, d.id);
		expect(seen.submissions.map((v) => [v.version, v.note, v.file?.type])).toEqual([
			[2, 'Flacon dès la 2e seconde', 'video/mp4'],
			[1, 'Première idée', 'image/png']
		]);
		for (const [id, bytes] of [
			[v1.submission.id, PNG],
			[v2.submission.id, MP4]
		] as const) {
			const res = await s.brand.client.call(`/deliverables/${d.id}/submissions/${id}/file`);
			expect(res.status).toBe(200);
			expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
		}
		expect((await objectsOf(d)).map((k) => k.split('/').pop()!.slice(0, 3)).sort()).toEqual(['v1-', 'v2-']);
	});

	it('a version without a file, another deliverable’s version and another tenant get 404 for the download', async () => {
		const { s, d } = await scene();
		const text = await submitted(await submit(s.creator.client, d.id, draftForm('Juste le script')));
		expect((await s.brand.client.call(`/deliverables/${d.id}/submissions/${text.submission.id}/file`)).status).toBe(404);
		const [, other] = await listDeliverables(s.creator.client, s.agreementId);
		const image = await submitted(await submit(s.creator.client, other.id, draftForm('', { bytes: PNG, name: 'a.png' })));
		// The version exists, but under the other deliverable.
		expect((await s.brand.client.call(`/deliverables/${d.id}/submissions/${image.submission.id}/file`)).status).toBe(404);
		const stranger = await brandAccount('Maison Rivale Oran');
		expect((await stranger.client.call(`/deliverables/${other.id}/submissions/${image.submission.id}/file`)).status).toBe(404);
		expect((await s.brand.client.call(`/deliverables/${other.id}/submissions/${image.submission.id}/file`)).status).toBe(200);
	});

	it('a disguised file (HTML declared as PNG) is 415 on `file`, and nothing is stored or changed', async () => {
		const { s, d } = await scene();
		const before = await state(d);
		const problem = await expectProblem(await submit(s.creator.client, d.id, draftForm('Voici', { bytes: DISGUISED, name: 'photo.png', type: 'image/png' })), 415, 'unsupported_media_type');
		expect(problem.errors?.map((e) => e.path)).toEqual(['file']);
		expect(problem.detail).toBe('Le fichier doit être une image (PNG, JPEG, WebP) ou une vidéo (MP4, MOV, WebM).');
		expect(await state(d)).toEqual(before);
	});

	it('a file over 95 MB, streamed without Content-Length, is 413 and leaves nothing in R2 or D1', async () => {
		const { s, d } = await scene();
		const before = await state(d);
		const boundary = 'wasla-draft-boundary';
		const head = enc(
			`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nTrop long\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.mp4"\r\nContent-Type: video/mp4\r\n\r\n`
		);
		const tail = enc(`\r\n--${boundary}--\r\n`);
		const CHUNK = 1024 * 1024;
		const fileBytes = MAX_DRAFT_BYTES + 1;
		let sent = 0;
		let first = true;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (first) {
					first = false;
					controller.enqueue(head);
					return;
				}
				if (sent >= fileBytes) {
					controller.enqueue(tail);
					controller.close();
					return;
				}
				const chunk = new Uint8Array(Math.min(CHUNK, fileBytes - sent));
				if (sent === 0) chunk.set(MP4_HEAD);
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		const started = Date.now();
		const res = await s.creator.client.call(`/deliverables/${d.id}/submissions`, { method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
		const problem = await expectProblem(res, 413, 'payload_too_large');
		expect(problem.detail).toBe('Fichier trop lourd\u00a0: 95\u00a0Mo au plus.');
		console.info(`413 after streaming ${(sent / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`);
		expect(await state(d)).toEqual(before);
	});

	it('a body declaring more than the limit is 413 before anything is read', async () => {
		const { s, d } = await scene();
		const before = await state(d);
		const res = await s.creator.client.call(`/deliverables/${d.id}/submissions`, {
			method: 'POST',
			body: draftForm('x'),
			headers: { 'content-length': String(MAX_DRAFT_BYTES + 1024 * 1024) }
		});
		await expectProblem(res, 413, 'payload_too_large');
		expect(await state(d)).toEqual(before);
	});

	it('neither note nor file (an empty file input) is 400 on `note`; a note with a bidi override is 400; nothing changes', async () => {
		const { s, d } = await scene();
		const before = await state(d);
		const empty = await expectProblem(await submit(s.creator.client, d.id, draftForm('   ', { bytes: new Uint8Array(0), name: '' })), 400, 'invalid_request');
		expect(empty.errors).toEqual([{ path: 'note', message: 'Ajoutez un texte ou un fichier\u00a0: le brouillon ne peut pas être vide.' }]);
		const bidi = await expectProblem(await submit(s.creator.client, d.id, draftForm('Script \u202e caché', { bytes: PNG, name: 'a.png' })), 400, 'invalid_request');
		expect(bidi.errors?.map((e) => e.path)).toEqual(['note']);
		expect(await state(d)).toEqual(before);
	});

	it('when the D1 batch fails after the file was stored, the object is deleted and nothing changes', async () => {
		const { s, d } = await scene();
		// A version 1 row the deliverable does not know of: the submission's INSERT of version 1 fails, on each try.
		await env.DB.prepare("INSERT INTO deliverable_submissions (id, deliverable_id, version, note, created_at) VALUES (?1, ?2, 1, 'planted', 0)").bind(crypto.randomUUID(), d.id).run();
		const before = await state(d);
		await expectProblem(await submit(s.creator.client, d.id, draftForm('Version 1', { bytes: MP4, name: 'v1.mp4' })), 409, 'invalid_state');
		expect(await state(d)).toEqual(before);
		expect(before.objects).toEqual([]);
	});

	it('two drafts sent at once: one version is kept, the other is refused and its file removed', async () => {
		const { s, d } = await scene();
		const results = await Promise.all([submit(s.creator.client, d.id, draftForm('A', { bytes: PNG, name: 'a.png' })), submit(s.creator.client, d.id, draftForm('B', { bytes: MP4, name: 'b.mp4' }))]);
		expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
		const winner = (await results.find((r) => r.status === 201)!.json()) as { submission: { file: { sha256: string } } };
		const seen = await detail(s.creator.client, d.id);
		expect(seen.submissions).toHaveLength(1);
		expect(seen.submissions[0].file?.sha256).toBe(winner.submission.file.sha256);
		expect(await objectsOf(d)).toHaveLength(1);
	});
});

describe('who may do what', () => {
	it('the brand cannot submit (403, its file never stored), the creator cannot review (403), strangers get 404 everywhere; nothing changes', async () => {
		const { s, d } = await scene();
		const before = await state(d);
		await expectProblem(await submit(s.brand.client, d.id, draftForm('Par la marque', { bytes: PNG, name: 'a.png' })), 403, 'forbidden');
		await submitted(await submit(s.creator.client, d.id, draftForm('Le vrai brouillon')));
		const afterDraft = await state(d);
		expect(afterDraft.objects).toEqual(before.objects);
		await expectProblem(await review(s.creator.client, d.id, { decision: 'approve' }), 403, 'forbidden');
		await expectProblem(await answer(s.brand.client, d.id, { accept: true }), 403, 'forbidden');

		const strangers = [await brandAccount('Maison Rivale Oran'), await creatorAccount(env, 'Autre Créatrice')];
		for (const { client } of strangers) {
			await expectProblem(await submit(client, d.id, draftForm('x', { bytes: PNG, name: 'a.png' })), 404, 'not_found');
			await expectProblem(await review(client, d.id, { decision: 'approve' }), 404, 'not_found');
			await expectProblem(await answer(client, d.id, { accept: true }), 404, 'not_found');
			await expectProblem(await comment(client, d.id, 'Bonjour'), 404, 'not_found');
		}
		expect(await state(d)).toEqual(afterDraft);
	});

	it('the wrong status is 409 and changes nothing: review before any draft, a second draft before the review, an answer without an ask', async () => {
		const { s, d } = await scene();
		let before = await state(d);
		await expectProblem(await review(s.brand.client, d.id, { decision: 'approve' }), 409, 'invalid_state');
		await expectProblem(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Trop tôt pour ça' }), 409, 'invalid_state');
		expect(await state(d)).toEqual(before);

		await submitted(await submit(s.creator.client, d.id, draftForm('v1')));
		before = await state(d);
		const again = await expectProblem(await submit(s.creator.client, d.id, draftForm('v2 trop tôt', { bytes: PNG, name: 'a.png' })), 409, 'invalid_state');
		expect(again.detail).toBe('Action impossible : le livrable n’est pas à l’étape qui la permet.');
		await expectProblem(await answer(s.creator.client, d.id, { accept: true }), 409, 'invalid_state');
		expect(await state(d)).toEqual(before);

		await reviewed(await review(s.brand.client, d.id, { decision: 'approve', comment: 'Parfait' }));
		before = await state(d);
		await expectProblem(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Finalement non' }), 409, 'invalid_state');
		await expectProblem(await submit(s.creator.client, d.id, draftForm('v2')), 409, 'invalid_state');
		expect(await state(d)).toEqual(before);
	});

	it('a change request needs a comment of 3 characters or more; unknown decisions and fields are 400', async () => {
		const { s, d } = await scene();
		await submitted(await submit(s.creator.client, d.id, draftForm('v1')));
		const before = await state(d);
		const none = await expectProblem(await review(s.brand.client, d.id, { decision: 'changes' }), 400, 'invalid_request');
		expect(none.errors).toEqual([{ path: 'comment', message: 'Expliquez les modifications demandées en 3 à 2\u00a0000 caractères.' }]);
		await expectProblem(await review(s.brand.client, d.id, { decision: 'changes', comment: ' ok ' }), 400, 'invalid_request');
		await expectProblem(await review(s.brand.client, d.id, { decision: 'changes', comment: 'x'.repeat(2001) }), 400, 'invalid_request');
		await expectProblem(await review(s.brand.client, d.id, { decision: 'reject', comment: 'Non merci' }), 400, 'invalid_request');
		await expectProblem(await review(s.brand.client, d.id, { decision: 'approve', extra: 1 }), 400, 'invalid_request');
		await expectProblem(await answer(s.creator.client, d.id, { accept: 'yes' }), 400, 'invalid_request');
		expect(await state(d)).toEqual(before);
	});
});

describe('correction rounds and the creator’s consent', () => {
	it('rounds, then an extra round the creator accepts, then one they refuse, then the approval; the chain is valid after each step and each side hears of the other’s', async () => {
		const { s, d } = await scene({ correctionRounds: 1 });
		await submitted(await submit(s.creator.client, d.id, draftForm('v1')));

		// Round 1 of 1: included.
		let out = await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Plus de lumière, svp.' }));
		expect(out).toMatchObject({ status: 'changes_requested', roundsUsed: 1, correctionRounds: 1, extraRoundPending: false });
		expect(out.next).toMatchObject({ party: 'creator', step: 'revise_draft' });
		expect((await deliverableEvents(s)).at(-1)).toMatchObject({
			action: 'changes_requested',
			actor: { party: 'brand' },
			data: { round: 1, included: 1, draftVersion: 1, status: 'changes_requested' }
		});

		await submitted(await submit(s.creator.client, d.id, draftForm('v2')));
		// Rounds used up: nothing moves, the creator is asked.
		out = await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Encore un essai ?' }));
		expect(out).toMatchObject({ status: 'draft_submitted', roundsUsed: 1, extraRoundPending: true, draftVersion: 2 });
		expect(out.next).toMatchObject({ party: 'creator', step: 'answer_extra_round' });
		expect((await deliverableEvents(s)).at(-1)).toMatchObject({ action: 'extra_round_asked', data: { draftVersion: 2, status: 'draft_submitted' } });

		// Asking again while the ask is pending: 409, nothing changes.
		const pending = await state(d);
		const twice = await expectProblem(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Alors ?' }), 409, 'invalid_state');
		expect(twice.detail).toBe('Une demande de correction supplémentaire attend déjà la réponse du créateur.');
		expect(await state(d)).toEqual(pending);

		// The creator consents: a change request beyond the included round.
		out = await reviewed(await answer(s.creator.client, d.id, { accept: true, comment: 'D’accord pour une dernière.' }));
		expect(out).toMatchObject({ status: 'changes_requested', roundsUsed: 2, extraRoundPending: false });
		expect((await deliverableEvents(s)).slice(-2).map((e) => [e.action, e.actor.party, e.data])).toEqual([
			['extra_round_answered', 'creator', { deliverableId: d.id, status: 'changes_requested', accepted: true }],
			['changes_requested', 'creator', { deliverableId: d.id, status: 'changes_requested', draftVersion: 2, round: 2, included: 1 }]
		]);

		await submitted(await submit(s.creator.client, d.id, draftForm('v3')));
		await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Et une autre ?' }));
		// Refused: the ask is dropped, the draft stays submitted for the brand.
		out = await reviewed(await answer(s.creator.client, d.id, { accept: false, comment: 'Non, la v3 suit le brief.' }));
		expect(out).toMatchObject({ status: 'draft_submitted', roundsUsed: 2, extraRoundPending: false, draftVersion: 3 });
		expect(out.next).toMatchObject({ party: 'brand', step: 'review_draft' });
		expect((await deliverableEvents(s)).at(-1)).toMatchObject({ action: 'extra_round_answered', data: { accepted: false, status: 'draft_submitted' } });
		await expectProblem(await answer(s.creator.client, d.id, { accept: true }), 409, 'invalid_state');

		out = await reviewed(await review(s.brand.client, d.id, { decision: 'approve' }));
		expect(out).toMatchObject({ status: 'approved', draftVersion: 3 });
		expect(out.next).toMatchObject({ party: 'creator', step: 'publish' });
		expect(await env.DB.prepare('SELECT approved_at FROM deliverables WHERE id = ?1').bind(d.id).first('approved_at')).not.toBeNull();

		expect((await deliverableEvents(s)).map((e) => e.action)).toEqual([
			'draft_submitted',
			'changes_requested',
			'draft_submitted',
			'extra_round_asked',
			'extra_round_answered',
			'changes_requested',
			'draft_submitted',
			'extra_round_asked',
			'extra_round_answered',
			'draft_approved'
		]);
		const thread = (await detail(s.creator.client, d.id)).messages;
		expect(thread.map((m) => [m.party, m.kind, m.body])).toEqual([
			['creator', 'draft_submitted', ''],
			['brand', 'changes_requested', 'Plus de lumière, svp.'],
			['creator', 'draft_submitted', ''],
			['brand', 'extra_round_asked', 'Encore un essai ?'],
			['creator', 'extra_round_accepted', 'D’accord pour une dernière.'],
			['creator', 'draft_submitted', ''],
			['brand', 'extra_round_asked', 'Et une autre ?'],
			['creator', 'extra_round_refused', 'Non, la v3 suit le brief.'],
			['brand', 'approved', '']
		]);
		expect((await notices(s.creator.client)).map((n) => n.payload.event).reverse()).toEqual(['changes_requested', 'extra_round_asked', 'extra_round_asked', 'draft_approved']);
		expect((await notices(s.brand.client)).map((n) => n.payload.event).reverse()).toEqual(['draft_submitted', 'draft_submitted', 'extra_round_answered', 'draft_submitted', 'extra_round_answered']);
	});

	it('with two included rounds the second change request is included too; approving drops a pending ask', async () => {
		const { s, d } = await scene({ correctionRounds: 2 });
		for (const [v, round] of [
			[1, 1],
			[2, 2]
		]) {
			await submitted(await submit(s.creator.client, d.id, draftForm(`v${v}`)));
			const out = await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: `Tour ${round}` }));
			expect(out).toMatchObject({ status: 'changes_requested', roundsUsed: round });
		}
		await submitted(await submit(s.creator.client, d.id, draftForm('v3')));
		expect(await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Un troisième ?' }))).toMatchObject({ extraRoundPending: true, roundsUsed: 2 });
		const out = await reviewed(await review(s.brand.client, d.id, { decision: 'approve', comment: 'Finalement, c’est bon.' }));
		expect(out).toMatchObject({ status: 'approved', extraRoundPending: false });
		expect((await deliverableEvents(s)).at(-1)).toMatchObject({ action: 'draft_approved', data: { draftVersion: 3 } });
	});

	it('with no included round, the first change request already needs the creator’s consent', async () => {
		const { s, d } = await scene({ correctionRounds: 0 });
		await submitted(await submit(s.creator.client, d.id, draftForm('v1')));
		expect(await reviewed(await review(s.brand.client, d.id, { decision: 'changes', comment: 'Une retouche ?' }))).toMatchObject({ status: 'draft_submitted', extraRoundPending: true, roundsUsed: 0 });
		expect(await reviewed(await answer(s.creator.client, d.id, { accept: true }))).toMatchObject({ status: 'changes_requested', roundsUsed: 1 });
	});
});

describe('the thread', () => {
	it('either party comments, in order; the other side is notified; empty or hidden-character bodies are 400', async () => {
		const { s, d } = await scene();
		const first = await s.creator.client.call(`/deliverables/${d.id}/messages`, { json: { body: 'Je tourne samedi,\nça vous va ?' } });
		expect(first.status).toBe(201);
		const m = ((await first.json()) as { message: Detail['messages'][number] }).message;
		expect(m).toMatchObject({ party: 'creator', kind: 'comment', body: 'Je tourne samedi,\nça vous va ?', authorName: 'Nour Beauty' });
		expect((await comment(s.brand.client, d.id, '  Parfait.  ')).status).toBe(201);
		expect((await detail(s.brand.client, d.id)).messages.map((x) => [x.party, x.body])).toEqual([
			['creator', 'Je tourne samedi,\nça vous va ?'],
			['brand', 'Parfait.']
		]);
		expect((await notices(s.brand.client)).map((n) => n.payload.event)).toEqual(['comment']);
		expect((await notices(s.creator.client)).map((n) => n.payload.event)).toEqual(['comment']);
		// A comment is not a transition: the chain does not hold it.
		expect(await deliverableEvents(s)).toEqual([]);

		const before = await state(d);
		await expectProblem(await comment(s.brand.client, d.id, '   '), 400, 'invalid_request');
		await expectProblem(await comment(s.brand.client, d.id, 'x'.repeat(2001)), 400, 'invalid_request');
		await expectProblem(await comment(s.brand.client, d.id, 'a\u2066b'), 400, 'invalid_request');
		await expectProblem(await comment(s.brand.client, d.id, 42), 400, 'invalid_request');
		expect(await state(d)).toEqual(before);
	});

	it('stays open once the deliverable is withdrawn', async () => {
		const { s, d } = await scene();
		await env.DB.prepare("UPDATE deliverables SET status = 'withdrawn', withdrawn_at = 1 WHERE id = ?1").bind(d.id).run();
		expect((await comment(s.brand.client, d.id, 'Merci pour le retrait rapide.')).status).toBe(201);
	});
});
