/** Schemas of the agreement routes (versions, sending, signing, audit). Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { AGREEMENT_STATUSES } from '../domain/signing';
import { AUDIT_ACTIONS } from '../domain/audit-chain';
import { PERSONAL_DATA_ITEMS } from '../domain/agreement-terms';
import { AUDIT_EVENT_DATA } from '../domain/audit-events';
import { multiLineCheck, singleLineCheck } from '../domain/text';
import { IdParam } from './params';
import { REQUIRED_TO_SEND, creatorLegalEntries } from '../domain/agreement-details';

const Note = (what: string) => v.optional(v.pipe(v.string('agreement_note_length'), v.trim(), multiLineCheck(), v.maxLength(500, 'agreement_note_length'), v.description(what)), '');

const Terms = v.pipe(
	v.record(v.string(), v.unknown(), 'invalid_type'),
	v.description('The whole terms object (schemaVersion 2, see worker/domain/agreement-terms.ts `agreementTermsSchema`); ids, party names and campaign may not change.')
);

export const EditBody = v.strictObject({
	terms: Terms,
	note: Note('Why the brand changed the terms, shown in the version history (at most 500 characters).')
});

export const ProposalBody = v.strictObject({
	terms: Terms,
	note: v.pipe(
		v.string('agreement_proposal_note_length'),
		v.trim(),
		multiLineCheck(),
		v.minLength(3, 'agreement_proposal_note_length'),
		v.maxLength(500, 'agreement_proposal_note_length'),
		v.description('What the creator proposes and why, shown to the brand (3 to 500 characters).')
	)
});

export const CreatorDetailsBody = v.strictObject({
	...creatorLegalEntries,
	remember: v.optional(v.pipe(v.boolean('invalid_type'), v.description('Keep these details on the creator’s profile for the next agreements (default true).')), true)
});

/** The creator's legal identity kept on their profile (PUT /creators/me/legal-details). */
export const LegalDetailsBody = v.strictObject(creatorLegalEntries);

export const LegalDetailsOut = v.object({
	legalName: v.string(),
	rcNumber: v.nullable(v.string()),
	nif: v.nullable(v.string()),
	autoEntrepreneurCard: v.nullable(v.string())
});

export const ReasonBody = v.strictObject({
	note: Note('Why (shown in the audit trail), at most 500 characters.')
});

export const SignBody = v.strictObject({
	fullName: v.pipe(
		v.string('agreement_full_name_length'),
		v.trim(),
		singleLineCheck(),
		v.minLength(2, 'agreement_full_name_length'),
		v.maxLength(120, 'agreement_full_name_length'),
		v.description('The signer’s full name as typed; kept as evidence.')
	),
	consent: v.pipe(v.literal(true, 'agreement_consent_required'), v.description('Must be true: the signer accepts the consent text returned by GET (consent.text).')),
	code: v.pipe(v.string('agreement_code_format'), v.regex(/^\s*\d{3}[\s-]?\d{3}\s*$/, 'agreement_code_format'), v.description('The 6-digit code received by email (POST /agreements/:id/sign/code).')),
	lang: v.optional(v.pipe(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'), v.description('Language of the consent text the signer was shown; the request language by default.')))
});

const PageParam = v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1');
const VersionParam = v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'agreement_version_invalid'), v.toNumber(), v.minValue(1, 'agreement_version_invalid')));

export const ListQuery = v.object({
	page: PageParam,
	status: v.optional(v.pipe(v.picklist(AGREEMENT_STATUSES, 'agreement_status_invalid'), v.description('Only agreements in this status.')))
});

export const DiffQuery = v.object({
	from: v.pipe(VersionParam, v.description('Older version (default: the one before `to`).')),
	to: v.pipe(VersionParam, v.description('Newer version (default: the current one).')),
	lang: v.optional(v.pipe(v.picklist(['fr', 'ar', 'en'], 'locale_invalid'), v.description('Language of the labels (default: the request language).')))
});

