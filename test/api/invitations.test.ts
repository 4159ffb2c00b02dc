/**
 * Issue 9, point 1: an invitation never takes over an account. Nothing joins a brand by
 * itself; the invitee accepts or declines explicitly; the current brand is explicit; a
 * member can switch and leave; a user without a brand still has a working product.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, signUp, uniqueEmail } from './helpers';

interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}
interface Brand {
	id: string;
	name: string;
	role: 'owner' | 'member';
}
interface Me {
	user: { id: string; email: string };
	brand: Brand | null;
}
interface MyInvitations {
	invitations: { id: string; brandName: string; inviterName: string; createdAt: string; expiresAt: string }[];
	memberships: (Brand & { current: boolean; joinedAt: string })[];
}
interface Outbox {
	messages: { to: string; subject: string; text: string }[];
}
type Account = Awaited<ReturnType<typeof signUp>>;

const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const me = (a: Account | Client) => json<Me>(('client' in a ? a.client : a).call('/me'));
const campaignsOf = async (a: Account) => (await json<{ campaigns: { id: string; title: string }[] }>(a.client.call('/campaigns'))).campaigns.map((c) => c.title);
const count = async (sql: string, ...binds: unknown[]) =>
	(await env.DB.prepare(sql)
		.bind(...binds)
		.first<{ n: number }>())!.n;

async function invite(owner: Account, email: string): Promise<string> {
	const res = await owner.client.call('/brands/me/invitations', { json: { email } });
	expect(res.status).toBe(201);
	return (await json<{ invitation: { id: string } }>(res)).invitation.id;
}

async function createCampaign(a: Account, title: string): Promise<string> {
	const res = await a.client.call('/campaigns', { json: { title, objective: 'visibility' } });
	expect(res.status).toBe(201);
	return (await json<{ campaign: { id: string } }>(res)).campaign.id;
}

async function lastMailTo(email: string) {
	const outbox = await json<Outbox>(new Client().call('/dev/outbox'));
	return outbox.messages.find((m) => m.to === email)!;
}

async function notesOf(a: Account) {
	return (await json<{ notifications: { kind: string; payload: Record<string, string> }[] }>(a.client.call('/notifications'))).notifications;
}

/** Signs in again from a fresh client, as a user coming back would. */
async function logIn(a: Account): Promise<Client> {
	const c = new Client();
	expect((await c.call('/auth/login', { json: { email: a.email, password: a.password } })).status).toBe(200);
	return c;
}

