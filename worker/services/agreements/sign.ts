/** Signing with the typed name, the consent and the emailed code; the second signature completes the agreement. */
import type { signingCodes } from '../../../db/schema';
import type { SqlPick } from '../../../db/schema/sql-row';
import type { CallerContext } from '../../context';
import type { Locale } from '../../env';
import { AppError } from '../../errors';
import { t } from '../../i18n';
import { SIGNING_CODE, cleanUserAgent, codeState, consentSha256, consentText, hashSigningCode, isComplete, normaliseCode, sameHash } from '../../domain/signing';
import { agreementCompletedEmail, agreementSignedEmail } from '../agreement-emails';
import { queueEmailStatement } from '../outbox';
import { notifyBrandStatement, notifyUserStatement } from '../notifications';
import { agreementNotice } from './notices';
import { chainEvents, eventStatement, retryOnce } from './history';
import { actorOf, guard, load, signaturesOf, signedPartiesOf, updateAgreement } from './load';
import { fresh } from './view';
import { readStoredTerms } from '../../domain/agreement-terms';
import { planStatements } from '../deliverables/plan';
import { activationStatements, assertCodesFree } from '../attribution/codes';
import { planPayoutStatements } from '../payouts/plan';

export interface SignInput {
	agreementId: string;
	fullName: string;
	code: string;
	/** Language of the consent text the signer was shown; the request's language by default. */
	lang?: Locale;
}

function codeError(
	locale: Locale,
	key: 'agreement_code_missing' | 'agreement_code_used' | 'agreement_code_expired' | 'agreement_code_exhausted' | 'agreement_code_stale' | 'agreement_code_wrong',
	params: Record<string, number> = {}
): never {
	throw new AppError('invalid_request', { detailKey: 'detail_agreement_code', errors: [{ path: 'code', message: t(locale, key, params) }] });
}

/**
 * POST /agreements/:id/sign. The code is checked against the caller's latest code (10
 * minutes, one use, 5 tries — each try is counted atomically before comparing). The code's
 * use, the signature with its evidence and the 'signed' event go in one batch; when this
 * is the second party, the same batch marks the agreement signed, adds 'completed', creates
 * the deliverables of the terms (with their 'deliverables_planned' event), the payouts of the
 * payment schedule ('payouts_planned'; those on signature due, with their obligation), puts the promo
 * code, WhatsApp keyword and tracked link live (409 first if another agreement of the brand
 * holds one of the codes) and emails both. Two concurrent requests by one signer make one signature: the loser's batch
 * fails on the chain's next seq (or the signature's unique index), is rolled back whole,
 * and its re-run answers 409 `already_signed`. The evidence is the request's client: its IP
 * and user agent (at most 512 characters), empty when unknown.
 */
