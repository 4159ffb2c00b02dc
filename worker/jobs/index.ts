/**
 * The Worker's background handlers, shared by both entries (worker/entry.ts with the
 * SvelteKit app, worker/index.ts with the API alone for the tests): `scheduled` for the
 * Cron Trigger and `queue` for the JOBS queue and its dead-letter queue.
 */
import { type ServiceContext, jobContext } from '../context';
import type { Env } from '../env';
import { clearJobFailure, recordDeadJob, recordJobFailure } from './failures';
import { runScheduled } from './scheduled';
import { sealAgreement } from './seal-agreement';
import { deliverEmail } from './deliver-email';
import type { Job } from './types';

type Handlers = { [K in Job['kind']]: (ctx: ServiceContext, job: Extract<Job, { kind: K }>) => Promise<void> };

/** One handler per job kind; the compiler refuses a kind without one. */
const HANDLERS: Handlers = {
	seal_agreement: sealAgreement,
	deliver_email: deliverEmail
};

/** Runs one job. */
export function runJob(ctx: ServiceContext, job: Job): Promise<void> {
	const handler = HANDLERS[job.kind] as (ctx: ServiceContext, job: Job) => Promise<void>;
	return handler(ctx, job);
}

/** Seconds before a failed message comes back: 30 s, 1 min, 2 min, … capped at 1 hour. */
export function retryDelaySeconds(attempts: number): number {
	return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

const isJob = (body: unknown): body is Job => typeof body === 'object' && body !== null && typeof (body as { kind?: unknown }).kind === 'string' && (body as Job).kind in HANDLERS;

/**
 * Queue consumer. On the jobs queue each message is acknowledged once its job succeeded,
 * or retried with a growing delay (the failure counted in D1); after `max_retries` the
 * queue moves it to the dead-letter queue, whose messages are recorded as dead.
 */
export async function queue(batch: MessageBatch<unknown>, env: Env, _ctx?: ExecutionContext): Promise<void> {
	const now = Date.now();
	const dead = batch.queue.endsWith('-dlq');
	const ctx = jobContext(env, now);
	for (const message of batch.messages) {
		const job = message.body;
		if (!isJob(job)) {
			console.error(JSON.stringify({ level: 'error', msg: 'unknown job dropped', queue: batch.queue, id: message.id }));
			message.ack();
			continue;
		}
		if (dead) {
			await recordDeadJob(env.DB, job, now);
			message.ack();
			continue;
		}
		try {
			await runJob(ctx, job);
			await clearJobFailure(env.DB, job);
			message.ack();
		} catch (err) {
			console.error(JSON.stringify({ level: 'error', msg: 'job failed', kind: job.kind, attempts: message.attempts, error: String(err instanceof Error ? err.message : err) }));
			await recordJobFailure(env.DB, job, err, now).catch(() => undefined);
			message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
		}
	}
}

/** Cron Trigger: everything in `runScheduled`, at the controller's scheduled time. */
export async function scheduled(controller: ScheduledController, env: Env, _ctx?: ExecutionContext): Promise<void> {
	const report = await runScheduled(jobContext(env, controller.scheduledTime));
	console.log(JSON.stringify({ level: 'info', msg: 'scheduled run', cron: controller.cron, ...report }));
}
