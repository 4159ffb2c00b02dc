import { describe, expect, it } from 'vitest';
import { Client, signUp } from './helpers';

type Result = { label: string; reason: string };

const invalid = (errors: { path: string; message: string }[]) => ({
	type: 'about:blank',
	title: 'Invalid request',
	status: 400,
	code: 'invalid_request',
	detail: 'Certains champs sont invalides.',
	errors,
	requestId: expect.any(String)
});

describe('POST /analysis/comments', () => {
	it('labels comments in every language and names the cue in the caller’s language', async () => {
		const { client } = await signUp({ role: 'brand' });
		const comments = [
			'Ch7al khouya ?', // darija
			'بكم هذا المنتج؟', // Arabic script
			"C'est de l'arnaque", // French
			'Follow me and I follow back', // English
			'👎👎', // emoji only
			'waaaw', // generic
			'@amina', // mention
			'visit https://spam.example' // link
		];
		const res = await client.call('/analysis/comments', { json: { comments } });
		expect(res.status).toBe(200);
		const { results } = (await res.json()) as { results: Result[] };
		expect(results).toEqual([
			{ label: 'purchase_intent', reason: 'Question sur le prix : « ch7al ».' },
			{ label: 'purchase_intent', reason: 'Question sur le prix : « بكم ».' },
			{ label: 'negative', reason: 'Critique ou plainte : « arnaque ».' },
			{ label: 'spam', reason: 'Autopromotion ou spam : « follow ».' },
			{ label: 'negative', reason: 'Critique ou plainte : « 👎 ».' },
			{ label: 'generic', reason: 'Réaction sans contenu précis : « waw ».' },
			{ label: 'generic', reason: 'Mention d’un autre compte, sans autre contenu.' },
			{ label: 'spam', reason: 'Contient un lien : spam probable.' }
		]);
	});

	it('answers in Arabic and English when asked', async () => {
		const { client } = await signUp({ role: 'creator' });
		const ar = await client.call('/analysis/comments?lang=ar', { json: { comments: ['wach kayen taille M', 'ما شاء الله، الكريمة روعة'] } });
		expect(ar.status).toBe(200);
		expect(await ar.json()).toEqual({
			results: [
				{ label: 'purchase_intent', reason: 'سؤال عن التوفر: «kayen».' },
				{ label: 'positive', reason: 'إطراء: «ما شاء الله».' }
			]
		});
		const en = await client.call('/analysis/comments?lang=en', { json: { comments: ['do you ship to Oran?', '💰❓', 'hmm'] } });
		expect(await en.json()).toEqual({
			results: [
				{ label: 'purchase_intent', reason: 'Question about delivery: “ship”.' },
				{ label: 'purchase_intent', reason: 'Shopping emoji with a question: “💰❓”.' },
				{ label: 'generic', reason: 'No sign of purchase intent, opinion or spam.' }
			]
		});
	});

	it('accepts 500 comments of 1 000 characters', async () => {
		const { client } = await signUp({ role: 'brand' });
		const comments = Array.from({ length: 500 }, (_, i) => `${i % 2 ? 'ch7al' : 'bravo la couleur'} ${'ا'.repeat(980)}`);
		const res = await client.call('/analysis/comments', { json: { comments } });
		expect(res.status).toBe(200);
		const { results } = (await res.json()) as { results: Result[] };
		expect(results).toHaveLength(500);
		expect(results[1].label).toBe('purchase_intent');
		expect(results[0].label).toBe('positive');
	});

	const cases: { name: string; body: unknown; expected: unknown }[] = [
		{ name: 'missing comments', body: {}, expected: invalid([{ path: 'comments', message: 'Ce champ est obligatoire.' }]) },
		{ name: 'empty list', body: { comments: [] }, expected: invalid([{ path: 'comments', message: 'Envoyez de 1 à 500 commentaires.' }]) },
		{ name: '501 comments', body: { comments: Array(501).fill('prix') }, expected: invalid([{ path: 'comments', message: 'Envoyez de 1 à 500 commentaires.' }]) },
		{ name: 'not a list', body: { comments: 'prix svp' }, expected: invalid([{ path: 'comments', message: 'Envoyez de 1 à 500 commentaires.' }]) },
		{ name: 'a number in the list', body: { comments: ['prix', 42] }, expected: invalid([{ path: 'comments.1', message: 'Chaque commentaire doit être un texte.' }]) },
		{
			name: 'a comment of 1 001 characters',
			body: { comments: ['ok', 'x'.repeat(1001)] },
			expected: invalid([{ path: 'comments.1', message: 'Chaque commentaire doit faire 1 000 caractères au plus.' }])
		},
		{ name: 'unknown field', body: { comments: ['ok'], lang: 'fr' }, expected: invalid([{ path: 'lang', message: 'Champ inconnu.' }]) }
	];
	it.each(cases)('refuses $name with a problem body', async ({ body, expected }) => {
		const { client } = await signUp({ role: 'brand' });
		const res = await client.call('/analysis/comments', { json: body });
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
		expect(await res.json()).toEqual(expected);
	});

	it('needs a session: 401 without one', async () => {
		const res = await new Client().call('/analysis/comments', { json: { comments: ['prix'] } });
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({
			type: 'about:blank',
			title: 'Authentication required',
			status: 401,
			code: 'unauthenticated',
			detail: 'Connectez-vous pour continuer.',
			requestId: expect.any(String)
		});
	});
});
