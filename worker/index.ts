/**
 * Entry of the API alone, for the API tests (vitest's workers project): the Hono app's
 * fetch (and the tracked links /l/<slug> and landing pages /o/<slug>), with the same `scheduled` and `queue` handlers as the real entry (worker/entry.ts),
 * so tests drive the cron and the queue consumer that production runs. In production the
 * SvelteKit Worker hands /api/* to the same app from web/src/hooks.server.ts.
 */
import { createApp } from './app';
import type { Env } from './env';
import { queue, scheduled } from './jobs';
import { isTrackedLinkPath, trackedLink } from './routes/links';
import { isOfferPath, offerPage } from './routes/offer';

const app = createApp();

export default {
	// Tracked links (/l/<slug>) and landing pages (/o/<slug>), as the real entry serves them: before anything else.
	fetch: (request, env, ctx) => {
		const path = new URL(request.url).pathname;
		if (isTrackedLinkPath(path)) return trackedLink(request, env, ctx);
		if (isOfferPath(path)) return offerPage(request, env, ctx);
		return app.fetch(request, env, ctx);
	},
	scheduled,
	queue
} satisfies ExportedHandler<Env, unknown>;
