/**
 * Deliverable reminders (issue 11, point 6), driven through the real `scheduled` handler
 * (and POST /dev/scheduled) at fixed clocks: a draft due in 24 hours or late, a review
 * waiting past the terms' review days, a publication due or late, D+1 and D+7 stats due and
 * late, a withdrawal past its deadline, reuse rights ending within 7 days. Each goes out
 * once, to the right people, in their language, under their choices for the deliverables
 * category; a deliverable that moved on is not chased; other agreements are untouched.
 *
 * The routes that move deliverables are built in parallel, so each test puts its
 * deliverable in the state it needs with an SQL fixture (below) writing what those routes
 * write: the status and the columns the reminders read. Every test moves its deadlines to a
 * month of its own in 2031, so one test's runs never reach another's deliverables (the cron
 * sees the whole database; assertions are scoped to each test's rows anyway).
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { jobContext } from '../../worker/context';
import { DELIVERABLE_REMINDER_FINDERS } from '../../worker/services/deliverable-reminders';
import { sendReminder } from '../../worker/services/reminders';
import { count } from './agreements-scene';
import { type DeliverableOut, listDeliverables, signedScene } from './deliverables-scene';
import { Client, signUp } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The end of 9 <month> 2031 in Algiers (23:00 UTC): a deadline as the planning writes them. Each test takes its own month. */
const endOfDay = (month: number, day = 9) => Date.UTC(2031, month, day, 23);

async function runCron(at: number) {
	await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, createExecutionContext());
}

async function devScheduled(at: number) {
	const res = await new Client().call('/dev/scheduled', { json: { now: new Date(at).toISOString() } });
	expect(res.status).toBe(200);
	return (await res.json()) as { reminders: { failed: number; byKind: Record<string, { sent: number; skipped: number; failed: number }> } };
}

const setLocale = async (client: Client, locale: 'fr' | 'ar' | 'en') => expect((await client.call('/me/locale', { method: 'PUT', json: { locale } })).status).toBe(204);

/** The cron deletes idle sessions: users of these tests, which run it in 2031, stay signed in. */
const keepSignedIn = (...userIds: string[]) =>
	env.DB.batch(userIds.map((id) => env.DB.prepare('UPDATE sessions SET idle_expires_at = ?2, absolute_expires_at = ?2 WHERE user_id = ?1').bind(id, Date.UTC(2040, 0, 1))));

// ---- fixtures: what the deliverable routes write ----------------------------------------------------

/** Planned, its draft due at `draftDueAt` (the planning; a moved deadline writes a new one). */
const planned = (id: string, draftDueAt: number) =>
	env.DB.prepare("UPDATE deliverables SET status = 'planned', draft_due_at = ?2, draft_version = 0, last_submitted_at = NULL WHERE id = ?1").bind(id, draftDueAt).run();
/** A draft sent at `at` (submit: the version, its time, the review clock); the review waits unless an extra round is pending. */
const draftSubmitted = (id: string, at: number, version = 1) =>
	env.DB.prepare("UPDATE deliverables SET status = 'draft_submitted', draft_version = ?3, last_submitted_at = ?2, extra_round_asked_at = NULL WHERE id = ?1").bind(id, at, version).run();
/** The brand asked for a round beyond the included ones at `at` (waiting for the creator's consent). */
const extraRoundAsked = (id: string, at: number) => env.DB.prepare('UPDATE deliverables SET extra_round_asked_at = ?2 WHERE id = ?1').bind(id, at).run();
/** Approved at `at`, to be published by `publishDueAt`. */
const approved = (id: string, at: number, publishDueAt: number) =>
	env.DB.prepare("UPDATE deliverables SET status = 'approved', approved_at = ?2, publish_due_at = ?3 WHERE id = ?1").bind(id, at, publishDueAt).run();
/** Published at `at` (publish: the post's URL and when it went online). */
const published = (id: string, at: number) =>
	env.DB.prepare("UPDATE deliverables SET status = 'published', post_url = 'https://www.instagram.com/reel/Cx1/', published_at = ?2, publication_review = 'pending' WHERE id = ?1").bind(id, at).run();