export async function signAgreement(ctx: CallerContext, input: SignInput) {
	const { db, now, locale, origin, user } = ctx;
	const { agreementId } = input;
	const evidence = { ip: ctx.ip ?? '', userAgent: cleanUserAgent(ctx.userAgent) };
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		const { row } = loaded;
		const signatures = await signaturesOf(db, agreementId);
		const signed = signedPartiesOf(signatures, row.version);
		guard(loaded, 'sign', signed);

		const code = await db
			.prepare('SELECT id, code_hash, attempts, expires_at, used_at, version FROM signing_codes WHERE agreement_id = ?1 AND user_id = ?2 ORDER BY created_at DESC, rowid DESC LIMIT 1')
			.bind(agreementId, user.id)
			.first<SqlPick<typeof signingCodes, 'id' | 'code_hash' | 'attempts' | 'expires_at' | 'used_at' | 'version'>>();
		if (!code) codeError(locale, 'agreement_code_missing');
		const state = codeState({ attempts: code.attempts, expiresAt: code.expires_at, usedAt: code.used_at, version: code.version }, now, row.version);
		if (state !== 'usable') codeError(locale, `agreement_code_${state}`);
		// Count the try before comparing, atomically, so parallel guesses cannot exceed 5.
		const tried = await db
			.prepare('UPDATE signing_codes SET attempts = attempts + 1 WHERE id = ?1 AND used_at IS NULL AND attempts < ?2 AND expires_at > ?3 RETURNING attempts')
			.bind(code.id, SIGNING_CODE.maxAttempts, now)
			.first<{ attempts: number }>();
		if (!tried) codeError(locale, 'agreement_code_exhausted');
		const typed = normaliseCode(input.code);
		if (!typed || !sameHash(await hashSigningCode(code.id, typed), code.code_hash)) {
			const left = SIGNING_CODE.maxAttempts - tried.attempts;
			codeError(locale, left > 0 ? 'agreement_code_wrong' : 'agreement_code_exhausted', { remaining: left });
		}

		const documentSha256 = row.document_sha256 ?? '';
		const consentLang = input.lang ?? locale;
		const consent = await consentSha256(consentText(consentLang, { version: row.version, documentSha256 }));
		const signatureId = crypto.randomUUID();
		const completes = isComplete([...signed, loaded.party]);
		// The second signature makes the terms a project: one deliverable per format × count, due dates from the terms.
		const terms = completes ? readStoredTerms(row.terms) : null;
		// The codes go live with the signature: another agreement of the brand holding one of the keys is a 409 before anything is written.
		if (terms) await assertCodesFree(db, { brandId: row.brand_id, agreementId, terms });
		const target = { agreementId, brandId: row.brand_id, creatorId: row.creator_id, campaignId: row.campaign_id, version: row.version };
		const plan = terms ? planStatements(db, target, terms, now) : null;
		// The payment schedule becomes payouts: those on signature due now, with their obligation in the ledger (issue 13).
		const payouts = terms ? planPayoutStatements(db, target, terms, now) : null;
		const events = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [
			{
				action: 'signed',
				data: { version: row.version, party: loaded.party, signatureId, fullName: input.fullName, documentSha256, consentSha256: consent, consentLang, ip: evidence.ip, userAgent: evidence.userAgent }
			},
			...(completes ? [{ action: 'completed' as const, data: { version: row.version, documentSha256 } }] : []),
			...(plan ? [plan.event] : []),
			...(payouts ? [payouts.event] : [])
		]);
		const statements = [
			...events.map((e) => eventStatement(db, e)),
			db.prepare('UPDATE signing_codes SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL').bind(code.id, now),
			db
				.prepare(
					`INSERT INTO agreement_signatures (id, agreement_id, version, party, user_id, full_name, signed_at, ip, user_agent, document_sha256, consent_sha256)
					 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`
				)
				.bind(signatureId, agreementId, row.version, loaded.party, user.id, input.fullName, now, evidence.ip, evidence.userAgent, documentSha256, consent),
			completes ? updateAgreement(db, loaded, "status = 'signed', completed_at = $1, updated_at = $1", [now]) : updateAgreement(db, loaded, 'updated_at = $1', [now]),
			...(plan?.statements ?? []),
			...(payouts?.statements ?? []),
			...(terms ? activationStatements(db, { agreementId, brandId: row.brand_id, campaignId: row.campaign_id, creatorId: row.creator_id }, terms, now) : [])
		];
		if (completes) {
			const link = `${origin}/agreements/${agreementId}`;
			for (const [to, lang] of [
				[row.owner_email, row.owner_locale],
				[row.creator_email, row.creator_locale]
			] as const) {
				statements.push(
					queueEmailStatement(db, agreementCompletedEmail(lang, { to, brand: row.brand_name, creator: row.creator_name, campaign: row.campaign_title ?? '', version: row.version, link }), now)
				);
			}
			// Both sides' inboxes: the creator and every member of the brand.
			statements.push(
				notifyUserStatement(db, row.creator_user_id, 'agreement_completed', agreementNotice(row), now),
				notifyBrandStatement(db, row.brand_id, 'agreement_completed', agreementNotice(row), now)
			);
		} else {
			// The other party learns it is their turn.
			const [to, lang, signer] = loaded.party === 'brand' ? ([row.creator_email, row.creator_locale, row.brand_name] as const) : ([row.owner_email, row.owner_locale, row.creator_name] as const);
			const link = `${origin}/agreements/${agreementId}/sign`;
			statements.push(queueEmailStatement(db, agreementSignedEmail(lang, { to, signer, campaign: row.campaign_title ?? '', version: row.version, link }), now));
			const notice = { ...agreementNotice(row), signer: loaded.party };
			statements.push(
				loaded.party === 'brand' ? notifyUserStatement(db, row.creator_user_id, 'agreement_signed', notice, now) : notifyBrandStatement(db, row.brand_id, 'agreement_signed', notice, now)
			);
		}
		await db.batch(statements);
		return fresh(ctx, loaded);
	});
}
