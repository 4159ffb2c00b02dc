/**
 * Attribution (issue 12): the codes and tracked link of a signed agreement, and the limited
 * offer a creator announces. Only the agreement's parties; anyone else gets 404.
 */
import * as v from 'valibot';
import { type Router, route } from '../route';
import { either, json } from '../body';
import { AppError } from '../errors';
import { ById } from './params';
import { campaignReport, getCodes, importConversions, recordConversion, recordIntention, salesDesk, setOfferWindow } from '../services/attribution';
import { isMessageKey, t } from '../i18n';
import { reportCsv } from '../domain/campaign-report';
import { attachmentHeaders } from '../downloads';
import { ORDER_CSV_COLUMNS, parseOrdersCsv } from '../domain/conversions';
import { CodesResponse, ConversionBody, ConversionResponse, ImportResponse, IntentionBody, IntentionResponse, OfferWindowBody, ReportResponse, SalesQuery, SalesResponse } from './attribution.types';
import { ImportQuery, csvRowsProblem, importCsv, rowErrorsOut, wantsValidRows } from './csv-import';

const COMMON = { 401: { description: 'No session' }, 404: { description: 'Not found, or not one of its parties' } };

export function attributionRoutes(r: Router) {
	route(
		r,
		{
			method: 'get',
			path: '/agreements/:id/codes',
			summary: 'The promo code, WhatsApp keyword and tracked link of an agreement, whether each is live, and the announced limited offer',
			tags: ['attribution'],
			auth: 'user',
			params: ById,
			responses: { 200: { description: 'OK', schema: CodesResponse }, ...COMMON, 409: { description: 'The agreement’s stored terms are unreadable' } }
		},
		async (c, { ctx, params }) => c.json(await getCodes(ctx, { agreementId: params.id }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/agreements/:id/offer-window',
			summary: 'Records the limited offer (24 to 48 hours) the creator announces; recording again replaces it',
			tags: ['attribution'],
			auth: 'user',
			params: ById,
			body: json(OfferWindowBody),
			responses: { 200: { description: 'The codes with the offer', schema: CodesResponse }, ...COMMON, 409: { description: 'Not signed yet (`detail_offer_unsigned`)' } }
		},
		async (c, { ctx, params, body }) => c.json(await setOfferWindow(ctx, { agreementId: params.id, startsAt: Date.parse(body.startsAt), hours: body.hours, note: body.note }))
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/conversions',
			summary:
				'Records orders of the campaign: JSON (one order, from the staff phone form) or text/csv (orderRef,ref,amountDzd,channel,at,deliveryStatus). Each is credited to at most one creator — code, then keyword, then a link clicked in the last 30 days, then the "where did you see us?" answer — and stored once per brand and orderRef: a new delivery status updates it, the same one is a duplicate. ?mode=preview writes nothing; a CSV with bad rows is 422 unless ?importValid=1.',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			query: ImportQuery,
			body: either(json(ConversionBody), importCsv(ORDER_CSV_COLUMNS.join(','))),
			responses: {
				200: { description: 'JSON: a known reference updated or repeated ({result, conversion}); CSV: what was imported', schema: v.union([ConversionResponse, ImportResponse]) },
				201: { description: 'A new order ({result: "insert", conversion})', schema: ConversionResponse },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' },
				409: { description: 'The order reference belongs to another campaign of the brand' },
				413: { description: 'More than 5 000 rows or 2 MB' },
				422: { description: 'CSV rows with errors, nothing saved' }
			}
		},
		async (c, { ctx, params, query, body }) => {
			const { locale, now } = ctx;
			if (body.kind === 'json') {
				const o = body.value;
				const out = await recordConversion(ctx, {
					campaignId: params.id,
					order: {
						orderRef: o.orderRef,
						source: o.source,
						ref: o.ref,
						creatorId: o.creatorId,
						channel: o.channel,
						amountDzd: o.amountDzd,
						at: o.at ? Date.parse(o.at) : now,
						deliveryStatus: o.deliveryStatus
					}
				});
				return c.json(out, out.result === 'insert' ? 201 : 200);
			}
			const parsed = parseOrdersCsv(body.value, now);
			if (parsed.tooManyRows) throw new AppError('payload_too_large', { detailKey: 'detail_import_too_large' });
			const preview = query.mode === 'preview';
			if (parsed.errors.length > 0 && !preview && !wantsValidRows(query)) return csvRowsProblem(c, parsed.errors);
			const out = await importConversions(ctx, {
				campaignId: params.id,
				preview,
				orders: parsed.rows.map((r) => ({
					line: r.line,
					orderRef: r.orderRef,
					source: null,
					ref: r.ref,
					creatorId: null,
					channel: r.channel,
					amountDzd: r.amountDzd,
					at: r.at,
					wholeDay: r.wholeDay,
					deliveryStatus: r.deliveryStatus
				}))
			});
			const rejected = [...parsed.errors, ...out.otherCampaign.map((line) => ({ line, column: 'orderRef', key: 'order_ref_other_campaign' }))].sort((a, b) => a.line - b.line);
			return c.json({
				preview: out.preview,
				imported: out.imported,
				updated: out.updated,
				duplicates: out.duplicates,
				unattributed: out.unattributed,
				rows: out.rows,
				rejected: rowErrorsOut(locale, rejected)
			});
		}
	);

	route(
		r,
		{
			method: 'post',
			path: '/campaigns/:id/intentions',
			summary: 'One tap of the shop staff: a "where did you see us?" answer, or a WhatsApp or DM conversation, credited to one of the campaign’s creators',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			body: json(IntentionBody),
			responses: {
				201: { description: 'Recorded', schema: IntentionResponse },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' }
			}
		},
		async (c, { ctx, params, body }) => c.json(await recordIntention(ctx, { campaignId: params.id, creatorId: body.creatorId, kind: body.kind, at: body.at ? Date.parse(body.at) : ctx.now }), 201)
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/sales',
			summary: 'The sales desk of a campaign: its creators with their codes, link and intention tallies (today and in total), and its orders, newest first, 20 a page',
			tags: ['attribution'],
			auth: 'brand',
			params: ById,
			query: SalesQuery,
			responses: {
				200: { description: 'OK', schema: SalesResponse },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' }
			}
		},
		async (c, { ctx, params, query }) => c.json(await salesDesk(ctx, { campaignId: params.id, page: Number(query.page) }))
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/report',
			summary:
				'The campaign report: attention (latest D+1/D+7 figures), intention (clicks, story replies, conversations, answers), conversion (delivered orders, revenue, average basket, code uses, returns) per creator, per format and in total; costs per click, conversation and order (whole dinars, rounded down) and revenue over fee; a "keep as ambassador" recommendation with its reasons',
			tags: ['attribution'],
			auth: 'brand',
			replica: true,
			params: ById,
			responses: {
				200: { description: 'OK', schema: ReportResponse },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' }
			}
		},
		async (c, { ctx, params }) => {
			const report = await campaignReport(ctx, { campaignId: params.id });
			const say = (key: string, p: Record<string, number>) => (isMessageKey(key) ? t(ctx.locale, key, p) : key);
			return c.json({
				...report,
				creators: report.creators.map((cr) => ({ ...cr, recommendation: { keep: cr.recommendation.keep, reasons: cr.recommendation.reasons.map((x) => ({ ...x, message: say(x.key, x.params) })) } }))
			});
		}
	);

	route(
		r,
		{
			method: 'get',
			path: '/campaigns/:id/report.csv',
			summary: 'The campaign report as CSV (UTF-8 with a byte-order mark, for spreadsheets): one row per creator, then the total; cells a spreadsheet would run as formulas are neutralised',
			tags: ['attribution'],
			auth: 'brand',
			replica: true,
			params: ById,
			responses: {
				200: { description: 'text/csv attachment' },
				401: { description: 'No session' },
				403: { description: 'Not a brand member' },
				404: { description: 'Not a campaign of the caller’s brand' }
			}
		},
		async (_c, { ctx, params }) => {
			const report = await campaignReport(ctx, { campaignId: params.id });
			const body = new TextEncoder().encode(`\ufeff${reportCsv(report)}`);
			return new Response(body, { headers: attachmentHeaders({ type: 'text/csv; charset=utf-8', name: `wasla-report-${report.campaign.id}.csv`, size: body.byteLength }) });
		}
	);
}