describe('an invitation never takes over an account', () => {
	it('brand B invites brand A’s owner: A logs in and still works in A, sees A’s campaigns, and what A creates stays A’s', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Concurrent Béjaïa' });
		await createCampaign(a, 'Soldes Amel');
		await createCampaign(b, 'Campagne de B');
		const invitationId = await invite(b, a.email);

		const again = await logIn(a);
		const signedIn = { ...a, client: again };
		expect((await me(again)).brand).toMatchObject({ name: 'Boutique Amel', role: 'owner' });
		expect(await campaignsOf(signedIn)).toEqual(['Soldes Amel']);
		const created = await createCampaign(signedIn, 'Nouvelle collection Amel');
		expect(await campaignsOf(signedIn)).toEqual(['Nouvelle collection Amel', 'Soldes Amel']);

		// B sees none of it; A is not on B's team; the invitation is still waiting for A.
		expect(await campaignsOf(b)).toEqual(['Campagne de B']);
		expect((await b.client.call(`/campaigns/${created}`)).status).toBe(404);
		const team = await json<{ members: { email: string }[]; invitations: { id: string; status: string }[] }>(b.client.call('/brands/me/team'));
		expect(team.members.map((m) => m.email)).toEqual([b.email]);
		expect(team.invitations).toMatchObject([{ id: invitationId, status: 'pending' }]);
		expect(await count('SELECT count(*) AS n FROM brand_members WHERE user_id = ?1', a.user.id)).toBe(1);
		expect(await json<MyInvitations>(again.call('/me/invitations'))).toMatchObject({
			invitations: [{ id: invitationId, brandName: 'Concurrent Béjaïa', inviterName: 'Concurrent Béjaïa' }],
			memberships: [{ name: 'Boutique Amel', role: 'owner', current: true }]
		});
	});

	it('a new sign-up with an invited email creates its own brand unless it explicitly accepts the invitation', async () => {
		const b = await signUp({ name: 'Pâtisserie Constantine' });
		const email = uniqueEmail('newcomer');
		await invite(b, email);
		const newcomer = await signUp({ email, name: 'Boutique Newcomer' });
		expect((await me(newcomer)).brand).toMatchObject({ name: 'Boutique Newcomer', role: 'owner' });
		expect(await count('SELECT count(*) AS n FROM brand_members WHERE user_id = ?1', newcomer.user.id)).toBe(1);
		expect((await json<MyInvitations>(newcomer.client.call('/me/invitations'))).invitations).toHaveLength(1);
	});

	it('the current brand is never "the most recently joined"', async () => {
		const a = await signUp({ name: 'Marque Ancienne' });
		const b = await signUp({ name: 'Marque Récente' });
		// A membership in B that is newer than A's own, written without any choice of A's.
		await env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)")
			.bind((await me(b)).brand!.id, a.user.id, Date.now() + 60_000)
			.run();
		expect((await me(a)).brand).toMatchObject({ name: 'Marque Ancienne', role: 'owner' });
		expect(await campaignsOf(a)).toEqual([]);

		// Without an own brand: the oldest membership, not the newest.
		const x = await signUp({ name: 'Équipe X' });
		const y = await signUp({ name: 'Équipe Y' });
		const mate = await signUp({ name: 'Indépendant' });
		const t0 = Date.now();
		await env.DB.batch([
			env.DB.prepare("UPDATE brand_members SET role = 'member' WHERE user_id = ?1").bind(mate.user.id),
			env.DB.prepare('UPDATE brands SET owner_user_id = ?2 WHERE owner_user_id = ?1').bind(mate.user.id, x.user.id),
			env.DB.prepare('UPDATE users SET current_brand_id = NULL WHERE id = ?1').bind(mate.user.id),
			env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind((await me(x)).brand!.id, mate.user.id, t0 + 1000),
			env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind((await me(y)).brand!.id, mate.user.id, t0 + 2000)
		]);
		expect((await me(mate)).brand).toMatchObject({ name: 'Indépendant', role: 'member' });
	});
});

