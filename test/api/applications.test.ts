import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client } from './helpers';

interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}
interface ApplicationBody {
	id: string;
	status: string;
	feeDzd: number;
	formats: string[];
	proposedDates: string[];
	declineReason: string | null;
}

const DAY = 24 * 3600 * 1000;
const pitch = 'Mon audience à Blida adore les soins : je propose un reel tutoriel et une story avec code promo.';
const count = async (sql: string, ...params: unknown[]) =>
	(await env.DB.prepare(sql)
		.bind(...params)
		.first<{ n: number }>())!.n;
const outbox = async () => ((await (await new Client().call('/dev/outbox?limit=200')).json()) as { messages: { to: string; subject: string; text: string }[] }).messages;

/** A brand with an open campaign and a creator who applied to it. */
async function scene(opts: { apply?: boolean } = {}) {
	const brand = await brandAccount('Atelier Lina Tlemcen');
	const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Sérum éclat', formats: ['reel', 'story'] });
	const creator = await creatorAccount(env, 'Nour Beauty', {
		features: { engagementByFormat: { reel: { posts: 8, engagementRate: 0.061, avgViews: 21000, avgReach: 15000 } }, commentMix: { purchase_intent: 0.22, positive: 0.5, generic: 0.28 } }
	});
	let applicationId = '';
	if (opts.apply !== false) {
		const res = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 25000, formats: ['reel'] } });
		expect(res.status).toBe(201);
		applicationId = ((await res.json()) as { application: ApplicationBody }).application.id;
	}
	return { brand, creator, campaignId, applicationId };
}