/** The D+1 stats reported (report_d1: the status; the figures' row is not what reminders read). */
const statsD1 = (id: string) => env.DB.prepare("UPDATE deliverables SET status = 'stats_d1' WHERE id = ?1").bind(id).run();
/** A withdrawal asked by `by` at `at`, due `hours` later (the crisis clause). */
async function withdrawalAsked(s: Scene, d: DeliverableOut, by: 'brand' | 'creator', at: number, hours: number) {
	const id = crypto.randomUUID();
	await env.DB.prepare(
		`INSERT INTO deliverable_withdrawals (id, deliverable_id, agreement_id, requested_by_party, requested_by_user_id, reason, requested_at, deadline_at, status, payment_effect)
		 VALUES (?1, ?2, ?3, ?4, ?5, 'Crise : produit rappelé', ?6, ?7, 'requested', '{"payment":"pro_rata"}')`
	)
		.bind(id, d.id, s.agreementId, by, by === 'brand' ? s.brand.user.id : s.creator.user.id, at, at + hours * HOUR)
		.run();
	return { id, deadlineAt: at + hours * HOUR };
}
/** The approved draft as an asset of the brand's library, its reuse rights ending at `rightsUntil` (null and perpetual: forever). */
async function asset(s: Scene, d: DeliverableOut, rightsUntil: number | null) {
	const submissionId = crypto.randomUUID();
	const id = crypto.randomUUID();
	await env.DB.batch([
		env.DB.prepare("INSERT INTO deliverable_submissions (id, deliverable_id, version, note, user_id, created_at) VALUES (?1, ?2, 1, 'V1', ?3, ?4)").bind(
			submissionId,
			d.id,
			s.creator.user.id,
			Date.now()
		),
		env.DB.prepare(
			`INSERT INTO content_assets (id, brand_id, creator_id, campaign_id, agreement_id, deliverable_id, submission_id, platform, format, channels, perpetual, rights_days, rights_from, rights_until, created_at)
			 SELECT ?1, d.brand_id, d.creator_id, d.campaign_id, d.agreement_id, d.id, ?2, d.platform, d.format, '["website","ads"]', ?3, ?4, ?5, ?6, ?7 FROM deliverables d WHERE d.id = ?8`
		).bind(id, submissionId, rightsUntil === null ? 1 : 0, rightsUntil === null ? null : 30, rightsUntil === null ? null : rightsUntil - 30 * DAY, rightsUntil, Date.now(), d.id)
	]);
	return id;
}

// ---- the scene and what to read ------------------------------------------------------------------

type Scene = Awaited<ReturnType<typeof scene>>;

/**
 * A signed agreement (2 reels and a story on Instagram, campaign « Sérum éclat ») whose
 * creator reads Arabic and whose brand has two members: the owner reads English, a
 * teammate French.
 */
async function scene(names: { brandName: string; creatorName: string }) {
	const s = await signedScene(names);
	const mate = await signUp({ role: 'brand', name: 'Karim Associé' });
	await env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind(s.brand.brandId, mate.user.id, Date.now()).run();
	await setLocale(s.creator.client, 'ar');
	await setLocale(s.brand.client, 'en');
	await setLocale(mate.client, 'fr');
	await keepSignedIn(s.creator.user.id, s.brand.user.id, mate.user.id);
	const deliverables = await listDeliverables(s.creator.client, s.agreementId);
	return { ...s, mate, deliverables };
}

interface Mail {
	subject: string;
	text: string;
	locale: string;
	status: string;
}
/** The outbox rows of `kind` to `email`. */
const mails = async (email: string, kind: string) =>
	(await env.DB.prepare('SELECT subject, text, locale, status FROM outbox WHERE to_email = ?1 AND kind = ?2 ORDER BY created_at, rowid').bind(email, kind).all<Mail>()).results;

interface Note {
	kind: string;
	category: string | null;
	payload: Record<string, unknown>;
}
/** The caller's notifications of `kind` about deliverable `id` (or asset). */
async function notes(client: Client, kind: string, about: string) {
	const res = await client.call('/notifications?category=deliverables');
	expect(res.status).toBe(200);
	const { notifications } = (await res.json()) as { notifications: Note[] };
	return notifications.filter((n) => n.kind === kind && (n.payload.deliverableId === about || n.payload.assetId === about));
}

/** The reminders written about a deliverable (or an asset, or a withdrawal): kind, subject, due moment, recipient. */
const reminders = async (id: string) =>
	(
		await env.DB.prepare('SELECT kind, subject, due_at, recipient_user_id, recipient_brand_id FROM reminders WHERE subject = ?1 OR subject LIKE ?2 ORDER BY kind, subject, due_at')
			.bind(id, `${id}:%`)
			.all<{ kind: string; subject: string; due_at: number; recipient_user_id: string | null; recipient_brand_id: string | null }>()
	).results;