describe('answering an invitation', () => {
	it('accepting makes the invitee a member and switches them to the joined brand; they can switch back; the inviter is told', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		await createCampaign(a, 'Soldes Amel');
		const id = await invite(b, a.email);
		const brandA = (await me(a)).brand!;
		const brandB = (await me(b)).brand!;

		const res = await a.client.call(`/invitations/${id}/accept`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ invitation: { id, status: 'accepted', brandName: 'Atelier Béjaïa' }, brand: { id: brandB.id, name: 'Atelier Béjaïa', role: 'member' } });
		expect((await me(a)).brand).toEqual({ id: brandB.id, name: 'Atelier Béjaïa', role: 'member' });
		const mine = await json<{ brands: MyInvitations['memberships'] }>(a.client.call('/me/brands'));
		expect(mine.brands.map((m) => [m.name, m.role, m.current])).toEqual([
			['Boutique Amel', 'owner', false],
			['Atelier Béjaïa', 'member', true]
		]);
		// Working in B now: B's campaigns, and what A creates belongs to B.
		const forB = await createCampaign(a, 'Préparé pour Béjaïa');
		expect(await campaignsOf(b)).toEqual(['Préparé pour Béjaïa']);
		expect((await b.client.call(`/campaigns/${forB}`)).status).toBe(200);
		const team = await json<{ members: { email: string; role: string }[]; invitations: unknown[] }>(b.client.call('/brands/me/team'));
		expect(team.members.map((m) => [m.email, m.role])).toEqual([
			[b.email, 'owner'],
			[a.email, 'member']
		]);
		expect(team.invitations).toEqual([]);
		expect((await notesOf(b))[0]).toMatchObject({ kind: 'team_invitation_accepted', payload: { brandName: 'Atelier Béjaïa', memberName: 'Boutique Amel', invitationId: id } });
		expect((await json<MyInvitations>(a.client.call('/me/invitations'))).invitations).toEqual([]);

		// Switching back: A's own brand and campaigns again.
		const sw = await a.client.call('/me/brand', { method: 'PUT', json: { brandId: brandA.id } });
		expect(sw.status).toBe(200);
		expect(await sw.json()).toEqual({ brand: { id: brandA.id, name: 'Boutique Amel', role: 'owner' } });
		expect(await campaignsOf(a)).toEqual(['Soldes Amel']);
		// The choice holds across sessions.
		expect((await me(await logIn(a))).brand?.id).toBe(brandA.id);
	});

	it('declining leaves everything as it was; the inviter is told and sees it declined', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const id = await invite(b, a.email);
		const res = await a.client.call(`/invitations/${id}/decline`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ invitation: { id, status: 'declined', brandName: 'Atelier Béjaïa' }, brand: null });
		expect((await me(a)).brand).toMatchObject({ name: 'Boutique Amel', role: 'owner' });
		expect(await count('SELECT count(*) AS n FROM brand_members WHERE user_id = ?1', a.user.id)).toBe(1);
		const team = await json<{ invitations: { id: string; status: string; declinedAt: string | null }[] }>(b.client.call('/brands/me/team'));
		expect(team.invitations).toMatchObject([{ id, status: 'declined' }]);
		expect(team.invitations[0].declinedAt).not.toBeNull();
		expect((await notesOf(b))[0]).toMatchObject({ kind: 'team_invitation_declined', payload: { memberName: 'Boutique Amel' } });
		expect((await json<MyInvitations>(a.client.call('/me/invitations'))).invitations).toEqual([]);
	});

	it('answering twice, the other way, or too late is a 409 with a translated explanation, and changes nothing', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const accepted = await invite(b, a.email);
		expect((await a.client.call(`/invitations/${accepted}/accept`, { method: 'POST' })).status).toBe(200);
		const c = await signUp({ name: 'Troisième marque' });
		const declined = await invite(c, a.email);
		expect((await a.client.call(`/invitations/${declined}/decline`, { method: 'POST' })).status).toBe(200);
		const d = await signUp({ name: 'Quatrième marque' });
		const expired = await invite(d, a.email);
		await env.DB.prepare('UPDATE brand_invitations SET expires_at = ?2 WHERE id = ?1')
			.bind(expired, Date.now() - 1000)
			.run();
		const e = await signUp({ name: 'Cinquième marque' });
		const revoked = await invite(e, a.email);
		expect((await e.client.call(`/brands/me/invitations/${revoked}`, { method: 'DELETE' })).status).toBe(204);

		const before = await count('SELECT count(*) AS n FROM brand_members WHERE user_id = ?1', a.user.id);
		const notes = await count('SELECT count(*) AS n FROM notifications');
		const cases: [string, string, string, string][] = [
			[accepted, 'accept', 'already_accepted', 'Vous avez déjà accepté cette invitation : vous faites partie de l’équipe.'],
			[accepted, 'decline', 'invalid_state', 'Vous avez déjà accepté cette invitation. Pour quitter l’équipe, utilisez « Quitter cette marque » dans vos paramètres.'],
			[declined, 'decline', 'already_declined', 'Vous avez déjà refusé cette invitation.'],
			[declined, 'accept', 'invalid_state', 'Vous avez refusé cette invitation. Pour rejoindre l’équipe, demandez-lui de vous inviter à nouveau.'],
			[expired, 'accept', 'invalid_state', 'Cette invitation a expiré. Demandez à l’équipe de vous inviter à nouveau.'],
			[expired, 'decline', 'invalid_state', 'Cette invitation a expiré. Demandez à l’équipe de vous inviter à nouveau.'],
			[revoked, 'accept', 'invalid_state', 'Cette invitation a été annulée par la marque.']
		];
		for (const [id, answer, code, detail] of cases) {
			const res = await a.client.call(`/invitations/${id}/${answer}`, { method: 'POST' });
			expect(res.status, `${answer} ${code}`).toBe(409);
			expect(res.headers.get('content-type')).toContain('application/problem+json');
			expect(await res.json()).toMatchObject({ status: 409, code, detail });
		}
		const ar = await a.client.call(`/invitations/${expired}/accept`, { method: 'POST', headers: { 'accept-language': 'ar' } });
		expect(((await ar.json()) as Problem).detail).toBe('انتهت صلاحية هذه الدعوة. اطلب من الفريق دعوتك من جديد.');
		expect(await count('SELECT count(*) AS n FROM brand_members WHERE user_id = ?1', a.user.id)).toBe(before);
		expect(await count('SELECT count(*) AS n FROM notifications')).toBe(notes);
		// Expired and withdrawn invitations are not offered any more; the expired one shows in the team list.
		expect((await json<MyInvitations>(a.client.call('/me/invitations'))).invitations).toEqual([]);
		expect((await json<{ invitations: { id: string; status: string }[] }>(d.client.call('/brands/me/team'))).invitations).toMatchObject([{ id: expired, status: 'expired' }]);
		expect((await json<{ invitations: unknown[] }>(e.client.call('/brands/me/team'))).invitations).toEqual([]);
	});

	it('only the invitee can see or answer it: anyone else gets 404, a creator 403, a guest 401, and nothing changes', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const id = await invite(b, a.email);
		const stranger = await signUp({ name: 'Intrus' });
		for (const who of [stranger, b]) {
			for (const answer of ['accept', 'decline']) {
				const res = await who.client.call(`/invitations/${id}/${answer}`, { method: 'POST' });
				expect(res.status).toBe(404);
				expect(await res.json()).toMatchObject({ code: 'not_found', detail: 'Introuvable.' });
			}
			expect((await json<MyInvitations>(who.client.call('/me/invitations'))).invitations).toEqual([]);
		}
		for (const bogus of ['nope', crypto.randomUUID()]) expect((await a.client.call(`/invitations/${bogus}/accept`, { method: 'POST' })).status).toBe(404);
		expect((await new Client().call(`/invitations/${id}/accept`, { method: 'POST' })).status).toBe(401);
		expect((await new Client().call('/me/invitations')).status).toBe(401);

		// A creator account with the invited address cannot join a brand.
		const creatorEmail = uniqueEmail('creator');
		const creator = await signUp({ role: 'creator', email: creatorEmail });
		const toCreator = await invite(b, creatorEmail);
		for (const path of [`/invitations/${toCreator}/accept`, `/invitations/${toCreator}/decline`]) {
			const res = await creator.client.call(path, { method: 'POST' });
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({ code: 'forbidden', detail: 'Seul un compte marque peut rejoindre l’équipe d’une marque ; un compte créateur ne le peut pas.' });
		}
		expect((await creator.client.call('/me/invitations')).status).toBe(403);
		expect((await me(creator)).brand).toBeNull();

		const rows = await env.DB.prepare('SELECT accepted_at, declined_at FROM brand_invitations WHERE id IN (?1, ?2)').bind(id, toCreator).all();
		expect(rows.results).toEqual([
			{ accepted_at: null, declined_at: null },
			{ accepted_at: null, declined_at: null }
		]);
		expect(await count('SELECT count(*) AS n FROM brand_members WHERE user_id IN (?1, ?2)', stranger.user.id, a.user.id)).toBe(2);
	});

	it('the invitee is told in the app and by email in their language, with a link to answer', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		await a.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const id = await invite(b, a.email);
		const mail = await lastMailTo(a.email);
		expect(mail.subject).toBe('Atelier Béjaïa يدعوك للانضمام إلى Atelier Béjaïa على وصلة');
		expect(mail.text).toContain('http://wasla.test/invitations');
		expect(await notesOf(a)).toMatchObject([{ kind: 'team_invitation_received', payload: { invitationId: id, brandName: 'Atelier Béjaïa', inviterName: 'Atelier Béjaïa' } }]);

		// No account yet: the inviter's language, and a sign-up link carrying the invitation.
		const email = uniqueEmail('newcomer');
		const second = await invite(b, email);
		const newcomerMail = await lastMailTo(email);
		expect(newcomerMail.subject).toBe('Atelier Béjaïa vous invite à rejoindre Atelier Béjaïa sur Wasla');
		expect(newcomerMail.text).toContain(`http://wasla.test/signup?role=brand&invitation=${second}&email=${encodeURIComponent(email)}`);

		// Inviting the same address again resends the same invitation instead of a second one.
		expect(await invite(b, email)).toBe(second);
		expect(await count('SELECT count(*) AS n FROM brand_invitations WHERE email = ?1', email)).toBe(1);
	});
});

