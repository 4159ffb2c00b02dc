/**
 * Payout reminders (issue 13, point 3) through the real `scheduled` handler at fixed clocks:
 * an overdue payout reminds the brand at its deadline and every 3 days after, once per due
 * moment, not while held, not once paid; a dispute unresolved for 3 days reminds the brand
 * and each admin, then every 3 days, until it is resolved. Emails in the recipient's language.
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { signedScene } from './deliverables-scene';
import { listDeliverables } from './deliverables-scene';
import { MARK, adminClient, listPayouts, ok, step } from './payouts-scene';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function runCron(at: number) {
	await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, createExecutionContext());
}

/** The cron deletes idle sessions: keep the test's users signed in when it runs years ahead. */
const keepSignedIn = (...userIds: string[]) =>
	env.DB.batch(userIds.map((id) => env.DB.prepare('UPDATE sessions SET idle_expires_at = ?2, absolute_expires_at = ?2 WHERE user_id = ?1').bind(id, Date.now() + 3650 * DAY)));

const reminders = async (payoutId: string) =>
	(
		await env.DB.prepare('SELECT kind, subject, due_at, recipient_user_id, recipient_brand_id FROM reminders WHERE subject = ?1 OR subject LIKE ?2 ORDER BY due_at, subject')
			.bind(payoutId, `${payoutId}:%`)
			.all<{ kind: string; subject: string; due_at: number; recipient_user_id: string | null; recipient_brand_id: string | null }>()
	).results;

const mails = async (email: string, kind: string) =>
	(
		await env.DB.prepare('SELECT subject, text, locale FROM outbox WHERE to_email = ?1 AND kind = ?2 ORDER BY created_at, rowid')
			.bind(email, kind)
			.all<{ subject: string; text: string; locale: string }>()
	).results;

const notes = async (userId: string, kind: string) =>
	(await env.DB.prepare('SELECT payload FROM notifications WHERE user_id = ?1 AND kind = ?2').bind(userId, kind).all<{ payload: string }>()).results.map(
		(n) => JSON.parse(n.payload) as Record<string, unknown>
	);

/** The end of 10 March 2031 in Algiers (UTC+1). */
const DEADLINE = Date.UTC(2031, 2, 10, 23, 0);

async function overdueScene() {
	const s = await signedScene({ brandName: 'Café Tlemcen', creatorName: 'Yanis Food' });
	const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
	await env.DB.prepare('UPDATE payouts SET deadline_at = ?2 WHERE id = ?1').bind(first.id, DEADLINE).run();
	await keepSignedIn(s.brand.user.id, s.creator.user.id);
	return { s, payout: first };
}

describe('payout_overdue', () => {
	it('at the deadline, then every 3 days while due; once per due moment; in the brand’s language', async () => {
		const { s, payout } = await overdueScene();
		expect((await s.brand.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } })).status).toBe(204);
		await runCron(DEADLINE - MINUTE);
		expect(await reminders(payout.id)).toEqual([]);
		await runCron(DEADLINE);
		await runCron(DEADLINE + 5 * MINUTE);
		await runCron(DEADLINE + 2 * DAY);
		expect(await reminders(payout.id)).toEqual([{ kind: 'payout_overdue', subject: payout.id, due_at: DEADLINE, recipient_user_id: null, recipient_brand_id: s.brand.brandId }]);
		await Promise.all([runCron(DEADLINE + 3 * DAY + MINUTE), runCron(DEADLINE + 3 * DAY + MINUTE)]);
		expect((await reminders(payout.id)).map((r) => r.due_at)).toEqual([DEADLINE, DEADLINE + 3 * DAY]);

		const sent = await mails(s.brand.email, 'payout_overdue');
		expect(sent).toHaveLength(2);
		expect(sent[0].locale).toBe('ar');
		expect(sent[0].subject).toBe('دفعة متأخرة: 12\u202f500\u00a0د.ج لـYanis Food عن حملة «Sérum éclat»');
		expect(sent[0].text).toContain('في موعد أقصاه 10 مارس 2031');
		expect(sent[0].text).toContain(`http://wasla.test/agreements/${s.agreementId}/payouts`);
		const inApp = await notes(s.brand.user.id, 'payout_overdue');
		expect(inApp).toHaveLength(2);
		expect(inApp[0]).toMatchObject({ payoutId: payout.id, agreementId: s.agreementId, amountDzd: 12_500, creatorName: 'Yanis Food', party: 'brand', since: new Date(DEADLINE).toISOString() });
		// The creator is not reminded: it is the brand's move.
		expect(await notes(s.creator.user.id, 'payout_overdue')).toEqual([]);
	}, 60_000);

	it('in French by default; paying stops it; a held payout is never reminded', async () => {
		const { s, payout } = await overdueScene();
		// Held: a publication of the agreement lacks its disclosure.
		const [d] = await listDeliverables(s.brand.client, s.agreementId);
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'flagged' WHERE id = ?1").bind(d.id).run();
		await runCron(DEADLINE + MINUTE);
		expect(await reminders(payout.id)).toEqual([]);
		await env.DB.prepare("UPDATE deliverables SET publication_review = 'pending' WHERE id = ?1").bind(d.id).run();
		await runCron(DEADLINE + 2 * MINUTE);
		const sent = await mails(s.brand.email, 'payout_overdue');
		expect(sent.map((m) => m.subject)).toEqual(['Paiement en retard\u00a0: 12\u202f500\u00a0DA à Yanis Food pour «\u00a0Sérum éclat\u00a0»']);
		expect(sent[0].text).toContain('au plus tard le 10 mars 2031');

		await ok(await step(s.brand.client, payout.id, 'mark-paid', MARK));
		await runCron(DEADLINE + 3 * DAY);
		await runCron(DEADLINE + 9 * DAY);
		expect((await reminders(payout.id)).map((r) => r.due_at)).toEqual([DEADLINE]);
	}, 60_000);
});

