/** Calling an agreement off: by its brand, or by the system when the creator erased their account. */
import type { Locale, SessionUser } from '../../env';
import { chainEvents, eventStatement, readHead, retryAppend, retryOnce } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';

/** The brand calls the agreement off (draft or awaiting signatures; never once signed). */
export async function voidAgreement(d1: D1Database, user: SessionUser, agreementId: string, reason: string, now: number, locale: Locale) {
	return retryOnce(async () => {
		const loaded = await load(d1, user, agreementId);
		guard(loaded, 'void');
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'voided', data: { version: loaded.row.version, reason } }]);
		await d1.batch([eventStatement(d1, event), updateAgreement(d1, loaded, "status = 'void', voided_at = $1, updated_at = $1", [now])]);
		return fresh(d1, loaded, locale);
	});
}

/**
 * A creator erased their account (Law 18-07): every agreement with them that was never
 * signed by both parties can no longer be concluded, so it is called off by the system
 * (a 'voided' event with reason `account_erased`, chained like any other). Signed
 * agreements are contracts and stay as they are. Returns how many were voided.
 */
export async function voidUnsignedAgreementsOfCreator(d1: D1Database, creatorId: string, now: number): Promise<number> {
	const { results } = await d1.prepare("SELECT id FROM agreements WHERE creator_id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(creatorId).all<{ id: string }>();
	let voided = 0;
	for (const { id } of results) {
		const changed = await retryAppend(async () => {
			const row = await d1.prepare("SELECT version FROM agreements WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id).first<{ version: number }>();
			if (!row) return false;
			const [event] = await chainEvents(await readHead(d1, id), id, { party: 'system', userId: null }, now, [{ action: 'voided', data: { version: row.version, reason: 'account_erased' } }]);
			await d1.batch([
				eventStatement(d1, event),
				d1.prepare("UPDATE agreements SET status = 'void', voided_at = ?2, updated_at = ?2 WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id, now)
			]);
			return true;
		});
		if (changed) voided++;
	}
	return voided;
}
