import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/lib/safe-next';

describe('safeNext', () => {
	it.each([
		['/dashboard', '/dashboard'],
		['/settings?tab=password#lang', '/settings?tab=password#lang'],
		['/', '/'],
		['/a/../dashboard', '/dashboard']
	])('keeps the same-site path %j', (raw, expected) => {
		expect(safeNext(raw)).toBe(expected);
	});

	it.each([null, undefined, '', 'dashboard', '//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '/\tfoo', '/x\n', `/${'a'.repeat(3000)}`])(
		'falls back for %j',
		(raw) => {
			expect(safeNext(raw, '/dashboard')).toBe('/dashboard');
		}
	);
});
