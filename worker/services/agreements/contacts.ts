/**
 * The other party's contact details on a signed agreement (issue 11, point 8), for the
 * agreement view: the rule is worker/domain/agreement-contacts.ts; this reads what it needs.
 * Only the creator's phone and RIP are not already on the agreement row.
 */
import type { AgreementTerms } from '../../domain/agreement-terms';
import { contactsFor } from '../../domain/agreement-contacts';
import type { LoadedAgreement } from './load';

export async function contactsOf(db: D1Database, loaded: Pick<LoadedAgreement, 'row' | 'party'>, terms: AgreementTerms | null) {
	const { row, party } = loaded;
	if (row.status !== 'signed' || !terms) return null;
	const creator = party === 'brand' ? await db.prepare('SELECT phone, payout_rip FROM creators WHERE id = ?1').bind(row.creator_id).first<{ phone: string | null; payout_rip: string | null }>() : null;
	return contactsFor(
		party,
		{ status: row.status, shared: terms.personalData.shared },
		{
			creator: {
				displayName: row.creator_name,
				handle: row.creator_handle,
				legalName: terms.parties.creator.legalName,
				phone: creator?.phone ?? null,
				payoutRip: creator?.payout_rip ?? null,
				email: row.creator_email
			},
			brand: { name: row.brand_name, legalName: terms.parties.brand.legalName, representative: terms.parties.brand.representative, ownerEmail: row.owner_email }
		}
	);
}
