/**
 * Rows as the agreement services read them with raw SQL: the columns' types come from the
 * Drizzle schema (db/schema), joined names are typed from their own tables.
 */
import type { agreementEvents, agreementSignatures, agreementVersions, agreements, brands, campaigns, creators, users } from '../../../db/schema';
import type { SqlPick, SqlRow } from '../../../db/schema/sql-row';

type User = SqlRow<typeof users>;
type Creator = SqlRow<typeof creators>;

/** An agreement with the names and addresses of its parties (see AGREEMENT_SELECT). */
export type AgreementRow = Omit<SqlRow<typeof agreements>, 'sealed_pdf_key' | 'sealed_pdf_sha256'> & {
	brand_name: SqlRow<typeof brands>['name'];
	owner_user_id: SqlRow<typeof brands>['owner_user_id'];
	owner_email: User['email'];
	owner_locale: User['locale'];
	creator_name: Creator['display_name'];
	creator_handle: Creator['handle'];
	creator_user_id: Creator['user_id'];
	creator_email: User['email'];
	creator_locale: User['locale'];
	/** LEFT JOIN: null if the campaign row is gone. */
	campaign_title: SqlRow<typeof campaigns>['title'] | null;
};

export const AGREEMENT_SELECT = `SELECT g.id, g.application_id, g.campaign_id, g.brand_id, g.creator_id, g.status, g.version, g.terms, g.document_sha256,
	g.sent_at, g.completed_at, g.voided_at, g.created_at, g.updated_at,
	b.name AS brand_name, b.owner_user_id, bu.email AS owner_email, bu.locale AS owner_locale,
	cr.display_name AS creator_name, cr.handle AS creator_handle, cr.user_id AS creator_user_id, cu.email AS creator_email, cu.locale AS creator_locale,
	c.title AS campaign_title
	FROM agreements g
	JOIN brands b ON b.id = g.brand_id JOIN users bu ON bu.id = b.owner_user_id
	JOIN creators cr ON cr.id = g.creator_id JOIN users cu ON cu.id = cr.user_id
	LEFT JOIN campaigns c ON c.id = g.campaign_id`;

export type SignatureRow = SqlPick<typeof agreementSignatures, 'id' | 'version' | 'party' | 'user_id' | 'full_name' | 'signed_at' | 'document_sha256' | 'consent_sha256'>;

export type VersionRow = Omit<SqlRow<typeof agreementVersions>, 'agreement_id'>;

export type EventRow = Omit<SqlRow<typeof agreementEvents>, 'agreement_id'> & { actor_name: User['name'] | null };
