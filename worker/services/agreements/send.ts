/** Sending for signature: the current version is frozen and both parties are emailed. */
import type { CallerContext } from '../../context';
import type { Locale } from '../../env';
import { AppError } from '../../errors';
import { readStoredTerms, validateTermsRules } from '../../domain/agreement-terms';
import { agreementSentEmail } from '../agreement-emails';
import { queueEmailStatement } from '../outbox';
import { notifyUserStatement } from '../notifications';
import { agreementNotice } from './notices';
import { assertCodesFree } from '../attribution/codes';
import { chainEvents, eventStatement, retryOnce } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';

/**
 * The brand sends the current version for signature: it is frozen, the agreement awaits
 * signatures, both parties get an email in their language. The terms must name the
 * signatories and the publication window first (400 listing what is missing).
 */
export async function sendAgreement(ctx: CallerContext, input: { agreementId: string }) {
	const { db, now, origin } = ctx;
	const { agreementId } = input;
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		guard(loaded, 'send');
		const terms = readStoredTerms(loaded.row.terms);
		if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
		const missing = validateTermsRules(terms, { forSending: true });
		if (missing.length) throw new AppError('invalid_request', { detailKey: 'detail_agreement_incomplete', fieldKeys: missing.map((p) => ({ path: `terms.${p.path}`, key: p.key })) });
		const { row } = loaded;
		await assertCodesFree(db, { brandId: row.brand_id, agreementId, terms, prefix: 'terms.' });
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'sent', data: { version: row.version, documentSha256: row.document_sha256 } }]);
		const link = `${origin}/agreements/${agreementId}`;
		const mail = (to: string, lang: Locale) =>
			queueEmailStatement(db, agreementSentEmail(lang, { to, brand: row.brand_name, creator: row.creator_name, campaign: row.campaign_title ?? '', version: row.version, link }), now);
		await db.batch([
			eventStatement(db, event),
			db.prepare('UPDATE agreement_versions SET frozen_at = ?3 WHERE agreement_id = ?1 AND version = ?2').bind(agreementId, row.version, now),
			updateAgreement(db, loaded, "status = 'awaiting_signatures', sent_at = $1, updated_at = $1", [now]),
			mail(row.owner_email, row.owner_locale),
			mail(row.creator_email, row.creator_locale),
			// The creator's inbox too: the email may sit unread, the app is where they work.
			notifyUserStatement(db, row.creator_user_id, 'agreement_sent', agreementNotice(row), now)
		]);
		return fresh(ctx, loaded);
	});
}
