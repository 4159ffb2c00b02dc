/**
 * The Worker's entry (wrangler.toml `main`): SvelteKit's built fetch handler — pages, and
 * /api/* handed to Hono by web/src/hooks.server.ts — plus the Cron Trigger and the queue
 * consumer. adapter-cloudflare only emits `fetch`, and writes it to the `main` of its own
 * build-only config (wrangler.build.toml), so this file is never overwritten. The alias
 * `sveltekit-worker` (wrangler.toml [alias]) points at that build output.
 */
import sveltekit from 'sveltekit-worker';
import type { Env } from './env';
import { queue, scheduled } from './jobs';
import { isTrackedLinkPath, trackedLink } from './routes/links';

export default {
	// Tracked links (/l/<slug>) answer before SvelteKit: no session lookup, no page rendering.
	fetch: (request, env, ctx) => (isTrackedLinkPath(new URL(request.url).pathname) ? trackedLink(request, env, ctx) : sveltekit.fetch(request, env, ctx)),
	scheduled,
	queue
} satisfies ExportedHandler<Env, unknown>;
