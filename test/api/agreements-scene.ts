/** Shared set-up of the agreement API tests: an accepted application, terms ready to send, codes from the outbox. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { brandAccount, createCampaign, creatorAccount } from './factories';
import { Client } from './helpers';

export type Terms = Record<string, unknown> & {
	parties: { brand: Record<string, unknown>; creator: Record<string, unknown> };
	fee: { amountDzd: number; currency: string };
	paymentSchedule: { milestone: string; amountDzd: number; dueDays: number }[];
};

export interface AgreementBody {
	id: string;
	status: string;
	version: number;
	terms: Terms;
	documentSha256: string;
	signatures: { party: string; name: string; signedAt: string; version: number }[];
	sentAt: string | null;
	completedAt: string | null;
	myParty: string;
	canEdit: boolean;
	canPropose: boolean;
	canSend: boolean;
	canSign: boolean;
	canReopen: boolean;
	canVoid: boolean;
	versions: { version: number; authorParty: string; note: string; frozenAt: string | null }[];
	consent: { lang: string; text: string; sha256: string };
	brand: { id: string; name: string };
	creator: { id: string; displayName: string };
}

export interface Problem {
	status: number;
	code: string;
	detail: string;
	errors?: { path: string; message: string }[];
}

export const count = async (sql: string, ...params: unknown[]) =>
	(await env.DB.prepare(sql)
		.bind(...params)
		.first<{ n: number }>())!.n;

export async function outbox() {
	return ((await (await new Client().call('/dev/outbox?limit=200')).json()) as { messages: { to: string; subject: string; text: string; at: string }[] }).messages;
}

/** A brand, a creator, an accepted application and its draft agreement (version 1). */
export async function agreementScene(opts: { brandName?: string; creatorName?: string } = {}) {
	const brand = await brandAccount(opts.brandName ?? 'Atelier Lina Tlemcen');
	const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'Sérum éclat', formats: ['reel', 'story'] });
	const creator = await creatorAccount(env, opts.creatorName ?? 'Nour Beauty');
	const applied = await creator.client.call(`/campaigns/${campaignId}/applications`, {
		json: { pitch: 'Mon audience à Blida adore les soins : un reel tutoriel et une story.', feeDzd: 25000, formats: ['reel'] }
	});
	expect(applied.status).toBe(201);
	const applicationId = ((await applied.json()) as { application: { id: string } }).application.id;
	const accepted = await brand.client.call(`/applications/${applicationId}/accept`, { method: 'POST' });
	expect(accepted.status).toBe(200);
	const agreementId = ((await accepted.json()) as { agreement: { id: string } }).agreement.id;
	return { brand, creator, campaignId, applicationId, agreementId };
}

export async function getAgreement(client: Client, id: string): Promise<AgreementBody> {
	const res = await client.call(`/agreements/${id}`);
	expect(res.status).toBe(200);
	return ((await res.json()) as { agreement: AgreementBody }).agreement;
}

/** The current terms with the brand's representative filled (what sending needs from the brand). */
export function withRepresentative(terms: Terms, name = 'Lina Benali'): Terms {
	return { ...terms, parties: { ...terms.parties, brand: { ...terms.parties.brand, representative: name } } };
}

export function withCreatorLegalName(terms: Terms, name = 'Nour El Houda Saidi'): Terms {
	return { ...terms, parties: { ...terms.parties, creator: { ...terms.parties.creator, legalName: name } } };
}

export function withFee(terms: Terms, fee: number): Terms {
	const first = Math.floor(fee / 2);
	return {
		...terms,
		fee: { ...terms.fee, amountDzd: fee },
		paymentSchedule: [
			{ ...terms.paymentSchedule[0], amountDzd: first },
			{ ...terms.paymentSchedule[1], amountDzd: fee - first }
		]
	};
}

/** Brand fills its representative (v2), creator proposes their legal name (v3), brand sends. */
export async function sendReady(s: Awaited<ReturnType<typeof agreementScene>>) {
	const a = await getAgreement(s.brand.client, s.agreementId);
	expect((await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms) } })).status).toBe(200);
	const b = await getAgreement(s.creator.client, s.agreementId);
	expect((await s.creator.client.call(`/agreements/${s.agreementId}/proposals`, { json: { terms: withCreatorLegalName(b.terms), note: 'Mon nom légal' } })).status).toBe(201);
	const sent = await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' });
	expect(sent.status).toBe(200);
	return ((await sent.json()) as { agreement: AgreementBody }).agreement;
}

/** Asks a signing code and reads it back from the outbox (the only place it exists in clear). */
export async function requestCode(client: Client, email: string, id: string): Promise<string> {
	const res = await client.call(`/agreements/${id}/sign/code`, { method: 'POST' });
	expect(res.status).toBe(202);
	// Read by address, newest written first: crons run at future clocks elsewhere in a file write reminders dated after it, which can fill /dev/outbox's last 200.
	const { results } = await env.DB.prepare('SELECT to_email AS "to", subject FROM outbox WHERE to_email = ?1 ORDER BY rowid DESC LIMIT 50').bind(email).all<{ to: string; subject: string }>();
	const mail = results.find((m) => /\b\d{6}\b/.test(m.subject));
	expect(mail).toBeDefined();
	return /\b(\d{6})\b/.exec(mail!.subject)![1];
}

export async function sign(client: Client, id: string, code: string, fullName = 'Nour El Houda Saidi', extra: Record<string, unknown> = {}) {
	return client.call(`/agreements/${id}/sign`, { json: { fullName, consent: true, code, ...extra } });
}

/** Rows that must not move when a request is refused. */
export async function snapshot(id: string) {
	const rs = await env.DB.batch([
		env.DB.prepare('SELECT status, version, terms, document_sha256, sent_at, completed_at, voided_at, updated_at FROM agreements WHERE id = ?1').bind(id),
		env.DB.prepare('SELECT version, document_sha256, frozen_at FROM agreement_versions WHERE agreement_id = ?1 ORDER BY version').bind(id),
		env.DB.prepare('SELECT party, version FROM agreement_signatures WHERE agreement_id = ?1 ORDER BY party, version').bind(id),
		env.DB.prepare('SELECT id, attempts, used_at FROM signing_codes WHERE agreement_id = ?1 ORDER BY id').bind(id),
		env.DB.prepare('SELECT seq, hash FROM agreement_events WHERE agreement_id = ?1 ORDER BY seq').bind(id),
		env.DB.prepare('SELECT count(*) AS n FROM outbox').bind()
	]);
	return rs.map((r) => r.results);
}
