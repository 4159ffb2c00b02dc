/** New versions of the terms while the agreement is a draft: the brand edits (PATCH), the creator proposes. */
import * as v from 'valibot';
import { documentSha256, sameTerms } from '../../../contracts/hash';
import type { CallerContext } from '../../context';
import type { Locale } from '../../env';
import { AppError } from '../../errors';
import { fieldErrors } from '../../problem';
import { type AgreementTerms, agreementTermsSchema, readStoredTerms, validateTermsRules } from '../../domain/agreement-terms';
import { chainEvents, eventStatement, retryOnce, versionStatement } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';
import { assertCodesFree } from '../attribution/codes';

/** Terms sent by a client, validated against the schema and the cross-field rules; else 400 with `terms.`-prefixed field errors. */
function parseNewTerms(input: unknown, current: AgreementTerms | null, locale: Locale): AgreementTerms {
	const parsed = v.safeParse(agreementTermsSchema, input);
	if (!parsed.success) {
		throw new AppError('invalid_request', { errors: fieldErrors(parsed.issues, locale).map((e) => ({ ...e, path: e.path ? `terms.${e.path}` : 'terms' })) });
	}
	const problems = validateTermsRules(parsed.output, { current: current ?? undefined });
	if (problems.length) throw new AppError('invalid_request', { fieldKeys: problems.map((p) => ({ path: `terms.${p.path}`, key: p.key })) });
	return parsed.output;
}

/**
 * A new version of the terms, authored by the brand (`edit`) or the creator (`propose`),
 * while the agreement is a draft. The version row, the agreement's current terms and the
 * 'edited'/'proposed' event go in one batch. Identical terms are refused (no empty versions).
 */
async function newVersion(ctx: CallerContext, input: NewTerms, action: 'edit' | 'propose') {
	const { db, now, locale, user } = ctx;
	const { agreementId } = input;
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		guard(loaded, action);
		const current = readStoredTerms(loaded.row.terms);
		const terms = parseNewTerms(input.terms, current, locale);
		// A promo code or keyword another agreement of the brand holds (or held) is a clear 409 now, not at signing.
		await assertCodesFree(db, { brandId: loaded.row.brand_id, agreementId, terms, prefix: 'terms.' });
		if (current && sameTerms(current, terms)) {
			throw new AppError('invalid_request', { fieldKeys: [{ path: 'terms', key: 'agreement_terms_unchanged' }] });
		}
		const version = loaded.row.version + 1;
		const hash = await documentSha256(agreementId, version, terms);
		const note = input.note ?? '';
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: action === 'edit' ? 'edited' : 'proposed', data: { version, documentSha256: hash, note } }]);
		const stored = JSON.stringify(terms);
		await db.batch([
			eventStatement(db, event),
			versionStatement(db, { agreementId, version, terms: stored, documentSha256: hash, author: { userId: user.id, party: loaded.party }, note, frozenAt: null, createdAt: now }),
			updateAgreement(db, loaded, 'version = $1, terms = $2, document_sha256 = $3, updated_at = $4', [version, stored, hash, now])
		]);
		return fresh(ctx, loaded);
	});
}

/** The whole terms object a client sends (validated here), with the author's note. */
interface NewTerms {
	agreementId: string;
	terms: unknown;
	note?: string;
}

/** PATCH /agreements/:id: the brand edits a draft (a new version). */
export const editTerms = (ctx: CallerContext, input: NewTerms) => newVersion(ctx, input, 'edit');

/** POST /agreements/:id/proposals: the creator proposes changed terms (a new version the brand can edit further or send). */
export const proposeTerms = (ctx: CallerContext, input: NewTerms & { note: string }) => newVersion(ctx, input, 'propose');
