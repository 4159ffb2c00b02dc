/**
 * Recovery (issue 15, point 7): an export of the database, in the shape `wrangler d1 export`
 * writes (taken by the very code `wrangler d1 export --local` runs, miniflare's), restored into
 * a fresh, empty D1 (RESTORE_DB, vitest.config.ts) holds the same rows, every audit chain
 * verifies and every ledger transaction sums to zero.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase, restoreSqlDump } from '../../worker/services/backup';
import { signedScene } from './deliverables-scene';
import { MARK, ledgerOf, listPayouts, ok, step } from './payouts-scene';

/** The export of a database as `wrangler d1 export --local --output file.sql` writes it: schema, rows, then indexes and triggers. */
async function exportSql(db: D1Database): Promise<string> {
	const [statements] = await db.prepare('PRAGMA miniflare_d1_export(?,?,?);').bind(0, 0).raw<string[]>();
	return (statements as unknown as string[]).join('\n');
}

let dump = '';
let agreementId = '';

beforeAll(async () => {
	// A signed agreement with its audit trail, a payout paid and confirmed (ledger), messages with
	// quotes, line breaks and Arabic, creators with niches (rows a trigger writes), consents.
	const s = await signedScene({ brandName: 'Maison L’Olivier', creatorName: 'Nour Beauty' });
	agreementId = s.agreementId;
	const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
	await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
	await ok(await step(s.creator.client, first.id, 'confirm'));
	expect((await ledgerOf(s.brand.client, s.agreementId)).transactions.length).toBeGreaterThanOrEqual(3);
	const message = await s.creator.client.call(`/applications/${s.applicationId}/messages`, { json: { body: "C'est noté ; livraison à Blida\nسطر ثانٍ — merci !\r\nFin" } });
	expect(message.status).toBe(201);
	dump = await exportSql(env.DB);
	await restoreSqlDump(env.RESTORE_DB, dump);
});

describe('restoring an export into a fresh D1', () => {
	it('gives back every table with the same number of rows, and the same migrations', async () => {
		const original = await checkDatabase(env.DB);
		const restored = await checkDatabase(env.RESTORE_DB);
		expect(restored.counts).toEqual(original.counts);
		for (const table of ['users', 'user_consents', 'agreements', 'agreement_events', 'ledger_transactions', 'ledger_entries', 'application_messages', 'creator_niches', 'wilayas']) {
			expect(restored.counts[table], table).toBeGreaterThan(0);
		}
		expect(restored.migrations).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
	});

	it('every audit chain verifies and every ledger transaction sums to zero', async () => {
		const restored = await checkDatabase(env.RESTORE_DB);
		expect(restored.chains.length).toBeGreaterThan(0);
		expect(restored.chains.filter((c) => !c.valid)).toEqual([]);
		expect(restored.chains.find((c) => c.agreementId === agreementId)!.events).toBeGreaterThanOrEqual(8);
		expect(restored.unbalanced).toEqual([]);
		const sums = (await env.RESTORE_DB.prepare('SELECT transaction_id, sum(amount_dzd) AS total FROM ledger_entries GROUP BY transaction_id').all<{ total: number }>()).results;
		expect(sums.length).toBe((await checkDatabase(env.DB)).counts.ledger_transactions);
		expect(sums.every((s) => s.total === 0)).toBe(true);
	});

	it('holds the same rows and schema: its own export is byte for byte the original one', async () => {
		expect(await exportSql(env.RESTORE_DB)).toBe(dump);
		const body = await env.RESTORE_DB.prepare('SELECT body FROM application_messages WHERE body LIKE ?1').bind('C%').first<{ body: string }>();
		expect(body?.body).toBe("C'est noté ; livraison à Blida\nسطر ثانٍ — merci !\r\nFin");
	});

	it('keeps the triggers: the restored ledger stays append-only', async () => {
		const tx = await env.RESTORE_DB.prepare('SELECT id FROM ledger_transactions LIMIT 1').first<{ id: string }>();
		await expect(env.RESTORE_DB.prepare('DELETE FROM ledger_entries WHERE transaction_id = ?1').bind(tx!.id).run()).rejects.toThrow(/append-only/);
	});

	it('the check sees a tampered audit event', async () => {
		const before = (await checkDatabase(env.RESTORE_DB)).chains.find((c) => c.agreementId === agreementId)!;
		expect(before.valid).toBe(true);
		await env.RESTORE_DB.prepare('UPDATE agreement_events SET at = at + 1 WHERE agreement_id = ?1 AND seq = 2').bind(agreementId).run();
		const after = (await checkDatabase(env.RESTORE_DB)).chains.find((c) => c.agreementId === agreementId)!;
		expect(after).toMatchObject({ valid: false, brokenAt: 2 });
		await env.RESTORE_DB.prepare('UPDATE agreement_events SET at = at - 1 WHERE agreement_id = ?1 AND seq = 2').bind(agreementId).run();
	});

	it('a restore into a database that is not empty fails as a whole and changes nothing', async () => {
		const before = await checkDatabase(env.RESTORE_DB);
		await expect(restoreSqlDump(env.RESTORE_DB, dump)).rejects.toThrow();
		expect((await checkDatabase(env.RESTORE_DB)).counts).toEqual(before.counts);
	});
});
