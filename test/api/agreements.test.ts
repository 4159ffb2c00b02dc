import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../worker/domain/audit-chain';
import { readAuditEventData } from '../../worker/domain/audit-events';
import { sha256Hex } from '../../worker/domain/encoding';
import {
	type AgreementBody,
	type Problem,
	agreementScene,
	count,
	getAgreement,
	outbox,
	requestCode,
	sendReady,
	sign,
	snapshot,
	withCreatorLegalName,
	withFee,
	withRepresentative
} from './agreements-scene';
import { brandAccount, creatorAccount } from './factories';
import { Client, signUp, uniqueEmail } from './helpers';

interface AuditBody {
	events: { seq: number; at: string; actor: { party: string; userId: string | null }; action: string; hash: string; prevHash: string; data: Record<string, unknown> }[];
	chainValid: boolean;
	brokenAt?: number;
}

/** The trail as a party reads it; every event's data must have its action's shape (worker/domain/audit-events.ts). */
async function audit(client: Client, id: string): Promise<AuditBody> {
	const trail = (await (await client.call(`/agreements/${id}/audit`)).json()) as AuditBody;
	for (const e of trail.events) expect(readAuditEventData(e.action, e.data), `event ${e.seq} (${e.action})`).not.toBeNull();
	return trail;
}

