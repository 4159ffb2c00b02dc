/**
 * Email that arrives (issue 10, point 4): the outbox is a delivery queue, and every message
 * goes over real SMTP to the test server (scripts/mail-inbox.mjs, started by
 * test/mail-inbox-setup.ts), which tells what it received and can refuse on demand.
 *
 * The D1 database is shared by the test files running at the same time, and any request or
 * cron run may deliver any due row. Tests that follow one row's attempts therefore write it
 * for later (`created_at` two hours ahead, so nobody else finds it due) and drive its
 * attempts with `deliverMessage` at chosen times — the function the job and the cron call.
 * Cron runs at a later clock run the email task alone (`deliverDueEmails`): the whole cron
 * at a later time would also seal or clean up what other test files are looking at.
 */
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import type { Env } from '../../worker/env';
import { jobContext } from '../../worker/context';
import { MAX_ATTEMPTS } from '../../worker/domain/mail-delivery';
import { signingCodeEmail, agreementSentEmail } from '../../worker/services/agreement-emails';
import { queueEmailStatement, type OutboxMessage } from '../../worker/services/outbox';
import { deliverDueEmails, deliverMessage, mailer } from '../../worker/services/mail/delivery';
import { runScheduled } from '../../worker/jobs/scheduled';
import { agreementScene, count, sendReady } from './agreements-scene';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client, uniqueEmail } from './helpers';
import { received, scriptRecipient, waitForMail } from './inbox';

const MINUTE = 60_000;

interface OutboxRow {
	id: string;
	status: string;
	attempts: number;
	last_error: string | null;
	next_attempt_at: number;
	sent_at: number | null;
	message_id: string | null;
	kind: string | null;
	locale: string;
}

const rowsTo = async (to: string) =>
	(
		await env.DB.prepare('SELECT id, status, attempts, last_error, next_attempt_at, sent_at, message_id, kind, locale FROM outbox WHERE to_email = ?1 ORDER BY created_at, rowid')
			.bind(to)
			.all<OutboxRow>()
	).results;
const rowById = async (id: string) =>
	(await env.DB.prepare('SELECT id, status, attempts, last_error, next_attempt_at, sent_at, message_id, kind, locale FROM outbox WHERE id = ?1').bind(id).first<OutboxRow>())!;

/** Writes one email through the choke point, as if at `at`, and returns its row id. */
async function queued(msg: OutboxMessage, at: number): Promise<string> {
	await queueEmailStatement(env.DB, msg, at).run();
	const rows = await rowsTo(msg.to);
	return rows[rows.length - 1].id;
}

const codeMail = (to: string, locale: OutboxMessage['locale'] = 'fr') => signingCodeEmail(locale, { to, code: '482913', campaign: 'Sérum éclat', version: 3, minutes: 10 });
const attempt = (id: string, at: number) => deliverMessage(jobContext(env, at), mailer(env)!, id);

