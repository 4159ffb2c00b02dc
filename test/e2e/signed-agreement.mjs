// Set-up shared by the payouts browser tests: through the API, a brand (French) and a creator
// (Arabic, with a RIP) sign an agreement for one reel at 24 000 DA with the default schedule
// (12 000 DA at signature, due at once; 12 000 DA at approval).
import { apiClient } from './api-client.mjs';
import { PASSWORD } from './phone.mjs';

const DAY = 86_400_000;

/** Throws unless the response has `status`; returns its JSON (null for 204). */
export async function ok(res, status = 200) {
	if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
	return res.status === 204 ? null : res.json();
}

/**
 * Asks for a signing code as `who` (an API client) and reads it from the development outbox,
 * filtered by address: the demo seed and other tests write many emails.
 */
export async function signingCode(baseURL, who, agreementId, email) {
	await ok(await who(`/agreements/${agreementId}/sign/code`, { method: 'POST' }), 202);
	const { messages } = await ok(await fetch(`${baseURL}/api/v1/dev/outbox?limit=20&to=${encodeURIComponent(email)}`));
	const message = messages.find((m) => /\b\d{3}\s?\d{3}\b/.test(m.subject));
	if (!message) throw new Error(`no signing code in ${email}'s emails`);
	return /\b(\d{3})\s?(\d{3})\b/.exec(message.subject).slice(1).join('');
}

/**
 * A signed agreement between a new brand and a new creator. `tag` keeps emails and handles
 * apart between tests; `ips` are the two API clients' addresses (their own rate-limit buckets).
 */
export async function signedAgreement(baseURL, { tag, ips, brandName, creatorName }) {
	const stamp = `${tag}.${Date.now().toString(36)}`;
	const start = Date.now();
	const brand = apiClient(baseURL, ips[0]);
	const creator = apiClient(baseURL, ips[1]);
	const brandEmail = `marque.${stamp}@example.dz`;
	const creatorEmail = `createur.${stamp}@example.dz`;
	await ok(await brand('/auth/register', { json: { email: brandEmail, password: PASSWORD, role: 'brand', name: brandName, locale: 'fr' } }), 201);
	await ok(await creator('/auth/register', { json: { email: creatorEmail, password: PASSWORD, role: 'creator', name: creatorName, locale: 'ar' } }), 201);
	await ok(
		await creator('/creators/me', {
			method: 'PUT',
			json: {
				displayName: creatorName,
				wilaya: '13',
				niches: ['food'],
				accounts: [{ platform: 'instagram', handle: `c.${stamp.replace(/[^a-z0-9]/g, '')}`, followers: 15000 }],
				rates: { reel: 20000 },
				payoutRip: '00799999001234567803'
			}
		})
	);
	const day = (n) => new Date(start + n * DAY).toISOString();
	const { campaign } = await ok(
		await brand('/campaigns', {
			json: {
				title: 'Miel de Tlemcen',
				objective: 'whatsapp_sales',
				offer: 'Pot de 500 g -10 %',
				formats: ['reel'],
				wilayas: ['13', '31'],
				niches: ['food'],
				followerMin: 5000,
				followerMax: 40000,
				budgetDzd: 90000,
				startsAt: day(1),
				endsAt: day(20),
				applyBy: day(0.5)
			}
		}),
		201
	);
	await ok(await brand(`/campaigns/${campaign.id}/publish`, { method: 'POST' }));
	const { application } = await ok(
		await creator(`/campaigns/${campaign.id}/applications`, { json: { pitch: 'Une recette au miel pour mes abonnés de Tlemcen.', feeDzd: 24000, formats: ['reel'] } }),
		201
	);
	const { agreement } = await ok(await brand(`/applications/${application.id}/accept`, { method: 'POST' }));
	const id = agreement.id;
	const current = (await ok(await brand(`/agreements/${id}`))).agreement;
	const terms = structuredClone(current.terms);
	terms.parties.brand.representative = 'Karim Bensalah';
	await ok(await brand(`/agreements/${id}`, { method: 'PATCH', json: { terms } }));
	// The creator gives their own legal name (issue 14): the brand no longer types it.
	await ok(await creator(`/agreements/${id}/creator-details`, { method: 'PUT', json: { legalName: 'Amina Brahimi' } }));
	await ok(await brand(`/agreements/${id}/send`, { method: 'POST' }));
	await ok(await creator(`/agreements/${id}/sign`, { json: { fullName: 'Amina Brahimi', consent: true, code: await signingCode(baseURL, creator, id, creatorEmail) } }));
	await ok(await brand(`/agreements/${id}/sign`, { json: { fullName: 'Karim Bensalah', consent: true, code: await signingCode(baseURL, brand, id, brandEmail) } }));
	return { id, brand, creator, brandEmail, creatorEmail };
}