describe('signing up into an invited team', () => {
	it('is an explicit choice, validated against the email', async () => {
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const email = uniqueEmail('samir');
		const id = await invite(b, email);
		const brandB = (await me(b)).brand!;

		// The sign-up page shows the invitation only to someone holding its link.
		expect(await json(new Client().call(`/invitations/${id}?email=${encodeURIComponent(email.toUpperCase())}`))).toMatchObject({
			invitation: { id, brandName: 'Atelier Béjaïa', inviterName: 'Atelier Béjaïa' }
		});
		expect((await new Client().call(`/invitations/${id}?email=someone@else.dz`)).status).toBe(404);
		expect((await new Client().call(`/invitations/${id}`)).status).toBe(404);

		const register = (json: Record<string, unknown>) =>
			new Client().call('/auth/register', { json: { password: 'motdepasse-sur', role: 'brand', name: 'Samir', email, acceptInvitation: id, ...json } });
		const users = await count('SELECT count(*) AS n FROM users');
		for (const [body, message] of [
			[{ email: uniqueEmail('other') }, 'Cette invitation n’est plus valable pour cette adresse (expirée, annulée ou déjà utilisée). Vous pouvez créer votre compte sans elle.'],
			[{ acceptInvitation: crypto.randomUUID() }, 'Cette invitation n’est plus valable pour cette adresse (expirée, annulée ou déjà utilisée). Vous pouvez créer votre compte sans elle.'],
			[{ role: 'creator' }, 'Seul un compte marque peut rejoindre une équipe.']
		] as const) {
			const res = await register(body);
			expect(res.status).toBe(400);
			expect(((await res.json()) as Problem).errors).toEqual([{ path: 'acceptInvitation', message }]);
		}
		expect(await count('SELECT count(*) AS n FROM users')).toBe(users);

		const res = await register({});
		expect(res.status).toBe(201);
		const samir = new Client();
		expect((await samir.call('/auth/login', { json: { email, password: 'motdepasse-sur' } })).status).toBe(200);
		expect((await me(samir)).brand).toEqual({ id: brandB.id, name: 'Atelier Béjaïa', role: 'member' });
		expect(await json(samir.call('/me/brands'))).toMatchObject({ brands: [{ id: brandB.id, role: 'member', current: true }] });
		expect(await count('SELECT count(*) AS n FROM brands WHERE owner_user_id = (SELECT id FROM users WHERE email = ?1)', email)).toBe(0);
		expect((await notesOf(b))[0]).toMatchObject({ kind: 'team_invitation_accepted', payload: { memberName: 'Samir' } });
		// Used: neither the link nor a second sign-up can use it again.
		expect((await new Client().call(`/invitations/${id}?email=${encodeURIComponent(email)}`)).status).toBe(404);
	});
});

