/**
 * Reminders (issue 10, points 2, 3 and 9): the real `scheduled` handler (and POST
 * /dev/scheduled) run with fixed clocks. A party who has not signed 48 hours after sending
 * is reminded once, in their language, in-app and by email; later runs, overlapping runs and
 * retries send nothing more; sending again is a new due moment. A brand whose applicants
 * wait more than 3 days is reminded once, then weekly. In-app preferences apply, except to
 * signing. Assertions are scoped to each test's own rows: the cron sees the whole database.
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { jobContext } from '../../worker/context';
import { REMINDER_KINDS } from '../../worker/domain/reminders';
import { type DueReminder, REMINDER_FINDERS, sendReminder } from '../../worker/services/reminders';
import { agreementScene, count, requestCode, sendReady, sign } from './agreements-scene';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client, signUp } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function runCron(at: number) {
	await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, createExecutionContext());
}

interface KindReport {
	sent: number;
	skipped: number;
	failed: number;
}
interface Report {
	at: string;
	reminders: KindReport & { notifications: number; emails: number; byKind: Record<'agreement_unsigned_reminder' | 'applicants_waiting_reminder', KindReport> };
}

/** The development route: the same run, answering its report. */
async function devScheduled(at: number): Promise<Report> {
	const res = await new Client().call('/dev/scheduled', { json: { now: new Date(at).toISOString() } });
	expect(res.status).toBe(200);
	return (await res.json()) as Report;
}

/** The cron deletes sessions idle for a week: users of a test that runs it weeks ahead stay signed in, as if they kept using the app. */
const keepSignedIn = (...userIds: string[]) =>
	env.DB.batch(userIds.map((id) => env.DB.prepare('UPDATE sessions SET idle_expires_at = ?2, absolute_expires_at = ?2 WHERE user_id = ?1').bind(id, Date.now() + 365 * DAY)));

const setLocale = async (client: Client, locale: 'fr' | 'ar' | 'en') => expect((await client.call('/me/locale', { method: 'PUT', json: { locale } })).status).toBe(204);

const sentAtOf = async (agreementId: string) => (await env.DB.prepare('SELECT sent_at FROM agreements WHERE id = ?1').bind(agreementId).first<{ sent_at: number }>())!.sent_at;

const mailsTo = async (email: string, like: string) =>
	(
		await env.DB.prepare('SELECT subject, text FROM outbox WHERE to_email = ?1 AND (subject LIKE ?2 OR text LIKE ?2) ORDER BY created_at, rowid')
			.bind(email, like)
			.all<{ subject: string; text: string }>()
	).results;

const remindersAbout = (subjectPrefix: string) => count('SELECT count(*) AS n FROM reminders WHERE subject = ?1 OR subject LIKE ?2', subjectPrefix, `${subjectPrefix}:%`);

interface Note {
	id: string;
	kind: string;
	category: string | null;
	payload: Record<string, unknown>;
	readAt: string | null;
}
async function notes(client: Client, query = '') {
	const res = await client.call(`/notifications${query}`);
	expect(res.status).toBe(200);
	return (await res.json()) as { notifications: Note[]; unread: number; unreadByCategory: Record<string, number>; total: number; category: string | null };
}
const remindersIn = async (client: Client, kind: string) => (await notes(client)).notifications.filter((n) => n.kind === kind);

/** An agreement sent for signature; the creator reads Arabic, the brand owner English. */
async function sentAgreement(names: { brandName: string; creatorName: string }) {
	const s = await agreementScene(names);
	await setLocale(s.creator.client, 'ar');
	await setLocale(s.brand.client, 'en');
	await sendReady(s);
	await keepSignedIn(s.creator.user.id, s.brand.user.id);
	return { ...s, sentAt: await sentAtOf(s.agreementId) };
}

