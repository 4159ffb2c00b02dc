/**
 * The isolation matrix (issue 15, point 1): one table with an entry per API route, keyed as
 * the router names it (test/api/api-routes.ts), and the world the entries point into: a
 * brand and a creator with a signed agreement and one of everything (tenant A), and another
 * brand and creator who own nothing of it (tenant B).
 *
 * For each route: a guest → 401, a signed-in user of the wrong role → 403, and each stranger of
 * tenant B asking for tenant A's object → 404; every refusal leaves D1 as it was (row counts
 * and content hashes of every table) and is logged once as `authz.denied` with the actor, the
 * route's pattern, the object and the UTC time (worker/authz-log.ts). The strangers send a
 * body the owner could send, so the 404 comes from the ownership check, not the validation.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { Client } from './helpers';
import { brandAccount, creatorAccount } from './factories';
import { getAgreement, type Terms } from './agreements-scene';
import { listDeliverables, signedScene } from './deliverables-scene';
import { FIGURES, publishBody, uploadScreenshot } from './deliverable-flow';
import { PNG_BYTES, approve, submitDraft } from './deliverable-fixtures';
import { adminClient, listPayouts } from './payouts-scene';
import type { Operation } from './api-routes';
import { changedTables, dbSnapshot } from './db-snapshot';
import type { AuthzDenied } from '../../worker/authz-log';

export type Stranger = 'brand' | 'creator';

/** A request body: JSON, or a multipart form built fresh for each request. */
export interface Body {
	json?: unknown;
	form?: () => FormData;
}

export interface Entry {
	/** The path's parameters, from tenant A's objects. Required when the path has any. */
	ids?: (w: World) => Record<string, string>;
	/** What the owner could send (a stranger sends the same, so only ownership refuses it). */
	body?: (w: World) => Body;
	/**
	 * Who of tenant B asks for tenant A's object and must get 404. Default: the route's role
	 * (brand, creator), or both for routes any signed-in user may call. Empty when the object is
	 * not another tenant's to hide; `why` then says why.
	 */
	strangers?: Stranger[];
	/** For a route any signed-in user may call whose action only one role may take: the other role of tenant A must get 403. */
	onlyRole?: Stranger;
	/** Why a route is public, names no object, or lets a stranger through. */
	why?: string;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

function pngForm(fields: Record<string, string> = {}, name = 'photo.png'): () => FormData {
	return () => {
		const form = new FormData();
		for (const [k, v] of Object.entries(fields)) form.append(k, v);
		form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), name);
		return form;
	};
}