describe('applying to a campaign', () => {
	it('creates a pending application, notifies the brand team and emails the owner in their language', async () => {
		const brand = await brandAccount('Parfums Oran');
		await brand.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } });
		const campaignId = await createCampaign(env, {
			brandId: brand.brandId,
			title: 'Oud Ramadan',
			formats: ['reel', 'story', 'post'],
			startsAt: Date.UTC(2030, 0, 10, 9),
			endsAt: Date.UTC(2030, 0, 20, 9)
		});
		const creator = await creatorAccount(env, 'Sara Style');
		const res = await creator.client.call(`/campaigns/${campaignId}/applications`, {
			json: { pitch: `  ${pitch}  `, feeDzd: 18000, formats: ['story', 'reel', 'story'], proposedDates: ['2030-01-15', '2030-01-12', '2030-01-15'] }
		});
		expect(res.status).toBe(201);
		const body = (await res.json()) as { application: ApplicationBody & { pitch: string }; warnings: unknown[] };
		expect(body.application).toMatchObject({ status: 'pending', feeDzd: 18000, formats: ['story', 'reel'], proposedDates: ['2030-01-12', '2030-01-15'], pitch, declineReason: null });
		expect(body.warnings).toEqual([]);

		const notes = (await (await brand.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { applicationId: string; creatorName: string } }[]; unread: number };
		expect(notes.unread).toBe(1);
		expect(notes.notifications[0]).toMatchObject({ kind: 'application_received', payload: { applicationId: body.application.id, creatorName: 'Sara Style' } });
		const mail = (await outbox()).find((m) => m.to === brand.email)!;
		expect(mail.subject).toBe('ترشح جديد من Sara Style لحملة «Oud Ramadan»');
		expect(mail.text).toContain(`/campaigns/${campaignId}/applicants`);
	});

	it('flags a fee that looks like centimes but still accepts it', async () => {
		const { campaignId } = await scene({ apply: false });
		const other = await creatorAccount(env, 'Amine Tech');
		const res = await other.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 1_500_000, formats: ['reel'] } });
		expect(res.status).toBe(201);
		expect(((await res.json()) as { warnings: unknown }).warnings).toEqual([
			{ path: 'feeDzd', code: 'fee_looks_like_centimes', message: 'Ce montant paraît très élevé : vérifiez qu’il est bien en dinars et non en centimes.' }
		]);
	});

	it.each([
		['pitch too short', { pitch: 'Salut', feeDzd: 1000, formats: ['reel'] }, [{ path: 'pitch', message: 'Le message de candidature doit contenir entre 10 et 2000 caractères.' }]],
		['fee missing', { pitch, formats: ['reel'] }, [{ path: 'feeDzd', message: 'Ce champ est obligatoire.' }]],
		['fee with centimes', { pitch, feeDzd: 2500.5, formats: ['reel'] }, [{ path: 'feeDzd', message: 'Indiquez un montant entier en dinars, supérieur à 0.' }]],
		['fee zero', { pitch, feeDzd: 0, formats: ['reel'] }, [{ path: 'feeDzd', message: 'Indiquez un montant entier en dinars, supérieur à 0.' }]],
		['fee as text', { pitch, feeDzd: '25000', formats: ['reel'] }, [{ path: 'feeDzd', message: 'Indiquez un montant entier en dinars, supérieur à 0.' }]],
		['no format', { pitch, feeDzd: 1000, formats: [] }, [{ path: 'formats', message: 'Choisissez au moins un format.' }]],
		['unknown format', { pitch, feeDzd: 1000, formats: ['podcast'] }, [{ path: 'formats.0', message: 'Format inconnu : reel, story, post ou live.' }]],
		['format the campaign does not ask for', { pitch, feeDzd: 1000, formats: ['reel', 'live'] }, [{ path: 'formats.1', message: 'Cette campagne ne demande pas ce format.' }]],
		['bad date', { pitch, feeDzd: 1000, formats: ['reel'], proposedDates: ['2026-02-30'] }, [{ path: 'proposedDates.0', message: 'Date invalide (format AAAA-MM-JJ).' }]],
		[
			'date outside the campaign',
			{ pitch, feeDzd: 1000, formats: ['reel'], proposedDates: ['2020-01-01'] },
			[{ path: 'proposedDates.0', message: 'Cette date est en dehors de la période de la campagne.' }]
		],
		[
			'eleven dates',
			{ pitch, feeDzd: 1000, formats: ['reel'], proposedDates: Array.from({ length: 11 }, (_, i) => `2030-01-${String(i + 10)}`) },
			[{ path: 'proposedDates', message: 'Proposez au plus 10 dates.' }]
		],
		['unknown field', { pitch, feeDzd: 1000, formats: ['reel'], status: 'accepted' }, [{ path: 'status', message: 'Champ inconnu.' }]]
	])('refuses %s with a 400 listing the field, and writes nothing', async (_, json, errors) => {
		const { campaignId, creator } = await scene({ apply: false });
		const before = await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1', campaignId);
		const res = await creator.client.call(`/campaigns/${campaignId}/applications`, { json });
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		expect(await res.json()).toMatchObject({ status: 400, code: 'invalid_request', detail: 'Certains champs sont invalides.', errors });
		expect(await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1', campaignId)).toBe(before);
	});

	it('refuses a second application (409), sequentially and under a race', async () => {
		const { campaignId, creator } = await scene();
		const again = await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 30000, formats: ['story'] } });
		expect(again.status).toBe(409);
		expect(await again.json()).toMatchObject({ code: 'already_exists', detail: 'Vous avez déjà postulé à cette campagne.' });

		const racer = await creatorAccount(env, 'Racer');
		const results = await Promise.all([1, 2, 3].map(() => racer.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 9000, formats: ['reel'] } })));
		expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
		expect(await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1 AND creator_id = ?2', campaignId, racer.creatorId)).toBe(1);
		expect(await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1', campaignId)).toBe(2);
	});

	it('answers 404 for campaigns that are not open (draft, closed, past deadline, unknown)', async () => {
		const brand = await brandAccount();
		const creator = await creatorAccount(env);
		const ids = [
			await createCampaign(env, { brandId: brand.brandId, status: 'draft' }),
			await createCampaign(env, { brandId: brand.brandId, status: 'closed' }),
			await createCampaign(env, { brandId: brand.brandId, applyBy: Date.now() - DAY }),
			'no-such-campaign'
		];
		for (const id of ids) {
			const res = await creator.client.call(`/campaigns/${id}/applications`, { json: { pitch, feeDzd: 1000, formats: ['reel'] } });
			expect(res.status, id).toBe(404);
			expect((await creator.client.call(`/campaigns/${id}/application`)).status).toBe(404);
		}
		expect(await count(`SELECT count(*) AS n FROM applications WHERE creator_id = ?1`, creator.creatorId)).toBe(0);
		const open = await createCampaign(env, { brandId: brand.brandId, applyBy: null });
		expect((await creator.client.call(`/campaigns/${open}/applications`, { json: { pitch, feeDzd: 1000, formats: ['reel'] } })).status).toBe(201);
	});

	it('is for creators only: a brand gets 403, a guest 401', async () => {
		const { campaignId, brand } = await scene({ apply: false });
		const asBrand = await brand.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 1000, formats: ['reel'] } });
		expect(asBrand.status).toBe(403);
		expect((await new Client().call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 1000, formats: ['reel'] } })).status).toBe(401);
		expect((await brand.client.call(`/campaigns/${campaignId}/application`)).status).toBe(403);
		expect(await count('SELECT count(*) AS n FROM applications WHERE campaign_id = ?1', campaignId)).toBe(0);
	});

	it('GET /campaigns/:id/application shows the campaign, then the existing application', async () => {
		const { campaignId, creator } = await scene({ apply: false });
		const before = (await (await creator.client.call(`/campaigns/${campaignId}/application`)).json()) as {
			campaign: { title: string; formats: string[]; acceptingApplications: boolean };
			application: null;
		};
		expect(before).toMatchObject({ campaign: { title: 'Sérum éclat', formats: ['reel', 'story'], acceptingApplications: true }, application: null });
		await creator.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 1000, formats: ['reel'] } });
		// Still visible to the applicant once the campaign closes.
		await env.DB.prepare("UPDATE campaigns SET status = 'closed' WHERE id = ?1").bind(campaignId).run();
		const after = (await (await creator.client.call(`/campaigns/${campaignId}/application`)).json()) as { campaign: { acceptingApplications: boolean }; application: ApplicationBody };
		expect(after.campaign.acceptingApplications).toBe(false);
		expect(after.application.status).toBe('pending');
	});
});

