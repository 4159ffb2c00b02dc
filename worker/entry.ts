/**
 * The Worker's entry (wrangler.toml `main`): SvelteKit's built fetch handler — pages, and
 * /api/* handed to Hono by web/src/hooks.server.ts — plus the Cron Trigger and the queue
 * consumer. adapter-cloudflare only emits `fetch`, and writes it to the `main` of its own
 * build-only config (wrangler.build.toml), so this file is never overwritten. The alias
 * `sveltekit-worker` (wrangler.toml [alias]) points at that build output.
 */
import sveltekit from 'sveltekit-worker';
import { withoutCacheLookup } from './cache-lookup';
import type { Env } from './env';
import { queue, scheduled } from './jobs';
import { isTrackedLinkPath, trackedLink } from './routes/links';
import { isOfferPath, offerPage } from './routes/offer';

export default {
	// Tracked links (/l/<slug>) and their landing pages (/o/<slug>) answer before SvelteKit: no session lookup, no page rendering.
	fetch: (request, env, ctx) => {
		const path = new URL(request.url).pathname;
		if (isTrackedLinkPath(path)) return trackedLink(request, env, ctx);
		if (isOfferPath(path)) return offerPage(request, env, ctx);
		// Pages and API answers are private: the adapter's Cache API lookup could only miss (worker/cache-lookup.ts).
		return sveltekit.fetch(withoutCacheLookup(request, path), env, ctx);
	},
	scheduled,
	queue
} satisfies ExportedHandler<Env, unknown>;
