/**
 * Tracked links `/l/<slug>` (issue 12, point 2) on D1: one indexed read (the link with its
 * campaign, brand and codes) and at most one write per click (`INSERT OR IGNORE` into
 * link_clicks, one row per visitor, link and Algiers day), made after the answer left.
 */
import type { Env } from '../../env';
import { countryCode, daySalt, deviceClass, referrerDomain, visitorHash } from '../../domain/tracked-links';

/** A link as a click needs it. */
export interface LinkRow {
	slug: string;
	active: number;
	campaign_id: string;
	creator_id: string;
	campaign_title: string;
	objective: string;
	landing_url: string | null;
	brand_name: string;
	whatsapp_phone: string | null;
	keyword: string | null;
	promo: string | null;
}

/** The read behind a click: the slug is the primary key, the codes come by their agreement index. */
export const LINK_SQL = `SELECT l.slug, l.active, l.campaign_id, l.creator_id, c.title AS campaign_title, c.objective, c.landing_url,
	b.name AS brand_name, b.whatsapp_phone,
	(SELECT code FROM attribution_codes WHERE agreement_id = l.agreement_id AND kind = 'keyword') AS keyword,
	(SELECT code FROM attribution_codes WHERE agreement_id = l.agreement_id AND kind = 'promo') AS promo
	FROM tracked_links l JOIN campaigns c ON c.id = l.campaign_id JOIN brands b ON b.id = l.brand_id
	WHERE l.slug = ?1`;

export function readLink(db: D1Database, slug: string): Promise<LinkRow | null> {
	return db.prepare(LINK_SQL).bind(slug).first<LinkRow>();
}

/** What is known of a click when it arrives; the address and user agent only feed the hash. */
export interface ClickInput {
	link: Pick<LinkRow, 'slug' | 'campaign_id' | 'creator_id'>;
	at: number;
	ip: string;
	userAgent: string;
	referer: string | null;
	country: unknown;
}

/**
 * The secret the day's salt comes from: LINK_SALT_SECRET, else the sealing key (a secret every
 * deployment has), else — development without either — a fixed value.
 */
export function saltSecret(env: Pick<Env, 'LINK_SALT_SECRET' | 'SEAL_PRIVATE_KEY'>): string {
	return env.LINK_SALT_SECRET || env.SEAL_PRIVATE_KEY || 'wasla-development-link-salt';
}

/** Counts a click: one row per visitor, link and Algiers day (the unique index drops repeats). Returns whether a row was written. */
export async function recordClick(env: Pick<Env, 'DB' | 'LINK_SALT_SECRET' | 'SEAL_PRIVATE_KEY'>, click: ClickInput): Promise<boolean> {
	const hash = await visitorHash(await daySalt(saltSecret(env), click.at), click.link.slug, click.ip, click.userAgent);
	const res = await env.DB.prepare(
		`INSERT OR IGNORE INTO link_clicks (id, slug, campaign_id, creator_id, at, referrer_domain, device, country, visitor_hash)
		 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`
	)
		.bind(crypto.randomUUID(), click.link.slug, click.link.campaign_id, click.link.creator_id, click.at, referrerDomain(click.referer), deviceClass(click.userAgent), countryCode(click.country), hash)
		.run();
	return res.meta.changes > 0;
}
