/** The creator fills their own legal identity on a draft agreement (issue 14, point 4). */
import { sameTerms } from '../../../contracts/hash';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { readStoredTerms } from '../../domain/agreement-terms';
import { CREATOR_DETAILS_NOTE, type CreatorLegalDetails, withCreatorDetails } from '../../domain/agreement-details';
import { saveLegalDetailsStatement } from '../creator-legal-details';
import { proposeTerms } from './edit-terms';
import { load } from './load';
import { fresh } from './view';

/**
 * PUT /agreements/:id/creator-details: the creator's legal name (and RC, NIF, card) become
 * a new version of the draft, proposed by the creator, like any other change of the terms
 * (audit event, diff, new document hash). 404 for anyone but the agreement's creator,
 * 409 once it is no longer a draft; the same details again change nothing (200). With
 * `remember`, the creator's profile keeps them for the next draft.
 */
export async function fillCreatorDetails(ctx: CallerContext, input: { agreementId: string; details: CreatorLegalDetails; remember: boolean }) {
	const loaded = await load(ctx, input.agreementId);
	if (loaded.party !== 'creator') throw new AppError('not_found');
	if (loaded.row.status !== 'draft') throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
	const current = readStoredTerms(loaded.row.terms);
	if (!current) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
	const terms = withCreatorDetails(current, input.details);
	const result = sameTerms(current, terms) ? await fresh(ctx, loaded) : await proposeTerms(ctx, { agreementId: input.agreementId, terms, note: CREATOR_DETAILS_NOTE[ctx.locale] });
	if (input.remember) await saveLegalDetailsStatement(ctx.db, loaded.row.creator_id, input.details, ctx.now).run();
	return result;
}
