/**
 * The campaign report as a PDF (issue 12, point 6): French, Arabic or English, brand members
 * only, drawn by the agreements' renderer. The numbers are those of GET /campaigns/:id/report.
 */
import * as v from 'valibot';
import { type Router, route } from '../route';
import { attachmentHeaders } from '../downloads';
import { iso } from '../domain/dates';
import { ById } from './params';
import { campaignReportPdf } from '../services/attribution/report-pdf';

const ReportPdfQuery = v.object({ lang: v.optional(v.picklist(['fr', 'ar', 'en'], 'locale_invalid')) });

export function reportPdfRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/report.pdf',
			summary:
				'The campaign report as an A4 PDF in French, Arabic (right to left) or English (`?lang`, default: the caller’s language): the attribution rule, the three levels and their costs in total, the funnel, each creator with the recommendation and its reasons, attention per format. `X-Report-Generated-At` is the generation time printed in it',
			tags: ['attribution'],
			auth: 'brand',
			replica: true,
			params: ById,
			query: ReportPdfQuery,
			responses: {
				200: { description: 'application/pdf attachment `wasla-report-<id>-<lang>.pdf`' },
				400: { description: 'Unknown language (`lang` other than fr, ar, en)' },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' }
			}
		},
		async (_c, { ctx, params, query }) => {
			const pdf = await campaignReportPdf(ctx, { campaignId: params.id, lang: query.lang ?? ctx.locale });
			return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
				headers: { ...attachmentHeaders({ type: 'application/pdf', name: pdf.filename, size: pdf.bytes.byteLength }), 'x-report-generated-at': iso(pdf.generatedAt) }
			});
		}
	);
}