describe('agreement lifecycle', () => {
	it('accept → v1 → brand edit v2 → creator proposal v3 → diff → send → creator signs → brand signs → signed, chain valid', async () => {
		const s = await agreementScene();
		const { brand, creator, agreementId: id } = s;

		// Accepting wrote version 1 and the 'created' event in the same batch.
		const v1 = await env.DB.prepare('SELECT version, document_sha256, author_party FROM agreement_versions WHERE agreement_id = ?1').bind(id).all();
		expect(v1.results).toEqual([{ version: 1, document_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), author_party: 'system' }]);
		const first = await env.DB.prepare('SELECT seq, action, prev_hash, actor_party FROM agreement_events WHERE agreement_id = ?1 AND seq = 1').bind(id).first();
		expect(first).toEqual({ seq: 1, action: 'created', prev_hash: GENESIS_HASH, actor_party: 'brand' });

		const a1 = await getAgreement(creator.client, id);
		expect(a1).toMatchObject({
			status: 'draft',
			version: 1,
			documentSha256: v1.results[0].document_sha256,
			signatures: [],
			myParty: 'creator',
			canEdit: false,
			canPropose: true,
			canSign: false,
			brand: { name: 'Atelier Lina Tlemcen' },
			creator: { displayName: 'Nour Beauty' },
			versions: [{ version: 1, authorParty: 'system' }]
		});
		expect((await getAgreement(brand.client, id)).canEdit).toBe(true);

		// Brand edits: v2 (representative, fee 30 000).
		const patched = await brand.client.call(`/agreements/${id}`, { method: 'PATCH', json: { terms: withFee(withRepresentative(a1.terms), 30000), note: 'Frais revus' } });
		expect(patched.status).toBe(200);
		const a2 = ((await patched.json()) as { agreement: AgreementBody }).agreement;
		expect(a2).toMatchObject({ version: 2, status: 'draft', terms: { fee: { amountDzd: 30000 }, parties: { brand: { representative: 'Lina Benali' } } } });
		expect(a2.documentSha256).not.toBe(a1.documentSha256);

		// Creator proposes: v3 authored by the creator.
		const proposed = await creator.client.call(`/agreements/${id}/proposals`, { json: { terms: withCreatorLegalName(a2.terms), note: 'J’ajoute mon nom légal' } });
		expect(proposed.status).toBe(201);
		const a3 = ((await proposed.json()) as { agreement: AgreementBody }).agreement;
		expect(a3.version).toBe(3);
		expect(a3.versions.map((v) => [v.version, v.authorParty, v.note])).toEqual([
			[1, 'system', ''],
			[2, 'brand', 'Frais revus'],
			[3, 'creator', 'J’ajoute mon nom légal']
		]);

		const diff = await brand.client.call(`/agreements/${id}/diff?from=1&to=3&lang=fr`);
		expect(diff.status).toBe(200);
		const rows = ((await diff.json()) as { rows: { path: string; label: string; before: string; after: string }[] }).rows;
		expect(rows).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ path: 'fee.amountDzd', before: expect.stringMatching(/^25\s000\sDA$/), after: expect.stringMatching(/^30\s000\sDA$/) }),
				expect.objectContaining({ path: 'parties.creator.legalName', after: 'Nour El Houda Saidi' })
			])
		);
		const diffAr = (await (await brand.client.call(`/agreements/${id}/diff?from=1&to=3&lang=ar`)).json()) as { rows: { path: string; label: string }[] };
		expect(diffAr.rows.map((r) => r.path)).toEqual(rows.map((r) => r.path));
		expect(diffAr.rows.find((r) => r.path === 'fee.amountDzd')!.label).not.toBe(rows.find((r) => r.path === 'fee.amountDzd')!.label);
		const v2 = (await (await creator.client.call(`/agreements/${id}/versions/2`)).json()) as {
			version: { version: number; current: boolean; authorParty: string; terms: { fee: { amountDzd: number } } };
		};
		expect(v2.version).toMatchObject({ version: 2, current: false, authorParty: 'brand', terms: { fee: { amountDzd: 30000 } } });

		// Send: frozen, emailed to both in their languages.
		await creator.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } });
		const sent = await brand.client.call(`/agreements/${id}/send`, { method: 'POST' });
		expect(sent.status).toBe(200);
		expect(((await sent.json()) as { agreement: AgreementBody }).agreement).toMatchObject({ status: 'awaiting_signatures', version: 3, canEdit: false, canSign: true, canReopen: true });
		expect(await count('SELECT count(*) AS n FROM agreement_versions WHERE agreement_id = ?1 AND version = 3 AND frozen_at IS NOT NULL', id)).toBe(1);
		const mails = await outbox();
		expect(mails.find((m) => m.to === creator.email)!.subject).toBe('اتفاق للتوقيع: «Sérum éclat» (Atelier Lina Tlemcen × Nour Beauty)');
		expect(mails.find((m) => m.to === brand.email)!.subject).toBe('Accord à signer : « Sérum éclat » (Atelier Lina Tlemcen × Nour Beauty)');

		// Creator signs first.
		const creatorCode = await requestCode(creator.client, creator.email, id);
		expect(await count('SELECT count(*) AS n FROM signing_codes WHERE agreement_id = ?1 AND code_hash = ?2', id, await sha256Hex(creatorCode))).toBe(0); // salted, never the bare hash
		const beforeSign = await getAgreement(creator.client, id);
		const signedByCreator = await sign(creator.client, id, creatorCode, 'Nour El Houda Saidi');
		expect(signedByCreator.status).toBe(200);
		const afterCreator = ((await signedByCreator.json()) as { agreement: AgreementBody }).agreement;
		expect(afterCreator).toMatchObject({ status: 'awaiting_signatures', signatures: [{ party: 'creator', name: 'Nour El Houda Saidi', version: 3 }], canSign: false });

		// Evidence kept with the signature.
		const evidence = await env.DB.prepare('SELECT user_id, full_name, ip, user_agent, document_sha256, consent_sha256 FROM agreement_signatures WHERE agreement_id = ?1').bind(id).first();
		expect(evidence).toEqual({
			user_id: creator.user.id,
			full_name: 'Nour El Houda Saidi',
			ip: creator.client.ip,
			user_agent: '',
			document_sha256: a3.documentSha256,
			consent_sha256: beforeSign.consent.sha256
		});
		expect(beforeSign.consent.sha256).toBe(await sha256Hex(beforeSign.consent.text));
		expect(beforeSign.consent.text).toContain(a3.documentSha256);

		// Brand signs second: completed.
		const brandCode = await requestCode(brand.client, brand.email, id);
		const signedByBrand = await sign(brand.client, id, brandCode, 'Lina Benali');
		expect(signedByBrand.status).toBe(200);
		const done = ((await signedByBrand.json()) as { agreement: AgreementBody }).agreement;
		expect(done).toMatchObject({ status: 'signed', canSign: false, canReopen: false, canVoid: false });
		expect(done.completedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		expect(done.signatures.map((x) => x.party).sort()).toEqual(['brand', 'creator']);
		const completedMails = (await outbox()).filter((m) => /signé par les deux|وقّع الطرفان/.test(m.subject));
		expect(completedMails.map((m) => m.to).sort()).toEqual([brand.email, creator.email].sort());

		const trail = await audit(creator.client, id);
		expect(trail.chainValid).toBe(true);
		expect(trail.events.map((e) => e.seq)).toEqual(trail.events.map((_, i) => i + 1));
		expect(trail.events.filter((e) => e.action !== 'viewed').map((e) => e.action)).toEqual([
			'created',
			'edited',
			'proposed',
			'sent',
			'code_sent',
			'signed',
			'code_sent',
			'signed',
			'completed',
			'deliverables_planned',
			'payouts_planned'
		]);
		const signedEvent = trail.events.find((e) => e.action === 'signed')!;
		expect(signedEvent).toMatchObject({ actor: { party: 'creator', userId: creator.user.id }, data: { version: 3, documentSha256: a3.documentSha256, consentSha256: beforeSign.consent.sha256 } });

		// Signed is final.
		for (const [client, path] of [
			[brand.client, 'void'],
			[creator.client, 'reopen'],
			[brand.client, 'send']
		] as const) {
			const res = await client.call(`/agreements/${id}/${path}`, { method: 'POST', json: path === 'send' ? undefined : {} });
			expect(res.status, path).toBe(409);
		}
		expect((await sign(creator.client, id, creatorCode)).status).toBe(409);
	});

	it('records the browser the signer used, cleaned, as evidence for the certificate', async () => {
		const s = await agreementScene({ brandName: 'Parfums Oran', creatorName: 'Sara Style' });
		await sendReady(s);
		const code = await requestCode(s.brand.client, s.brand.email, s.agreementId);
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/sign`, {
			json: { fullName: 'Lina Benali', consent: true, code },
			headers: { 'user-agent': ' Mozilla/5.0 (X11;\tLinux x86_64)   Firefox/133.0 ' }
		});
		expect(res.status).toBe(200);
		const row = await env.DB.prepare('SELECT user_agent FROM agreement_signatures WHERE agreement_id = ?1').bind(s.agreementId).first<{ user_agent: string }>();
		expect(row?.user_agent).toBe('Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0');
	});

	it('brand may sign first; the creator’s signature then completes it', async () => {
		const s = await agreementScene({ brandName: 'Parfums Oran', creatorName: 'Sara Style' });
		await sendReady(s);
		const brandCode = await requestCode(s.brand.client, s.brand.email, s.agreementId);
		expect((await sign(s.brand.client, s.agreementId, brandCode, 'Lina Benali')).status).toBe(200);
		expect((await getAgreement(s.creator.client, s.agreementId)).signatures).toMatchObject([{ party: 'brand', name: 'Lina Benali' }]);
		const creatorCode = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const res = await sign(s.creator.client, s.agreementId, creatorCode, 'Sara Benamar');
		expect(res.status).toBe(200);
		expect(((await res.json()) as { agreement: AgreementBody }).agreement.status).toBe('signed');
		const trail = await audit(s.brand.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		// The second signature completes the agreement and plans its deliverables, in that order.
		expect(trail.events.slice(-3).map((e) => e.action)).toEqual(['completed', 'deliverables_planned', 'payouts_planned']);
	});

	it('reopen after a first signature: a new version, the old signature no longer counts, both sign again', async () => {
		const s = await agreementScene();
		const sent = await sendReady(s);
		const code = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		expect((await sign(s.creator.client, s.agreementId, code)).status).toBe(200);

		const reopened = await s.brand.client.call(`/agreements/${s.agreementId}/reopen`, { json: { note: 'Changer la date' } });
		expect(reopened.status).toBe(200);
		const r = ((await reopened.json()) as { agreement: AgreementBody }).agreement;
		expect(r).toMatchObject({ status: 'draft', version: sent.version + 1, signatures: [], sentAt: null, canEdit: true });
		expect(r.documentSha256).not.toBe(sent.documentSha256);

		const edited = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withFee(r.terms, 28000) } });
		expect(edited.status).toBe(200);
		const e = ((await edited.json()) as { agreement: AgreementBody }).agreement;
		expect(e).toMatchObject({ version: sent.version + 2, signatures: [] });
		const old = (await (await s.brand.client.call(`/agreements/${s.agreementId}/versions/${sent.version}`)).json()) as { version: { signatures: { party: string; counts: boolean }[] } };
		expect(old.version.signatures).toEqual([expect.objectContaining({ party: 'creator', counts: false })]);

		// The old code is spent; after sending again both sign the new version.
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(200);
		const stale = await sign(s.creator.client, s.agreementId, code);
		expect(stale.status).toBe(400);
		for (const [who, name] of [
			[s.brand, 'Lina Benali'],
			[s.creator, 'Nour El Houda Saidi']
		] as const) {
			expect((await sign(who.client, s.agreementId, await requestCode(who.client, who.email, s.agreementId), name)).status).toBe(200);
		}
		const final = await getAgreement(s.brand.client, s.agreementId);
		expect(final.status).toBe('signed');
		expect(final.signatures.map((x) => x.version)).toEqual([e.version, e.version]);
		expect(await count('SELECT count(*) AS n FROM agreement_signatures WHERE agreement_id = ?1', s.agreementId)).toBe(3);
		expect((await audit(s.creator.client, s.agreementId)).events.some((x) => x.action === 'reopened')).toBe(true);
	});

	it('void: brand only, from draft or awaiting signatures', async () => {
		const s = await agreementScene();
		const before = await snapshot(s.agreementId);
		expect((await s.creator.client.call(`/agreements/${s.agreementId}/void`, { json: {} })).status).toBe(403);
		expect(await snapshot(s.agreementId)).toEqual(before);
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/void`, { json: { note: 'Campagne annulée' } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { agreement: AgreementBody }).agreement).toMatchObject({ status: 'void', canEdit: false, canSend: false });
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(409);
		expect((await audit(s.brand.client, s.agreementId)).events.at(-1)).toMatchObject({ action: 'voided', data: { reason: 'Campagne annulée' } });
	});
});

