/**
 * Agreement events reach the in-app inbox (issue 14, point 8), not only email: sent (the
 * creator), signed by one party (the other side), signed by both (both sides).
 */
import { describe, expect, it } from 'vitest';
import { agreementScene, requestCode, sendReady, sign } from './agreements-scene';
import type { Client } from './helpers';

interface Inbox {
	notifications: { kind: string; category: string | null; payload: Record<string, unknown>; readAt: string | null }[];
	unreadByCategory: Record<string, number>;
}

async function inbox(client: Client): Promise<Inbox> {
	const res = await client.call('/notifications');
	expect(res.status).toBe(200);
	return (await res.json()) as Inbox;
}

const kinds = async (client: Client) => (await inbox(client)).notifications.map((n) => n.kind).filter((k) => k.startsWith('agreement_'));

describe('agreement notifications in the inbox', () => {
	it('sending puts “agreement sent” in the creator’s inbox (signing category), with ids and names', async () => {
		const s = await agreementScene({ brandName: 'Atelier Lina Tlemcen', creatorName: 'Nour Beauty' });
		expect(await kinds(s.creator.client)).toEqual([]);
		const sent = await sendReady(s);
		const box = await inbox(s.creator.client);
		const notice = box.notifications.find((n) => n.kind === 'agreement_sent');
		expect(notice).toMatchObject({
			category: 'signing',
			readAt: null,
			payload: { agreementId: s.agreementId, applicationId: s.applicationId, campaignTitle: 'Sérum éclat', brandName: 'Atelier Lina Tlemcen', creatorName: 'Nour Beauty', version: sent.version }
		});
		expect(box.unreadByCategory.signing).toBeGreaterThanOrEqual(1);
		// The brand sent it: nothing about it in its own inbox.
		expect(await kinds(s.brand.client)).toEqual([]);
	});

	it('the first signature tells the other party, the second tells both sides it is concluded', async () => {
		const s = await agreementScene();
		await sendReady(s);
		const creatorCode = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		expect((await sign(s.creator.client, s.agreementId, creatorCode)).status).toBe(200);
		const brandBox = await inbox(s.brand.client);
		expect(brandBox.notifications.find((n) => n.kind === 'agreement_signed')).toMatchObject({ payload: { agreementId: s.agreementId, signer: 'creator' } });
		// The signer is not told about their own signature.
		expect(await kinds(s.creator.client)).toEqual(['agreement_sent']);

		const brandCode = await requestCode(s.brand.client, s.brand.email, s.agreementId);
		expect((await sign(s.brand.client, s.agreementId, brandCode, 'Lina Benali')).status).toBe(200);
		expect(await kinds(s.creator.client)).toEqual(['agreement_completed', 'agreement_sent']);
		expect(await kinds(s.brand.client)).toEqual(['agreement_completed', 'agreement_signed']);
	});

	it('the brand signing first tells the creator it is their turn', async () => {
		const s = await agreementScene();
		await sendReady(s);
		const code = await requestCode(s.brand.client, s.brand.email, s.agreementId);
		expect((await sign(s.brand.client, s.agreementId, code, 'Lina Benali')).status).toBe(200);
		const box = await inbox(s.creator.client);
		expect(box.notifications.find((n) => n.kind === 'agreement_signed')).toMatchObject({ payload: { signer: 'brand', agreementId: s.agreementId } });
		expect(await kinds(s.brand.client)).toEqual([]);
	});
});
