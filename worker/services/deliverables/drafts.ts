/**
 * Drafts, reviews and the thread of a deliverable (issue 11, point 2).
 *
 * - The creator submits a draft: a note and/or a file (image or video, streamed to R2 by the
 *   route's streamedUpload body). Every version is kept (deliverable_submissions, one row
 *   per version, the file under its own key).
 * - The brand reviews the latest draft: approves it, or asks for changes — within the
 *   correction rounds of the terms, else as an extra round the creator must consent to
 *   (domain/deliverable-drafts.ts).
 * - Either party comments in the one thread of the deliverable.
 *
 * Each transition writes its audit event on the agreement's chain, its thread message and
 * the other side's notice in one batch (load.ts `commit`). Downloads are recorded too, but
 * best-effort: the record never fails the download.
 */
import { fallDueOnChange } from '../payouts/due';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { type StreamedUploadBody, discardStored } from '../../body';
import type { AuditEvent } from '../../domain/audit-events';
import type { DeliverableStatus } from '../../domain/deliverables';
import { checkExtraRoundAnswer, draftFileKey, extraRoundOutcome, hasDraftContent, reviewOutcome } from '../../domain/deliverable-drafts';
import { MEDIA_TYPES, type MediaType } from '../../domain/file-types';
import { downloadName, downloadObject } from '../../downloads';
import { appendAgreementEvent, logRecordFailure } from '../agreements/audit';
import { actorOf } from '../agreements/load';
import { type LoadedDeliverable, changeDeliverable, commit, guardDeliverable, loadDeliverable, updateDeliverable } from './load';
import type { DeliverableRow, MessageRow, SubmissionRow } from './rows';
import { messageStatement, notifyOtherSide } from './thread';
import { deliverableItem, messageItem, submissionItem } from './view';

const wrongState = (detailKey: 'detail_deliverable_state' | 'detail_extra_round_pending' | 'detail_no_extra_round' = 'detail_deliverable_state') => new AppError('invalid_state', { detailKey });

/** The deliverable as it is now (after a change), as the API answers it. */
async function freshItem(ctx: CallerContext, deliverableId: string) {
	const row = await ctx.db.prepare('SELECT * FROM deliverables WHERE id = ?1').bind(deliverableId).first<DeliverableRow>();
	if (!row) throw new AppError('not_found');
	return deliverableItem(row, ctx.now);
}

const reviewFacts = (d: DeliverableRow) => ({ roundsUsed: d.rounds_used, correctionRounds: d.correction_rounds, extraRoundPending: d.extra_round_asked_at !== null });

// ---- submitting a draft -------------------------------------------------------------------------

export interface SubmitDraftInput {
	deliverableId: string;
	/** The request's body, not read yet: its file goes to R2 only once the checks below passed. */
	upload: StreamedUploadBody<MediaType, { note: string }>;
}

/**
 * POST /deliverables/:id/submissions. Access (404), party (403) and status (409) are checked
 * before a byte of the body is read; then the file streams to R2 under a key of this version
 * (415, 413 and the fields' 400 leave nothing there); then the row, the deliverable, the
 * event, the thread message and the brand's notice go in one batch, re-checked on fresh rows.
 * If that batch fails, or another draft went in meanwhile (409), the stored file is deleted.
 */
export async function submitDraft(ctx: CallerContext, input: SubmitDraftInput) {
	const { db, now } = ctx;
	const before = await loadDeliverable(ctx, input.deliverableId);
	guardDeliverable(before, 'submit');
	const version = before.d.draft_version + 1;
	const { fields, file } = await input.upload.store(ctx.files, draftFileKey(before.d.agreement_id, before.d.id, version, crypto.randomUUID()));
	const submissionId = crypto.randomUUID();
	try {
		if (!hasDraftContent(fields.note, file)) throw new AppError('invalid_request', { fieldKeys: [{ path: 'note', key: 'draft_content_required' }] });
		// Fresh rows: a large upload takes a while, and the chain head read before it is likely stale.
		await changeDeliverable(ctx, input.deliverableId, async (loaded) => {
			const to = guardDeliverable(loaded, 'submit');
			// The file's key names this version; a draft sent meanwhile already moved the status, but say it plainly.
			if (loaded.d.draft_version + 1 !== version) throw wrongState();
			const event: AuditEvent = { action: 'draft_submitted', data: { deliverableId: loaded.d.id, status: to, draftVersion: version, fileSha256: file?.sha256 ?? null } };
			await commit(
				ctx,
				loaded,
				[event],
				[
					db
						.prepare(
							`INSERT INTO deliverable_submissions (id, deliverable_id, version, note, file_key, file_type, file_size, file_sha256, file_name, user_id, created_at)
						 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`
						)
						.bind(submissionId, loaded.d.id, version, fields.note, file?.key ?? null, file?.type ?? null, file?.size ?? null, file?.sha256 ?? null, file?.name.slice(0, 255) ?? null, ctx.user.id, now),
					updateDeliverable(db, loaded, now, 'status = $1, draft_version = $2, last_submitted_at = $3', [to, version, now]),
					messageStatement(db, loaded, now, { kind: 'draft_submitted', draftVersion: version }),
					notifyOtherSide(db, loaded, now, 'draft_submitted')
				]
			);
		});
	} catch (err) {
		if (file) await discardStored(ctx.files, file.key).catch(() => undefined);
		throw err;
	}
	const row = await db.prepare('SELECT * FROM deliverable_submissions WHERE id = ?1').bind(submissionId).first<SubmissionRow>();
	if (!row) throw new AppError('not_found');
	return { submission: submissionItem(row), deliverable: await freshItem(ctx, input.deliverableId) };
}