/** Tenant A with one of everything, tenant B with nothing of it, a guest and an admin. */
export async function buildWorld() {
	const s = await signedScene({ brandName: 'Atelier Lina Tlemcen', creatorName: 'Nour Beauty' });
	const brand = s.brand;
	const creator = s.creator;
	const [reel, story] = await listDeliverables(brand.client, s.agreementId);
	// The reel: a draft (its file), approved — which puts it in the brand's content library.
	const draft = await submitDraft(reel.id);
	await approve(reel.id);
	const contentId = (await env.DB.prepare('SELECT id FROM content_assets WHERE deliverable_id = ?1').bind(reel.id).first<{ id: string }>())!.id;
	const screenshotId = await uploadScreenshot(creator.client);
	const [payout] = (await listPayouts(brand.client, s.agreementId)).payouts;
	const terms = (await getAgreement(brand.client, s.agreementId)).terms as Terms;
	// An offer page product, a team invitation and a published campaign with its plan tasks.
	const product = await brand.client.call(`/campaigns/${s.campaignId}/offer-products`, { body: pngForm({ name: 'Sérum éclat 30 ml', priceDzd: '2 500 DA' })() });
	expect(product.status, await product.clone().text()).toBe(201);
	const productId = ((await product.json()) as { product: { id: string } }).product.id;
	const invited = await brand.client.call('/brands/me/invitations', { json: { email: `equipe.${crypto.randomUUID().slice(0, 8)}@example.dz` } });
	expect(invited.status).toBe(201);
	const invitationId = ((await invited.json()) as { invitation: { id: string } }).invitation.id;
	const created = await brand.client.call('/campaigns', {
		json: {
			title: 'Crèmes solaires : la routine été',
			objective: 'whatsapp_sales',
			offer: 'Pack écran solaire + brume à 3 500 DA',
			brief: { keyMessages: ['SPF 50'], dos: ['Afficher le mot-clé'], donts: ['Pas de comparaison'], angle: 'Une journée à la plage' },
			formats: ['reel'],
			wilayas: ['16'],
			niches: ['beauty'],
			followerMin: 8000,
			followerMax: 35000,
			budgetDzd: 120000,
			reuseRightsDays: 30,
			applyBy: iso(Date.now() + 5 * DAY),
			startsAt: iso(Date.now() + 7 * DAY),
			endsAt: iso(Date.now() + 20 * DAY)
		}
	});
	expect(created.status, await created.clone().text()).toBe(201);
	const plannedId = ((await created.json()) as { campaign: { id: string } }).campaign.id;
	expect((await brand.client.call(`/campaigns/${plannedId}/publish`, { method: 'POST' })).status).toBe(200);
	const { tasks } = (await (await brand.client.call(`/campaigns/${plannedId}/tasks`)).json()) as { tasks: { id: string }[] };
	expect(tasks.length).toBeGreaterThan(0);

	// A passkey of the brand's owner (its key material does not matter here: only who may remove it).
	const passkeyId = crypto.randomUUID();
	await env.DB.prepare("INSERT INTO passkeys (id, user_id, credential_id, public_key, counter, transports, name, created_at) VALUES (?1, ?2, ?3, 'pQECAyYgASFYIA', 0, '[]', 'Téléphone', ?4)")
		.bind(passkeyId, brand.user.id, `cred-${passkeyId}`, Date.now())
		.run();
	const otherBrand = await brandAccount('Boutique Yasmine Oran');
	const otherCreator = await creatorAccount(env, 'Amine Vlog');
	return {
		brand,
		creator,
		campaignId: s.campaignId,
		applicationId: s.applicationId,
		agreementId: s.agreementId,
		terms,
		reelId: reel.id,
		storyId: story.id,
		submissionId: draft.submissionId,
		contentId,
		screenshotId,
		payoutId: payout.id,
		productId,
		invitationId,
		passkeyId,
		plannedId,
		taskId: tasks[0].id,
		strangers: { brand: otherBrand, creator: otherCreator } as Record<Stranger, { client: Client; user: { id: string } }>,
		admin: await adminClient()
	};
}

const campaign = (w: World) => ({ id: w.campaignId });
const application = (w: World) => ({ id: w.applicationId });
const agreement = (w: World) => ({ id: w.agreementId });
const reel = (w: World) => ({ id: w.reelId });
const story = (w: World) => ({ id: w.storyId });
const payout = (w: World) => ({ id: w.payoutId });
const product = (w: World) => ({ id: w.campaignId, productId: w.productId });
const json = (value: unknown) => (): Body => ({ json: value });
/** A registration answer of the right shape (its challenge was never issued: the owner would get 400, a guest 401). */
const PASSKEY_ANSWER = { id: 'AAECAwQFBgcICQoLDA0ODw', rawId: 'AAECAwQFBgcICQoLDA0ODw', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'e30', attestationObject: 'oA' } };

const OPEN_CAMPAIGN = 'an open campaign is on the creators’ feed: any creator may read it and apply; only brands are strangers to it';

