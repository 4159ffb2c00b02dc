/** Sending for signature: the current version is frozen and both parties are emailed. */
import type { CallerContext } from '../../context';
import type { Locale } from '../../env';
import { AppError } from '../../errors';
import { readStoredTerms, validateTermsRules } from '../../domain/agreement-terms';
import { missingForSending, missingMessage } from '../../domain/agreement-details';
import { agreementSentEmail } from '../agreement-emails';
import { agreementDetailsNeededEmail } from '../agreement-details-emails';
import { queueEmailStatement } from '../outbox';
import { notifyUserStatement } from '../notifications';
import { agreementNotice } from './notices';
import { assertCodesFree } from '../attribution/codes';
import { chainEvents, eventStatement, retryOnce } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';
import type { AgreementRow } from './rows';

/** The creator is asked for their details at most once a day per agreement, however often the brand tries to send. */
const DETAILS_NOTICE_EVERY_MS = 24 * 3_600_000;

/**
 * The creator's in-app notice and email asking for their legal details, unless they got
 * one for this agreement in the last day (the condition reads the notifications table, so
 * the email goes first in the batch).
 */
function askCreatorForDetails(db: D1Database, row: AgreementRow, origin: string, now: number): D1PreparedStatement[] {
	const once = {
		sql: "NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = ?6 AND n.kind = 'agreement_details_needed' AND json_extract(n.payload, '$.agreementId') = ?7 AND n.created_at > ?8)",
		params: [row.creator_user_id, row.id, now - DETAILS_NOTICE_EVERY_MS]
	};
	const link = `${origin}/agreements/${row.id}#creator-details`;
	return [
		queueEmailStatement(db, agreementDetailsNeededEmail(row.creator_locale, { to: row.creator_email, brand: row.brand_name, campaign: row.campaign_title ?? '', link }), now, once),
		notifyUserStatement(db, row.creator_user_id, 'agreement_details_needed', agreementNotice(row), now, once)
	];
}

/**
 * The brand sends the current version for signature: it is frozen, the agreement awaits
 * signatures, both parties get an email in their language. The terms must name the
 * signatories and the publication window first: else 422 `agreement_incomplete` naming each
 * empty field and who must fill it, nothing changed — except that when the creator's
 * details are missing, the creator is asked for them (in the app and by email, once a day).
 */
export async function sendAgreement(ctx: CallerContext, input: { agreementId: string }) {
	const { db, now, origin } = ctx;
	const { agreementId } = input;
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		guard(loaded, 'send');
		const terms = readStoredTerms(loaded.row.terms);
		if (!terms) throw new AppError('invalid_state', { detailKey: 'detail_agreement_state' });
		const { row } = loaded;
		const missing = missingForSending(terms, ctx.locale);
		if (missing.length) {
			if (missing.some((m) => m.party === 'creator')) await db.batch(askCreatorForDetails(db, row, origin, now));
			throw new AppError('agreement_incomplete', { errors: missing.map((m) => ({ path: `terms.${m.field}`, message: missingMessage(m, ctx.locale) })) });
		}
		const problems = validateTermsRules(terms, { forSending: true });
		if (problems.length) throw new AppError('invalid_request', { detailKey: 'detail_agreement_incomplete', fieldKeys: problems.map((p) => ({ path: `terms.${p.path}`, key: p.key })) });
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