// ---- reviewing ----------------------------------------------------------------------------------

export interface ReviewInput {
	deliverableId: string;
	decision: 'approve' | 'changes';
	/** Required (3+ characters) for `changes`: the route's schema checks it. */
	comment: string;
}

/**
 * POST /deliverables/:id/review (brand, on a submitted draft). `approve` approves it and
 * drops a pending extra-round ask. `changes` uses one of the included correction rounds;
 * once they are used up it moves nothing and asks the creator for an extra round (409 while
 * one is already asked).
 */
export function reviewDraft(ctx: CallerContext, input: ReviewInput) {
	const { db, now } = ctx;
	return changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		const to = guardDeliverable(loaded, input.decision === 'approve' ? 'approve' : 'request_changes');
		const outcome = reviewOutcome(input.decision, reviewFacts(d));
		const base = { deliverableId: d.id, draftVersion: d.draft_version };
		switch (outcome.kind) {
			case 'already_asked':
				throw wrongState('detail_extra_round_pending');
			case 'approve': {
				// The last approval makes the `approval` instalments due, in this batch (issue 13).
				const due = await fallDueOnChange(db, d.agreement_id, { deliverableId: d.id, approves: true }, now);
				await commit(
					ctx,
					loaded,
					[{ action: 'draft_approved', data: { ...base, status: to } }, ...due.events],
					[
						updateDeliverable(db, loaded, now, 'status = $1, approved_at = $2, extra_round_asked_at = NULL', [to, now]),
						messageStatement(db, loaded, now, { kind: 'approved', body: input.comment, draftVersion: d.draft_version }),
						notifyOtherSide(db, loaded, now, 'draft_approved'),
						...due.statements
					]
				);
				break;
			}
			case 'changes':
				await commit(
					ctx,
					loaded,
					[{ action: 'changes_requested', data: { ...base, status: to, round: outcome.round, included: outcome.included } }],
					[
						updateDeliverable(db, loaded, now, 'status = $1, rounds_used = $2', [to, outcome.round]),
						messageStatement(db, loaded, now, { kind: 'changes_requested', body: input.comment, draftVersion: d.draft_version }),
						notifyOtherSide(db, loaded, now, 'changes_requested')
					]
				);
				break;
			case 'ask_extra_round':
				await commit(
					ctx,
					loaded,
					[{ action: 'extra_round_asked', data: { ...base, status: 'draft_submitted' } }],
					[
						updateDeliverable(db, loaded, now, 'extra_round_asked_at = $1', [now]),
						messageStatement(db, loaded, now, { kind: 'extra_round_asked', body: input.comment, draftVersion: d.draft_version }),
						notifyOtherSide(db, loaded, now, 'extra_round_asked')
					]
				);
				break;
		}
		return { deliverable: await freshItem(ctx, d.id) };
	});
}

/**
 * POST /deliverables/:id/extra-round (creator, while an extra round is asked). Accepting is
 * the consent the terms require: the draft goes back to the creator as a change request
 * beyond the included rounds (both events recorded). Refusing drops the ask; the draft
 * stays submitted for the brand to approve or ask again.
 */
