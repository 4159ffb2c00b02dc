import { describe, expect, it } from 'vitest';
import { signBookmark, verifiedBookmark } from '../../worker/d1-session';

const hmacKey = (secret: string) => crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
const BOOKMARK = '00000085-0000024c-00004c6d-8e61a9f3b2c4d5e6f708192a3b4c5d6e';

describe('the bookmark cookie', () => {
	it('verifies what it signed, again and again (the second time from what this isolate already checked)', async () => {
		const key = await hmacKey('one');
		const value = await signBookmark(key, BOOKMARK);
		expect(value.startsWith(`${BOOKMARK}.`)).toBe(true);
		expect(await verifiedBookmark(key, value)).toBe(BOOKMARK);
		expect(await verifiedBookmark(key, value)).toBe(BOOKMARK);
	});

	it('refuses an altered signature or bookmark even right after the genuine value was accepted', async () => {
		const key = await hmacKey('two');
		const value = await signBookmark(key, BOOKMARK);
		expect(await verifiedBookmark(key, value)).toBe(BOOKMARK);
		const sig = value.slice(value.indexOf('.') + 1);
		const flipped = `${BOOKMARK}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
		expect(await verifiedBookmark(key, flipped)).toBeNull();
		expect(await verifiedBookmark(key, `${BOOKMARK.replace('8e61', '8e62')}.${sig}`)).toBeNull();
		expect(await verifiedBookmark(key, `${BOOKMARK}.`)).toBeNull();
		expect(await verifiedBookmark(key, BOOKMARK)).toBeNull();
	});

	it('does not take a value checked under one key for another key’s', async () => {
		const first = await hmacKey('first secret');
		const second = await hmacKey('second secret');
		const value = await signBookmark(first, BOOKMARK);
		expect(await verifiedBookmark(first, value)).toBe(BOOKMARK);
		expect(await verifiedBookmark(second, value)).toBeNull();
	});

	it('keeps checking correctly past the number of values it remembers', async () => {
		const key = await hmacKey('many');
		const values: string[] = [];
		for (let i = 0; i < 1100; i++) values.push(await signBookmark(key, `${String(i).padStart(8, '0')}-0000024c-00004c6d-8e61`));
		for (const i of [0, 999, 1000, 1099]) expect(await verifiedBookmark(key, values[i])).toBe(`${String(i).padStart(8, '0')}-0000024c-00004c6d-8e61`);
		expect(
			await verifiedBookmark(
				key,
				values[5].replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
			)
		).toBeNull();
	});
});