describe('the brand’s view of applicants', () => {
	it('lists applicants with their key numbers, filters by status and paginates', async () => {
		const { brand, campaignId, applicationId } = await scene();
		const res = await brand.client.call(`/campaigns/${campaignId}/applications`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { applications: (ApplicationBody & { creator: Record<string, unknown> })[]; counts: Record<string, number>; total: number; page: number; pageSize: number };
		expect(body.counts).toMatchObject({ pending: 1, shortlisted: 0, accepted: 0 });
		expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
		expect(body.applications[0]).toMatchObject({
			id: applicationId,
			pitch,
			feeDzd: 25000,
			formats: ['reel'],
			status: 'pending',
			creator: {
				displayName: 'Nour Beauty',
				wilaya: { code: '09', nameFr: 'Blida' },
				followersTotal: 18400,
				niches: ['beauty'],
				accounts: [{ platform: 'instagram', handle: 'nour.dz', followers: 18400 }],
				engagementByFormat: { reel: { engagementRate: 0.061 } },
				commentMix: { purchase_intent: 0.22 }
			}
		});

		for (let i = 0; i < 21; i++) {
			const c = await creatorAccount(env, `Créatrice ${i}`);
			await c.client.call(`/campaigns/${campaignId}/applications`, { json: { pitch, feeDzd: 5000 + i, formats: ['story'] } });
		}
		await brand.client.call(`/applications/${applicationId}/shortlist`, { method: 'POST' });
		const page2 = (await (await brand.client.call(`/campaigns/${campaignId}/applications?page=2`)).json()) as { applications: unknown[]; total: number };
		expect(page2.total).toBe(22);
		expect(page2.applications).toHaveLength(2);
		const shortlisted = (await (await brand.client.call(`/campaigns/${campaignId}/applications?status=shortlisted`)).json()) as {
			applications: { id: string; creator: { engagementByFormat: unknown } }[];
			total: number;
		};
		expect(shortlisted.total).toBe(1);
		expect(shortlisted.applications.map((a) => a.id)).toEqual([applicationId]);
		const noFeatures = (await (await brand.client.call(`/campaigns/${campaignId}/applications?status=pending`)).json()) as {
			applications: { creator: { engagementByFormat: unknown; commentMix: unknown } }[];
		};
		expect(noFeatures.applications[0].creator).toMatchObject({ engagementByFormat: null, commentMix: null });
		expect((await brand.client.call(`/campaigns/${campaignId}/applications?status=won`)).status).toBe(400);
		expect((await brand.client.call(`/campaigns/${campaignId}/applications?page=0`)).status).toBe(400);
	});

	it('another brand gets 404, a creator 403, a guest 401', async () => {
		const { campaignId, creator } = await scene();
		const other = await brandAccount('Concurrent');
		expect((await other.client.call(`/campaigns/${campaignId}/applications`)).status).toBe(404);
		expect((await creator.client.call(`/campaigns/${campaignId}/applications`)).status).toBe(403);
		expect((await new Client().call(`/campaigns/${campaignId}/applications`)).status).toBe(401);
	});
});

describe('a creator’s applications', () => {
	it('GET /me/applications lists only the caller’s, with campaign and brand', async () => {
		const { creator, applicationId } = await scene();
		const other = await scene();
		const body = (await (await creator.client.call('/me/applications')).json()) as { applications: { id: string; campaign: { title: string; brandName: string } }[]; total: number };
		expect(body.total).toBe(1);
		expect(body.applications[0]).toMatchObject({ id: applicationId, status: 'pending', campaign: { title: 'Sérum éclat', brandName: 'Atelier Lina Tlemcen' }, agreement: null });
		expect(body.applications.map((a) => a.id)).not.toContain(other.applicationId);
		expect((await other.brand.client.call('/me/applications')).status).toBe(403);
		expect((await new Client().call('/me/applications')).status).toBe(401);
	});

	it('GET /applications/:id: the creator and the owning brand see it; anyone else gets 404', async () => {
		const { creator, brand, applicationId } = await scene();
		for (const party of [creator, brand]) {
			const res = await party.client.call(`/applications/${applicationId}`);
			expect(res.status).toBe(200);
			expect(await res.json()).toMatchObject({ application: { id: applicationId }, campaign: { title: 'Sérum éclat' }, creator: { displayName: 'Nour Beauty' }, agreement: null });
		}
		const otherBrand = await brandAccount('Autre marque');
		const otherCreator = await creatorAccount(env, 'Autre créatrice');
		for (const stranger of [otherBrand, otherCreator]) expect((await stranger.client.call(`/applications/${applicationId}`)).status).toBe(404);
		expect((await creator.client.call('/applications/nope')).status).toBe(404);
		expect((await new Client().call(`/applications/${applicationId}`)).status).toBe(401);
	});
});

describe('brand decisions', () => {
	it('accept: one batch moves the application, drafts the agreement with prefilled terms, notifies and emails the creator', async () => {
		const { brand, creator, applicationId, campaignId } = await scene();
		await creator.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } });
		const res = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
		expect(res.status).toBe(200);
		const body = (await res.json()) as { application: ApplicationBody; agreement: { id: string } };
		expect(body.application.status).toBe('accepted');
		expect(await count('SELECT count(*) AS n FROM agreements WHERE application_id = ?1', applicationId)).toBe(1);

		const agreement = (await (await creator.client.call(`/agreements/${body.agreement.id}`)).json()) as {
			agreement: { status: string; version: number; documentSha256: string; signatures: []; terms: Record<string, unknown> };
		};
		// Version 1 is hashed and recorded when the agreement is drafted (worker/services/agreements.ts).
		expect(agreement.agreement).toMatchObject({ id: body.agreement.id, status: 'draft', version: 1, documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/), signatures: [] });
		expect(agreement.agreement.terms).toMatchObject({
			parties: { brand: { name: 'Atelier Lina Tlemcen' }, creator: { displayName: 'Nour Beauty' } },
			campaign: { id: campaignId, title: 'Sérum éclat' },
			deliverables: [{ format: 'reel', platform: 'instagram', count: 1 }],
			fee: { amountDzd: 25000, currency: 'DZD' },
			paymentSchedule: [{ amountDzd: 12500 }, { amountDzd: 12500 }],
			reuseRights: { days: 30 },
			disclosure: { hashtags: ['#sponsorisé', '#إشهار'] },
			attribution: { promoCode: 'NOUR10', whatsappKeyword: 'INSTA-NOUR' }
		});
		expect((await (await brand.client.call(`/agreements/${body.agreement.id}`)).json()) as object).toMatchObject({ agreement: { id: body.agreement.id } });

		const mail = (await outbox()).find((m) => m.to === creator.email)!;
		expect(mail.subject).toBe('قبلت Atelier Lina Tlemcen ترشحك لحملة «Sérum éclat»');
		expect(mail.text).toContain(`/applications/${applicationId}`);
		const notes = (await (await creator.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { agreementId: string } }[] };
		expect(notes.notifications[0]).toMatchObject({ kind: 'application_accepted', payload: { agreementId: body.agreement.id } });
		const mine = (await (await creator.client.call('/me/applications')).json()) as { applications: { status: string; agreement: { id: string } }[] };
		expect(mine.applications[0]).toMatchObject({ status: 'accepted', agreement: { id: body.agreement.id } });

		// Accepting twice: its own code, no second agreement, no second email.
		const mails = (await outbox()).length;
		const again = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
		expect(again.status).toBe(409);
		expect(await again.json()).toMatchObject({ code: 'already_accepted', detail: 'Cette candidature est déjà acceptée.' });
		expect(await count('SELECT count(*) AS n FROM agreements WHERE application_id = ?1', applicationId)).toBe(1);
		expect((await outbox()).length).toBe(mails);
		for (const action of ['shortlist', 'decline']) {
			const res = await brand.client.call(`/applications/${applicationId}/${action}`, { json: action === 'decline' ? { reason: 'Finalement non' } : undefined, method: 'POST' });
			expect(res.status, action).toBe(409);
			expect(((await res.json()) as Problem).code).toBe('invalid_state');
		}
	});

	it('two concurrent accepts make exactly one agreement', async () => {
		const { brand, applicationId } = await scene();
		const results = await Promise.all([1, 2].map(() => brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' })));
		expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
		expect(await count('SELECT count(*) AS n FROM agreements WHERE application_id = ?1', applicationId)).toBe(1);
		expect(await count("SELECT count(*) AS n FROM notifications WHERE kind = 'application_accepted' AND payload LIKE ?1", `%${applicationId}%`)).toBe(1);
	});

	it('shortlist then accept; a shortlisted application cannot be shortlisted again', async () => {
		const { brand, creator, applicationId } = await scene();
		const res = await brand.client.call(`/applications/${applicationId}/shortlist`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { application: ApplicationBody }).application.status).toBe('shortlisted');
		const twice = await brand.client.call(`/applications/${applicationId}/shortlist`, { method: 'POST' });
		expect(twice.status).toBe(409);
		expect(await twice.json()).toMatchObject({ code: 'invalid_state', detail: 'Cette candidature n’est plus dans un état qui permet cette action.' });
		const notes = (await (await creator.client.call('/notifications')).json()) as { notifications: { kind: string }[] };
		expect(notes.notifications.map((n) => n.kind)).toEqual(['application_shortlisted']);
		expect((await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' })).status).toBe(200);
	});

	it('decline needs a reason; the creator is told why; nothing can be accepted afterwards', async () => {
		const { brand, creator, applicationId } = await scene();
		for (const [json, message] of [
			[{}, 'Ce champ est obligatoire.'],
			[{ reason: '  ' }, 'Indiquez un motif de 3 à 500 caractères.'],
			[{ reason: 'x'.repeat(501) }, 'Indiquez un motif de 3 à 500 caractères.']
		] as const) {
			const res = await brand.client.call(`/applications/${applicationId}/decline`, { json });
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ errors: [{ path: 'reason', message }] });
		}
		expect((await brand.client.call(`/applications/${applicationId}/decline`, { method: 'POST' })).status).toBe(415);
		expect(await count("SELECT count(*) AS n FROM applications WHERE id = ?1 AND status = 'pending'", applicationId)).toBe(1);

		const res = await brand.client.call(`/applications/${applicationId}/decline`, { json: { reason: 'Budget déjà engagé sur les reels.' } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { application: ApplicationBody }).application).toMatchObject({ status: 'declined', declineReason: 'Budget déjà engagé sur les reels.' });
		const notes = (await (await creator.client.call('/notifications')).json()) as { notifications: { kind: string; payload: { reason: string } }[] };
		expect(notes.notifications[0]).toMatchObject({ kind: 'application_declined', payload: { reason: 'Budget déjà engagé sur les reels.' } });
		const accept = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
		expect(accept.status).toBe(409);
		expect(((await accept.json()) as Problem).code).toBe('invalid_state');
		expect(await count('SELECT count(*) AS n FROM agreements WHERE application_id = ?1', applicationId)).toBe(0);
	});
});