/** Everything the three people of a scene have been sent of `kind` (emails, notifications) about `about`. */
async function sent(s: Scene, kind: string, about: string) {
	return {
		creator: { mails: await mails(s.creator.email, kind), notes: await notes(s.creator.client, kind, about) },
		owner: { mails: await mails(s.brand.email, kind), notes: await notes(s.brand.client, kind, about) },
		mate: { mails: await mails(s.mate.email, kind), notes: await notes(s.mate.client, kind, about) }
	};
}
const counts = async (s: Scene, kind: string, about: string) => {
	const x = await sent(s, kind, about);
	return [x.creator.mails.length, x.creator.notes.length, x.owner.mails.length, x.owner.notes.length, x.mate.mails.length, x.mate.notes.length];
};

// ---- tests -----------------------------------------------------------------------------------------

describe('drafts', () => {
	it('due in 24 hours: once, to the creator, in Arabic, in-app and by email; nothing before, nothing more after', async () => {
		const s = await scene({ brandName: 'Atelier Lina Tlemcen', creatorName: 'Nour Beauty' });
		const [d] = s.deliverables;
		const deadline = endOfDay(0);
		await planned(d.id, deadline);

		await runCron(deadline - DAY - MINUTE);
		expect(await reminders(d.id)).toEqual([]);

		await runCron(deadline - DAY);
		expect(await reminders(d.id)).toEqual([{ kind: 'deliverable_draft_due', subject: d.id, due_at: deadline - DAY, recipient_user_id: s.creator.user.id, recipient_brand_id: null }]);
		const x = await sent(s, 'deliverable_draft_due', d.id);
		expect(x.creator.mails).toHaveLength(1);
		expect(x.creator.mails[0]).toMatchObject({ locale: 'ar', subject: 'تذكير: مسودة ريلز 1 على إنستغرام مطلوبة خلال 24 ساعة' });
		expect(x.creator.mails[0].status).not.toBe('suppressed');
		// The deadline is the end of 9 January in Algiers, written with the month names used in Algeria.
		expect(x.creator.mails[0].text).toContain('في موعد أقصاه 9 جانفي 2031 (نهاية اليوم بتوقيت الجزائر)');
		expect(x.creator.mails[0].text).toContain('«Sérum éclat»');
		expect(x.creator.mails[0].text).toContain(`http://wasla.test/deliverables/${d.id}`);
		expect(x.creator.notes).toHaveLength(1);
		expect(x.creator.notes[0]).toMatchObject({
			category: 'deliverables',
			payload: {
				deliverableId: d.id,
				agreementId: s.agreementId,
				applicationId: s.applicationId,
				campaignTitle: 'Sérum éclat',
				platform: 'instagram',
				format: 'reel',
				ordinal: 1,
				party: 'creator',
				dueAt: new Date(deadline).toISOString()
			}
		});
		// The brand is not told the creator's draft is due.
		expect([x.owner.mails, x.owner.notes, x.mate.mails, x.mate.notes]).toEqual([[], [], [], []]);

		// Later runs before the deadline (the next minute, an hour before): nothing new.
		await runCron(deadline - DAY + MINUTE);
		await runCron(deadline - HOUR);
		expect(await reminders(d.id)).toHaveLength(1);
		expect(await counts(s, 'deliverable_draft_due', d.id)).toEqual([1, 1, 0, 0, 0, 0]);
	}, 60_000);

	it('late: once to the creator and once to the brand, every member in their language; never again', async () => {
		const s = await scene({ brandName: 'Bijoux Kabylie', creatorName: 'Amina Style' });
		const [, d] = s.deliverables;
		const deadline = endOfDay(1);
		await planned(d.id, deadline);

		await runCron(deadline - MINUTE);
		expect((await reminders(d.id)).map((r) => r.kind)).toEqual(['deliverable_draft_due']);

		await runCron(deadline);
		const late = (await reminders(d.id)).filter((r) => r.kind === 'deliverable_draft_late');
		expect(late).toEqual([
			{ kind: 'deliverable_draft_late', subject: `${d.id}:brand`, due_at: deadline, recipient_user_id: null, recipient_brand_id: s.brand.brandId },
			{ kind: 'deliverable_draft_late', subject: `${d.id}:creator`, due_at: deadline, recipient_user_id: s.creator.user.id, recipient_brand_id: null }
		]);
		const x = await sent(s, 'deliverable_draft_late', d.id);
		expect(x.creator.mails.map((m) => [m.locale, m.subject])).toEqual([['ar', 'مسودة متأخرة: ريلز 2 على إنستغرام لحملة «Sérum éclat»']]);
		expect(x.creator.mails[0].text).toContain('أو أبلغ Bijoux Kabylie');
		expect(x.owner.mails.map((m) => [m.locale, m.subject])).toEqual([['en', 'Late draft: Reel 2 on Instagram for "Sérum éclat"']]);
		expect(x.owner.mails[0].text).toContain('Amina Style has not sent the draft of Reel 2 on Instagram for "Sérum éclat" yet; it was due by the end of 9 February 2031.');
		expect(x.mate.mails.map((m) => [m.locale, m.subject])).toEqual([['fr', 'Brouillon en retard\u00a0: Reel 2 sur Instagram pour «\u00a0Sérum éclat\u00a0»']]);
		expect(x.mate.mails[0].text).toContain('Amina Style n’a pas encore envoyé le brouillon de Reel 2 sur Instagram pour «\u00a0Sérum éclat\u00a0», attendu au plus tard le 9 février 2031.');
		expect(x.creator.notes.map((n) => n.payload.party)).toEqual(['creator']);
		expect(x.owner.notes.map((n) => n.payload.party)).toEqual(['brand']);
		expect(x.mate.notes.map((n) => n.payload.party)).toEqual(['brand']);

		// Every later run (the next minute, the next days, past the week): nothing more.
		for (const at of [deadline + MINUTE, deadline + 3 * DAY, deadline + 10 * DAY]) await runCron(at);
		expect(await counts(s, 'deliverable_draft_late', d.id)).toEqual([1, 1, 1, 1, 1, 1]);
		expect(await reminders(d.id)).toHaveLength(3);
	}, 60_000);

	it('a draft sent before its deadline is not chased; a moved deadline is a new due moment', async () => {
		const s = await scene({ brandName: 'Huiles de Kabylie', creatorName: 'Rania Vlog' });
		const [a, b] = s.deliverables;
		const deadline = endOfDay(2);
		await planned(a.id, deadline);
		await planned(b.id, deadline);
		// The first draft is sent two days early.
		await draftSubmitted(a.id, deadline - 2 * DAY);

		await runCron(deadline - DAY);
		expect(await reminders(a.id)).toEqual([]);
		expect((await reminders(b.id)).map((r) => r.kind)).toEqual(['deliverable_draft_due']);
		await runCron(deadline + HOUR);
		// Not late: its review is what waits now (2 days after it was sent).
		expect((await reminders(a.id)).map((r) => r.kind)).toEqual(['deliverable_review_waiting']);
		expect(await counts(s, 'deliverable_draft_late', a.id)).toEqual([1, 0, 1, 0, 1, 0]);

		// The second one's deadline moves three days later (re-planned): a new "due" then a new "late".
		const moved = deadline + 3 * DAY;
		await planned(b.id, moved);
		await runCron(moved - DAY);
		await runCron(moved);
		expect((await reminders(b.id)).map((r) => [r.kind, r.subject, r.due_at])).toEqual([
			['deliverable_draft_due', b.id, deadline - DAY],
			['deliverable_draft_due', b.id, moved - DAY],
			['deliverable_draft_late', `${b.id}:brand`, deadline],
			['deliverable_draft_late', `${b.id}:brand`, moved],
			['deliverable_draft_late', `${b.id}:creator`, deadline],
			['deliverable_draft_late', `${b.id}:creator`, moved]
		]);
	}, 60_000);

	it('a draft sent between the finding and the writing is not reminded', async () => {
		const s = await scene({ brandName: 'Fromagerie Tizi', creatorName: 'Adel Goût' });
		const [d] = s.deliverables;
		const deadline = endOfDay(3);
		await planned(d.id, deadline);
		const ctx = jobContext(env, deadline - 2 * HOUR);
		const found = (await DELIVERABLE_REMINDER_FINDERS.deliverable_draft_due(ctx, 500)).filter((r) => r.subject === d.id);
		expect(found).toHaveLength(1);
		await draftSubmitted(d.id, deadline - 2 * HOUR + MINUTE);
		expect(await sendReminder(ctx, found[0])).toEqual({ sent: false, notifications: 0, emails: 0 });
		expect(await reminders(d.id)).toEqual([]);
	}, 60_000);
});

