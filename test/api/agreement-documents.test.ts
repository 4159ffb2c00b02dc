/**
 * Agreement PDFs and verification (issue 5, points 2, 5, 6, 8): the draft PDF in three
 * languages, the sealed PDF once both parties signed (stored once in R2, its hash in D1,
 * served byte for byte afterwards), and POST /verify: valid, one flipped byte, bytes
 * appended, an unknown PDF, a tampered audit chain. The outside checks (pdfsig,
 * pdftotext) run on the same pipeline in test/node and in the browser tests.
 */
import { env } from 'cloudflare:workers';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementScene, outbox, requestCode, sendReady, sign } from './agreements-scene';
import { Client } from './helpers';
import { sha256Hex } from '../../worker/domain/encoding';

async function pdf(client: Client, id: string, lang: string) {
	const res = await client.call(`/agreements/${id}/pdf?lang=${lang}`);
	return { res, bytes: new Uint8Array(await res.arrayBuffer()) as Uint8Array<ArrayBuffer> };
}

async function verify(bytes: Uint8Array, ip = '10.9.0.1') {
	const res = await new Client(ip).call('/verify', { body: bytes, headers: { 'content-type': 'application/pdf' } });
	expect(res.status).toBe(200);
	return (await res.json()) as { valid: boolean; verdict: string; reason: string; agreementId: string | null; signers: { party: string; name: string }[]; checks: Record<string, boolean> };
}

