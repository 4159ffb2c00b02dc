// Types for the test runtime: the Worker's bindings plus the migrations the setup applies.
declare namespace Cloudflare {
	interface Env {
		DB: D1Database;
		FILES: R2Bucket;
		ASSETS?: Fetcher;
		APP_ENV?: string;
		APP_ORIGINS?: string;
		SEAL_PRIVATE_KEY?: string;
		SEAL_CERTIFICATE?: string;
		TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
	}
	interface GlobalProps {
		mainModule: typeof import('../worker/index');
	}
}