describe('reviews', () => {
	it('a draft waiting past the review days: once to every brand member; none while an extra round waits; a new draft is a new due moment', async () => {
		const s = await scene({ brandName: 'Savon d’Alep Oran', creatorName: 'Yasmine Care' });
		const [d] = s.deliverables;
		// The terms give the brand 2 days to review.
		const sentAt = Date.UTC(2031, 4, 3, 10, 30);
		await draftSubmitted(d.id, sentAt);

		await runCron(sentAt + 2 * DAY - MINUTE);
		expect(await reminders(d.id)).toEqual([]);
		await runCron(sentAt + 2 * DAY);
		expect(await reminders(d.id)).toEqual([{ kind: 'deliverable_review_waiting', subject: d.id, due_at: sentAt + 2 * DAY, recipient_user_id: null, recipient_brand_id: s.brand.brandId }]);
		const x = await sent(s, 'deliverable_review_waiting', d.id);
		expect(x.owner.mails.map((m) => m.subject)).toEqual(['Reminder: the draft of Reel 1 on Instagram is waiting for your review']);
		// A precise deadline: the day and the time in Algiers (10:30 UTC is 11:30 there).
		expect(x.owner.mails[0].text).toContain('ran out on 5 May 2031 at 11:30 (Algiers time)');
		expect(x.mate.mails.map((m) => m.subject)).toEqual(['Rappel\u00a0: le brouillon de Reel 1 sur Instagram attend votre relecture']);
		expect(x.creator.mails).toEqual([]);
		expect(x.creator.notes).toEqual([]);
		await runCron(sentAt + 2 * DAY + MINUTE);
		await runCron(sentAt + 4 * DAY);
		expect(await counts(s, 'deliverable_review_waiting', d.id)).toEqual([0, 0, 1, 1, 1, 1]);

		// Version 2 sent, then the brand asks for a round beyond the included ones: the draft waits for the creator, not for a review.
		const second = sentAt + 5 * DAY;
		await draftSubmitted(d.id, second, 2);
		await extraRoundAsked(d.id, second + HOUR);
		await runCron(second + 3 * DAY);
		expect(await reminders(d.id)).toHaveLength(1);
		// The creator refuses the extra round: the review waits again, past its days, for this draft — a new due moment.
		await env.DB.prepare('UPDATE deliverables SET extra_round_asked_at = NULL WHERE id = ?1').bind(d.id).run();
		await runCron(second + 3 * DAY + MINUTE);
		expect((await reminders(d.id)).map((r) => r.due_at)).toEqual([sentAt + 2 * DAY, second + 2 * DAY]);
		expect(await counts(s, 'deliverable_review_waiting', d.id)).toEqual([0, 0, 2, 2, 2, 2]);
	}, 60_000);
});

