/**
 * The deliverable reminders' rules (worker/domain/reminders.ts): which step each kind is
 * about, when it is due around the step's deadline, when it lapses; and their emails
 * (worker/services/deliverable-reminder-emails.ts) in the three languages.
 */
import { describe, expect, it } from 'vitest';
import { STATS_WINDOWS } from '../../worker/domain/deliverables';
import { categoryOf, isMandatory } from '../../worker/domain/message-kinds';
import {
	DAY_MS,
	HOUR_MS,
	type DeliverableReminderFacts,
	type DeliverableStepReminder,
	REMINDER_KINDS,
	REMINDER_RULES,
	anchorCutoff,
	anchorFloor,
	deliverableReminder,
	dueMoment,
	statsDeadline
} from '../../worker/domain/reminders';
import { type DeliverableReminderKind, dayText, deliverableReminderEmail, momentText, pieceText } from '../../worker/services/deliverable-reminder-emails';

/** End of 9 January 2031 in Algiers (23:00 UTC), as the planning writes a deadline. */
const DEADLINE = Date.UTC(2031, 0, 9, 23);

const facts = (f: Partial<DeliverableReminderFacts>): DeliverableReminderFacts => ({
	status: 'planned',
	draftDueAt: DEADLINE,
	publishDueAt: DEADLINE + 3 * DAY_MS,
	lastSubmittedAt: null,
	reviewDays: 2,
	publishedAt: null,
	extraRoundPending: false,
	withdrawalPending: false,
	...f
});

const DELIVERABLE_KINDS: DeliverableReminderKind[] = [
	'deliverable_draft_due',
	'deliverable_draft_late',
	'deliverable_review_waiting',
	'deliverable_publication_due',
	'deliverable_publication_late',
	'deliverable_stats_due',
	'deliverable_stats_late',
	'withdrawal_overdue',
	'reuse_rights_ending'
];
const STEP_KINDS = DELIVERABLE_KINDS.filter((k): k is DeliverableStepReminder => k.startsWith('deliverable_'));

