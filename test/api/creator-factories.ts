/** Factories for creator tests: signed-in creators and brands with their ids, and agreements in a given status. */
import { env } from 'cloudflare:workers';
import { signUp } from './helpers';

export async function creatorClient(name = 'Nour Beauté') {
	const s = await signUp({ role: 'creator', name });
	const me = (await (await s.client.call('/me')).json()) as { creator: { id: string; handle: string } };
	return { ...s, creatorId: me.creator.id, handle: me.creator.handle };
}

export async function brandClient(name = 'Boutique Yasmine') {
	const s = await signUp({ role: 'brand', name });
	const me = (await (await s.client.call('/me')).json()) as { brand: { id: string } };
	return { ...s, brandId: me.brand.id };
}

/** A campaign, an application and an agreement between the brand and the creator, in the given status. */
export async function createAgreement(opts: { brandId: string; creatorId: string; status?: 'draft' | 'awaiting_signatures' | 'signed' | 'void' }) {
	const now = Date.now();
	const id = crypto.randomUUID();
	const campaignId = `cmp-${id}`;
	const applicationId = `app-${id}`;
	await env.DB.batch([
		env.DB.prepare("INSERT INTO campaigns (id, brand_id, title, objective, status, created_at, updated_at) VALUES (?1, ?2, 'Test', 'visibility', 'active', ?3, ?3)").bind(
			campaignId,
			opts.brandId,
			now
		),
		env.DB.prepare("INSERT INTO applications (id, campaign_id, creator_id, pitch, fee_dzd, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'pitch', 15000, 'accepted', ?4, ?4)").bind(
			applicationId,
			campaignId,
			opts.creatorId,
			now
		),
		env.DB.prepare("INSERT INTO agreements (id, application_id, campaign_id, brand_id, creator_id, status, terms, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '{}', ?7, ?7)").bind(
			id,
			applicationId,
			campaignId,
			opts.brandId,
			opts.creatorId,
			opts.status ?? 'signed',
			now
		)
	]);
	return { id, campaignId, applicationId };
}
