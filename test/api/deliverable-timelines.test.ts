/**
 * The signed agreement as the workspace (issue 11, point 8): the campaign timeline for its
 * brand, the due list across agreements, the other party's contact details once signed.
 *
 * Fixtures: the scenes' publication windows lie in January 2027, so nothing is late on its
 * own; a test that needs a late or a finished deliverable moves its due moment or status by
 * SQL (the transitions themselves are other tests' subject), as noted where it does.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount, creatorAccount } from './factories';
import { type Terms, agreementScene, count, getAgreement, requestCode, sendReady, sign, withCreatorLegalName, withRepresentative } from './agreements-scene';
import { type DeliverableOut, deliverableTerms, listDeliverables, signedScene } from './deliverables-scene';
import { Client } from './helpers';

interface TimelineItem extends DeliverableOut {
	campaign: { id: string; title: string };
	brand: { id: string; name: string };
	creator: { id: string; displayName: string; handle: string };
	at: string;
	day: string;
}
interface Timeline {
	campaign: { id: string; title: string; status: string };
	deliverables: TimelineItem[];
	late: number;
	next: TimelineItem[];
}
interface DueList {
	side: string;
	status: string;
	deliverables: TimelineItem[];
	page: number;
	pageSize: number;
	total: number;
	open: number;
	late: number;
	next: TimelineItem[];
}

const DAY = 86_400_000;

async function timeline(client: Client, campaignId: string): Promise<Timeline> {
	const res = await client.call(`/campaigns/${campaignId}/timeline`);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as Timeline;
}

async function due(client: Client, query = ''): Promise<DueList> {
	const res = await client.call(`/me/deliverables${query}`);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as DueList;
}

/** Fixture: the deliverable's draft was due `daysAgo` days ago (a planned deliverable is then late). */
async function draftDueDaysAgo(id: string, daysAgo: number) {
	await env.DB.prepare('UPDATE deliverables SET draft_due_at = ?2 WHERE id = ?1')
		.bind(id, Date.now() - daysAgo * DAY)
		.run();
}

/** Fixture: the deliverable is over (done), as the close transition would leave it. */
async function markDone(id: string) {
	await env.DB.prepare("UPDATE deliverables SET status = 'done' WHERE id = ?1").bind(id).run();
}

/** Another creator applies to the scene's campaign; the brand accepts, both sign terms shaped by `shape`. */
async function anotherSignedAgreement(s: Awaited<ReturnType<typeof signedScene>>, name: string, shape: (t: Terms) => Terms) {
	const creator = await creatorAccount(env, name);
	const applied = await creator.client.call(`/campaigns/${s.campaignId}/applications`, {
		json: { pitch: 'Mes abonnées à Oran suivent mes routines beauté chaque semaine.', feeDzd: 18000, formats: ['reel'] }
	});
	expect(applied.status).toBe(201);
	const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
	const accepted = await s.brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
	expect(accepted.status).toBe(200);
	const agreementId = ((await accepted.json()) as { agreement: { id: string } }).agreement.id;
	const a = await getAgreement(s.brand.client, agreementId);
	expect((await s.brand.client.call(`/agreements/${agreementId}`, { method: 'PATCH', json: { terms: shape(withRepresentative(a.terms)) } })).status).toBe(200);
	const b = await getAgreement(creator.client, agreementId);
	expect((await creator.client.call(`/agreements/${agreementId}/proposals`, { json: { terms: withCreatorLegalName(b.terms, 'Yasmine Belkacem'), note: 'Mon nom légal' } })).status).toBe(201);
	expect((await s.brand.client.call(`/agreements/${agreementId}/send`, { method: 'POST' })).status).toBe(200);
	expect((await sign(creator.client, agreementId, await requestCode(creator.client, creator.email, agreementId), 'Yasmine Belkacem')).status).toBe(200);
	expect((await sign(s.brand.client, agreementId, await requestCode(s.brand.client, s.brand.email, agreementId), 'Lina Benali')).status).toBe(200);
	return { creator, agreementId };
}

