/**
 * GET /campaigns/:id/report.pdf (issue 12, point 6): the campaign report as a PDF in French,
 * Arabic or English, drawn by the agreements' renderer (contracts/pdf). The numbers are
 * `campaignReport`'s, so the PDF, the page and the CSV never disagree; the generation time is
 * the request's clock, so the same data at the same minute gives the same bytes.
 */
import type { CallerContext } from '../../context';
import type { DocLang } from '../../../contracts/document';
import { renderReportPdf } from '../../../contracts/pdf';
import { buildReportDocument } from '../../domain/report-document';
import { campaignReport } from './report';

export async function campaignReportPdf(ctx: CallerContext, input: { campaignId: string; lang: DocLang }): Promise<{ bytes: Uint8Array; filename: string; generatedAt: number }> {
	const report = await campaignReport(ctx, { campaignId: input.campaignId });
	const generatedAt = ctx.now;
	const bytes = await renderReportPdf(buildReportDocument(report, { lang: input.lang, now: generatedAt }));
	return { bytes, filename: `wasla-report-${report.campaign.id}-${input.lang}.pdf`, generatedAt };
}
