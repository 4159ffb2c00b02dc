import { describe, expect, it } from 'vitest';
import { type ChainedEvent, EMPTY_HEAD, GENESIS_HASH, auditCanonicalJson, auditEventHashInput, eventHash, nextEvent, verifyChain } from '../../worker/domain/audit-chain';
import { sha256Hex } from '../../worker/domain/encoding';

const ID = 'agr-1';
const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);

async function chain(n: number, agreementId = ID): Promise<ChainedEvent[]> {
	const out: ChainedEvent[] = [];
	let head = EMPTY_HEAD;
	const actions = ['created', 'edited', 'sent', 'signed', 'completed'];
	for (let i = 0; i < n; i++) {
		const e = await nextEvent(head, {
			agreementId,
			at: T0 + i * 1000,
			actor: { party: i % 2 ? 'creator' : 'brand', userId: `u${i % 2}` },
			action: actions[i % actions.length],
			data: { version: 1, i }
		});
		out.push(e);
		head = { seq: e.seq, hash: e.hash };
	}
	return out;
}

describe('canonical JSON', () => {
	it('sorts keys at every depth, drops undefined members, keeps array order', () => {
		expect(auditCanonicalJson({ b: 1, a: { d: [3, 1], c: 'x' }, z: undefined })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
		expect(auditCanonicalJson({ a: 1, b: 2 })).toBe(auditCanonicalJson({ b: 2, a: 1 }));
		expect(auditCanonicalJson(['é', null, true])).toBe('["é",null,true]');
	});
});

describe('hash chain', () => {
	it('links the first event to 64 zeros and each next one to the previous hash', async () => {
		const events = await chain(4);
		expect(events[0].prevHash).toBe(GENESIS_HASH);
		expect(GENESIS_HASH).toMatch(/^0{64}$/);
		for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
		expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
	});

	it('hash = SHA-256(prevHash || canonical {agreementId, seq, at, actor, action, data}) with at in ISO UTC', async () => {
		const [e] = await chain(1);
		const payload = `{"action":"created","actor":{"party":"brand","userId":"u0"},"agreementId":"agr-1","at":"2026-11-26T10:00:00.000Z","data":{"i":0,"version":1},"seq":1}`;
		expect(auditEventHashInput(e.prevHash, e)).toBe(GENESIS_HASH + payload);
		expect(e.hash).toBe(await sha256Hex(GENESIS_HASH + payload));
		expect(await eventHash(e.prevHash, e)).toBe(e.hash);
	});

	it('verifies an intact chain and returns its head', async () => {
		const events = await chain(5);
		expect(await verifyChain(ID, events)).toEqual({ valid: true, head: { seq: 5, hash: events[4].hash } });
		expect(await verifyChain(ID, [])).toEqual({ valid: true, head: EMPTY_HEAD });
	});

	it('finds an edited event (data, actor, time or action) at its seq', async () => {
		const edits: ((e: ChainedEvent) => ChainedEvent)[] = [
			(e) => ({ ...e, data: { ...e.data, version: 2 } }),
			(e) => ({ ...e, actor: { party: 'brand', userId: 'intruder' } }),
			(e) => ({ ...e, at: e.at + 1 }),
			(e) => ({ ...e, action: 'voided' })
		];
		for (const edit of edits) {
			const events = await chain(5);
			events[2] = edit(events[2]);
			expect(await verifyChain(ID, events)).toEqual({ valid: false, brokenAt: 3, reason: 'hash_mismatch' });
		}
	});

	it('finds a re-hashed forgery by its broken link to the next event', async () => {
		const events = await chain(4);
		const forged = { ...events[1], data: { forged: true } };
		forged.hash = await eventHash(forged.prevHash, forged);
		events[1] = forged;
		expect(await verifyChain(ID, events)).toEqual({ valid: false, brokenAt: 3, reason: 'prev_hash_mismatch' });
	});

	it('finds swapped seqs, a removed event and events from another agreement', async () => {
		const swapped = await chain(4);
		[swapped[1], swapped[2]] = [
			{ ...swapped[2], seq: 2 },
			{ ...swapped[1], seq: 3 }
		];
		expect(await verifyChain(ID, swapped)).toMatchObject({ valid: false, brokenAt: 2 });

		const removed = await chain(4);
		removed.splice(1, 1);
		expect(await verifyChain(ID, removed)).toEqual({ valid: false, brokenAt: 2, reason: 'seq_gap' });

		const other = await chain(2, 'agr-2');
		expect(await verifyChain(ID, other)).toEqual({ valid: false, brokenAt: 1, reason: 'wrong_agreement' });

		const truncatedStart = (await chain(3)).slice(1);
		expect(await verifyChain(ID, truncatedStart)).toMatchObject({ valid: false, brokenAt: 1, reason: 'seq_gap' });
	});
});
