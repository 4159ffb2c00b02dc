import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { Client, uniqueEmail } from './helpers';

const count = async () => (await env.DB.prepare('SELECT count(*) AS n FROM users').first<{ n: number }>())!.n;
const valid = () => ({ email: uniqueEmail('v'), password: 'motdepasse-sur', role: 'brand', name: 'Boutique' });
const invalid = (errors: { path: string; message: string }[], detail = 'Certains champs sont invalides.') => ({
	type: 'about:blank',
	title: 'Invalid request',
	status: 400,
	code: 'invalid_request',
	detail,
	errors,
	requestId: expect.any(String)
});

type Case = { name: string; body?: unknown; raw?: string; headers?: Record<string, string>; status: number; expected: unknown };

const cases: Case[] = [
	{
		name: 'empty object',
		body: {},
		status: 400,
		expected: invalid([
			{ path: 'email', message: 'Ce champ est obligatoire.' },
			{ path: 'password', message: 'Ce champ est obligatoire.' },
			{ path: 'role', message: 'Ce champ est obligatoire.' },
			{ path: 'name', message: 'Ce champ est obligatoire.' }
		])
	},
	{ name: 'bad email', body: { ...valid(), email: 'pas-un-email' }, status: 400, expected: invalid([{ path: 'email', message: 'Adresse e-mail invalide.' }]) },
	{ name: 'blank email', body: { ...valid(), email: '   ' }, status: 400, expected: invalid([{ path: 'email', message: 'Ce champ est obligatoire.' }]) },
	{ name: 'email as number', body: { ...valid(), email: 42 }, status: 400, expected: invalid([{ path: 'email', message: 'Ce champ est obligatoire.' }]) },
	{ name: 'password of 7', body: { ...valid(), password: '1234567' }, status: 400, expected: invalid([{ path: 'password', message: 'Le mot de passe doit contenir entre 8 et 128 caractères.' }]) },
	{
		name: 'password of 129',
		body: { ...valid(), password: 'a'.repeat(129) },
		status: 400,
		expected: invalid([{ path: 'password', message: 'Le mot de passe doit contenir entre 8 et 128 caractères.' }])
	},
	{ name: 'unknown role', body: { ...valid(), role: 'admin' }, status: 400, expected: invalid([{ path: 'role', message: 'Choisissez « marque » ou « créateur ».' }]) },
	{ name: 'name of 1', body: { ...valid(), name: ' A ' }, status: 400, expected: invalid([{ path: 'name', message: 'Le nom doit contenir entre 2 et 80 caractères.' }]) },
	{ name: 'unknown field', body: { ...valid(), isAdmin: true }, status: 400, expected: invalid([{ path: 'isAdmin', message: 'Champ inconnu.' }]) },
	{ name: 'bad locale', body: { ...valid(), locale: 'de' }, status: 400, expected: invalid([{ path: 'locale', message: 'Langue inconnue : fr, ar ou en.' }]) },
	{ name: 'array body', body: [1, 2], status: 400, expected: invalid([{ path: '', message: 'Valeur invalide.' }]) },
	{
		name: 'malformed JSON',
		raw: '{"email": ',
		status: 400,
		expected: { type: 'about:blank', title: 'Malformed JSON', status: 400, code: 'malformed_json', detail: 'Le corps de la requête n’est pas un JSON valide.', requestId: expect.any(String) }
	},
	{
		name: 'form-encoded body',
		raw: 'email=a%40b.dz',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		status: 415,
		expected: { type: 'about:blank', title: 'Unsupported media type', status: 415, code: 'unsupported_media_type', detail: 'Type de contenu non accepté.', requestId: expect.any(String) }
	},
	{
		name: 'oversized body',
		raw: JSON.stringify({ ...valid(), name: 'x'.repeat(70_000) }),
		status: 413,
		expected: { type: 'about:blank', title: 'Payload too large', status: 413, code: 'payload_too_large', detail: 'Le contenu envoyé est trop volumineux.', requestId: expect.any(String) }
	}
];

describe('POST /auth/register refuses bad input with the whole problem body, and creates nothing', () => {
	for (const c of cases) {
		it(c.name, async () => {
			const before = await count();
			const res = await new Client().call('/auth/register', {
				method: 'POST',
				body: c.raw ?? JSON.stringify(c.body),
				headers: { 'content-type': 'application/json', ...c.headers }
			});
			expect(res.status).toBe(c.status);
			expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
			const body = await res.json();
			expect(body).toEqual(c.expected);
			expect(await count()).toBe(before);
		});
	}

	it('never echoes the input back', async () => {
		const secret = 'SECRET-<script>alert(1)</script>';
		const res = await new Client().call('/auth/register', { json: { email: secret, password: secret, role: secret, name: 'x', extra: secret } });
		expect(res.status).toBe(400);
		expect(await res.text()).not.toContain('SECRET');
	});
});

describe('messages follow the caller’s language', () => {
	const body = { email: 'nope', password: 'short', role: 'brand', name: 'Boutique' };

	it('Arabic from Accept-Language', async () => {
		const res = await new Client().call('/auth/register', { json: body, headers: { 'accept-language': 'ar-DZ,ar;q=0.9,fr;q=0.8' } });
		expect(await res.json()).toEqual(
			invalid(
				[
					{ path: 'email', message: 'البريد الإلكتروني غير صالح.' },
					{ path: 'password', message: 'يجب أن تتكون كلمة المرور من 8 إلى 128 حرفًا.' }
				],
				'بعض الحقول غير صالحة.'
			)
		);
	});

	it('English from ?lang=en, over Accept-Language', async () => {
		const res = await new Client().call('/api/v1/auth/register?lang=en', { json: body, headers: { 'accept-language': 'ar' } });
		expect(await res.json()).toEqual(
			invalid(
				[
					{ path: 'email', message: 'Invalid email address.' },
					{ path: 'password', message: 'The password must be 8 to 128 characters long.' }
				],
				'Some fields are invalid.'
			)
		);
	});

	it('French from the wasla_lang cookie when nothing else says otherwise', async () => {
		const client = new Client();
		client.cookies.set('wasla_lang', 'fr');
		const res = await client.call('/auth/login', { json: { email: 'x' } });
		expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Adresse e-mail invalide.');
	});
});
