/**
 * Email delivery from the outbox (issue 10, point 4). States, lease and backoff are in
 * worker/domain/mail-delivery.ts; this file moves rows through them.
 *
 * - **Claim before sending.** One guarded UPDATE … RETURNING turns a due row (`queued` and
 *   `next_attempt_at` passed, or `sending` whose lease lapsed) into `sending`, counts the
 *   attempt and fixes its Message-ID. Two consumers, two cron runs or a job and the cron that
 *   race for one row get one claim; the loser sends nothing.
 * - **Record after sending**, guarded by the attempt number the claim returned, so a sender
 *   whose lease lapsed cannot overwrite the outcome of the attempt that followed it.
 * - **Triggers**: a request that wrote emails pushes one `deliver_email` job per new row once
 *   its response is ready (`announceNewEmails`, from the API middleware), so a signing code
 *   leaves within seconds; the cron (`deliverDueEmails`) sends whatever is due — retries, and
 *   rows whose job was lost — in bounded batches.
 */
import type { JobQueue, ServiceContext } from '../../context';
import type { Env, Locale } from '../../env';
import { LOCALES } from '../../i18n';
import { buildAlternativeMessage } from '../../domain/mail';
import { mailHtml } from '../../domain/mail-html';
import { afterFailure, LEASE_MS, MAX_ATTEMPTS, messageIdFor, retryDelayMs, signingCodeIn } from '../../domain/mail-delivery';
import type { MailProvider, OutgoingMail, SendResult } from './provider';
import { type SmtpConfig, smtpConfig, smtpProvider } from './smtp';

/** A provider and the sender it sends as. */
export interface Mailer {
	provider: MailProvider;
	from: SmtpConfig['from'];
}

// Module state, on purpose and harmless: only whether this isolate already said that
// delivery is off, so the log says it once instead of once per request.
let reportedOff = false;

/** The configured mailer, or null (said once per isolate) when SMTP is not configured. */
export function mailer(env: Env): Mailer | null {
	const found = smtpConfig(env);
	if (!found.ok) {
		if (!reportedOff) {
			reportedOff = true;
			console.warn(JSON.stringify({ level: 'warn', msg: `email delivery is off: ${found.reason}; emails stay queued in the outbox` }));
		}
		return null;
	}
	return { provider: smtpProvider(found.config), from: found.config.from };
}

interface ClaimedRow {
	id: string;
	to_email: string;
	subject: string;
	text: string;
	kind: string | null;
	locale: string;
	attempts: number;
	message_id: string;
	created_at: number;
}

/** Claims `id` if it is due at `now`: the one statement that decides who sends a message. */
async function claim(ctx: ServiceContext, id: string, from: string): Promise<ClaimedRow | null> {
	return ctx.db
		.prepare(
			`UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?2 + ?3, message_id = coalesce(message_id, ?4)
			 WHERE id = ?1 AND attempts < ?5 AND ((status = 'queued' AND next_attempt_at <= ?2) OR (status = 'sending' AND lease_until <= ?2))
			 RETURNING id, to_email, subject, text, kind, locale, attempts, message_id, created_at`
		)
		.bind(id, ctx.now, LEASE_MS, messageIdFor(id, from), MAX_ATTEMPTS)
		.first<ClaimedRow>();
}

/**
 * The message as it goes out (worker/domain/mail.ts): the stored subject and text, the HTML
 * part rendered from the text, dated when it was written, with the row's Message-ID — the
 * same bytes on every attempt.
 */
function compose(row: ClaimedRow, from: Mailer['from']): OutgoingMail {
	const locale: Locale = (LOCALES as readonly string[]).includes(row.locale) ? (row.locale as Locale) : 'fr';
	const code = row.kind === 'signing_code' ? signingCodeIn(row.subject) : undefined;
	const html = mailHtml({ locale, subject: row.subject, text: row.text, code });
	const data = buildAlternativeMessage({ from, to: row.to_email, subject: row.subject, date: row.created_at, messageId: row.message_id }, { text: row.text, html });
	return { from: from.address, to: row.to_email, data };
}

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

/**
 * One attempt at one message: claim, send, record. `skipped` when the row was not due or
 * someone else holds it (already sent, being sent, suppressed, waiting for its next attempt).
 */