describe('tenancy and roles on every application route', () => {
	const routes = (id: string) =>
		[
			['GET', `/applications/${id}`, undefined],
			['POST', `/applications/${id}/shortlist`, undefined],
			['POST', `/applications/${id}/accept`, undefined],
			['POST', `/applications/${id}/decline`, { reason: 'Pas pour nous' }],
			['GET', `/applications/${id}/messages`, undefined],
			['POST', `/applications/${id}/messages`, { body: 'Bonjour !' }]
		] as const;

	async function snapshot(applicationId: string) {
		return env.DB.batch([
			env.DB.prepare('SELECT status, decline_reason, updated_at FROM applications WHERE id = ?1').bind(applicationId),
			env.DB.prepare('SELECT count(*) AS n FROM agreements WHERE application_id = ?1').bind(applicationId),
			env.DB.prepare('SELECT count(*) AS n FROM application_messages WHERE application_id = ?1').bind(applicationId),
			env.DB.prepare('SELECT count(*) AS n FROM notifications').bind()
		]).then((rs) => rs.map((r) => r.results));
	}

	it('a second brand gets 404 everywhere and nothing changes', async () => {
		const { applicationId, brand } = await scene();
		const accepted = await scene();
		const agreementId = ((await (await accepted.brand.client.call(`/applications/${accepted.applicationId}/accept`, { method: 'POST' })).json()) as { agreement: { id: string } }).agreement.id;
		const other = await brandAccount('Marque voisine');
		const before = await snapshot(applicationId);
		for (const [method, path, json] of routes(applicationId)) {
			const res = await other.client.call(path, { method, json });
			expect(res.status, `${method} ${path}`).toBe(404);
			expect(await res.json()).toMatchObject({ status: 404, code: 'not_found', detail: 'Introuvable.' });
		}
		expect((await other.client.call(`/agreements/${agreementId}`)).status).toBe(404);
		expect(await snapshot(applicationId)).toEqual(before);
		// The owning brand still can.
		expect((await brand.client.call(`/applications/${applicationId}`)).status).toBe(200);
	});

	it('a second creator gets 404 on another creator’s application, messages and agreement', async () => {
		const { applicationId, brand } = await scene();
		const agreementId = ((await (await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' })).json()) as { agreement: { id: string } }).agreement.id;
		const other = await creatorAccount(env, 'Autre créatrice');
		const before = await snapshot(applicationId);
		for (const [method, path, json] of routes(applicationId).filter(([, p]) => !/shortlist|accept|decline/.test(p))) {
			expect((await other.client.call(path, { method, json })).status, `${method} ${path}`).toBe(404);
		}
		expect((await other.client.call(`/agreements/${agreementId}`)).status).toBe(404);
		expect(await snapshot(applicationId)).toEqual(before);
	});

	it('the creator cannot decide (403) and guests get 401', async () => {
		const { applicationId, creator } = await scene();
		const before = await snapshot(applicationId);
		for (const [method, path, json] of routes(applicationId).filter(([, p]) => /shortlist|accept|decline/.test(p))) {
			const res = await creator.client.call(path, { method, json });
			expect(res.status, path).toBe(403);
		}
		for (const [method, path, json] of routes(applicationId)) expect((await new Client().call(path, { method, json })).status, path).toBe(401);
		expect((await new Client().call('/notifications')).status).toBe(401);
		expect((await new Client().call('/notifications/read', { json: {} })).status).toBe(401);
		expect((await new Client().call('/agreements/x')).status).toBe(401);
		expect(await snapshot(applicationId)).toEqual(before);
	});
});

describe('message thread and notifications', () => {
	it('both parties write; the other side is notified; notifications can be read', async () => {
		const { brand, creator, applicationId } = await scene();
		const mate = await brandAccount('Équipe');
		await env.DB.prepare("INSERT INTO brand_members (brand_id, user_id, role, created_at) VALUES (?1, ?2, 'member', ?3)").bind(brand.brandId, mate.user.id, Date.now()).run();
		// The teammate works in that brand by choice (joining never switches by itself).
		expect((await mate.client.call('/me/brand', { method: 'PUT', json: { brandId: brand.brandId } })).status).toBe(200);

		const first = await creator.client.call(`/applications/${applicationId}/messages`, { json: { body: 'Je peux livrer le reel le 12.' } });
		expect(first.status).toBe(201);
		const reply = await mate.client.call(`/applications/${applicationId}/messages`, { json: { body: 'Parfait, merci !' } });
		expect(reply.status).toBe(201);
		for (const [json, message] of [
			[{ body: '   ' }, 'Le message doit contenir entre 1 et 2000 caractères.'],
			[{ body: 'x'.repeat(2001) }, 'Le message doit contenir entre 1 et 2000 caractères.'],
			[{}, 'Ce champ est obligatoire.']
		] as const) {
			const res = await creator.client.call(`/applications/${applicationId}/messages`, { json });
			expect(res.status).toBe(400);
			expect(((await res.json()) as Problem).errors).toEqual([{ path: 'body', message }]);
		}

		const thread = (await (await brand.client.call(`/applications/${applicationId}/messages`)).json()) as { messages: { body: string; author: { side: string }; mine: boolean }[]; total: number };
		expect(thread.total).toBe(2);
		expect(thread.messages.map((m) => [m.body, m.author.side, m.mine])).toEqual([
			['Je peux livrer le reel le 12.', 'creator', false],
			['Parfait, merci !', 'brand', false]
		]);

		// The owner got: the application, then the creator's message (not the teammate's reply).
		const ownerNotes = (await (await brand.client.call('/notifications')).json()) as { notifications: { id: string; kind: string; readAt: string | null }[]; unread: number; total: number };
		expect(ownerNotes.notifications.map((n) => n.kind)).toEqual(['message_received', 'application_received']);
		expect(ownerNotes.unread).toBe(2);
		const creatorNotes = (await (await creator.client.call('/notifications')).json()) as { notifications: { id: string; kind: string; payload: { excerpt: string } }[] };
		expect(creatorNotes.notifications).toMatchObject([{ kind: 'message_received', payload: { excerpt: 'Parfait, merci !' } }]);

		// Marking read: someone else's ids are ignored; then all.
		const read = await brand.client.call('/notifications/read', { json: { ids: [ownerNotes.notifications[0].id, creatorNotes.notifications[0].id] } });
		expect(await read.json()).toEqual({ unread: 1 });
		expect(((await (await creator.client.call('/notifications')).json()) as { unread: number }).unread).toBe(1);
		expect(await (await brand.client.call('/notifications/read', { json: {} })).json()).toEqual({ unread: 0 });
		const after = (await (await brand.client.call('/notifications')).json()) as { notifications: { readAt: string | null }[] };
		expect(after.notifications.every((n) => n.readAt !== null)).toBe(true);
		expect((await brand.client.call('/notifications/read', { json: { ids: 'all' } })).status).toBe(400);
	});
});
