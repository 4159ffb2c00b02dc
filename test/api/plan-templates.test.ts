/**
 * Issue 14, points 5 and 10: templates never publish wrong data (the brand's name and the
 * wilaya count filled in, creator tokens filled per signed creator, `[…]` blanks refused at
 * publishing and on open campaigns with a 422 naming each one), and the 14-step plan sits
 * on the campaign's own dates and follows them when they move.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../worker/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, ORIGIN, signUp } from './helpers';
import { creatorAccount } from './factories';
import { signedScene } from './deliverables-scene';

const DAY = 86_400_000;
/** The Algiers calendar day of an instant. */
const algiers = (ms: number) => new Date(ms + 3_600_000).toISOString().slice(0, 10);
/** Noon, Algiers time, `days` days from now. */
const noonIn = (days: number) => Date.parse(`${algiers(Date.now() + days * DAY)}T12:00:00+01:00`);
const isoIn = (days: number) => new Date(noonIn(days)).toISOString();

interface Task {
	id: string;
	key: string;
	day: number;
	dueDate: string;
	done: boolean;
}
interface Brief {
	keyMessages: string[];
	dos: string[];
	donts: string[];
	angle: string;
}
interface Template extends Brief {
	objective: string;
	lang: string;
}

const body = (over: Record<string, unknown> = {}) => ({
	title: 'Crèmes solaires : la routine été',
	objective: 'whatsapp_sales',
	offer: 'Pack écran solaire + brume à 3 500 DA',
	brief: { keyMessages: ['SPF 50 sans traces blanches'], dos: ['Afficher le mot-clé WhatsApp'], donts: ['Pas de comparaison'], angle: 'Une journée à la plage' },
	formats: ['reel', 'story'],
	wilayas: ['16', '09'],
	niches: ['beauty'],
	applyBy: isoIn(4),
	startsAt: isoIn(6),
	endsAt: isoIn(10),
	...over
});

async function create(client: Client, b: Record<string, unknown> = body()) {
	const res = await client.call('/campaigns', { json: b });
	expect(res.status, await res.clone().text()).toBe(201);
	return ((await res.json()) as { campaign: { id: string } }).campaign.id;
}

async function publish(client: Client, id: string) {
	const res = await client.call(`/campaigns/${id}/publish`, { method: 'POST' });
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as { campaign: { publishedAt: string }; tasks: Task[] };
}

const dbRow = (id: string) => env.DB.prepare('SELECT * FROM campaigns WHERE id = ?1').bind(id).first<Record<string, unknown>>();
const dbTasks = async (id: string) => (await env.DB.prepare('SELECT * FROM campaign_tasks WHERE campaign_id = ?1 ORDER BY key').bind(id).all()).results;
const dueOf = (tasks: Task[]) => Object.fromEntries(tasks.map((t) => [t.key, t.dueDate]));