describe('publication', () => {
	it('due in 24 hours to the creator, then late to both sides; a post recorded in time stops both', async () => {
		const s = await scene({ brandName: 'Verre de Hoggar', creatorName: 'Kenza Art' });
		const [a, b] = s.deliverables;
		const deadline = endOfDay(5, 12);
		await approved(a.id, deadline - 5 * DAY, deadline);
		await approved(b.id, deadline - 5 * DAY, deadline);

		await runCron(deadline - DAY - MINUTE);
		expect([...(await reminders(a.id)), ...(await reminders(b.id))]).toEqual([]);
		await runCron(deadline - DAY);
		for (const d of [a, b]) expect((await reminders(d.id)).map((r) => [r.kind, r.recipient_user_id])).toEqual([['deliverable_publication_due', s.creator.user.id]]);
		const x = await sent(s, 'deliverable_publication_due', a.id);
		// Two emails to the creator (one per piece); one notification about this one.
		expect(x.creator.mails.map((m) => m.subject).sort()).toEqual(['تذكير: نشر ريلز 1 على إنستغرام مطلوب خلال 24 ساعة', 'تذكير: نشر ريلز 2 على إنستغرام مطلوب خلال 24 ساعة']);
		expect(x.creator.notes).toHaveLength(1);
		expect(x.owner.notes).toEqual([]);

		// The first one goes online in time; the second does not.
		await published(a.id, deadline - 2 * HOUR);
		await runCron(deadline);
		await runCron(deadline + HOUR);
		expect((await reminders(a.id)).map((r) => r.kind)).toEqual(['deliverable_publication_due']);
		expect((await reminders(b.id)).map((r) => r.subject)).toEqual([b.id, `${b.id}:brand`, `${b.id}:creator`]);
		const y = await sent(s, 'deliverable_publication_late', b.id);
		expect(y.owner.mails.map((m) => m.subject)).toEqual(['Late post: Reel 2 on Instagram for "Sérum éclat"']);
		expect(y.owner.mails[0].text).toContain('Kenza Art was due to publish Reel 2 on Instagram for "Sérum éclat" by the end of 12 June 2031');
		expect(y.creator.mails.map((m) => m.subject)).toEqual(['نشر متأخر: ريلز 2 على إنستغرام لحملة «Sérum éclat»']);
		expect(await counts(s, 'deliverable_publication_late', b.id)).toEqual([1, 1, 1, 1, 1, 1]);
		// Emails are counted per person and kind (the second piece's), notifications per piece: none about the first.
		expect(await counts(s, 'deliverable_publication_late', a.id)).toEqual([1, 0, 1, 0, 1, 0]);
	}, 60_000);
});

