/**
 * The content library (issue 11, point 7): approved content becomes a brand asset with the
 * rights window and channels of the terms (SQL triggers on deliverables, driven here by the
 * fixtures of deliverable-fixtures.ts as the drafts and publication routes land in parallel),
 * the cron marks expired assets, the reuse download is served only while the rights are
 * active, and the list filters by campaign, creator, format, channel and status.
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { type Problem, type Terms } from './agreements-scene';
import { deliverableTerms, listDeliverables, signedScene } from './deliverables-scene';
import { DAY, PNG_BYTES, approve, publish, publishedDeliverable, submitDraft } from './deliverable-fixtures';
import { Client } from './helpers';

interface Asset {
	id: string;
	campaign: { id: string; title: string };
	creator: { id: string; displayName: string; handle: string };
	deliverableId: string;
	agreementId: string;
	platform: string;
	format: string;
	ordinal: number;
	channels: string[];
	perpetual: boolean;
	rightsDays: number | null;
	rightsFrom: string | null;
	rightsUntil: string | null;
	expiredAt: string | null;
	withdrawnAt: string | null;
	status: string;
	downloadable: boolean;
	file: { type: string; size: number; name: string };
	postUrl: string | null;
}
interface ContentList {
	assets: Asset[];
	total: number;
	page: number;
	pageSize: number;
	options: { campaigns: { id: string; title: string }[]; creators: { id: string; displayName: string; handle: string }[] };
}
interface AssetRow {
	id: string;
	submission_id: string;
	channels: string;
	perpetual: number;
	rights_days: number | null;
	rights_from: number | null;
	rights_until: number | null;
	expired_at: number | null;
	withdrawn_at: number | null;
}

const withReuse =
	(reuseRights: { days: number | null; perpetual: boolean; channels: string[] }) =>
	(t: Terms): Terms => ({ ...deliverableTerms(t), reuseRights });

const assetRow = (deliverableId: string) => env.DB.prepare('SELECT * FROM content_assets WHERE deliverable_id = ?1').bind(deliverableId).first<AssetRow>();

async function library(client: Client, query = ''): Promise<ContentList> {
	const res = await client.call(`/content${query}`);
	expect(res.status, await res.clone().text()).toBe(200);
	return (await res.json()) as ContentList;
}

async function asset(client: Client, id: string): Promise<Asset> {
	const res = await client.call(`/content/${id}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { asset: Asset }).asset;
}

/**
 * The real cron handler at a fixed clock (its report is logged, so the tests read the stored
 * marks). A clock weeks ahead also ends every session as idle (the cleanup task), so the
 * given accounts sign in again afterwards.
 */
async function runCron(at: number, ...accounts: { client: Client; email: string; password: string }[]) {
	await worker.scheduled(createScheduledController({ scheduledTime: at, cron: '* * * * *' }), env, createExecutionContext());
	for (const a of accounts) {
		a.client.cookies.clear();
		expect((await a.client.call('/auth/login', { json: { email: a.email, password: a.password } })).status).toBe(200);
	}
}

async function refusal(client: Client, id: string) {
	const res = await client.call(`/content/${id}/file`);
	expect(res.status).toBe(409);
	return (await res.json()) as Problem;
}