async function waitForRow(id: string, check: (r: OutboxRow) => boolean, timeoutMs = 20_000): Promise<OutboxRow> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const row = await rowById(id);
		if (check(row)) return row;
		if (Date.now() > until) throw new Error(`row ${id} is ${JSON.stringify(row)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Signing codes received by `to` (the subject ends with the code). */
const codesReceived = async (to: string) => (await received(to)).filter((m) => /\d{6}$/.test(m.subject));

describe('a message written by a request is delivered once, right away', () => {
	it('the signing code reaches the SMTP server before any cron run: sent, one attempt, a stable Message-ID; later runs send nothing more', async () => {
		const s = await agreementScene({ brandName: 'Dattes Biskra', creatorName: 'Yasmine Dattes' });
		await sendReady(s);
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' });
		expect(res.status).toBe(202);
		// Pushed to the queue by the request, delivered by the deliver_email job: no cron involved.
		const codes = await (async () => {
			const until = Date.now() + 20_000;
			for (;;) {
				const got = await codesReceived(s.creator.email);
				if (got.length || Date.now() > until) return got;
				await new Promise((r) => setTimeout(r, 100));
			}
		})();
		expect(codes).toHaveLength(1);
		const row = (await rowsTo(s.creator.email)).find((r) => r.kind === 'signing_code')!;
		const sent = await waitForRow(row.id, (r) => r.status === 'sent');
		expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null, kind: 'signing_code', locale: 'fr' });
		expect(codes[0].messageId).toBe(`<${sent.message_id}>`);
		expect(codes[0].subject).toMatch(/^Votre code de signature : \d{6}$/);
		expect(codes[0].envelope).toEqual({ from: 'no-reply@wasla.test', to: [s.creator.email] });

		// The cron, now and later, finds nothing to send for it.
		await runScheduled(jobContext(env, Date.now()));
		await deliverDueEmails(jobContext(env, Date.now() + 10 * MINUTE));
		expect(await codesReceived(s.creator.email)).toHaveLength(1);
		expect(await rowById(row.id)).toMatchObject({ status: 'sent', attempts: 1 });

		// The development outbox keeps its fields and adds status and attempts.
		const { messages } = (await (await new Client().call('/dev/outbox?limit=200')).json()) as { messages: Record<string, unknown>[] };
		const listed = messages.find((m) => m.to === s.creator.email && /\d{6}$/.test(String(m.subject)))!;
		expect(Object.keys(listed).sort()).toEqual(['at', 'attempts', 'status', 'subject', 'text', 'to']);
		expect(listed).toMatchObject({ status: 'sent', attempts: 1 });
	}, 60_000);

	it('a cron run delivers a row whose job never came (written outside a request)', async () => {
		const to = uniqueEmail('cron-only');
		const id = await queued(codeMail(to), Date.now());
		const report = await runScheduled(jobContext(env, Date.now()));
		expect(report.emails.sent).toBeGreaterThanOrEqual(1);
		expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 1 });
		expect(await received(to)).toHaveLength(1);
	});

	it('is proper multipart text + HTML: the HTML links the URLs and shows the code large and left to right', async () => {
		const to = uniqueEmail('multipart');
		const at = Date.now() + 120 * MINUTE;
		const link = 'https://wasla.test/agreements/abc?x=1&y=2';
		const id = await queued(agreementSentEmail('fr', { to, brand: 'Savon <b>Béjaïa</b>', creator: 'Amel & Co', campaign: 'Soldes', version: 2, link }), at);
		expect((await attempt(id, at)).outcome).toBe('sent');
		const [mail] = await received(to);
		expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
		expect(mail.raw).toMatch(/^Content-Type: text\/plain; charset="?UTF-8"?/m);
		expect(mail.raw).toMatch(/^Content-Type: text\/html; charset="?UTF-8"?/m);
		expect(mail.text.trim()).toBe((await env.DB.prepare('SELECT text FROM outbox WHERE id = ?1').bind(id).first<{ text: string }>())!.text);
		expect(mail.html).toContain('<html lang="fr" dir="ltr">');
		expect(mail.html).toContain(`<a href="https://wasla.test/agreements/abc?x=1&amp;y=2" dir="ltr"`);
		// Names are text, never markup.
		expect(mail.html).toContain('Savon &lt;b&gt;Béjaïa&lt;/b&gt;');
		expect(mail.html).toContain('Amel &amp; Co');
		expect(mail.html).not.toContain('<b>');

		const codeTo = uniqueEmail('code-html');
		const codeId = await queued(codeMail(codeTo), at);
		expect((await attempt(codeId, at)).outcome).toBe('sent');
		const [code] = await received(codeTo);
		expect(code.html).toMatch(/<span dir="ltr" style="[^"]*font-size:28px[^"]*">482913<\/span>/);
	});
});

describe('an email to an Arabic-speaking user', () => {
	it('has an Arabic subject (RFC 2047 words on folded ASCII lines), a right-to-left HTML part and the text part', async () => {
		const s = await agreementScene({ brandName: 'Tapis Ghardaïa', creatorName: 'Meriem Ait' });
		expect((await s.creator.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } })).status).toBe(204);
		await sendReady(s);
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })).status).toBe(202);
		const until = Date.now() + 20_000;
		let codes = await codesReceived(s.creator.email);
		while (!codes.length && Date.now() < until) {
			await new Promise((r) => setTimeout(r, 100));
			codes = await codesReceived(s.creator.email);
		}
		expect(codes).toHaveLength(1);
		const [mail] = codes;
		expect(mail.subject).toMatch(/^رمز التوقيع الخاص بك: \d{6}$/);
		const code = /(\d{6})$/.exec(mail.subject)![1];
		// The header block as sent: printable ASCII, the subject as encoded-words on lines of at most 78 characters.
		const head = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n'));
		expect(head).toMatch(/^[\x20-\x7E\r\n]*$/);
		const subjectLines = /^Subject: .*(?:\r\n .*)*/m.exec(head)![0].split('\r\n');
		expect(subjectLines[0]).toMatch(/^Subject: =\?UTF-8\?B\?/);
		for (const l of subjectLines) expect(l.length).toBeLessThanOrEqual(78);
		expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative; boundary=/m);
		expect(mail.html).toContain('<html lang="ar" dir="rtl">');
		expect(mail.html).toContain('<div lang="ar" dir="rtl"');
		expect(mail.html).toContain(`<span dir="ltr" style="`);
		expect(mail.html).toContain(`>${code}</span>`);
		expect(mail.text).toContain(`رمزك لتوقيع الاتفاق «Sérum éclat»`);
		expect(mail.text).toContain(code);
		const row = (await rowsTo(s.creator.email)).find((r) => r.kind === 'signing_code')!;
		expect(row.locale).toBe('ar');
	}, 60_000);
});

