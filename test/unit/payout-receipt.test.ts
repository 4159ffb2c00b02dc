/** The receipt's facts and hash (issue 13, point 5): a stored format on the audit chain, so its bytes are pinned here. */
import { describe, expect, it } from 'vitest';
import { documentCanonicalJson } from '../../contracts/hash';
import { sha256Hex } from '../../worker/domain/encoding';
import { buildReceiptDocument, receiptFacts, receiptSha256 } from '../../worker/domain/payout-receipt';

const ROW = {
	id: 'p-1',
	agreement_id: 'g-1',
	brand_id: 'b-1',
	creator_id: 'c-1',
	seq: 2,
	milestone: 'approval',
	amount_dzd: 12_500,
	method: 'ccp',
	reference: 'CCP-42',
	paid_at: Date.UTC(2027, 0, 14, 9, 30)
};
const CONFIRMED = Date.UTC(2027, 0, 15, 18);

describe('receipt facts and hash', () => {
	it('the facts of a confirmed payout; none without a payment', () => {
		expect(receiptFacts(ROW, CONFIRMED)).toEqual({
			payoutId: 'p-1',
			agreementId: 'g-1',
			brandId: 'b-1',
			creatorId: 'c-1',
			seq: 2,
			milestone: 'approval',
			amountDzd: 12_500,
			method: 'ccp',
			reference: 'CCP-42',
			paidAt: '2027-01-14T09:30:00.000Z',
			confirmedAt: '2027-01-15T18:00:00.000Z'
		});
		expect(receiptFacts({ ...ROW, paid_at: null }, CONFIRMED)).toBeNull();
		expect(receiptFacts({ ...ROW, reference: null }, CONFIRMED)).toBeNull();
	});

	it('the SHA-256 of the canonical JSON with `receipt: 1`; any fact changes it, the language never does', async () => {
		const facts = receiptFacts(ROW, CONFIRMED)!;
		expect(documentCanonicalJson({ receipt: 1, ...facts })).toBe(
			'{"agreementId":"g-1","amountDzd":12500,"brandId":"b-1","confirmedAt":"2027-01-15T18:00:00.000Z","creatorId":"c-1","method":"ccp","milestone":"approval","paidAt":"2027-01-14T09:30:00.000Z","payoutId":"p-1","receipt":1,"reference":"CCP-42","seq":2}'
		);
		const sha = await receiptSha256(facts);
		expect(sha).toBe(await sha256Hex(documentCanonicalJson({ receipt: 1, ...facts })));
		expect(await receiptSha256({ ...facts, amountDzd: 12_501 })).not.toBe(sha);
		expect(await receiptSha256({ ...facts, reference: 'CCP-43' })).not.toBe(sha);
		const input = { sha256: sha, brandName: 'B', creatorName: 'C', campaignTitle: 'T', verifyUrl: 'https://wasla.dz/v' };
		for (const lang of ['fr', 'ar', 'en'] as const) expect(buildReceiptDocument(facts, { ...input, lang }).footer.lines[0]).toContain(sha);
		expect(buildReceiptDocument(facts, { ...input, lang: 'fr' }).footer.lines[0]).toBe(`Empreinte SHA-256 du reçu\u00a0: ${sha}`);
	});
});
