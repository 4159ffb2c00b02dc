/**
 * Background work (issue 10, points 1 and 5): the last signature queues the sealing job and
 * the PDFs are stored without anyone downloading them; the queue consumer retries a failing
 * job and records it in D1; the dead-letter consumer marks it dead; the cron handler, run
 * with a fixed clock, cleans expired rows and seals what the queue missed, once.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import type { Env } from '../../worker/env';
import { retryDelaySeconds } from '../../worker/jobs';
import { agreementScene, count, requestCode, sendReady, sign } from './agreements-scene';

const MINUTE = 60_000;

/** Both parties sign; returns the scene once the agreement is signed. */
async function signedScene(names: { brandName: string; creatorName: string }) {
	const s = await agreementScene(names);
	await sendReady(s);
	expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId), names.creatorName)).status).toBe(200);
	expect((await sign(s.brand.client, s.agreementId, await requestCode(s.brand.client, s.brand.email, s.agreementId), 'Lina Benali')).status).toBe(200);
	return s;
}

const documents = (id: string) => count('SELECT count(*) AS n FROM agreement_documents WHERE agreement_id = ?1', id);

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('timed out');
}

async function runCron(at: number, e: Env = env) {
	const ctx = createExecutionContext();
	await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), e, ctx);
}

describe('sealing off the request path', () => {
	it('the last signature queues the job: fr, ar and en are sealed and stored before any download', async () => {
		const s = await signedScene({ brandName: 'Céramiques Nabeul', creatorName: 'Hiba Rahmani' });
		await waitFor(async () => (await documents(s.agreementId)) === 3);
		const rows = await env.DB.prepare('SELECT lang, r2_key, sha256 FROM agreement_documents WHERE agreement_id = ?1 ORDER BY lang')
			.bind(s.agreementId)
			.all<{ lang: string; r2_key: string; sha256: string }>();
		expect(rows.results.map((r) => r.lang)).toEqual(['ar', 'en', 'fr']);
		for (const r of rows.results) expect(await env.FILES.head(r.r2_key)).not.toBeNull();
		// The download serves the stored bytes, and says nothing was sealed on demand.
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/pdf?lang=ar`);
		expect(res.status).toBe(200);
		expect(res.headers.get('x-document-sha256')).toBe(rows.results[0].sha256);
		// Nobody downloaded before the job ran.
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'downloaded'", s.agreementId)).toBe(1);
	}, 120_000);
});

describe('queue consumer', () => {
	it('retries a failing job with a growing delay and counts it in D1; the dead-letter queue marks it dead; a success clears it', async () => {
		const s = await signedScene({ brandName: 'Tapis Ghardaïa', creatorName: 'Meriem Ait' });
		await waitFor(async () => (await documents(s.agreementId)) === 3);
		await env.DB.prepare('DELETE FROM agreement_documents WHERE agreement_id = ?1').bind(s.agreementId).run();
		const job = { kind: 'seal_agreement', agreementId: s.agreementId };

		// Without the seal key the job cannot succeed.
		const broken: Env = { ...env, SEAL_PRIVATE_KEY: undefined };
		const batch = createMessageBatch('wasla-jobs', [{ id: 'm1', timestamp: Date.now(), attempts: 2, body: job }]);
		const ctx = createExecutionContext();
		await worker.queue(batch, broken, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks).toEqual([]);
		expect(result.retryMessages.map((m) => m.msgId)).toEqual(['m1']);
		const failure = await env.DB.prepare("SELECT attempts, last_error, dead_at FROM job_failures WHERE kind = 'seal_agreement' AND subject = ?1").bind(s.agreementId).first();
		expect(failure).toMatchObject({ attempts: 1, dead_at: null });

		// The queue gives up: its dead-letter consumer records it.
		const dead = createMessageBatch('wasla-jobs-dlq', [{ id: 'm2', timestamp: Date.now(), attempts: 5, body: job }]);
		const dctx = createExecutionContext();
		await worker.queue(dead, env, dctx);
		expect((await getQueueResult(dead, dctx)).explicitAcks).toEqual(['m2']);
		const marked = await env.DB.prepare("SELECT dead_at FROM job_failures WHERE kind = 'seal_agreement' AND subject = ?1").bind(s.agreementId).first<{ dead_at: number | null }>();
		expect(marked!.dead_at).not.toBeNull();

		// The sweep leaves a dead job to an operator…
		await runCron(Date.now() + 30 * MINUTE);
		expect(await documents(s.agreementId)).toBe(0);
		// …and a job that succeeds later (the operator fixed the key and re-sent it) clears the record.
		const again = createMessageBatch('wasla-jobs', [{ id: 'm3', timestamp: Date.now(), attempts: 1, body: job }]);
		const actx = createExecutionContext();
		await worker.queue(again, env, actx);
		expect((await getQueueResult(again, actx)).explicitAcks).toEqual(['m3']);
		expect(await documents(s.agreementId)).toBe(3);
		expect(await count('SELECT count(*) AS n FROM job_failures WHERE subject = ?1', s.agreementId)).toBe(0);
	}, 120_000);

	it('waits longer after each failed attempt, at most an hour', () => {
		expect([1, 2, 3, 4, 5, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 480, 3600, 3600]);
	});

	it('acknowledges and drops a message that is not a job', async () => {
		const batch = createMessageBatch('wasla-jobs', [{ id: 'x', timestamp: Date.now(), attempts: 1, body: { kind: 'no_such_job' } }]);
		const ctx = createExecutionContext();
		await worker.queue(batch, env, ctx);
		expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['x']);
	});
});

describe('cron with a fixed clock', () => {
	it('seals what the queue missed once, after a grace period, and never twice', async () => {
		const s = await signedScene({ brandName: 'Poterie Kabyle', creatorName: 'Lamia Cherif' });
		await waitFor(async () => (await documents(s.agreementId)) === 3);
		// As if the queue had lost the message for Arabic.
		const ar = await env.DB.prepare("SELECT r2_key, sha256 FROM agreement_documents WHERE agreement_id = ?1 AND lang = 'ar'").bind(s.agreementId).first<{ r2_key: string; sha256: string }>();
		await env.DB.prepare("DELETE FROM agreement_documents WHERE agreement_id = ?1 AND lang = 'ar'").bind(s.agreementId).run();
		const completedAt = (await env.DB.prepare('SELECT completed_at FROM agreements WHERE id = ?1').bind(s.agreementId).first<{ completed_at: number }>())!.completed_at;
		const others = await env.DB.prepare('SELECT lang, sha256 FROM agreement_documents WHERE agreement_id = ?1 ORDER BY lang').bind(s.agreementId).all();

		await runCron(completedAt + 2 * MINUTE); // within the grace period: the queue may still be on it
		expect(await documents(s.agreementId)).toBe(2);
		await runCron(completedAt + 6 * MINUTE);
		expect(await documents(s.agreementId)).toBe(3);
		const resealed = await env.DB.prepare("SELECT sha256 FROM agreement_documents WHERE agreement_id = ?1 AND lang = 'ar'").bind(s.agreementId).first<{ sha256: string }>();
		expect(resealed!.sha256).not.toBe('');
		expect(ar!.sha256).toMatch(/^[0-9a-f]{64}$/);
		// The languages already stored were left as they were, and a second run changes nothing.
		const after = await env.DB.prepare("SELECT lang, sha256 FROM agreement_documents WHERE agreement_id = ?1 AND lang <> 'ar' ORDER BY lang").bind(s.agreementId).all();
		expect(after.results).toEqual(others.results);
		await runCron(completedAt + 7 * MINUTE);
		expect(await documents(s.agreementId)).toBe(3);
	}, 120_000);

	it('deletes expired sessions and old rate-limit windows, and keeps live ones', async () => {
		const now = Date.now();
		await env.DB.batch([
			env.DB.prepare("INSERT INTO users (id, email, name, role, password_hash, locale, created_at) VALUES ('u-cron', 'cron@example.dz', 'Cron', 'creator', NULL, 'fr', ?1)").bind(now),
			env.DB.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at) VALUES ('idle-gone', 'u-cron', ?1, ?1, ?2, ?3)").bind(
				now - 10 * MINUTE,
				now - MINUTE,
				now + 60 * MINUTE
			),
			env.DB.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at) VALUES ('abs-gone', 'u-cron', ?1, ?1, ?2, ?3)").bind(
				now - 10 * MINUTE,
				now + 60 * MINUTE,
				now - MINUTE
			),
			env.DB.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at) VALUES ('alive', 'u-cron', ?1, ?1, ?2, ?2)").bind(
				now,
				now + 60 * MINUTE
			),
			env.DB.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES ('login:ip:old', ?1, 3), ('login:ip:new', ?2, 3)").bind(now - 25 * 60 * MINUTE, now - 10 * MINUTE)
		]);
		await runCron(now);
		const sessions = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = 'u-cron'").all<{ token_hash: string }>();
		expect(sessions.results.map((r) => r.token_hash)).toEqual(['alive']);
		expect(await count("SELECT count(*) AS n FROM rate_limits WHERE key IN ('login:ip:old', 'login:ip:new')")).toBe(1);
	});
});