describe('stats', () => {
	it('D+1 when the window opens and when it is late, then D+7 the same, each once, to the creator', async () => {
		const s = await scene({ brandName: 'Dattes Biskra', creatorName: 'Samir Food' });
		const [d] = s.deliverables;
		const at = Date.UTC(2031, 6, 10, 18, 0);
		await published(d.id, at);

		await runCron(at + DAY - MINUTE);
		expect(await reminders(d.id)).toEqual([]);
		await runCron(at + DAY);
		await runCron(at + DAY + MINUTE);
		expect((await reminders(d.id)).map((r) => [r.kind, r.subject, r.due_at])).toEqual([['deliverable_stats_due', `${d.id}:D1`, at + DAY]]);
		const due = await sent(s, 'deliverable_stats_due', d.id);
		expect(due.creator.mails.map((m) => m.subject)).toEqual(['تذكير: حان التصريح بإحصائيات اليوم الأول للمحتوى ريلز 1 على إنستغرام']);
		// Due by publication + 48 hours: 12 July, 19:00 in Algiers.
		expect(due.creator.mails[0].text).toContain('في موعد أقصاه 12 جويلية 2031');
		expect(due.creator.notes.map((n) => n.payload.window)).toEqual(['D1']);
		expect(due.owner.notes).toEqual([]);

		await runCron(at + 2 * DAY);
		await runCron(at + 3 * DAY);
		expect((await reminders(d.id)).map((r) => [r.kind, r.subject])).toEqual([
			['deliverable_stats_due', `${d.id}:D1`],
			['deliverable_stats_late', `${d.id}:D1`]
		]);

		// D+1 reported (late): the D+7 window is next.
		await statsD1(d.id);
		await runCron(at + 7 * DAY - MINUTE);
		expect(await reminders(d.id)).toHaveLength(2);
		await runCron(at + 7 * DAY);
		await runCron(at + 8 * DAY);
		await runCron(at + 9 * DAY);
		expect((await reminders(d.id)).map((r) => [r.kind, r.subject, r.due_at])).toEqual([
			['deliverable_stats_due', `${d.id}:D1`, at + DAY],
			['deliverable_stats_due', `${d.id}:D7`, at + 7 * DAY],
			['deliverable_stats_late', `${d.id}:D1`, at + 2 * DAY],
			['deliverable_stats_late', `${d.id}:D7`, at + 8 * DAY]
		]);
		const late = await sent(s, 'deliverable_stats_late', d.id);
		expect(late.creator.notes.map((n) => n.payload.window).sort()).toEqual(['D1', 'D7']);
		expect(late.creator.mails.map((m) => m.subject)).toEqual([
			'إحصائيات اليوم الأول متأخرة: ريلز 1 على إنستغرام لحملة «Sérum éclat»',
			'إحصائيات اليوم السابع متأخرة: ريلز 1 على إنستغرام لحملة «Sérum éclat»'
		]);
		expect(late.owner.mails).toEqual([]);
	}, 60_000);

	it('a window reported in time is not chased', async () => {
		const s = await scene({ brandName: 'Cuir de Tlemcen', creatorName: 'Lyna Mode' });
		const [d] = s.deliverables;
		const at = Date.UTC(2031, 7, 10, 18, 0);
		await published(d.id, at);
		await runCron(at + DAY);
		await statsD1(d.id);
		await runCron(at + 2 * DAY + HOUR);
		expect((await reminders(d.id)).map((r) => r.kind)).toEqual(['deliverable_stats_due']);
	}, 60_000);
});

