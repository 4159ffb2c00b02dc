/**
 * GET /me/payouts/statement and /me/payouts/statement.csv (issue 13, point 5): each side
 * sees its own payouts with totals by Algiers month, by agreement and counterparty, computed
 * here by hand; the CSV is UTF-8 with a BOM and formula-safe; another brand sees none of it;
 * a GET changes nothing.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { brandAccount } from './factories';
import { signedScene } from './deliverables-scene';
import { listPayouts, ok, step } from './payouts-scene';

interface Statement {
	side: string;
	months: { month: string; scheduledDzd: number; dueDzd: number; paidDzd: number; disputedDzd: number; confirmedDzd: number; overdueDzd: number; totalDzd: number }[];
	agreements: { agreementId: string; campaignTitle: string; counterparty: string; totalDzd: number; confirmedDzd: number; scheduledDzd: number }[];
	totals: Record<string, number>;
	lines: { id: string; month: string; column: string; amountDzd: number; reference: string | null }[];
}

describe('payout statements', () => {
	it('both sides: the same payouts, each side’s counterparty, totals by month; CSV with BOM; another brand sees nothing', async () => {
		const s = await signedScene({ brandName: 'Dattes de Biskra', creatorName: 'Sara Voyage' });
		const [first, second] = (await listPayouts(s.brand.client, s.agreementId)).payouts;
		await ok(await step(s.brand.client, first.id, 'mark-paid', { method: 'ccp', reference: '=SUM(A1)' }));
		await ok(await step(s.creator.client, first.id, 'confirm'));
		// Fixed moments: signed 31 Jan 2031 at 23:30 UTC (1 February in Algiers), confirmed 2 March.
		await env.DB.batch([
			env.DB.prepare('UPDATE payouts SET created_at = ?2 WHERE agreement_id = ?1').bind(s.agreementId, Date.UTC(2031, 0, 31, 23, 30)),
			env.DB.prepare('UPDATE payouts SET confirmed_at = ?2 WHERE id = ?1').bind(first.id, Date.UTC(2031, 2, 2, 10))
		]);

		const before = await env.DB.prepare('SELECT count(*) AS n FROM agreement_events').first<{ n: number }>();
		const brand = (await (await s.brand.client.call('/me/payouts/statement')).json()) as Statement;
		const creator = (await (await s.creator.client.call('/me/payouts/statement')).json()) as Statement;
		expect(brand.side).toBe('brand');
		expect(creator.side).toBe('creator');
		const expectedMonths = [
			{ month: '2031-03', scheduledDzd: 0, dueDzd: 0, paidDzd: 0, disputedDzd: 0, confirmedDzd: 12_500, overdueDzd: 0, totalDzd: 12_500 },
			{ month: '2031-02', scheduledDzd: 12_500, dueDzd: 0, paidDzd: 0, disputedDzd: 0, confirmedDzd: 0, overdueDzd: 0, totalDzd: 12_500 }
		];
		expect(brand.months).toEqual(expectedMonths);
		expect(creator.months).toEqual(expectedMonths);
		expect(brand.totals).toEqual({ scheduledDzd: 12_500, dueDzd: 0, paidDzd: 0, disputedDzd: 0, confirmedDzd: 12_500, overdueDzd: 0, totalDzd: 25_000 });
		expect(brand.agreements).toEqual([expect.objectContaining({ agreementId: s.agreementId, campaignTitle: 'Sérum éclat', counterparty: 'Sara Voyage', totalDzd: 25_000 })]);
		expect(creator.agreements).toEqual([expect.objectContaining({ agreementId: s.agreementId, counterparty: 'Dattes de Biskra', totalDzd: 25_000 })]);
		expect(brand.lines.map((l) => [l.id, l.month, l.column])).toEqual([
			[first.id, '2031-03', 'confirmed'],
			[second.id, '2031-02', 'scheduled']
		]);

		const csv = await s.creator.client.call('/me/payouts/statement.csv');
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="wasla-releve-paiements-creator-\d{4}-\d{2}-\d{2}\.csv"/);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
		expect(rows[0].startsWith('month,column,status,')).toBe(true);
		expect(rows[1]).toContain(`,Dattes de Biskra,${first.id},1,signature,12500,`);
		expect(rows[1]).toContain(",ccp,'=SUM(A1),");
		expect(rows[2]).toContain(`2031-02,scheduled,scheduled,false,${s.agreementId},`);
		expect(await env.DB.prepare('SELECT count(*) AS n FROM agreement_events').first<{ n: number }>()).toEqual(before);

		const other = await brandAccount('Autre Marque');
		const foreign = (await (await other.client.call('/me/payouts/statement')).json()) as Statement;
		expect(foreign).toMatchObject({ side: 'brand', months: [], agreements: [], lines: [] });
		expect(foreign.totals.totalDzd).toBe(0);
	});
});