describe('terms validation and state rules', () => {
	it('refuses invalid, immutable or unchanged terms with field errors; nothing changes', async () => {
		const s = await agreementScene();
		const a = await getAgreement(s.brand.client, s.agreementId);
		const before = await snapshot(s.agreementId);
		const cases: [unknown, string, string][] = [
			[{ ...a.terms, fee: { amountDzd: 12.5, currency: 'DZD' } }, 'terms.fee.amountDzd', 'Indiquez un montant entier en dinars, entre 0 et 100 000 000.'],
			[{ ...a.terms, fee: { amountDzd: 30000, currency: 'DZD' } }, 'terms.paymentSchedule', 'Les échéances doivent totaliser exactement le montant de la rémunération.'],
			[{ ...a.terms, parties: { ...a.terms.parties, brand: { ...a.terms.parties.brand, id: 'another-brand' } } }, 'terms.parties.brand.id', 'Ce champ ne peut pas être modifié.'],
			[{ ...a.terms, surprise: 1 }, 'terms.surprise', 'Champ inconnu.'],
			[a.terms, 'terms', 'Ces conditions sont identiques à la version actuelle.']
		];
		for (const [terms, path, message] of cases) {
			const res = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms } });
			expect(res.status, path).toBe(400);
			const body = (await res.json()) as Problem;
			expect(body.errors, path).toContainEqual({ path, message });
		}
		expect(await snapshot(s.agreementId)).toEqual(before);
	});

	it('sending needs the signatories’ names: 422 agreement_incomplete listing what is missing', async () => {
		const s = await agreementScene();
		const before = await snapshot(s.agreementId);
		const res = await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' });
		expect(res.status).toBe(422);
		const body = (await res.json()) as Problem;
		expect(body.code).toBe('agreement_incomplete');
		expect(body.detail).toBe('Il manque des informations dans l’accord pour l’envoyer en signature.');
		expect(body.errors!.map((e) => e.path).sort()).toEqual(['terms.parties.brand.representative', 'terms.parties.creator.legalName']);
		// The agreement is untouched; the one write is the creator's request for their details (agreement-details.test.ts).
		expect((await snapshot(s.agreementId)).slice(0, -1)).toEqual(before.slice(0, -1));
	});

	it('wrong state is 409 and changes nothing: edit, propose after sending; reopen a draft; codes before sending', async () => {
		const s = await agreementScene();
		const draft = await getAgreement(s.creator.client, s.agreementId);
		for (const [client, method, path, json] of [
			[s.brand.client, 'POST', 'reopen', {}],
			[s.creator.client, 'POST', 'sign/code', undefined],
			[s.creator.client, 'POST', 'sign', { fullName: 'Nour', consent: true, code: '123456' }]
		] as const) {
			const before = await snapshot(s.agreementId);
			const res = await client.call(`/agreements/${s.agreementId}/${path}`, { method, json });
			expect(res.status, path).toBe(409);
			expect(((await res.json()) as Problem).code).toBe('invalid_state');
			expect(await snapshot(s.agreementId)).toEqual(before);
		}
		const sent = await sendReady(s);
		const before = await snapshot(s.agreementId);
		const edit = await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withFee(sent.terms, 40000) } });
		expect(edit.status).toBe(409);
		expect(await edit.json()).toMatchObject({ code: 'invalid_state', detail: 'Action impossible : l’accord n’est pas dans un état qui le permet.' });
		const proposal = await s.creator.client.call(`/agreements/${s.agreementId}/proposals`, { json: { terms: withFee(draft.terms, 40000), note: 'Plus cher' } });
		expect(proposal.status).toBe(409);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(409);
		expect(await snapshot(s.agreementId)).toEqual(before);
	});

	it('wrong party is 403 on every party-specific route, in any status; nothing changes', async () => {
		const s = await agreementScene();
		const a = await getAgreement(s.brand.client, s.agreementId);
		const before = await snapshot(s.agreementId);
		for (const [client, method, path, json] of [
			[s.creator.client, 'PATCH', '', { terms: withFee(a.terms, 30000) }],
			[s.creator.client, 'POST', '/send', undefined],
			[s.creator.client, 'POST', '/void', {}],
			[s.brand.client, 'POST', '/proposals', { terms: withFee(a.terms, 30000), note: 'Proposition' }]
		] as const) {
			const res = await client.call(`/agreements/${s.agreementId}${path}`, { method, json });
			expect(res.status, `${method} ${path}`).toBe(403);
			expect(await res.json()).toMatchObject({ code: 'forbidden', detail: 'Vous n’avez pas accès à cette action.' });
		}
		expect(await snapshot(s.agreementId)).toEqual(before);
	});
});