// ---- responses (documentation) ----

const Party = v.picklist(['brand', 'creator']);
const Iso = v.pipe(v.string(), v.description('ISO 8601, UTC'));

/** The other party's contact details (worker/domain/agreement-contacts.ts). */
const ContactsOut = v.pipe(
	v.nullable(
		v.variant('party', [
			v.object({
				party: v.literal('creator'),
				displayName: v.string(),
				handle: v.string(),
				legalName: v.string(),
				phone: v.pipe(v.nullable(v.string()), v.description('E.164 (+213…); null when not given, or when the terms do not share `contact`.')),
				payoutRip: v.pipe(v.nullable(v.string()), v.description('20 digits, key-checked; null when not given, or when the terms do not share `payment_details`.')),
				email: v.pipe(v.nullable(v.string()), v.description('The creator’s account email; null when the terms do not share `contact` or the account was erased.')),
				shared: v.array(v.picklist(PERSONAL_DATA_ITEMS))
			}),
			v.object({
				party: v.literal('brand'),
				name: v.string(),
				legalName: v.pipe(v.string(), v.description('From the signed terms.')),
				representative: v.pipe(v.string(), v.description('Who signs for the brand, from the signed terms.')),
				email: v.pipe(v.nullable(v.string()), v.description('The brand owner’s account email; null when the terms do not share `contact` or the account was erased.')),
				shared: v.array(v.picklist(PERSONAL_DATA_ITEMS))
			})
		])
	),
	v.description(
		'Once signed, the other party: for brand members the creator (phone, payout RIP, email), for the creator the brand (names from the terms, the owner’s email), within what the terms’ personal-data clause shares. Null before signing.'
	)
);

export const AgreementOut = v.object({
	id: v.string(),
	applicationId: v.string(),
	campaignId: v.string(),
	campaign: v.object({ id: v.string(), title: v.string() }),
	brand: v.object({ id: v.string(), name: v.string() }),
	creator: v.object({ id: v.string(), displayName: v.string(), handle: v.string() }),
	status: v.picklist(AGREEMENT_STATUSES),
	version: v.pipe(v.number(), v.description('Current version; edits, proposals and reopening add one.')),
	terms: v.pipe(v.record(v.string(), v.unknown()), v.description('Terms of the current version (schemaVersion 2).')),
	documentSha256: v.pipe(v.nullable(v.string()), v.description('SHA-256 of the current version’s canonical document (agreement id, version, terms).')),
	signatures: v.pipe(
		v.array(v.object({ party: Party, name: v.string(), signedAt: Iso, version: v.number(), documentSha256: v.string() })),
		v.description('Signatures that count: those made on the current version only.')
	),
	sentAt: v.nullable(Iso),
	completedAt: v.nullable(Iso),
	voidedAt: v.nullable(Iso),
	createdAt: Iso,
	updatedAt: Iso,
	myParty: Party,
	mySignature: v.pipe(v.boolean(), v.description('The caller’s party has signed the current version.')),
	allowedActions: v.array(v.picklist(['edit', 'propose', 'send', 'reopen', 'void', 'request_code', 'sign'])),
	canEdit: v.boolean(),
	canPropose: v.boolean(),
	canSend: v.boolean(),
	canReopen: v.boolean(),
	canVoid: v.boolean(),
	canSign: v.boolean(),
	canEditCreatorDetails: v.pipe(v.boolean(), v.description('The caller is the creator and the agreement is a draft: PUT /agreements/:id/creator-details fills their legal identity.')),
	missing: v.pipe(
		v.array(
			v.object({
				field: v.pipe(v.picklist(REQUIRED_TO_SEND.map((r) => r.field)), v.description('Dot path in the terms.')),
				party: v.pipe(Party, v.description('Who must fill it.')),
				label: v.pipe(v.string(), v.description('The field’s name in the request language.'))
			})
		),
		v.description('Fields sending requires that are still empty (drafts only; empty once ready to send). POST /send answers 422 `agreement_incomplete` while any is left.')
	),
	versions: v.array(
		v.object({ version: v.number(), authorParty: v.picklist(['brand', 'creator', 'system']), createdAt: Iso, note: v.string(), documentSha256: v.string(), frozenAt: v.nullable(Iso) })
	),
	consent: v.pipe(
		v.object({ lang: v.string(), text: v.string(), sha256: v.string() }),
		v.description('The consent text for the current version in the request language: show it verbatim; its SHA-256 is stored with the signature.')
	),
	contacts: ContactsOut
});