describe('switching, leaving, and a brand user without a brand', () => {
	it('switching needs a membership; anything else is a 404 that changes nothing', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const brandA = (await me(a)).brand!;
		for (const brandId of [(await me(b)).brand!.id, 'nope']) {
			const res = await a.client.call('/me/brand', { method: 'PUT', json: { brandId } });
			expect(res.status).toBe(404);
		}
		expect((await a.client.call('/me/brand', { method: 'PUT', json: {} })).status).toBe(400);
		expect((await me(a)).brand?.id).toBe(brandA.id);
		const creator = await signUp({ role: 'creator' });
		expect((await creator.client.call('/me/brand', { method: 'PUT', json: { brandId: brandA.id } })).status).toBe(403);
		expect((await creator.client.call('/me/brands')).status).toBe(403);
	});

	it('a member leaves (the owner is told); an owner cannot leave their own brand', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const brandA = (await me(a)).brand!;
		const brandB = (await me(b)).brand!;
		const id = await invite(b, a.email);
		await a.client.call(`/invitations/${id}/accept`, { method: 'POST' });
		const forB = await createCampaign(a, 'Préparé pour Béjaïa');

		const own = await a.client.call(`/brands/${brandA.id}/membership`, { method: 'DELETE' });
		expect(own.status).toBe(409);
		expect(await own.json()).toMatchObject({
			code: 'invalid_state',
			detail: 'Vous êtes le propriétaire de cette marque : vous ne pouvez pas la quitter. Elle reste la vôtre, même quand vous travaillez dans une autre équipe.'
		});

		const res = await a.client.call(`/brands/${brandB.id}/membership`, { method: 'DELETE' });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ brand: { id: brandA.id, name: 'Boutique Amel', role: 'owner' } });
		expect((await me(a)).brand?.id).toBe(brandA.id);
		expect((await a.client.call(`/campaigns/${forB}`)).status).toBe(404);
		// What A created for B stays with B.
		expect(await campaignsOf(b)).toEqual(['Préparé pour Béjaïa']);
		expect((await json<{ members: { email: string }[] }>(b.client.call('/brands/me/team'))).members.map((m) => m.email)).toEqual([b.email]);
		expect((await notesOf(b))[0]).toMatchObject({ kind: 'team_member_left', payload: { brandName: 'Atelier Béjaïa', memberName: 'Boutique Amel' } });
		expect((await a.client.call(`/brands/${brandB.id}/membership`, { method: 'DELETE' })).status).toBe(404);
		expect((await b.client.call(`/brands/${brandB.id}/membership`, { method: 'DELETE' })).status).toBe(409);
		expect((await a.client.call('/brands/nope/membership', { method: 'DELETE' })).status).toBe(404);
	});

	it('a brand user left with no brand gets clear 403s, never a 5xx, and can create their own brand', async () => {
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const email = uniqueEmail('samir');
		const id = await invite(b, email);
		const reg = new Client();
		const res = await reg.call('/auth/register', { json: { email, password: 'motdepasse-sur', role: 'brand', name: 'Samir', acceptInvitation: id } });
		expect(res.status).toBe(201);
		const brandB = (await me(b)).brand!;
		expect((await reg.call(`/brands/${brandB.id}/membership`, { method: 'DELETE' })).status).toBe(200);
		expect((await me(reg)).brand).toBeNull();
		expect(await json(reg.call('/me/brands'))).toEqual({ brands: [] });

		const detail = 'Votre compte ne fait partie d’aucune marque. Créez votre marque ou acceptez une invitation pour continuer.';
		for (const [method, path, body] of [
			['GET', '/campaigns', undefined],
			['POST', '/campaigns', { title: 'Sans marque', objective: 'visibility' }],
			['GET', '/brands/me/team', undefined],
			['POST', '/brands/me/invitations', { email: uniqueEmail() }],
			['GET', '/agreements', undefined]
		] as const) {
			const r = await reg.call(path, { method, json: body });
			expect(r.status, `${method} ${path}`).toBe(403);
			expect(await r.json()).toMatchObject({ code: 'forbidden', detail });
		}

		// Every documented route, as this user: a status its route declares (the client checks), never 5xx.
		const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(new Client().call('/openapi.json'));
		const failures: string[] = [];
		for (const [path, methods] of Object.entries(doc.paths)) {
			for (const method of Object.keys(methods)) {
				if ((path === '/auth/logout' || path === '/me') && method !== 'get') continue;
				try {
					const r = await reg.call(`/api/v1${path.replace(/\{[^}]+\}/g, 'x')}`, { method: method.toUpperCase(), json: method === 'get' ? undefined : {} });
					await r.arrayBuffer();
				} catch (e) {
					failures.push(String(e));
				}
			}
		}
		expect(failures).toEqual([]);

		const bad = await reg.call('/brands', { json: { name: ' ' } });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as Problem).errors).toEqual([{ path: 'name', message: 'Le nom doit contenir entre 2 et 80 caractères.' }]);
		const created = await reg.call('/brands', { json: { name: '  Samir Store  ' } });
		expect(created.status).toBe(201);
		const brand = ((await created.json()) as { brand: Brand }).brand;
		expect(brand).toMatchObject({ name: 'Samir Store', role: 'owner' });
		expect((await me(reg)).brand).toEqual(brand);
		expect((await reg.call('/campaigns')).status).toBe(200);
		const twice = await reg.call('/brands', { json: { name: 'Deuxième' } });
		expect(twice.status).toBe(409);
		expect(await twice.json()).toMatchObject({ code: 'already_exists', detail: 'Vous avez déjà votre propre marque.' });
	});
});