describe('assets made by the triggers', () => {
	it('approval makes an asset of the latest draft with the terms’ channels and days; publication starts the rights; the file is served while they run', async () => {
		const s = await signedScene({ shape: withReuse({ days: 45, perpetual: false, channels: ['ads', 'website'] }) });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await submitDraft(reel.id, { file: { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1]), type: 'image/jpeg', name: 'v1.jpg' } });
		const latest = await submitDraft(reel.id, { file: { bytes: PNG_BYTES, type: 'image/png', name: 'Sérum final.png' } });
		expect(await assetRow(reel.id)).toBeNull();

		await approve(reel.id);
		const row = await assetRow(reel.id);
		expect(row).toMatchObject({ submission_id: latest.submissionId, perpetual: 0, rights_days: 45, rights_from: null, rights_until: null, withdrawn_at: null, expired_at: null });
		expect(JSON.parse(row!.channels)).toEqual(['ads', 'website']);
		const waiting = await asset(s.brand.client, row!.id);
		expect(waiting).toMatchObject({
			deliverableId: reel.id,
			agreementId: s.agreementId,
			campaign: { id: s.campaignId, title: 'Sérum éclat' },
			creator: { displayName: 'Nour Beauty' },
			platform: 'instagram',
			format: 'reel',
			ordinal: 1,
			channels: ['ads', 'website'],
			perpetual: false,
			rightsDays: 45,
			rightsFrom: null,
			rightsUntil: null,
			status: 'awaiting_publication',
			downloadable: false,
			file: { type: 'image/png', size: PNG_BYTES.byteLength, name: 'Sérum final.png' }
		});
		expect((await refusal(s.brand.client, row!.id)).detail).toBe('Ce contenu n’est pas encore publié\u00a0: les droits d’utilisation courent à partir de sa publication.');

		const publishedAt = Date.now() - 3_600_000;
		await publish(reel.id, publishedAt);
		const online = await asset(s.brand.client, row!.id);
		expect(online).toMatchObject({
			status: 'active',
			downloadable: true,
			rightsFrom: new Date(publishedAt).toISOString(),
			rightsUntil: new Date(publishedAt + 45 * DAY).toISOString()
		});
		expect(online.postUrl).toMatch(/^https:\/\/www\.instagram\.com\//);

		const file = await s.brand.client.call(`/content/${row!.id}/file`);
		expect(file.status).toBe(200);
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES);
		expect(file.headers.get('content-type')).toBe('image/png');
		expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Serum final.png"; filename*=UTF-8''S%C3%A9rum%20final.png`);
		expect(file.headers.get('x-content-type-options')).toBe('nosniff');
		expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
		expect(file.headers.get('cache-control')).toBe('private, no-store');
		expect(file.headers.get('content-length')).toBe(String(PNG_BYTES.byteLength));
	});

	it('a text-only latest draft (a script) is no asset, even when an earlier draft had a file', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await submitDraft(reel.id);
		await submitDraft(reel.id, { file: null, note: 'Script : ouverture sur le flacon, puis la routine du soir.' });
		await approve(reel.id);
		await publish(reel.id, Date.now() - 3_600_000);
		expect(await assetRow(reel.id)).toBeNull();
		expect((await library(s.brand.client)).total).toBe(0);
	});

	it('a correction of the publication date moves the window, and clears an expiry the new window does not reach', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		const first = Date.now() - 40 * DAY;
		await publishedDeliverable(reel.id, { publishedAt: first });
		const row = (await assetRow(reel.id))!;
		// The prefilled terms: 30 days (the campaign's), on the brand's own surfaces.
		expect(row).toMatchObject({ rights_days: 30, rights_from: first, rights_until: first + 30 * DAY });
		expect(JSON.parse(row.channels)).toEqual(['website', 'catalogue', 'whatsapp_catalogue']);
		await runCron(Date.now());
		expect((await assetRow(reel.id))!.expired_at).not.toBeNull();

		const corrected = Date.now() - 2 * DAY;
		await env.DB.prepare('UPDATE deliverables SET published_at = ?2 WHERE id = ?1').bind(reel.id, corrected).run();
		expect(await assetRow(reel.id)).toMatchObject({ rights_from: corrected, rights_until: corrected + 30 * DAY, expired_at: null });
		expect((await asset(s.brand.client, row.id)).status).toBe('active');
	});
});