describe('agreement_unsigned_reminder', () => {
	it('nothing before 48 hours; then one reminder per party, in their language, in-app and by email; a later run sends nothing new', async () => {
		const s = await sentAgreement({ brandName: 'Bijoux Kabylie', creatorName: 'Amina Style' });

		await runCron(s.sentAt + 47 * HOUR + 59 * MINUTE);
		expect(await remindersAbout(s.agreementId)).toBe(0);
		expect(await mailsTo(s.creator.email, '%تذكير%')).toEqual([]);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toEqual([]);

		await runCron(s.sentAt + 48 * HOUR);
		expect(await remindersAbout(s.agreementId)).toBe(2);
		const rows = await env.DB.prepare('SELECT subject, due_at, recipient_user_id, sent_at FROM reminders WHERE subject LIKE ?1 ORDER BY subject').bind(`${s.agreementId}:%`).all();
		expect(rows.results).toEqual([
			{ subject: `${s.agreementId}:brand`, due_at: s.sentAt + 48 * HOUR, recipient_user_id: s.brand.user.id, sent_at: s.sentAt + 48 * HOUR },
			{ subject: `${s.agreementId}:creator`, due_at: s.sentAt + 48 * HOUR, recipient_user_id: s.creator.user.id, sent_at: s.sentAt + 48 * HOUR }
		]);

		// The creator reads Arabic, the brand owner English; both get the signing link.
		const ar = await mailsTo(s.creator.email, '%تذكير%');
		expect(ar).toHaveLength(1);
		expect(ar[0].subject).toBe('تذكير: الاتفاق «Sérum éclat» بانتظار توقيعك');
		expect(ar[0].text).toContain('منذ أكثر من 48 ساعة');
		expect(ar[0].text).toContain(`http://wasla.test/agreements/${s.agreementId}/sign`);
		const en = await mailsTo(s.brand.email, 'Reminder:%');
		expect(en).toHaveLength(1);
		expect(en[0].subject).toBe('Reminder: the agreement "Sérum éclat" is waiting for your signature');
		expect(en[0].text).toContain('between Bijoux Kabylie and Amina Style (version 3)');
		expect(en[0].text).not.toContain('already signed');

		// In-app: one notification each, unread, in the signing category.
		for (const [client, party] of [
			[s.creator.client, 'creator'],
			[s.brand.client, 'brand']
		] as const) {
			const mine = await remindersIn(client, 'agreement_unsigned_reminder');
			expect(mine).toHaveLength(1);
			expect(mine[0]).toMatchObject({ category: 'signing', readAt: null, payload: { agreementId: s.agreementId, party, version: 3, otherSigned: false, campaignTitle: 'Sérum éclat' } });
		}

		// Later runs (next minute, next day) send nothing new.
		await runCron(s.sentAt + 48 * HOUR + MINUTE);
		await runCron(s.sentAt + 72 * HOUR);
		await runCron(s.sentAt + 30 * DAY);
		expect(await remindersAbout(s.agreementId)).toBe(2);
		expect(await mailsTo(s.creator.email, '%تذكير%')).toHaveLength(1);
		expect(await mailsTo(s.brand.email, 'Reminder:%')).toHaveLength(1);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toHaveLength(1);
		expect(await remindersIn(s.brand.client, 'agreement_unsigned_reminder')).toHaveLength(1);
	}, 60_000);

	it('reminds only the party who has not signed, and says the other one did', async () => {
		const s = await sentAgreement({ brandName: 'Huiles de Kabylie', creatorName: 'Rania Vlog' });
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId), 'Rania Benali')).status).toBe(200);

		await runCron(s.sentAt + 49 * HOUR);
		expect(await env.DB.prepare('SELECT subject FROM reminders WHERE subject LIKE ?1').bind(`${s.agreementId}:%`).all()).toMatchObject({ results: [{ subject: `${s.agreementId}:brand` }] });
		expect(await mailsTo(s.creator.email, '%تذكير%')).toEqual([]);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toEqual([]);
		const [mail] = await mailsTo(s.brand.email, 'Reminder:%');
		expect(mail.text).toContain('Rania Vlog has already signed it: only yours is missing.');
		expect((await remindersIn(s.brand.client, 'agreement_unsigned_reminder'))[0].payload).toMatchObject({ party: 'brand', otherSigned: true });

		// Signed by both: nothing more, ever.
		expect((await sign(s.brand.client, s.agreementId, await requestCode(s.brand.client, s.brand.email, s.agreementId), 'Lina Benali')).status).toBe(200);
		await runCron(s.sentAt + 10 * DAY);
		expect(await remindersAbout(s.agreementId)).toBe(1);
	}, 60_000);

	it('two overlapping runs (and a retry of the same minute) send one reminder per party; the reports add up', async () => {
		const s = await sentAgreement({ brandName: 'Savon d’Alep Oran', creatorName: 'Yasmine Care' });
		// Clocks no other test uses, so the reminders written by these runs can be counted exactly.
		const at = s.sentAt + 50 * HOUR + 17;
		const reports = await Promise.all([devScheduled(at), devScheduled(at), devScheduled(at + 1), runCron(at + 2).then(() => null)]);

		expect(await remindersAbout(s.agreementId)).toBe(2);
		expect(await mailsTo(s.creator.email, '%تذكير%')).toHaveLength(1);
		expect(await mailsTo(s.brand.email, 'Reminder:%')).toHaveLength(1);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toHaveLength(1);
		expect(await remindersIn(s.brand.client, 'agreement_unsigned_reminder')).toHaveLength(1);

		// What the dev runs say they sent is what they wrote; the cron run wrote the rest.
		const fromReports = reports.reduce((sum, r) => sum + (r?.reminders.byKind.agreement_unsigned_reminder.sent ?? 0), 0);
		const written = await count("SELECT count(*) AS n FROM reminders WHERE kind = 'agreement_unsigned_reminder' AND sent_at IN (?1, ?2)", at, at + 1);
		expect(fromReports).toBe(written);
		for (const r of reports) if (r) expect(r.reminders.failed).toBe(0);
	}, 60_000);

	it('two runs that both found the reminder before either wrote it: one writes it and its messages, the other nothing', async () => {
		const s = await sentAgreement({ brandName: 'Verre de Hoggar', creatorName: 'Kenza Art' });
		const at = s.sentAt + 49 * HOUR;
		// The real finder and sender of the cron task, interleaved the worst way: both runs read, then both write.
		const [first, second] = [jobContext(env, at), jobContext(env, at + MINUTE)];
		const mine = (due: DueReminder[]) => due.filter((r) => r.subject.startsWith(s.agreementId));
		const foundByFirst = mine(await REMINDER_FINDERS.agreement_unsigned_reminder(first, 500));
		const foundBySecond = mine(await REMINDER_FINDERS.agreement_unsigned_reminder(second, 500));
		expect(foundByFirst.map((r) => r.subject).sort()).toEqual([`${s.agreementId}:brand`, `${s.agreementId}:creator`]);
		expect(foundBySecond.map((r) => [r.subject, r.dueAt])).toEqual(foundByFirst.map((r) => [r.subject, r.dueAt]));
		const results = await Promise.all([...foundBySecond.map((r) => sendReminder(second, r)), ...foundByFirst.map((r) => sendReminder(first, r))]);
		expect(results.filter((r) => r.sent)).toHaveLength(2);
		expect(results.filter((r) => !r.sent)).toEqual([
			{ sent: false, notifications: 0, emails: 0 },
			{ sent: false, notifications: 0, emails: 0 }
		]);
		expect(await remindersAbout(s.agreementId)).toBe(2);
		expect(await mailsTo(s.creator.email, '%تذكير%')).toHaveLength(1);
		expect(await mailsTo(s.brand.email, 'Reminder:%')).toHaveLength(1);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toHaveLength(1);
		expect(await remindersIn(s.brand.client, 'agreement_unsigned_reminder')).toHaveLength(1);
	}, 60_000);

	it('a party who signs between the finding and the writing is not reminded', async () => {
		const s = await sentAgreement({ brandName: 'Fromagerie Tizi', creatorName: 'Adel Goût' });
		const ctx = jobContext(env, s.sentAt + 49 * HOUR);
		const found = (await REMINDER_FINDERS.agreement_unsigned_reminder(ctx, 500)).filter((r) => r.subject === `${s.agreementId}:creator`);
		expect(found).toHaveLength(1);
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId), 'Adel Saidi')).status).toBe(200);
		expect(await sendReminder(ctx, found[0])).toEqual({ sent: false, notifications: 0, emails: 0 });
		expect(await remindersAbout(s.agreementId)).toBe(0);
	}, 60_000);

	it('sending again after a reopening is a new due moment: reminded again 48 hours after the new sending', async () => {
		const s = await sentAgreement({ brandName: 'Dattes Biskra', creatorName: 'Samir Food' });
		await runCron(s.sentAt + 48 * HOUR);
		expect(await remindersAbout(s.agreementId)).toBe(2);

		expect((await s.creator.client.call(`/agreements/${s.agreementId}/reopen`, { json: { note: 'Une date à changer' } })).status).toBe(200);
		// Back to draft: nothing is due for it.
		await runCron(s.sentAt + 5 * DAY);
		expect(await remindersAbout(s.agreementId)).toBe(2);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(200);
		const resent = await sentAtOf(s.agreementId);
		expect(resent).toBeGreaterThan(s.sentAt);

		await runCron(resent + 47 * HOUR);
		expect(await remindersAbout(s.agreementId)).toBe(2);
		await runCron(resent + 48 * HOUR);
		expect(await remindersAbout(s.agreementId)).toBe(4);
		expect(await count('SELECT count(DISTINCT due_at) AS n FROM reminders WHERE subject LIKE ?1', `${s.agreementId}:%`)).toBe(2);
		const ar = await mailsTo(s.creator.email, '%تذكير%');
		expect(ar).toHaveLength(2);
		expect(ar[1].text).toContain('(النسخة 4)');
	}, 60_000);

	it('ignores in-app preferences: signing reminders are always written', async () => {
		const s = await sentAgreement({ brandName: 'Cuir de Tlemcen', creatorName: 'Lyna Mode' });
		// Signing cannot be turned off through the API; a stored row (written by hand) changes nothing either.
		await env.DB.prepare("INSERT INTO notification_preferences (user_id, category, channel, updated_at) VALUES (?1, 'signing', 'off', ?2)").bind(s.creator.user.id, Date.now()).run();
		for (const category of ['applications', 'messages', 'team']) {
			expect((await s.creator.client.call('/me/notification-preferences', { method: 'PUT', json: { [category]: 'off' } })).status).toBe(200);
		}
		await runCron(s.sentAt + 48 * HOUR);
		expect(await remindersIn(s.creator.client, 'agreement_unsigned_reminder')).toHaveLength(1);
		expect(await mailsTo(s.creator.email, '%تذكير%')).toHaveLength(1);
	}, 60_000);
});

