import type { Env } from '../../worker/env';

declare global {
	namespace App {
		interface Locals {
			locale: 'fr' | 'ar' | 'en';
			me: import('$lib/server/api').Me | null;
			/** The session lookup this page request's API calls share (worker/page-session.ts); set by hooks.server.ts. */
			pageSession?: import('../../worker/page-session').PageSession;
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