describe('GET /campaigns/:id/timeline', () => {
	it('lists every deliverable of every signed agreement of the campaign by its next deadline, with creator and Algiers day', async () => {
		const s = await signedScene();
		// A second creator on the same campaign, publishing 5–15 January: one reel, drafts due 2 days before.
		const other = await anotherSignedAgreement(s, 'Yasmine Oran', (t) => ({
			...deliverableTerms(t),
			deliverables: [{ platform: 'instagram', format: 'reel', count: 1, storyHighlightHours: null }],
			publicationWindow: { from: '2027-01-05', to: '2027-01-15', proposedDates: ['2027-01-05'] },
			validation: { draftDaysBeforePublication: 2, reviewDays: 1, correctionRounds: 1 }
		}));
		const t = await timeline(s.brand.client, s.campaignId);
		expect(t.campaign).toMatchObject({ id: s.campaignId, title: 'Sérum éclat' });
		// Drafts due: Yasmine 3 Jan (publishes 5 Jan), Nour 7, 9 and 17 Jan (publishes 10, 12, 20 Jan, drafts 3 days before).
		expect(t.deliverables.map((d) => [d.creator.displayName, d.format, d.ordinal, d.day])).toEqual([
			['Yasmine Oran', 'reel', 1, '2027-01-03'],
			['Nour Beauty', 'reel', 1, '2027-01-07'],
			['Nour Beauty', 'reel', 2, '2027-01-09'],
			['Nour Beauty', 'story', 1, '2027-01-17']
		]);
		expect(t.deliverables[0].agreementId).toBe(other.agreementId);
		// The order's moment is the next step's deadline: the draft's, the end of its day in Algiers (23:00 UTC).
		expect(t.deliverables[1].at).toBe(t.deliverables[1].draftDueAt);
		expect(t.deliverables[1].at).toBe('2027-01-07T23:00:00.000Z');
		expect(t.deliverables[0].creator.handle).toBe(other.creator.handle);
		expect(t.late).toBe(0);
		expect(t.next.map((d) => d.id)).toEqual(t.deliverables.slice(0, 3).map((d) => d.id));
	});

	it('puts what is late first with its flag, counts it, and leaves it out of what comes next', async () => {
		const s = await signedScene();
		const [first, second, story] = await listDeliverables(s.brand.client, s.agreementId);
		await draftDueDaysAgo(story.id, 2);
		const t = await timeline(s.brand.client, s.campaignId);
		expect(t.deliverables.map((d) => d.id)).toEqual([story.id, first.id, second.id]);
		expect(t.deliverables[0].next).toMatchObject({ party: 'creator', step: 'submit_draft', late: true });
		expect(t.deliverables[1].next!.late).toBe(false);
		expect(t.late).toBe(1);
		expect(t.next.map((d) => d.id)).toEqual([first.id, second.id]);
	});

	it('places a deliverable with nothing left to do at its publication day, and never counts it as next', async () => {
		const s = await signedScene();
		const [first, second, story] = await listDeliverables(s.brand.client, s.agreementId);
		await markDone(first.id);
		const t = await timeline(s.brand.client, s.campaignId);
		// first: published 10 Jan (done); second: draft due 9 Jan; story: draft due 17 Jan.
		expect(t.deliverables.map((d) => [d.id, d.day])).toEqual([
			[second.id, '2027-01-09'],
			[first.id, '2027-01-10'],
			[story.id, '2027-01-17']
		]);
		expect(t.deliverables[1]).toMatchObject({ status: 'done', next: null, at: first.publishDueAt });
		expect(t.next.map((d) => d.id)).toEqual([second.id, story.id]);
	});

	it('is empty for a campaign without a signed agreement', async () => {
		const s = await agreementScene();
		expect(await timeline(s.brand.client, s.campaignId)).toMatchObject({ deliverables: [], late: 0, next: [] });
	});

	it('is the campaign’s brand’s only: another brand and unknown ids get 404, a creator 403, no session 401', async () => {
		const s = await signedScene();
		const rival = await brandAccount('Maison Rivale Oran');
		expect((await rival.client.call(`/campaigns/${s.campaignId}/timeline`)).status).toBe(404);
		expect((await s.brand.client.call('/campaigns/does-not-exist/timeline')).status).toBe(404);
		expect((await s.brand.client.call('/campaigns/..%2Fx/timeline')).status).toBe(404);
		expect((await s.creator.client.call(`/campaigns/${s.campaignId}/timeline`)).status).toBe(403);
		expect((await new Client().call(`/campaigns/${s.campaignId}/timeline`)).status).toBe(401);
	});

	it('plans, once, a signed agreement that has no deliverables yet, and changes nothing else', async () => {
		const s = await signedScene();
		// Signed before deliverables (and payouts, planned after them on the chain) existed.
		await env.DB.batch([
			env.DB.prepare('DELETE FROM deliverables WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare('DELETE FROM payouts WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare("DELETE FROM agreement_events WHERE agreement_id = ?1 AND action IN ('deliverables_planned', 'payouts_planned')").bind(s.agreementId)
		]);
		const [a, b] = await Promise.all([timeline(s.brand.client, s.campaignId), timeline(s.brand.client, s.campaignId)]);
		expect(a.deliverables).toHaveLength(3);
		expect(b.deliverables.map((d) => d.id)).toEqual(a.deliverables.map((d) => d.id));
		const events = await count('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1', s.agreementId);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'deliverables_planned'", s.agreementId)).toBe(1);
		await timeline(s.brand.client, s.campaignId);
		await due(s.creator.client);
		expect(await count('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1', s.agreementId)).toBe(events);
		expect(((await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as { chainValid: boolean }).chainValid).toBe(true);
	});
});

describe('GET /me/deliverables', () => {
	it('gives the creator what is due, late first, then by next deadline; late and next count the open ones', async () => {
		const s = await signedScene();
		const [first, second, story] = await listDeliverables(s.creator.client, s.agreementId);
		await draftDueDaysAgo(second.id, 1);
		await draftDueDaysAgo(story.id, 3);
		const list = await due(s.creator.client);
		expect(list).toMatchObject({ side: 'creator', status: 'open', page: 1, pageSize: 20, total: 3, open: 3, late: 2 });
		// The longest overdue first (story, 3 days), then second (1 day), then what is on time.
		expect(list.deliverables.map((d) => d.id)).toEqual([story.id, second.id, first.id]);
		expect(list.deliverables.map((d) => d.next!.late)).toEqual([true, true, false]);
		expect(list.deliverables[0]).toMatchObject({ campaign: { id: s.campaignId, title: 'Sérum éclat' }, brand: { name: 'Atelier Lina Tlemcen' }, creator: { displayName: 'Nour Beauty' } });
		expect(list.next.map((d) => d.id)).toEqual([first.id]);
	});

	it('filters open, done and all: done ones go last, the latest first', async () => {
		const s = await signedScene();
		const [first, second, story] = await listDeliverables(s.creator.client, s.agreementId);
		await markDone(first.id);
		await markDone(story.id);
		expect((await due(s.creator.client)).deliverables.map((d) => d.id)).toEqual([second.id]);
		const done = await due(s.creator.client, '?status=done');
		expect(done.deliverables.map((d) => d.id)).toEqual([story.id, first.id]);
		expect(done).toMatchObject({ total: 2, open: 1, late: 0 });
		expect((await due(s.creator.client, '?status=all')).deliverables.map((d) => d.id)).toEqual([second.id, story.id, first.id]);
	});

	it('spans every signed agreement of the caller: the brand sees its deliverables across agreements, each creator only their own', async () => {
		const s = await signedScene();
		const other = await anotherSignedAgreement(s, 'Yasmine Oran', (t) => ({
			...deliverableTerms(t),
			deliverables: [{ platform: 'tiktok', format: 'post', count: 1, storyHighlightHours: null }],
			publicationWindow: { from: '2027-01-08', to: '2027-01-08', proposedDates: [] }
		}));
		const brand = await due(s.brand.client);
		expect(brand.side).toBe('brand');
		expect(brand.total).toBe(4);
		// Yasmine's post publishes 8 January, its draft due 5 January: first.
		expect(brand.deliverables.map((d) => [d.creator.displayName, d.format])).toEqual([
			['Yasmine Oran', 'post'],
			['Nour Beauty', 'reel'],
			['Nour Beauty', 'reel'],
			['Nour Beauty', 'story']
		]);
		expect((await due(other.creator.client)).deliverables.map((d) => d.agreementId)).toEqual([other.agreementId]);
		expect(new Set((await due(s.creator.client)).deliverables.map((d) => d.agreementId))).toEqual(new Set([s.agreementId]));
		const stranger = await creatorAccount(env, 'Sans Contrat');
		expect(await due(stranger.client)).toMatchObject({ deliverables: [], total: 0, open: 0, late: 0, next: [] });
	});

	it('pages by 20 in the same order', async () => {
		const s = await signedScene({
			shape: (t) => ({
				...deliverableTerms(t),
				deliverables: [
					{ platform: 'instagram', format: 'reel', count: 13, storyHighlightHours: null },
					{ platform: 'instagram', format: 'story', count: 12, storyHighlightHours: 24 }
				],
				publicationWindow: { from: '2027-01-10', to: '2027-03-10', proposedDates: [] }
			})
		});
		const one = await due(s.creator.client);
		const two = await due(s.creator.client, '?page=2');
		expect(one).toMatchObject({ total: 25, page: 1, pageSize: 20 });
		expect(one.deliverables).toHaveLength(20);
		expect(two.deliverables).toHaveLength(5);
		const ats = [...one.deliverables, ...two.deliverables].map((d) => d.at);
		expect(ats).toEqual([...ats].sort());
		expect(new Set([...one.deliverables, ...two.deliverables].map((d) => d.id)).size).toBe(25);
		expect((await due(s.creator.client, '?page=3')).deliverables).toEqual([]);
	});

	it('refuses an unknown filter or page with field errors, and a caller without a session', async () => {
		const s = await signedScene();
		for (const q of ['?status=late', '?page=0', '?page=x']) {
			const res = await s.creator.client.call(`/me/deliverables${q}`);
			expect(res.status).toBe(400);
			const body = (await res.json()) as { errors: { path: string }[] };
			expect(body.errors.map((e) => e.path)).toEqual([q.startsWith('?status') ? 'status' : 'page']);
		}
		expect((await new Client().call('/me/deliverables')).status).toBe(401);
	});
});

describe('contact details on the agreement', () => {
	async function fillContacts(client: Client) {
		const res = await client.call('/creators/me', { method: 'PUT', json: { displayName: 'Nour Beauty', wilaya: '09', niches: ['beauty'], phone: '0661 23 45 67', payoutRip: '00799999001234567803' } });
		expect(res.status, await res.clone().text()).toBe(200);
	}
	const contactsOf = async (client: Client, id: string) => ((await (await client.call(`/agreements/${id}`)).json()) as { agreement: { contacts: Record<string, unknown> | null } }).agreement.contacts;

	it('are absent while the agreement is a draft or awaits signatures', async () => {
		const s = await agreementScene();
		await fillContacts(s.creator.client);
		expect(await contactsOf(s.brand.client, s.agreementId)).toBeNull();
		expect(await contactsOf(s.creator.client, s.agreementId)).toBeNull();
		await sendReady(s);
		expect(await contactsOf(s.brand.client, s.agreementId)).toBeNull();
		expect(await contactsOf(s.creator.client, s.agreementId)).toBeNull();
		// One signature is not enough.
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId))).status).toBe(200);
		expect(await contactsOf(s.brand.client, s.agreementId)).toBeNull();
	});

	it('once signed: the brand gets the creator’s phone, RIP and email; the creator the brand’s names and owner’s email', async () => {
		const s = await signedScene();
		await fillContacts(s.creator.client);
		expect(await contactsOf(s.brand.client, s.agreementId)).toEqual({
			party: 'creator',
			displayName: 'Nour Beauty',
			handle: s.creator.handle,
			legalName: 'Nour El Houda Saidi',
			phone: '+213661234567',
			payoutRip: '00799999001234567803',
			email: s.creator.email,
			shared: ['identity', 'contact', 'payment_details', 'audience_stats']
		});
		const forCreator = await contactsOf(s.creator.client, s.agreementId);
		expect(forCreator).toEqual({
			party: 'brand',
			name: 'Atelier Lina Tlemcen',
			legalName: 'Atelier Lina Tlemcen',
			representative: 'Lina Benali',
			email: s.brand.email,
			shared: ['identity', 'contact', 'payment_details', 'audience_stats']
		});
		// The creator never sees their own phone or RIP echoed as "the other party's".
		expect(JSON.stringify(forCreator)).not.toContain('+213661234567');
		// Another brand still gets 404 for the whole agreement.
		const rival = await brandAccount('Maison Rivale Oran');
		expect((await rival.client.call(`/agreements/${s.agreementId}`)).status).toBe(404);
	});

	it('keep to what the signed terms share: no RIP without payment details, no phone or email without contact', async () => {
		const s = await signedScene({ shape: (t) => ({ ...deliverableTerms(t), personalData: { ...(t.personalData as object), shared: ['identity', 'audience_stats'] } }) });
		await fillContacts(s.creator.client);
		expect(await contactsOf(s.brand.client, s.agreementId)).toMatchObject({ phone: null, payoutRip: null, email: null, shared: ['identity', 'audience_stats'] });
		expect(await contactsOf(s.creator.client, s.agreementId)).toMatchObject({ representative: 'Lina Benali', email: null });
	});

	it('say null for what the creator has not given', async () => {
		const s = await signedScene();
		expect(await contactsOf(s.brand.client, s.agreementId)).toMatchObject({ phone: null, payoutRip: null, email: s.creator.email });
	});
});