describe('applicants_waiting_reminder', () => {
	/** A brand with a teammate, two open campaigns and two waiting applications. */
	async function waitingScene(brandName: string) {
		const brand = await brandAccount(brandName);
		const mate = await signUp({ role: 'brand', name: 'Karim Associé' });
		await env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind(brand.brandId, mate.user.id, Date.now()).run();
		await setLocale(brand.client, 'fr');
		await setLocale(mate.client, 'ar');
		const first = await createCampaign(env, { brandId: brand.brandId, title: 'Huile d’argan' });
		const second = await createCampaign(env, { brandId: brand.brandId, title: 'Savon noir' });
		const apply = async (campaignId: string, name: string) => {
			const creator = await creatorAccount(env, name);
			const res = await creator.client.call(`/campaigns/${campaignId}/applications`, {
				json: { pitch: 'Mon audience adore les soins naturels : un reel et une story.', feeDzd: 20000, formats: ['reel'] }
			});
			expect(res.status).toBe(201);
			return ((await res.json()) as { application: { id: string } }).application.id;
		};
		const oldest = await apply(first, 'Nesrine Nature');
		const newer = await apply(second, 'Walid Vlog');
		const createdAt = (await env.DB.prepare('SELECT created_at FROM applications WHERE id = ?1').bind(oldest).first<{ created_at: number }>())!.created_at;
		// The oldest application waits an hour longer than the other.
		await env.DB.prepare('UPDATE applications SET created_at = ?2 WHERE id = ?1')
			.bind(oldest, createdAt - HOUR)
			.run();
		await keepSignedIn(brand.user.id, mate.user.id);
		return { brand, mate, first, second, oldest, newer, anchor: createdAt - HOUR };
	}

	it('once when the oldest application crosses 3 days, to every member in their language; quiet for a week, then weekly while some wait', async () => {
		const w = await waitingScene('Cosmétiques Tassili');
		const mails = async () => ({ owner: await mailsTo(w.brand.email, '%3 jours%'), mate: await mailsTo(w.mate.email, '%3 أيام%') });

		await runCron(w.anchor + 3 * DAY - MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(0);

		await runCron(w.anchor + 3 * DAY + 30 * MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(1);
		const row = await env.DB.prepare('SELECT due_at, recipient_user_id, recipient_brand_id FROM reminders WHERE subject = ?1').bind(w.brand.brandId).first();
		expect(row).toEqual({ due_at: w.anchor + 3 * DAY, recipient_user_id: null, recipient_brand_id: w.brand.brandId });
		// Only the oldest application is 3 days old at that time.
		let m = await mails();
		expect(m.owner).toHaveLength(1);
		expect(m.owner[0].subject).toBe('Une candidature attend votre réponse depuis plus de 3 jours');
		expect(m.owner[0].text).toContain('« Huile d’argan »');
		expect(m.owner[0].text).toContain(`http://wasla.test/campaigns/${w.first}/applicants`);
		expect(m.mate).toHaveLength(1);
		expect(m.mate[0].subject).toBe('طلبات ترشح تنتظر ردك منذ أكثر من 3 أيام: 1');
		for (const client of [w.brand.client, w.mate.client]) {
			const mine = await remindersIn(client, 'applicants_waiting_reminder');
			expect(mine).toHaveLength(1);
			expect(mine[0]).toMatchObject({ category: 'applications', payload: { campaignId: w.first, campaignTitle: 'Huile d’argan', waiting: 1, campaigns: 1, brandName: 'Cosmétiques Tassili' } });
		}

		// The next days: nothing (no daily flood), although a second application is now 3 days old.
		for (const day of [4, 5, 9]) await runCron(w.anchor + day * DAY);
		expect(await remindersAbout(w.brand.brandId)).toBe(1);

		// A week after the first: again, counting both applications over two campaigns.
		await runCron(w.anchor + 10 * DAY + 30 * MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(2);
		m = await mails();
		expect(m.owner).toHaveLength(2);
		expect(m.owner[1].subject).toBe('2 candidatures attendent votre réponse depuis plus de 3 jours');
		expect(m.owner[1].text).toContain('(sur 2 campagnes). La plus ancienne concerne « Huile d’argan »');
		await runCron(w.anchor + 10 * DAY + 31 * MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(2);

		// Answered (one declined, one accepted): no more reminders.
		expect((await w.brand.client.call(`/applications/${w.oldest}/decline`, { json: { reason: 'Budget déjà engagé.' } })).status).toBe(200);
		expect((await w.brand.client.call(`/applications/${w.newer}/accept`, { method: 'POST' })).status).toBe(200);
		await runCron(w.anchor + 30 * DAY);
		expect(await remindersAbout(w.brand.brandId)).toBe(2);
	}, 60_000);

	it('answering the oldest application does not restart the clock: the next one waits for the week to pass', async () => {
		const w = await waitingScene('Argan du Sud');
		await runCron(w.anchor + 3 * DAY + 30 * MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(1);
		// The oldest is answered; the other one crosses 3 days the next hour, a new due moment of its own.
		expect((await w.brand.client.call(`/applications/${w.oldest}/decline`, { json: { reason: 'Pas cette fois-ci.' } })).status).toBe(200);
		for (const at of [4 * DAY, 6 * DAY, 10 * DAY]) await runCron(w.anchor + at);
		expect(await remindersAbout(w.brand.brandId)).toBe(1);
		// A week after the last one, it is due again, for the application still waiting.
		await runCron(w.anchor + 10 * DAY + 31 * MINUTE);
		expect(await remindersAbout(w.brand.brandId)).toBe(2);
		expect((await mailsTo(w.brand.email, '%3 jours%'))[1].text).toContain('« Savon noir »');
	}, 60_000);

	it('in-app preferences: off writes no notification, in-app only writes one', async () => {
		const w = await waitingScene('Miel de Chréa');
		expect((await w.mate.client.call('/me/notification-preferences', { method: 'PUT', json: { applications: 'off' } })).status).toBe(200);
		expect((await w.brand.client.call('/me/notification-preferences', { method: 'PUT', json: { applications: 'in_app' } })).status).toBe(200);

		await runCron(w.anchor + 3 * DAY);
		expect(await remindersAbout(w.brand.brandId)).toBe(1);
		expect(await remindersIn(w.mate.client, 'applicants_waiting_reminder')).toEqual([]);
		expect(await remindersIn(w.brand.client, 'applicants_waiting_reminder')).toHaveLength(1);
	}, 60_000);

	it('a closed campaign’s applications are not chased', async () => {
		const w = await waitingScene('Poterie Sejnane');
		await env.DB.prepare("UPDATE campaigns SET status = 'closed' WHERE id IN (?1, ?2)").bind(w.first, w.second).run();
		await runCron(w.anchor + 4 * DAY);
		expect(await remindersAbout(w.brand.brandId)).toBe(0);
	}, 60_000);
});

describe('preferences at the notification choke point', () => {
	it('a member who turned applications off gets no application_received; messages still arrive', async () => {
		const brand = await brandAccount('Tissage Ghardaïa');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Tapis' });
		expect((await brand.client.call('/me/notification-preferences', { method: 'PUT', json: { applications: 'off' } })).status).toBe(200);
		const creator = await creatorAccount(env, 'Ines Déco');
		const res = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch: 'Mon audience aime la déco artisanale : un reel.', feeDzd: 15000, formats: ['reel'] } });
		expect(res.status).toBe(201);
		const applicationId = ((await res.json()) as { application: { id: string } }).application.id;
		expect((await notes(brand.client)).notifications).toEqual([]);
		expect((await creator.client.call(`/applications/${applicationId}/messages`, { json: { body: 'Bonjour, des questions ?' } })).status).toBe(201);
		expect((await notes(brand.client)).notifications.map((n) => n.kind)).toEqual(['message_received']);
	});
});

describe('POST /dev/scheduled', () => {
	it('answers what the run did, reminders counted in total and by kind', async () => {
		const s = await sentAgreement({ brandName: 'Épices Djanet', creatorName: 'Mehdi Cuisine' });
		const report = await devScheduled(s.sentAt + 48 * HOUR + 7);
		expect(report.at).toBe(new Date(s.sentAt + 48 * HOUR + 7).toISOString());
		expect(Object.keys(report.reminders).sort()).toEqual(['byKind', 'emails', 'failed', 'notifications', 'sent', 'skipped']);
		// Every kind is listed, those of later issues too (deliverables, issue 11).
		expect(Object.keys(report.reminders.byKind).sort()).toEqual([...REMINDER_KINDS].sort());
		expect(REMINDER_KINDS).toEqual(expect.arrayContaining(['agreement_unsigned_reminder', 'applicants_waiting_reminder', 'deliverable_draft_due', 'reuse_rights_ending']));
		// At least this agreement's two parties; the totals are the sums of the kinds.
		expect(report.reminders.byKind.agreement_unsigned_reminder.sent).toBeGreaterThanOrEqual(2);
		const kinds = Object.values(report.reminders.byKind);
		expect(report.reminders.sent).toBe(kinds.reduce((n, k) => n + k.sent, 0));
		expect(report.reminders.failed).toBe(0);
		expect(report.reminders.sent).toBe(await count('SELECT count(*) AS n FROM reminders WHERE sent_at = ?1', s.sentAt + 48 * HOUR + 7));
		expect(report.reminders.emails).toBeGreaterThanOrEqual(2);
		expect(report.reminders.notifications).toBeGreaterThanOrEqual(2);
		// Run again at the same time: nothing new.
		const again = await devScheduled(s.sentAt + 48 * HOUR + 7);
		expect(again.reminders.byKind.agreement_unsigned_reminder.sent).toBe(0);
		expect(await remindersAbout(s.agreementId)).toBe(2);
	}, 60_000);

	it('refuses a time that is not ISO 8601 with 400', async () => {
		const res = await new Client().call('/dev/scheduled', { json: { now: 'tomorrow' } });
		expect(res.status).toBe(400);
	});
});