describe('withdrawals', () => {
	it('past its deadline and not confirmed: the side asked to remove the content and the side that asked, each once', async () => {
		const s = await scene({ brandName: 'Épices Djanet', creatorName: 'Mehdi Cuisine' });
		const [d] = s.deliverables;
		const at = Date.UTC(2031, 8, 10, 8, 0);
		await published(d.id, at - 3 * DAY);
		const w = await withdrawalAsked(s, d, 'brand', at, 24);

		await runCron(w.deadlineAt - MINUTE);
		expect(await reminders(w.id)).toEqual([]);
		await runCron(w.deadlineAt);
		await runCron(w.deadlineAt + HOUR);
		expect((await reminders(w.id)).map((r) => [r.subject, r.recipient_user_id, r.recipient_brand_id])).toEqual([
			[`${w.id}:brand`, null, s.brand.brandId],
			[`${w.id}:creator`, s.creator.user.id, null]
		]);
		const x = await sent(s, 'withdrawal_overdue', d.id);
		// The creator, asked to remove it, in Arabic; the brand, who asked, in English and French.
		expect(x.creator.mails.map((m) => m.subject)).toEqual(['سحب متأخر: ريلز 1 على إنستغرام لحملة «Sérum éclat»']);
		expect(x.creator.mails[0].text).toContain('طلب Épices Djanet سحب ريلز 1 على إنستغرام');
		expect(x.owner.mails[0].text).toContain('You asked for Reel 1 on Instagram for "Sérum éclat" to be withdrawn under the crisis clause.');
		expect(x.owner.mails[0].text).toContain('11 September 2031 at 09:00 (Algiers time) and Mehdi Cuisine has not confirmed');
		expect(x.mate.mails[0].text).toContain('Vous avez demandé le retrait de Reel 1 sur Instagram');
		expect(x.creator.notes[0].payload).toMatchObject({ withdrawalId: w.id, requestedBy: 'brand', party: 'creator' });
		expect(x.owner.notes[0].payload).toMatchObject({ withdrawalId: w.id, requestedBy: 'brand', party: 'brand' });
		expect(await counts(s, 'withdrawal_overdue', d.id)).toEqual([1, 1, 1, 1, 1, 1]);
		// Published three days before the request, its D+1 stats were late by then: not chased while it comes down.
		expect(await reminders(d.id)).toEqual([]);
	}, 60_000);

	it('a withdrawal confirmed in time sends nothing', async () => {
		const s = await scene({ brandName: 'Miel de Chréa', creatorName: 'Ines Déco' });
		const [d] = s.deliverables;
		const at = Date.UTC(2031, 9, 10, 8, 0);
		await published(d.id, at - 3 * DAY);
		const w = await withdrawalAsked(s, d, 'creator', at, 12);
		await env.DB.prepare("UPDATE deliverable_withdrawals SET status = 'removed', confirmed_at = ?2 WHERE id = ?1")
			.bind(w.id, at + HOUR)
			.run();
		await runCron(w.deadlineAt + HOUR);
		expect(await reminders(w.id)).toEqual([]);
	}, 60_000);
});

describe('reuse rights', () => {
	it('ending within 7 days: once to every brand member, linking to the library; perpetual or withdrawn assets are not', async () => {
		const s = await scene({ brandName: 'Poterie Sejnane', creatorName: 'Walid Vlog' });
		const [a, b, c] = s.deliverables;
		const until = Date.UTC(2031, 10, 20, 9, 0);
		const ending = await asset(s, a, until);
		const forever = await asset(s, b, null);
		const withdrawn = await asset(s, c, until);
		await env.DB.prepare('UPDATE content_assets SET withdrawn_at = ?2 WHERE id = ?1')
			.bind(withdrawn, until - 20 * DAY)
			.run();

		await runCron(until - 7 * DAY - MINUTE);
		expect(await reminders(ending)).toEqual([]);
		await runCron(until - 7 * DAY);
		await runCron(until - 3 * DAY);
		expect(await reminders(ending)).toEqual([{ kind: 'reuse_rights_ending', subject: ending, due_at: until - 7 * DAY, recipient_user_id: null, recipient_brand_id: s.brand.brandId }]);
		expect([...(await reminders(forever)), ...(await reminders(withdrawn))]).toEqual([]);
		const x = await sent(s, 'reuse_rights_ending', ending);
		expect(x.owner.mails.map((m) => m.subject)).toEqual(['Reminder: your rights to Reel 1 on Instagram by Walid Vlog end on 20 November 2031']);
		expect(x.owner.mails[0].text).toContain('http://wasla.test/content');
		expect(x.mate.mails.map((m) => m.subject)).toEqual(['Rappel\u00a0: vos droits sur Reel 1 sur Instagram de Walid Vlog prennent fin le 20 novembre 2031']);
		expect(x.owner.notes.map((n) => n.payload)).toEqual([expect.objectContaining({ assetId: ending, deliverableId: a.id, party: 'brand', dueAt: new Date(until).toISOString() })]);
		expect([x.creator.mails, x.creator.notes]).toEqual([[], []]);
		// Once the rights have ended, nothing.
		await runCron(until + DAY);
		expect(await counts(s, 'reuse_rights_ending', ending)).toEqual([0, 0, 1, 1, 1, 1]);
	}, 60_000);
});

