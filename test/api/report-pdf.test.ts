/**
 * GET /campaigns/:id/report.pdf (issue 12, point 6): the campaign report as a PDF in French,
 * Arabic or English for the campaign's brand; the bytes are the renderer's for the numbers of
 * GET /campaigns/:id/report at the generation time the response names.
 */
import { env } from 'cloudflare:workers';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../contracts/pdf';
import { type ReportForDocument, buildReportDocument } from '../../worker/domain/report-document';
import { brandAccount, createCampaign } from './factories';
import { signedScene } from './deliverables-scene';

const pdfOf = (res: Response) => res.arrayBuffer().then((b) => new Uint8Array(b));

describe('GET /campaigns/:id/report.pdf', () => {
	it('downloads the report as a private PDF attachment whose bytes are the renderer’s for the report’s numbers', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		expect((await s.brand.client.call(`/campaigns/${s.campaignId}/conversions`, { json: { ref: 'NOUR10', channel: 'whatsapp', amountDzd: 12_500, orderRef: 'PDF-1' } })).status).toBe(201);

		const res = await s.brand.client.call(`/campaigns/${s.campaignId}/report.pdf?lang=fr`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="wasla-report-${s.campaignId}-fr\\.pdf"`));
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		const generatedAt = Date.parse(res.headers.get('x-report-generated-at') ?? '');
		expect(Math.abs(Date.now() - generatedAt)).toBeLessThan(60_000);
		const bytes = await pdfOf(res);
		expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
		const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(pdf.getTitle()).toBe('Rapport de campagne · Sérum éclat');

		// The same numbers (GET /report) at the same time give exactly these bytes.
		const report = (await (await s.brand.client.call(`/campaigns/${s.campaignId}/report`)).json()) as ReportForDocument;
		expect(report.totals.conversion).toMatchObject({ orders: 1, revenueDzd: 12_500 });
		const expected = await renderReportPdf(buildReportDocument(report, { lang: 'fr', now: generatedAt }));
		expect(bytes).toEqual(expected);
	});

	it('speaks the caller’s language by default, and ?lang picks another', async () => {
		const s = await signedScene({ creatorName: 'Sara Mode' });
		const ar = await s.brand.client.call(`/campaigns/${s.campaignId}/report.pdf`, { headers: { 'accept-language': 'ar-DZ,ar;q=0.9' } });
		expect(ar.status).toBe(200);
		expect(ar.headers.get('content-disposition')).toContain(`wasla-report-${s.campaignId}-ar.pdf`);
		expect((await PDFDocument.load(await pdfOf(ar), { updateMetadata: false })).getTitle()).toBe('تقرير الحملة · Sérum éclat');
		const en = await s.brand.client.call(`/campaigns/${s.campaignId}/report.pdf?lang=en`, { headers: { 'accept-language': 'ar' } });
		expect(en.headers.get('content-disposition')).toContain(`-en.pdf`);
		expect((await PDFDocument.load(await pdfOf(en), { updateMetadata: false })).getTitle()).toBe('Campaign report · Sérum éclat');
	});

	it('refuses an unknown language with a 400 problem, a creator with 403 and another brand with 404', async () => {
		const s = await signedScene({ creatorName: 'Nour Beauty' });
		const bad = await s.brand.client.call(`/campaigns/${s.campaignId}/report.pdf?lang=xx`);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toContain('application/problem+json');
		const problem = (await bad.json()) as { errors?: { path: string; message: string }[] };
		expect(problem.errors?.[0]).toMatchObject({ path: 'lang', message: 'Langue inconnue : fr, ar ou en.' });
		expect((await s.creator.client.call(`/campaigns/${s.campaignId}/report.pdf`)).status).toBe(403);
		expect((await (await brandAccount('Marque Tierce')).client.call(`/campaigns/${s.campaignId}/report.pdf`)).status).toBe(404);
	});

	it('renders a campaign nobody has signed for yet', async () => {
		const brand = await brandAccount('Boutique Vide');
		const campaignId = await createCampaign(env, { brandId: brand.brandId, title: 'حملة الصيف' });
		const res = await brand.client.call(`/campaigns/${campaignId}/report.pdf?lang=ar`);
		expect(res.status).toBe(200);
		const pdf = await PDFDocument.load(await pdfOf(res), { updateMetadata: false });
		expect(pdf.getTitle()).toBe('تقرير الحملة · حملة الصيف');
		expect(pdf.getPageCount()).toBeGreaterThan(0);
	});
});
