import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { recordDownload } from '../../worker/services/agreements';
import { testContext } from './context';
import { type AgreementBody, type Problem, agreementScene, count, getAgreement, outbox, requestCode, sendReady, sign, snapshot, withFee } from './agreements-scene';
import { awayFromRateWindowEdge } from './helpers';

interface AuditBody {
	events: { seq: number; action: string }[];
	chainValid: boolean;
	brokenAt?: number;
	reason?: string;
}

/** A sent agreement, ready for codes and signatures. */
async function sentScene() {
	const s = await agreementScene();
	const sent = await sendReady(s);
	return { ...s, sent };
}

const codeRow = (agreementId: string, userId: string) =>
	env.DB.prepare('SELECT id, attempts, used_at, expires_at, created_at FROM signing_codes WHERE agreement_id = ?1 AND user_id = ?2 ORDER BY created_at DESC, rowid DESC LIMIT 1')
		.bind(agreementId, userId)
		.first<{ id: string; attempts: number; used_at: number | null; expires_at: number; created_at: number }>();

/** A six-digit code different from `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('signing codes', () => {
	it('202 with a masked address; the code is emailed in the signer’s language, valid 10 minutes', async () => {
		const s = await sentScene();
		await s.creator.client.call('/me/locale', { method: 'PUT', json: { locale: 'ar' } });
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' });
		expect(res.status).toBe(202);
		const body = (await res.json()) as { sentTo: string; expiresAt: string; version: number; attempts: number };
		expect(body).toMatchObject({ sentTo: `${s.creator.email[0]}***@example.dz`, version: s.sent.version, attempts: 5 });
		const row = await codeRow(s.agreementId, s.creator.user.id);
		expect(row!.expires_at - row!.created_at).toBe(10 * 60 * 1000);
		const mail = (await outbox()).find((m) => m.to === s.creator.email)!;
		expect(mail.subject).toMatch(/^رمز التوقيع الخاص بك: \d{6}$/);
		// Only the salted hash is stored, never the code.
		const code = /\d{6}/.exec(mail.subject)![0];
		expect(await count('SELECT count(*) AS n FROM signing_codes WHERE code_hash LIKE ?1', `%${code}%`)).toBe(0);
	});

	it('an expired code is refused with a translated message; nothing is signed', async () => {
		const s = await sentScene();
		const code = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const row = await codeRow(s.agreementId, s.creator.user.id);
		await env.DB.prepare('UPDATE signing_codes SET expires_at = ?2 WHERE id = ?1')
			.bind(row!.id, Date.now() - 1)
			.run();
		const before = await snapshot(s.agreementId);
		const res = await sign(s.creator.client, s.agreementId, code);
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			code: 'invalid_request',
			detail: 'Le code de signature n’est pas valable.',
			errors: [{ path: 'code', message: 'Ce code a expiré (10 minutes). Demandez-en un nouveau.' }]
		});
		expect(await snapshot(s.agreementId)).toEqual(before);
		// A new code works.
		expect((await sign(s.creator.client, s.agreementId, await requestCode(s.creator.client, s.creator.email, s.agreementId))).status).toBe(200);
	});

	it('5 wrong tries kill the code (the right one is then refused too); counts are told in the caller’s language', async () => {
		const s = await sentScene();
		const code = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const messages: string[] = [];
		for (let i = 0; i < 5; i++) {
			const res = await s.creator.client.call(`/agreements/${s.agreementId}/sign?lang=en`, { json: { fullName: 'Nour', consent: true, code: wrong(code) } });
			expect(res.status).toBe(400);
			messages.push(((await res.json()) as Problem).errors![0].message);
		}
		expect(messages).toEqual([
			'Wrong code. Tries left: 4.',
			'Wrong code. Tries left: 3.',
			'Wrong code. Tries left: 2.',
			'Wrong code. Tries left: 1.',
			'Wrong code, and too many tries: this code is no longer valid. Ask for a new one.'
		]);
		const right = await s.creator.client.call(`/agreements/${s.agreementId}/sign`, { json: { fullName: 'Nour', consent: true, code }, headers: { 'accept-language': 'ar' } });
		expect(right.status).toBe(400);
		expect(((await right.json()) as Problem).errors).toEqual([{ path: 'code', message: 'رمز غير صحيح، وقد تجاوزت عدد المحاولات: لم يعد هذا الرمز صالحًا. اطلب رمزًا جديدًا.' }]);
		expect((await codeRow(s.agreementId, s.creator.user.id))!.attempts).toBe(5);
		expect(await count('SELECT count(*) AS n FROM agreement_signatures WHERE agreement_id = ?1', s.agreementId)).toBe(0);
	});

	it('a used code cannot sign again, and a new code replaces the previous one', async () => {
		const s = await sentScene();
		const first = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const second = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		expect(first).toMatch(/^\d{6}$/);
		const old = await sign(s.creator.client, s.agreementId, first);
		expect(old.status).toBe(400);
		expect((await sign(s.creator.client, s.agreementId, second)).status).toBe(200);
		// Reopen and send again: the spent code stays spent.
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/reopen`, { json: {} })).status).toBe(200);
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/send`, { method: 'POST' })).status).toBe(200);
		const reused = await sign(s.creator.client, s.agreementId, second);
		expect(reused.status).toBe(400);
		expect(((await reused.json()) as Problem).errors).toEqual([{ path: 'code', message: 'Ce code a déjà servi. Demandez-en un nouveau.' }]);
	});

	it('consent false, a missing name or a malformed code: 400 per field, no try counted', async () => {
		const s = await sentScene();
		const code = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const before = await snapshot(s.agreementId);
		const cases: [Record<string, unknown>, string, string][] = [
			[{ fullName: 'Nour Saidi', consent: false, code }, 'consent', 'Cochez la case pour confirmer votre accord.'],
			[{ fullName: 'Nour Saidi', code }, 'consent', 'Ce champ est obligatoire.'],
			[{ fullName: ' ', consent: true, code }, 'fullName', 'Saisissez votre nom complet (2 à 120 caractères).'],
			[{ fullName: 'Nour Saidi', consent: true, code: '12345' }, 'code', 'Le code comporte 6 chiffres.'],
			[{ fullName: 'Nour Saidi', consent: true, code: 123456 }, 'code', 'Le code comporte 6 chiffres.']
		];
		for (const [json, path, message] of cases) {
			const res = await s.creator.client.call(`/agreements/${s.agreementId}/sign`, { json });
			expect(res.status, JSON.stringify(json)).toBe(400);
			expect(((await res.json()) as Problem).errors).toContainEqual({ path, message });
		}
		expect(await snapshot(s.agreementId)).toEqual(before);
		expect((await codeRow(s.agreementId, s.creator.user.id))!.attempts).toBe(0);
	});

	it('without a code first: 400 asking for one', async () => {
		const s = await sentScene();
		const res = await sign(s.brand.client, s.agreementId, '123456');
		expect(res.status).toBe(400);
		expect(((await res.json()) as Problem).errors).toEqual([{ path: 'code', message: 'Demandez d’abord un code de signature.' }]);
	});

	it('at most 5 codes per agreement and user per hour: the 6th is 429 with Retry-After and sends nothing', async () => {
		const s = await sentScene();
		await awayFromRateWindowEdge();
		for (let i = 0; i < 5; i++) expect((await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })).status).toBe(202);
		const before = await snapshot(s.agreementId);
		const res = await s.creator.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' });
		expect(res.status).toBe(429);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await res.json()).toMatchObject({ code: 'rate_limited' });
		expect(await snapshot(s.agreementId)).toEqual(before);
		// The other party has their own budget.
		expect((await s.brand.client.call(`/agreements/${s.agreementId}/sign/code`, { method: 'POST' })).status).toBe(202);
	});
});

describe('concurrency', () => {
	it('two concurrent signatures by one signer with the same code: exactly one signature, code used once, no 5xx', async () => {
		const s = await sentScene();
		const code = await requestCode(s.creator.client, s.creator.email, s.agreementId);
		const results = await Promise.all([1, 2].map(() => sign(s.creator.client, s.agreementId, code)));
		const statuses = results.map((r) => r.status).sort();
		expect(statuses[0]).toBe(200);
		expect([400, 409]).toContain(statuses[1]);
		expect(await count('SELECT count(*) AS n FROM agreement_signatures WHERE agreement_id = ?1', s.agreementId)).toBe(1);
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'signed'", s.agreementId)).toBe(1);
		expect((await codeRow(s.agreementId, s.creator.user.id))!.used_at).not.toBeNull();
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(trail.chainValid).toBe(true);
	});

	it('both parties signing at the same moment: both signatures land, the agreement completes once', async () => {
		const s = await sentScene();
		const [creatorCode, brandCode] = [await requestCode(s.creator.client, s.creator.email, s.agreementId), await requestCode(s.brand.client, s.brand.email, s.agreementId)];
		const results = await Promise.all([sign(s.creator.client, s.agreementId, creatorCode), sign(s.brand.client, s.agreementId, brandCode, 'Lina Benali')]);
		for (const r of results) expect(r.status).toBeLessThan(500);
		expect(results.map((r) => r.status)).toEqual([200, 200]);
		const bodies = (await Promise.all(results.map((r) => r.json()))) as { agreement: AgreementBody }[];
		expect(bodies.map((b) => b.agreement.status)).toContain('signed');
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'completed'", s.agreementId)).toBe(1);
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(trail.chainValid).toBe(true);
	});
});

describe('racing writers on the chain', () => {
	it('concurrent edits and reads: no 5xx, versions stay contiguous, every write has its event, the chain stays valid', async () => {
		const s = await agreementScene();
		const a = await getAgreement(s.brand.client, s.agreementId);
		const results = await Promise.all([
			s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withFee(a.terms, 30000) } }),
			s.brand.client.call(`/agreements/${s.agreementId}`, { method: 'PATCH', json: { terms: withFee(a.terms, 32000) } }),
			s.creator.client.call(`/agreements/${s.agreementId}`),
			s.brand.client.call(`/agreements/${s.agreementId}/audit`)
		]);
		for (const r of results) expect(r.status).toBeLessThan(500);
		const edits = results.slice(0, 2).filter((r) => r.status === 200).length;
		expect(edits).toBeGreaterThanOrEqual(1);
		for (const r of results.slice(0, 2)) expect([200, 409]).toContain(r.status);
		const versions = (await env.DB.prepare('SELECT version FROM agreement_versions WHERE agreement_id = ?1 ORDER BY version').bind(s.agreementId).all<{ version: number }>()).results;
		expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 1 + edits }, (_, i) => i + 1));
		expect(await count("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'edited'", s.agreementId)).toBe(edits);
		expect((await getAgreement(s.brand.client, s.agreementId)).version).toBe(1 + edits);
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(trail.chainValid).toBe(true);
	});

	it('recordDownload (for the PDF route) appends a downloaded event to the chain', async () => {
		const s = await agreementScene();
		const e = await recordDownload(testContext(), { agreementId: s.agreementId, actor: { party: 'creator', userId: s.creator.user.id }, data: { version: 1, lang: 'ar' } });
		const trail = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(trail.chainValid).toBe(true);
		expect(trail.events.at(-1)).toMatchObject({ seq: e!.seq, action: 'downloaded' });
	});
});

describe('audit trail tampering', () => {
	it('an edited event’s data breaks the chain at its seq', async () => {
		const s = await sentScene();
		const before = (await (await s.creator.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(before.chainValid).toBe(true);
		const edited = before.events.find((e) => e.action === 'edited')!;
		await env.DB.prepare(`UPDATE agreement_events SET data = json_set(data, '$.version', 9) WHERE agreement_id = ?1 AND seq = ?2`).bind(s.agreementId, edited.seq).run();
		const after = (await (await s.creator.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(after).toMatchObject({ chainValid: false, brokenAt: edited.seq, reason: 'hash_mismatch' });
	});

	it('two rows with swapped seqs break the chain; so does a deleted row', async () => {
		const s = await sentScene();
		const swap = [
			'UPDATE agreement_events SET seq = -2 WHERE agreement_id = ?1 AND seq = 2',
			'UPDATE agreement_events SET seq = 2 WHERE agreement_id = ?1 AND seq = 3',
			'UPDATE agreement_events SET seq = 3 WHERE agreement_id = ?1 AND seq = -2'
		];
		await env.DB.batch(swap.map((sql) => env.DB.prepare(sql).bind(s.agreementId)));
		const swapped = (await (await s.brand.client.call(`/agreements/${s.agreementId}/audit`)).json()) as AuditBody;
		expect(swapped).toMatchObject({ chainValid: false, brokenAt: 2 });

		const t = await sentScene();
		await env.DB.prepare('DELETE FROM agreement_events WHERE agreement_id = ?1 AND seq = 2').bind(t.agreementId).run();
		const deleted = (await (await t.brand.client.call(`/agreements/${t.agreementId}/audit`)).json()) as AuditBody;
		expect(deleted).toMatchObject({ chainValid: false, brokenAt: 2, reason: 'seq_gap' });
	});
});