describe('the owner manages invitations', () => {
	it('withdraws a pending one; another brand’s is a 404; a member gets 403; an answered one is a 409', async () => {
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const email = uniqueEmail('pending');
		const id = await invite(b, email);
		const other = await signUp();
		expect((await other.client.call(`/brands/me/invitations/${id}`, { method: 'DELETE' })).status).toBe(404);
		expect((await b.client.call(`/brands/me/invitations/${id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await b.client.call(`/brands/me/invitations/${id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await json<{ invitations: unknown[] }>(b.client.call('/brands/me/team'))).invitations).toEqual([]);
		expect((await new Client().call(`/invitations/${id}?email=${encodeURIComponent(email)}`)).status).toBe(404);

		const a = await signUp({ name: 'Boutique Amel' });
		const accepted = await invite(b, a.email);
		await a.client.call(`/invitations/${accepted}/accept`, { method: 'POST' });
		const res = await b.client.call(`/brands/me/invitations/${accepted}`, { method: 'DELETE' });
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ code: 'invalid_state', detail: 'Cette invitation a déjà reçu une réponse : elle ne peut plus être annulée.' });
		// a works in b now, as a member: not allowed to withdraw b's invitations.
		const another = await invite(b, uniqueEmail());
		const member = await a.client.call(`/brands/me/invitations/${another}`, { method: 'DELETE' });
		expect(member.status).toBe(403);
	});
});