export async function deliverMessage(ctx: ServiceContext, via: Mailer, id: string): Promise<{ outcome: DeliveryOutcome; stopBatch: boolean }> {
	const row = await claim(ctx, id, via.from.address);
	if (!row) return { outcome: 'skipped', stopBatch: false };
	let result: SendResult;
	try {
		result = await via.provider.send(compose(row, via.from));
	} catch (err) {
		// A message that cannot be written (an address stored before the rules) never will be.
		result = { ok: false, retryable: !(err instanceof TypeError), stopBatch: false, error: String(err instanceof Error ? err.message : err).slice(0, 500) };
	}
	if (result.ok) {
		await ctx.db
			.prepare("UPDATE outbox SET status = 'sent', sent_at = ?2, lease_until = NULL, last_error = NULL WHERE id = ?1 AND status = 'sending' AND attempts = ?3")
			.bind(row.id, ctx.now, row.attempts)
			.run();
		return { outcome: 'sent', stopBatch: false };
	}
	const status = afterFailure(row.attempts, result.retryable);
	await ctx.db
		.prepare("UPDATE outbox SET status = ?2, next_attempt_at = ?3, lease_until = NULL, last_error = ?4 WHERE id = ?1 AND status = 'sending' AND attempts = ?5")
		.bind(row.id, status, ctx.now + retryDelayMs(row.attempts), result.error, row.attempts)
		.run();
	console.warn(JSON.stringify({ level: 'warn', msg: 'email not delivered', outboxId: row.id, attempts: row.attempts, status, error: result.error }));
	return { outcome: status === 'queued' ? 'retry' : 'failed', stopBatch: result.stopBatch };
}

/** Messages a cron run sends at most. */
const PER_RUN = 25;

export interface DeliveryReport {
	sent: number;
	retried: number;
	failed: number;
}

/**
 * Cron task: every due message, oldest first, at most PER_RUN, stopping early when the server
 * is unreachable. A `sending` row whose lease lapsed after its last allowed attempt is failed
 * here (its sender died; it will not be tried again).
 */
export async function deliverDueEmails(ctx: ServiceContext): Promise<DeliveryReport> {
	const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
	const via = mailer(ctx.env);
	if (!via) return report;
	const abandoned = await ctx.db
		.prepare(
			"UPDATE outbox SET status = 'failed', lease_until = NULL, last_error = coalesce(last_error, 'the sender stopped during the last attempt') WHERE status = 'sending' AND lease_until <= ?1 AND attempts >= ?2"
		)
		.bind(ctx.now, MAX_ATTEMPTS)
		.run();
	report.failed += abandoned.meta.changes;
	const { results } = await ctx.db
		.prepare(
			`SELECT id, next_attempt_at AS due FROM outbox WHERE status = 'queued' AND next_attempt_at <= ?1
			 UNION ALL SELECT id, lease_until AS due FROM outbox WHERE status = 'sending' AND lease_until <= ?1
			 ORDER BY due LIMIT ?2`
		)
		.bind(ctx.now, PER_RUN)
		.all<{ id: string }>();
	for (const { id } of results) {
		const { outcome, stopBatch } = await deliverMessage(ctx, via, id);
		if (outcome === 'sent') report.sent++;
		else if (outcome === 'retry') report.retried++;
		else if (outcome === 'failed') report.failed++;
		if (stopBatch) break;
	}
	return report;
}

/** Rows a request announces at most (a request writes a handful of emails). */
const ANNOUNCE_MAX = 50;

/**
 * After a request: one `deliver_email` job for each queued row written since `since` that no
 * request announced yet (the UPDATE marks them, so concurrent requests announce each row
 * once). Called once the request's batches have committed. A failure here loses nothing:
 * the cron sends every due row.
 */
export async function announceNewEmails(env: Env, jobs: JobQueue, since: number, now: number): Promise<number> {
	if (!mailer(env)) return 0;
	const { results } = await env.DB.prepare(
		`UPDATE outbox SET announced_at = ?2
		 WHERE id IN (SELECT id FROM outbox WHERE created_at >= ?1 AND status = 'queued' AND announced_at IS NULL ORDER BY created_at LIMIT ?3)
		 RETURNING id`
	)
		.bind(since, now, ANNOUNCE_MAX)
		.all<{ id: string }>();
	await jobs.enqueueAll(results.map((r) => ({ kind: 'deliver_email' as const, outboxId: r.id })));
	return results.length;
}
