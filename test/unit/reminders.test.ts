/** The reminder rules (worker/domain/reminders.ts): when each kind is due, and its keys. */
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, REMINDER_KINDS, REMINDER_RULES, anchorCutoff, dueMoment, isReminderKind, quietUntil, reminderSubject } from '../../worker/domain/reminders';
import { MESSAGE_KINDS, categoryOf, isMandatory } from '../../worker/domain/message-kinds';

const T = Date.UTC(2026, 11, 4, 9, 0, 0);

describe('reminder rules', () => {
	it('every reminder is a message kind with a category; signing reminders are mandatory, applicants ones are not', () => {
		for (const kind of REMINDER_KINDS) expect(Object.hasOwn(MESSAGE_KINDS, kind)).toBe(true);
		expect(categoryOf('agreement_unsigned_reminder')).toBe('signing');
		expect(isMandatory('agreement_unsigned_reminder')).toBe(true);
		expect(categoryOf('applicants_waiting_reminder')).toBe('applications');
		expect(isMandatory('applicants_waiting_reminder')).toBe(false);
		expect(isReminderKind('agreement_unsigned_reminder')).toBe(true);
		expect(isReminderKind('agreement_sent')).toBe(false);
		expect(isReminderKind('toString')).toBe(false);
	});

	it('an unsigned agreement is due once, 48 hours after it was sent', () => {
		const kind = 'agreement_unsigned_reminder';
		expect(dueMoment(kind, T, T + 48 * HOUR_MS - 1)).toBeNull();
		expect(dueMoment(kind, T, T + 48 * HOUR_MS)).toBe(T + 48 * HOUR_MS);
		// Every later run sees the same due moment: one reminder per sending.
		expect(dueMoment(kind, T, T + 30 * DAY_MS)).toBe(T + 48 * HOUR_MS);
		// Sent again later: a new due moment.
		expect(dueMoment(kind, T + DAY_MS, T + 30 * DAY_MS)).toBe(T + 3 * DAY_MS);
		expect(anchorCutoff(kind, T)).toBe(T - 48 * HOUR_MS);
	});

	it('waiting applicants are due after 3 days, then every week; runs in the same week share the moment', () => {
		const kind = 'applicants_waiting_reminder';
		expect(dueMoment(kind, T, T + 3 * DAY_MS - 1)).toBeNull();
		expect(dueMoment(kind, T, T + 3 * DAY_MS)).toBe(T + 3 * DAY_MS);
		expect(dueMoment(kind, T, T + 9 * DAY_MS)).toBe(T + 3 * DAY_MS);
		expect(dueMoment(kind, T, T + 10 * DAY_MS)).toBe(T + 10 * DAY_MS);
		expect(dueMoment(kind, T, T + 16 * DAY_MS + 5)).toBe(T + 10 * DAY_MS);
		expect(dueMoment(kind, T, T + 17 * DAY_MS)).toBe(T + 17 * DAY_MS);
		expect(quietUntil(kind, T)).toBe(T + 7 * DAY_MS);
		expect(REMINDER_RULES[kind].quietFor).toBe(REMINDER_RULES[kind].repeatEvery);
	});

	it('refuses an anchor that is not a number', () => {
		expect(dueMoment('agreement_unsigned_reminder', Number.NaN, T)).toBeNull();
	});

	it('builds subjects from parts that cannot run into each other', () => {
		expect(reminderSubject('agr-1', 'creator')).toBe('agr-1:creator');
		expect(reminderSubject('brand-1')).toBe('brand-1');
		expect(() => reminderSubject('a:b', 'creator')).toThrow(TypeError);
		expect(() => reminderSubject('')).toThrow(TypeError);
		expect(() => reminderSubject()).toThrow(TypeError);
	});
});
