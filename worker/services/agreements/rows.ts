/** Rows as the agreement services read them with raw SQL (snake_case columns, joined names). */
import type { Locale } from '../../env';
import type { AgreementStatus, Party } from '../../domain/signing';

export interface AgreementRow {
	id: string;
	application_id: string;
	campaign_id: string;
	brand_id: string;
	creator_id: string;
	status: AgreementStatus;
	version: number;
	terms: string;
	document_sha256: string | null;
	sent_at: number | null;
	completed_at: number | null;
	voided_at: number | null;
	created_at: number;
	updated_at: number;
	brand_name: string;
	owner_user_id: string;
	owner_email: string;
	owner_locale: Locale;
	creator_name: string;
	creator_handle: string;
	creator_user_id: string;
	creator_email: string;
	creator_locale: Locale;
	campaign_title: string | null;
}

export const AGREEMENT_SELECT = `SELECT g.id, g.application_id, g.campaign_id, g.brand_id, g.creator_id, g.status, g.version, g.terms, g.document_sha256,
	g.sent_at, g.completed_at, g.voided_at, g.created_at, g.updated_at,
	b.name AS brand_name, b.owner_user_id, bu.email AS owner_email, bu.locale AS owner_locale,
	cr.display_name AS creator_name, cr.handle AS creator_handle, cr.user_id AS creator_user_id, cu.email AS creator_email, cu.locale AS creator_locale,
	c.title AS campaign_title
	FROM agreements g
	JOIN brands b ON b.id = g.brand_id JOIN users bu ON bu.id = b.owner_user_id
	JOIN creators cr ON cr.id = g.creator_id JOIN users cu ON cu.id = cr.user_id
	LEFT JOIN campaigns c ON c.id = g.campaign_id`;

export interface SignatureRow {
	id: string;
	version: number;
	party: Party;
	user_id: string;
	full_name: string;
	signed_at: number;
	document_sha256: string;
	consent_sha256: string;
}

export interface VersionRow {
	version: number;
	terms: string;
	document_sha256: string;
	author_user_id: string | null;
	author_party: 'brand' | 'creator' | 'system';
	note: string;
	frozen_at: number | null;
	created_at: number;
}

export interface EventRow {
	seq: number;
	at: number;
	actor_user_id: string | null;
	actor_party: string;
	action: string;
	data: string;
	prev_hash: string;
	hash: string;
	actor_name: string | null;
}
