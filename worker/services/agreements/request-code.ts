/** One-time signing codes: a fresh 6-digit code to the caller's email, its salted hash stored, 5 per hour. */
import type { CallerContext } from '../../context';
import { iso } from '../../domain/dates';
import { LIMITS } from '../../domain/rate-limit-rules';
import { SIGNING_CODE, codeId, generateSigningCode, hashSigningCode } from '../../domain/signing';
import { signingCodeEmail } from '../agreement-emails';
import { queueEmailStatement } from '../outbox';
import { consume, refund } from '../rate-limit';
import { chainEvents, eventStatement, retryAppend } from './history';
import { type LoadedAgreement, actorOf, guard, load, signaturesOf, signedPartiesOf } from './load';

/** "n***@example.dz": enough for the signer to recognise their address. */
function maskEmail(email: string): string {
	const [local, domain] = email.split('@');
	return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

/**
 * POST /agreements/:id/sign/code: a fresh 6-digit code to the caller's email. Only its
 * salted SHA-256 is stored; a new code replaces the previous ones (only the latest can be
 * used). At most 5 per agreement and user per hour (429 with Retry-After).
 */
export async function requestSigningCode(ctx: CallerContext, input: { agreementId: string }) {
	const { db, user } = ctx;
	const { agreementId } = input;
	const first = await load(ctx, agreementId);
	guard(first, 'request_code', signedPartiesOf(await signaturesOf(db, agreementId), first.row.version));
	// Counted only for a party allowed to sign now; refused requests above cost nothing, and
	// one that fails below gives its slot back.
	const quotaKey = `${agreementId}:${user.id}`;
	await consume(ctx, LIMITS.signingCode, quotaKey);
	try {
		return await sendSigningCode(ctx, agreementId, first);
	} catch (err) {
		await refund(ctx, LIMITS.signingCode, quotaKey);
		throw err;
	}
}

/** Writes a new code, its 'code_sent' event and the email; re-run from fresh rows when a concurrent writer took the seq. */
async function sendSigningCode(ctx: CallerContext, agreementId: string, first: LoadedAgreement) {
	const { db, now, user } = ctx;
	let runs = 0;
	return retryAppend(async () => {
		let loaded = first;
		if (runs++ > 0) {
			loaded = await load(ctx, agreementId);
			guard(loaded, 'request_code', signedPartiesOf(await signaturesOf(db, agreementId), loaded.row.version));
		}
		const { row } = loaded;
		const code = generateSigningCode();
		const id = codeId();
		const expiresAt = now + SIGNING_CODE.ttlMs;
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'code_sent', data: { version: row.version, codeId: id, expiresAt: iso(expiresAt) } }]);
		await db.batch([
			eventStatement(db, event),
			db
				.prepare('INSERT INTO signing_codes (id, agreement_id, user_id, party, version, code_hash, attempts, expires_at, used_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, NULL, ?8)')
				.bind(id, agreementId, user.id, loaded.party, row.version, await hashSigningCode(id, code), expiresAt, now),
			queueEmailStatement(db, signingCodeEmail(user.locale, { to: user.email, code, campaign: row.campaign_title ?? '', version: row.version, minutes: SIGNING_CODE.ttlMs / 60000 }), now)
		]);
		return { sentTo: maskEmail(user.email), expiresAt: iso(expiresAt), version: row.version, attempts: SIGNING_CODE.maxAttempts };
	});
}
