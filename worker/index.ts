/**
 * Standalone entry of the API (used by the API tests). In production the SvelteKit
 * Worker hands /api/* to the same app from web/src/hooks.server.ts.
 */
import { createApp } from './app';
import type { Env } from './env';

const app = createApp();

export default {
	fetch: (request, env, ctx) => app.fetch(request, env, ctx)
} satisfies ExportedHandler<Env>;
