/** Reopening a sent agreement: back to draft as a new version, so signatures already made stop counting. */
import { documentSha256 } from '../../../contracts/hash';
import type { CallerContext } from '../../context';
import { AppError } from '../../errors';
import { readStoredTerms } from '../../domain/agreement-terms';
import { chainEvents, eventStatement, retryOnce, versionStatement } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';

/**
 * Either party takes a sent agreement back to draft to change its terms. A new editable
 * version (same terms, new number, new hash) becomes current, so any signature already made
 * on the sent version stops counting: both parties sign again after the next send.
 */
export async function reopenAgreement(ctx: CallerContext, input: { agreementId: string; note: string }) {
	const { db, now, user } = ctx;
	const { agreementId, note } = input;
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		guard(loaded, 'reopen');
		const { row } = loaded;
		const terms = readStoredTerms(row.terms);
		if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
		const version = row.version + 1;
		const hash = await documentSha256(agreementId, version, terms);
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'reopened', data: { fromVersion: row.version, version, documentSha256: hash, note } }]);
		await db.batch([
			eventStatement(db, event),
			versionStatement(db, { agreementId, version, terms: row.terms, documentSha256: hash, author: { userId: user.id, party: loaded.party }, note, frozenAt: null, createdAt: now }),
			updateAgreement(db, loaded, "status = 'draft', version = $1, document_sha256 = $2, sent_at = NULL, updated_at = $3", [version, hash, now])
		]);
		return fresh(ctx, loaded);
	});
}
