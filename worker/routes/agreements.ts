/**
 * Agreements: read, versions (brand edits, creator proposals, diff), send, signing codes,
 * sign, reopen, void, audit trail. Only the agreement's brand members and creator see it;
 * anyone else gets 404, the wrong party 403, no session 401.
 */
import { type Router, route } from '../route';
import { json } from '../body';
import { ById } from './params';
import { queueSealing } from '../services/agreement-documents';
import {
	diffVersions,
	editTerms,
	fillCreatorDetails,
	getAgreement,
	getAuditTrail,
	getVersion,
	listAgreements,
	proposeTerms,
	reopenAgreement,
	requestSigningCode,
	sendAgreement,
	signAgreement,
	voidAgreement
} from '../services/agreements';
import {
	AgreementListResponse,
	AgreementResponse,
	AuditResponse,
	CodeResponse,
	CreatorDetailsBody,
	DiffQuery,
	DiffResponse,
	EditBody,
	ListQuery,
	ProposalBody,
	ReasonBody,
	SignBody,
	VersionParams,
	VersionResponse
} from './agreements.types';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' } };
const WRITE = { ...COMMON, 403: { description: 'The other party’s action' }, 409: { description: '`invalid_state` (wrong status) or the agreement changed meanwhile' } };

export function agreementRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements',
			summary: 'The caller’s agreements (the brand’s for a brand member, their own for a creator), latest activity first',
			tags: ['agreements'],
			auth: 'user',
			query: ListQuery,
			responses: { 200: { description: 'OK', schema: AgreementListResponse }, 401: { description: 'No session' }, 403: { description: 'Neither brand nor creator' } }
		},
		async (c, { ctx, query }) => c.json(await listAgreements(ctx, query))
	);

	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id',
			summary: 'An agreement for one of its parties; the first read of each version by each user is recorded in the audit trail',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: AgreementResponse }, ...COMMON }
		},
		async (c, { ctx, params }) => c.json(await getAgreement(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'patch',
			path: '/agreements/:id',
			summary: 'The brand edits a draft: the whole terms object becomes version N+1',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(EditBody, { maxBytes: 32 * 1024 }),
			responses: { 200: { description: 'The new version is current', schema: AgreementResponse }, 400: { description: 'Invalid terms (field errors under `terms.`), or unchanged' }, ...WRITE }
		},
		async (c, { ctx, params, body }) => c.json(await editTerms(ctx, { agreementId: params.id, ...body }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/proposals',
			summary: 'The creator proposes changed terms on a draft: they become version N+1, which the brand may edit further or send',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(ProposalBody, { maxBytes: 32 * 1024 }),
			responses: { 201: { description: 'The proposal is the current version', schema: AgreementResponse }, 400: { description: 'Invalid terms or note' }, ...WRITE }
		},
		async (c, { ctx, params, body }) => c.json(await proposeTerms(ctx, { agreementId: params.id, ...body }), 201)
	);

	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/versions/:version',
			summary: 'One version of the terms, with the signatures made on it',
			tags: ['agreements'],
			auth: 'user',
			params: VersionParams,
			responses: { 200: { description: 'OK', schema: VersionResponse }, 400: { description: 'Version is not a number' }, ...COMMON }
		},
		async (c, { ctx, params }) => c.json(await getVersion(ctx, { agreementId: params.id, version: params.version }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/diff',
			summary: 'What changed between two versions, as readable rows (default: previous → current)',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			query: DiffQuery,
			responses: { 200: { description: 'OK', schema: DiffResponse }, 400: { description: 'Invalid version numbers' }, ...COMMON }
		},
		async (c, { ctx, params, query }) => c.json(await diffVersions(ctx, { agreementId: params.id, from: query.from, to: query.to, lang: query.lang ?? ctx.locale }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/send',
			summary: 'The brand sends the current version for signature: it is frozen and both parties are emailed',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			responses: {
				200: { description: 'Awaiting signatures', schema: AgreementResponse },
				400: { description: 'Terms that break a rule of their own (e.g. instalments that do not add up to the fee)' },
				...WRITE,
				422: {
					description:
						'`agreement_incomplete`: required fields still empty (legal names, representative, publication window); `errors[]` names each (path `terms.…`) and who must fill it. Nothing changes, except that the creator is asked for their details when theirs are missing (once a day).'
				}
			}
		},
		async (c, { ctx, params }) => c.json(await sendAgreement(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'put',
			path: '/agreements/:id/creator-details',
			summary: 'The creator fills their own legal identity on a draft (legal name; RC, NIF or auto-entrepreneur card if any): a new version proposed by the creator',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(CreatorDetailsBody),
			responses: {
				200: { description: 'The details are in the current version (unchanged details add no version)', schema: AgreementResponse },
				400: { description: 'Invalid details (field errors)' },
				401: { description: 'No session' },
				404: { description: 'Not found, or the caller is not the agreement’s creator' },
				409: { description: '`invalid_state`: no longer a draft, or the agreement changed meanwhile' }
			}
		},
		async (c, { ctx, params, body }) => {
			const { remember, ...details } = body;
			return c.json(await fillCreatorDetails(ctx, { agreementId: params.id, details, remember }));
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/sign/code',
			summary: 'A one-time 6-digit signing code to the caller’s email (10 minutes, one use, 5 tries; 5 per hour)',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			responses: {
				202: { description: 'Sent; only its salted hash is stored', schema: CodeResponse },
				...WRITE,
				409: { description: '`already_signed`, or not awaiting signatures' },
				429: { description: 'Too many codes asked (Retry-After)' }
			}
		},
		async (c, { ctx, params }) => c.json(await requestSigningCode(ctx, { agreementId: params.id }), 202)
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/sign',
			summary: 'Sign the current version with the typed full name, consent and the emailed code; the second signature completes the agreement',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(SignBody),
			responses: {
				200: { description: 'Signed (status `signed` once both parties have)', schema: AgreementResponse },
				400: { description: 'Missing consent or name, or a wrong/expired/used code (errors[].path = "code")' },
				...WRITE,
				409: { description: '`already_signed`, or not awaiting signatures' }
			}
		},
		async (c, { ctx, params, body }) => {
			const result = await signAgreement(ctx, { agreementId: params.id, fullName: body.fullName, code: body.code, lang: body.lang });
			// The last signature: the PDFs are sealed off the request path (worker/jobs/seal-agreement.ts).
			if (result.agreement.status === 'signed') await queueSealing(ctx, { agreementId: result.agreement.id });
			return c.json(result);
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/reopen',
			summary: 'Either party takes a sent agreement back to draft: a new editable version, earlier signatures no longer count',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(ReasonBody),
			responses: { 200: { description: 'Draft again, version N+1', schema: AgreementResponse }, ...WRITE }
		},
		async (c, { ctx, params, body }) => c.json(await reopenAgreement(ctx, { agreementId: params.id, note: body.note }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/void',
			summary: 'The brand calls the agreement off (not once signed)',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			body: json(ReasonBody),
			responses: { 200: { description: 'Void', schema: AgreementResponse }, ...WRITE }
		},
		async (c, { ctx, params, body }) => c.json(await voidAgreement(ctx, { agreementId: params.id, reason: body.note }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/audit',
			summary: 'The hash-chained audit trail, re-walked from seq 1 (chainValid, or brokenAt)',
			tags: ['agreements'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: AuditResponse }, ...COMMON }
		},
		async (c, { ctx, params }) => c.json(await getAuditTrail(ctx, { agreementId: params.id }))
	);
}
