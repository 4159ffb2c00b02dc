/** Calling an agreement off: by its brand, or by the system when the creator erased their account. */
import type { CallerContext, ServiceContext } from '../../context';
import { chainEvents, eventStatement, readHead, retryAppend, retryOnce } from './history';
import { actorOf, guard, load, updateAgreement } from './load';
import { fresh } from './view';

/** The brand calls the agreement off (draft or awaiting signatures; never once signed). */
export async function voidAgreement(ctx: CallerContext, input: { agreementId: string; reason: string }) {
	const { db, now } = ctx;
	const { agreementId, reason } = input;
	return retryOnce(async () => {
		const loaded = await load(ctx, agreementId);
		guard(loaded, 'void');
		const [event] = await chainEvents(loaded.head, agreementId, actorOf(loaded), now, [{ action: 'voided', data: { version: loaded.row.version, reason } }]);
		await db.batch([eventStatement(db, event), updateAgreement(db, loaded, "status = 'void', voided_at = $1, updated_at = $1", [now])]);
		return fresh(ctx, loaded);
	});
}

/**
 * A creator erased their account (Law 18-07): every agreement with them that was never
 * signed by both parties can no longer be concluded, so it is called off by the system
 * (a 'voided' event with reason `account_erased`, chained like any other). Signed
 * agreements are contracts and stay as they are. Returns how many were voided.
 */
export async function voidUnsignedAgreementsOfCreator(ctx: ServiceContext, input: { creatorId: string }): Promise<number> {
	const { db, now } = ctx;
	const { creatorId } = input;
	const { results } = await db.prepare("SELECT id FROM agreements WHERE creator_id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(creatorId).all<{ id: string }>();
	let voided = 0;
	for (const { id } of results) {
		const changed = await retryAppend(async () => {
			const row = await db.prepare("SELECT version FROM agreements WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id).first<{ version: number }>();
			if (!row) return false;
			const [event] = await chainEvents(await readHead(db, id), id, { party: 'system', userId: null }, now, [{ action: 'voided', data: { version: row.version, reason: 'account_erased' } }]);
			await db.batch([
				eventStatement(db, event),
				db.prepare("UPDATE agreements SET status = 'void', voided_at = ?2, updated_at = ?2 WHERE id = ?1 AND status IN ('draft', 'awaiting_signatures')").bind(id, now)
			]);
			return true;
		});
		if (changed) voided++;
	}
	return voided;
}
