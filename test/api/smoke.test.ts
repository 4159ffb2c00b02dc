import { describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';

describe('smoke', () => {
	it('registers and reads /me', async () => {
		const { client, user } = await signUp({ role: 'brand', name: 'Cosmétiques Oran' });
		const me = await client.call('/me');
		expect(me.status).toBe(200);
		const body = (await me.json()) as { user: { id: string }; brand: { name: string } };
		expect(body.user.id).toBe(user.id);
		expect(body.brand.name).toBe('Cosmétiques Oran');
	});

	it('answers problem+json for bad input', async () => {
		const res = await new Client().call('/auth/register', { json: { email: 'nope' } });
		expect(res.status).toBe(400);
		console.log(JSON.stringify(await res.json()));
	});
});