describe('retries', () => {
	it('a server that refuses (451) twice then accepts: each attempt recorded with its error and next attempt, sent exactly once', async () => {
		const to = uniqueEmail('refuse-twice');
		const t0 = Date.now() + 120 * MINUTE;
		await scriptRecipient(to, { code: 451, times: 2 });
		const id = await queued(codeMail(to), t0);

		expect(await attempt(id, t0)).toEqual({ outcome: 'retry', stopBatch: false });
		let row = await rowById(id);
		expect(row).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: t0 + MINUTE, sent_at: null });
		expect(row.last_error).toMatch(/451/);
		const messageId = row.message_id;
		expect(messageId).toMatch(/@wasla\.test$/);

		// Not due yet: nothing happens.
		expect((await attempt(id, t0 + 30_000)).outcome).toBe('skipped');
		expect((await rowById(id)).attempts).toBe(1);

		expect((await attempt(id, t0 + MINUTE)).outcome).toBe('retry');
		row = await rowById(id);
		expect(row).toMatchObject({ status: 'queued', attempts: 2, next_attempt_at: t0 + 3 * MINUTE });
		expect(row.last_error).toMatch(/451/);

		expect((await attempt(id, t0 + 3 * MINUTE)).outcome).toBe('sent');
		expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null, sent_at: t0 + 3 * MINUTE, message_id: messageId });
		expect((await attempt(id, t0 + 10 * MINUTE)).outcome).toBe('skipped');
		const got = await received(to);
		expect(got).toHaveLength(1);
		// Every attempt carried the same Message-ID.
		expect(got[0].messageId).toBe(`<${messageId}>`);
	});

	it('a permanent refusal (550) fails the message at once; it stays in the outbox, never sent', async () => {
		const to = uniqueEmail('refuse-for-good');
		const t0 = Date.now() + 120 * MINUTE;
		await scriptRecipient(to, { code: 550, times: 1 });
		const id = await queued(codeMail(to), t0);
		expect((await attempt(id, t0)).outcome).toBe('failed');
		const row = await rowById(id);
		expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
		expect(row.last_error).toMatch(/550/);
		expect((await attempt(id, t0 + 120 * MINUTE)).outcome).toBe('skipped');
		expect(await received(to)).toEqual([]);
	});

	it('a server that keeps refusing: retried after 1, 2, 4 … minutes, then failed after the last allowed attempt', async () => {
		const to = uniqueEmail('refuse-always');
		const t0 = Date.now() + 120 * MINUTE;
		await scriptRecipient(to, { code: 421, times: 100 });
		const id = await queued(codeMail(to), t0);
		const waits: number[] = [];
		let at = t0;
		for (let n = 1; n <= MAX_ATTEMPTS; n++) {
			const { outcome } = await attempt(id, at);
			const row = await rowById(id);
			expect(row.attempts).toBe(n);
			if (n < MAX_ATTEMPTS) {
				expect(outcome).toBe('retry');
				waits.push((row.next_attempt_at - at) / MINUTE);
				at = row.next_attempt_at;
			} else {
				expect(outcome).toBe('failed');
				expect(row.status).toBe('failed');
				expect(row.last_error).toMatch(/421/);
			}
		}
		expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
		expect((await attempt(id, at + 24 * 60 * MINUTE)).outcome).toBe('skipped');
		expect(await received(to)).toEqual([]);
		expect(await count('SELECT count(*) AS n FROM outbox WHERE id = ?1', id)).toBe(1);
	});

	it('a sender that died mid-send: the lease lapses and the message is due again, with the same Message-ID', async () => {
		const to = uniqueEmail('lease');
		const t0 = Date.now() + 120 * MINUTE;
		const id = await queued(codeMail(to), t0);
		// As a claim would leave it, then the Worker stopped.
		await env.DB.prepare("UPDATE outbox SET status = 'sending', attempts = 1, lease_until = ?2, message_id = ?3 WHERE id = ?1")
			.bind(id, t0 + 5 * MINUTE, `${id}@wasla.test`)
			.run();
		expect((await attempt(id, t0 + MINUTE)).outcome).toBe('skipped');
		expect((await attempt(id, t0 + 5 * MINUTE)).outcome).toBe('sent');
		expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 2 });
		expect((await received(to)).map((m) => m.messageId)).toEqual([`<${id}@wasla.test>`]);
	});
});

