import { describe, expect, it } from 'vitest';
import { MESSAGE_CATEGORIES, MESSAGE_KINDS, type MessageKind, effectiveChannel, isMandatory, sendsEmail, showsInApp } from '../../worker/domain/message-kinds';

describe('message kinds and preferences', () => {
	it('every kind has a known category, and every category has a kind', () => {
		const used = new Set(Object.values(MESSAGE_KINDS));
		for (const c of used) expect(MESSAGE_CATEGORIES).toContain(c);
		for (const c of MESSAGE_CATEGORIES) expect(used.has(c)).toBe(true);
	});

	it('signing and account messages cannot be turned off or kept out of email', () => {
		for (const kind of ['signing_code', 'agreement_sent', 'agreement_unsigned_reminder', 'team_invitation'] as MessageKind[]) {
			expect(isMandatory(kind)).toBe(true);
			for (const stored of ['off', 'in_app', 'email', undefined] as const) {
				expect(effectiveChannel(kind, stored)).toBe('email');
				expect(sendsEmail(kind, stored)).toBe(true);
				expect(showsInApp(kind, stored)).toBe(true);
			}
		}
	});

	it('other kinds follow the stored choice, email by default', () => {
		expect(effectiveChannel('message_received', undefined)).toBe('email');
		expect([sendsEmail('message_received', 'in_app'), showsInApp('message_received', 'in_app')]).toEqual([false, true]);
		expect([sendsEmail('application_received', 'off'), showsInApp('application_received', 'off')]).toEqual([false, false]);
		expect([sendsEmail('team_member_left', 'email'), showsInApp('team_member_left', 'email')]).toEqual([true, true]);
	});
});