describe('preferences and isolation', () => {
	it('deliverables in-app only: the notification without the email; off: neither; other agreements untouched', async () => {
		const s = await scene({ brandName: 'Tissage Ghardaïa', creatorName: 'Nesrine Nature' });
		const other = await scene({ brandName: 'Maison Rivale Oran', creatorName: 'Autre Créatrice' });
		const [d] = s.deliverables;
		const [o] = other.deliverables;
		const deadline = endOfDay(11);
		await planned(d.id, deadline);
		// The other agreement's first draft was sent an hour ago (its review is due in 2 days); its second draft is due another day.
		await draftSubmitted(o.id, deadline - HOUR);
		await planned(other.deliverables[1].id, deadline + 2 * DAY);
		expect((await s.creator.client.call('/me/notification-preferences', { method: 'PUT', json: { deliverables: 'in_app' } })).status).toBe(200);
		expect((await s.mate.client.call('/me/notification-preferences', { method: 'PUT', json: { deliverables: 'off' } })).status).toBe(200);

		await runCron(deadline);
		// In-app only: the notification, and the email kept but never sent.
		const x = await sent(s, 'deliverable_draft_late', d.id);
		expect(x.creator.notes).toHaveLength(1);
		expect(x.creator.mails.map((m) => m.status)).toEqual(['suppressed']);
		// Off: no notification, no email sent; the owner, who chose nothing, gets both.
		expect(x.mate.notes).toEqual([]);
		expect(x.mate.mails.map((m) => m.status)).toEqual(['suppressed']);
		expect(x.owner.notes).toHaveLength(1);
		expect(x.owner.mails.map((m) => m.status)).not.toContain('suppressed');

		// The other agreement: nothing due, nothing sent to its people.
		for (const od of other.deliverables) expect(await reminders(od.id)).toEqual([]);
		for (const email of [other.creator.email, other.brand.email, other.mate.email]) {
			expect(await count("SELECT count(*) AS n FROM outbox WHERE to_email = ?1 AND kind LIKE 'deliverable_%'", email)).toBe(0);
		}
	}, 90_000);

	it('overlapping runs send each reminder once; the report counts every kind', async () => {
		const s = await scene({ brandName: 'Argan du Sud', creatorName: 'Hiba Rahmani' });
		const [d] = s.deliverables;
		const deadline = endOfDay(11, 25);
		await planned(d.id, deadline);
		const at = deadline + 17;
		const reports = await Promise.all([devScheduled(at), devScheduled(at), devScheduled(at + 1), runCron(at + 2).then(() => null)]);
		expect((await reminders(d.id)).map((r) => r.subject)).toEqual([`${d.id}:brand`, `${d.id}:creator`]);
		expect(await counts(s, 'deliverable_draft_late', d.id)).toEqual([1, 1, 1, 1, 1, 1]);
		for (const r of reports) {
			if (!r) continue;
			expect(r.reminders.failed).toBe(0);
			expect(Object.keys(r.reminders.byKind)).toEqual(
				expect.arrayContaining([
					'deliverable_draft_due',
					'deliverable_draft_late',
					'deliverable_review_waiting',
					'deliverable_publication_due',
					'deliverable_publication_late',
					'deliverable_stats_due',
					'deliverable_stats_late',
					'withdrawal_overdue',
					'reuse_rights_ending'
				])
			);
		}
		const fromReports = reports.reduce((n, r) => n + (r?.reminders.byKind.deliverable_draft_late.sent ?? 0), 0);
		expect(fromReports).toBe(await count("SELECT count(*) AS n FROM reminders WHERE kind = 'deliverable_draft_late' AND sent_at IN (?1, ?2)", at, at + 1));
	}, 60_000);
});
