/** Shared set-up of the deliverable tests: an agreement signed by both parties, with terms shaped by the test. */
import { expect } from 'vitest';
import { type Terms, agreementScene, getAgreement, requestCode, sign, withCreatorLegalName, withRepresentative } from './agreements-scene';
import type { Client } from './helpers';

export interface DeliverableOut {
	id: string;
	agreementId: string;
	seq: number;
	platform: string;
	format: string;
	ordinal: number;
	status: string;
	dueAt: string;
	publishOn: string;
	draftDueAt: string;
	reviewDueAt: string;
	publishDueAt: string;
	next: { party: string; step: string; dueAt: string | null; late: boolean } | null;
	draftVersion: number;
	roundsUsed: number;
	correctionRounds: number;
	extraRoundPending: boolean;
	postUrl: string | null;
	publishedAt: string | null;
	publicationReview: string | null;
	payoutHeld: boolean;
}

/** Default shape for these tests: two reels and one story on Instagram, published 10–20 January 2027. */
export function deliverableTerms(t: Terms): Terms {
	return {
		...t,
		deliverables: [
			{ platform: 'instagram', format: 'reel', count: 2, storyHighlightHours: null },
			{ platform: 'instagram', format: 'story', count: 1, storyHighlightHours: 48 }
		],
		publicationWindow: { from: '2027-01-10', to: '2027-01-20', proposedDates: ['2027-01-12'] },
		validation: { draftDaysBeforePublication: 3, reviewDays: 2, correctionRounds: 1 }
	};
}

/**
 * An agreement whose terms `shape` set, sent and signed by both: the brand edits (v2), the
 * creator proposes their legal name (v3), the brand sends, both sign.
 */
export async function signedScene(opts: { shape?: (t: Terms) => Terms; brandName?: string; creatorName?: string } = {}) {
	const s = await agreementScene({ brandName: opts.brandName, creatorName: opts.creatorName });
	const shape = opts.shape ?? deliverableTerms;
	const a = await getAgreement(s.brand.client, s.agreementId);
	const edited = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: shape(withRepresentative(a.terms)) } });
	expect(edited.status, await edited.clone().text()).toBe(200);
	const b = await getAgreement(s.creator.client, s.agreementId);
	expect((await s.creator.client.call(`/agreements/${s.agreementId}/proposals`, { json: { terms: withCreatorLegalName(b.terms), note: 'Mon nom légal' } })).status).toBe(201);
	expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(200);
	expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId))).status).toBe(200);
	expect((await sign(s.brand.client, s.agreementId, await requestCode(s.brand.client, s.brand.email, s.agreementId), 'Lina Benali')).status).toBe(200);
	return s;
}

export async function listDeliverables(client: Client, agreementId: string): Promise<DeliverableOut[]> {
	const res = await client.call(`/agreements/${agreementId}/deliverables`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { deliverables: DeliverableOut[] }).deliverables;
}