describe('rights over time', () => {
	it('the cron marks an asset expired at the end of its window, once; the download is refused and the record stays listed', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const row = (await assetRow(reel.id))!;
		const until = row.rights_until!;

		await runCron(until - 1);
		expect((await assetRow(reel.id))!.expired_at).toBeNull();
		await runCron(until);
		expect((await assetRow(reel.id))!.expired_at).toBe(until);
		// A later run leaves the mark as it was.
		await runCron(until + DAY, s.brand);
		expect((await assetRow(reel.id))!.expired_at).toBe(until);

		// The stored mark is what reads go by, whatever the request's clock.
		const problem = await refusal(s.brand.client, row.id);
		expect(problem.code).toBe('invalid_state');
		expect(problem.detail).toBe('Les droits d’utilisation de ce contenu ont expiré\u00a0: il ne peut plus être téléchargé pour être réutilisé. Sa fiche reste consultable.');
		expect(await asset(s.brand.client, row.id)).toMatchObject({ status: 'expired', downloadable: false, expiredAt: new Date(until).toISOString() });
		expect((await library(s.brand.client, '?status=expired')).assets.map((a) => a.id)).toEqual([row.id]);
		expect((await library(s.brand.client, '?status=active')).total).toBe(0);
	});

	it('the cron reports what it marked', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const until = (await assetRow(reel.id))!.rights_until!;
		const res = await new Client().call('/dev/scheduled', { json: { now: new Date(until).toISOString() } });
		expect(res.status).toBe(200);
		const report = (await res.json()) as { content: { expired: number } };
		expect(report.content.expired).toBeGreaterThanOrEqual(1);
		expect((await assetRow(reel.id))!.expired_at).toBe(until);
	});

	it('a window already over reads as expired before the cron ran', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id, { publishedAt: Date.now() - 31 * DAY });
		const row = (await assetRow(reel.id))!;
		expect(row.expired_at).toBeNull();
		expect((await asset(s.brand.client, row.id)).status).toBe('expired');
		expect((await refusal(s.brand.client, row.id)).code).toBe('invalid_state');
		expect((await library(s.brand.client, '?status=expired')).assets.map((a) => a.id)).toEqual([row.id]);
	});

	it('a perpetual right never expires: shown as such, downloadable after any cron', async () => {
		const s = await signedScene({ shape: withReuse({ days: null, perpetual: true, channels: ['catalogue', 'in_store'] }) });
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id, { publishedAt: Date.now() - 400 * DAY });
		const row = (await assetRow(reel.id))!;
		expect(row).toMatchObject({ perpetual: 1, rights_days: null, rights_until: null });
		await runCron(Date.now() + 100 * 365 * DAY, s.brand);
		expect((await assetRow(reel.id))!.expired_at).toBeNull();
		expect(await asset(s.brand.client, row.id)).toMatchObject({ perpetual: true, rightsDays: null, rightsUntil: null, status: 'active', downloadable: true, channels: ['catalogue', 'in_store'] });
		expect((await s.brand.client.call(`/content/${row.id}/file`)).status).toBe(200);
	});

	it('content withdrawn under the crisis clause is withdrawn in the library: listed, not downloadable', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const row = (await assetRow(reel.id))!;
		expect((await s.brand.client.call(`/deliverables/${reel.id}/withdrawal`, { json: { reason: 'Produit rappelé par le fabricant.' } })).status).toBe(201);
		expect((await asset(s.brand.client, row.id)).status).toBe('active');
		const confirmed = await s.creator.client.call(`/deliverables/${reel.id}/withdrawal/confirm`, { method: 'POST' });
		expect(confirmed.status).toBe(200);
		const { deliverable } = (await confirmed.json()) as { deliverable: { withdrawnAt: string } };
		expect((await assetRow(reel.id))!.withdrawn_at).toBe(Date.parse(deliverable.withdrawnAt));
		expect(await asset(s.brand.client, row.id)).toMatchObject({ status: 'withdrawn', downloadable: false, withdrawnAt: deliverable.withdrawnAt });
		expect((await refusal(s.brand.client, row.id)).detail).toBe('Ce contenu a été retiré au titre de la clause de crise\u00a0: il ne peut plus être téléchargé pour être réutilisé.');
		expect((await library(s.brand.client, '?status=withdrawn')).assets.map((a) => a.id)).toEqual([row.id]);
	});
});

/**
 * Fixture: another deliverable of the same agreement, moved to another campaign and creator
 * of the same brand (the library reads those columns from the deliverable row), so one brand
 * has assets across campaigns and creators without signing several agreements.
 */
async function extraDeliverable(source: string, seq: number, set: { campaignId?: string; creatorId?: string; format?: string } = {}) {
	const id = crypto.randomUUID();
	await env.DB.prepare(
		`INSERT INTO deliverables (id, agreement_id, brand_id, creator_id, campaign_id, seq, platform, format, ordinal, status, publish_on, draft_due_at, review_due_at,
		   publish_due_at, story_highlight_hours, review_days, correction_rounds, created_at, updated_at)
		 SELECT ?2, agreement_id, brand_id, coalesce(?4, creator_id), coalesce(?5, campaign_id), ?3, platform, coalesce(?6, format), ?3, 'planned', publish_on, draft_due_at,
		   review_due_at, publish_due_at, story_highlight_hours, review_days, correction_rounds, created_at, updated_at
		 FROM deliverables WHERE id = ?1`
	)
		.bind(source, id, seq, set.creatorId ?? null, set.campaignId ?? null, set.format ?? null)
		.run();
	return id;
}