/** One entry per API route, keyed `METHOD /openapi/path`. */
export const MATRIX: Record<string, Entry> = {
	// Accounts: no object in the path; the caller's own.
	'POST /auth/register': { why: 'public: signing up' },
	'POST /auth/login': { why: 'public: signing in' },
	'POST /auth/logout': { why: 'public: ends the session the request carries, if any' },
	'POST /auth/password': { body: json({ currentPassword: 'pas-le-bon-mot', newPassword: 'un-autre-mot-de-passe' }) },
	'GET /me': {},
	'GET /me/export': {},
	'DELETE /me': {},
	'PUT /me/locale': { body: json({ locale: 'ar' }) },
	'POST /auth/password/forgot': { why: 'public: asking a reset link names an email, answered the same whoever owns it' },
	'POST /auth/password/reset/check': { why: 'public: the reset token is the credential' },
	'POST /auth/password/reset': { why: 'public: the reset token is the credential' },
	'GET /me/consent': {},
	'GET /me/dashboard': {},
	// Second factor (the caller's own account; no object in the path).
	'POST /auth/login/second-factor': { why: 'public: the second step of signing in, the pending login cookie is the credential' },
	'POST /auth/reauth': { body: json({ password: 'pas-le-bon-mot' }) },
	'GET /me/mfa': {},
	'POST /me/mfa/totp': { body: json({ password: 'pas-le-bon-mot' }) },
	'POST /me/mfa/totp/confirm': { body: json({ code: '123456' }) },
	'DELETE /me/mfa/totp': {},
	'POST /me/mfa/recovery-codes': {},
	'POST /auth/login/passkey/options': { why: 'public: the second step of signing in, the pending login cookie is the credential' },
	'POST /auth/login/passkey': { why: 'public: the second step of signing in, the pending login cookie is the credential' },
	'POST /auth/reauth/passkey/options': {},
	'GET /me/passkeys': {},
	'POST /me/passkeys/options': {},
	'POST /me/passkeys': { body: json({ name: 'Téléphone', response: PASSKEY_ANSWER }) },
	'DELETE /me/passkeys/{id}': { ids: (w) => ({ id: w.passkeyId }) },
	'PUT /me/email': { body: json({ email: 'nouvelle.adresse@example.dz' }) },
	'POST /auth/email/confirm': { why: 'public: the emailed link’s token is the credential (it may be opened on another device)' },
	// Team.
	'GET /brands/me/team': {},
	'POST /brands/me/invitations': { body: json({ email: 'recrue@example.dz' }) },
	'DELETE /brands/me/invitations/{id}': { ids: (w) => ({ id: w.invitationId }) },
	'GET /me/invitations': {},
	'POST /invitations/{id}/accept': { ids: (w) => ({ id: w.invitationId }), onlyRole: 'brand', strangers: ['brand'], why: 'a creator is refused by role (403) before the invitation is read' },
	'POST /invitations/{id}/decline': { ids: (w) => ({ id: w.invitationId }), onlyRole: 'brand', strangers: ['brand'], why: 'a creator is refused by role (403) before the invitation is read' },
	'GET /invitations/{id}': { why: 'public: the sign-up page reads it with the invitee’s address, both from the emailed link', ids: (w) => ({ id: w.invitationId }), strangers: [] },
	'GET /me/brands': {},
	'PUT /me/brand': { body: (w) => ({ json: { brandId: w.brand.brandId } }) },
	'DELETE /brands/{id}/membership': { ids: (w) => ({ id: w.brand.brandId }) },
	'POST /brands': { body: json({ name: 'Ma marque' }) },
	'GET /brands/me/contact': {},
	'PUT /brands/me/contact': { body: json({ whatsappPhone: '0555123456' }) },
	// Reference.
	'GET /health': { why: 'public: liveness' },
	'GET /wilayas': { why: 'public: reference data' },
	// Creators.
	'GET /creators/me': {},
	'PUT /creators/me': { body: json({ displayName: 'Nour', wilaya: '09', niches: ['beauty'] }) },
	'POST /creators/me/followers': { body: json({ platform: 'instagram', points: [{ date: '2026-11-01', followers: 18000 }] }) },
	'POST /creators/me/posts': { body: json({ platform: 'instagram', posts: [] }) },
	'GET /creators/me/stats': {},
	'POST /creators/me/screenshots': { body: () => ({ form: pngForm({ note: 'story' }) }) },
	'GET /creators/me/screenshots': {},
	'GET /creators/me/screenshots/{id}': { ids: (w) => ({ id: w.screenshotId }) },
	'GET /media-kits/{handle}': { why: 'public: the media kit is the creator’s public page', ids: (w) => ({ handle: w.creator.handle }), strangers: [] },
	'GET /creators/{id}': { why: 'public: the creator’s public profile', ids: (w) => ({ id: w.creator.creatorId }), strangers: [] },
	'PUT /creators/me/legal-details': { body: json({ legalName: 'Nour El Houda Saidi' }) },
	// Campaigns.
	'POST /campaigns': { body: json({ title: 'Nouvelle campagne', objective: 'visibility' }) },
	'GET /campaigns': {},
	'GET /brief-templates': {},
	'GET /campaigns/{id}': { ids: campaign, strangers: ['brand'], why: OPEN_CAMPAIGN },
	'PATCH /campaigns/{id}': { ids: campaign, body: json({ title: 'Titre volé' }) },
	'POST /campaigns/{id}/publish': { ids: (w) => ({ id: w.plannedId }) },
	'POST /campaigns/{id}/close': { ids: campaign },
	'GET /campaigns/{id}/tasks': { ids: (w) => ({ id: w.plannedId }) },
	'PATCH /campaigns/{id}/tasks/{taskId}': { ids: (w) => ({ id: w.plannedId, taskId: w.taskId }), body: json({ done: true }) },
	'POST /campaigns/{id}/applications': { ids: campaign, strangers: [], why: OPEN_CAMPAIGN },
	'GET /campaigns/{id}/applications': { ids: campaign },
	'GET /campaigns/{id}/application': { ids: campaign, strangers: [], why: `the caller’s own application to the campaign (none for a stranger); ${OPEN_CAMPAIGN}` },
	'GET /me/applications': {},
	'GET /applications/{id}': { ids: application },
	'POST /applications/{id}/shortlist': { ids: application },
	'POST /applications/{id}/accept': { ids: application },
	'POST /applications/{id}/decline': { ids: application, body: json({ reason: 'Pas cette fois.' }) },
	'GET /applications/{id}/messages': { ids: application },
	'POST /applications/{id}/messages': { ids: application, body: json({ body: 'Bonjour, je suis intéressé.' }) },
	// Agreements.
	'GET /agreements': {},
	'GET /agreements/{id}': { ids: agreement },
	'PATCH /agreements/{id}': { ids: agreement, body: (w) => ({ json: { terms: w.terms } }) },
	'POST /agreements/{id}/proposals': { ids: agreement, body: (w) => ({ json: { terms: w.terms, note: 'Ma proposition' } }) },
	'GET /agreements/{id}/versions/{version}': { ids: (w) => ({ id: w.agreementId, version: '1' }) },
	'GET /agreements/{id}/diff': { ids: agreement },
	'POST /agreements/{id}/send': { ids: agreement },
	'PUT /agreements/{id}/creator-details': { ids: agreement, body: json({ legalName: 'Amine Benali' }) },
	'POST /agreements/{id}/sign/code': { ids: agreement },
	'POST /agreements/{id}/sign': { ids: agreement, body: json({ fullName: 'Amine Benali', consent: true, code: '123456' }) },
	'POST /agreements/{id}/reopen': { ids: agreement, body: json({ note: 'À revoir' }) },
	'POST /agreements/{id}/void': { ids: agreement, body: json({ note: 'Annulé' }) },
	'GET /agreements/{id}/audit': { ids: agreement },
	'GET /agreements/{id}/deliverables': { ids: agreement },
	'GET /deliverables/{id}': { ids: reel },
	'GET /agreements/{id}/codes': { ids: agreement },
	'POST /agreements/{id}/offer-window': { ids: agreement, body: json({ startsAt: iso(Date.now() + 3 * DAY), hours: 24 }) },
	// Attribution and reports.
	'POST /campaigns/{id}/conversions': { ids: campaign, body: json({ channel: 'whatsapp', amountDzd: 3500 }) },
	'POST /campaigns/{id}/intentions': { ids: campaign, body: (w) => ({ json: { creatorId: w.creator.creatorId, kind: 'asked' } }) },
	'GET /campaigns/{id}/sales': { ids: campaign },
	'GET /campaigns/{id}/report': { ids: campaign },
	'GET /campaigns/{id}/report.csv': { ids: campaign },
	'GET /campaigns/{id}/report.pdf': { ids: campaign },
	'GET /campaigns/{id}/offer-page': { ids: campaign },
	'PUT /campaigns/{id}/offer-page': { ids: campaign, body: json({ deliveryTerms: 'Livraison 58 wilayas' }) },
	'POST /campaigns/{id}/offer-products': { ids: campaign, body: () => ({ form: pngForm({ name: 'Crème', priceDzd: '1200' }) }) },
	'PATCH /campaigns/{id}/offer-products/{productId}': { ids: product, body: json({ name: 'Volé' }) },
	'DELETE /campaigns/{id}/offer-products/{productId}': { ids: product },
	'POST /campaigns/{id}/offer-products/{productId}/move': { ids: product, body: json({ direction: 'down' }) },
	'GET /campaigns/{id}/offer-products/{productId}/photo': { ids: product },
	// Deliverables.
	'POST /deliverables/{id}/withdrawal': { ids: reel, body: json({ reason: 'Le contenu doit être retiré.' }) },
	'POST /deliverables/{id}/withdrawal/confirm': { ids: reel },
	'GET /content': {},
	'GET /content/{id}': { ids: (w) => ({ id: w.contentId }) },
	'GET /content/{id}/file': { ids: (w) => ({ id: w.contentId }) },
	'GET /campaigns/{id}/timeline': { ids: campaign },
	'GET /me/deliverables': {},
	'POST /deliverables/{id}/submissions': { ids: story, body: () => ({ form: pngForm({ note: 'Brouillon' }) }) },
	'GET /deliverables/{id}/submissions/{submissionId}/file': { ids: (w) => ({ id: w.reelId, submissionId: w.submissionId }) },
	'POST /deliverables/{id}/review': { ids: reel, body: json({ decision: 'approve' }) },
	'POST /deliverables/{id}/extra-round': { ids: reel, body: json({ accept: true }) },
	'POST /deliverables/{id}/messages': { ids: reel, body: json({ body: 'Une question sur le brouillon.' }) },
	'POST /deliverables/{id}/publication': { ids: reel, body: json(publishBody()) },
	'POST /deliverables/{id}/publication/review': { ids: reel, body: json({ decision: 'confirm' }) },
	'POST /deliverables/{id}/highlight': { ids: story, body: json({ hours: 24 }) },
	'POST /deliverables/{id}/stats': { ids: reel, body: json({ window: 'D1', ...FIGURES }) },
	'POST /deliverables/{id}/stats/{window}/review': { ids: (w) => ({ id: w.reelId, window: 'D1' }), body: json({ decision: 'approve' }) },
	'POST /deliverables/{id}/stats/{window}/answer': { ids: (w) => ({ id: w.reelId, window: 'D1' }), body: json({ comment: 'Voici la capture.' }) },
	'GET /deliverables/{id}/stats/{window}/screenshot': { ids: (w) => ({ id: w.reelId, window: 'D1' }) },
	// Notifications, analysis, matching.
	'GET /notifications': {},
	'POST /notifications/read': { body: json({}) },
	'GET /me/notification-preferences': {},
	'PUT /me/notification-preferences': { body: json({}) },
	'POST /analysis/comments': { body: json({ comments: ['Super produit !'] }) },
	'GET /campaigns/{id}/matches': { ids: campaign },
	'POST /campaigns/{id}/invitations': { ids: campaign, body: (w) => ({ json: { creatorId: w.strangers.creator.user.id } }) },
	'GET /campaigns/{id}/match-weights': { ids: campaign },
	'PUT /campaigns/{id}/match-weights': { ids: campaign, body: json({ engagement: 50, commentQuality: 20, affinity: 10, partnershipLoad: 10, audienceFit: 10 }) },
	'DELETE /campaigns/{id}/match-weights': { ids: campaign },
	'GET /creators/{id}/similar': {
		ids: (w) => ({ id: w.creator.creatorId }),
		onlyRole: 'brand',
		strangers: [],
		why: 'the creator is public (their media kit); a ?campaignId= of another brand is 404, checked in test/api/look-alikes.test.ts; a creator is refused by role (403)'
	},
	'GET /creators/me/risk': {},
	'PUT /creators/me/risk/{code}/explanation': {
		ids: () => ({ code: 'follower_spike' }),
		body: json({ explanation: 'Passage à la télévision.' }),
		strangers: [],
		why: 'the code names a signal of the caller’s own profile, not an object of someone else'
	},
	'GET /agreements/{id}/pdf': { ids: agreement },
	'POST /verify': { why: 'public: anyone may check a signed PDF' },
	// Payouts and ledger.
	'GET /agreements/{id}/payouts': { ids: agreement },
	'GET /admin/payouts/disputes': {},
	'GET /me/payouts': {},
	'GET /me/payouts/statement': {},
	'GET /me/payouts/statement.csv': {},
	'GET /payouts/{id}': { ids: payout },
	'POST /payouts/{id}/mark-paid': { ids: payout, body: json({ method: 'baridimob', reference: 'BM-2027-000184' }) },
	'POST /payouts/{id}/proof': { ids: payout, body: () => ({ form: pngForm({}, 'recu.png') }) },
	'GET /payouts/{id}/proof': { ids: payout },
	'POST /payouts/{id}/confirm': { ids: payout },
	'POST /payouts/{id}/dispute': { ids: payout, body: json({ reason: 'Rien reçu à ce jour.' }) },
	'POST /payouts/{id}/resolve': { ids: payout, body: json({ outcome: 'proof', note: 'Voici le reçu.' }) },
	'GET /payouts/{id}/receipt.pdf': { ids: payout },
	'GET /payouts/{id}/receipt/verify': { why: 'public: the receipt’s QR code leads here; it shows what the receipt says', ids: payout, strangers: [] },
	'GET /agreements/{id}/ledger': { ids: agreement },
	'GET /ledger/balance': {},
	'GET /me/checklist': {},
	// Development only (APP_ENV=development; absent from the OpenAPI document).
	'GET /dev/outbox': { why: 'development only: the local outbox viewer' },
	'POST /dev/scheduled': { why: 'development only: runs the cron now' }
};

