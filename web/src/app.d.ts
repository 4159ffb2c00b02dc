import type { Env } from '../../worker/env';

declare global {
	namespace App {
		interface Locals {
			locale: 'fr' | 'ar' | 'en';
			me: import('$lib/server/api').Me | null;
			/** The session lookup this page request's API calls share (worker/page-session.ts); set by hooks.server.ts. */
			pageSession?: import('../../worker/page-session').PageSession;
			/** The messages the root layout chose for a rendered page: hooks.server.ts writes them into its HTML ($lib/i18n/page-messages.ts). */
			pageMessages?: import('$lib/i18n').Messages;
		}
		interface Platform {
			env: Env;
			ctx: ExecutionContext;
			caches: CacheStorage;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
