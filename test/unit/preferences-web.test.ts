/** The UI's list of categories and channels is the API's (worker/domain/message-kinds.ts), in the same order. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CHANNELS, isCategory, isChannel } from '../../web/src/lib/notifications';
import { CHANNELS as API_CHANNELS, MESSAGE_CATEGORIES } from '../../worker/domain/message-kinds';

describe('web notification categories', () => {
	it('match the API', () => {
		expect([...CATEGORIES]).toEqual([...MESSAGE_CATEGORIES]);
		expect([...CHANNELS]).toEqual([...API_CHANNELS]);
	});

	it('recognise only known values', () => {
		expect(isCategory('signing')).toBe(true);
		expect(isCategory('promotions')).toBe(false);
		expect(isChannel('in_app')).toBe(true);
		expect(isChannel('sms')).toBe(false);
	});
});
