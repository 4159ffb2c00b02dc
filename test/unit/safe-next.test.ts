import { describe, expect, it } from 'vitest';
import { loginUrl, returnPath, safeNext } from '../../web/src/lib/safe-next';
import { sessionEnded } from '../../web/src/lib/server/api';

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

describe('returnPath and loginUrl', () => {
	it.each([
		['http://wasla.test/dashboard', '/dashboard'],
		['http://wasla.test/notifications?category=applications&page=2', '/notifications?category=applications&page=2'],
		// A form action's ?/name is dropped: after signing in, the user comes back to the page.
		['http://wasla.test/notifications?/readAll', '/notifications'],
		['http://wasla.test/notifications?category=messages&/readAll', '/notifications?category=messages'],
		['http://wasla.test/campaigns/c1/matches?/weights=', '/campaigns/c1/matches']
	])('%s comes back to %s', (url, path) => {
		expect(returnPath(new URL(url))).toBe(path);
	});

	it('writes a next that the login page reads back as the same path', () => {
		const link = loginUrl('/notifications?category=messages&page=2');
		expect(link).toBe('/login?next=/notifications%3Fcategory%3Dmessages%26page%3D2');
		expect(safeNext(new URL(link, 'http://wasla.test').searchParams.get('next'))).toBe('/notifications?category=messages&page=2');
	});
});

describe('sessionEnded', () => {
	const problem = (status: number, code: string) =>
		new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, code, detail: '' }), { status, headers: { 'content-type': 'application/problem+json' } });
	const call = (path: string, method = 'GET') => new Request(`http://wasla.test/api/v1${path}`, { method });

	it('is a 401 unauthenticated answer to a page’s call', async () => {
		expect(await sessionEnded(call('/notifications'), problem(401, 'unauthenticated'))).toBe(true);
		expect(await sessionEnded(call('/notifications/read', 'POST'), problem(401, 'unauthenticated'))).toBe(true);
	});

	it('is not a wrong password, another status, the session probe or a body that is not a problem', async () => {
		expect(await sessionEnded(call('/auth/login', 'POST'), problem(401, 'invalid_credentials'))).toBe(false);
		expect(await sessionEnded(call('/campaigns/x'), problem(403, 'forbidden'))).toBe(false);
		expect(await sessionEnded(call('/me'), problem(401, 'unauthenticated'))).toBe(false);
		expect(await sessionEnded(call('/notifications'), new Response('no', { status: 401 }))).toBe(false);
	});

	it('leaves the answer readable for the page', async () => {
		const res = problem(401, 'invalid_credentials');
		await sessionEnded(call('/auth/login', 'POST'), res);
		expect(((await res.json()) as { code: string }).code).toBe('invalid_credentials');
	});
});
