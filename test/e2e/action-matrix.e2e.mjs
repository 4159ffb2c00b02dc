// The isolation matrix of the page form actions (issue 15, point 1), over HTTP without a
// browser: every action test/node/form-actions.mjs finds (each has an entry in
// action-matrix.mjs) is posted as a guest — sent to the login page or refused — and, when its
// page names an object of the demo tenant, by a brand and a creator of another tenant —
// refused with a 4xx; an action for one role is posted by the demo tenant's other role —
// never carried out. After each action the demo tenant's objects, read through the API as
// their owners, are exactly as before, and the server logged the strangers' refusals as
// `authz.denied`.
import { apiClient, sessionCookie } from './api-client.mjs';
import { formActions } from '../node/form-actions.mjs';
import { ACTIONS } from './action-matrix.mjs';

export const name = 'form actions: guest sent to login, another tenant refused, nothing changes';

const DEMO_PASSWORD = 'wasla-demo-2026';

/** Fields the actions read, with plausible values, so a refusal comes from who posts, not from an empty form. */
const FIELDS = {
	title: 'Titre',
	note: 'Une note de plusieurs mots',
	reason: 'Une raison suffisante',
	body: 'Bonjour, un message.',
	comment: 'Un commentaire suffisant',
	decision: 'approve',
	accept: 'true',
	done: '1',
	direction: 'up',
	method: 'baridimob',
	reference: 'BM-2027-000999',
	outcome: 'proof',
	hours: '24',
	startsAt: '2027-03-01T10:00',
	legalName: 'Nom Légal Étranger',
	fullName: 'Nom Légal Étranger',
	code: '123456',
	consent: 'on',
	name: 'Produit',
	priceDzd: '1000',
	deliveryTerms: 'Livraison',
	email: 'etranger@example.dz',
	window: 'D1',
	url: 'https://www.instagram.com/reel/C9xYz12AbCd/',
	views: '100',
	reach: '100',
	likes: '10',
	channel: 'whatsapp',
	amountDzd: '1000',
	kind: 'asked'
};

async function login(baseURL, email, password, ip) {
	const call = apiClient(baseURL, ip);
	const res = await call('/auth/login', { json: { email, password } });
	if (res.status !== 200) throw new Error(`login ${email} → ${res.status}`);
	return call;
}

async function signUp(baseURL, role, ip) {
	const call = apiClient(baseURL, ip);
	const email = `matrice.${role}.${Date.now().toString(36)}@example.dz`;
	const res = await call('/auth/register', { json: { email, password: 'motdepasse-sur', role, name: role === 'brand' ? 'Boutique Étrangère' : 'Créatrice Étrangère' } });
	if (res.status !== 201) throw new Error(`sign-up ${role} → ${res.status} ${await res.text()}`);
	const user = (await res.json()).user;
	return { call, user };
}