describe('agreement PDFs', () => {
	let scene: Awaited<ReturnType<typeof agreementScene>>;
	let sealed: Uint8Array<ArrayBuffer>;

	beforeAll(async () => {
		scene = await agreementScene({ brandName: 'Parfums Constantine', creatorName: 'Yasmine Kadi' });
	}, 120_000);

	it('renders the draft in fr, ar and en for both parties, and records each download', async () => {
		for (const lang of ['fr', 'ar', 'en']) {
			const { res, bytes } = await pdf(scene.brand.client, scene.agreementId, lang);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/pdf');
			expect(res.headers.get('x-wasla-sealed')).toBe('0');
			expect(res.headers.get('x-document-sha256')).toBe(await sha256Hex(bytes));
			const doc = await PDFDocument.load(bytes);
			expect(doc.getPageCount()).toBeGreaterThan(1);
			expect(doc.getTitle()).toBeTruthy();
		}
		expect((await pdf(scene.creator.client, scene.agreementId, 'ar')).res.status).toBe(200);
		const n = await env.DB.prepare("SELECT count(*) AS n FROM agreement_events WHERE agreement_id = ?1 AND action = 'downloaded'").bind(scene.agreementId).first<{ n: number }>();
		expect(n!.n).toBe(4);
	});

	it('another brand, another creator and a guest cannot download; a bad language is 400', async () => {
		const other = await agreementScene({ brandName: 'Autre Marque', creatorName: 'Autre Créatrice' });
		expect((await pdf(other.brand.client, scene.agreementId, 'fr')).res.status).toBe(404);
		expect((await pdf(other.creator.client, scene.agreementId, 'fr')).res.status).toBe(404);
		expect((await pdf(new Client(), scene.agreementId, 'fr')).res.status).toBe(401);
		expect((await pdf(scene.brand.client, scene.agreementId, 'de')).res.status).toBe(400);
	}, 120_000);

	it('a draft PDF is not a sealed document: verification says unknown', async () => {
		const { bytes } = await pdf(scene.brand.client, scene.agreementId, 'fr');
		const v = await verify(bytes);
		expect(v).toMatchObject({ valid: false, verdict: 'unknown', reason: 'not_sealed_by_wasla' });
	});

	it('once both signed, serves one sealed PDF per language, stored in R2 with its hash in D1', async () => {
		await sendReady(scene);
		await sign(scene.creator.client, scene.agreementId, await requestCode(scene.creator.client, scene.creator.email, scene.agreementId), 'Yasmine Kadi');
		// the brand is told it is its turn, in its language, with a link to sign
		const turn = (await outbox()).find((m) => m.to === scene.brand.email && m.subject.includes('à vous'));
		expect(turn?.text).toContain(`/agreements/${scene.agreementId}/sign`);
		const last = await sign(scene.brand.client, scene.agreementId, await requestCode(scene.brand.client, scene.brand.email, scene.agreementId), 'Lina Benali');
		expect(last.status).toBe(200);

		const first = await pdf(scene.creator.client, scene.agreementId, 'fr');
		expect(first.res.status).toBe(200);
		expect(first.res.headers.get('x-wasla-sealed')).toBe('1');
		sealed = first.bytes;
		const again = await pdf(scene.brand.client, scene.agreementId, 'fr');
		expect(again.bytes).toEqual(sealed);
		const row = await env.DB.prepare('SELECT r2_key, sha256, size FROM agreement_documents WHERE agreement_id = ?1 AND lang = ?2')
			.bind(scene.agreementId, 'fr')
			.first<{ r2_key: string; sha256: string; size: number }>();
		expect(row!.sha256).toBe(await sha256Hex(sealed));
		const object = await env.FILES.get(row!.r2_key);
		expect(new Uint8Array(await object!.arrayBuffer())).toEqual(sealed);
		// the certificate of completion adds pages after the clauses
		const draftPages = (await PDFDocument.load((await pdf(scene.brand.client, scene.agreementId, 'ar')).bytes)).getPageCount();
		expect(draftPages).toBeGreaterThan(2);
		const text = new TextDecoder('latin1').decode(sealed);
		expect(text).toMatch(/\/SubFilter\s*\/adbe\.pkcs7\.detached/);
		expect(text).toMatch(/\/ByteRange\s*\[\s*0 \d+ \d+ \d+\s*\]/);
	});

	it('verifies the sealed PDF and names the signers', async () => {
		const v = await verify(sealed);
		expect(v).toMatchObject({ valid: true, verdict: 'valid', reason: 'ok', agreementId: scene.agreementId, checks: { signature: true, storedHash: true, auditChain: true } });
		expect(v.signers.map((s) => s.name).sort()).toEqual(['Lina Benali', 'Yasmine Kadi']);
	});

	it('one changed byte, or bytes appended, make it not valid', async () => {
		const flipped = sealed.slice();
		const at = Math.floor(flipped.length / 3);
		flipped[at] = flipped[at] ^ 0x01;
		const v1 = await verify(flipped);
		expect(v1.valid).toBe(false);
		expect(v1.verdict).not.toBe('valid');
		const appended = new Uint8Array([...sealed, ...new TextEncoder().encode('\n% extra\n')]);
		const v2 = await verify(appended);
		expect(v2).toMatchObject({ valid: false, verdict: 'altered' });
	});

	it('an edited audit row makes the same bytes not valid any more', async () => {
		const before = await env.DB.prepare("SELECT data FROM agreement_events WHERE agreement_id = ?1 AND seq = 2").bind(scene.agreementId).first<{ data: string }>();
		await env.DB.prepare("UPDATE agreement_events SET data = '{\"forged\":true}' WHERE agreement_id = ?1 AND seq = 2").bind(scene.agreementId).run();
		try {
			const v = await verify(sealed);
			expect(v).toMatchObject({ valid: false, verdict: 'altered', reason: 'chain_broken', checks: { auditChain: false } });
		} finally {
			await env.DB.prepare('UPDATE agreement_events SET data = ?2 WHERE agreement_id = ?1 AND seq = 2').bind(scene.agreementId, before!.data).run();
		}
		expect((await verify(sealed)).valid).toBe(true);
	});

	it('refuses what is not a PDF upload, too large, and rate-limits one address', async () => {
		expect((await new Client().call('/verify', { json: { pdf: 'x' } })).status).toBe(415);
		const garbage = await verify(new TextEncoder().encode('not a pdf at all'), '10.9.0.2');
		expect(garbage).toMatchObject({ valid: false, verdict: 'unknown' });
		const big = await new Client().call('/verify', { body: new Uint8Array(10 * 1024 * 1024 + 1), headers: { 'content-type': 'application/pdf' } });
		expect(big.status).toBe(413);
		const ip = '10.9.0.3';
		for (let i = 0; i < 30; i++) expect((await new Client(ip).call('/verify', { body: new Uint8Array([37, 80, 68, 70]), headers: { 'content-type': 'application/pdf' } })).status).toBe(200);
		const limited = await new Client(ip).call('/verify', { body: new Uint8Array([37]), headers: { 'content-type': 'application/pdf' } });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBeTruthy();
	});
});
