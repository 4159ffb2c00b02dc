// Types for the test runtime: the Worker's own bindings (worker/env.ts) plus the migrations the setup applies and the test inbox's address.
type WaslaEnv = import('../worker/env').Env;

declare namespace Cloudflare {
	interface Env extends WaslaEnv {
		TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
		/** An empty second database (vitest.config.ts): test/api/backup-restore.test.ts restores an export of DB into it. */
		RESTORE_DB: D1Database;
		/** The test SMTP server's inbox API (test/mail-inbox-setup.ts, scripts/mail-inbox.mjs). */
		INBOX_URL: string;
		/** test/api/fuzz.test.ts: runs per route ('' = the CI default) and seed ('random', a number, or '' = the fixed CI seed). */
		FUZZ_RUNS: string;
		FUZZ_SEED: string;
	}
	interface GlobalProps {
		mainModule: typeof import('../worker/index');
	}
}
