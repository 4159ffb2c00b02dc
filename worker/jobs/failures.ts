/**
 * What the queue forgets, D1 remembers: each failed run of a job is counted per (kind,
 * subject) in `job_failures`, the dead-letter consumer marks it dead, and a success clears
 * it. The cron sweeps read this table so they neither drop work nor retry a hopeless job
 * every minute.
 */
import type { Job } from './types';

/** What a job is about: the row that holds its truth. */
export function jobSubject(job: Job): string {
	switch (job.kind) {
		case 'seal_agreement':
			return job.agreementId;
		case 'deliver_email':
			return job.outboxId;
	}
}

export async function recordJobFailure(d1: D1Database, job: Job, error: unknown, now: number): Promise<void> {
	const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
	await d1
		.prepare(
			`INSERT INTO job_failures (kind, subject, attempts, last_error, last_failed_at) VALUES (?1, ?2, 1, ?3, ?4)
			 ON CONFLICT (kind, subject) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error, last_failed_at = excluded.last_failed_at`
		)
		.bind(job.kind, jobSubject(job), message, now)
		.run();
}

export async function clearJobFailure(d1: D1Database, job: Job): Promise<void> {
	await d1.prepare('DELETE FROM job_failures WHERE kind = ?1 AND subject = ?2').bind(job.kind, jobSubject(job)).run();
}

/** The dead-letter consumer: the queue gave up on this job; the sweep will leave it to an operator. */
export async function recordDeadJob(d1: D1Database, job: Job, now: number): Promise<void> {
	await d1
		.prepare(
			`INSERT INTO job_failures (kind, subject, attempts, last_error, last_failed_at, dead_at) VALUES (?1, ?2, 0, 'dead-lettered', ?3, ?3)
			 ON CONFLICT (kind, subject) DO UPDATE SET dead_at = excluded.dead_at`
		)
		.bind(job.kind, jobSubject(job), now)
		.run();
}
