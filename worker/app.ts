/**
 * The Hono API, mounted at /api/v1. Route modules register themselves on a Router so
 * their schemas also build the OpenAPI document.
 */
import { type ErrorHandler, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { isMessageKey, t } from './i18n';
import { announceEmails, context, sameOrigin, session } from './middleware';
import { d1Session, replicaRoutes } from './d1-session';
import { problemBody, problemResponse } from './problem';
import type { Router } from './route';
import { accountRoutes } from './routes/accounts';
import { passwordResetRoutes } from './routes/password-reset';
import { twoFactorRoutes } from './routes/two-factor';
import { emailChangeRoutes } from './routes/email-change';
import { teamRoutes } from './routes/team';
import { referenceRoutes } from './routes/reference';
import { devRoutes } from './routes/dev';
import { creatorRoutes } from './routes/creators';
import { creatorLegalDetailsRoutes } from './routes/creator-legal-details';
import { applicationRoutes } from './routes/applications';
import { agreementRoutes } from './routes/agreements';
import { deliverableRoutes } from './routes/deliverables';
import { attributionRoutes } from './routes/attribution';
import { reportPdfRoutes } from './routes/report-pdf';
import { offerPageRoutes } from './routes/offer-page';
import { deliverableWithdrawalRoutes } from './routes/deliverable-withdrawals';
import { contentRoutes } from './routes/content';
import { deliverableTimelineRoutes } from './routes/deliverable-timelines';
import { deliverableDraftRoutes } from './routes/deliverable-drafts';
import { deliverablePublicationRoutes } from './routes/deliverable-publication';
import { deliverableStatsRoutes } from './routes/deliverable-stats';
import { notificationRoutes } from './routes/notifications';
import { campaignRoutes } from './routes/campaigns';
import { analysisRoutes } from './routes/analysis';
import { lookAlikeRoutes } from './routes/look-alikes';
import { matchingRoutes } from './routes/matching';
import { agreementDocumentRoutes } from './routes/agreement-documents';
import { payoutRoutes } from './routes/payouts';
import { creatorChecklistRoutes } from './routes/creator-checklist';
import { dashboardRoutes } from './routes/dashboard';
import { openApiDocument, docsHeaders, docsPage } from './openapi';
import { logAuthzDenied } from './authz-log';

export const API_PREFIX = '/api/v1';

/** Registers every API route on the router, in the order Hono matches them. */
function registerRoutes(router: Router) {
	accountRoutes(router);
	passwordResetRoutes(router);
	twoFactorRoutes(router);
	emailChangeRoutes(router);
	teamRoutes(router);
	referenceRoutes(router);
	creatorRoutes(router);
	creatorLegalDetailsRoutes(router);
	campaignRoutes(router);
	applicationRoutes(router);
	agreementRoutes(router);
	deliverableRoutes(router);
	attributionRoutes(router);
	reportPdfRoutes(router);
	offerPageRoutes(router);
	deliverableWithdrawalRoutes(router);
	contentRoutes(router);
	deliverableTimelineRoutes(router);
	deliverableDraftRoutes(router);
	deliverablePublicationRoutes(router);
	deliverableStatsRoutes(router);
	notificationRoutes(router);
	analysisRoutes(router);
	matchingRoutes(router);
	lookAlikeRoutes(router);
	agreementDocumentRoutes(router);
	payoutRoutes(router);
	creatorChecklistRoutes(router);
	dashboardRoutes(router);
	devRoutes(router);
}

/** Every route's spec, in registration order (the API tests check each response against its route's). */
export function routeSpecs(): Router['specs'] {
	const router: Router = { app: new Hono<AppEnv>(), specs: [] };
	registerRoutes(router);
	return router.specs;
}

/** The single error handler: an AppError as its problem+json (an authorization refusal logged as `authz.denied`), anything else logged and answered 500 without details. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
	const locale = c.get('locale') ?? 'fr';
	const requestId = c.get('requestId');
	if (err instanceof AppError) {
		logAuthzDenied(c, err.code, API_PREFIX);
		const headers: Record<string, string> = {};
		if (err.retryAfter) headers['retry-after'] = String(err.retryAfter);
		const errors = err.errors ?? err.fieldKeys?.map((f) => ({ path: f.path, message: isMessageKey(f.key) ? t(locale, f.key) : f.key }));
		return problemResponse(problemBody(err.code, locale, { detailKey: err.detailKey, errors, requestId }), headers);
	}
	if (err instanceof HTTPException && err.status < 500) {
		const code = err.status === 413 ? 'payload_too_large' : err.status === 415 ? 'unsupported_media_type' : 'invalid_request';
		return problemResponse(problemBody(code, locale, { requestId }));
	}
	// Log the failure with its request id; the client learns nothing about internals.
	console.error(JSON.stringify({ level: 'error', requestId, method: c.req.method, path: new URL(c.req.url).pathname, error: String(err instanceof Error ? (err.stack ?? err.message) : err) }));
	return problemResponse(problemBody('internal', locale, { requestId }));
};

export function createApp() {
	const api = new Hono<AppEnv>();
	const router: Router = { app: api, specs: [] };
	registerRoutes(router);

	api.get('/openapi.json', (c) => c.json(openApiDocument(router.specs, new URL(c.req.url).origin)));

	const app = new Hono<AppEnv>();
	app.use('*', context);
	app.onError(onError);
	app.notFound((c) => problemResponse(problemBody('not_found', c.get('locale') ?? 'fr', { requestId: c.get('requestId') })));
	// One D1 session per request, before the session lookup so that reads through it too (worker/d1-session.ts).
	app.use(`${API_PREFIX}/*`, announceEmails, sameOrigin, d1Session(replicaRoutes(router.specs, API_PREFIX)), session);
	app.route(API_PREFIX, api);
	app.get('/api/docs', async (c) => c.html(docsPage(openApiDocument(router.specs, new URL(c.req.url).origin)), 200, await docsHeaders()));
	return app;
}

export type App = ReturnType<typeof createApp>;