async function templates(client: Client, query: string) {
	const res = await client.call(`/brief-templates?${query}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { templates: Template[] }).templates;
}

describe('brief templates are filled with what the app knows', () => {
	it('names the brand, counts the wilayas of the reference table and leaves a token for each creator’s keyword', async () => {
		const { client } = await signUp({ role: 'brand', name: 'Boutique Yasmine' });
		const wilayas = (await env.DB.prepare('SELECT count(*) AS n FROM wilayas').first<{ n: number }>())!.n;
		expect(wilayas).toBe(69);
		const [fr] = await templates(client, 'objective=whatsapp_sales&lang=fr');
		expect(fr.keyMessages).toEqual([
			'Commandez chez Boutique Yasmine sur WhatsApp en envoyant le mot-clé {mot-clé du créateur}',
			`Livraison dans les ${wilayas} wilayas, paiement à la livraison`,
			'Offre valable 48 h : [votre offre, ex. pack à 3 500 DA]'
		]);
		const [ar] = await templates(client, 'objective=whatsapp_sales&lang=ar');
		expect(ar.keyMessages[0]).toBe('اطلبوا من Boutique Yasmine عبر واتساب بإرسال الكلمة {كلمة صانع المحتوى المفتاحية}');
		expect(ar.keyMessages[1]).toContain(`${wilayas} ولاية`);
		const all = await templates(client, 'lang=en');
		expect(JSON.stringify(all)).not.toMatch(/INSTA-NOUR|\b58\b|\[Brand name\]/);
		expect(all.find((t) => t.objective === 'visibility')!.keyMessages[0]).toBe('Boutique Yasmine: [what makes it unique, in one sentence]');
	});

	it('a caller without a brand gets a […] blank for the brand’s name', async () => {
		const { client } = await signUp({ role: 'creator' });
		const [tpl] = await templates(client, 'objective=visibility&lang=fr');
		expect(tpl.keyMessages[0]).toBe('[Nom de la marque] : [ce qui la rend unique en une phrase]');
	});
});

describe('[…] blanks are never published', () => {
	let brand: Client;
	beforeAll(async () => {
		brand = (await signUp({ role: 'brand', name: 'Boutique Yasmine' })).client;
	});

	it('publish → 422 naming each blank and its field; the campaign stays a draft with no plan', async () => {
		const id = await create(
			brand,
			body({
				title: 'Été [année]',
				brief: { keyMessages: ['SPF 50', 'Offre valable 48 h : [votre offre, ex. pack à 3 500 DA]'], dos: ['Afficher {mot-clé du créateur}'], donts: [], angle: 'Suivez [@compte]' }
			})
		);
		const before = await dbRow(id);
		const res = await brand.call(`/campaigns/${id}/publish`, { method: 'POST' });
		expect(res.status).toBe(422);
		expect(res.headers.get('content-type')).toContain('application/problem+json');
		const blank = (path: string, placeholder: string) => ({
			path,
			placeholder,
			message: `Remplacez «\u00a0${placeholder}\u00a0» avant de publier\u00a0: les créateurs ne doivent pas lire de blanc entre crochets.`
		});
		expect(await res.json()).toEqual({
			type: 'about:blank',
			title: 'Unprocessable content',
			status: 422,
			code: 'unprocessable',
			detail: 'Des blancs entre crochets restent à remplacer avant que les créateurs lisent la campagne.',
			errors: [blank('title', '[année]'), blank('brief.keyMessages.1', '[votre offre, ex. pack à 3 500 DA]'), blank('brief.angle', '[@compte]')],
			requestId: expect.any(String)
		});
		expect(await dbRow(id)).toEqual(before);
		expect(await dbTasks(id)).toEqual([]);
	});

	it('answers in the caller’s language', async () => {
		const id = await create(brand, body({ offer: 'Pack [prix]' }));
		const res = await brand.call(`/campaigns/${id}/publish?lang=en`, { method: 'POST', headers: { 'accept-language': 'en' } });
		expect(res.status).toBe(422);
		const problem = (await res.json()) as { errors: { path: string; message: string }[] };
		expect(problem.errors).toEqual([{ path: 'offer', placeholder: '[prix]', message: 'Replace “[prix]” before publishing: creators must never read a blank in square brackets.' }]);
	});

	it('a draft may hold blanks; once they are replaced it publishes, creator tokens included', async () => {
		const id = await create(brand, body({ brief: { keyMessages: ['Offre : [votre offre]'], dos: [], donts: [], angle: '' } }));
		const patched = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { brief: { keyMessages: ['Offre : [autre]', 'Mot-clé {mot-clé du créateur}'], dos: [], donts: [], angle: '' } } });
		expect(patched.status).toBe(200);
		expect((await brand.call(`/campaigns/${id}/publish`, { method: 'POST' })).status).toBe(422);
		expect(
			(await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { brief: { keyMessages: ['Pack à 3 500 DA', 'Mot-clé {mot-clé du créateur}'], dos: [], donts: [], angle: '' } } })).status
		).toBe(200);
		await publish(brand, id);
		expect(JSON.parse(String((await dbRow(id))!.brief)).keyMessages[1]).toBe('Mot-clé {mot-clé du créateur}');
	});

	it('PATCH of an open campaign that would bring a blank back → 422, nothing changes', async () => {
		const id = await create(brand);
		await publish(brand, id);
		const before = await dbRow(id);
		const res = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { offer: 'Pack à [prix] DA', title: 'Nouveau titre' } });
		expect(res.status).toBe(422);
		expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([{ path: 'offer', placeholder: '[prix]', message: expect.stringContaining('[prix]') }]);
		expect(await dbRow(id)).toEqual(before);
	});

	it('another brand’s campaign → 404 on publish and PATCH, and nothing changes', async () => {
		const id = await create(brand, body({ offer: 'Pack [prix]' }));
		const other = (await signUp({ role: 'brand' })).client;
		const before = await dbRow(id);
		expect((await other.call(`/campaigns/${id}/publish`, { method: 'POST' })).status).toBe(404);
		expect((await other.call(`/campaigns/${id}`, { method: 'PATCH', json: { offer: 'Pack' } })).status).toBe(404);
		expect(await dbRow(id)).toEqual(before);
	});
});

describe('each signed creator reads their own codes in the brief', () => {
	it('tokens are replaced by the signed creator’s keyword, promo code and link; others still see the tokens', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const brief = {
			keyMessages: ['Commandez sur WhatsApp avec le mot-clé {mot-clé du créateur}'],
			dos: ['Code {code promo du créateur} en story', 'Lien : {lien suivi du créateur}'],
			donts: [],
			angle: 'Envoyez {creator’s keyword}'
		};
		await env.DB.prepare('UPDATE campaigns SET brief = ?2, offer = ?3 WHERE id = ?1').bind(s.campaignId, JSON.stringify(brief), '-10 % avec le code {code promo du créateur}').run();
		const codes = (await (await s.creator.client.call(`/agreements/${s.agreementId}/codes`)).json()) as { promoCode: string; whatsappKeyword: string; linkUrl: string };

		const res = await s.creator.client.call(`/campaigns/${s.campaignId}`);
		expect(res.status).toBe(200);
		const mine = (await res.json()) as { campaign: { brief: Brief; offer: string }; codes: Record<string, string> };
		expect(mine.codes).toEqual({ keyword: codes.whatsappKeyword, promo: codes.promoCode, link: codes.linkUrl });
		expect(mine.campaign.brief).toEqual({
			keyMessages: [`Commandez sur WhatsApp avec le mot-clé ${codes.whatsappKeyword}`],
			dos: [`Code ${codes.promoCode} en story`, `Lien : ${codes.linkUrl}`],
			donts: [],
			angle: `Envoyez ${codes.whatsappKeyword}`
		});
		expect(mine.campaign.offer).toBe(`-10 % avec le code ${codes.promoCode}`);

		// A creator without a signed agreement, and the brand, read the tokens as written.
		const other = await creatorAccount(env, 'Amina Style');
		const theirs = (await (await other.client.call(`/campaigns/${s.campaignId}`)).json()) as { campaign: { brief: Brief }; codes?: unknown };
		expect(theirs.campaign.brief).toEqual(brief);
		expect(theirs.codes).toBeUndefined();
		const brandView = (await (await s.brand.client.call(`/campaigns/${s.campaignId}`)).json()) as { campaign: { brief: Brief } };
		expect(brandView.campaign.brief).toEqual(brief);
		// Reading changed nothing.
		expect(JSON.parse(String((await dbRow(s.campaignId))!.brief))).toEqual(brief);
	});
});

describe('the creator’s landing page', () => {
	it('/o/<slug> shows the offer with that creator’s code in place of the token', async () => {
		const s = await signedScene();
		await env.DB.prepare('UPDATE campaigns SET offer = ?2 WHERE id = ?1').bind(s.campaignId, '-10 % avec le code {code promo du créateur}').run();
		const { link, promoCode } = (await (await s.creator.client.call(`/agreements/${s.agreementId}/codes`)).json()) as { link: string; promoCode: string };
		const ctx = createExecutionContext();
		const res = await worker.fetch(new Request(`${ORIGIN}/o/${link.slice(3)}`, { headers: { 'cf-connecting-ip': '197.200.13.78' } }), env, ctx);
		await waitOnExecutionContext(ctx);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`-10 % avec le code ${promoCode}`);
		expect(html).not.toContain('{code promo du créateur}');
	});
});

describe('the plan follows the campaign’s dates', () => {
	let brand: Client;
	beforeAll(async () => {
		brand = (await signUp({ role: 'brand' })).client;
	});

	it('publishing lays the steps on the deadline, start and end (short and long campaigns)', async () => {
		const short = await create(brand, body({ applyBy: isoIn(1), startsAt: isoIn(2), endsAt: isoIn(2) }));
		const s = dueOf((await publish(brand, short)).tasks);
		expect(s).toMatchObject({ framing_objective: algiers(Date.now()), selection_shortlist: algiers(noonIn(1)), execution_publish: algiers(noonIn(2)), execution_decide: algiers(noonIn(10)) });

		const long = await create(brand, body({ applyBy: isoIn(10), startsAt: isoIn(20), endsAt: isoIn(50) }));
		const { tasks } = await publish(brand, long);
		const l = dueOf(tasks);
		expect(l).toMatchObject({ selection_shortlist: algiers(noonIn(10)), selection_rights: algiers(noonIn(19)), execution_publish: algiers(noonIn(20)), execution_last_posts: algiers(noonIn(50)) });
		expect(tasks.find((t) => t.key === 'execution_publish')!.day).toBe(21);
		// In date order.
		expect(tasks.map((t) => t.dueDate)).toEqual([...tasks.map((t) => t.dueDate)].sort());
	});

	it('moving the dates of a published campaign re-dates its open tasks; ticked ones keep their date', async () => {
		const id = await create(brand);
		const { tasks } = await publish(brand, id);
		const framing = tasks.find((t) => t.key === 'framing_objective')!;
		const first = tasks.find((t) => t.key === 'execution_publish')!;
		expect(first.dueDate).toBe(algiers(noonIn(6)));
		const shortlist = tasks.find((t) => t.key === 'selection_shortlist')!;
		expect((await brand.call(`/campaigns/${id}/tasks/${shortlist.id}`, { method: 'PATCH', json: { done: true } })).status).toBe(200);

		const res = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { applyBy: isoIn(8), startsAt: isoIn(12), endsAt: isoIn(15) } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { redated: number }).redated).toBe(13);
		const after = ((await (await brand.call(`/campaigns/${id}/tasks`)).json()) as { tasks: Task[] }).tasks;
		const due = dueOf(after);
		expect(due.execution_publish).toBe(algiers(noonIn(12)));
		expect(after.find((t) => t.key === 'execution_publish')!.day).toBe(13);
		expect(due.selection_rights).toBe(algiers(noonIn(11)));
		expect(due.execution_last_posts).toBe(algiers(noonIn(15)));
		expect(due.selection_shortlist).toBe(shortlist.dueDate); // ticked: kept
		expect(due.framing_objective).toBe(framing.dueDate);
		expect(after.find((t) => t.key === 'selection_shortlist')!.done).toBe(true);
		expect(after.map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort());
	});

	it('an edit that leaves the dates alone, or a refused one, does not touch the plan', async () => {
		const id = await create(brand);
		await publish(brand, id);
		const before = await dbTasks(id);
		const renamed = await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { title: 'Autre titre' } });
		expect(renamed.status).toBe(200);
		expect(((await renamed.json()) as { redated: number }).redated).toBe(0);
		expect(await dbTasks(id)).toEqual(before);
		expect((await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { startsAt: isoIn(30), endsAt: isoIn(20) } })).status).toBe(400);
		expect((await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { startsAt: isoIn(7), offer: '[prix]' } })).status).toBe(422);
		expect(await dbTasks(id)).toEqual(before);
		const other = (await signUp({ role: 'brand' })).client;
		expect((await other.call(`/campaigns/${id}`, { method: 'PATCH', json: { startsAt: isoIn(12) } })).status).toBe(404);
		expect(await dbTasks(id)).toEqual(before);
	});

	it('moving a draft’s dates writes no plan: it comes at publishing', async () => {
		const id = await create(brand);
		expect((await brand.call(`/campaigns/${id}`, { method: 'PATCH', json: { startsAt: isoIn(8), endsAt: isoIn(9) } })).status).toBe(200);
		expect(await dbTasks(id)).toEqual([]);
	});
});
