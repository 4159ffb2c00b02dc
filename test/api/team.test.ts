import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp, uniqueEmail } from './helpers';

interface Outbox {
	messages: { to: string; subject: string; text: string; at: string }[];
}

describe('brand teammates', () => {
	it('the owner invites by email; the invitee joins only by choosing to, from the sign-up the email links to', async () => {
		const owner = await signUp({ name: 'Pâtisserie Constantine' });
		const email = uniqueEmail('teammate');
		const res = await owner.client.call('/brands/me/invitations', { json: { email } });
		expect(res.status).toBe(201);
		const { invitation } = (await res.json()) as { invitation: { id: string } };

		const outbox = (await (await new Client().call('/dev/outbox')).json()) as Outbox;
		const mail = outbox.messages.find((m) => m.to === email)!;
		expect(mail.subject).toContain('Pâtisserie Constantine');
		expect(mail.text).toContain(`/signup?role=brand&invitation=${invitation.id}&email=${encodeURIComponent(email)}`);

		const brandsBefore = (await env.DB.prepare('SELECT count(*) AS n FROM brands').first<{ n: number }>())!.n;
		const mate = new Client();
		const reg = await mate.call('/auth/register', { json: { email, password: 'motdepasse-sur', role: 'brand', name: 'Samir', acceptInvitation: invitation.id } });
		expect(reg.status).toBe(201);
		const me = (await (await mate.call('/me')).json()) as { brand: { name: string; role: string } };
		expect(me.brand).toMatchObject({ name: 'Pâtisserie Constantine', role: 'member' });
		expect((await env.DB.prepare('SELECT count(*) AS n FROM brands').first<{ n: number }>())!.n).toBe(brandsBefore);

		const team = (await (await owner.client.call('/brands/me/team')).json()) as { members: { email: string; role: string }[]; invitations: unknown[] };
		expect(team.members.map((m) => [m.email, m.role])).toEqual([
			[owner.email, 'owner'],
			[email, 'member']
		]);
		expect(team.invitations).toEqual([]);
	});

	it('an existing brand user does not join on login; they accept in the app', async () => {
		const owner = await signUp({ name: 'Accessoires Sétif' });
		const existing = await signUp({ name: 'Freelance Com' });
		const res = await owner.client.call('/brands/me/invitations', { json: { email: existing.email } });
		const { invitation } = (await res.json()) as { invitation: { id: string } };
		const again = new Client();
		expect((await again.call('/auth/login', { json: { email: existing.email, password: existing.password } })).status).toBe(200);
		const before = (await (await again.call('/me')).json()) as { brand: { name: string; role: string } };
		expect(before.brand).toMatchObject({ name: 'Freelance Com', role: 'owner' });
		expect((await again.call(`/invitations/${invitation.id}/accept`, { method: 'POST' })).status).toBe(200);
		const after = (await (await again.call('/me')).json()) as { brand: { name: string; role: string } };
		expect(after.brand).toMatchObject({ name: 'Accessoires Sétif', role: 'member' });
	});

	it('only the owner may invite; a member gets 403 and nothing is written', async () => {
		const owner = await signUp();
		const member = await signUp();
		const res0 = await owner.client.call('/brands/me/invitations', { json: { email: member.email } });
		const { invitation } = (await res0.json()) as { invitation: { id: string } };
		expect((await member.client.call(`/invitations/${invitation.id}/accept`, { method: 'POST' })).status).toBe(200);
		const before = (await env.DB.prepare('SELECT count(*) AS n FROM brand_invitations').first<{ n: number }>())!.n;
		const res = await member.client.call('/brands/me/invitations', { json: { email: uniqueEmail() } });
		expect(res.status).toBe(403);
		expect(((await res.json()) as { detail: string }).detail).toBe('Seul le propriétaire de la marque peut inviter.');
		expect((await env.DB.prepare('SELECT count(*) AS n FROM brand_invitations').first<{ n: number }>())!.n).toBe(before);
	});

	it('refuses inviting someone already on the team (409), creators (403) and guests (401)', async () => {
		const owner = await signUp();
		expect((await owner.client.call('/brands/me/invitations', { json: { email: owner.email } })).status).toBe(409);
		const creator = await signUp({ role: 'creator' });
		expect((await creator.client.call('/brands/me/invitations', { json: { email: uniqueEmail() } })).status).toBe(403);
		expect((await creator.client.call('/brands/me/team')).status).toBe(403);
		expect((await new Client().call('/brands/me/invitations', { json: { email: uniqueEmail() } })).status).toBe(401);
	});

	it('a creator who was invited keeps their own role and the invitation stays pending', async () => {
		const owner = await signUp();
		const email = uniqueEmail('creator');
		await owner.client.call('/brands/me/invitations', { json: { email } });
		const creator = await signUp({ role: 'creator', email });
		const me = (await (await creator.client.call('/me')).json()) as { brand: null; creator: { id: string } };
		expect(me.brand).toBeNull();
		const team = (await (await owner.client.call('/brands/me/team')).json()) as { invitations: { email: string }[] };
		expect(team.invitations.map((i) => i.email)).toEqual([email]);
	});
});