describe('access', () => {
	function routes(id: string, terms: unknown): [string, string, unknown][] {
		return [
			['GET', `/agreements/${id}`, undefined],
			['PATCH', `/agreements/${id}`, { terms }],
			['POST', `/agreements/${id}/proposals`, { terms, note: 'Une proposition' }],
			['GET', `/agreements/${id}/versions/1`, undefined],
			['GET', `/agreements/${id}/diff?from=1&to=1`, undefined],
			['POST', `/agreements/${id}/send`, undefined],
			['POST', `/agreements/${id}/sign/code`, undefined],
			['POST', `/agreements/${id}/sign`, { fullName: 'Quelqu’un', consent: true, code: '123456' }],
			['POST', `/agreements/${id}/reopen`, {}],
			['POST', `/agreements/${id}/void`, {}],
			['GET', `/agreements/${id}/audit`, undefined]
		];
	}

	it('another brand and another creator get 404 on every route (draft and sent); guests 401; nothing changes', async () => {
		const draft = await agreementScene();
		const sent = await agreementScene({ brandName: 'Parfums Oran', creatorName: 'Sara Style' });
		await sendReady(sent);
		const otherBrand = await brandAccount('Marque voisine');
		const otherCreator = await creatorAccount(env, 'Autre créatrice');
		for (const s of [draft, sent]) {
			const terms = withFee((await getAgreement(s.brand.client, s.agreementId)).terms, 31000);
			const before = await snapshot(s.agreementId);
			for (const [method, path, json] of routes(s.agreementId, terms)) {
				for (const stranger of [otherBrand, otherCreator]) {
					const res = await stranger.client.call(path, { method, json });
					expect(res.status, `${method} ${path}`).toBe(404);
					expect(await res.json()).toMatchObject({ status: 404, code: 'not_found', detail: 'Introuvable.' });
				}
				expect((await new Client().call(path, { method, json })).status, `guest ${method} ${path}`).toBe(401);
			}
			expect(await snapshot(s.agreementId)).toEqual(before);
		}
		// Unknown ids look the same as other people's.
		expect((await draft.brand.client.call('/agreements/nope')).status).toBe(404);
		expect((await draft.brand.client.call(`/agreements/${draft.agreementId}/versions/99`)).status).toBe(404);
		expect((await draft.brand.client.call(`/agreements/${draft.agreementId}/versions/x`)).status).toBe(400);
	});

	it('a teammate of the brand is a party; lists show each side its own agreements, filterable by status', async () => {
		const s = await agreementScene();
		const other = await agreementScene({ brandName: 'Parfums Oran', creatorName: 'Sara Style' });
		await sendReady(other);
		type List = { agreements: { id: string; status: string; brand: { name: string }; creator: { displayName: string } }[]; total: number; page: number; pageSize: number };
		const brandList = (await (await s.brand.client.call('/agreements')).json()) as List;
		expect(brandList).toMatchObject({
			total: 1,
			page: 1,
			pageSize: 20,
			agreements: [{ id: s.agreementId, status: 'draft', brand: { name: 'Atelier Lina Tlemcen' }, creator: { displayName: 'Nour Beauty' } }]
		});
		const creatorList = (await (await other.creator.client.call('/agreements?status=awaiting_signatures')).json()) as List;
		expect(creatorList.agreements.map((x) => x.id)).toEqual([other.agreementId]);
		expect(((await (await other.creator.client.call('/agreements?status=draft')).json()) as List).total).toBe(0);
		const bad = await s.brand.client.call('/agreements?status=lost');
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as Problem).errors).toEqual([{ path: 'status', message: 'Statut inconnu : draft, awaiting_signatures, signed ou void.' }]);
		expect((await new Client().call('/agreements')).status).toBe(401);

		// A teammate of the brand acts for it.
		const email = uniqueEmail('teammate');
		const invited = await s.brand.client.call('/brands/me/invitations', { json: { email } });
		expect(invited.status).toBe(201);
		const mate = await signUp({ email, name: 'Samir' });
		const { invitation } = (await invited.json()) as { invitation: { id: string } };
		expect((await mate.client.call(`/invitations/${invitation.id}/accept`, { method: 'POST' })).status).toBe(200);
		expect(await getAgreement(mate.client, s.agreementId)).toMatchObject({ myParty: 'brand', canEdit: true });
		expect(((await (await mate.client.call('/agreements')).json()) as List).agreements.map((x) => x.id)).toEqual([s.agreementId]);
	});

	it('GET records one viewed event per user and version, not one per read', async () => {
		const s = await agreementScene();
		for (let i = 0; i < 3; i++) await getAgreement(s.creator.client, s.agreementId);
		await getAgreement(s.brand.client, s.agreementId);
		const viewed = async () => (await audit(s.brand.client, s.agreementId)).events.filter((e) => e.action === 'viewed').map((e) => [e.actor.party, e.data.version]);
		expect(await viewed()).toEqual([
			['creator', 1],
			['brand', 1]
		]);
		const a = await getAgreement(s.brand.client, s.agreementId);
		await s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withRepresentative(a.terms) } });
		await getAgreement(s.creator.client, s.agreementId);
		await getAgreement(s.creator.client, s.agreementId);
		expect(await viewed()).toEqual([
			['creator', 1],
			['brand', 1],
			['creator', 2]
		]);
	});

	it('an agreement stored without versions (older rows) gets version 1 and its created event once, even on concurrent first reads', async () => {
		const s = await agreementScene();
		await env.DB.batch([
			env.DB.prepare('DELETE FROM agreement_events WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare('DELETE FROM agreement_versions WHERE agreement_id = ?1').bind(s.agreementId),
			env.DB.prepare('UPDATE agreements SET document_sha256 = NULL WHERE id = ?1').bind(s.agreementId)
		]);
		const results = await Promise.all([
			s.brand.client.call(`/agreements/${s.agreementId}`),
			s.creator.client.call(`/agreements/${s.agreementId}`),
			s.brand.client.call(`/agreements/${s.agreementId}/audit`)
		]);
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(await count('SELECT count(*) AS n FROM agreement_versions WHERE agreement_id = ?1', s.agreementId)).toBe(1);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'created'", s.agreementId)).toBe(1);
		const a = await getAgreement(s.brand.client, s.agreementId);
		expect(a.documentSha256).toMatch(/^[0-9a-f]{64}$/);
		const trail = await audit(s.creator.client, s.agreementId);
		expect(trail.chainValid).toBe(true);
		expect(trail.events[0]).toMatchObject({ seq: 1, action: 'created', actor: { party: 'system' }, prevHash: GENESIS_HASH });
	});
});