/** Who must get 404 for the route's object (see Entry.strangers). */
export function strangersOf(op: Operation, entry: Entry): Stranger[] {
	if (!entry.ids || op.auth === 'public') return [];
	if (entry.strangers) return entry.strangers;
	if (op.auth === 'brand' || op.auth === 'creator') return [op.auth];
	if (op.auth === 'admin') return [];
	return ['brand', 'creator'];
}

/** The entry's problems as a table row (a missing id, a refusal without a reason). */
export function entryProblems(op: Operation, entry: Entry | undefined): string[] {
	if (!entry) return [`${op.key}: no entry in the isolation matrix (test/api/isolation-matrix.ts MATRIX): say which object it names and who must be refused`];
	const out: string[] = [];
	if (op.params.length > 0 && !entry.ids) out.push(`${op.key}: names ${op.params.join(', ')} but its entry gives no ids`);
	if (op.auth === 'public' && !entry.why) out.push(`${op.key}: public without a reason (why)`);
	if (entry.strangers?.length === 0 && !entry.why) out.push(`${op.key}: no stranger refused, without a reason (why)`);
	return out;
}

let requestCounter = 0;

/** Reads the `authz.denied` lines logged so far. */
export type LogReader = () => AuthzDenied[];

/**
 * Runs the route's refusals: guest 401, wrong role 403, strangers 404. Each must be
 * problem+json, leave D1 as it was and be logged once. Returns what failed, or nothing.
 */