describe('never sent twice', () => {
	it('two deliveries of one message at the same time: one claims it and sends, the other sends nothing', async () => {
		const to = uniqueEmail('race');
		const t0 = Date.now() + 120 * MINUTE;
		// The server takes its time over the recipient, so both deliveries are under way together.
		await scriptRecipient(to, { code: 0, times: 5, delayMs: 400 });
		const id = await queued(codeMail(to), t0);
		const outcomes = (await Promise.all([attempt(id, t0), attempt(id, t0), attempt(id, t0)])).map((r) => r.outcome).sort();
		expect(outcomes).toEqual(['sent', 'skipped', 'skipped']);
		expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 1 });
		expect(await received(to)).toHaveLength(1);
	});

	it('the same deliver_email job in two queue batches and a cron run at once: received once', async () => {
		const to = uniqueEmail('race-queue');
		await scriptRecipient(to, { code: 0, times: 5, delayMs: 400 });
		const id = await queued(codeMail(to), Date.now());
		const job = { kind: 'deliver_email', outboxId: id };
		const batches = [1, 2].map((n) => createMessageBatch('wasla-jobs', [{ id: `race-${n}`, timestamp: Date.now(), attempts: 1, body: job }]));
		const ctxs = batches.map(() => createExecutionContext());
		const cron = createExecutionContext();
		await Promise.all([...batches.map((b, i) => worker.queue(b, env, ctxs[i])), worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }), env, cron)]);
		for (const [i, b] of batches.entries()) expect((await getQueueResult(b, ctxs[i])).explicitAcks).toEqual([`race-${i + 1}`]);
		expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 1 });
		expect(await received(to)).toHaveLength(1);
	});
});