export function answerExtraRound(ctx: CallerContext, input: { deliverableId: string; accept: boolean; comment: string }) {
	const { db, now } = ctx;
	return changeDeliverable(ctx, input.deliverableId, async (loaded) => {
		const { d } = loaded;
		const check = checkExtraRoundAnswer({ status: d.status as DeliverableStatus, extraRoundPending: d.extra_round_asked_at !== null }, loaded.agreement.party);
		if (!check.ok) throw check.code === 'forbidden' ? new AppError('forbidden') : wrongState('detail_no_extra_round');
		const outcome = extraRoundOutcome(input.accept, reviewFacts(d));
		if (outcome.kind === 'accepted') {
			await commit(
				ctx,
				loaded,
				[
					{ action: 'extra_round_answered', data: { deliverableId: d.id, status: check.to, accepted: true } },
					{ action: 'changes_requested', data: { deliverableId: d.id, status: check.to, draftVersion: d.draft_version, round: outcome.round, included: outcome.included } }
				],
				[
					updateDeliverable(db, loaded, now, 'status = $1, rounds_used = $2, extra_round_asked_at = NULL', [check.to, outcome.round]),
					messageStatement(db, loaded, now, { kind: 'extra_round_accepted', body: input.comment, draftVersion: d.draft_version }),
					notifyOtherSide(db, loaded, now, 'extra_round_answered')
				]
			);
		} else {
			await commit(
				ctx,
				loaded,
				[{ action: 'extra_round_answered', data: { deliverableId: d.id, status: 'draft_submitted', accepted: false } }],
				[
					updateDeliverable(db, loaded, now, 'extra_round_asked_at = NULL'),
					messageStatement(db, loaded, now, { kind: 'extra_round_refused', body: input.comment, draftVersion: d.draft_version }),
					notifyOtherSide(db, loaded, now, 'extra_round_answered')
				]
			);
		}
		return { deliverable: await freshItem(ctx, d.id) };
	});
}

// ---- the thread ---------------------------------------------------------------------------------

/**
 * POST /deliverables/:id/messages: a comment by either party, in any status (a withdrawn or
 * finished deliverable keeps its thread open: the crisis clause and the payment may still
 * need words). Not a transition, so not on the audit chain; the other side is notified.
 */
export async function postDeliverableMessage(ctx: CallerContext, input: { deliverableId: string; body: string }) {
	const { db, now } = ctx;
	const loaded = await loadDeliverable(ctx, input.deliverableId);
	const id = crypto.randomUUID();
	await db.batch([messageStatement(db, loaded, now, { id, kind: 'comment', body: input.body }), notifyOtherSide(db, loaded, now, 'comment')]);
	const row = await db.prepare('SELECT m.*, u.name AS author_name FROM deliverable_messages m LEFT JOIN users u ON u.id = m.author_user_id WHERE m.id = ?1').bind(id).first<MessageRow>();
	if (!row) throw new AppError('not_found');
	return { message: messageItem(row) };
}

// ---- downloads ----------------------------------------------------------------------------------

const isMediaType = (type: string | null): type is MediaType => (MEDIA_TYPES as readonly (string | null)[]).includes(type);

/**
 * GET /deliverables/:id/submissions/:submissionId/file: the file of one version, streamed
 * from R2 as an attachment with the download headers (worker/downloads.ts), for both
 * parties. 404 for anyone else, for a version of another deliverable and for a version
 * without a file. The download is recorded on the agreement's chain when it can be.
 */
export async function draftFile(ctx: CallerContext, input: { deliverableId: string; submissionId: string }): Promise<Response> {
	const loaded = await loadDeliverable(ctx, input.deliverableId);
	const s = await ctx.db.prepare('SELECT * FROM deliverable_submissions WHERE id = ?1 AND deliverable_id = ?2').bind(input.submissionId, loaded.d.id).first<SubmissionRow>();
	if (!s || !s.file_key || !isMediaType(s.file_type)) throw new AppError('not_found');
	const response = await downloadObject(ctx.files, s.file_key, { type: s.file_type, name: downloadName(s.file_name ?? '', s.file_type, `draft-v${s.version}`) });
	await recordDownload(ctx, loaded, s);
	return response;
}

/** Best-effort: a record that cannot be written (contention on the chain, a storage error) is logged, and the download goes on. */
async function recordDownload(ctx: CallerContext, loaded: LoadedDeliverable, s: SubmissionRow) {
	try {
		await appendAgreementEvent(ctx, {
			agreementId: loaded.d.agreement_id,
			actor: actorOf(loaded.agreement),
			event: { action: 'draft_downloaded', data: { deliverableId: loaded.d.id, status: loaded.d.status as DeliverableStatus, draftVersion: s.version, submissionId: s.id } }
		});
	} catch (err) {
		logRecordFailure('draft_downloaded', loaded.d.agreement_id, err);
	}
}