export const AgreementResponse = v.object({ agreement: AgreementOut });

export const AgreementListResponse = v.object({
	agreements: v.array(
		v.object({
			id: v.string(),
			status: v.picklist(AGREEMENT_STATUSES),
			version: v.number(),
			campaign: v.object({ id: v.string(), title: v.string() }),
			brand: v.object({ id: v.string(), name: v.string() }),
			creator: v.object({ id: v.string(), displayName: v.string() }),
			signedBy: v.array(Party),
			sentAt: v.nullable(Iso),
			completedAt: v.nullable(Iso),
			createdAt: Iso,
			updatedAt: Iso
		})
	),
	page: v.number(),
	pageSize: v.number(),
	total: v.number()
});

export const VersionResponse = v.object({
	version: v.object({
		version: v.number(),
		current: v.boolean(),
		terms: v.record(v.string(), v.unknown()),
		documentSha256: v.string(),
		authorParty: v.picklist(['brand', 'creator', 'system']),
		note: v.string(),
		createdAt: Iso,
		frozenAt: v.nullable(Iso),
		signatures: v.array(v.object({ party: Party, name: v.string(), signedAt: Iso, counts: v.boolean() }))
	})
});

const VersionRef = v.object({ version: v.number(), documentSha256: v.string(), authorParty: v.string(), note: v.string() });
export const DiffResponse = v.object({
	from: VersionRef,
	to: VersionRef,
	lang: v.string(),
	rows: v.pipe(
		v.array(v.object({ path: v.string(), label: v.string(), before: v.string(), after: v.string() })),
		v.description('One row per changed field, labelled and formatted in `lang`; “—” where a value is absent.')
	)
});

export const CodeResponse = v.object({
	sentTo: v.pipe(v.string(), v.description('The masked address the code went to.')),
	expiresAt: Iso,
	version: v.number(),
	attempts: v.pipe(v.number(), v.description('Tries allowed with this code.'))
});

/** One event of the trail; `data` has its action's shape (worker/domain/audit-events.ts). */
const AuditEventOut = v.variant(
	'action',
	AUDIT_ACTIONS.map((action) =>
		v.object({
			seq: v.number(),
			at: Iso,
			actor: v.object({ party: v.string(), userId: v.nullable(v.string()), name: v.nullable(v.string()) }),
			action: v.literal(action),
			data: AUDIT_EVENT_DATA[action],
			prevHash: v.string(),
			hash: v.string()
		})
	)
);

export const AuditResponse = v.object({
	events: v.array(AuditEventOut),
	chainValid: v.boolean(),
	head: v.optional(v.pipe(v.string(), v.description('Hash of the last event, when the chain is valid.'))),
	brokenAt: v.optional(v.pipe(v.number(), v.description('First seq that fails the re-walk, when the chain is not valid.'))),
	reason: v.optional(v.picklist(['seq_gap', 'prev_hash_mismatch', 'hash_mismatch', 'wrong_agreement']))
});

/** `:id` and `:version` (1–999999) of GET /agreements/:id/versions/:version; a version that is not one is a 400 on `version`. */
export const VersionParams = v.object({
	id: IdParam,
	version: v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'agreement_version_invalid'), v.transform(Number), v.minValue(1, 'agreement_version_invalid'), v.description('A version number, from 1.'))
});
