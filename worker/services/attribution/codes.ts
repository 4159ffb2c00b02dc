/**
 * Attribution codes and tracked links of signed agreements (issue 12, point 1): they go live
 * in the batch of the second signature, are refused while the terms are edited when another
 * agreement of the brand holds one of the same key, and are deactivated at the campaign's end
 * — never deleted, never given again.
 */
import type { CallerContext, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import type { AgreementTerms } from '../../domain/agreement-terms';
import { readStoredTerms } from '../../domain/agreement-terms';
import { type CodeKind, codesOfTerms, newSlug } from '../../domain/attribution-codes';
import { iso, isoOrNull } from '../../domain/dates';
import { load } from '../agreements/load';

/** Where a clashing code sits in the terms. */
const PATH: Record<CodeKind, string> = { promo: 'attribution.promoCode', keyword: 'attribution.whatsappKeyword' };

/**
 * Throws 409 `already_exists` with a field error per code of `terms` whose key another
 * agreement of the brand holds (live or deactivated: codes are never reused). `prefix` is put
 * before each field path (`terms.` for a body that carries the terms).
 */
export async function assertCodesFree(db: D1Database, input: { brandId: string; agreementId: string; terms: Pick<AgreementTerms, 'attribution'>; prefix?: string }) {
	const codes = codesOfTerms(input.terms);
	const { results } = await db
		.prepare('SELECT kind, code_key FROM attribution_codes WHERE brand_id = ?1 AND agreement_id <> ?2 AND ((kind = ?3 AND code_key = ?4) OR (kind = ?5 AND code_key = ?6))')
		.bind(input.brandId, input.agreementId, codes[0].kind, codes[0].key, codes[1].kind, codes[1].key)
		.all<{ kind: CodeKind; code_key: string }>();
	if (results.length === 0) return;
	throw new AppError('already_exists', {
		detailKey: 'detail_attribution_code_taken',
		fieldKeys: results.map((r) => ({ path: `${input.prefix ?? ''}${PATH[r.kind]}`, key: 'attribution_code_taken' }))
	});
}

export interface ActivationTarget {
	agreementId: string;
	brandId: string;
	campaignId: string;
	creatorId: string;
}

/**
 * The INSERTs that put a signed agreement's codes and tracked link live (for the second
 * signature's batch). A concurrent agreement taking one of the keys first makes the unique
 * index fail the whole batch; its re-run then meets `assertCodesFree`.
 */
export function activationStatements(db: D1Database, target: ActivationTarget, terms: Pick<AgreementTerms, 'attribution'>, now: number, mode: 'strict' | 'lenient' = 'strict') {
	const or = mode === 'lenient' ? ' OR IGNORE' : '';
	return [
		...codesOfTerms(terms).map((c) =>
			db
				.prepare(
					`INSERT${or} INTO attribution_codes (id, brand_id, campaign_id, agreement_id, creator_id, kind, code, code_key, active, activated_at)
					 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9)`
				)
				.bind(crypto.randomUUID(), target.brandId, target.campaignId, target.agreementId, target.creatorId, c.kind, c.code, c.key, now)
		),
		db
			.prepare(`INSERT${or} INTO tracked_links (slug, brand_id, campaign_id, agreement_id, creator_id, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)`)
			.bind(newSlug(), target.brandId, target.campaignId, target.agreementId, target.creatorId, now)
	];
}

/**
 * Agreements signed before attribution existed get their codes and link on first read, as
 * the signature would have made them; a key another agreement took meanwhile is skipped (the
 * codes view then shows that code as not live).
 */
async function ensureActivated(
	db: D1Database,
	row: { id: string; brand_id: string; campaign_id: string; creator_id: string; status: string; terms: string; completed_at: number | null },
	now: number
) {
	if (row.status !== 'signed') return;
	const has = await db.prepare('SELECT 1 AS x FROM tracked_links WHERE agreement_id = ?1').bind(row.id).first();
	if (has) return;
	const terms = readStoredTerms(row.terms);
	if (!terms) return;
	await db.batch(activationStatements(db, { agreementId: row.id, brandId: row.brand_id, campaignId: row.campaign_id, creatorId: row.creator_id }, terms, row.completed_at ?? now, 'lenient'));
}

/** GET /agreements/:id/codes: the codes and link the terms fixed, whether they are live, and the announced offer window. */
export async function getCodes(ctx: CallerContext, input: { agreementId: string }) {
	const { db, now, origin } = ctx;
	const { row, party } = await load(ctx, input.agreementId);
	const terms = readStoredTerms(row.terms);
	if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
	await ensureActivated(db, row, now);
	const [codes, link, offer] = await db.batch([
		db.prepare('SELECT kind, code, active, activated_at, deactivated_at FROM attribution_codes WHERE agreement_id = ?1').bind(row.id),
		db.prepare('SELECT slug, active, created_at, deactivated_at FROM tracked_links WHERE agreement_id = ?1').bind(row.id),
		db.prepare('SELECT starts_at, ends_at, note FROM offer_windows WHERE agreement_id = ?1').bind(row.id)
	]);
	type CodeRow = { kind: CodeKind; code: string; active: number; activated_at: number; deactivated_at: number | null };
	const byKind = new Map((codes.results as CodeRow[]).map((c) => [c.kind, c]));
	const codeOut = (kind: CodeKind, code: string) => {
		const r = byKind.get(kind);
		return { code, live: r ? r.active === 1 : false, activatedAt: r ? iso(r.activated_at) : null, deactivatedAt: r ? isoOrNull(r.deactivated_at) : null };
	};
	const l = (link.results as { slug: string; active: number; created_at: number; deactivated_at: number | null }[])[0];
	const o = (offer.results as { starts_at: number; ends_at: number; note: string }[])[0];
	return {
		party,
		status: row.status,
		promoCode: terms.attribution.promoCode,
		whatsappKeyword: terms.attribution.whatsappKeyword,
		link: l ? `/l/${l.slug}` : null,
		linkUrl: l ? `${origin}/l/${l.slug}` : null,
		codes: { promo: codeOut('promo', terms.attribution.promoCode), keyword: codeOut('keyword', terms.attribution.whatsappKeyword) },
		linkLive: l ? l.active === 1 : false,
		offerWindow: o ? { startsAt: iso(o.starts_at), endsAt: iso(o.ends_at), note: o.note, current: now >= o.starts_at && now < o.ends_at } : null
	};
}

/**
 * Cron: codes and links of campaigns that ended (their end date passed, or completed or
 * closed) are deactivated, once; the rows stay, so the keys are never given again.
 */
export async function deactivateEnded(ctx: ServiceContext): Promise<{ codes: number; links: number }> {
	const { db, now } = ctx;
	const ended = `campaign_id IN (SELECT id FROM campaigns WHERE (ends_at IS NOT NULL AND ends_at <= ?1) OR status IN ('completed', 'closed'))`;
	const [codes, links] = await db.batch([
		db.prepare(`UPDATE attribution_codes SET active = 0, deactivated_at = ?1 WHERE active = 1 AND ${ended}`).bind(now),
		db.prepare(`UPDATE tracked_links SET active = 0, deactivated_at = ?1 WHERE active = 1 AND ${ended}`).bind(now)
	]);
	return { codes: codes.meta.changes, links: links.meta.changes };
}

/**
 * POST /agreements/:id/offer-window: either party records the limited offer the creator
 * announces (24 to 48 hours), once the agreement is signed; recording again replaces it.
 */
export async function setOfferWindow(ctx: CallerContext, input: { agreementId: string; startsAt: number; hours: number; note: string }) {
	const { db, now } = ctx;
	const { row } = await load(ctx, input.agreementId);
	if (row.status !== 'signed') throw new AppError('invalid_state', { detailKey: 'detail_offer_unsigned' });
	const endsAt = input.startsAt + input.hours * 3_600_000;
	await db
		.prepare(
			`INSERT INTO offer_windows (agreement_id, starts_at, ends_at, note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
			 ON CONFLICT (agreement_id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at, note = excluded.note, updated_at = excluded.updated_at`
		)
		.bind(row.id, input.startsAt, endsAt, input.note, now)
		.run();
	return getCodes(ctx, { agreementId: input.agreementId });
}