describe('payout_dispute_waiting', () => {
	it('3 days after the dispute: the brand and each admin, then every 3 days until resolved', async () => {
		const { s, payout } = await overdueScene();
		const admin = await adminClient();
		const adminMe = (await (await admin.call('/me')).json()) as { user: { id: string; email: string } };
		await ok(await step(s.brand.client, payout.id, 'mark-paid', MARK));
		await ok(await step(s.creator.client, payout.id, 'dispute', { reason: 'Rien reçu sur mon CCP.' }));
		const disputedAt = Date.UTC(2031, 4, 2, 9, 30);
		await env.DB.prepare('UPDATE payouts SET disputed_at = ?2 WHERE id = ?1').bind(payout.id, disputedAt).run();
		await keepSignedIn(s.brand.user.id, s.creator.user.id, adminMe.user.id);

		await runCron(disputedAt + 3 * DAY - MINUTE);
		expect(await reminders(payout.id)).toEqual([]);
		await runCron(disputedAt + 3 * DAY);
		await runCron(disputedAt + 4 * DAY);
		const first = await reminders(payout.id);
		expect(first.filter((r) => r.subject === `${payout.id}:brand`)).toEqual([
			{ kind: 'payout_dispute_waiting', subject: `${payout.id}:brand`, due_at: disputedAt + 3 * DAY, recipient_user_id: null, recipient_brand_id: s.brand.brandId }
		]);
		expect(first.filter((r) => r.subject === `${payout.id}:admin:${adminMe.user.id}`)).toHaveLength(1);

		const brandMails = await mails(s.brand.email, 'payout_dispute_waiting');
		expect(brandMails.map((m) => m.subject)).toEqual(['Rappel\u00a0: Yanis Food conteste toujours le paiement de 12\u202f500\u00a0DA']);
		expect(brandMails[0].text).toContain('Depuis le 2 mai 2031');
		const adminMails = await mails(adminMe.user.email, 'payout_dispute_waiting');
		expect(adminMails.map((m) => m.subject)).toEqual(['Contestation en attente depuis 3\u00a0jours\u00a0: Café Tlemcen et Yanis Food']);
		// The admin's email leads to the admins' queue, the brand's to the agreement's payouts page.
		expect(adminMails[0].text).toContain('http://wasla.test/admin/disputes');
		expect(brandMails[0].text).toContain(`http://wasla.test/agreements/${s.agreementId}/payouts`);
		expect(await notes(adminMe.user.id, 'payout_dispute_waiting')).toEqual([expect.objectContaining({ payoutId: payout.id, party: 'admin' })]);

		await runCron(disputedAt + 6 * DAY);
		expect((await reminders(payout.id)).filter((r) => r.subject === `${payout.id}:brand`).map((r) => r.due_at)).toEqual([disputedAt + 3 * DAY, disputedAt + 6 * DAY]);

		// Resolved: nothing more.
		await ok(await step(admin, payout.id, 'resolve', { outcome: 'paid', note: 'Relevé CCP vérifié.' }));
		await runCron(disputedAt + 9 * DAY);
		expect((await reminders(payout.id)).filter((r) => r.subject === `${payout.id}:brand`)).toHaveLength(2);
	}, 60_000);
});