export async function run({ baseURL, assert, serverOutput }) {
	const brand = await login(baseURL, 'demo.marque@wasla.dz', DEMO_PASSWORD, '10.99.0.1');
	const creator = await login(baseURL, 'demo.createur@wasla.dz', DEMO_PASSWORD, '10.99.0.2');
	// The demo tenant's objects: its open campaign and an application to it, its first agreement and deliverable.
	const campaignId = 'seed-ca-01';
	assert.equal((await brand(`/campaigns/${campaignId}`)).status, 200, 'the demo brand owns the seeded campaign');
	const applications = (await (await brand(`/campaigns/${campaignId}/applications`)).json()).applications ?? [];
	const applicationId = applications[0]?.id ?? 'seed-ap-02-demo';
	assert.equal((await brand(`/applications/${applicationId}`)).status, 200, 'the demo brand sees the application');
	const agreements = (await (await brand('/agreements')).json()).agreements ?? [];
	assert.ok(agreements.length > 0, 'the demo brand has an agreement');
	const agreementId = agreements[0].id;
	let deliverableId = 'nope';
	for (const a of agreements) {
		const list = (await (await brand(`/agreements/${a.id}/deliverables`)).json()).deliverables ?? [];
		if (list.length > 0) {
			deliverableId = list[0].id;
			break;
		}
	}

	assert.notEqual(deliverableId, 'nope', 'the demo tenant has a deliverable');

	/** What the demo tenant's owners read through the API: the same before and after every refused post. */
	const paths = [
		[brand, `/campaigns/${campaignId}`],
		[brand, `/campaigns/${campaignId}/applications`],
		[brand, `/campaigns/${campaignId}/offer-page`],
		[brand, `/campaigns/${campaignId}/match-weights`],
		[brand, `/campaigns/${campaignId}/tasks`],
		[brand, `/applications/${applicationId}`],
		[brand, `/applications/${applicationId}/messages`],
		[brand, `/agreements/${agreementId}`],
		[brand, `/agreements/${agreementId}/payouts`],
		[brand, `/agreements/${agreementId}/audit`],
		[brand, '/campaigns'],
		[brand, '/agreements'],
		[brand, '/brands/me/team'],
		[brand, '/brands/me/contact'],
		[brand, '/notifications'],
		[brand, '/me'],
		[creator, '/me'],
		[creator, '/creators/me'],
		[creator, '/me/applications'],
		[creator, '/notifications'],
		[creator, '/me/notification-preferences'],
		[creator, '/creators/me/screenshots']
	];
	paths.push([brand, `/deliverables/${deliverableId}`]);
	const state = async () => {
		const out = [];
		for (const [call, p] of paths) {
			const res = await call(p);
			out.push(`${p} ${res.status} ${await res.text()}`);
		}
		return out;
	};

	const strangers = {
		brand: await signUp(baseURL, 'brand', '10.99.0.3'),
		creator: await signUp(baseURL, 'creator', '10.99.0.4')
	};
	const cookies = {
		brand: await sessionCookie(baseURL, strangers.brand.user.email, 'motdepasse-sur', '10.99.0.5'),
		creator: await sessionCookie(baseURL, strangers.creator.user.email, 'motdepasse-sur', '10.99.0.6'),
		demoBrand: await sessionCookie(baseURL, 'demo.marque@wasla.dz', DEMO_PASSWORD, '10.99.0.7'),
		demoCreator: await sessionCookie(baseURL, 'demo.createur@wasla.dz', DEMO_PASSWORD, '10.99.0.8')
	};

	const actions = formActions({ 'campaigns/id': campaignId, 'applications/id': applicationId, 'agreements/id': agreementId, 'deliverables/id': deliverableId, token: 'nope' });
	assert.ok(actions.length > 70, `found ${actions.length} form actions`);
	const failures = [];
	let posts = 0;
	const post = async (url, cookie, ip) => {
		posts++;
		const res = await fetch(`${baseURL}${url}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: baseURL, 'cf-connecting-ip': ip, ...(cookie ? { cookie } : {}) },
			body: new URLSearchParams(FIELDS).toString(),
			redirect: 'manual'
		});
		await res.arrayBuffer();
		return { status: res.status, location: res.headers.get('location') ?? '' };
	};
	/** `who status` → how many, printed at the end. */
	const tally = new Map();
	const count = (who, r) => tally.set(`${who} ${r.status}`, (tally.get(`${who} ${r.status}`) ?? 0) + 1);
	const toLogin = (r) => r.status === 303 && r.location.startsWith('/login');
	const refused = (r) => r.status >= 400 && r.status < 500;

	let before = await state();
	for (const action of actions) {
		const entry = ACTIONS[action.key];
		if (!entry) {
			failures.push(`${action.key}: no entry in action-matrix.mjs`);
			continue;
		}
		if (entry.as === 'public') continue;
		const guest = await post(action.url, '', '10.99.1.1');
		count('guest', guest);
		if (!toLogin(guest) && !refused(guest)) failures.push(`guest ${action.url} → ${guest.status} ${guest.location}`);
		if (entry.object) {
			for (const role of entry.as === 'user' ? ['brand', 'creator'] : entry.as === 'admin' ? [] : [entry.as]) {
				const r = await post(action.url, cookies[role], `10.99.2.${role === 'brand' ? 1 : 2}`);
				count(`stranger-${role}`, r);
				if (!refused(r)) failures.push(`another tenant's ${role} ${action.url} → ${r.status} ${r.location}`);
			}
		} else if (entry.as === 'brand' || entry.as === 'creator' || entry.as === 'admin') {
			// The demo tenant's other role (an admin-only action: the demo brand).
			const [who, cookie] = entry.as === 'brand' ? ['demo creator', cookies.demoCreator] : ['demo brand', cookies.demoBrand];
			const r = await post(action.url, cookie, '10.99.3.1');
			count('wrong-role', r);
			if (r.status < 300 || r.status >= 500) failures.push(`${who} (wrong role) ${action.url} → ${r.status}`);
		}
		const after = await state();
		const changed = after.filter((line, i) => line !== before[i]).map((line) => line.slice(0, line.indexOf(' ')));
		if (changed.length > 0) failures.push(`${action.key}: refused posts changed ${changed.join(', ')}`);
		before = after;
	}
	console.log(`action matrix: ${actions.length} actions, ${posts} posts; ${[...tally].map(([k, n]) => `${k}×${n}`).join(' ')}`);
	assert.deepEqual(failures, []);
	assert.ok(posts > 100, `${posts} posts`);
	// The API refused the strangers' calls that the actions made for them, and logged each.
	const denied = serverOutput()
		.split('\n')
		.filter((l) => l.includes('"event":"authz.denied"'));
	for (const role of ['brand', 'creator']) {
		assert.ok(
			denied.some((l) => l.includes(`"id":"${strangers[role].user.id}"`)),
			`authz.denied logged for the stranger ${role} (${denied.length} lines in the server log)`
		);
	}
}
