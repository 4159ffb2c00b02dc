/**
 * The receipt of a confirmed payout (issue 13, point 5): a PDF in French and Arabic for the
 * agreement's parties only, 409 until confirmed; its hash — the confirmed payout's facts —
 * written on the agreement's audit chain by the confirmation, printed in the PDF and checked
 * by the verify route, which tells a stored payout changed since.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount } from './factories';
import { signedScene } from './deliverables-scene';
import { Client } from './helpers';
import { MARK, adminClient, listPayouts, ok, problem, step } from './payouts-scene';
import { receiptFacts, receiptSha256 } from '../../worker/domain/payout-receipt';

const latin1 = (bytes: ArrayBuffer) => new TextDecoder('latin1').decode(bytes);

describe('payout receipts', () => {
	it('409 until confirmed; then both parties download it in fr and ar, its hash the one the chain recorded; others 404, an admin 403', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await problem(await s.creator.client.call(`/payouts/${first.id}/receipt.pdf?lang=fr`), 409, 'invalid_state');
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		await problem(await s.brand.client.call(`/payouts/${first.id}/receipt.pdf`), 409, 'invalid_state');
		const confirmed = await ok(await step(s.creator.client, first.id, 'confirm'));

		const event = confirmed.history.find((h) => h.action === 'payout_confirmed')!;
		const row = (await env.DB.prepare('SELECT * FROM payouts WHERE id = ?1').bind(first.id).first())! as Parameters<typeof receiptFacts>[0] & { confirmed_at: number };
		const expected = await receiptSha256(receiptFacts(row, row.confirmed_at)!);
		expect(event.data.receiptSha256).toBe(expected);

		const events = await env.DB.prepare('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1').bind(s.agreementId).first<{ n: number }>();
		for (const [client, lang] of [
			[s.creator.client, 'fr'],
			[s.brand.client, 'ar']
		] as const) {
			const res = await client.call(`/payouts/${first.id}/receipt.pdf?lang=${lang}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/pdf');
			expect(res.headers.get('content-disposition')).toContain(`wasla-recu-${first.id.slice(0, 8)}-${lang}.pdf`);
			expect(res.headers.get('x-receipt-sha256')).toBe(expected);
			const bytes = await res.arrayBuffer();
			expect(latin1(bytes.slice(0, 5))).toBe('%PDF-');
			// Deterministic: the same receipt twice is the same bytes.
			const again = await (await client.call(`/payouts/${first.id}/receipt.pdf?lang=${lang}`)).arrayBuffer();
			expect(new Uint8Array(again)).toEqual(new Uint8Array(bytes));
		}
		// A GET changes nothing: no event for downloading a receipt.
		expect(await env.DB.prepare('SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1').bind(s.agreementId).first<{ n: number }>()).toEqual(events);

		await problem(await s.creator.client.call(`/payouts/${first.id}/receipt.pdf?lang=de`), 400, 'invalid_request');
		const other = await brandAccount('Autre Marque');
		await problem(await other.client.call(`/payouts/${first.id}/receipt.pdf`), 404, 'not_found');
		await problem(await (await adminClient()).call(`/payouts/${first.id}/receipt.pdf`), 403, 'forbidden');
		expect((await new Client().call(`/payouts/${first.id}/receipt.pdf`)).status).toBe(401);
	});

	it('verify: valid for the payout it names, with the facts; unknown otherwise; altered when the stored payout changed', async () => {
		const s = await signedScene({ brandName: 'Huilerie Kabyle', creatorName: 'Amel Cuisine' });
		const [first, second] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', { method: 'ccp', reference: 'CCP-7781' }));
		await ok(await step(s.creator.client, first.id, 'confirm'));
		const sha = (await s.creator.client.call(`/payouts/${first.id}/receipt.pdf`)).headers.get('x-receipt-sha256')!;

		const anyone = new Client();
		const verify = async (payoutId: string, hash: string) => {
			const res = await anyone.call(`/payouts/${payoutId}/receipt/verify?sha256=${hash}`);
			expect(res.status, await res.clone().text()).toBe(200);
			return (await res.json()) as { valid: boolean; reason?: string; receipt?: Record<string, unknown> };
		};
		expect(await verify(first.id, sha)).toEqual({
			valid: true,
			receipt: expect.objectContaining({
				payoutId: first.id,
				agreementId: s.agreementId,
				amountDzd: 12_500,
				method: 'ccp',
				reference: 'CCP-7781',
				brandName: 'Huilerie Kabyle',
				creatorName: 'Amel Cuisine',
				sha256: sha
			})
		});
		expect(await verify(first.id, 'a'.repeat(64))).toEqual({ valid: false, reason: 'unknown' });
		expect(await verify(second.id, sha)).toEqual({ valid: false, reason: 'unknown' });
		await problem(await anyone.call(`/payouts/${first.id}/receipt/verify?sha256=XYZ`), 400, 'invalid_request');

		// Someone rewrites the amount in the database: the receipt no longer verifies.
		await env.DB.prepare('UPDATE payouts SET amount_dzd = 1250 WHERE id = ?1').bind(first.id).run();
		expect(await verify(first.id, sha)).toEqual({ valid: false, reason: 'altered' });
	});

	it('an admin deciding “paid” records the receipt hash too', async () => {
		const s = await signedScene();
		const [first] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', MARK));
		await ok(await step(s.creator.client, first.id, 'dispute', { reason: 'Rien reçu.' }));
		const decided = await ok(await step(await adminClient(), first.id, 'resolve', { outcome: 'paid', note: 'Relevé vérifié.' }));
		const hash = decided.history.find((h) => h.action === 'payout_resolved')!.data.receiptSha256 as string;
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await s.brand.client.call(`/payouts/${first.id}/receipt.pdf?lang=ar`)).headers.get('x-receipt-sha256')).toBe(hash);
	});
});