describe('deliverable reminder rules', () => {
	it('every kind is a reminder of the deliverables category, which people may turn off', () => {
		for (const kind of DELIVERABLE_KINDS) {
			expect(REMINDER_KINDS).toContain(kind);
			expect(categoryOf(kind)).toBe('deliverables');
			expect(isMandatory(kind)).toBe(false);
			// Once per deadline: no repeat, no quiet period needed.
			expect(REMINDER_RULES[kind].repeatEvery).toBeNull();
		}
	});

	it('a planned draft: due 24 hours before its deadline until it, then late for a week', () => {
		const f = facts({});
		expect(deliverableReminder('deliverable_draft_due', f, DEADLINE - DAY_MS - 1)).toBeNull();
		expect(deliverableReminder('deliverable_draft_due', f, DEADLINE - DAY_MS)).toEqual({ anchor: DEADLINE, dueAt: DEADLINE - DAY_MS, window: null });
		expect(deliverableReminder('deliverable_draft_due', f, DEADLINE - 1)).toEqual({ anchor: DEADLINE, dueAt: DEADLINE - DAY_MS, window: null });
		// At the deadline the "due soon" one lapses and the late one takes over.
		expect(deliverableReminder('deliverable_draft_due', f, DEADLINE)).toBeNull();
		expect(deliverableReminder('deliverable_draft_late', f, DEADLINE - 1)).toBeNull();
		expect(deliverableReminder('deliverable_draft_late', f, DEADLINE)).toEqual({ anchor: DEADLINE, dueAt: DEADLINE, window: null });
		expect(deliverableReminder('deliverable_draft_late', f, DEADLINE + 7 * DAY_MS - 1)).toEqual({ anchor: DEADLINE, dueAt: DEADLINE, window: null });
		expect(deliverableReminder('deliverable_draft_late', f, DEADLINE + 7 * DAY_MS)).toBeNull();
		// A moved deadline is a new due moment.
		expect(deliverableReminder('deliverable_draft_late', facts({ draftDueAt: DEADLINE + 2 * DAY_MS }), DEADLINE + 3 * DAY_MS)?.dueAt).toBe(DEADLINE + 2 * DAY_MS);
	});

	it('each kind is about one step only: a deliverable that moved on calls for none of the earlier ones', () => {
		const later = facts({ status: 'approved' });
		for (const kind of ['deliverable_draft_due', 'deliverable_draft_late', 'deliverable_review_waiting', 'deliverable_stats_due', 'deliverable_stats_late'] as const) {
			for (const now of [DEADLINE - DAY_MS, DEADLINE, DEADLINE + 2 * DAY_MS]) expect(deliverableReminder(kind, later, now)).toBeNull();
		}
		// Steps without a deadline (a draft sent back for changes, the brand's approval of D+7 stats) and final statuses call for none.
		for (const status of ['changes_requested', 'stats_d7', 'done', 'withdrawn'] as const) {
			for (const kind of STEP_KINDS) expect(deliverableReminder(kind, facts({ status, publishedAt: DEADLINE, lastSubmittedAt: DEADLINE }), DEADLINE + 8 * DAY_MS)).toBeNull();
		}
	});

	it('a review waits the terms’ review days after the latest draft, not while an extra round waits for the creator', () => {
		const sent = Date.UTC(2031, 0, 3, 10, 30);
		const f = facts({ status: 'draft_submitted', lastSubmittedAt: sent, reviewDays: 3 });
		expect(deliverableReminder('deliverable_review_waiting', f, sent + 3 * DAY_MS - 1)).toBeNull();
		expect(deliverableReminder('deliverable_review_waiting', f, sent + 3 * DAY_MS)).toEqual({ anchor: sent + 3 * DAY_MS, dueAt: sent + 3 * DAY_MS, window: null });
		expect(deliverableReminder('deliverable_review_waiting', { ...f, extraRoundPending: true }, sent + 3 * DAY_MS)).toBeNull();
		// A new version restarts the clock: a new due moment.
		expect(deliverableReminder('deliverable_review_waiting', { ...f, lastSubmittedAt: sent + DAY_MS }, sent + 5 * DAY_MS)?.dueAt).toBe(sent + 4 * DAY_MS);
	});

	it('an approved post: due the day before its deadline, late after it', () => {
		const f = facts({ status: 'approved' });
		const due = f.publishDueAt;
		expect(deliverableReminder('deliverable_publication_due', f, due - DAY_MS)?.dueAt).toBe(due - DAY_MS);
		expect(deliverableReminder('deliverable_publication_due', f, due)).toBeNull();
		expect(deliverableReminder('deliverable_publication_late', f, due)?.dueAt).toBe(due);
		expect(deliverableReminder('deliverable_draft_late', f, due)).toBeNull();
	});

	it('stats: the "due" reminder goes when each window opens, the late one at its deadline; none while a withdrawal is pending', () => {
		for (const w of ['D1', 'D7'] as const) {
			// The reminder rule and the stats windows agree: due a day before the deadline is when the window opens.
			expect(statsDeadline(0, w) + REMINDER_RULES.deliverable_stats_due.after).toBe(STATS_WINDOWS[w].opensAfterMs);
		}
		const at = Date.UTC(2031, 0, 10, 18);
		const d1 = facts({ status: 'published', publishedAt: at });
		expect(deliverableReminder('deliverable_stats_due', d1, at + DAY_MS - 1)).toBeNull();
		expect(deliverableReminder('deliverable_stats_due', d1, at + DAY_MS)).toEqual({ anchor: at + 2 * DAY_MS, dueAt: at + DAY_MS, window: 'D1' });
		expect(deliverableReminder('deliverable_stats_late', d1, at + 2 * DAY_MS)).toEqual({ anchor: at + 2 * DAY_MS, dueAt: at + 2 * DAY_MS, window: 'D1' });
		const d7 = facts({ status: 'stats_d1', publishedAt: at });
		expect(deliverableReminder('deliverable_stats_due', d7, at + 7 * DAY_MS)).toEqual({ anchor: at + 8 * DAY_MS, dueAt: at + 7 * DAY_MS, window: 'D7' });
		expect(deliverableReminder('deliverable_stats_late', d7, at + 8 * DAY_MS)).toEqual({ anchor: at + 8 * DAY_MS, dueAt: at + 8 * DAY_MS, window: 'D7' });
		expect(deliverableReminder('deliverable_stats_late', { ...d7, withdrawalPending: true }, at + 8 * DAY_MS)).toBeNull();
	});

	it('withdrawals are late at their deadline, reuse rights announced 7 days before they end and not after', () => {
		expect(dueMoment('withdrawal_overdue', DEADLINE, DEADLINE - 1)).toBeNull();
		expect(dueMoment('withdrawal_overdue', DEADLINE, DEADLINE + HOUR_MS)).toBe(DEADLINE);
		expect(dueMoment('reuse_rights_ending', DEADLINE, DEADLINE - 7 * DAY_MS - 1)).toBeNull();
		expect(dueMoment('reuse_rights_ending', DEADLINE, DEADLINE - 7 * DAY_MS)).toBe(DEADLINE - 7 * DAY_MS);
		expect(dueMoment('reuse_rights_ending', DEADLINE, DEADLINE - 1)).toBe(DEADLINE - 7 * DAY_MS);
		expect(dueMoment('reuse_rights_ending', DEADLINE, DEADLINE)).toBeNull();
	});

	it('gives the finders the range of deadlines to read: (now − until, now − after]', () => {
		const now = DEADLINE;
		expect([anchorFloor('deliverable_draft_due', now), anchorCutoff('deliverable_draft_due', now)]).toEqual([now, now + DAY_MS]);
		expect([anchorFloor('deliverable_draft_late', now), anchorCutoff('deliverable_draft_late', now)]).toEqual([now - 7 * DAY_MS, now]);
		expect([anchorFloor('reuse_rights_ending', now), anchorCutoff('reuse_rights_ending', now)]).toEqual([now, now + 7 * DAY_MS]);
		// Kinds without `until` read every anchor up to the cutoff.
		expect(anchorFloor('agreement_unsigned_reminder', now)).toBe(Number.NEGATIVE_INFINITY);
	});
});