describe('the library list', () => {
	it('filters by campaign, creator, format, channel and status, with the choices it offers; pages by 20', async () => {
		const s = await signedScene();
		const [reel, , story] = await listDeliverables(s.brand.client, s.agreementId);
		const otherCampaign = await createCampaign(env, { brandId: s.brand.brandId, title: 'Gamme solaire' });
		const otherCreator = await creatorAccount(env, 'Yasmine Cuisine');
		const inOtherCampaign = await extraDeliverable(reel.id, 50, { campaignId: otherCampaign });
		const byOtherCreator = await extraDeliverable(reel.id, 51, { creatorId: otherCreator.creatorId, format: 'post' });
		await publishedDeliverable(reel.id);
		await publishedDeliverable(story.id);
		await publishedDeliverable(inOtherCampaign);
		// Approved, not published yet.
		await submitDraft(byOtherCreator);
		await approve(byOtherCreator);
		// As if its terms named paid ads only.
		await env.DB.prepare(`UPDATE content_assets SET channels = '["ads"]' WHERE deliverable_id = ?1`).bind(inOtherCampaign).run();

		const all = await library(s.brand.client);
		expect(all.total).toBe(4);
		expect(all.pageSize).toBe(20);
		expect(all.options.campaigns.map((c) => c.title).sort()).toEqual(['Gamme solaire', 'Sérum éclat']);
		expect(all.options.creators.map((c) => c.displayName).sort()).toEqual(['Nour Beauty', 'Yasmine Cuisine']);
		const ids = (l: ContentList) => l.assets.map((a) => a.deliverableId).sort();

		expect(ids(await library(s.brand.client, `?campaignId=${otherCampaign}`))).toEqual([inOtherCampaign]);
		expect(ids(await library(s.brand.client, `?creatorId=${otherCreator.creatorId}`))).toEqual([byOtherCreator]);
		expect(ids(await library(s.brand.client, '?format=story'))).toEqual([story.id]);
		expect(ids(await library(s.brand.client, '?channel=ads'))).toEqual([inOtherCampaign]);
		expect(ids(await library(s.brand.client, '?channel=website'))).toEqual([reel.id, story.id, byOtherCreator].sort());
		expect(ids(await library(s.brand.client, '?status=awaiting_publication'))).toEqual([byOtherCreator]);
		expect(ids(await library(s.brand.client, '?status=active&format=reel'))).toEqual([reel.id, inOtherCampaign].sort());
		expect(ids(await library(s.brand.client, `?status=active&campaignId=${s.campaignId}&channel=catalogue&format=reel`))).toEqual([reel.id]);
		expect((await library(s.brand.client, '?channel=in_store')).total).toBe(0);

		// Another brand's campaign or creator id is no way in: nothing, never its data.
		const rival = await brandAccount('Maison Rivale Oran');
		expect(await library(rival.client, `?campaignId=${s.campaignId}`)).toMatchObject({ assets: [], total: 0, options: { campaigns: [], creators: [] } });
		expect((await library(s.brand.client, `?campaignId=${await createCampaign(env, { brandId: rival.brandId })}`)).total).toBe(0);

		// Pages of 20, newest first.
		for (let i = 0; i < 18; i++) {
			const id = await extraDeliverable(reel.id, 100 + i);
			await submitDraft(id);
			await approve(id, Date.now() + i);
		}
		const first = await library(s.brand.client);
		const second = await library(s.brand.client, '?page=2');
		expect(first.total).toBe(22);
		expect(first.assets).toHaveLength(20);
		expect(second).toMatchObject({ page: 2, total: 22 });
		expect(second.assets).toHaveLength(2);
		expect(new Set([...first.assets, ...second.assets].map((a) => a.id)).size).toBe(22);
		expect((await library(s.brand.client, '?page=3')).assets).toEqual([]);
	});

	it('refuses bad filter values with a field error each', async () => {
		const brand = await brandAccount();
		const cases: [string, string, string][] = [
			['?campaignId=../etc', 'campaignId', 'Identifiant de campagne invalide.'],
			['?creatorId=', 'creatorId', 'Identifiant de créateur invalide.'],
			['?format=tiktok', 'format', 'Format inconnu\u00a0: reel, post, story ou live.'],
			['?channel=tv', 'channel', 'Canal inconnu\u00a0: ads, website, catalogue, whatsapp_catalogue ou in_store.'],
			['?status=deleted', 'status', 'Statut inconnu\u00a0: active, awaiting_publication, expired ou withdrawn.'],
			['?page=0', 'page', 'Numéro de page invalide.']
		];
		for (const [query, path, message] of cases) {
			const res = await brand.client.call(`/content${query}`);
			expect(res.status, query).toBe(400);
			expect(((await res.json()) as Problem).errors).toEqual([{ path, message }]);
		}
	});

	it('is the brand’s alone: a creator gets 403, another brand 404 for the record and the file', async () => {
		const s = await signedScene();
		const [reel] = await listDeliverables(s.brand.client, s.agreementId);
		await publishedDeliverable(reel.id);
		const row = (await assetRow(reel.id))!;
		for (const path of ['/content', `/content/${row.id}`, `/content/${row.id}/file`]) expect((await s.creator.client.call(path)).status, path).toBe(403);
		const rival = await brandAccount('Maison Rivale Oran');
		expect((await library(rival.client)).total).toBe(0);
		expect((await rival.client.call(`/content/${row.id}`)).status).toBe(404);
		expect((await rival.client.call(`/content/${row.id}/file`)).status).toBe(404);
		expect((await s.brand.client.call('/content/pas-un-asset')).status).toBe(404);
		// The owner still can.
		expect((await s.brand.client.call(`/content/${row.id}/file`)).status).toBe(200);
	});
});
