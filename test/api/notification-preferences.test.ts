/**
 * Notification preferences (issue 10, point 3): GET/PUT /me/notification-preferences, per
 * category email | in_app | off; account and signing are locked; bad input is a 4xx that
 * changes nothing. The inbox's unread counts per category and its category filter.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';

interface Preferences {
	preferences: { category: string; channel: string; locked: boolean }[];
}
interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}

const put = (client: Client, json: unknown, headers: Record<string, string> = {}) => client.call('/me/notification-preferences', { method: 'PUT', json, headers });
const get = async (client: Client) => {
	const res = await client.call('/me/notification-preferences');
	expect(res.status).toBe(200);
	return (await res.json()) as Preferences;
};
const stored = async (userId: string) =>
	(await env.DB.prepare('SELECT category, channel FROM notification_preferences WHERE user_id = ?1 ORDER BY category').bind(userId).all<{ category: string; channel: string }>()).results;

const DEFAULTS = [
	{ category: 'account', channel: 'email', locked: true },
	{ category: 'signing', channel: 'email', locked: true },
	{ category: 'applications', channel: 'email', locked: false },
	{ category: 'deliverables', channel: 'email', locked: false },
	{ category: 'messages', channel: 'email', locked: false },
	{ category: 'team', channel: 'email', locked: false }
];

describe('GET /me/notification-preferences', () => {
	it('lists every category: email by default, account and signing locked', async () => {
		const { client } = await signUp({ role: 'creator', name: 'Sofia Voyage' });
		expect(await get(client)).toEqual({ preferences: DEFAULTS });
	});

	it('needs a session', async () => {
		expect((await new Client().call('/me/notification-preferences')).status).toBe(401);
		expect((await put(new Client(), { applications: 'off' })).status).toBe(401);
	});
});

describe('PUT /me/notification-preferences', () => {
	it('changes the listed categories only, stores only what differs from the default, and answers every category', async () => {
		const { client, user } = await signUp({ role: 'brand', name: 'Boutique Kenza' });
		const res = await put(client, { applications: 'in_app', messages: 'off' });
		expect(res.status).toBe(200);
		const expected = DEFAULTS.map((p) => (p.category === 'applications' ? { ...p, channel: 'in_app' } : p.category === 'messages' ? { ...p, channel: 'off' } : p));
		expect(await res.json()).toEqual({ preferences: expected });
		expect(await get(client)).toEqual({ preferences: expected });
		expect(await stored(user.id)).toEqual([
			{ category: 'applications', channel: 'in_app' },
			{ category: 'messages', channel: 'off' }
		]);

		// Back to the default: the row goes; another category is left as it was.
		expect((await put(client, { applications: 'email', team: 'in_app' })).status).toBe(200);
		expect(await stored(user.id)).toEqual([
			{ category: 'messages', channel: 'off' },
			{ category: 'team', channel: 'in_app' }
		]);
		// Nothing to change is not an error.
		expect((await put(client, {})).status).toBe(200);
		expect(await stored(user.id)).toHaveLength(2);
	});

	it('refuses account and signing with 422 naming the field, and changes nothing else in the same request', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Ryma Sport' });
		for (const body of [{ signing: 'off' }, { signing: 'in_app', applications: 'off' }, { account: 'email' }, { account: 'off', signing: 'off' }]) {
			const res = await put(client, body, { 'accept-language': 'en' });
			expect(res.status).toBe(422);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const problem = (await res.json()) as Problem;
			expect(problem).toMatchObject({ status: 422, code: 'unprocessable', detail: 'Security and signing messages cannot be turned off or kept to the app. Nothing was changed.' });
			expect(problem.errors!.map((e) => e.path).sort()).toEqual(
				Object.keys(body)
					.filter((k) => k === 'account' || k === 'signing')
					.sort()
			);
			expect(problem.errors![0].message).toBe('Account security and signing messages are always sent by email and in the app: this choice cannot be changed.');
		}
		expect(await stored(user.id)).toEqual([]);
		// In French too.
		const fr = (await (await put(client, { signing: 'off' }, { 'accept-language': 'fr' })).json()) as Problem;
		expect(fr.detail).toBe('Les messages de sécurité et de signature ne peuvent pas être désactivés ni limités à l’application. Rien n’a été modifié.');
	});

	it('refuses an unknown category or channel with 400 and changes nothing', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Imane Food' });
		expect((await put(client, { messages: 'in_app' })).status).toBe(200);
		const cases: [unknown, string, string][] = [
			[{ promotions: 'off' }, 'promotions', 'Unknown field.'],
			[{ applications: 'sms' }, 'applications', 'Unknown choice: email (email and notification), in_app (notification only) or off.'],
			[{ applications: null }, 'applications', 'Unknown choice: email (email and notification), in_app (notification only) or off.'],
			[{ applications: 'off', messages: 'OFF' }, 'messages', 'Unknown choice: email (email and notification), in_app (notification only) or off.']
		];
		for (const [body, path, message] of cases) {
			const res = await put(client, body, { 'accept-language': 'en' });
			expect(res.status, JSON.stringify(body)).toBe(400);
			const problem = (await res.json()) as Problem;
			expect(problem.code).toBe('invalid_request');
			expect(problem.errors).toContainEqual({ path, message });
		}
		expect((await put(client, ['applications'])).status).toBe(400);
		expect((await client.call('/me/notification-preferences', { method: 'PUT', body: 'applications=off', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
		expect((await client.call('/me/notification-preferences', { method: 'PUT', body: '{"applications":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
		expect(await stored(user.id)).toEqual([{ category: 'messages', channel: 'in_app' }]);
	});

	it('is part of the personal data export, and goes with the account', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Lilia Art' });
		expect((await put(client, { team: 'off' })).status).toBe(200);
		const exported = (await (await client.call('/me/export')).json()) as { notificationPreferences: { category: string; channel: string }[] };
		expect(exported.notificationPreferences).toMatchObject([{ category: 'team', channel: 'off' }]);
		expect((await client.call('/me', { method: 'DELETE' })).status).toBe(202);
		expect(await stored(user.id)).toEqual([]);
	});
});

describe('inbox unread counts', () => {
	it('counts unread per category, filters by category, and refuses an unknown category', async () => {
		const { client, user } = await signUp({ role: 'creator', name: 'Dounia Mode' });
		const now = Date.now();
		const insert = (id: string, kind: string, at: number) =>
			env.DB.prepare('INSERT INTO notifications (id, user_id, kind, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)').bind(id, user.id, kind, '{}', at);
		await env.DB.batch([
			insert(`${user.id}-1`, 'application_accepted', now - 3000),
			insert(`${user.id}-2`, 'message_received', now - 2000),
			insert(`${user.id}-3`, 'agreement_unsigned_reminder', now - 1000),
			insert(`${user.id}-4`, 'message_received', now)
		]);
		const all = (await (await client.call('/notifications')).json()) as {
			unread: number;
			unreadByCategory: Record<string, number>;
			total: number;
			notifications: { kind: string; category: string }[];
		};
		expect(all.unread).toBe(4);
		expect(all.unreadByCategory).toEqual({ account: 0, signing: 1, applications: 1, deliverables: 0, messages: 2, team: 0 });
		expect(all.notifications.map((n) => n.category)).toEqual(['messages', 'signing', 'messages', 'applications']);

		const messages = (await (await client.call('/notifications?category=messages')).json()) as typeof all & { category: string };
		expect(messages.category).toBe('messages');
		expect(messages.total).toBe(2);
		expect(messages.notifications.map((n) => n.kind)).toEqual(['message_received', 'message_received']);
		// The counts stay those of the whole inbox.
		expect(messages.unread).toBe(4);

		expect(await (await client.call('/notifications/read', { json: { ids: [`${user.id}-3`] } })).json()).toEqual({ unread: 3 });
		const after = (await (await client.call('/notifications')).json()) as typeof all;
		expect(after.unreadByCategory).toEqual({ account: 0, signing: 0, applications: 1, deliverables: 0, messages: 2, team: 0 });

		const bad = await client.call('/notifications?category=promotions', { headers: { 'accept-language': 'en' } });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as Problem).errors).toEqual([{ path: 'category', message: 'Unknown category: account, signing, applications, messages or team.' }]);
	});
});