export async function refusals(op: Operation, entry: Entry, w: World, logged: LogReader): Promise<{ failures: string[]; checked: number }> {
	const ids = entry.ids?.(w) ?? {};
	const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]));
	const attempts: { who: string; client: Client; status: 401 | 403 | 404; actor: { id: string; role: string } | null }[] = [];
	if (op.auth !== 'public') attempts.push({ who: 'guest', client: new Client(), status: 401, actor: null });
	if (op.auth === 'brand') attempts.push({ who: 'creator (wrong role)', client: w.creator.client, status: 403, actor: { id: w.creator.user.id, role: 'creator' } });
	if (op.auth === 'creator' || op.auth === 'admin') attempts.push({ who: 'brand (wrong role)', client: w.brand.client, status: 403, actor: { id: w.brand.user.id, role: 'brand' } });
	if (entry.onlyRole) {
		const other = entry.onlyRole === 'brand' ? w.creator : w.brand;
		attempts.push({ who: 'wrong role for the action', client: other.client, status: 403, actor: { id: other.user.id, role: entry.onlyRole === 'brand' ? 'creator' : 'brand' } });
	}
	for (const role of strangersOf(op, entry)) {
		const s = w.strangers[role];
		attempts.push({ who: `another tenant's ${role}`, client: s.client, status: 404, actor: { id: s.user.id, role } });
	}
	const failures: string[] = [];
	for (const a of attempts) {
		const what = `${a.who} ${op.method} ${path}`;
		const body = entry.body?.(w);
		const requestId = `matrix-${++requestCounter}-${crypto.randomUUID().slice(0, 8)}`;
		const headers: Record<string, string> = { 'x-request-id': requestId };
		if (op.idempotent) headers['idempotency-key'] = crypto.randomUUID();
		const before = await dbSnapshot();
		const startedAt = Date.now();
		let res: Response;
		try {
			res = await a.client.call(`/api/v1${path}`, { method: op.method, json: body?.json, body: body?.form?.(), headers });
		} catch (e) {
			failures.push(`${what}: ${(e as Error).message.slice(0, 300)}`);
			continue;
		}
		const text = await res.text();
		if (res.status !== a.status) {
			failures.push(`${what} → ${res.status}, expected ${a.status}: ${text.slice(0, 200)}`);
			continue;
		}
		if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json')) failures.push(`${what} → ${res.status} not problem+json`);
		const changed = changedTables(before, await dbSnapshot());
		if (changed.length > 0) failures.push(`${what} → ${res.status} but changed ${changed.join(', ')}`);
		const lines = logged().filter((l) => l.requestId === requestId);
		const expected = {
			level: 'warn',
			event: 'authz.denied',
			status: a.status,
			actor: a.actor,
			route: `${op.method} /api/v1${op.pattern}`,
			object: op.params.length > 0 ? ids : null
		};
		if (lines.length !== 1) failures.push(`${what} → ${res.status} logged ${lines.length} authz.denied lines, not one`);
		else {
			const { code: _code, at, requestId: _id, ...rest } = lines[0];
			if (JSON.stringify(rest) !== JSON.stringify(expected)) failures.push(`${what}: logged ${JSON.stringify(rest)}, expected ${JSON.stringify(expected)}`);
			const when = Date.parse(at);
			if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(at) || when < startedAt - 1000 || when > Date.now() + 1000) failures.push(`${what}: logged at ${at}, not the UTC time of the request`);
		}
	}
	return { failures, checked: attempts.length };
}