describe('personal data', () => {
	it('the export includes the invitations received and the current brand', async () => {
		const a = await signUp({ name: 'Boutique Amel' });
		const b = await signUp({ name: 'Atelier Béjaïa' });
		const id = await invite(b, a.email);
		await a.client.call(`/invitations/${id}/decline`, { method: 'POST' });
		const data = await json<{ currentBrand: Brand; invitationsReceived: { id: string; brand_name: string; declined_at: string | null }[] }>(a.client.call('/me/export'));
		expect(data.currentBrand).toMatchObject({ name: 'Boutique Amel', role: 'owner' });
		expect(data.invitationsReceived).toMatchObject([{ id, brand_name: 'Atelier Béjaïa' }]);
		expect(data.invitationsReceived[0].declined_at).not.toBeNull();
	});
});

describe('API reference', () => {
	it('documents the team routes with their schemas', async () => {
		const doc = await json<{ paths: Record<string, Record<string, { summary: string; responses: Record<string, unknown> }>> }>(new Client().call('/openapi.json'));
		for (const [path, method] of [
			['/me/invitations', 'get'],
			['/invitations/{id}/accept', 'post'],
			['/invitations/{id}/decline', 'post'],
			['/invitations/{id}', 'get'],
			['/me/brands', 'get'],
			['/me/brand', 'put'],
			['/brands/{id}/membership', 'delete'],
			['/brands', 'post'],
			['/brands/me/invitations/{id}', 'delete'],
			['/brands/me/team', 'get']
		]) {
			const op = doc.paths[path]?.[method];
			expect(op, `${method} ${path}`).toBeDefined();
			expect(op.summary.length, `${method} ${path}`).toBeGreaterThan(20);
		}
		expect(Object.keys(doc.paths['/invitations/{id}/accept'].post.responses).sort()).toEqual(['200', '401', '403', '404', '409']);
	});
});