describe('preferences at the choke point', () => {
	const prefer = (userId: string, category: string, channel: string) =>
		env.DB.prepare('INSERT INTO notification_preferences (user_id, category, channel, updated_at) VALUES (?1, ?2, ?3, ?4)').bind(userId, category, channel, Date.now()).run();

	it('a brand that chose in-app only, or nothing, for applications gets no email about one; a signing code is sent whatever is stored', async () => {
		const inApp = await brandAccount('Bijoux Oran');
		const off = await brandAccount('Huiles Kabylie');
		await prefer(inApp.user.id, 'applications', 'in_app');
		await prefer(off.user.id, 'applications', 'off');
		const creator = await creatorAccount(env, 'Sara Oran');
		for (const brand of [inApp, off]) {
			const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Collection hiver', formats: ['reel'] });
			const applied = await creator.client.call(`/campaigns/${campaignId}/applications`, {
				json: { pitch: 'Un reel tourné dans mon atelier, puis une story le lendemain.', feeDzd: 15000, formats: ['reel'] }
			});
			expect(applied.status).toBe(201);
			const [row] = await rowsTo(brand.email);
			expect(row).toMatchObject({ kind: 'application_received', status: 'suppressed', attempts: 0 });
		}

		// Signing is mandatory: a creator who stored "off" for it still gets the code.
		const s = await agreementScene({ brandName: 'Céramique Nabeul', creatorName: 'Lamia Cherif' });
		await prefer(s.creator.user.id, 'signing', 'off');
		await prefer(s.creator.user.id, 'applications', 'off');
		await sendReady(s);
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })).status).toBe(202);
		await waitForMail(s.creator.email, 1);
		const code = (await rowsTo(s.creator.email)).find((r) => r.kind === 'signing_code')!;
		expect((await waitForRow(code.id, (r) => r.status === 'sent')).attempts).toBe(1);

		// Suppressed rows are never delivered, whatever runs.
		await deliverDueEmails(jobContext(env, Date.now() + 5 * MINUTE));
		for (const brand of [inApp, off]) {
			expect((await rowsTo(brand.email)).map((r) => r.status)).toEqual(['suppressed']);
			expect(await received(brand.email)).toEqual([]);
		}
		// The brand with no stored choice gets the default: email.
		const plain = await brandAccount('Sacs Tlemcen');
		const campaignId = await createCampaign(env, { brandId: plain.brandId, title: 'Sacs en cuir', formats: ['reel'] });
		expect(
			(await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Un reel tourné dans mon atelier, puis une story le lendemain.', feeDzd: 15000, formats: ['reel'] } }))
				.status
		).toBe(201);
		const [mail] = await waitForMail(plain.email, 1);
		expect(mail.subject).toContain('Sara Oran');
	}, 60_000);
});

describe('without SMTP', () => {
	it('the app still answers, and messages stay queued: neither a request nor the cron sends them', async () => {
		const bare: Env = { ...env, SMTP_HOST: undefined };
		const to = uniqueEmail('no-smtp');
		const id = await queued(codeMail(to), Date.now() + 120 * MINUTE);
		const ctx = createExecutionContext();
		const res = await worker.fetch(new Request('http://wasla.test/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), bare, ctx);
		expect(res.status).toBe(400);
		expect(await deliverDueEmails(jobContext(bare, Date.now() + 240 * MINUTE))).toEqual({ sent: 0, retried: 0, failed: 0 });
		expect((await runScheduled(jobContext(bare, Date.now()))).emails).toEqual({ sent: 0, retried: 0, failed: 0 });
		expect(await rowById(id)).toMatchObject({ status: 'queued', attempts: 0 });
		expect(await received(to)).toEqual([]);
	});
});