describe('deliverable reminder emails', () => {
	const base = {
		to: 'nour@example.dz',
		platform: 'instagram',
		format: 'reel',
		ordinal: 2,
		campaign: 'Sérum éclat',
		brand: 'Atelier Lina',
		creator: 'Nour Beauty',
		deadline: DEADLINE,
		window: 'D7' as const,
		requestedBy: 'brand' as const,
		link: 'http://wasla.test/deliverables/d-1'
	};

	it('names the piece as the pages do, and dates in Algiers with Latin digits and the months used in Algeria', () => {
		expect(pieceText('fr', base)).toBe('Reel 2 sur Instagram');
		expect(pieceText('ar', base)).toBe('ريلز 2 على إنستغرام');
		expect(pieceText('en', { ...base, format: 'post', platform: 'tiktok' })).toBe('Post 2 on TikTok');
		// A deadline at the end of an Algiers day is that day.
		expect(dayText('fr', DEADLINE)).toBe('9 janvier 2031');
		expect(dayText('ar', DEADLINE)).toBe('9 جانفي 2031');
		expect(dayText('en', DEADLINE)).toBe('9 January 2031');
		expect(momentText('en', Date.UTC(2031, 6, 12, 18))).toBe('12 July 2031 at 19:00 (Algiers time)');
		expect(momentText('ar', Date.UTC(2031, 6, 12, 18))).toMatch(/^12 جويلية 2031.*19:00 \(بتوقيت الجزائر\)$/);
	});

	it.each(['fr', 'ar', 'en'] as const)('every kind in %s: its kind, a subject, the piece, the campaign and the link', (locale) => {
		for (const kind of DELIVERABLE_KINDS) {
			for (const party of ['brand', 'creator'] as const) {
				const m = deliverableReminderEmail(kind, locale, { ...base, party });
				expect(m).toMatchObject({ to: base.to, kind, locale });
				expect(m.subject.length, `${kind} ${party}`).toBeGreaterThan(10);
				expect(m.text).toContain(base.link);
				expect(m.text).toContain(pieceText(locale, base));
				expect(m.text).toContain(base.campaign);
				if (locale === 'fr') {
					// French typography: ’ and a no-break space before : ; ? ! and inside « » (the URL's colon excepted).
					expect(m.subject + m.text, kind).not.toMatch(/'|[ ][:;?!]|« | »/);
				}
				if (locale === 'ar') expect(m.subject).toMatch(/[\u0600-\u06ff]/);
			}
		}
	});

	it('words a reminder for the side it goes to', () => {
		const late = (party: 'brand' | 'creator') => deliverableReminderEmail('deliverable_draft_late', 'en', { ...base, party }).text;
		expect(late('creator')).toContain('or tell Atelier Lina');
		expect(late('brand')).toContain('Nour Beauty has not sent the draft');
		// The requester of a withdrawal waits; the other side is asked to confirm.
		expect(deliverableReminderEmail('withdrawal_overdue', 'en', { ...base, party: 'brand' }).text).toContain('You asked for Reel 2 on Instagram');
		expect(deliverableReminderEmail('withdrawal_overdue', 'en', { ...base, party: 'creator' }).text).toContain('Atelier Lina asked for Reel 2 on Instagram');
		expect(deliverableReminderEmail('deliverable_stats_due', 'fr', { ...base, party: 'creator' }).subject).toBe('Rappel\u00a0: les statistiques J+7 de Reel 2 sur Instagram sont à déclarer');
	});
});
