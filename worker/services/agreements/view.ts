/** The agreement as the API shows it to one of its parties: terms, versions, counting signatures, what they may do next, and the consent text to sign. */
import type { CallerContext } from '../../context';
import { readStoredTerms } from '../../domain/agreement-terms';
import { missingForSending } from '../../domain/agreement-details';
import { iso, isoOrNull } from '../../domain/dates';
import { allowedActions, consentSha256, consentText, countingSignatures } from '../../domain/signing';
import { contactsOf } from './contacts';
import { readHead } from './history';
import { type LoadedAgreement, agreementRow, signaturesOf } from './load';
import type { VersionRow } from './rows';

/** The agreement as the API shows it to one of its parties (consent text in the caller's language). */
export async function view(ctx: CallerContext, loaded: LoadedAgreement) {
	const { db, locale } = ctx;
	const { row, party } = loaded;
	const [versions, signatures] = await Promise.all([
		db
			.prepare('SELECT version, document_sha256, author_party, note, frozen_at, created_at FROM agreement_versions WHERE agreement_id = ?1 ORDER BY version')
			.bind(row.id)
			.all<Omit<VersionRow, 'terms' | 'author_user_id'>>(),
		signaturesOf(db, row.id)
	]);
	const counting = countingSignatures(signatures, row.version);
	const signed = counting.map((s) => s.party);
	const actions = allowedActions(row.status, party, signed);
	const documentSha256 = row.document_sha256 ?? '';
	const consent = consentText(locale, { version: row.version, documentSha256 });
	const terms = readStoredTerms(row.terms);
	return {
		agreement: {
			id: row.id,
			applicationId: row.application_id,
			campaignId: row.campaign_id,
			campaign: { id: row.campaign_id, title: row.campaign_title ?? '' },
			brand: { id: row.brand_id, name: row.brand_name },
			creator: { id: row.creator_id, displayName: row.creator_name, handle: row.creator_handle },
			status: row.status,
			version: row.version,
			terms: terms ?? {},
			documentSha256: row.document_sha256,
			signatures: counting.map((s) => ({ party: s.party, name: s.full_name, signedAt: iso(s.signed_at), version: s.version, documentSha256: s.document_sha256 })),
			sentAt: isoOrNull(row.sent_at),
			completedAt: isoOrNull(row.completed_at),
			voidedAt: isoOrNull(row.voided_at),
			createdAt: iso(row.created_at),
			updatedAt: iso(row.updated_at),
			myParty: party,
			mySignature: counting.some((s) => s.party === party),
			allowedActions: actions,
			canEdit: actions.includes('edit'),
			canPropose: actions.includes('propose'),
			canSend: actions.includes('send'),
			canReopen: actions.includes('reopen'),
			canVoid: actions.includes('void'),
			canSign: actions.includes('sign'),
			/** The creator fills their own legal identity on a draft (PUT /agreements/:id/creator-details). */
			canEditCreatorDetails: row.status === 'draft' && party === 'creator',
			/** Required fields still empty, for whoever must fill them (issue 14): sending waits for all of them. */
			missing: terms && row.status === 'draft' ? missingForSending(terms, locale) : [],
			versions: versions.results.map((x) => ({
				version: x.version,
				authorParty: x.author_party,
				createdAt: iso(x.created_at),
				note: x.note,
				documentSha256: x.document_sha256,
				frozenAt: isoOrNull(x.frozen_at)
			})),
			consent: { lang: locale, text: consent, sha256: await consentSha256(consent) },
			/** The other party's contact details once signed (contacts.ts); null before. */
			contacts: await contactsOf(db, loaded, terms)
		}
	};
}

/** Re-reads the agreement after a write and returns its view. */
export async function fresh(ctx: CallerContext, loaded: LoadedAgreement) {
	const row = await agreementRow(ctx.db, loaded.row.id);
	return view(ctx, { ...loaded, row: row!, head: await readHead(ctx.db, loaded.row.id) });
}
