import type { Env } from '../../worker/env';

declare global {
	namespace App {
		interface Locals {
			locale: 'fr' | 'ar' | 'en';
			me: import('$lib/server/api').Me | null;
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
